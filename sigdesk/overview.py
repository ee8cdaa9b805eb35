"""The whole caseload at a glance: every youth's deadline, and the one "Att göra" list.

Both are computed with a handful of set-based queries and the pure rule in
deadlines.py, so a district's 2,000 youths take milliseconds. The dashboard, the
caseload list and `sigdesk deadlines` all call these functions; the deadline queries
themselves are plain SQL in `caseload_list`, which the window also runs before the ORM
has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from sigdesk import caseload_list as listing
from sigdesk.caseload_list import CaseloadRow, YouthDeadline
from sigdesk.catalogues import REQUIRED_ACTOR_TYPES, ConsentGiver, YouthStatus
from sigdesk.consent import ADULT_AGE
from sigdesk.deadlines import DeadlineStatus
from sigdesk.models import Actor, Closure, Consent, NetworkMember, Youth, consent_actor

__all__ = ["CaseloadRow", "TodoItem", "TodoKind", "YouthDeadline", "caseload_rows", "todo_list"]

CONSENT_WARNING_DAYS = 14


class TodoKind(StrEnum):
    BACKUP_MISSING = "sakerhetskopia"  # not about a youth: youth_id 0
    OVERDUE = "forsenat"
    SOON = "snart"
    PLANNED_TOO_LATE = "planerat_for_sent"
    UNRECORDED_MEETING = "mote_ej_registrerat"
    CONSENT_EXPIRING = "samtycke_upphor"
    CONSENT_ENDED = "samtycke_upphort"
    CONSENT_MISSING = "samtycke_saknas"
    ACTOR_MISSING = "aktor_saknas"
    POST_CLOSURE_FOLLOWUP = "uppfoljning_efter_avslut"
    GALLRING = "gallring"


#: Most urgent first; the list is sorted by this, then by date.
TODO_ORDER = list(TodoKind)
_RANK = {kind: n for n, kind in enumerate(TODO_ORDER)}


@dataclass(frozen=True)
class TodoItem:
    kind: TodoKind
    youth_id: int
    youth_name: str
    due: date | None
    text: str  # Swedish, without the youth's name


def _dbapi(session: Session) -> Any:
    """The session's DB-API connection, inside its transaction (for `caseload_list`)."""
    return session.connection().connection.driver_connection


def deadline_overview(
    session: Session, *, today: date, warning_days: int = 7
) -> list[YouthDeadline]:
    """The deadline status of every active youth (closed and proposed ones have none)."""
    conn = _dbapi(session)
    return listing.deadlines(
        conn, listing.active_youths(conn), today=today, warning_days=warning_days
    )


def caseload_rows(session: Session, *, today: date, warning_days: int = 7) -> list[CaseloadRow]:
    """Every youth in the caseload for the list view, sorted by name."""
    return listing.caseload_rows(_dbapi(session), today=today, warning_days=warning_days)


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


# The "Att göra" queries below run as Core statements on the session's connection, not
# through the ORM's result machinery: the same rows, about 20 ms less for 2,000 youths.
# Each statement is built once (`functools.cache`) with the day as bound parameters:
# building them anew cost more than running them (~10 ms a list for 2,000 youths).
_TODAY, _ADULT_CUTOFF = "today", "adult_cutoff"


def _day_params(today: date) -> dict[str, date]:
    return {_TODAY: today, _ADULT_CUTOFF: _adult_cutoff(today)}


def _counting(c: Any) -> Any:
    """Whether consent `c` counts on :today (Core form of `consent.counts_for`): from 18
    (born on or before :adult_cutoff) only the youth's own."""
    today: Any = bindparam(_TODAY)
    return (
        (c.signed_on <= today)
        & (c.valid_until.is_(None) | (c.valid_until >= today))
        & (c.withdrawn_on.is_(None) | (c.withdrawn_on > today))
        & (
            (c.given_by == ConsentGiver.YOUTH)
            | Youth.birth_date.is_(None)
            | (Youth.birth_date > bindparam(_ADULT_CUTOFF))
        )
    )


#: The youth's name beside each id (one youth per group: youth.id is its key).
_NAME = (Youth.first_name, Youth.last_name)


