"""What the statistics of one period `[F, T]` are computed from, read in a few plain queries.

The ORM would build ~50,000 meeting objects for a district's history; these queries return
only what the figures need (SPEC §9: a year of 2,000 youths in ≤ 200 ms). Dates are local
(Europe/Stockholm) calendar dates: a meeting's `starts_at` is a naive wall-clock time, so its
date is the text before the space and a DST change moves nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from sigdesk.catalogues import MeetingStatus, ParticipantKind, PlanStatus, Track, YouthStatus

#: The track codes of the statistics outputs (SPEC §8), by the catalogue's stored code.
TRACK_CODES = {Track.YOUTH.value: "unga", Track.YOUNG_ADULTS.value: "unga_vuxna"}
#: ParticipantKind → the attendance figure's code for the youth and the guardians.
PARTICIPANT_CODES = {
    ParticipantKind.YOUTH.value: "youth",
    ParticipantKind.GUARDIAN.value: "guardian",
}


@dataclass(frozen=True)
class YouthFacts:
    id: int
    gender: str  # the catalogue's code (flicka, pojke, annat, uppgift_saknas)
    track: str  # unga / unga_vuxna
    birth_date: date | None
    interval_days: int


@dataclass(frozen=True)
class Period:
    """One SIG period of a youth: `[start, end]`, `end` None while it runs."""

    youth_id: int
    start: date | None
    end: date | None
    reason: str | None = None  # closure reason code, for an ended period
    followup_on: date | None = None
    followup_done_on: date | None = None
    followup_result: str | None = None


class HeldMeeting(NamedTuple):
    """A held meeting dated in `[F, T]`, with the youth's held meeting before it; days are
    proleptic ordinals (`date.toordinal()`), so an interval is a subtraction."""

    youth_id: int
    day: int
    previous: int | None


class Attendance(NamedTuple):
    """Present and expected participants of one kind at one youth's held meetings in `[F, T]`."""

    youth_id: int
    code: str  # youth, guardian or the actor type's code
    present: int
    expected: int


@dataclass(frozen=True)
class Facts:
    start: date
    end: date
    youths: dict[int, YouthFacts]
    periods: tuple[Period, ...]
    meetings: tuple[HeldMeeting, ...]  # held in [F, T], by youth and date
    held_before: dict[int, int]  # each youth's latest held meeting before F (ordinal)
    attendance: tuple[Attendance, ...]
    subgoals: tuple[tuple[int, bool], ...]  # (youth id, reached) per delmål followed up


def _day(value: object) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(str(value)[:10])


_YOUTHS = (
    "SELECT id, gender, track, birth_date, meeting_interval_days, status, start_date FROM youth"
)
_CLOSURES = (
    "SELECT youth_id, started_on, closed_on, reason, followup_on, followup_done_on,"
    " followup_result FROM closure ORDER BY youth_id, closed_on, id"
)
#: A date's ordinal from the stored text ("2026-03-29 10:00:00.000000"): julian day − offset.
_ORDINAL = "CAST(julianday(substr({0}, 1, 10)) - 1721424.5 AS INTEGER)"
#: Each youth's held meetings of the period as one range seek in the meeting index (youth,
#: status, start): a scan of the whole index read every other year's meetings too. Sorted
#: in Python (an ORDER BY made SQLite copy the rows into a temporary b-tree).
_MEETINGS = (
    "SELECT m.youth_id, " + _ORDINAL.format("m.starts_at") + " FROM youth y"
    " CROSS JOIN meeting m ON m.youth_id = y.id"
    " WHERE m.status = :held AND m.starts_at >= :start AND m.starts_at < :after"
)
#: Per youth, one seek to its latest held meeting before F (NULL: none).
_HELD_BEFORE = (
    "SELECT y.id, (SELECT " + _ORDINAL.format("MAX(m.starts_at)") + " FROM meeting m"
    " WHERE m.youth_id = y.id AND m.status = :held AND m.starts_at < :start) FROM youth y"
)
#: One row per youth: its attendance rows as numbers `who * 2 + present`, where `who` is 0
#: for the youth, 1 for a guardian and the actor's id + 2. Grouping by the youth alone follows
#: the youth table's order (each youth's meetings a range seek, as in `_MEETINGS`); grouping
#: by participant too made SQLite sort every attendance row of the period (a third slower).
_ATTENDANCE = (
    "SELECT m.youth_id, group_concat("
    "(CASE a.participant WHEN 'aktor' THEN a.actor_id + 2 WHEN 'ungdom' THEN 0 ELSE 1 END) * 2"
    " + (a.status = 'narvarande'))"
    " FROM youth y CROSS JOIN meeting m ON m.youth_id = y.id"
    " JOIN attendance a ON m.id = a.meeting_id"
    " WHERE m.status = :held AND m.starts_at >= :start AND m.starts_at < :after"
    " GROUP BY y.id"
)
_ACTORS = "SELECT id, actor_type FROM actor"
_SUBGOALS = (
    "SELECT g.youth_id, f.subgoal_id, f.status FROM followup f"
    " JOIN meeting m ON m.id = f.meeting_id"
    " JOIN subgoal s ON s.id = f.subgoal_id JOIN goal g ON g.id = s.goal_id"
    " WHERE f.subgoal_id IS NOT NULL AND m.status = :held"
    " AND m.starts_at >= :start AND m.starts_at < :after"
    " ORDER BY m.starts_at, f.id"
)


