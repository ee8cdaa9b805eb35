"""The caseload list with its search field, scope filter and "only warnings" switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.caseload_filter import SCOPE_ACTIVE, SCOPE_ALL, SCOPE_CLOSED, CaseloadFilterProxy
from sigdesk.ui.caseload_model import (
    DEADLINE,
    DEADLINE_STATUS_ROLE,
    NAME,
    ROW_ROLE,
    CaseloadTableModel,
)
from sigdesk.ui.style import DEADLINE_COLOURS
from sigdesk.ui.widgets import EmptyState, make_table

if TYPE_CHECKING:
    from datetime import date

    from sigdesk.caseload_list import CaseloadRow


class DeadlineBadgeDelegate(QStyledItemDelegate):
    """Paints the deadline column as a coloured, rounded badge with the days left."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        code = index.data(DEADLINE_STATUS_ROLE)
        if code is None:
            super().paint(painter, option, index)
            return
        # Selected: the row's highlight behind the badge. (Asked of the view, not through
        # QStyle, whose Python enums take ~7 ms to build on first use, at the first paint.)
        view = self.parent()
        if isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index):
            painter.fillRect(option.rect, option.palette.highlight())
        background, text = DEADLINE_COLOURS[code]
        rect = QRect(option.rect).adjusted(3, 3, -3, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QPen(QColor(text)))
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()


class CaseloadPane(QWidget):
    """Emits `youth_selected(row | None)` when the current youth changes."""

    youth_selected = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseloadTableModel(today, self)
        self.proxy = CaseloadFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._filtered(self.proxy.set_text, text))
        self.search.installEventFilter(self)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Active and proposed"), SCOPE_ACTIVE)
        self.scope.addItem(self.tr("Closed"), SCOPE_CLOSED)
        self.scope.addItem(self.tr("All"), SCOPE_ALL)
        self.scope.currentIndexChanged.connect(
            lambda: self._filtered(self.proxy.set_scope, self.scope.currentData())
        )
        self.warnings_only = QCheckBox(self.tr("Only &warnings"))
        self.warnings_only.toggled.connect(
            lambda on: self._filtered(self.proxy.set_warnings_only, on)
        )
        self.count = QLabel()
        # Its width must not size the pane: "12 of 2000" → "2000 of 2000" would move the
        # splitter and repaint the whole window on every keystroke in the search field.
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = self._make_table()
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.loaded = False
        self._selected_id: int | None = None  # the youth last announced by youth_selected
        self._filtering = False
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.modelReset.connect(self._forget_selection)
        self.proxy.layoutChanged.connect(self._update_count)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.scope)
        filters.addWidget(self.warnings_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)

    def _make_table(self) -> QTableView:
        table = make_table(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DEADLINE, Qt.SortOrder.AscendingOrder)
        table.setItemDelegateForColumn(DEADLINE, DeadlineBadgeDelegate(table))
        table.setAccessibleName(self.tr("Caseload"))
        # Several youths can be selected (Ctrl/Shift+click) for a handover; the current
        # row (the last clicked) is the youth shown on the right.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((1, 44), (2, 104), (3, 120), (4, 178), (5, 62)):
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _filtered(self, change: Callable[[Any], None], value: Any) -> None:
        keep = self.current_youth_id()
        self._filtering = True
        try:
            change(value)
        finally:
            self._filtering = False
        if keep is not None and self.current_youth_id() != keep:
            # The open youth no longer matches: nobody is open or selected (never a
            # neighbour, which would open another youth on every keystroke).
            self.table.selectionModel().clear()
            self._announce(None)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("{shown} of {total} youths shown").format(shown=shown, total=total)
        )
        if shown or not self.loaded:
            self.stack.setCurrentWidget(self.table)
        elif total == 0:
            self.empty.setText(
                self.tr("No youths yet. Add your first youth with File → New youth (Ctrl+N).")
            )
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.setText(
                self.tr(
                    "No youth matches. Clear the search, or choose All and untick Only warnings."
                )
            )
            self.stack.setCurrentWidget(self.empty)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._filtering:  # a filter change is settled in _filtered
            self._announce(current.data(ROW_ROLE) if current.isValid() else None)

    def _forget_selection(self) -> None:
        """A reset clears the current row without a signal: the next choice is new again."""
        self._selected_id = None

    def _announce(self, row: CaseloadRow | None) -> None:
        """Emit `youth_selected` when the youth changes (a new row number is not a change)."""
        youth_id = row.youth_id if row is not None else None
        if youth_id != self._selected_id:
            self._selected_id = youth_id
            self.youth_selected.emit(row)

    # --- used by the window ---------------------------------------------------------

    def selected_youth_ids(self) -> list[int]:
        """The selected youths in list order (the current one alone when none is selected)."""
        rows = sorted(self.table.selectionModel().selectedRows(NAME), key=lambda i: i.row())
        ids = [i.data(ROW_ROLE).youth_id for i in rows if i.data(ROW_ROLE) is not None]
        current = self.current_youth_id()
        return ids or ([current] if current is not None else [])

    def current_youth_id(self) -> int | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row.youth_id if row is not None else None

    def set_rows(self, rows: list[CaseloadRow], today: date) -> None:
        """New rows from the worker; the current youth stays selected when still listed."""
        keep = self.current_youth_id()
        self.loaded = True
        self.model.set_rows(rows, today=today)
        self._update_count()
        if keep is not None and self.current_youth_id() != keep:
            self.select_youth(keep)

    def select_youth(self, youth_id: int) -> bool:
        source_row = self.model.row_of(youth_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, NAME))
        if not index.isValid():  # filtered out: show everything so it can be selected
            self.search.clear()
            self.scope.setCurrentIndex(self.scope.findData(SCOPE_ALL))
            self.warnings_only.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(source_row, NAME))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def row_for(self, youth_id: int) -> CaseloadRow | None:
        source_row = self.model.row_of(youth_id)
        return None if source_row is None else self.model.rows[source_row]
