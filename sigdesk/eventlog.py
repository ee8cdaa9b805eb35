"""The append-only chronology of each youth (Händelselogg)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.catalogues import EventKind
from sigdesk.models import Event


@dataclass(frozen=True)
class EventRow:
    id: int
    at: datetime
    kind: EventKind
    summary: str


def log_event(session: Session, *, youth_id: int, kind: EventKind, summary: str = "") -> None:
    """Append one event in the caller's transaction (it commits or rolls back with it)."""
    session.add(Event(youth_id=youth_id, kind=kind, summary=summary))


def events_of(session: Session, *, youth_id: int) -> list[EventRow]:
    """The youth's events, newest first."""
    rows = session.scalars(
        select(Event).where(Event.youth_id == youth_id).order_by(Event.at.desc(), Event.id.desc())
    )
    return [EventRow(e.id, e.at, e.kind, e.summary) for e in rows]
