"""The whole caseload at a glance: every youth's deadline, and the one "Att göra" list.

Both are computed with a handful of set-based queries and the pure rule in
deadlines.py, so a district's 2,000 youths take milliseconds. The dashboard, the
caseload list and `sigdesk deadlines` all call these functions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sigdesk.caseload import age_on
from sigdesk.consent import ADULT_AGE
from sigdesk.deadlines import DeadlineInfo, DeadlineStatus, anchor_date, deadline_status
from sigdesk.models import Actor, Closure, Consent, Meeting, NetworkMember, Youth, consent_actor
from sigdesk.models.catalogues import (
    REQUIRED_ACTOR_TYPES,
    ConsentGiver,
    MeetingStatus,
    Track,
    YouthStatus,
)

CONSENT_WARNING_DAYS = 14


@dataclass(frozen=True)
class YouthDeadline:
    youth_id: int
    first_name: str
    last_name: str
    info: DeadlineInfo
    last_held: date | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def as_json(self) -> dict[str, object]:
        """The keys SPEC §8 lists for `sigdesk deadlines --json`."""
        nxt = self.info.next_meeting
        return {
            "youth_id": self.youth_id,
            "name": self.name,
            "status": self.info.status.value,
            "deadline": self.info.deadline.isoformat(),
            "days_left": self.info.days_left,
            "next_meeting": nxt.isoformat() if nxt is not None else None,
            "last_held": self.last_held.isoformat() if self.last_held else None,
        }


class TodoKind(StrEnum):
    OVERDUE = "forsenat"
    SOON = "snart"
    PLANNED_TOO_LATE = "planerat_for_sent"
    UNRECORDED_MEETING = "mote_ej_registrerat"
    CONSENT_EXPIRING = "samtycke_upphor"
    CONSENT_MISSING = "samtycke_saknas"
    ACTOR_MISSING = "aktor_saknas"
    POST_CLOSURE_FOLLOWUP = "uppfoljning_efter_avslut"


#: Most urgent first; the list is sorted by this, then by date.
TODO_ORDER = list(TodoKind)


@dataclass(frozen=True)
class TodoItem:
    kind: TodoKind
    youth_id: int
    youth_name: str
    due: date | None
    text: str  # Swedish, without the youth's name


_ActiveYouth = tuple[int, str, str, date | None, int, date | None]


def _active_youths(session: Session) -> list[_ActiveYouth]:
    query = select(
        Youth.id,
        Youth.first_name,
        Youth.last_name,
        Youth.start_date,
        Youth.meeting_interval_days,
        Youth.birth_date,
    ).where(Youth.status == YouthStatus.ACTIVE)
    return [tuple(r) for r in session.execute(query)]  # type: ignore[misc]


def deadline_overview(
    session: Session, *, today: date, warning_days: int = 7
) -> list[YouthDeadline]:
    """The deadline status of every active youth (closed and proposed ones have none).

    Youths without a start date and without any held meeting have no anchor and
    are left out (the services require a start date for an active youth).
    """
    return _deadlines(session, _active_youths(session), today, warning_days)


def _deadlines(
    session: Session, active: list[_ActiveYouth], today: date, warning_days: int
) -> list[YouthDeadline]:
    last_held = dict(
        session.execute(
            select(Meeting.youth_id, func.max(Meeting.starts_at))
            .where(Meeting.status == MeetingStatus.HELD)
            .group_by(Meeting.youth_id)
        ).all()
    )
    planned: dict[int, list[datetime]] = defaultdict(list)
    for youth_id, starts_at in session.execute(
        select(Meeting.youth_id, Meeting.starts_at).where(Meeting.status == MeetingStatus.PLANNED)
    ):
        planned[youth_id].append(starts_at)
    rows = []
    for youth_id, first, last, start, interval, _born in active:
        held = last_held.get(youth_id)
        held_day = held.date() if held is not None else None
        anchor = anchor_date(last_held=held_day, start_date=start)
        if anchor is None:
            continue
        info = deadline_status(
            interval_days=interval,
            anchor=anchor,
            planned=planned.get(youth_id, ()),
            today=today,
            warning_days=warning_days,
        )
        rows.append(YouthDeadline(youth_id, first, last, info, held_day))
    rows.sort(key=lambda r: (r.info.deadline, r.last_name, r.first_name))
    return rows


_DEADLINE_TODO = {
    DeadlineStatus.OVERDUE: TodoKind.OVERDUE,
    DeadlineStatus.SOON: TodoKind.SOON,
    DeadlineStatus.PLANNED_TOO_LATE: TodoKind.PLANNED_TOO_LATE,
}


def _deadline_items(rows: list[YouthDeadline]) -> list[TodoItem]:
    items = []
    for r in rows:
        kind = _DEADLINE_TODO.get(r.info.status)
        if kind is TodoKind.OVERDUE:
            late = -r.info.days_left
            text = f"Nätverksmöte skulle ha hållits senast {r.info.deadline} ({late} dagar sedan)"
        elif kind is TodoKind.SOON:
            text = f"Inget möte planerat; senast {r.info.deadline} ({r.info.days_left} dagar kvar)"
        elif kind is TodoKind.PLANNED_TOO_LATE:
            text = f"Nästa möte ligger efter tidsgränsen {r.info.deadline}"
        if kind is not None:
            items.append(TodoItem(kind, r.youth_id, r.name, r.info.deadline, text))
        if r.info.past_planned:
            items.append(
                TodoItem(
                    TodoKind.UNRECORDED_MEETING,
                    r.youth_id,
                    r.name,
                    None,
                    "Ett passerat möte är varken markerat som genomfört eller inställt",
                )
            )
    return items


def _adult_cutoff(today: date) -> date:
    """Born on or before this day: 18 or older today."""
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:  # 29 February
        return today.replace(year=today.year - ADULT_AGE, day=28)


def _consent_items(
    session: Session, youths: dict[int, tuple[str, date | None]], today: date
) -> list[TodoItem]:
    """Consent expiring within two weeks, and network actors no valid consent covers.

    Both are set-based queries: whose consent counts follows consent.counts_for (from
    18 only the youth's own).
    """
    counts = (
        (Consent.signed_on <= today)
        & (Consent.valid_until.is_(None) | (Consent.valid_until >= today))
        & (Consent.withdrawn_on.is_(None) | (Consent.withdrawn_on > today))
        & (
            (Consent.given_by == ConsentGiver.YOUTH)
            | Youth.birth_date.is_(None)
            | (Youth.birth_date > _adult_cutoff(today))
        )
    )
    expiring = session.execute(
        select(Consent.youth_id, func.min(Consent.valid_until))
        .join(Youth, Youth.id == Consent.youth_id)
        .where(counts, Consent.valid_until <= today + timedelta(days=CONSENT_WARNING_DAYS))
        .group_by(Consent.youth_id)
    )
    items = [
        TodoItem(TodoKind.CONSENT_EXPIRING, y, youths[y][0], day, f"Samtycke upphör {day}")
        for y, day in expiring
        if y in youths
    ]
    covered = (
        select(consent_actor.c.actor_id)
        .join(Consent, Consent.id == consent_actor.c.consent_id)
        .where(
            Consent.youth_id == NetworkMember.youth_id,
            consent_actor.c.actor_id == NetworkMember.actor_id,
            counts,
        )
    )
    uncovered = session.execute(
        select(NetworkMember.youth_id, func.count())
        .join(Youth, Youth.id == NetworkMember.youth_id)
        .where(Youth.status == YouthStatus.ACTIVE, ~covered.exists())
        .group_by(NetworkMember.youth_id)
    )
    for youth_id, missing in uncovered:
        if youth_id in youths:
            text = (
                f"{missing} aktör{'er' if missing > 1 else ''} i nätverket saknar giltigt samtycke"
            )
            items.append(
                TodoItem(TodoKind.CONSENT_MISSING, youth_id, youths[youth_id][0], None, text)
            )
    return items


def _actor_items(session: Session, youths: dict[int, tuple[str, date | None]]) -> list[TodoItem]:
    """Polis and skola must take part: youths whose network lacks one of them."""
    has = [func.max(Actor.actor_type == t) for t in REQUIRED_ACTOR_TYPES]
    present = {
        youth_id: flags
        for youth_id, *flags in session.execute(
            select(NetworkMember.youth_id, *has)
            .join(Actor, Actor.id == NetworkMember.actor_id)
            .where(Actor.actor_type.in_(REQUIRED_ACTOR_TYPES))
            .group_by(NetworkMember.youth_id)
        )
    }
    items = []
    for youth_id, (name, _born) in youths.items():
        flags = present.get(youth_id, [0] * len(REQUIRED_ACTOR_TYPES))
        missing = [t.label for t, flag in zip(REQUIRED_ACTOR_TYPES, flags, strict=True) if not flag]
        if missing:
            text = " och ".join(missing) + " saknas i nätverket"
            items.append(TodoItem(TodoKind.ACTOR_MISSING, youth_id, name, None, text))
    return items


def _closure_items(session: Session, today: date, warning_days: int) -> list[TodoItem]:
    query = (
        select(Closure.youth_id, Closure.followup_on, Youth.first_name, Youth.last_name)
        .join(Youth, Youth.id == Closure.youth_id)
        .where(
            Closure.followup_on.is_not(None),
            Closure.followup_on <= today + timedelta(days=warning_days),
            Closure.followup_outcome == "",
        )
    )
    return [
        TodoItem(
            TodoKind.POST_CLOSURE_FOLLOWUP,
            youth_id,
            f"{first} {last}",
            day,
            f"Uppföljning efter avslut {day}",
        )
        for youth_id, day, first, last in session.execute(query)
    ]


def todo_list(session: Session, *, today: date, warning_days: int = 7) -> list[TodoItem]:
    """ "Att göra" for the whole caseload, most urgent first (SPEC §4)."""
    active = _active_youths(session)
    deadlines = _deadlines(session, active, today, warning_days)
    youths = {y[0]: (f"{y[1]} {y[2]}", y[5]) for y in active}
    items = (
        _deadline_items(deadlines)
        + _consent_items(session, youths, today)
        + _actor_items(session, youths)
        + _closure_items(session, today, warning_days)
    )
    items.sort(key=lambda i: (TODO_ORDER.index(i.kind), i.due or date.max, i.youth_name))
    return items


@dataclass(frozen=True)
class CaseloadRow:
    """One line of the caseload list: every youth, with a deadline when active."""

    youth_id: int
    first_name: str
    last_name: str
    birth_date: date | None
    track: Track
    status: YouthStatus
    deadline: DeadlineInfo | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age(self, today: date) -> int | None:
        return age_on(self.birth_date, today) if self.birth_date else None


def caseload_rows(session: Session, *, today: date, warning_days: int = 7) -> list[CaseloadRow]:
    """Every youth in the caseload for the list view, sorted by name."""
    deadlines = {
        d.youth_id: d.info
        for d in deadline_overview(session, today=today, warning_days=warning_days)
    }
    query = select(
        Youth.id, Youth.first_name, Youth.last_name, Youth.birth_date, Youth.track, Youth.status
    ).order_by(Youth.last_name, Youth.first_name, Youth.id)
    return [
        CaseloadRow(yid, first, last, born, track, status, deadlines.get(yid))
        for yid, first, last, born, track, status in session.execute(query)
    ]
