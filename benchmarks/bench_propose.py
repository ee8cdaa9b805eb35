"""The next-meeting proposal (SPEC §4) on a district's caseload of 2,000 youths.

Every open of a youth's Möten tab and of meeting mode proposes a date; this measures one
proposal (youth, last held meeting, the worker's planned meetings for ~4 months, then up
to ~100 candidate days checked against holidays and clashes) against a floor of the
busy-meetings query alone, same session, same run.

Run: .venv/bin/python -m benchmarks.bench_propose
"""

from __future__ import annotations

from datetime import date, timedelta

from benchmarks.common import PASSPHRASE, demo_caseload, median_ms
from sigdesk.store.open import open_caseload


def main() -> None:
    path = demo_caseload(2000)
    caseload = open_caseload(path, passphrase=PASSPHRASE)
    from sigdesk.meetings import busy_intervals
    from sigdesk.overview import deadline_overview
    from sigdesk.schedule import propose_for_youth

    today = date.today()
    with caseload.session_scope() as session:
        rows = deadline_overview(session, today=today)
        overdue = [r.youth_id for r in rows if r.info.status.value == "forsenat"][:10]
        others = [r.youth_id for r in rows if r.info.status.value != "forsenat"][:10]
        ids = overdue + others
        propose_for_youth(session, ids[0], today=today)  # holidays imported and cached

        def propose_all() -> None:
            for youth_id in ids:
                propose_for_youth(session, youth_id, today=today)

        def busy_all() -> None:
            for _ in ids:
                busy_intervals(session, start=today, end=today + timedelta(days=121))

        prop_med, prop_p95 = median_ms(propose_all)
        floor_med, _ = median_ms(busy_all)
    caseload.close()
    n = len(ids)
    print(f"caseload: 2000 youths ({path}); {len(overdue)} overdue + {len(others)} others")
    print(f"floor (the busy-meetings query alone): {floor_med / n:.2f} ms a youth")
    print(
        f"propose_for_youth: median {prop_med / n:.2f} ms a youth, p95 {prop_p95 / n:.2f} ms "
        f"({prop_med / floor_med:.1f}x floor)"
    )


if __name__ == "__main__":
    main()
