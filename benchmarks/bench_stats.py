"""SPEC §9: statistics for a year of the 2,000-youth caseload ≤ 200 ms; the Uppföljningsrapport
with charts ≤ 1.5 s (matplotlib's import included, in a fresh process).

Run: .venv/bin/python -m benchmarks.bench_stats
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from benchmarks.common import PASSPHRASE, bench_env, demo_caseload, median_ms, process_ms
from sigdesk.store.open import open_caseload

STATS_BUDGET_MS = 200.0
REPORT_BUDGET_MS = 1500.0


def _year() -> tuple[date, date]:
    """The last whole year before today: the demo's history is dense there."""
    this_month = date.today().replace(day=1)
    return this_month.replace(year=this_month.year - 1), this_month - timedelta(days=1)


def in_process() -> dict[str, float]:
    """The statistics and the report's parts on one open caseload (warm, as in the window)."""
    from sigdesk.documents.report import ReportRequest, report_bytes
    from sigdesk.stats import monthly_stats, period_stats
    from sigdesk.stats.facts import load_facts

    start, end = _year()
    caseload = open_caseload(demo_caseload(2000), passphrase=PASSPHRASE)
    with caseload.session_scope() as session:
        floor, _ = median_ms(
            lambda: (
                session.connection()
                .exec_driver_sql("SELECT count(*) FROM meeting WHERE status = 'genomfort'")
                .scalar()
            ),
            runs=10,
        )
        stats_med, stats_p95 = median_ms(
            lambda: period_stats(session, start=start, end=end), runs=10
        )
        facts_med, _ = median_ms(lambda: load_facts(session, start=start, end=end), runs=5)
        stats = period_stats(session, start=start, end=end)
        monthly = monthly_stats(session, start=start, end=end)
        render_med, _ = median_ms(
            lambda: report_bytes(stats, request=ReportRequest(), monthly=monthly), runs=5
        )
    caseload.close()
    return {
        "floor": floor,
        "stats": stats_med,
        "stats_p95": stats_p95,
        "facts": facts_med,
        "render": render_med,
    }


def main() -> None:
    start, end = _year()
    path = demo_caseload(2000)
    figures = in_process()
    out = path.parent / "bench-rapport.docx"
    cli = [
        sys.executable, "-m", "sigdesk", "export", "report", str(path),
        "--from", start.isoformat(), "--to", end.isoformat(), "--out", str(out), "--force",
    ]  # fmt: skip
    report_process = process_ms(cli, runs=3, env=bench_env())
    version = process_ms([sys.executable, "-m", "sigdesk", "--version"], runs=3)
    print(f"period {start} – {end}, 2000 youths ({path})")
    print(f"floor (count of held meetings, same connection): {figures['floor']:.1f} ms")
    print(
        f"period_stats: median {figures['stats']:.0f} ms, p95 {figures['stats_p95']:.0f} ms "
        f"(budget {STATS_BUDGET_MS:.0f} ms; of which the queries {figures['facts']:.0f} ms)"
    )
    print(f"report_bytes (tables + 3 charts, warm): median {figures['render']:.0f} ms")
    print(
        f"`sigdesk export report` process: median {report_process:.0f} ms "
        f"(budget {REPORT_BUDGET_MS:.0f} ms; `sigdesk --version` process {version:.0f} ms)"
    )


if __name__ == "__main__":
    main()
