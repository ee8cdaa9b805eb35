"""The figures of SPEC §6 from a period's facts, tallied per youth: `(figure, youth id) →
[numerator, denominator]`. A cell (figure × dimension) is the sum over its youths.

One tally serves both the figures and "the youths behind a number": the window's view lists
the youths of a cell's tally entries, so the list and the count cannot disagree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sigdesk.stats.codes import AGE_UNKNOWN, age_band
from sigdesk.stats.facts import Facts, HeldMeeting, Period

Tally = dict[tuple[str, int], list[int]]
_FAR = 10**7  # an ordinal after any date


def _add(tally: Tally, figure: str, youth_id: int, numerator: int, denominator: int = 0) -> None:
    cell = tally.get((figure, youth_id))
    if cell is None:
        tally[(figure, youth_id)] = [numerator, denominator]
    else:
        cell[0] += numerator
        cell[1] += denominator


def _overlaps(p: Period, start: date, end: date) -> bool:
    return (p.start is None or p.start <= end) and (p.end is None or p.end >= start)


def _age_at(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _caseflow(tally: Tally, facts: Facts, start: date, end: date) -> None:
    """active, started (with the age band at start), closed (with the reason), after closure."""
    active: set[int] = set()
    for p in facts.periods:
        y = p.youth_id
        if _overlaps(p, start, end):
            active.add(y)
        if p.start is not None and start <= p.start <= end:
            _add(tally, "started", y, 1)
            age = _age_at(facts.youths[y].birth_date, p.start)
            _add(tally, f"age_band:{AGE_UNKNOWN if age is None else age_band(age)}", y, 1)
        if p.end is not None and start <= p.end <= end:
            _add(tally, "closed", y, 1)
            _add(tally, f"closure_reason:{p.reason}", y, 1)
        if p.followup_on is not None and start <= p.followup_on <= end:
            _add(tally, "after_closure:due", y, 1)
        if p.followup_done_on is not None and start <= p.followup_done_on <= end:
            _add(tally, "after_closure:done", y, 1)
            if p.followup_result:
                _add(tally, f"after_closure:{p.followup_result}", y, 1)
    for y in active:
        _add(tally, "active", y, 1)
        _add(tally, "meetings_per_youth", y, 0, 1)


class _Spans:
    """A youth's SIG periods as ordinal spans `[start, end]` (None: start unknown)."""

    def __init__(self, periods: list[Period]) -> None:
        self.spans = [
            (p.start.toordinal() if p.start else None, p.end.toordinal() if p.end else _FAR)
            for p in periods
        ]


class _Intervals:
    """Per youth: intervals counted, kept, breaches, days and count between meetings."""

    def __init__(self) -> None:
        self.counted = self.kept = self.breaches = self.days = self.between = 0

    def tally_into(self, tally: Tally, youth_id: int) -> None:
        if self.counted:
            _add(tally, "compliance", youth_id, self.kept, self.counted)
        if self.breaches:
            _add(tally, "breaches", youth_id, self.breaches)
        if self.between:
            _add(tally, "mean_interval_days", youth_id, self.days, self.between)


@dataclass(frozen=True)
class _YouthMeetings:
    """One youth's periods, interval and held meetings (by day), ready for any window."""

    spans: _Spans
    limit: int
    held: list[HeldMeeting]
    days: list[int]
    before: int | None  # the latest held meeting before the facts' period


Prepared = dict[int, _YouthMeetings]


def prepare(facts: Facts) -> Prepared:
    """Per youth, once per facts: each window of `tally_of` (a month of the charts) reuses it."""
    periods: dict[int, list[Period]] = defaultdict(list)
    for p in facts.periods:
        periods[p.youth_id].append(p)
    held: dict[int, list[HeldMeeting]] = defaultdict(list)
    for m in facts.meetings:
        held[m.youth_id].append(m)
    return {
        y: _YouthMeetings(
            _Spans(periods[y]),
            facts.youths[y].interval_days,
            held[y],
            [m.day for m in held[y]],
            facts.held_before.get(y),
        )
        for y in periods.keys() | held.keys()
    }


def _closed_intervals(y: _YouthMeetings, inside: list[HeldMeeting], counts: _Intervals) -> None:
    """The interval ending at each held meeting: from the meeting before it in the same
    period, else from the period's start. One plain loop: it runs for every held meeting
    (~22,000 in a year of 2,000 youths) and again for each month of the charts."""
    spans, limit = y.spans.spans, y.limit
    counted = kept = days = between_count = 0
    for _, day, previous in inside:
        for first, last in spans:
            if (first is None or first <= day) and day <= last:
                break
        else:
            continue  # not inside a period
        between = previous is not None and (first is None or previous >= first)
        anchor = previous if between else first
        if anchor is None:
            continue
        counted += 1
        kept += day - anchor <= limit
        if between:
            days += day - anchor
            between_count += 1
    counts.counted += counted
    counts.kept += kept
    counts.breaches += counted - kept
    counts.days += days
    counts.between += between_count


def _open_intervals(y: _YouthMeetings, first: int, last: int, counts: _Intervals) -> None:
    for p_start, p_end in y.spans.spans:
        if (p_start is not None and p_start > last) or p_end < first:
            continue
        until = min(last, p_end)
        index = bisect_right(y.days, until)
        latest = y.days[index - 1] if index else y.before
        if latest is None or (p_start is not None and latest < p_start):
            latest = p_start
        if latest is not None and until - latest > y.limit:
            counts.counted += 1
            counts.breaches += 1