@cache
def _expiring_query() -> Any:
    """Per active youth, the first day a counting consent ends within :warn_until."""
    return (
        select(Consent.youth_id, *_NAME, func.min(Consent.valid_until))
        .join(Youth, Youth.id == Consent.youth_id)
        .where(
            Youth.status == YouthStatus.ACTIVE,
            _counting(Consent),
            Consent.valid_until <= bindparam("warn_until"),
        )
        .group_by(Consent.youth_id)
        .order_by(Consent.youth_id)
    )


@cache
def _uncovered_query() -> Any:
    """Per active youth, how many network actors no counting consent covers."""
    covered = (
        select(consent_actor.c.actor_id)
        .join(Consent, Consent.id == consent_actor.c.consent_id)
        .where(
            Consent.youth_id == NetworkMember.youth_id,
            consent_actor.c.actor_id == NetworkMember.actor_id,
            _counting(Consent),
        )
    )
    return (
        select(NetworkMember.youth_id, *_NAME, func.count())
        .join(Youth, Youth.id == NetworkMember.youth_id)
        .where(Youth.status == YouthStatus.ACTIVE, ~covered.exists())
        .group_by(NetworkMember.youth_id)
        .order_by(NetworkMember.youth_id)
    )


def _consent_items(session: Session, today: date) -> list[TodoItem]:
    """Consent expiring within two weeks, and network actors no valid consent covers,
    for active youths.

    Both are set-based queries: whose consent counts follows consent.counts_for (from
    18 only the youth's own).
    """
    params = _day_params(today)
    warn_until = today + timedelta(days=CONSENT_WARNING_DAYS)
    expiring = session.connection().execute(_expiring_query(), params | {"warn_until": warn_until})
    items = [
        TodoItem(TodoKind.CONSENT_EXPIRING, y, f"{first} {last}", day, f"Samtycke upphör {day}")
        for y, first, last, day in expiring
    ]
    for youth_id, first, last, missing in session.connection().execute(_uncovered_query(), params):
        text = f"{missing} aktör{'er' if missing > 1 else ''} i nätverket saknar giltigt samtycke"
        items.append(TodoItem(TodoKind.CONSENT_MISSING, youth_id, f"{first} {last}", None, text))
    return items


@cache
def _ended_query() -> Any:
    """Per youth, the last day an ended consent stopped counting, among those whose
    network actors no counting consent covers any more."""
    ended, valid = aliased(Consent), aliased(Consent)
    ended_actor, valid_actor = consent_actor.alias(), consent_actor.alias()
    still_covered = (
        select(valid_actor.c.actor_id)
        .join(valid, valid.id == valid_actor.c.consent_id)
        .where(
            valid.youth_id == ended.youth_id,
            valid_actor.c.actor_id == ended_actor.c.actor_id,
            _counting(valid),
        )
    )
    end = func.min(
        func.coalesce(ended.withdrawn_on, ended.valid_until),
        func.coalesce(ended.valid_until, ended.withdrawn_on),
    )
    today: Any = bindparam(_TODAY)
    return (
        select(ended.youth_id, *_NAME, func.max(end))
        .join(Youth, Youth.id == ended.youth_id)
        .join(ended_actor, ended_actor.c.consent_id == ended.id)
        .join(
            NetworkMember,
            (NetworkMember.youth_id == ended.youth_id)
            & (NetworkMember.actor_id == ended_actor.c.actor_id),
        )
        .where(
            Youth.status == YouthStatus.ACTIVE,
            (ended.withdrawn_on <= today) | (ended.valid_until < today),
            (ended.given_by == ConsentGiver.YOUTH)
            | Youth.birth_date.is_(None)
            | (Youth.birth_date > bindparam(_ADULT_CUTOFF)),
            ~still_covered.exists(),
        )
        .group_by(ended.youth_id)
        .order_by(ended.youth_id)
    )


