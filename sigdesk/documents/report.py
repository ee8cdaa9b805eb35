"""The Uppföljningsrapport (SPEC §5, §6): a period's figures as a Word document with tables,
charts and the definitions — anonymised: no name, personnummer or id, counts of 1–2 shown
as "<3" unless the setting turns that off.

`report_bytes(stats, request=…, monthly=…)` renders figures already computed (a worker's own,
or a district's merge); `export_report(session, …)` computes, renders and writes in one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from sigdesk.caseload import get_profile
from sigdesk.cli_text import count
from sigdesk.clock import local_today
from sigdesk.documents import context as dc
from sigdesk.documents.render import render_template, write_document
from sigdesk.stats import PeriodStats, monthly_from_facts, stats_from_cells
from sigdesk.stats.codes import (
    AGE_BANDS,
    AGE_UNKNOWN,
    ATTENDANCE,
    DIMENSIONS,
    dimension_label,
    figure_label,
)
from sigdesk.stats.facts import load_facts
from sigdesk.stats.figures import tally_of, totals
from sigdesk.stats.periods import period_label
from sigdesk.stats.text import shown

TEMPLATE = "uppfoljningsrapport.docx"
#: The width of a chart on the A4 page, in millimetres (the text column is 170 mm).
CHART_MM = 165.0


@dataclass(frozen=True)
class ReportRequest:
    forvaltning: str = ""  # "" → the worker's profile (Mina uppgifter)
    sources: int = 0  # workers' files merged; 0 → one caseload
    template_dir: Path | None = None
    hide_small: bool = True


def _line(stats: PeriodStats, figure: str, hide_small: bool, label: str = "") -> dc.ReportLine:
    cells = [shown(stats.get(figure, d), hide_small=hide_small) for d in DIMENSIONS]
    return dc.ReportLine(label or figure_label(figure), cells)


def _table(
    stats: PeriodStats,
    title: str,
    note: str,
    figures: Iterable[str],
    hide_small: bool,
    chart: str = "",
) -> dc.ReportTable:
    lines = [_line(stats, f, hide_small) for f in figures]
    return dc.ReportTable(title, note, lines, chart)


def _tables(stats: PeriodStats, hide_small: bool, charts: set[str]) -> list[dc.ReportTable]:
    from sigdesk.catalogues import ClosureReason, FollowupOutcome

    attended = [c for c in ATTENDANCE if stats.get(f"attendance:{c}").denominator]
    return [
        _table(stats, "Ungdomar under perioden",
               "Antal ungdomar med en pågående, påbörjad eller avslutad SIG-period.",
               ("active", "started", "closed"), hide_small,
               "flow" if "flow" in charts else ""),
        _table(stats, "Avslutsorsaker", "Avslut under perioden efter orsak.",
               [f"closure_reason:{r.value}" for r in ClosureReason], hide_small),
        _table(stats, "Ålder vid start", "Ungdomar som påbörjade SIG under perioden.",
               [f"age_band:{b}" for b in (*AGE_BANDS, AGE_UNKNOWN)], hide_small),
        _table(stats, "Nätverksmöten och femveckorsregeln",
               "Genomförda möten och intervallen mellan dem (se Metod).",
               ("meetings_held", "meetings_per_youth", "compliance", "breaches",
                "mean_interval_days"), hide_small,
               "compliance" if "compliance" in charts else ""),
        _table(stats, "Närvaro vid genomförda möten",
               "Andel närvarande av dem som förväntades, per deltagare.",
               [f"attendance:{c}" for c in attended or ("youth", "guardian")], hide_small,
               "attendance" if "attendance" in charts else ""),
        _table(stats, "Delmål", "Delmål som följdes upp under perioden.",
               ("delmal_reached",), hide_small),
        _table(stats, "Uppföljning efter avslut",
               "Uppföljningar efter avslut som skulle göras och som gjordes under perioden.",
               ("after_closure:due", "after_closure:done",
                *(f"after_closure:{o.value}" for o in FollowupOutcome)), hide_small),
    ]  # fmt: skip


def _summary(stats: PeriodStats, hide_small: bool) -> list[str]:
    def n(figure: str) -> str:
        return shown(stats.get(figure), hide_small=hide_small)

    if not stats.value("active") and not stats.value("closed"):
        return []
    lines = [
        f"{n('active')} ungdomar hade en pågående SIG-period; {n('started')} påbörjades och "
        f"{n('closed')} avslutades.",
        f"{n('meetings_held')} nätverksmöten genomfördes, {n('meetings_per_youth')} per aktiv "
        "ungdom i genomsnitt.",
    ]
    if stats.get("compliance").denominator:
        lines.append(
            f"{n('compliance')} av intervallen höll femveckorsregeln; {n('breaches')} var för "
            f"långa. Medelintervallet mellan möten var {n('mean_interval_days')} dagar."
        )
    present = [
        f"{figure_label(f'attendance:{c}').lower()} {n(f'attendance:{c}')}"
        for c in ("skola", "polis")
        if stats.get(f"attendance:{c}").denominator
    ]
    if present:
        lines.append("Närvaro vid mötena: " + ", ".join(present) + ".")
    return lines


METHOD = [
    "Perioden räknas i kalenderdagar, båda ändarna medräknade (svensk tid; sommartid "
    "påverkar inte). En ungdom räknas efter kön och spår som de är registrerade i dag.",
    "Aktiva: ungdomar vars SIG-period överlappar perioden (start senast sista dagen och inte "
    "avslutad före första dagen). En ungdom med flera perioder räknas en gång.",
    "Påbörjade och avslutade: SIG-perioder med startdatum respektive avslutsdatum inom "
    "perioden; en återöppnad ungdom påbörjar en ny period. Avslutsorsaker gäller avslut inom "
    "perioden.",
    "Ålder vid start: åldern på startdagen för perioder som påbörjades under perioden.",
    "Genomförda möten: möten med status genomfört daterade inom perioden; per aktiv ungdom "
    "är antalet möten delat med antalet aktiva.",
    "Femveckorsregeln: av de intervall som slutar under perioden (start → första genomförda "
    "möte, och varje genomfört möte → nästa) räknas andelen som är högst ungdomens "
    "mötesintervall (normalt 35 dagar). Ett intervall som fortfarande är öppet vid periodens "
    "slut, eller vid ett avslut, räknas om det redan är längre än intervallet; de övriga är "
    "överskridna.",
    "Medelintervall: medelvärdet av dagarna mellan två genomförda möten, för intervall som "
    "slutar under perioden.",
    "Närvaro: vid genomförda möten under perioden, närvarande delat med förväntade deltagare "
    "(ungdomen, vårdnadshavare och nätverkets aktörer), per aktörstyp.",
    "Delmål: av delmålen som följdes upp under perioden, andelen vars senaste status under "
    "perioden är uppnått.",
    "Uppföljning efter avslut: uppföljningar med planerat datum inom perioden, och de som "
    "gjordes inom perioden efter utfall.",
    "Andelar och medelvärden beräknas ur exakta täljare och nämnare, även när flera "
    'handläggares filer läggs ihop; "–" betyder att det inte fanns något att räkna på.',
]
SMALL_COUNTS = (
    'Antal 1–2 visas som "<3" så att ingen enskild ungdom ska kunna pekas ut; diagrammen '
    "visar dem som en grå stapel av höjden 2."
)


def _charts(
    stats: PeriodStats, monthly: Sequence[PeriodStats] | None, hide_small: bool
) -> dict[str, tuple[bytes, float]]:
    from sigdesk.stats import charts

    series = list(monthly) if monthly else [stats]
    images = {
        "flow": charts.png_of(charts.flow_chart(series, hide_small=hide_small)),
        "compliance": charts.png_of(charts.compliance_chart(series)),
    }
    attendance = charts.attendance_chart(stats)
    if attendance is not None:
        images["attendance"] = charts.png_of(attendance)
    return {name: (png, CHART_MM) for name, png in images.items()}


def report_context(
    stats: PeriodStats, *, request: ReportRequest, charts: Iterable[str], made_on: date
) -> dc.ReportDoc:
    source = (
        f"Sammanställning av {count(request.sources, 'handläggares fil', 'handläggares filer')}"
        if request.sources
        else "En handläggares ärendelista"
    )
    return dc.ReportDoc(
        forvaltning=request.forvaltning or "–",
        period=period_label(stats.start, stats.end),
        start=stats.start,
        end=stats.end,
        made_on=made_on,
        source=source,
        headings=[dimension_label(d) for d in DIMENSIONS],
        summary=_summary(stats, request.hide_small),
        tables=_tables(stats, request.hide_small, set(charts)),
        small_counts=SMALL_COUNTS if request.hide_small else "",
        method=METHOD,
    )


def report_bytes(
    stats: PeriodStats,
    *,
    request: ReportRequest,
    monthly: Sequence[PeriodStats] | None,
    made_on: date | None = None,
) -> bytes:
    """The report's .docx bytes; `monthly` (None for a merge) gives the charts per month."""
    images = _charts(stats, monthly, request.hide_small)
    context = report_context(
        stats, request=request, charts=images, made_on=made_on or local_today()
    )
    return render_template(TEMPLATE, context, template_dir=request.template_dir, images=images)


def export_report(
    session: Session,
    *,
    start: date,
    end: date,
    out: Path,
    request: ReportRequest,
    overwrite: bool = False,
    protect: Iterable[Path] = (),
    made_on: date | None = None,
) -> Path:
    """Compute the period's figures, render the report and write it to `out`."""
    from sigdesk.stats import check_period

    check_period(start=start, end=end)
    facts = load_facts(session, start=start, end=end)
    stats = stats_from_cells(start=start, end=end, cells=totals(facts, tally_of(facts)))
    if not request.forvaltning:
        profile = get_profile(session)
        forvaltning = profile.forvaltning if profile else ""
        request = ReportRequest(
            forvaltning, request.sources, request.template_dir, request.hide_small
        )
    monthly = monthly_from_facts(facts)
    data = report_bytes(stats, request=request, monthly=monthly, made_on=made_on)
    return write_document(data, out, overwrite=overwrite, protect=protect)
