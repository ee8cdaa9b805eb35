"""The runner behind `python -m benchmarks`: parts, rows, rounds, the table and the JSON.

See benchmarks/__init__.py for how a part is written. This module knows nothing of
sigdesk; the fixtures (fictional caseloads, the test keyring) are in common.py.
"""

from __future__ import annotations

import gc
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from benchmarks.common import Fixtures

Stat = Literal["median", "p95", "max"]
Samples = Mapping[str, float | Sequence[float]]


@dataclass(frozen=True)
class Spec:
    """One row of the table: which samples make its figure and floor, and its budget.

    `figure` and `floor` name keys of the samples a part's `round` returns; the row's
    value is `stat` over every sample of `figure` in the run, its floor the median of
    `floor`'s. The budget is on the value (`limit="value"`, in `unit`) or on the ratio
    value ÷ floor (`limit="ratio"`, which needs a floor).
    """

    name: str
    figure: str
    budget: float
    unit: str = "ms"
    floor: str | None = None
    stat: Stat = "median"
    limit: Literal["ratio", "value"] = "value"

    def __post_init__(self) -> None:
        if self.limit == "ratio" and self.floor is None:
            raise ValueError(f"row {self.name!r}: a budget on the ratio needs a floor")


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    floor: float | None
    ratio: float | None
    budget: float
    verdict: Literal["ok", "over"]
    budget_on: str = "value"
    spread: str = ""  # "min–max" of the figure over the run, for the reader

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        return {k: data[k] for k in ("name", "value", "unit", "floor", "ratio", "budget")} | {
            "verdict": self.verdict
        }


class Part(Protocol):
    """A group of rows measured together (one module of this package)."""

    name: str
    specs: Sequence[Spec]

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        """Make what the rounds need (caseloads from `fx`, windows, warm-up).

        A slow part may set `self.max_rounds` here (e.g. 2 when `quick`): later
        rounds then pass it by.
        """

    def round(self, number: int) -> Samples:
        """One round: each figure and its floor once (or a few times), interleaved."""

    def close(self) -> None:
        """Let go of what setup made."""


def pick(values: Sequence[float], stat: Stat) -> float:
    ordered = sorted(values)
    if stat == "median":
        return statistics.median(ordered)
    if stat == "max":
        return ordered[-1]
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Collected:
    """Samples of every key over every round."""

    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, samples: Samples) -> None:
        for key, value in samples.items():
            bucket = self.samples.setdefault(key, [])
            if isinstance(value, int | float):
                bucket.append(float(value))
            else:
                bucket.extend(float(v) for v in value)

    def row(self, spec: Spec) -> Row:
        values = self.samples.get(spec.figure)
        if not values:
            raise RuntimeError(f"no samples of {spec.figure!r} for row {spec.name!r}")
        value = pick(values, spec.stat)
        floor = ratio = None
        if spec.floor is not None:
            floor = statistics.median(self.samples[spec.floor])
            ratio = value / floor
        on_ratio = ratio is not None and spec.limit == "ratio"
        measured = ratio if on_ratio and ratio is not None else value
        return Row(
            name=spec.name,
            value=value,
            unit=spec.unit,
            floor=floor,
            ratio=ratio,
            budget=spec.budget,
            verdict="ok" if measured <= spec.budget else "over",
            budget_on="ratio" if on_ratio else "value",
            spread=f"{min(values):.4g}–{max(values):.4g}",
        )


def run(
    parts: Sequence[Part],
    fx: Fixtures,
    *,
    rounds: int,
    quick: bool,
    log: Callable[[str], None] | None = None,
) -> list[Row]:
    """Every part's rounds interleaved: round 1 of each part, then round 2 of each, …

    So every figure and its floor see the same load on a shared machine. The order of
    the parts turns each round, so none is always first after the idle gap. Automatic
    garbage collection is off meanwhile, as in the app.
    """
    say = log or (lambda text: print(text, file=sys.stderr, flush=True))
    collected = {part.name: Collected() for part in parts}
    ready: list[Part] = []
    # As in sigdesk, where automatic collection is off and the GUI thread collects on a
    # timer (sigdesk/ui/gc_guard.py): no collection pauses inside a timed call; one
    # collection between parts instead.
    automatic_gc = gc.isenabled()
    gc.disable()
    try:
        for part in parts:
            t0 = time.perf_counter()
            part.setup(fx, quick=quick)
            ready.append(part)
            say(f"  set up {part.name} ({time.perf_counter() - t0:.1f} s)")
        for number in range(rounds):
            t0 = time.perf_counter()
            turn = number % len(parts)
            for part in [*parts[turn:], *parts[:turn]]:
                if number >= (getattr(part, "max_rounds", None) or rounds):
                    continue
                gc.collect()
                collected[part.name].add(part.round(number))
            say(f"  round {number + 1}/{rounds} ({time.perf_counter() - t0:.1f} s)")
    finally:
        for part in reversed(ready):
            part.close()
        if automatic_gc:
            gc.enable()
    return [collected[part.name].row(spec) for part in parts for spec in part.specs]


# --- output ------------------------------------------------------------------------------


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = (
        f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    )
    return f"{text} {unit}".rstrip()


def table_lines(rows: Iterable[Row], *, markdown: bool = False) -> list[str]:
    head = ("What", "Figure", "Floor", "Ratio", "Budget", "Verdict")
    body = []
    for row in rows:
        budget = f"≤ {row.budget:g} " + ("×" if row.budget_on == "ratio" else row.unit)
        ratio = f"{row.ratio:.2f} ×" if row.ratio is not None else "—"
        verdict = row.verdict.upper() if row.verdict == "over" else row.verdict
        value, floor = _num(row.value, row.unit), _num(row.floor, row.unit)
        body.append((row.name, value, floor, ratio, budget, verdict))
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * 4 + "---|"]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(cells[i]) for cells in [head, *body]) for i in range(len(head))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i in (0, 5) else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(cells) for cells in body)]


def write_json(rows: Iterable[Row], path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        json.dump([row.as_json() for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
