"""Follow-up statistics of a period (SPEC §6): every figure by gender and track, with totals.

`period_stats(session, start=F, end=T)` gives one frozen `PeriodStats` (`.get(figure,
dimension)` → a `StatRow`); `youths_behind` lists the youths behind one of its cells (for
the window only: no export ever holds a name or an id); `monthly_stats` gives the per-month
series of the charts. For a view: `codes` has the figure and dimension codes in their order
and their Swedish words (`figure_label`, `long_label`, `dimension_label`), `text.shown` a
cell as printed ("55 %", "32,5", "–", "<3"), `periods` the picker's year / half-year /
quarter / month, and `charts` the three charts as matplotlib Figures that a QtAgg canvas can
show as they are (the report draws the same Figures with Agg). All of it is plain Python on
the worker thread; nothing here imports Qt. `sigdesk.stats.files` writes and merges the
JSON and CSV files; `sigdesk.documents.report` writes the Uppföljningsrapport.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.errors import ValidationError
from sigdesk.stats.codes import DIMENSIONS, FIGURES, is_rate
from sigdesk.stats.facts import Facts, load_facts
from sigdesk.stats.figures import dimensions_of, monthly_cells, period_cells, prepare, tally_of

__all__ = [
    "DIMENSIONS",
    "FIGURES",
    "PeriodStats",
    "StatRow",
    "TracedYouth",
    "check_period",
    "monthly_from_facts",
    "monthly_stats",
    "period_and_facts",
    "period_stats",
    "period_with_months",
    "stats_from_cells",
    "youths_behind",
]


@dataclass(frozen=True)
class StatRow:
    """One cell. A count has `value` only; a share or mean also its exact parts, and `value`
    None ("–") when nothing was there to divide."""

    figure: str
    dimension: str
    value: int | float | None
    numerator: int | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class PeriodStats:
    start: date
    end: date
    rows: tuple[StatRow, ...]
    _index: dict[tuple[str, str], StatRow] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {(r.figure, r.dimension): r for r in self.rows})

    def get(self, figure: str, dimension: str = "total") -> StatRow:
        """The cell (a zero count or an empty share for a code no row holds)."""
        found = self._index.get((figure, dimension))
        return found if found is not None else _cell(figure, dimension, 0, 0)

    def value(self, figure: str, dimension: str = "total") -> int | float | None:
        return self.get(figure, dimension).value


@dataclass(frozen=True)
class TracedYouth:
    id: int
    name: str


def _cell(figure: str, dimension: str, numerator: int, denominator: int) -> StatRow:
    if not is_rate(figure):
        return StatRow(figure, dimension, numerator)
    value = round(numerator / denominator, 4) if denominator else None
    return StatRow(figure, dimension, value, numerator, denominator)


def stats_from_cells(
    *, start: date, end: date, cells: dict[tuple[str, str], tuple[int, int]]
) -> PeriodStats:
    """Every figure × dimension from summed (numerator, denominator) cells; a missing one
    is zero. Shares are computed here only, from the sums (merge relies on it)."""
    rows = tuple(_cell(f, d, *cells.get((f, d), (0, 0))) for f in FIGURES for d in DIMENSIONS)
    return PeriodStats(start=start, end=end, rows=rows)


def check_period(*, start: date, end: date) -> None:
    if start > end:
        raise ValidationError("Period", f"Från-datumet {start} ligger efter till-datumet {end}.")


def period_stats(session: Session, *, start: date, end: date) -> PeriodStats:
    """Every §6 figure for `[start, end]` (both days included)."""
    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    return stats_from_cells(start=start, end=end, cells=period_cells(facts))


def _months(start: date, end: date) -> list[tuple[date, date]]:
    spans, first = [], start
    while first <= end:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        spans.append((first, min(end, following - timedelta(days=1))))
        first = following
    return spans


def monthly_stats(session: Session, *, start: date, end: date) -> list[PeriodStats]:
    """The case flow, meetings and intervals of each month of `[start, end]` (the first and
    last month cut to the period); attendance and delmål are whole-period figures."""
    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    return monthly_from_facts(facts)


def monthly_from_facts(facts: Facts) -> list[PeriodStats]:
    months = _months(facts.start, facts.end)
    return [
        stats_from_cells(start=first, end=last, cells=cells)
        for (first, last), cells in zip(
            months, monthly_cells(facts, months, prepare(facts)), strict=True
        )
    ]


def period_and_facts(session: Session, *, start: date, end: date) -> tuple[PeriodStats, Facts]:
    """`period_stats` and the facts it was computed from: `monthly_from_facts(facts)` then
    gives the charts' series later without reading the caseload again (the window shows the
    tables first and works out the series while the charts' modules load)."""
    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    return stats_from_cells(start=start, end=end, cells=period_cells(facts)), facts


def period_with_months(
    session: Session, *, start: date, end: date
) -> tuple[PeriodStats, list[PeriodStats]]:
    """`period_stats` and `monthly_stats` of `[start, end]` from one reading of the facts
    (the window's view shows both at once)."""
    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    whole = stats_from_cells(start=start, end=end, cells=period_cells(facts))
    return whole, monthly_from_facts(facts)


def youths_behind(
    session: Session, *, start: date, end: date, figure: str, dimension: str = "total"
) -> list[TracedYouth]:
    """The youths behind one cell of `period_stats` for the same period, by name.

    For the window only ("every number can be traced"); never written to a file. A share
    lists the youths counted in its denominator.
    """
    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    ids = {
        youth_id
        for (found, youth_id), (numerator, denominator) in tally_of(facts).items()
        if found == figure
        and (numerator or denominator)
        and dimension in dimensions_of(facts, youth_id)
    }
    if not ids:
        return []
    from sigdesk.models import Youth

    rows = session.execute(
        select(Youth.id, Youth.first_name, Youth.last_name).where(Youth.id.in_(ids))
    )
    found = [TracedYouth(i, f"{first} {last}".strip()) for i, first, last in rows]
    return sorted(found, key=lambda y: (y.name.casefold(), y.id))
