"""One table of the Uppföljning view: some figures (rows) by total, gender and track (columns).

The cells read as the report reads them ("55 %", "32,5", "–"), with every count shown as it
is (the window is the worker's own; "<3" is for files only). A share's tooltip gives its
exact parts. `CELL_ROLE` gives a cell's (figure, dimension) when youths stand behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from sigdesk.stats import DIMENSIONS, PeriodStats, StatRow
from sigdesk.stats.codes import dimension_label, figure_label
from sigdesk.stats.text import shown

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


def traceable(row: StatRow) -> bool:
    """A cell with youths behind it: a count above 0, or a share with a denominator."""
    if row.denominator is not None:
        return row.denominator > 0
    return bool(row.value)


def parts_text(row: StatRow) -> str:
    if row.denominator is None:
        return ""
    return QCoreApplication.translate("StatsTable", "{n} of {d}").format(
        n=row.numerator, d=row.denominator
    )


class StatsTableModel(QAbstractTableModel):
    def __init__(self, figures: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.figures = list(figures)
        self.stats: PeriodStats | None = None

    def set_stats(self, stats: PeriodStats | None) -> None:
        self.beginResetModel()
        self.stats = stats
        self.endResetModel()

    def cell(self, index: Index) -> StatRow | None:
        if self.stats is None or not index.isValid():
            return None
        return self.stats.get(self.figures[index.row()], DIMENSIONS[index.column()])

    def index_of(self, figure: str, dimension: str = "total") -> QModelIndex:
        return self.index(self.figures.index(figure), DIMENSIONS.index(dimension))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DIMENSIONS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return dimension_label(DIMENSIONS[section])
        return figure_label(self.figures[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = parts_text(row)
            if traceable(row):
                hint = QCoreApplication.translate("StatsTable", "Click to list the youths.")
                return f"{parts}\n{hint}" if parts else hint
            return parts or None
        if role == CELL_ROLE:
            return (row.figure, row.dimension) if traceable(row) else None
        return None
