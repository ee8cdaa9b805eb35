"""The next-meeting proposal (SPEC §4) on a district's caseload of 2,000 youths.

Every open of a youth's Möten tab and of meeting mode proposes a date, so a proposal
lives inside the switch-youth budget (p95 ≤ 50 ms). One proposal (youth, last held
meeting, the worker's planned meetings for ~4 months, then up to ~100 candidate days
checked against holidays and clashes) is timed against a floor of the busy-meetings
query alone, same session, interleaved; 10 overdue youths and 10 others a round.

Alone: .venv/bin/python -m benchmarks.bench_propose [--quick]
"""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec


class ProposePart:
    name = "propose"
    specs = (
        Spec(
            "propose next meeting, 2,000 youths (p95)",
            "propose",
            50.0,
            floor="busy",
            stat="p95",
        ),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        from sigdesk.meetings import busy_intervals
        from sigdesk.overview import deadline_overview
        from sigdesk.schedule import propose_for_youth
        from sigdesk.store.open import open_caseload

        path = fx.caseload(2000, copy="inproc")
        self.caseload = open_caseload(path, passphrase=PASSPHRASE)
        self.stack = contextlib.ExitStack()
        session = self.stack.enter_context(self.caseload.session_scope())
        today = date.today()
        rows = deadline_overview(session, today=today)
        overdue = [r.youth_id for r in rows if r.info.status.value == "forsenat"][:10]
        others = [r.youth_id for r in rows if r.info.status.value != "forsenat"][:10]
        self.ids = overdue + others
        self.propose = lambda youth_id: propose_for_youth(session, youth_id, today=today)
        self.busy = lambda: busy_intervals(session, start=today, end=today + timedelta(days=121))
        self.propose(self.ids[0])  # holidays imported and cached

    def round(self, number: int) -> Samples:
        proposals, floors = [], []
        for youth_id in self.ids:
            proposals.append(timed_ms(lambda y=youth_id: self.propose(y)))
            floors.append(timed_ms(self.busy))
        return {"propose": proposals, "busy": floors}

    def close(self) -> None:
        self.stack.close()
        self.caseload.close()


PART = ProposePart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
