"""The figures as people read them: "55 %", "32,5", "–", and "<3" for a count of 1–2 where
small counts are hidden (the report's default, SPEC §6)."""

from __future__ import annotations

from sigdesk.stats import PeriodStats, StatRow
from sigdesk.stats.codes import DIMENSIONS, FIGURES, dimension_label, is_rate, long_label

MEANS = ("mean_interval_days", "meetings_per_youth")
DASH = "–"


def shown(row: StatRow, *, hide_small: bool = False) -> str:
    """One cell in Swedish notation."""
    if row.value is None:
        return DASH
    if row.figure in MEANS:
        return f"{row.value:.1f}".replace(".", ",")
    if is_rate(row.figure):
        return f"{round(row.value * 100)} %"
    if hide_small and 1 <= row.value <= 2:
        return "<3"
    return str(row.value)


def text_table(stats: PeriodStats) -> str:
    """The whole period as a plain-text table (the command line's default output)."""
    width = max(len(long_label(f)) for f in FIGURES) + 2
    heads = [dimension_label(d) for d in DIMENSIONS]
    lines = [
        f"Uppföljning {stats.start} – {stats.end}",
        "".ljust(width) + "".join(h.rjust(16) for h in heads),
    ]
    for figure in FIGURES:
        cells = "".join(shown(stats.get(figure, d)).rjust(16) for d in DIMENSIONS)
        lines.append(long_label(figure).ljust(width) + cells)
    return "\n".join(lines)