def _ended_consent_items(session: Session, today: date) -> list[TodoItem]:
    """Active youths' consents expired or withdrawn whose network actors no valid consent
    covers (SPEC §4).

    The set-based form of `consent.lapsed_consents` (a test holds them equal).
    """
    rows = session.connection().execute(_ended_query(), _day_params(today))
    return [
        TodoItem(
            TodoKind.CONSENT_ENDED,
            youth_id,
            f"{first} {last}",
            date.fromisoformat(str(day)),
            f"Samtycke upphörde {day} och har inte ersatts",
        )
        for youth_id, first, last, day in rows
    ]


@cache
def _actors_query() -> Any:
    """The active youths whose network lacks polis or skola, with whether it has each."""
    has = [func.coalesce(func.max(Actor.actor_type == t), 0) for t in REQUIRED_ACTOR_TYPES]
    return (
        select(Youth.id, *_NAME, *has)
        .outerjoin(NetworkMember, NetworkMember.youth_id == Youth.id)
        .outerjoin(
            Actor,
            (Actor.id == NetworkMember.actor_id) & Actor.actor_type.in_(REQUIRED_ACTOR_TYPES),
        )
        .where(Youth.status == YouthStatus.ACTIVE)
        .group_by(Youth.id)
        .having(~and_(*(flag == 1 for flag in has)))
        .order_by(Youth.id)
    )


def _actor_items(session: Session) -> list[TodoItem]:
    """Polis and skola must take part: active youths whose network lacks one of them (only
    those come back from the query, so nothing is read for the many that have both)."""
    items = []
    for youth_id, first, last, *flags in session.connection().execute(_actors_query()):
        missing = [t.label for t, flag in zip(REQUIRED_ACTOR_TYPES, flags, strict=True) if not flag]
        text = " och ".join(missing) + " saknas i nätverket"
        items.append(TodoItem(TodoKind.ACTOR_MISSING, youth_id, f"{first} {last}", None, text))
    return items


@cache
def _closure_query() -> Any:
    """Follow-ups after closure not done, due by :due_until."""
    return (
        select(Closure.youth_id, Closure.followup_on, Youth.first_name, Youth.last_name)
        .join(Youth, Youth.id == Closure.youth_id)
        .where(
            Closure.followup_on.is_not(None),
            Closure.followup_on <= bindparam("due_until"),
            Closure.followup_done_on.is_(None),
            Closure.reopened_on.is_(None),
        )
    )


def _closure_items(session: Session, today: date, warning_days: int) -> list[TodoItem]:
    due_until = today + timedelta(days=warning_days)
    rows = session.connection().execute(_closure_query(), {"due_until": due_until})
    return [
        TodoItem(
            TodoKind.POST_CLOSURE_FOLLOWUP,
            youth_id,
            f"{first} {last}",
            day,
            f"Uppföljning efter avslut {day}",
        )
        for youth_id, day, first, last in rows
    ]


def _gallring_items(session: Session, today: date, months: int) -> list[TodoItem]:
    """Closed youths whose closure is older than the gallring setting (SPEC §7)."""
    from sigdesk.gallring import due_for_gallring

    return [
        TodoItem(
            TodoKind.GALLRING,
            c.youth_id,
            c.name,
            c.closed_on,
            f"Avslutad {c.closed_on}, för mer än {months} månader sedan: kan gallras",
        )
        for c in due_for_gallring(session, today=today, older_than_months=months)
    ]


def backup_item(text: str) -> TodoItem:
    """The "no backup newer than 7 days" item (sigdesk.store.backup_auto.backup_warning)."""
    return TodoItem(TodoKind.BACKUP_MISSING, 0, "", None, text)


def todo_list(
    session: Session, *, today: date, warning_days: int = 7, gallring_months: int = 24
) -> list[TodoItem]:
    """ "Att göra" for the whole caseload, most urgent first (SPEC §4)."""
    deadlines = listing.flaggable_deadlines(_dbapi(session), today=today, warning_days=warning_days)
    items = (
        _deadline_items(deadlines)
        + _consent_items(session, today)
        + _ended_consent_items(session, today)
        + _actor_items(session)
        + _closure_items(session, today, warning_days)
        + _gallring_items(session, today, gallring_months)
    )
    items.sort(key=lambda i: (_RANK[i.kind], i.due or date.max, i.youth_name))
    return items
