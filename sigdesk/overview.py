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
from typing import Any

from sqlalchemy.orm import Session

from sigdesk import caseload_list as listing
from sigdesk.caseload_list import CaseloadRow, YouthDeadline
from sigdesk.catalogues import REQUIRED_ACTOR_TYPES, ConsentGiver, YouthStatus
from sigdesk.consent import ADULT_AGE
from sigdesk.deadlines import DeadlineStatus

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


@dataclass(frozen=True, slots=True)
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
        info = r.info
        kind = _DEADLINE_TODO.get(info.status)
        if kind is not None:
            if kind is TodoKind.OVERDUE:
                late = -info.days_left
                text = f"Nätverksmöte skulle ha hållits senast {info.deadline} ({late} dagar sedan)"
            elif kind is TodoKind.SOON:
                text = f"Inget möte planerat; senast {info.deadline} ({info.days_left} dagar kvar)"
            else:
                text = f"Nästa möte ligger efter tidsgränsen {info.deadline}"
            items.append(TodoItem(kind, r.youth_id, r.name, info.deadline, text))
        if info.past_planned:
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


# The "Att göra" queries below are plain SQL on the session's DB-API connection, like the
# deadline queries in `caseload_list`: SQLAlchemy's execution and result layers cost more
# than some of the statements themselves. Each statement walks the active youths in id
# order (the status index), so grouping and ordering by `y.id` needs no sorting; the days
# are bound parameters (`_params`). Stored dates are ``YYYY-MM-DD`` text, which compares
# as the days do.


def _params(today: date) -> dict[str, str]:
    return {
        "active": YouthStatus.ACTIVE.value,
        "youth_giver": ConsentGiver.YOUTH.value,
        "today": today.isoformat(),
        "adult_cutoff": _adult_cutoff(today).isoformat(),
        "warn_until": (today + timedelta(days=CONSENT_WARNING_DAYS)).isoformat(),
    }


def _counting(c: str) -> str:
    """Whether consent `c` of youth `y` counts on :today (SQL form of `consent.counts_for`):
    from 18 (born on or before :adult_cutoff) only the youth's own."""
    return (
        f"{c}.signed_on <= :today AND ({c}.valid_until IS NULL OR {c}.valid_until >= :today)"
        f" AND ({c}.withdrawn_on IS NULL OR {c}.withdrawn_on > :today)"
        f" AND ({c}.given_by = :youth_giver"
        " OR y.birth_date IS NULL OR y.birth_date > :adult_cutoff)"
    )


#: Per active youth, the first day a counting consent ends within :warn_until. The same
#: condition as `_counting`, its most selective part (an end within two weeks) first.
_EXPIRING = """
SELECT y.id, y.first_name, y.last_name, min(c.valid_until)
FROM youth y JOIN consent c ON c.youth_id = y.id
WHERE y.status = :active AND c.valid_until <= :warn_until AND c.valid_until >= :today
  AND c.signed_on <= :today AND (c.withdrawn_on IS NULL OR c.withdrawn_on > :today)
  AND (c.given_by = :youth_giver OR y.birth_date IS NULL OR y.birth_date > :adult_cutoff)
GROUP BY y.id ORDER BY y.id
"""

#: Per active youth, how many network actors no counting consent covers.
_UNCOVERED = f"""
SELECT y.id, y.first_name, y.last_name, count(*)
FROM youth y JOIN network_member n ON n.youth_id = y.id
WHERE y.status = :active AND NOT EXISTS (
  SELECT 1 FROM consent c JOIN consent_actor ca ON ca.consent_id = c.id
  WHERE c.youth_id = y.id AND ca.actor_id = n.actor_id AND {_counting("c")})
GROUP BY y.id ORDER BY y.id
"""


def _consent_items(conn: Any, params: dict[str, str]) -> list[TodoItem]:
    """Consent expiring within two weeks, and network actors no valid consent covers,
    for active youths.

    Both are set-based queries: whose consent counts follows consent.counts_for (from
    18 only the youth's own).
    """
    items = []
    for youth_id, first, last, end in conn.execute(_EXPIRING, params):
        day = date.fromisoformat(end)
        text = f"Samtycke upphör {day}"
        items.append(TodoItem(TodoKind.CONSENT_EXPIRING, youth_id, f"{first} {last}", day, text))
    for youth_id, first, last, missing in conn.execute(_UNCOVERED, params):
        text = f"{missing} aktör{'er' if missing > 1 else ''} i nätverket saknar giltigt samtycke"
        items.append(TodoItem(TodoKind.CONSENT_MISSING, youth_id, f"{first} {last}", None, text))
    return items


