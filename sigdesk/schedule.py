"""Scheduling around the five-week rule: the next-date proposal and calendar entries."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.calendar_ics import CalendarEntry
from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import MeetingStatus, YouthStatus
from sigdesk.deadlines import Proposal, anchor_date, propose_next_meeting
from sigdesk.errors import NotFoundError
from sigdesk.meetings import busy_intervals
from sigdesk.models import Meeting, Youth


def propose_for_youth(session: Session, youth_id: int, *, today: date) -> Proposal:
    """The proposed next meeting of one youth, clear of the worker's other meetings."""
    youth = get_youth_row(session, youth_id)
    if youth.status is YouthStatus.CLOSED:
        return Proposal(None, "Ungdomen är avslutad.")
    held = session.scalars(
        select(Meeting)
        .where(Meeting.youth_id == youth_id, Meeting.status == MeetingStatus.HELD)
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    ).first()
    anchor = anchor_date(
        last_held=held.starts_at.date() if held else None, start_date=youth.start_date
    )
    if anchor is None:
        return Proposal(None, "Startdatum saknas.")
    busy = busy_intervals(
        session, start=today, end=anchor + timedelta(days=youth.meeting_interval_days)
    )
    return propose_next_meeting(
        anchor=anchor,
        interval_days=youth.meeting_interval_days,
        last_meeting=held.starts_at if held else None,
        busy=busy,
        today=today,
    )


def calendar_entries(session: Session, *, youth_id: int | None = None) -> list[CalendarEntry]:
    """Planned meetings as calendar entries; the summary names the youth by first name only."""
    query = (
        select(Meeting, Youth.first_name)
        .join(Youth, Youth.id == Meeting.youth_id)
        .where(Meeting.status == MeetingStatus.PLANNED)
        .order_by(Meeting.starts_at)
    )
    if youth_id is not None:
        if session.get(Youth, youth_id) is None:
            raise NotFoundError(f"Ungdom {youth_id} finns inte.")
        query = query.where(Meeting.youth_id == youth_id)
    return [
        CalendarEntry(
            uid_key=f"meeting/{m.id}/{m.created_at.isoformat()}",
            summary=f"SIG nätverksmöte – {first_name}",
            starts_at=m.starts_at,
            duration_minutes=m.duration_minutes,
            location=m.place,
            description="Nätverksmöte (sociala insatsgrupper).",
        )
        for m, first_name in session.execute(query)
    ]
