"""Logg: the youth's append-only chronology, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sigdesk.changes import ChangeKind
from sigdesk.ui.i18n import fmt_datetime
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.widgets import make_table
from sigdesk.ui.youth.base import DetailTab

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from sigdesk.eventlog import EventRow
    from sigdesk.ui.ops import Ops

_L = "LogColumns"


def _local(at: Any) -> str:
    """Event times are stored in UTC; show them in Stockholm time."""
    from sigdesk.config import TIMEZONE

    if at.tzinfo is None:
        from datetime import UTC

        at = at.replace(tzinfo=UTC)
    return fmt_datetime(at.astimezone(TIMEZONE).replace(tzinfo=None))


LOG_COLUMNS: list[Column[EventRow]] = [
    Column(QT_TRANSLATE_NOOP("LogColumns", "When"), lambda e: _local(e.at)),
    Column(QT_TRANSLATE_NOOP("LogColumns", "What"), lambda e: e.kind.label),
    Column(
        QT_TRANSLATE_NOOP("LogColumns", "Details"), lambda e: e.summary, tooltip=lambda e: e.summary
    ),
]


class LogTab(DetailTab):
    kinds = (ChangeKind.EVENTS,)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.model = RowsModel(_L, LOG_COLUMNS, self)
        self.table = make_table(self.model)
        QVBoxLayout(self).addWidget(self.table)

    @staticmethod
    def load(session: Session, youth_id: int, today: date) -> Any:
        from sigdesk.eventlog import events_of

        return events_of(session, youth_id=youth_id)

    def clear(self) -> None:
        self.model.set_rows([])

    def show_data(self, data: list[EventRow]) -> None:
        self.model.set_rows(data)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