#: Page cache of the connection that reads statistics, in KiB (SQLite's negative form). A
#: year of 2,000 youths touches ~10 MB of meeting and attendance pages; with the default 8 MB
#: every reading decrypted them all again (a year's statistics 265 → 222 ms CPU at 32 MB).
STATS_CACHE_KIB = 32_000


def _widen_cache(session: Session) -> None:
    """Raise this connection's page cache to `STATS_CACHE_KIB` (never lower it): the worker's
    next period (the picker moved) then reads the pages it already decrypted."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    (size,) = driver.execute("PRAGMA cache_size").fetchone()
    if 0 > int(size) > -STATS_CACHE_KIB:
        driver.execute(f"PRAGMA cache_size = -{STATS_CACHE_KIB}")


def _rows(session: Session, sql: str, params: dict[str, object] | None = None) -> list[Any]:
    """The rows of one plain query, read on the driver's cursor (no per-row objects)."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    cursor = driver.execute(sql, params or {})
    return list(cursor.fetchall())


def _periods(session: Session, youths: dict[int, tuple[str, date | None]]) -> list[Period]:
    periods = [
        Period(
            youth_id=row[0],
            start=_day(row[1]),
            end=_day(row[2]),
            reason=row[3],
            followup_on=_day(row[4]),
            followup_done_on=_day(row[5]),
            followup_result=row[6],
        )
        for row in _rows(session, _CLOSURES)
    ]
    for youth_id, (status, start) in youths.items():
        if status == YouthStatus.ACTIVE.value:
            periods.append(Period(youth_id=youth_id, start=start, end=None))
    return periods


def _tokens(session: Session) -> dict[str, tuple[str, int]]:
    """Each packed attendance token ("2*who + present") → (the figure's code, present)."""
    codes = {0: PARTICIPANT_CODES[ParticipantKind.YOUTH.value]}
    codes[1] = PARTICIPANT_CODES[ParticipantKind.GUARDIAN.value]
    codes |= {actor_id + 2: actor_type for actor_id, actor_type in _rows(session, _ACTORS)}
    return {str(who * 2 + here): (code, here) for who, code in codes.items() for here in (0, 1)}


def _attendance(session: Session, bounds: dict[str, object]) -> list[Attendance]:
    tokens = _tokens(session)
    rows: list[Attendance] = []
    for youth_id, packed in _rows(session, _ATTENDANCE, bounds):
        counts: dict[str, list[int]] = {}
        for token, times in Counter(str(packed).split(",")).items():
            found = tokens.get(token)
            if found is None:
                continue
            code, here = found
            cell = counts.get(code)
            if cell is None:
                counts[code] = [times * here, times]
            else:
                cell[0] += times * here
                cell[1] += times
        rows.extend(
            [Attendance(youth_id, c, present, total) for c, (present, total) in counts.items()]
        )
    return rows


def _subgoals(session: Session, bounds: dict[str, object]) -> list[tuple[int, bool]]:
    latest: dict[int, tuple[int, str]] = {}
    for youth_id, subgoal_id, status in _rows(session, _SUBGOALS, bounds):
        latest[subgoal_id] = (youth_id, status)  # ordered by date: the last one wins
    return [(y, status == PlanStatus.ACHIEVED.value) for y, status in latest.values()]


def load_facts(session: Session, *, start: date, end: date) -> Facts:
    """Everything the figures of `[start, end]` need, in a few queries."""
    session.flush()  # the driver's cursor sees only what the session has written
    _widen_cache(session)
    bounds: dict[str, object] = {
        "held": MeetingStatus.HELD.value,
        "start": start.isoformat(),
        "after": (end + timedelta(days=1)).isoformat(),
    }
    youths: dict[int, YouthFacts] = {}
    status_start: dict[int, tuple[str, date | None]] = {}
    for yid, gender, track, born, interval, status, started in _rows(session, _YOUTHS):
        youths[yid] = YouthFacts(
            yid, gender or "uppgift_saknas", TRACK_CODES.get(track, "unga"), _day(born), interval
        )
        status_start[yid] = (status, _day(started))
    held_before: dict[int, int] = {
        youth_id: day for youth_id, day in _rows(session, _HELD_BEFORE, bounds) if day is not None
    }
    meetings, previous = [], (None, None)
    for youth_id, day in sorted(_rows(session, _MEETINGS, bounds)):
        before = previous[1] if previous[0] == youth_id else held_before.get(youth_id)
        meetings.append(HeldMeeting(youth_id, day, before))
        previous = (youth_id, day)
    return Facts(
        start=start,
        end=end,
        youths=youths,
        periods=tuple(_periods(session, status_start)),
        meetings=tuple(meetings),
        held_before=held_before,
        attendance=tuple(_attendance(session, bounds)),
        subgoals=tuple(_subgoals(session, bounds)),
    )
