"""The figures of SPEC §6 from a period's facts. `tally_of` tallies them per youth:
`(figure, youth id) → [numerator, denominator]`; a cell (figure × dimension) is the sum over
its youths (`totals`).

The tally serves "the youths behind a number": the window's view lists the youths of a
cell's tally entries, so the list and the count cannot disagree. The figures themselves (the
whole period's `period_cells`, the charts' `monthly_cells`) go through the same per-youth
steps but sum straight into the groups of youths (gender × track); tests hold them equal to
the tally's totals.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sigdesk.stats.codes import AGE_UNKNOWN, age_band
from sigdesk.stats.facts import Facts, Period, attendance_counts

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


#: A youth's SIG periods as ordinal spans `[start, end]` (start None: unknown).
Spans = list[tuple[int | None, int]]


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

    spans: Spans
    limit: int
    days: list[int]  # the held meetings dated in the facts' period, in order
    before: int | None  # the latest held meeting before the facts' period


Prepared = dict[int, _YouthMeetings]


def prepare(facts: Facts) -> Prepared:
    """Per youth, once per facts: each window of `tally_of` (a month of the charts) reuses it."""
    spans: dict[int, Spans] = defaultdict(list)
    for p in facts.periods:
        spans[p.youth_id].append(
            (p.start.toordinal() if p.start else None, p.end.toordinal() if p.end else _FAR)
        )
    youths, held, before = facts.youths, facts.held, facts.held_before
    return {
        y: _YouthMeetings(spans[y], youths[y].interval_days, held.get(y, []), before.get(y))
        for y in spans.keys() | held.keys()
    }


def _closed_intervals(y: _YouthMeetings, lo: int, hi: int, counts: _Intervals) -> None:
    """The interval ending at each held meeting `y.days[lo:hi]`: from the meeting before it
    in the same period, else from the period's start. One plain loop: it runs for every held
    meeting (~22,000 in a year of 2,000 youths)."""
    spans, limit = y.spans, y.limit
    counted = kept = days = between_count = 0
    previous = y.days[lo - 1] if lo else y.before
    for day in y.days[lo:hi]:
        before, previous = previous, day
        for first, last in spans:
            if (first is None or first <= day) and day <= last:
                break
        else:
            continue  # not inside a period
        between = before is not None and (first is None or before >= first)
        anchor = before if between else first
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
    for p_start, p_end in y.spans:
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
        lo, hi = bisect_left(y.days, first), bisect_right(y.days, last)
        if hi > lo:
            _add(tally, "meetings_held", youth_id, hi - lo)
            _add(tally, "meetings_per_youth", youth_id, hi - lo, 0)
        _closed_intervals(y, lo, hi, counts)
        _open_intervals(y, first, last, counts)
        counts.tally_into(tally, youth_id)


def _plan_and_attendance(tally: Tally, facts: Facts) -> None:
    for youth_id, packed in facts.attendance.items():
        for code, (present, expected) in attendance_counts(facts, (packed,)).items():
            _add(tally, f"attendance:{code}", youth_id, present, expected)
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
_Sums = dict[tuple[str, str], list[int]]  # cells being summed
_Groups = dict[tuple[str, str, str], int]  # each gender × track group's dimensions → its index


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
    groups, group_of = _groups(facts)
    return [_frozen(cells) for cells in _window_sums(facts, months, prepared, groups, group_of)]


def period_cells(facts: Facts, prepared: Prepared | None = None) -> Cells:
    """`totals(facts, tally_of(facts))`: every figure of the facts' whole period, summed
    straight into the groups of youths (gender × track), as `monthly_cells` sums a month.
    The per-youth tally is for the youths behind a cell; the figures alone need no entry per
    youth and figure (~22,000 in a year of 2,000 youths, each summed again into its group)."""
    groups, group_of = _groups(facts)
    if prepared is None:
        prepared = prepare(facts)
    first, last = facts.start.toordinal(), facts.end.toordinal()
    held = [0 for _ in groups]
    intervals = [_Intervals() for _ in groups]
    for youth_id, y in prepared.items():
        group = group_of[youth_id]
        held[group] += len(y.days)  # every one dated in the facts' period
        _closed_intervals(y, 0, len(y.days), intervals[group])
        _open_intervals(y, first, last, intervals[group])
    sums = [[held[g], i.counted, i.kept, i.days, i.between] for g, i in enumerate(intervals)]
    cells = _window_cells(facts, facts.start, facts.end, sums, groups)
    packed: list[list[str]] = [[] for _ in groups]
    for youth_id, text in facts.attendance.items():
        packed[group_of[youth_id]].append(text)
    reached, followed = [0 for _ in groups], [0 for _ in groups]
    for youth_id, done in facts.subgoals:
        reached[group_of[youth_id]] += done
        followed[group_of[youth_id]] += 1
    for dims, group in groups.items():
        found = [
            (f"attendance:{code}", present, expected)
            for code, (present, expected) in attendance_counts(facts, packed[group]).items()
        ]
        _spread(cells, dims, [*found, ("delmal_reached", reached[group], followed[group])])
    return _frozen(cells)


def _groups(facts: Facts) -> tuple[_Groups, dict[int, int]]:
    """The gender × track groups of the facts' youths, and each youth's group."""
    groups: _Groups = {}
    group_of = {y: groups.setdefault(dimensions_of(facts, y), len(groups)) for y in facts.youths}
    return groups, group_of


def _spread(cells: _Sums, dims: tuple[str, str, str], sums: Sequence[tuple[str, int, int]]) -> None:
    """Adds one group's (figure, numerator, denominator) sums to each of its dimensions."""
    for figure, numerator, denominator in sums:
        for dimension in dims:
            cell = cells.setdefault((figure, dimension), [0, 0])
            cell[0] += numerator
            cell[1] += denominator