#: Per active youth, the last day an ended consent stopped counting, among those whose
#: network actors no counting consent covers any more.
_ENDED = f"""
SELECT y.id, y.first_name, y.last_name,
  max(min(coalesce(e.withdrawn_on, e.valid_until), coalesce(e.valid_until, e.withdrawn_on)))
FROM youth y JOIN consent e ON e.youth_id = y.id
JOIN consent_actor ea ON ea.consent_id = e.id
JOIN network_member n ON n.youth_id = e.youth_id AND n.actor_id = ea.actor_id
WHERE y.status = :active AND (e.withdrawn_on <= :today OR e.valid_until < :today)
  AND (e.given_by = :youth_giver OR y.birth_date IS NULL OR y.birth_date > :adult_cutoff)
  AND NOT EXISTS (
    SELECT 1 FROM consent c JOIN consent_actor ca ON ca.consent_id = c.id
    WHERE c.youth_id = e.youth_id AND ca.actor_id = ea.actor_id AND {_counting("c")})
GROUP BY y.id ORDER BY y.id
"""


def _ended_consent_items(conn: Any, params: dict[str, str]) -> list[TodoItem]:
    """Active youths' consents expired or withdrawn whose network actors no valid consent
    covers (SPEC §4).

    The set-based form of `consent.lapsed_consents` (a test holds them equal).
    """
    return [
        TodoItem(
            TodoKind.CONSENT_ENDED,
            youth_id,
            f"{first} {last}",
            date.fromisoformat(day),
            f"Samtycke upphörde {day} och har inte ersatts",
        )
        for youth_id, first, last, day in conn.execute(_ENDED, params)
    ]


#: Whether youth `y`'s network has an actor of each required type (polis, skola). The
#: actors of a type are read once per statement (the actor table is small); the unary
#: `+` keeps SQLite from probing the (youth, actor) index for each of them: scanning the
#: youth's few network rows against that set costs less.
_HAS_REQUIRED = [
    "EXISTS (SELECT 1 FROM network_member n WHERE n.youth_id = y.id"
    f" AND +n.actor_id IN (SELECT a.id FROM actor a WHERE a.actor_type = '{t.value}'))"
    for t in REQUIRED_ACTOR_TYPES
]

#: The active youths whose network lacks polis or skola, with whether it has each. Each
#: check stops at the first such actor; the few youths listed are checked again for the
#: columns, which costs less than collecting every youth's actor types.
_ACTORS = f"""
SELECT y.id, y.first_name, y.last_name, {", ".join(_HAS_REQUIRED)}
FROM youth y
WHERE y.status = :active AND NOT ({" AND ".join(_HAS_REQUIRED)})
ORDER BY y.id
"""


def _actor_items(conn: Any, params: dict[str, str]) -> list[TodoItem]:
    """Polis and skola must take part: active youths whose network lacks one of them (only
    those come back from the query, so nothing is read for the many that have both)."""
    items = []
    for youth_id, first, last, *flags in conn.execute(_ACTORS, params):
        missing = [t.label for t, flag in zip(REQUIRED_ACTOR_TYPES, flags, strict=True) if not flag]
        text = " och ".join(missing) + " saknas i nätverket"
        items.append(TodoItem(TodoKind.ACTOR_MISSING, youth_id, f"{first} {last}", None, text))
    return items


#: Follow-ups after closure not done, due by :due_until.
_CLOSURE = """
SELECT c.youth_id, c.followup_on, y.first_name, y.last_name
FROM closure c JOIN youth y ON y.id = c.youth_id
WHERE c.followup_on IS NOT NULL AND c.followup_on <= :due_until
  AND c.followup_done_on IS NULL AND c.reopened_on IS NULL
"""


def _closure_items(conn: Any, today: date, warning_days: int) -> list[TodoItem]:
    due_until = (today + timedelta(days=warning_days)).isoformat()
    items = []
    for youth_id, followup_on, first, last in conn.execute(_CLOSURE, {"due_until": due_until}):
        day = date.fromisoformat(followup_on)
        text = f"Uppföljning efter avslut {day}"
        items.append(
            TodoItem(TodoKind.POST_CLOSURE_FOLLOWUP, youth_id, f"{first} {last}", day, text)
        )
    return items


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
    conn = _dbapi(session)
    params = _params(today)
    deadlines = listing.flaggable_deadlines(conn, today=today, warning_days=warning_days)
    items = (
        _deadline_items(deadlines)
        + _consent_items(conn, params)
        + _ended_consent_items(conn, params)
        + _actor_items(conn, params)
        + _closure_items(conn, today, warning_days)
        + _gallring_items(session, today, gallring_months)
    )
    items.sort(key=lambda i: (_RANK[i.kind], i.due or date.max, i.youth_name))
    return items
