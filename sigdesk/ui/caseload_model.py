"""The caseload list: a table model over frozen `CaseloadRow`s (its filter: caseload_filter.py).

The model knows rows, columns and roles and nothing about windows, so it is tested
without one. Deadline statuses are compared by their stable codes (`"forsenat"`…),
which keeps SQLAlchemy out of this module's imports (the window shows before it loads).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from sigdesk.ui.i18n import fmt_date, fmt_datetime
from sigdesk.ui.style import DEADLINE_COLOURS, WARNING_STATUSES

if TYPE_CHECKING:
    from sigdesk.caseload_list import CaseloadRow

Index = QModelIndex | QPersistentModelIndex

NAME, AGE, TRACK, NEXT_MEETING, DEADLINE, STATUS = range(6)
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Name"),
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Age"),
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Track"),
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Next meeting"),
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Deadline"),
    QT_TRANSLATE_NOOP("CaseloadTableModel", "Status"),
)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CaseloadRow
YOUTH_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
DEADLINE_STATUS_ROLE = Qt.ItemDataRole.UserRole + 4  # "forsenat", … or None
DAYS_LEFT_ROLE = Qt.ItemDataRole.UserRole + 5

#: What QAbstractTableModel answers for every cell of this read-only table.
CELL_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)
_STATUS_ORDER = {"aktiv": 0, "forslag": 1, "avslutad": 2}
_NO_DEADLINE = 1_000_000
#: Swedish alphabetical order: … z, å, ä, ö (code points put ä before å).
_SWEDISH_SORT = str.maketrans({"å": "{1", "ä": "{2", "ö": "{3", "æ": "{2", "ø": "{3"})


def name_sort_key(last: str, first: str) -> str:
    return f"{last} {first}".lower().translate(_SWEDISH_SORT)


def deadline_text(row: CaseloadRow) -> str:
    """ "Snart · 5 d" — the badge's words; empty for youths without a deadline."""
    info = row.deadline
    if info is None:
        return ""
    return f"{info.status.label} · {info.days_left} d"