def _meetings(tally: Tally, prepared: Prepared, start: date, end: date) -> None:
    """Held meetings and the intervals of the period (start → first held meeting, each held
    meeting → the next): those that end in `[start, end]`, and one still open at the end (or
    at a closure inside it) once it is longer than the youth's interval — a breach already."""
    first, last = start.toordinal(), end.toordinal()
    for youth_id, y in prepared.items():
        counts = _Intervals()
        inside = y.held[bisect_left(y.days, first) : bisect_right(y.days, last)]
        if inside:
            _add(tally, "meetings_held", youth_id, len(inside))
            _add(tally, "meetings_per_youth", youth_id, len(inside), 0)
        _closed_intervals(y, inside, counts)
        _open_intervals(y, first, last, counts)
        counts.tally_into(tally, youth_id)


def _plan_and_attendance(tally: Tally, facts: Facts) -> None:
    for a in facts.attendance:
        _add(tally, f"attendance:{a.code}", a.youth_id, a.present, a.expected)
    for youth_id, reached in facts.subgoals:
        _add(tally, "delmal_reached", youth_id, int(reached), 1)


def tally_of(
    facts: Facts,
    *,
    start: date | None = None,
    end: date | None = None,
    prepared: Prepared | None = None,
) -> Tally:
    """Every figure of `[start, end]` (default the facts' whole period), per youth.

    A part of the facts' period (a month, for the charts) gets the case flow, meetings and
    intervals; attendance and delmål are read for the whole period only.
    """
    first, last = start or facts.start, end or facts.end
    tally: Tally = {}
    _caseflow(tally, facts, first, last)
    _meetings(tally, prepared if prepared is not None else prepare(facts), first, last)
    if (first, last) == (facts.start, facts.end):
        _plan_and_attendance(tally, facts)
    return tally


def dimensions_of(facts: Facts, youth_id: int) -> tuple[str, str, str]:
    youth = facts.youths[youth_id]
    return ("total", f"gender:{youth.gender}", f"track:{youth.track}")


def totals(facts: Facts, tally: Tally) -> dict[tuple[str, str], tuple[int, int]]:
    """(figure, dimension) → (numerator, denominator), summed over the youths."""
    groups: dict[tuple[str, tuple[str, str, str]], list[int]] = defaultdict(lambda: [0, 0])
    of_youth = {y: dimensions_of(facts, y) for y in facts.youths}
    for (figure, youth_id), (numerator, denominator) in tally.items():
        group = groups[(figure, of_youth[youth_id])]
        group[0] += numerator
        group[1] += denominator
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (figure, dims), (numerator, denominator) in groups.items():
        for dimension in dims:
            cell = sums[(figure, dimension)]
            cell[0] += numerator
            cell[1] += denominator
    return {key: (n, d) for key, (n, d) in sums.items()}


Cells = dict[tuple[str, str], tuple[int, int]]


def monthly_cells(
    facts: Facts, months: Sequence[tuple[date, date]], prepared: Prepared
) -> list[Cells]:
    """`totals(facts, tally_of(facts, start=a, end=b))` for each month `(a, b)` of `months`
    (consecutive windows that cover the facts' period), less attendance and delmål.

    The series is never traced to youths, so meetings and intervals are summed straight
    into each month's groups of youths (gender × track) in one pass over the meetings: an
    interval ending at a held meeting does not depend on the window and is worked out
    once; only the interval still open at a month's end is looked at per month. (Month by
    month, a per-youth tally of each window made a year's series cost more than the year.)
    """
    firsts = [first.toordinal() for first, _ in months]
    groups: dict[tuple[str, str, str], int] = {}
    group_of = {y: groups.setdefault(dimensions_of(facts, y), len(groups)) for y in facts.youths}
    # per month and group: held meetings, intervals counted, kept, days and count between
    sums = [[[0, 0, 0, 0, 0] for _ in groups] for _ in months]
    for youth_id, y in prepared.items():
        group = group_of[youth_id]
        for _, day, previous in y.held:
            cell = sums[bisect_right(firsts, day) - 1][group]
            cell[0] += 1
            for start, end in y.spans.spans:
                if (start is None or start <= day) and day <= end:
                    break
            else:
                continue  # not inside a period
            between = previous is not None and (start is None or previous >= start)
            anchor = previous if between else start
            if anchor is not None:
                cell[1] += 1
                cell[2] += day - anchor <= y.limit
                if between:
                    cell[3] += day - anchor
                    cell[4] += 1
        for index, (first, last) in enumerate(months):
            still_open = _Intervals()
            _open_intervals(y, first.toordinal(), last.toordinal(), still_open)
            sums[index][group][1] += still_open.counted  # each one a breach already
    return [
        _month_cells(facts, first, last, sums[index], groups)
        for index, (first, last) in enumerate(months)
    ]


def _month_cells(
    facts: Facts,
    first: date,
    last: date,
    sums: list[list[int]],
    groups: dict[tuple[str, str, str], int],
) -> Cells:
    flow: Tally = {}
    _caseflow(flow, facts, first, last)
    cells = {key: [n, d] for key, (n, d) in totals(facts, flow).items()}
    for dims, group in groups.items():
        held, counted, kept, days, between = sums[group]
        for figure, numerator, denominator in (
            ("meetings_held", held, 0),
            ("meetings_per_youth", held, 0),
            ("compliance", kept, counted),
            ("breaches", counted - kept, 0),
            ("mean_interval_days", days, between),
        ):
            for dimension in dims:
                cell = cells.setdefault((figure, dimension), [0, 0])
                cell[0] += numerator
                cell[1] += denominator
    return {key: (n, d) for key, (n, d) in cells.items()}
