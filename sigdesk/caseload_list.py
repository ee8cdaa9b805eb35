"""The caseload list and every active youth's deadline, in plain SQL on a DB-API connection.

These are the queries the window needs first, so they do not go through the ORM: the
list can be read from a connection made by `sigdesk.store.dbfile.connect` while SQLAlchemy is
still loading. The services reach the same functions through their session's connection
(`sigdesk.overview`), so there is one implementation of the deadline overview.

Stored forms (written by the ORM): dates as ``YYYY-MM-DD``, meeting times as
``YYYY-MM-DD HH:MM:SS[.ffffff]`` local wall-clock, catalogue values as their codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sigdesk.catalogues import MeetingStatus, Track, YouthStatus
from sigdesk.deadlines import DeadlineInfo, anchor_date, deadline_status
from sigdesk.idnumber import age_on


class ActiveYouth(NamedTuple):
    youth_id: int
    first_name: str
    last_name: str
    start_date: date | None
    interval_days: int
    birth_date: date | None
    last_held: date | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
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


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text[:10])


def active_youths(conn: Any) -> list[ActiveYouth]:
    """Every active youth with the day of the last held meeting (one index seek each).

    Only meetings of the current SIG period count: one held before the start date
    belongs to an earlier period (a reopened youth) and never anchors the deadline. The
    start date bounds the seek in the (youth, status, start) index, so the last held
    meeting is the range's last entry; without a start date the bound is '', below every
    stored time.
    """
    rows = conn.execute(
        "SELECT y.id, y.first_name, y.last_name, y.start_date, y.meeting_interval_days,"
        " y.birth_date, (SELECT max(m.starts_at) FROM meeting m WHERE m.youth_id = y.id"
        "  AND m.status = ? AND m.starts_at >= coalesce(y.start_date, ''))"
        " FROM youth y WHERE y.status = ?",
        (MeetingStatus.HELD.value, YouthStatus.ACTIVE.value),
    )
    return [
        ActiveYouth(yid, first, last, _day(start), interval, _day(born), _day(held))
        for yid, first, last, start, interval, born, held in rows
    ]


def deadlines(
    conn: Any, active: list[ActiveYouth], *, today: date, warning_days: int
) -> list[YouthDeadline]:
    """The deadline of each of `active` (active youths from `active_youths`), soonest first
    (youths without an anchor left out).

    Youths without a start date and without any held meeting have no anchor; the
    services require a start date for an active youth.
    """
    # The planned meetings of active youths: one seek per youth in the (youth, status,
    # start) index, instead of reading the whole meeting index (mostly held meetings).
    planned: dict[int, list[datetime]] = defaultdict(list)
    for youth_id, starts_at in conn.execute(
        "SELECT m.youth_id, m.starts_at FROM youth y"
        " JOIN meeting m ON m.youth_id = y.id AND m.status = ? WHERE y.status = ?",
        (MeetingStatus.PLANNED.value, YouthStatus.ACTIVE.value),
    ):
        planned[youth_id].append(datetime.fromisoformat(starts_at))
    youths = (
        (y.youth_id, y.first_name, y.last_name, y.start_date, y.interval_days, y.last_held)
        for y in active
    )
    return _deadline_rows(youths, planned, today=today, warning_days=warning_days)


#: One youth as the rule needs it: id, first and last name, start date, interval in days,
#: the day of the last held meeting of the current period.
_RuleInput = tuple[int, str, str, date | None, int, date | None]


def _deadline_rows(
    youths: Iterable[_RuleInput],
    planned: Mapping[int, Sequence[datetime]],
    *,
    today: date,
    warning_days: int,
) -> list[YouthDeadline]:
    """The rule of `sigdesk.deadlines` for each youth, soonest deadline first; ties by
    name, then by id (youths without an anchor left out)."""
    rows = []
    for youth_id, first, last, start, interval, held in youths:
        anchor = anchor_date(last_held=held, start_date=start)
        if anchor is None:
            continue
        info = deadline_status(
            interval_days=interval,
            anchor=anchor,
            planned=planned.get(youth_id, ()),
            today=today,
            warning_days=warning_days,
        )
        rows.append(YouthDeadline(youth_id, first, last, info, held))
    rows.sort(key=lambda r: (r.info.deadline, r.last_name, r.first_name, r.youth_id))
    return rows


# The active youths the five-week rule may flag, with their planned meetings joined by
# "|". The anchor is `anchor_date`'s: the last held meeting of the current period (held
# ones before the start date are left out by the subquery, as in `active_youths`), else
# the start date; the deadline D is the anchor plus the interval (compared as Julian day
# numbers: cheaper than building a date modifier string for each youth). Only youths for
# which none of these holds are left out, and for them the rule says "ok" or "i tid" with
# nothing unrecorded:
#   D <= today + warning days (försenat or snart), or a planned meeting dated before today
#   (unrecorded) or after D (planerat för sent).
# Stored forms (see the module docstring) compare as text: 'YYYY-MM-DD HH:MM:SS' < 'YYYY-MM-DD'
# exactly when the meeting's day is earlier.
_FLAGGABLE = """
WITH a AS MATERIALIZED (
  SELECT y.id, y.first_name, y.last_name, y.start_date, y.meeting_interval_days AS days,
    (SELECT max(m.starts_at) FROM meeting m WHERE m.youth_id = y.id AND m.status = :held
      AND m.starts_at >= coalesce(y.start_date, '')) AS held
  FROM youth y WHERE y.status = :active
), b AS (SELECT *, coalesce(substr(held, 1, 10), start_date) AS anchor FROM a)
SELECT id, first_name, last_name, start_date, days, held,
  (SELECT group_concat(m.starts_at, '|') FROM meeting m
    WHERE m.youth_id = b.id AND m.status = :planned)
