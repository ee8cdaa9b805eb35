"""The five-week rule (SPEC §4): deadline status, pure functions of dates (proposals: schedule).

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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sigdesk.errors import ValidationError

#: Mirrors ``sigdesk.models.youth``: the interval may only be shorter than five weeks.
MIN_INTERVAL_DAYS = 7
MAX_INTERVAL_DAYS = 35
DEFAULT_WARNING_DAYS = 7
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


def check_interval(interval_days: int) -> None:
    """Raise a field-level ValidationError unless the interval is 7..35 days (SPEC §3)."""
    if not MIN_INTERVAL_DAYS <= interval_days <= MAX_INTERVAL_DAYS:
        raise ValidationError(
            _INTERVAL_FIELD,
            f"Ange ett antal dagar mellan {MIN_INTERVAL_DAYS} och {MAX_INTERVAL_DAYS} "
            "(högst fem veckor).",
        )


def anchor_date(*, last_held: date | None, start_date: date | None) -> date | None:
    """The anchor A of SPEC §4: the latest held meeting's date, else the start date, else None.

    A meeting held before the start date belongs to an earlier SIG period (the youth was
    reopened, SPEC §2): the period's start is the anchor then.
    """
    if last_held is None or (start_date is not None and last_held < start_date):
        return start_date
    return last_held


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


def next_planned(planned: Sequence[datetime | date], today: date) -> datetime | date | None:
    """SPEC §4's *next meeting* among planned start times (the object passed in), or None:
    the earliest dated today or later; one dated before today is unrecorded, never next."""
    return _next_planned(planned, today)[0]


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
