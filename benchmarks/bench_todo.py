"""SPEC §9: "Att göra" / deadline status for 2,000 youths ≤ 50 ms; and the CLI as a process.

Run: .venv/bin/python -m benchmarks.bench_todo
"""

from __future__ import annotations

import sys
from datetime import date

from benchmarks.common import PASSPHRASE, bench_env, demo_caseload, median_ms, process_ms
from sigdesk.store.open import open_caseload

BUDGET_MS = 50.0


def main() -> None:
    path = demo_caseload(2000)
    caseload = open_caseload(path, passphrase=PASSPHRASE)
    from sigdesk.overview import deadline_overview, todo_list

    today = date.today()
    with caseload.session_scope() as session:
        meetings = session.connection().exec_driver_sql("SELECT count(*) FROM meeting").scalar()
        todo_med, todo_p95 = median_ms(lambda: todo_list(session, today=today))
        dl_med, dl_p95 = median_ms(lambda: deadline_overview(session, today=today))
        # the floor: one aggregate over the same meetings table, same connection
        floor_med, _ = median_ms(
            lambda: (
                session.connection()
                .exec_driver_sql("SELECT youth_id, max(starts_at) FROM meeting GROUP BY youth_id")
                .all()
            )
        )
    caseload.close()
    env = bench_env()  # the key comes from the (test) keyring, as on a worker's laptop
    cli = [sys.executable, "-m", "sigdesk", "deadlines", str(path), "--json"]
    cli_med = process_ms(cli, env=env)
    version_med = process_ms([sys.executable, "-m", "sigdesk", "--version"], env=env)
    print(f"caseload: 2000 youths, {meetings} meetings ({path})")
    print(f"floor (one GROUP BY over meetings): {floor_med:.1f} ms")
    print(
        f"todo_list: median {todo_med:.1f} ms, p95 {todo_p95:.1f} ms "
        f"(budget {BUDGET_MS:.0f} ms, {todo_med / floor_med:.1f}x floor)"
    )
    print(f"deadline_overview: median {dl_med:.1f} ms, p95 {dl_p95:.1f} ms")
    print(
        f"`sigdesk deadlines --json` process: median {cli_med:.0f} ms "
        f"(`sigdesk --version` process: {version_med:.0f} ms)"
    )


if __name__ == "__main__":
    main()