FROM b
WHERE julianday(anchor) + days <= julianday(:soon)
  OR EXISTS (SELECT 1 FROM meeting m WHERE m.youth_id = b.id AND m.status = :planned
    AND (m.starts_at < :today OR m.starts_at >= date(anchor, '+' || (days + 1) || ' days')))
"""


def flaggable_deadlines(conn: Any, *, today: date, warning_days: int) -> list[YouthDeadline]:
    """`deadlines` of the active youths the rule may flag for "Att göra" (försenat, snart,
    planerat för sent, or a past planned meeting not recorded), in the same order.

    The SQL leaves out only youths the rule cannot flag, so the rule runs on about a
    third of a district's youths instead of all; it still decides the status of every
    row that comes back (some of them in time: a near deadline with a meeting planned).
    """
    params = {
        "held": MeetingStatus.HELD.value,
        "active": YouthStatus.ACTIVE.value,
        "planned": MeetingStatus.PLANNED.value,
        "today": today.isoformat(),
        "soon": (today + timedelta(days=warning_days)).isoformat(),
    }
    youths, planned = [], {}
    for yid, first, last, start, days, held, plans in conn.execute(_FLAGGABLE, params):
        youths.append((yid, first, last, _day(start), days, _day(held)))
        if plans is not None:
            planned[yid] = [datetime.fromisoformat(p) for p in plans.split("|")]
    return _deadline_rows(youths, planned, today=today, warning_days=warning_days)


def caseload_rows(conn: Any, *, today: date, warning_days: int = 7) -> list[CaseloadRow]:
    """Every youth in the caseload for the list view, sorted by name."""
    infos = {
        d.youth_id: d.info
        for d in deadlines(conn, active_youths(conn), today=today, warning_days=warning_days)
    }
    query = (
        "SELECT id, first_name, last_name, birth_date, track, status FROM youth"
        " ORDER BY last_name, first_name, id"
    )
    return [
        CaseloadRow(
            yid,
            first,
            last,
            _day(born),
            Track.from_code(track),
            YouthStatus.from_code(status),
            infos.get(yid),
        )
        for yid, first, last, born, track, status in conn.execute(query)
    ]
