"""Scheduling around the five-week rule: the one next-date proposal, and calendar entries.

SPEC §4, the proposal rule (every screen that proposes calls :func:`propose_next_date`
through :func:`propose_for_youth` or :func:`propose_after_meeting`):

* the time of day is the last held meeting's, to the quarter hour (else 09:00), and its
  weekday is tried first;
* prefer the latest workable day in ``[A + 21, D − M]`` (margin ``M``, a setting, default
  7 days, so a cancelled meeting can still be moved before the deadline ``D``);
* else the latest workable day in ``(D − M, D]``;
* else (an interval so short that both are empty, e.g. 7 days with no margin) the latest
  workable day from tomorrow to ``D``;
* else — the youth is overdue, or no day before ``D`` is left — the first workable day
  from tomorrow (marked ``after_deadline``);
* never today (a kallelse has to reach the network first), a weekend, a holiday, a
  half-day afternoon, or on top of another of the worker's planned meetings
  (:func:`sigdesk.workdays.is_workable`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import MeetingStatus, YouthStatus
from sigdesk.deadlines import anchor_date, check_interval
from sigdesk.documents.ics import CalendarEntry
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.meetings import busy_intervals
from sigdesk.models import Meeting, Youth
from sigdesk.workdays import is_workable

#: SPEC §4: a proposal is not earlier than three weeks after the anchor.
EARLIEST_OFFSET_DAYS = 21
#: SPEC §4: the default margin M before the deadline (a setting, 0–28 days).
DEFAULT_MARGIN_DAYS = 7
MAX_MARGIN_DAYS = 28
DEFAULT_TIME = time(9, 0)
DEFAULT_DURATION_MINUTES = 90
#: How far past tomorrow an overdue youth's first workable day is looked for.
OVERDUE_HORIZON_DAYS = 120

Busy = Sequence[tuple[datetime, datetime]]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed start for the next network meeting, or ``None`` with the reason why not.

    ``deadline`` is the deadline D the proposal was made against (None when there is none);
    ``after_deadline`` says the proposed day lies past it (an overdue youth).
    """

    starts_at: datetime | None
    reason: str
    deadline: date | None = None
    after_deadline: bool = False


def check_margin(margin_days: int) -> None:
    """Raise a field-level ValidationError unless the margin is 0..28 days."""
    if not 0 <= margin_days <= MAX_MARGIN_DAYS:
        raise ValidationError(
            "Marginal före tidsgränsen", f"Ange ett antal dagar mellan 0 och {MAX_MARGIN_DAYS}."
        )


def _days_back(first: date, last: date) -> list[date]:
    return [last - timedelta(days=n) for n in range((last - first).days + 1)]


@dataclass(frozen=True, slots=True)
class _Slot:
    """What every tried day shares: the time of day, the rhythm's weekday, length, clashes."""

    at: time
    weekday: int | None
    duration: int
    busy: Busy

    def workable(self, day: date) -> datetime | None:
        starts_at = datetime.combine(day, self.at)
        ok = is_workable(starts_at=starts_at, duration_minutes=self.duration, busy=self.busy)
        return starts_at if ok else None

    def latest(self, first: date, last: date) -> datetime | None:
        """The latest workable start in ``[first, last]``, the rhythm's weekday first."""
        days = _days_back(first, last)
        ordered = [d for d in days if d.weekday() == self.weekday]
        ordered += [d for d in days if d.weekday() != self.weekday]
        return next((s for s in map(self.workable, ordered) if s is not None), None)

    def first(self, start: date) -> datetime | None:
        """The first workable start from ``start`` on (within the horizon)."""
        days = (start + timedelta(days=n) for n in range(OVERDUE_HORIZON_DAYS + 1))
        return next((s for s in map(self.workable, days) if s is not None), None)

    def rhythm(self, starts_at: datetime) -> str:
        if starts_at.weekday() == self.weekday:
            return "Samma veckodag och tid som förra mötet"
        return "Senaste möjliga vardag"


def _quarter_hour(at: time) -> time:
    """The last meeting's time to the quarter hour below (a meeting started at 11:01 → 11:00)."""
    return time(at.hour, at.minute - at.minute % 15)