def _frozen(cells: _Sums) -> Cells:
    return {key: (n, d) for key, (n, d) in cells.items()}


def _window_sums(
    facts: Facts,
    windows: Sequence[tuple[date, date]],
    prepared: Prepared,
    groups: _Groups,
    group_of: dict[int, int],
) -> list[_Sums]:
    """The case flow, meetings and intervals of each of `windows` (consecutive, covering
    the facts' period), by dimension."""
    firsts = [first.toordinal() for first, _ in windows]
    # per window and group: held meetings, intervals counted, kept, days and count between
    sums = [[[0, 0, 0, 0, 0] for _ in groups] for _ in windows]
    for youth_id, y in prepared.items():
        group, spans, limit = group_of[youth_id], y.spans, y.limit
        previous = y.before
        for day in y.days:
            before, previous = previous, day
            cell = sums[bisect_right(firsts, day) - 1][group]
            cell[0] += 1
            for start, end in spans:
                if (start is None or start <= day) and day <= end:
                    break
            else:
                continue  # not inside a period
            between = before is not None and (start is None or before >= start)
            anchor = before if between else start
            if anchor is not None:
                cell[1] += 1
                cell[2] += day - anchor <= limit
                if between:
                    cell[3] += day - anchor
                    cell[4] += 1
        for index, (first, last) in enumerate(windows):
            still_open = _Intervals()
            _open_intervals(y, first.toordinal(), last.toordinal(), still_open)
            sums[index][group][1] += still_open.counted  # each one a breach already
    return [
        _window_cells(facts, first, last, sums[index], groups)
        for index, (first, last) in enumerate(windows)
    ]


def _window_cells(
    facts: Facts, first: date, last: date, sums: list[list[int]], groups: _Groups
) -> _Sums:
    flow: Tally = {}
    _caseflow(flow, facts, first, last)
    cells = {key: [n, d] for key, (n, d) in totals(facts, flow).items()}
    for dims, group in groups.items():
        held, counted, kept, days, between = sums[group]
        _spread(
            cells,
            dims,
            (
                ("meetings_held", held, 0),
                ("meetings_per_youth", held, 0),
                ("compliance", kept, counted),
                ("breaches", counted - kept, 0),
                ("mean_interval_days", days, between),
            ),
        )
    return cells
