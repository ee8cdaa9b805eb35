"""The consent matrix: each network actor × who consented (youth, each guardian), until when.

`build_matrix` is plain Python run on the worker from the services' frozen rows; the
model only paints the result. A cell shows the consent that matters most on the day:
a valid one (the latest signed), else the latest that ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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

from sigdesk.ui.style import CONSENT_ENDED, CONSENT_EXPIRING, CONSENT_NONE, CONSENT_VALID

if TYPE_CHECKING:
    from sigdesk.actors import ActorRow
    from sigdesk.caseload import GuardianRow
    from sigdesk.consent import ConsentRow

Index = QModelIndex | QPersistentModelIndex
EXPIRY_WARNING_DAYS = 14
VALID, EXPIRING, ENDED, NOT_COUNTING, NONE = "valid", "expiring", "ended", "not_counting", "none"


@dataclass(frozen=True)
class Cell:
    state: str
    signed_on: date | None = None
    until: date | None = None  # valid_until, or the day it was withdrawn
    withdrawn: bool = False


@dataclass(frozen=True)
class ConsentMatrix:
    givers: tuple[tuple[str, int | None], ...]  # (label, guardian id or None for the youth)
    actors: tuple[ActorRow, ...]
    cells: dict[tuple[int | None, int], Cell]


def build_matrix(
    *,
    youth_label: str,
    guardians: tuple[GuardianRow, ...],
    network: list[ActorRow],
    consents: list[ConsentRow],
    birth_date: date | None,
    today: date,
) -> ConsentMatrix:
    from sigdesk.consent import counts_for

    givers = ((youth_label, None), *((g.name, g.id) for g in guardians))
    cells: dict[tuple[int | None, int], Cell] = {}
    for row in sorted(consents, key=lambda c: c.signed_on):  # later ones win
        for actor_id in row.actor_ids:
            key = (row.guardian_id, actor_id)
            current = cells.get(key)
            cell = _cell(row, birth_date=birth_date, today=today, counts=counts_for)
            if (
                current is None
                or cell.state in (VALID, EXPIRING)
                or current.state
                not in (
                    VALID,
                    EXPIRING,
                )
            ):
                cells[key] = cell
    return ConsentMatrix(givers, tuple(network), cells)


def _cell(row: ConsentRow, *, birth_date: date | None, today: date, counts: Any) -> Cell:
    ended_on = row.withdrawn_on or row.valid_until
    if counts(row, birth_date=birth_date, day=today):
        soon = row.valid_until is not None and row.valid_until <= today + timedelta(
            days=EXPIRY_WARNING_DAYS
        )
        return Cell(EXPIRING if soon else VALID, row.signed_on, row.valid_until)
    if row.is_valid_on(today):  # valid, but a guardian's consent for an adult does not count
        return Cell(NOT_COUNTING, row.signed_on, row.valid_until)
    return Cell(ENDED, row.signed_on, ended_on, withdrawn=row.withdrawn_on is not None)


_INFO_COLUMNS = (
    QT_TRANSLATE_NOOP("ConsentMatrixModel", "Actor"),
    QT_TRANSLATE_NOOP("ConsentMatrixModel", "Contact"),
)
INFO_COLUMNS = len(_INFO_COLUMNS)
_STATE_COLOURS = {
    VALID: CONSENT_VALID,
    EXPIRING: CONSENT_EXPIRING,
    ENDED: CONSENT_ENDED,
    NOT_COUNTING: CONSENT_ENDED,
}


class ConsentMatrixModel(QAbstractTableModel):
    """The network with its consent: one row per actor, then one column per consent giver
    (the youth, each guardian) showing that giver's consent for the actor."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = ConsentMatrix((), (), {})
        self.covered: frozenset[int] = frozenset()

    def set_matrix(self, matrix: ConsentMatrix, covered: frozenset[int] = frozenset()) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.covered = covered
        self.endResetModel()

    def actor_at(self, row: int) -> ActorRow | None:
        return self.matrix.actors[row] if 0 <= row < len(self.matrix.actors) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else INFO_COLUMNS + len(self.matrix.givers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < INFO_COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("ConsentMatrixModel", _INFO_COLUMNS[section])
            return None
        label = self.matrix.givers[section - INFO_COLUMNS][0]
        if role == Qt.ItemDataRole.DisplayRole:  # two short lines keep the column narrow
            return _tr(_CONSENT_HEADER).format(who=label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(_CONSENT_BY).format(who=label)
        return None

    def cell(self, row: int, column: int) -> Cell:
        giver = self.matrix.givers[column - INFO_COLUMNS][1]
        actor = self.matrix.actors[row].id
        return self.matrix.cells.get((giver, actor), Cell(NONE))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        actor = self.matrix.actors[index.row()]
        if index.column() < INFO_COLUMNS:
            return self._info(actor, index.column(), role)
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            who = self.matrix.givers[index.column() - INFO_COLUMNS][0]
            return _tr(_CONSENT_BY).format(who=who) + "\n" + self._full_text(cell)
        colours = _STATE_COLOURS.get(cell.state, CONSENT_NONE)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colours[0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colours[1]))
        return None

    def _info(self, actor: ActorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{actor.actor_type.label}\n{actor.organisation}"
            return "\n".join(x for x in (actor.contact_person, actor.phone) if x)
        uncovered = actor.id not in self.covered
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._info(actor, column, Qt.ItemDataRole.DisplayRole).replace("\n", " – ")
            return text + ("\n" + _tr(_NO_VALID) if column == 0 and uncovered else "")
        if column == 0 and uncovered and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fdecea"))
        return None

    @staticmethod
    def _text(cell: Cell) -> str:
        """Short, on two lines: the column stays as narrow as a date."""
        until = cell.until.isoformat() if cell.until else ""
        if cell.state == NONE:
            return "—"
        if cell.state in (VALID, EXPIRING):
            return _tr(_VALID_UNTIL).format(day=until) if until else _tr(_VALID_OPEN)
        if cell.state == NOT_COUNTING:
            return _tr(_NOT_COUNTING_SHORT)
        return _tr(_WITHDRAWN_SHORT if cell.withdrawn else _ENDED_SHORT).format(day=until)

    @staticmethod
    def _full_text(cell: Cell) -> str:
        """The whole story of the cell, for its tooltip."""
        if cell.state == NONE:
            return _tr(_NO_CONSENT)
        signed = cell.signed_on.isoformat() if cell.signed_on else ""
        until = cell.until.isoformat() if cell.until else ""
        if cell.state in (VALID, EXPIRING):
            text = _tr(_SIGNED_UNTIL if until else _SIGNED_OPEN)
        elif cell.state == NOT_COUNTING:
            text = _tr(_SIGNED_NOT_COUNTING)
        else:
            text = _tr(_SIGNED_WITHDRAWN if cell.withdrawn else _SIGNED_ENDED)
        return text.format(signed=signed, day=until)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentMatrixModel", text)


_CONSENT_HEADER = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Consent\n{who}")
_CONSENT_BY = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Consent: {who}")
_VALID_UNTIL = QT_TRANSLATE_NOOP("ConsentMatrixModel", "✓ until\n{day}")
_VALID_OPEN = QT_TRANSLATE_NOOP("ConsentMatrixModel", "✓ no end\ndate")
_NOT_COUNTING_SHORT = QT_TRANSLATE_NOOP("ConsentMatrixModel", "does not\ncount (18+)")
_WITHDRAWN_SHORT = QT_TRANSLATE_NOOP("ConsentMatrixModel", "withdrawn\n{day}")
_ENDED_SHORT = QT_TRANSLATE_NOOP("ConsentMatrixModel", "ended\n{day}")
_NO_VALID = QT_TRANSLATE_NOOP("ConsentMatrixModel", "No valid consent covers this actor today")
_NO_CONSENT = QT_TRANSLATE_NOOP("ConsentMatrixModel", "No consent of theirs covers this actor.")
_SIGNED_UNTIL = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Signed {signed}, valid until {day}.")
_SIGNED_OPEN = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Signed {signed}, no end date.")
_SIGNED_WITHDRAWN = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Signed {signed}, withdrawn {day}.")
_SIGNED_ENDED = QT_TRANSLATE_NOOP("ConsentMatrixModel", "Signed {signed}, ended {day}.")
_SIGNED_NOT_COUNTING = QT_TRANSLATE_NOOP(
    "ConsentMatrixModel",
    "Signed {signed}; a guardian's consent does not count once the youth is 18.",
)