def propose_next_date(
    *,
    anchor: date,
    interval_days: int,
    last_meeting: datetime | None,
    busy: Busy,
    today: date,
    margin_days: int = DEFAULT_MARGIN_DAYS,
    duration_minutes: int = DEFAULT_DURATION_MINUTES,
) -> Proposal:
    """The next meeting by the rule of SPEC §4 (see the module docstring); pure."""
    check_interval(interval_days)
    check_margin(margin_days)
    if duration_minutes < 1:
        raise ValidationError("Mötets längd", "Ange en längd på minst en minut.")
    at = _quarter_hour(last_meeting.time() if last_meeting else DEFAULT_TIME)
    slot = _Slot(at, last_meeting.weekday() if last_meeting else None, duration_minutes, busy)
    deadline = anchor + timedelta(days=interval_days)
    tomorrow = today + timedelta(days=1)
    margin_day = deadline - timedelta(days=margin_days)
    found = slot.latest(max(anchor + timedelta(days=EARLIEST_OFFSET_DAYS), tomorrow), margin_day)
    if found is not None:
        text = f"minst {margin_days} dagar före tidsgränsen {deadline.isoformat()}."
        return Proposal(found, f"{slot.rhythm(found)}, {text}", deadline)
    found = slot.latest(max(margin_day + timedelta(days=1), tomorrow), deadline)
    if found is not None:
        text = f"före tidsgränsen {deadline.isoformat()} (mindre än {margin_days} dagars marginal)."
        return Proposal(found, f"{slot.rhythm(found)} {text}", deadline)
    found = slot.latest(tomorrow, deadline)  # a short interval: days before A + 21
    if found is not None:
        text = f"före tidsgränsen {deadline.isoformat()} (kort mötesintervall)."
        return Proposal(found, f"{slot.rhythm(found)} {text}", deadline)
    return _after_deadline(slot, deadline=deadline, today=today)


def _after_deadline(slot: _Slot, *, deadline: date, today: date) -> Proposal:
    """An overdue youth, or no day left before the deadline: the first workable day."""
    if today > deadline:
        why = f"Tidsgränsen {deadline.isoformat()} har passerat"
    else:
        why = f"Ingen möjlig dag finns kvar före tidsgränsen {deadline.isoformat()}"
    found = slot.first(today + timedelta(days=1))
    if found is None:
        return Proposal(None, f"{why}, och ingen möjlig dag de närmaste månaderna.", deadline)
    return Proposal(found, f"{why}: första möjliga vardag.", deadline, after_deadline=True)


# --- the proposal for a youth in the caseload ----------------------------------------------


def _propose(
    session: Session,
    *,
    youth: Youth,
    last: Meeting | None,
    today: date,
    margin_days: int,
    exclude_meeting: int | None = None,
) -> Proposal:
    anchor = anchor_date(
        last_held=last.starts_at.date() if last else None, start_date=youth.start_date
    )
    if anchor is None:
        return Proposal(None, "Startdatum saknas.")
    deadline = anchor + timedelta(days=youth.meeting_interval_days)
    end = max(deadline, today + timedelta(days=OVERDUE_HORIZON_DAYS + 1))
    busy = busy_intervals(session, start=today, end=end, exclude_meeting=exclude_meeting)
    return propose_next_date(
        anchor=anchor,
        interval_days=youth.meeting_interval_days,
        last_meeting=last.starts_at if last else None,
        busy=busy,
        today=today,
        margin_days=margin_days,
        duration_minutes=last.duration_minutes if last else DEFAULT_DURATION_MINUTES,
    )


def propose_for_youth(
    session: Session, youth_id: int, *, today: date, margin_days: int = DEFAULT_MARGIN_DAYS
) -> Proposal:
    """The proposed next meeting of one youth, clear of the worker's other meetings."""
    youth = get_youth_row(session, youth_id)
    if youth.status is YouthStatus.CLOSED:
        return Proposal(None, "Ungdomen är avslutad.")
    query = select(Meeting).where(
        Meeting.youth_id == youth_id, Meeting.status == MeetingStatus.HELD
    )
    if youth.start_date is not None:  # held in an earlier SIG period: not this one's anchor
        query = query.where(Meeting.starts_at >= youth.start_date)
    held = session.scalars(query.order_by(Meeting.starts_at.desc()).limit(1)).first()
    return _propose(session, youth=youth, last=held, today=today, margin_days=margin_days)


def propose_after_meeting(
    session: Session, meeting_id: int, *, today: date, margin_days: int = DEFAULT_MARGIN_DAYS
) -> Proposal:
    """What :func:`propose_for_youth` will propose once this running meeting is held.

    The meeting is still planned while it runs: it is taken as the latest held meeting
    (the anchor, the weekday and time) and not counted as a busy slot.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Möte {meeting_id} finns inte.")
    youth = get_youth_row(session, meeting.youth_id)
    return _propose(
        session,
        youth=youth,
        last=meeting,
        today=max(today, meeting.starts_at.date()),
        margin_days=margin_days,
        exclude_meeting=meeting_id,
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
