"""The five-week rule (SPEC §4): deadline status and next-date proposal, pure functions of dates.

Nothing here touches the database or Qt: the services pass plain values in and get frozen
results back, so the rule can be tested table by table and run for a whole caseload at once.

Conventions
-----------
* All dates are local dates in Europe/Stockholm; meeting times are naive local wall-clock
  datetimes (that is how meetings are stored), so only their ``.date()`` matters for the rule.
* Closed youths have no deadline: the caller does not call :func:`deadline_status` for them.
* A cancelled (inställt) meeting is simply not passed in ``planned``; a held (genomfört) one
  becomes the new anchor via :func:`anchor_date`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sigdesk.errors import ValidationError

#: Mirrors ``sigdesk.models.youth``: the interval may only be shorter than five weeks.
MIN_INTERVAL_DAYS = 7
MAX_INTERVAL_DAYS = 35
DEFAULT_WARNING_DAYS = 7
#: SPEC §4: a proposal is not earlier than three weeks after the anchor.
PROPOSAL_EARLIEST_OFFSET_DAYS = 21
#: Half-days ("från kl. 14.00") are allowed only for meetings that end by this time.
HALF_DAY_END = time(14, 0)
_HALF_DAY_MARK = "14.00"
_INTERVAL_FIELD = "Mötesintervall"


class DeadlineStatus(StrEnum):
    """Status of an active youth against the deadline; values are the JSON codes of SPEC §8."""

    OK = "ok"
    IN_TIME = "i_tid"
    PLANNED_TOO_LATE = "planerat_for_sent"
    SOON = "snart"
    OVERDUE = "forsenat"

    @property
    def label(self) -> str:
        """The Swedish word shown in badges and lists."""
        return _LABELS[self]


_LABELS: dict[DeadlineStatus, str] = {
    DeadlineStatus.OK: "OK",
    DeadlineStatus.IN_TIME: "I tid",
    DeadlineStatus.PLANNED_TOO_LATE: "Planerat för sent",
    DeadlineStatus.SOON: "Snart",
    DeadlineStatus.OVERDUE: "Försenat",
}


@dataclass(frozen=True, slots=True)
class DeadlineInfo:
    """Where one youth stands against the five-week rule on a given day.

    ``next_meeting`` is the earliest planned meeting dated today or later (the object the
    caller passed in). ``past_planned`` counts planned meetings dated before today that were
    never marked held or cancelled: they do not count as "i tid", but the caller may flag them
    ("markera som genomfört eller inställt").
    """

    status: DeadlineStatus
    deadline: date
    days_left: int
    next_meeting: datetime | date | None
    anchor: date
    past_planned: int = 0


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed start for the next network meeting, or ``None`` with the reason why not."""

    starts_at: datetime | None
    reason: str


def check_interval(interval_days: int) -> None:
    """Raise a field-level ValidationError unless the interval is 7..35 days (SPEC §3)."""
    if not MIN_INTERVAL_DAYS <= interval_days <= MAX_INTERVAL_DAYS:
        raise ValidationError(
            _INTERVAL_FIELD,
            f"Ange ett antal dagar mellan {MIN_INTERVAL_DAYS} och {MAX_INTERVAL_DAYS} "
            "(högst fem veckor).",
        )


def anchor_date(*, last_held: date | None, start_date: date | None) -> date | None:
    """The anchor A of SPEC §4: the latest held meeting's date, else the start date, else None."""
    return last_held if last_held is not None else start_date


