"""The "Att göra" panel: the one todo query of the whole caseload, most urgent first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.style import DEADLINE_COLOURS
from sigdesk.ui.widgets import EmptyState, heading, make_table

if TYPE_CHECKING:
    from sigdesk.overview import TodoItem

_T = "TodoPanel"
KIND_LABELS = {
    "sakerhetskopia": QT_TRANSLATE_NOOP("TodoPanel", "Backup"),
    "forsenat": QT_TRANSLATE_NOOP("TodoPanel", "Overdue"),
    "snart": QT_TRANSLATE_NOOP("TodoPanel", "Soon"),
    "planerat_for_sent": QT_TRANSLATE_NOOP("TodoPanel", "Planned too late"),
    "mote_ej_registrerat": QT_TRANSLATE_NOOP("TodoPanel", "Meeting not recorded"),
    "samtycke_upphor": QT_TRANSLATE_NOOP("TodoPanel", "Consent ending"),
    "samtycke_upphort": QT_TRANSLATE_NOOP("TodoPanel", "Consent ended"),
    "samtycke_saknas": QT_TRANSLATE_NOOP("TodoPanel", "Consent missing"),
    "aktor_saknas": QT_TRANSLATE_NOOP("TodoPanel", "Actor missing"),
    "uppfoljning_efter_avslut": QT_TRANSLATE_NOOP("TodoPanel", "Follow-up after closure"),
    "gallring": QT_TRANSLATE_NOOP("TodoPanel", "Gallring"),
}
KIND_COLOURS = {
    "sakerhetskopia": ("#fdecea", "#8a1c14"),
    "forsenat": DEADLINE_COLOURS["forsenat"],
    "snart": DEADLINE_COLOURS["snart"],
    "planerat_for_sent": DEADLINE_COLOURS["planerat_for_sent"],
    "mote_ej_registrerat": ("#fff1c2", "#5c4300"),
    "samtycke_upphor": ("#fff1c2", "#5c4300"),
    "samtycke_upphort": ("#fdecea", "#8a1c14"),
    "samtycke_saknas": ("#fdecea", "#8a1c14"),
    "aktor_saknas": ("#fdecea", "#8a1c14"),
    "uppfoljning_efter_avslut": ("#dbeafe", "#1e3a8a"),
    "gallring": ("#ececec", "#333333"),
}
#: Which detail tab a todo item leads to (index in YouthDetailView.tabs).
KIND_TAB = {
    "samtycke_upphor": 1,
    "samtycke_upphort": 1,
    "samtycke_saknas": 1,
    "aktor_saknas": 1,
    "uppfoljning_efter_avslut": 0,
}
MEETINGS_TAB = 3


def kind_label(item: TodoItem) -> str:
    return QCoreApplication.translate(_T, KIND_LABELS[item.kind.value])


TODO_COLUMNS: list[Column[TodoItem]] = [
    Column(
        QT_TRANSLATE_NOOP("TodoPanel", "What"),
        kind_label,
        colours=lambda i: KIND_COLOURS[i.kind.value],
    ),
    Column(QT_TRANSLATE_NOOP("TodoPanel", "Youth"), lambda i: i.youth_name),
    Column(QT_TRANSLATE_NOOP("TodoPanel", "Date"), lambda i: fmt_date(i.due)),
    Column(QT_TRANSLATE_NOOP("TodoPanel", "Details"), lambda i: i.text, tooltip=lambda i: i.text),
]


#: Rows of "Att göra" its column widths are measured on.
TODO_WIDTH_ROWS = 50


class TodoPanel(QWidget):
    """Lists the todo items; activating one asks the window to open that youth and tab."""

    youth_activated = Signal(int, int)  # youth id, tab index
    backup_requested = Signal()  # the "no recent backup" item was activated
    followup_requested = Signal(int)  # a follow-up after closure: record it (youth id)
    gallring_requested = Signal()  # a youth due for gallring: the gallring dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("")
        self.model = RowsModel(_T, TODO_COLUMNS, self)
        self.table = make_table(self.model)
        # Column widths from the first rows only: over a district's ~1,250 items Qt's
        # default (1,000 rows, every role) took ~100 ms of the GUI thread per refresh.
        self.table.horizontalHeader().setResizeContentsPrecision(TODO_WIDTH_ROWS)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.table.setAccessibleName(self.tr("To do"))
        self.empty = EmptyState(
            self.tr(
                "Nothing to do right now: every active youth has a meeting in time, "
                "and consent and networks are complete."
            )
        )
        self.loading = EmptyState(self.tr("Loading…"))
        self.stack = QStackedWidget()
        for w in (self.loading, self.empty, self.table):
            self.stack.addWidget(w)
        self.notice = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.set_items(None)

    def set_items(self, items: list[TodoItem] | None) -> None:
        """None shows "Loading…" (before the first answer, and while locked)."""
        if items is None:
            self.model.set_rows([])
            self.title.setText(self.tr("To do"))
            self.stack.setCurrentWidget(self.loading)
            return
        self.model.set_rows(items)
        self.title.setText(self.tr("To do ({n})").format(n=len(items)))
        self.stack.setCurrentWidget(self.table if items else self.empty)
        if not items:
            return
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        # Widths come from the first rows only (TODO_WIDTH_ROWS); the list is sorted by
        # kind, so a wider kind further down widens its column here.
        metrics = self.table.fontMetrics()
        padding = self.table.columnWidth(0) - metrics.horizontalAdvance(kind_label(items[0]))
        one_of_each_kind = {i.kind: i for i in items}.values()
        widest = max(metrics.horizontalAdvance(kind_label(i)) for i in one_of_each_kind)
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), widest + padding))

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.row_at(index)
        if item is not None and item.kind.value == "sakerhetskopia":
            self.backup_requested.emit()
        elif item is not None and item.kind.value == "uppfoljning_efter_avslut":
            self.youth_activated.emit(item.youth_id, 0)
            self.followup_requested.emit(item.youth_id)
        elif item is not None and item.kind.value == "gallring":
            self.gallring_requested.emit()
        elif item is not None:
            self.youth_activated.emit(item.youth_id, KIND_TAB.get(item.kind.value, MEETINGS_TAB))
