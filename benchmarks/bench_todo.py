"""SPEC §9: "Att göra" / deadline status for the whole caseload of 2,000 youths ≤ 50 ms.

Each round times `todo_list` and `deadline_overview` a few times each on one open
session, interleaved with the floor: one aggregate over the same meetings table on the
same connection. The budget is on the p95 of every call of the run, not only the median.

Alone: .venv/bin/python -m benchmarks.bench_todo [--quick]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec


class TodoPart:
    name = "todo"
    specs = (
        Spec('"Att göra", 2,000 youths (p95)', "todo", 50.0, floor="floor", stat="p95"),
        Spec('"Att göra", 2,000 youths (median)', "todo", 50.0, floor="floor", limit="value"),
        Spec("deadline status, 2,000 youths (p95)", "deadlines", 50.0, floor="floor", stat="p95"),
    )
    calls = 5

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        from sigdesk.overview import deadline_overview, todo_list
        from sigdesk.store.open import open_caseload

        self.caseload = open_caseload(fx.caseload(2000, copy="inproc"), passphrase=PASSPHRASE)
        self.stack = contextlib.ExitStack()
        session = self.stack.enter_context(self.caseload.session_scope())
        today = date.today()
        sql = "SELECT youth_id, max(starts_at) FROM meeting GROUP BY youth_id"
        self.fns: dict[str, Callable[[], Any]] = {
            "todo": lambda: todo_list(session, today=today),
            "deadlines": lambda: deadline_overview(session, today=today),
            "floor": lambda: session.connection().exec_driver_sql(sql).all(),
        }
        for fn in self.fns.values():
            fn()

    def round(self, number: int) -> Samples:
        samples: dict[str, list[float]] = {key: [] for key in self.fns}
        for _ in range(self.calls):
            for key, fn in self.fns.items():
                samples[key].append(timed_ms(fn))
        return samples

    def close(self) -> None:
        self.stack.close()
        self.caseload.close()


PART = TodoPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
