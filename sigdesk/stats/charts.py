"""The statistics charts as matplotlib Figures, the same in the window (a QtAgg canvas) and in
the report (PNG through Agg). matplotlib is imported here only, when a chart is drawn.

Each function returns a `matplotlib.figure.Figure` built without pyplot (no global state,
no backend chosen); `png_of` turns one into PNG bytes with the Agg canvas.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sigdesk.stats import PeriodStats
from sigdesk.stats.codes import ATTENDANCE, GENDERS, dimension_label, figure_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: One colour per gender (flicka, pojke, annat, uppgift saknas): distinct in greyscale too.
GENDER_COLOURS = ("#b8336a", "#2a6f97", "#e0a100", "#6a4c93")
ACCENT = "#2a6f97"
SMALL = "#e3e3e3"  # a hidden count of 1–2, drawn hatched
#: Sharp on an A4 page printed at 16.5 cm (≈ 780 pixels across).
DPI = 120
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def configure_matplotlib() -> None:
    """Before matplotlib's first import: its settings and font list in sigdesk's own cache
    folder. The font list is then built once per computer, not once per run: the frozen
    bundle's run-time hook points MPLCONFIGDIR at a new temporary folder at every start,
    which made each first chart scan the system's fonts again. A matplotlibrc of the
    user's own never changes the charts' look either. A folder set by the user is kept
    (outside the bundle); one that cannot be made leaves matplotlib its own fallback."""
    if "matplotlib" in sys.modules:
        return
    if os.environ.get("MPLCONFIGDIR") and not getattr(sys, "frozen", False):
        return
    from platformdirs import user_cache_path

    from sigdesk.config import APP_NAME

    folder = user_cache_path(APP_NAME, appauthor=False) / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    os.environ["MPLCONFIGDIR"] = str(folder)


def _figure(width_cm: float, height_cm: float, *, left: float = 1.4, bottom: float = 1.0) -> Figure:
    """A figure whose margins stay fixed in cm at any size (a layout engine would cost more
    than the drawing): in the window its canvas fills the chart's tab and follows it."""
    configure_matplotlib()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI)
    figure.set_facecolor("white")

    def fit(_event: object = None) -> None:
        width, height = (size * 2.54 for size in figure.get_size_inches())
        if width > left + 1 and height > bottom + 1.5:
            figure.subplots_adjust(
                left=left / width, right=1 - 0.3 / width, bottom=bottom / height,
                top=1 - 0.7 / height,
            )  # fmt: skip

    fit()
    figure.canvas.mpl_connect("resize_event", fit)
    return figure


def _tidy(ax: Axes, *, percent: bool = False) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=7)
    ax.grid(axis="y" if not ax.yaxis_inverted() else "x", color="#e6e6e6", linewidth=0.6)
    ax.set_axisbelow(True)
    if percent:
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def _month_label(stats: PeriodStats) -> str:
    return (
        f"{MONTHS[stats.start.month - 1]}\n{stats.start.year}"
        if stats.start.month == 1
        else (MONTHS[stats.start.month - 1])
    )


def _stacked(
    ax: Axes, x: Sequence[float], periods: Sequence[PeriodStats], figure: str, hide_small: bool
) -> None:
    """One bar per period for `figure`, stacked by gender; 1–2 greyed when hidden."""
    bottom = [0.0] * len(periods)
    for gender, colour in zip(GENDERS, GENDER_COLOURS, strict=True):
        values = [float(p.value(figure, f"gender:{gender}") or 0) for p in periods]
        small = [hide_small and 1 <= v <= 2 for v in values]
        shown = [2.0 if s else v for v, s in zip(values, small, strict=True)]
        colours = [SMALL if s else colour for s in small]
        bars = ax.bar(x, shown, 0.38, bottom=bottom, color=colours, edgecolor="white", lw=0.5)
        for bar, hidden in zip(bars, small, strict=True):
            if hidden:
                bar.set_hatch("////")
                bar.set_edgecolor("#9a9a9a")
        bottom = [b + v for b, v in zip(bottom, shown, strict=True)]


