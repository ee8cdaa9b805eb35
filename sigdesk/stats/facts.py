"""What the statistics of one period `[F, T]` are computed from, read in a few plain queries.

The ORM would build ~50,000 meeting objects for a district's history; these queries return
only what the figures need (SPEC §9: a year of 2,000 youths in ≤ 200 ms). Dates are local
(Europe/Stockholm) calendar dates: a meeting's `starts_at` is a naive wall-clock time, so its
date is the text before the space and a DST change moves nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
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


class YouthFacts(NamedTuple):  # a tuple: 2,000 of them are made for every reading
    id: int
    gender: str  # the catalogue's code (flicka, pojke, annat, uppgift_saknas)
    track: str  # unga / unga_vuxna
    birth_date: date | None
    interval_days: int


class Period(NamedTuple):
    """One SIG period of a youth: `[start, end]`, `end` None while it runs."""

    youth_id: int
    start: date | None
    end: date | None
    reason: str | None = None  # closure reason code, for an ended period
    followup_on: date | None = None
    followup_done_on: date | None = None
    followup_result: str | None = None


@dataclass(frozen=True)
class Facts:
    start: date
    end: date
    youths: dict[int, YouthFacts]
    periods: tuple[Period, ...]
    held: dict[int, list[int]]  # each youth's held meetings dated in [F, T]: ordinals, in order
    held_before: dict[int, int]  # each youth's latest held meeting before F (ordinal)
    #: Each youth's attendance rows at its held meetings in [F, T], packed as SQLite gave
    #: them: comma-separated tokens `who * 2 + present` (`attendance_counts` reads them).
    attendance: dict[int, str]
    tokens: dict[str, tuple[str, int]]  # packed token → (the figure's code, present 0/1)
    subgoals: tuple[tuple[int, bool], ...]  # (youth id, reached) per delmål followed up


def _day(value: object) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(str(value)[:10])


_CLOSURES = (
    "SELECT youth_id, started_on, closed_on, reason, followup_on, followup_done_on,"
    " followup_result FROM closure ORDER BY youth_id, closed_on, id"
)
#: The held meetings of one youth `y` dated in the period: a range seek in the meeting index
#: (youth, status, start), as are the other per-youth reads below.
_HELD_IN_PERIOD = (
    "m.youth_id = y.id AND m.status = :held AND m.starts_at >= :start AND m.starts_at < :after"
)
#: One row per youth: what the figures need of it, the day of its latest held meeting before
#: the period, the days of its held meetings in the period and its attendance rows at them.
#: Days are the stored text's first ten characters ("2026-03-29 10:00:00.000000"), each
#: youth's comma-separated (sorted in Python; an ORDER BY made SQLite copy the rows into a
#: temporary b-tree). An attendance row is packed as `who * 2 + present`, where `who` is 0 for
#: the youth, 1 for a guardian and the actor's id + 2. One statement, one row per youth: a
#: query of its own for the meetings returned a row per held meeting (~22,000 in a year of
#: 2,000 youths), and turning those rows into Python objects cost more than reading them.
_YOUTHS = (
    "SELECT y.id, y.gender, y.track, y.birth_date, y.meeting_interval_days, y.status,"
    " y.start_date,"
    " (SELECT substr(MAX(m.starts_at), 1, 10) FROM meeting m"
    "  WHERE m.youth_id = y.id AND m.status = :held AND m.starts_at < :start),"
    " (SELECT group_concat(substr(m.starts_at, 1, 10)) FROM meeting m"
    "  WHERE " + _HELD_IN_PERIOD + "),"
    " (SELECT group_concat("
    "(CASE a.participant WHEN 'aktor' THEN a.actor_id + 2 WHEN 'ungdom' THEN 0 ELSE 1 END) * 2"
    " + (a.status = 'narvarande'))"
    "  FROM meeting m JOIN attendance a ON a.meeting_id = m.id WHERE " + _HELD_IN_PERIOD + ")"
    " FROM youth y"
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


def _widen_cache(driver: Any) -> None:
    """Raise this connection's page cache to `STATS_CACHE_KIB` (never lower it): the worker's
    next period (the picker moved) then reads the pages it already decrypted."""
    (size,) = driver.execute("PRAGMA cache_size").fetchone()
    if 0 > int(size) > -STATS_CACHE_KIB:
        driver.execute(f"PRAGMA cache_size = -{STATS_CACHE_KIB}")


def _periods(driver: Any, youths: dict[int, tuple[str, date | None]]) -> list[Period]:
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
        for row in driver.execute(_CLOSURES).fetchall()
    ]
    active = YouthStatus.ACTIVE.value
    for youth_id, (status, start) in youths.items():
        if status == active:
            periods.append(Period(youth_id=youth_id, start=start, end=None))
    return periods


def _tokens(driver: Any) -> dict[str, tuple[str, int]]:
    """Each packed attendance token ("2*who + present") → (the figure's code, present)."""
    codes = {0: PARTICIPANT_CODES[ParticipantKind.YOUTH.value]}
    codes[1] = PARTICIPANT_CODES[ParticipantKind.GUARDIAN.value]
    codes |= {actor_id + 2: actor_type for actor_id, actor_type in driver.execute(_ACTORS)}
    return {str(who * 2 + here): (code, here) for who, code in codes.items() for here in (0, 1)}


def attendance_counts(facts: Facts, packed: Iterable[str]) -> dict[str, list[int]]:
    """The figure's code → [present, expected] over some youths' packed attendance rows
    (`facts.attendance` values): one youth's for the youths behind a cell, a group's for
    the figures."""
    counted = Counter(",".join(packed).split(","))  # one count over the joined rows
    counts: dict[str, list[int]] = {}
    for token, times in counted.items():
        found = facts.tokens.get(token)
        if found is None:
            continue
        code, here = found
        cell = counts.get(code)
        if cell is None:
            counts[code] = [times * here, times]
        else:
            cell[0] += times * here
            cell[1] += times
    return counts


def _subgoals(driver: Any, bounds: dict[str, object]) -> list[tuple[int, bool]]:
    latest: dict[int, tuple[int, str]] = {}
    for youth_id, subgoal_id, status in driver.execute(_SUBGOALS, bounds):
        latest[subgoal_id] = (youth_id, status)  # ordered by date: the last one wins
    return [(y, status == PlanStatus.ACHIEVED.value) for y, status in latest.values()]


def load_facts(session: Session, *, start: date, end: date) -> Facts:
    """Everything the figures of `[start, end]` need, in a few queries on the session's
    DB-API connection (inside its transaction; no per-row objects of SQLAlchemy)."""
    session.flush()  # the driver's cursor sees only what the session has written
    driver = session.connection().connection.driver_connection
    assert driver is not None
    _widen_cache(driver)
    bounds: dict[str, object] = {
        "held": MeetingStatus.HELD.value,
        "start": start.isoformat(),
        "after": (end + timedelta(days=1)).isoformat(),
    }
    ordinals: dict[str, int] = {}  # a day's text → its ordinal, for this reading

    def ordinal(text: str) -> int:
        found = ordinals.get(text)
        if found is None:
            found = ordinals[text] = date.fromisoformat(text).toordinal()
        return found

    youths: dict[int, YouthFacts] = {}
    status_start: dict[int, tuple[str, date | None]] = {}
    held: dict[int, list[int]] = {}
    held_before: dict[int, int] = {}
    attendance: dict[int, str] = {}
    rows = driver.execute(_YOUTHS, bounds).fetchall()
    for yid, gender, track, born, interval, status, started, before, days, packed in rows:
        youths[yid] = YouthFacts(
            yid, gender or "uppgift_saknas", TRACK_CODES.get(track, "unga"), _day(born), interval
        )
        status_start[yid] = (status, _day(started))
        if before is not None:
            held_before[yid] = ordinal(before)
        if days is not None:
            held[yid] = sorted(map(ordinal, days.split(",")))
        if packed is not None:
            attendance[yid] = packed
    return Facts(
        start=start,
        end=end,
        youths=youths,
        periods=tuple(_periods(driver, status_start)),
        held=held,
        held_before=held_before,
        attendance=attendance,
        tokens=_tokens(driver),
        subgoals=tuple(_subgoals(driver, bounds)),
    )