class CaseloadTableModel(QAbstractTableModel):
    """Rows are frozen `CaseloadRow`s; `set_rows` swaps them in after a refresh."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.rows: list[CaseloadRow] = []
        self.search_keys: list[str] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        #: Display texts per row, made on the first repaint that shows the row; and per row
        #: (search key, closed, warning) for the proxy.
        self._cells: list[tuple[str, ...] | None] = []
        self.filter_keys: list[tuple[str, bool, bool]] = []
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._role_handlers: dict[int, Any] = {
            int(SORT_ROLE): self._sort_value,
            int(ROW_ROLE): lambda row, _c: row,
            int(YOUTH_ID_ROLE): lambda row, _c: row.youth_id,
            int(DEADLINE_STATUS_ROLE): lambda row, _c: (
                row.deadline.status.value if row.deadline else None
            ),
            int(DAYS_LEFT_ROLE): lambda row, _c: row.deadline.days_left if row.deadline else None,
            int(Qt.ItemDataRole.TextAlignmentRole): lambda _r, c: right if c == AGE else None,
        }
        for role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            self._role_handlers[int(role)] = self._other_role(role)

    def set_rows(self, rows: Sequence[CaseloadRow], *, today: date | None = None) -> None:
        """Replace the rows (kept in the current sort order).

        The same youths update in place, so the selection stays; new or removed youths
        reset the model.
        """
        if today is not None:
            self.today = today
        rows = self._sorted(list(rows))
        if rows and {r.youth_id for r in rows} == {r.youth_id for r in self.rows}:
            self._rearrange(rows)
            last = self.index(len(rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = rows
        self._index_search()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row (Qt's proxy would call data() n·log n times)."""
        self.sort_column, self.sort_order = column, order
        self._rearrange(self._sorted(self.rows))

    def _sorted(self, rows: list[CaseloadRow]) -> list[CaseloadRow]:
        column = self.sort_column
        if column < 0:
            return rows
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return sorted(
            rows,
            key=lambda r: (self._sort_value(r, column), name_sort_key(r.last_name, r.first_name)),
            reverse=descending,
        )

    def _rearrange(self, rows: list[CaseloadRow]) -> None:
        """Swap in the same youths in a new order, moving selections along with them."""
        self.layoutAboutToBeChanged.emit()
        new_row = {r.youth_id: i for i, r in enumerate(rows)}
        old_ids = [r.youth_id for r in self.rows]
        persistent = self.persistentIndexList()
        moved = [self.index(new_row[old_ids[i.row()]], i.column()) for i in persistent]
        self.rows = rows
        self._index_search()
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _index_search(self) -> None:
        """Work out once per refresh what repaints and filtering need per row."""
        self.search_keys = [
            f"{r.first_name} {r.last_name}\n{r.last_name}".lower() for r in self.rows
        ]
        self._cells = [None] * len(self.rows)
        self.filter_keys = [
            (
                key,
                r.status.value == "avslutad",
                r.deadline is not None and r.deadline.status.value in WARNING_STATUSES,
            )
            for key, r in zip(self.search_keys, self.rows, strict=True)
        ]

    def row_of(self, youth_id: int) -> int | None:
        for i, r in enumerate(self.rows):
            if r.youth_id == youth_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseloadTableModel", COLUMN_TITLES[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each repaint: the common cases
        # are answered from the per-row cache without touching the frozen row.
        if role == _DISPLAY:
            row = index.row()
            cells = self._cells[row]
            if cells is None:
                cells = self._cells[row] = self._row_texts(self.rows[row])
            return cells[index.column()]
        handler = self._role_handlers.get(role)
        if handler is None or not index.isValid():
            return None
        return handler(self.rows[index.row()], index.column())

    def cell(self, row: int, column: int, role: int) -> Any:
        """`data` of a valid cell by its row and column (the proxy asks here directly)."""
        if role == _DISPLAY:
            cells = self._cells[row]
            if cells is None:
                cells = self._cells[row] = self._row_texts(self.rows[row])
            return cells[column]
        handler = self._role_handlers.get(role)
        if handler is None:
            return None
        return handler(self.rows[row], column)

    def _other_role(self, role: int) -> Any:
        def answer(row: CaseloadRow, column: int) -> Any:
            if column == DEADLINE and row.deadline is not None:
                return self._deadline_decoration(row, role)
            if column == NAME and role == Qt.ItemDataRole.ToolTipRole:
                return row.name  # the whole name where a narrow column cuts it
            return None

        return answer

    def _row_texts(self, row: CaseloadRow) -> tuple[str, ...]:
        return tuple(self._display(row, c) for c in range(len(COLUMN_TITLES)))

    def _display(self, row: CaseloadRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == AGE:
            age = row.age(self.today)
            return "" if age is None else str(age)
        if column == TRACK:
            return row.track.label
        if column == NEXT_MEETING:
            nxt = row.deadline.next_meeting if row.deadline else None
            return fmt_datetime(nxt)
        if column == DEADLINE:
            return deadline_text(row)
        return row.status.label

    def _sort_value(self, row: CaseloadRow, column: int) -> Any:
        if column == NAME:
            return name_sort_key(row.last_name, row.first_name)
        if column == AGE:
            age = row.age(self.today)
            return -1 if age is None else age
        if column == TRACK:
            return row.track.label
        if column == NEXT_MEETING:
            nxt = row.deadline.next_meeting if row.deadline else None
            return fmt_datetime(nxt) or "9999"
        if column == DEADLINE:
            return row.deadline.days_left if row.deadline else _NO_DEADLINE
        return _STATUS_ORDER.get(row.status.value, 9)

    def _deadline_decoration(self, row: CaseloadRow, role: int) -> Any:
        assert row.deadline is not None
        background, text = DEADLINE_COLOURS[row.deadline.status.value]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(text))
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "CaseloadTableModel", "Deadline {date} ({days} days left)"
            ).format(date=fmt_date(row.deadline.deadline), days=row.deadline.days_left)
        return None