def deadline_status(
    *,
    interval_days: int,
    anchor: date,
    planned: Sequence[datetime | date],
    today: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> DeadlineInfo:
    """Classify one active youth on ``today`` (SPEC §4); cheap enough for a whole caseload.

    Precedence, first match wins:

    1. ``today > D`` → försenat, even when a meeting is planned later (the deadline is missed
       whatever happens next; ``next_meeting`` still shows the planned one).
    2. a planned meeting dated today or later and on or before ``D`` → i tid (a meeting planned
       for today counts, also when today is ``D``).
    3. a planned meeting dated today or later, the earliest after ``D`` → planerat för sent.
    4. nothing planned and ``D − today ≤ warning_days`` → snart (so also on ``D`` itself).
    5. otherwise ok.

    ``planned`` holds only meetings with status *planerat* (not cancelled ones); planned
    meetings dated before today are ignored for the status and counted in ``past_planned``.
    """
    check_interval(interval_days)
    deadline = anchor + timedelta(days=interval_days)
    days_left = (deadline - today).days
    next_meeting, past_planned = _next_planned(planned, today)

    if days_left < 0:
        status = DeadlineStatus.OVERDUE
    elif next_meeting is not None:
        in_time = _as_date(next_meeting) <= deadline
        status = DeadlineStatus.IN_TIME if in_time else DeadlineStatus.PLANNED_TOO_LATE
    elif days_left <= warning_days:
        status = DeadlineStatus.SOON
    else:
        status = DeadlineStatus.OK
    return DeadlineInfo(status, deadline, days_left, next_meeting, anchor, past_planned)


def _as_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _sort_key(value: datetime | date) -> tuple[date, time]:
    """Order dates and datetimes together; a bare date sorts first on its day."""
    if isinstance(value, datetime):
        return value.date(), value.time()
    return value, time.min


def _next_planned(
    planned: Sequence[datetime | date], today: date
) -> tuple[datetime | date | None, int]:
    """The earliest planned meeting dated today or later, and how many lie in the past."""
    best: datetime | date | None = None
    best_key: tuple[date, time] | None = None
    past = 0
    for item in planned:
        key = _sort_key(item)
        if key[0] < today:
            past += 1
        elif best_key is None or key < best_key:
            best, best_key = item, key
    return best, past


# --- the next-date proposer -------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def closed_days(year: int) -> frozenset[date]:
    """Public holidays plus midsommarafton, julafton and nyårsafton of ``year`` (cached)."""
    from holidays.countries.sweden import Sweden  # ~130 ms import: only when proposing

    days = Sweden(years=year, language="sv", categories=("public", "de_facto"))
    return frozenset(days.keys())


@functools.lru_cache(maxsize=64)
def half_days(year: int) -> frozenset[date]:
    """Days that end at 14:00 ("… (från kl. 14.00)", e.g. valborgsmässoafton) of ``year``."""
    from holidays.countries.sweden import Sweden

    days = Sweden(years=year, language="sv", categories=("bank", "optional"))
    return frozenset(day for day, name in days.items() if _HALF_DAY_MARK in name)


def proposal_window(*, anchor: date, interval_days: int, today: date) -> tuple[date, date]:
    """The days a proposal may fall on, ``(first, last)``; empty when ``first > last``.

    ``last`` is the deadline D. ``first`` is A + 21 (SPEC §4) but at most D − 7 so that a
    short interval still leaves a week to choose from (14 days → [A + 7, D]), never before
    A + 1, and never before tomorrow: a kallelse has to reach the network first, and without
    the time of day we cannot know whether a slot today has already passed.
    """
    check_interval(interval_days)
    deadline = anchor + timedelta(days=interval_days)
    offset = max(1, min(PROPOSAL_EARLIEST_OFFSET_DAYS, interval_days - 7))
    first = max(anchor + timedelta(days=offset), today + timedelta(days=1))
    return first, deadline


def is_workable(
    *, starts_at: datetime, duration_minutes: int, busy: Sequence[tuple[datetime, datetime]]
) -> bool:
    """Whether a meeting may be held then: weekday, no holiday, half-day ends by 14:00, no clash.

    Busy intervals are half-open ``[start, end)``: a meeting may start when another ends.
    """
    day = starts_at.date()
    if day.weekday() >= 5 or day in closed_days(day.year):
        return False
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    if day in half_days(day.year) and (ends_at.date() != day or ends_at.time() > HALF_DAY_END):
        return False
    return not any(start < ends_at and starts_at < end for start, end in busy)


def propose_next_meeting(
    *,
    anchor: date,
    interval_days: int,
    last_meeting: datetime | None,
    busy: Sequence[tuple[datetime, datetime]],
    today: date,
    default_time: time = time(9, 0),
    duration_minutes: int = 90,
) -> Proposal:
    """Propose the next meeting inside :func:`proposal_window`, keeping the usual rhythm.

    The time of day is the last meeting's (else ``default_time``) and is never shifted.
    Days are tried from the deadline backwards: first the last meeting's weekday (so a
    Tuesday group stays on Tuesdays, five weeks on when the interval is 35 days), then any
    other day, nearest the deadline first. A day is skipped when it is a weekend, a holiday
    (:func:`closed_days`), a half-day and the meeting would end after 14:00, or when the
    meeting would overlap one of ``busy``. Nothing past the deadline is ever proposed.
    """
    if duration_minutes < 1:
        raise ValidationError("Mötets längd", "Ange en längd på minst en minut.")
    first, deadline = proposal_window(anchor=anchor, interval_days=interval_days, today=today)
    if today > deadline:
        return Proposal(None, f"Tidsgränsen {deadline.isoformat()} har redan passerat.")
    if today == deadline:
        return Proposal(None, f"Tidsgränsen {deadline.isoformat()} är i dag.")
    at = (
        default_time
        if last_meeting is None
        else last_meeting.time().replace(second=0, microsecond=0)
    )
    weekday = None if last_meeting is None else last_meeting.weekday()
    window_end = datetime.combine(deadline, time.max)
    near = [b for b in busy if b[1] > datetime.combine(first, time.min) and b[0] <= window_end]
    days = [deadline - timedelta(days=n) for n in range((deadline - first).days + 1)]
    ordered = [d for d in days if d.weekday() == weekday] + [
        d for d in days if d.weekday() != weekday
    ]
    for day in ordered:
        starts_at = datetime.combine(day, at)
        if is_workable(starts_at=starts_at, duration_minutes=duration_minutes, busy=near):
            return Proposal(starts_at, _reason(day, weekday, deadline))
    return Proposal(None, f"Inget möjligt datum före tidsgränsen {deadline.isoformat()}.")


def _reason(day: date, weekday: int | None, deadline: date) -> str:
    if day.weekday() == weekday:
        return f"Samma veckodag och tid som förra mötet, före tidsgränsen {deadline.isoformat()}."
    return f"Närmaste möjliga vardag före tidsgränsen {deadline.isoformat()}."