def flow_chart(periods: Sequence[PeriodStats], *, hide_small: bool = True) -> Figure:
    """Started (left bar) and closed (right bar) per month, stacked by gender."""
    from matplotlib.patches import Patch

    figure = _figure(16, 7, bottom=1.9)
    ax = figure.add_subplot()
    x = list(range(len(periods)))
    _stacked(ax, [i - 0.2 for i in x], periods, "started", hide_small)
    _stacked(ax, [i + 0.2 for i in x], periods, "closed", hide_small)
    ax.set_xticks(x, [_month_label(p) for p in periods] if len(periods) > 1 else ["Perioden"])
    ax.set_ylabel("Antal ungdomar", fontsize=7)
    ax.set_title("Påbörjade (vänster stapel) och avslutade (höger) per månad", fontsize=8)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _tidy(ax)
    handles = [
        Patch(color=c, label=dimension_label(f"gender:{g}"))
        for g, c in zip(GENDERS, GENDER_COLOURS, strict=True)
    ]
    if hide_small:
        handles.append(
            Patch(facecolor=SMALL, edgecolor="#9a9a9a", hatch="////", label="1–2 (visas som <3)")
        )
    # under the month labels, kept at the figure's foot whatever the canvas's height
    ax.legend(handles=handles, fontsize=6.5, frameon=False, ncols=len(handles), loc="lower center",
              bbox_to_anchor=(0.5, 0.03), bbox_transform=figure.transFigure)  # fmt: skip
    return figure


def compliance_chart(periods: Sequence[PeriodStats]) -> Figure:
    """The share of intervals kept within the five-week rule, per month."""
    figure = _figure(16, 6, bottom=1.3)
    ax = figure.add_subplot()
    x = list(range(len(periods)))
    shares = [p.value("compliance") for p in periods]
    ax.bar(x, [s if s is not None else 0 for s in shares], 0.6, color=ACCENT)
    for i, share in enumerate(shares):
        text = "–" if share is None else f"{round(share * 100)} %"
        ax.annotate(text, (i, share or 0), ha="center", va="bottom", fontsize=6.5,
                    xytext=(0, 2), textcoords="offset points")  # fmt: skip
    ax.set_xticks(x, [_month_label(p) for p in periods] if len(periods) > 1 else ["Perioden"])
    ax.set_ylim(0, 1.1)
    ax.set_title("Intervall inom femveckorsregeln per månad (andel)", fontsize=8)
    _tidy(ax, percent=True)
    return figure


def attendance_chart(stats: PeriodStats) -> Figure | None:
    """Present ÷ expected at held meetings, per participant type (None: no meeting held)."""
    rows = [(c, stats.get(f"attendance:{c}")) for c in ATTENDANCE]
    rows = [(c, r) for c, r in rows if r.denominator]
    if not rows:
        return None
    figure = _figure(16, 1.9 + 0.6 * len(rows), left=3.6, bottom=0.8)
    ax = figure.add_subplot()
    labels = [figure_label(f"attendance:{c}").split(" / ")[0] for c, _ in rows]
    shares = [float(r.value or 0) for _, r in rows]
    y = list(range(len(rows)))
    ax.barh(y, shares, 0.6, color=ACCENT)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    for i, share in enumerate(shares):
        ax.annotate(f"{round(share * 100)} %", (share, i), va="center", fontsize=6.5,
                    xytext=(3, 0), textcoords="offset points")  # fmt: skip
    ax.set_xlim(0, 1.12)
    ax.set_title("Närvaro vid genomförda möten (närvarande av förväntade)", fontsize=8)
    _tidy(ax)
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    return figure


def png_of(figure: Figure) -> bytes:
    """The figure as PNG bytes, drawn by Agg (no window, no pyplot)."""
    configure_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    out = io.BytesIO()
    FigureCanvasAgg(figure).print_png(out, metadata={"Software": None})  # type: ignore[no-untyped-call]
    return out.getvalue()
