"""SPEC §9: statistics for a year of the 2,000-youth caseload ≤ 200 ms; the Uppföljningsrapport
with charts ≤ 1.5 s.

Each round times `period_stats` for the last twelve whole months and the whole report export
(figures, the monthly series, three charts, the .docx written to disk) on one open session,
interleaved with the floor: one count of the same year's held meetings on the same connection.
matplotlib's first import (≈ 0.5 s here) is paid in setup, as the window pays it once when
its view opens; `sigdesk export report` in a fresh process pays it on every run.

Alone: .venv/bin/python -m benchmarks.bench_stats [--quick]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec


def last_year() -> tuple[date, date]:
    """The twelve whole months before this one: the demo's history is dense there."""
    this_month = date.today().replace(day=1)
    return this_month.replace(year=this_month.year - 1), this_month - timedelta(days=1)


class StatsPart:
    name = "stats"
    specs = (
        Spec("statistics for a year, 2,000 youths", "stats", 200.0, floor="floor", limit="value"),
        Spec(
            "Uppföljningsrapport with charts, 2,000 youths",
            "report",
            1500.0,
            floor="floor",
            limit="value",
        ),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        from sigdesk.documents.report import ReportRequest, export_report
        from sigdesk.stats import period_stats
        from sigdesk.store.open import open_caseload

        self.caseload = open_caseload(fx.caseload(2000, copy="inproc"), passphrase=PASSPHRASE)
        self.stack = contextlib.ExitStack()
        session = self.stack.enter_context(self.caseload.session_scope())
        start, end = last_year()
        out = fx.folder("stats") / "rapport.docx"
        sql = (
            "SELECT count(*) FROM meeting WHERE status = 'genomfort'"
            f" AND starts_at >= '{start}' AND starts_at < '{end + timedelta(days=1)}'"
        )
        self.fns: dict[str, Callable[[], Any]] = {
            "stats": lambda: period_stats(session, start=start, end=end),
            "report": lambda: export_report(
                session, start=start, end=end, out=out, request=ReportRequest(), overwrite=True
            ),
            "floor": lambda: session.connection().exec_driver_sql(sql).scalar(),
        }
        self.max_rounds = 3 if quick else 5
        for fn in self.fns.values():  # warm-up: matplotlib and docxtpl imported once
            fn()

    def round(self, number: int) -> Samples:
        return {key: timed_ms(fn) for key, fn in self.fns.items()}

    def close(self) -> None:
        self.stack.close()
        self.caseload.close()


PART = StatsPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
