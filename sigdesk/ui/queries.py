"""Reads the window runs on the worker; the service modules load on first use, there."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.overview import CaseloadRow, TodoItem


def load_caseload_rows(session: Session, today: date, warning_days: int) -> list[CaseloadRow]:
    from sigdesk.overview import caseload_rows

    return caseload_rows(session, today=today, warning_days=warning_days)


def load_todo(
    session: Session,
    today: date,
    warning_days: int,
    backup_warning: str | None = None,
    gallring_months: int = 24,
) -> list[TodoItem]:
    from sigdesk.overview import backup_item, todo_list

    items = todo_list(
        session, today=today, warning_days=warning_days, gallring_months=gallring_months
    )
    return ([backup_item(backup_warning)] if backup_warning else []) + items
