"""Åtgärdsplan: goals by livsområde → delmål → åtgärder as a tree, with status colours,
and the follow-up history of the selected goal.

Editable in place: F2 (or a click on the selected cell) edits an item's words in the tree
or picks its status from a list; a double-click opens every field in a dialog. An edit in
the tree is sent to the worker as a write; the tree is redrawn from the caseload after it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind
from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.style import PLAN_COLOURS
from sigdesk.ui.widgets import EmptyState, button_row, heading, make_table
from sigdesk.ui.youth.base import DetailTab

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from sigdesk.actors import ActorRow
    from sigdesk.plans import FollowUpRow, GoalView
    from sigdesk.ui.ops import Ops

REF_ROLE = Qt.ItemDataRole.UserRole + 1  # ("goal" | "subgoal" | "action", id)
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's own words, without "Mål: "
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # its PlanStatus code
TEXT, STATUS = 0, 1
_P, _F = "PlanTab", "FollowUpColumns"
HEADERS = (
    QT_TRANSLATE_NOOP("PlanTab", "Goal / sub-goal / action"),
    QT_TRANSLATE_NOOP("PlanTab", "Status"),
    QT_TRANSLATE_NOOP("PlanTab", "Responsible"),
    QT_TRANSLATE_NOOP("PlanTab", "Done by"),
    QT_TRANSLATE_NOOP("PlanTab", "Latest follow-up"),
)


@dataclass(frozen=True)
class PlanData:
    goals: list[GoalView]
    network: list[ActorRow]
    overall_goal: str = ""
    track: Any = None  # the youth's Track: which livsområden a new goal may have


def _status_item(status: Any) -> QStandardItem:
    item = QStandardItem(status.label)
    background, text = PLAN_COLOURS[status.value]
    item.setBackground(QBrush(QColor(background)))
    item.setForeground(QBrush(QColor(text)))
    return item


def _latest(view: Any) -> str:
    latest = view.latest
    if latest is None:
        return ""
    comment = f": {latest.comment}" if latest.comment else ""
    return f"{fmt_date(latest.meeting_date)} {latest.status.label}{comment}"


class PlanItemDelegate(QStyledItemDelegate):
    """In-place editors: a line for an item's words, a list for its status.

    The model is never written here: the edit goes to the worker through the tab, and
    the refreshed plan redraws the tree (or the error is shown and nothing changes).
    """

    def __init__(self, tab: PlanTab) -> None:
        super().__init__(tab.tree)
        self.tab = tab

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget | None:
        if not index.siblingAtColumn(0).data(REF_ROLE):
            return None
        if index.column() == TEXT:
            return QLineEdit(parent)
        if index.column() == STATUS:
            from sigdesk.catalogues import PlanStatus

            combo = QComboBox(parent)
            for status in PlanStatus:
                combo.addItem(status.label, status.value)
            return combo
        return None

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect  # the status list may be wider than its narrow column
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(index.data(TEXT_ROLE) or "")
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(STATUS_ROLE))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        ref = tuple(index.siblingAtColumn(0).data(REF_ROLE))
        if isinstance(editor, QLineEdit) and editor.text() != index.data(TEXT_ROLE):
            self.tab.rename(ref, editor.text())  # type: ignore[arg-type]
        elif isinstance(editor, QComboBox) and editor.currentData() != index.data(STATUS_ROLE):
            from sigdesk.catalogues import PlanStatus

            self.tab.set_status_of(ref, PlanStatus(editor.currentData()))  # type: ignore[arg-type]


class PlanTab(DetailTab):
    kinds = (ChangeKind.PLAN, ChangeKind.NETWORK, ChangeKind.YOUTH)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        delegate = PlanItemDelegate(self)
        self.tree.setItemDelegate(delegate)
        #: A refresh that arrived during an in-place edit; drawn when the editor closes.
        self._waiting: PlanData | None = None
        delegate.closeEditor.connect(lambda *_: QTimer.singleShot(0, self._draw_waiting))
        self.tree.setToolTip(
            self.tr(
                "F2 or a click on the selected cell edits the words or the status here; "
                "a double-click opens every field."
            )
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.doubleClicked.connect(self.edit_selected)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        #: (kind, id) → "Delmål: …", for naming items in the follow-up history.
        self.item_names: dict[tuple[str, int], str] = {}
        self.history = RowsModel(_F, self._followup_columns(), self)
        self.history_table = make_table(self.history)
        self.empty = EmptyState(
            self.tr("No goals yet. Agree the first goal with the youth and add it with New goal.")
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)
        self.goal_button = QPushButton(self.tr("New &goal…"))
        self.subgoal_button = QPushButton(self.tr("New &sub-goal…"))
        self.action_button = QPushButton(self.tr("New &action…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.status_button = QToolButton()
        self.status_button.setText(self.tr("Set status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.goal_button.clicked.connect(self.new_goal)
        self.subgoal_button.clicked.connect(self.new_subgoal)
        self.action_button.clicked.connect(self.new_action)
        self.edit_button.clicked.connect(self.edit_selected)
        self._build_status_menu()
        self.overall_goal = QLabel()
        self.overall_goal.setWordWrap(True)
        self.overall_goal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(heading(self.tr("Follow-up history of the selected goal")))
        low.addWidget(self.history_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(
                self.goal_button,
                self.subgoal_button,
                self.action_button,
                self.edit_button,
                self.status_button,
            )
        )
        layout.addWidget(self.overall_goal)
        layout.addWidget(splitter)
        self._update_buttons()

    def _followup_columns(self) -> list[Column[FollowUpRow]]:
        return [
            Column(
                QT_TRANSLATE_NOOP("FollowUpColumns", "Meeting"),
                lambda f: fmt_date(f.meeting_date),
            ),
            Column(
                QT_TRANSLATE_NOOP("FollowUpColumns", "Item"),
                lambda f: self.item_names.get((f.item.kind.value, f.item.id), f.item.kind.label),
            ),
            Column(
                QT_TRANSLATE_NOOP("FollowUpColumns", "Status"),
                lambda f: f.status.label,
                colours=lambda f: PLAN_COLOURS[f.status.value],
            ),
            Column(QT_TRANSLATE_NOOP("FollowUpColumns", "Comment"), lambda f: f.comment),
        ]

    def _build_status_menu(self) -> None:
        menu = QMenu(self)
        self.status_menu = menu
        self.status_button.setMenu(menu)
        menu.aboutToShow.connect(self._fill_status_menu)

    def _fill_status_menu(self) -> None:
        from sigdesk.catalogues import PlanStatus

        self.status_menu.clear()
        for status in PlanStatus:
            action = QAction(status.label, self.status_menu)
            action.triggered.connect(lambda _=False, st=status: self.set_status(st))
            self.status_menu.addAction(action)

    @staticmethod
    def load(session: Session, youth_id: int, today: date) -> Any:
        from sigdesk.actors import network_of
        from sigdesk.caseload import get_youth_row
        from sigdesk.plans import plan_of

        youth = get_youth_row(session, youth_id)
        return PlanData(
            plan_of(session, youth_id),
            network_of(session, youth_id),
            youth.overall_goal,
            youth.track,
        )

    def clear(self) -> None:
        self.overall_goal.clear()
        self.model.clear()
        self.history.set_rows([])
        self.stack.setCurrentWidget(self.empty)
        self._update_buttons()

    def show_data(self, data: PlanData) -> None:
        if self.tree.state() == QAbstractItemView.State.EditingState:
            self._waiting = data  # redrawing now would throw away what is being typed
            return
        self._waiting = None
        self.overall_goal.setText(
            self.tr("<b>Overall goal:</b> {goal}").format(goal=html.escape(data.overall_goal))
            if data.overall_goal
            else self.tr("<b>Overall goal:</b> not written yet (Overview → Edit).")
        )
        expanded = self.current_ref()
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        areas: dict[str, QStandardItem] = {}
        for goal in data.goals:
            area = areas.get(goal.life_area.value)
            if area is None:
                area = QStandardItem(goal.life_area.label)
                font = area.font()
                font.setBold(True)
                area.setFont(font)
                areas[goal.life_area.value] = area
                row = [area, *(QStandardItem() for _ in HEADERS[1:])]
                for item in row:
                    item.setEditable(False)
                self.model.appendRow(row)
            area.appendRow(self._goal_row(goal))
        self.tree.expandAll()
        for column in range(1, len(HEADERS) - 1):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, max(320, self.tree.columnWidth(0)))
        self.stack.setCurrentWidget(self.tree if data.goals else self.empty)
        if expanded is not None:
            self.select_ref(expanded)
        self._update_buttons()

    def _draw_waiting(self) -> None:
        if self._waiting is not None:
            self.show_data(self._waiting)

    def _goal_row(self, goal: GoalView) -> list[QStandardItem]:
        head = self._row(("goal", goal.id), goal.description, goal.status, "", None, goal)
        by_sub: dict[int | None, list[Any]] = {}
        for action in goal.actions:
            by_sub.setdefault(action.subgoal_id, []).append(action)
        for sub in goal.subgoals:
            sub_row = self._row(
                ("subgoal", sub.id), sub.description, sub.status, "", sub.target_date, sub
            )
            for action in by_sub.get(sub.id, []):
                sub_row[0].appendRow(self._action_row(action))
            head[0].appendRow(sub_row)
        for action in by_sub.get(None, []):
            head[0].appendRow(self._action_row(action))
        return head

    def _action_row(self, action: Any) -> list[QStandardItem]:
        return self._row(
            ("action", action.id),
            action.what,
            action.status,
            action.responsible,
            action.due_date,
            action,
        )

    def _row(
        self, ref: tuple[str, int], text: str, status: Any, who: str, due: Any, view: Any
    ) -> list[QStandardItem]:
        kind_label = {
            "goal": self.tr("Goal"),
            "subgoal": self.tr("Sub-goal"),
            "action": self.tr("Action"),
        }[ref[0]]
        first = QStandardItem(f"{kind_label}: {' '.join(text.split())}")
        self.item_names[ref] = first.text()
        first.setToolTip(text)
        first.setData(ref, REF_ROLE)
        first.setData(text, TEXT_ROLE)
        state = _status_item(status)
        state.setData(status.value, STATUS_ROLE)
        rest = [QStandardItem(who), QStandardItem(fmt_date(due)), QStandardItem(_latest(view))]
        for item in rest:
            item.setEditable(False)
        return [first, state, *rest]

    # --- selection ------------------------------------------------------------------

    def current_ref(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        ref = index.siblingAtColumn(0).data(REF_ROLE)
        return tuple(ref) if ref else None  # type: ignore[return-value]

    def select_ref(self, ref: tuple[str, int]) -> None:
        # QAbstractItemModel.match cannot compare the Python tuples kept in REF_ROLE.
        wanted = tuple(ref)
        stack = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while stack:
            index = stack.pop()
            data = index.data(REF_ROLE)
            if data and tuple(data) == wanted:
                self.tree.setCurrentIndex(index)
                return
            stack.extend(self.model.index(r, 0, index) for r in range(self.model.rowCount(index)))

    def current_goal(self) -> GoalView | None:
        index = self.tree.currentIndex().siblingAtColumn(0)
        while index.isValid():
            ref = index.data(REF_ROLE)
            if ref and ref[0] == "goal" and self.data is not None:
                return next((g for g in self.data.goals if g.id == ref[1]), None)
            index = index.parent()
        return None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        goal = self.current_goal()
        if goal is None:
            self.history.set_rows([])
            return
        from sigdesk.plans import followup_history

        goal_id = goal.id
        self.ops.query(lambda s: followup_history(s, goal_id), self._show_history, owner=self)

    def _show_history(self, rows: list[FollowUpRow]) -> None:
        if self.current_goal() is not None:
            self.history.set_rows(rows)
            self.history_table.resizeColumnsToContents()

    def _update_buttons(self) -> None:
        has_goal = self.current_goal() is not None
        has_item = self.current_ref() is not None
        for b in (self.subgoal_button, self.action_button):
            b.setEnabled(has_goal)
        self.edit_button.setEnabled(has_item)
        self.status_button.setEnabled(has_item)
        self.goal_button.setEnabled(self.youth_id is not None)

    # --- actions --------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def new_goal(self) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.plan import GoalDialog

        track = self.data.track if self.data is not None else None
        parent = self.window_for_dialogs()
        return self._open(GoalDialog(self.ops, self.youth_id, track=track, parent=parent))

    def new_subgoal(self) -> QWidget | None:
        goal = self.current_goal()
        if goal is None:
            return None
        from sigdesk.ui.dialogs.plan import SubGoalDialog

        return self._open(SubGoalDialog(self.ops, goal.id, parent=self.window_for_dialogs()))

    def new_action(self) -> QWidget | None:
        goal = self.current_goal()
        if goal is None or self.data is None:
            return None
        from sigdesk.ui.dialogs.plan import ActionDialog

        return self._open(
            ActionDialog(
                self.ops,
                goal,
                network=self.data.network,
                subgoal_id=self._selected_subgoal_id(goal),
                parent=self.window_for_dialogs(),
            )
        )

    def _selected_subgoal_id(self, goal: GoalView) -> int | None:
        """The delmål selected in the tree (or the one of the selected action)."""
        ref = self.current_ref()
        if ref is None:
            return None
        kind, item_id = ref
        if kind == "subgoal":
            return item_id
        if kind == "action":
            return next((a.subgoal_id for a in goal.actions if a.id == item_id), None)
        return None

    def edit_selected(self) -> QWidget | None:
        ref, goal = self.current_ref(), self.current_goal()
        if ref is None or goal is None or self.data is None:
            return None
        from sigdesk.ui.dialogs.plan import ActionDialog, GoalDialog, SubGoalDialog

        parent = self.window_for_dialogs()
        kind, item_id = ref
        if kind == "goal":
            assert self.youth_id is not None
            track = self.data.track if self.data is not None else None
            dialog = GoalDialog(self.ops, self.youth_id, goal=goal, track=track, parent=parent)
            return self._open(dialog)
        if kind == "subgoal":
            sub = next(s for s in goal.subgoals if s.id == item_id)
            return self._open(SubGoalDialog(self.ops, goal.id, subgoal=sub, parent=parent))
        action = next(a for a in goal.actions if a.id == item_id)
        return self._open(
            ActionDialog(self.ops, goal, network=self.data.network, action=action, parent=parent)
        )

    def set_status(self, status: Any) -> None:
        ref = self.current_ref()
        if ref is not None:
            self.set_status_of(ref, status)

    def set_status_of(self, ref: tuple[str, int], status: Any) -> None:
        from sigdesk.plans import ItemKind, ItemRef, set_status

        item = ItemRef(ItemKind(ref[0]), ref[1])
        self.ops.write(lambda s: set_status(s, item, status))

    def rename(self, ref: tuple[str, int], text: str) -> None:
        """The in-place edit of an item's words; an empty text is refused by the service."""
        from sigdesk.plans import ItemKind, ItemRef, rename_item

        item, today = ItemRef(ItemKind(ref[0]), ref[1]), self.ops.ctx.clock.today()
        self.ops.write(lambda s: rename_item(s, item, text, today=today))
