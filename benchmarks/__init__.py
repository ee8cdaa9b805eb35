"""The performance budgets of SPEC §9, measured by one command.

    .venv/bin/python -m benchmarks             # every row, 9 interleaved rounds (< 10 min)
    .venv/bin/python -m benchmarks --quick     # 3 rounds (< 2 min once the caseloads exist)
    .venv/bin/python -m benchmarks --only start todo --rounds 15
    .venv/bin/python -m benchmarks --json rows.json --readme   # and the README's table

It prints one table: each row's figure, its floor (measured in the same run), the ratio,
the budget and the verdict (`ok` / `over`); `--json FILE` writes the same rows as a list
of {"name", "value", "unit", "floor", "ratio", "budget", "verdict"}. The exit status is
1 when a row is over budget. Fictional caseloads (`sigdesk demo-data`, 25 and 2,000
youths) are made on first use and cached in $SIGDESK_BENCH_DIR (default
/tmp/sigdesk-bench), named by the demo builder, the schema and the day; each run works
on its own copies and a test keyring file, never on a real keyring or caseload.

Adding a row
------------
A *part* is a module here (bench_*.py) with an object `PART` that has

* `name` — a short word (`--only NAME`);
* `specs` — its rows, `harness.Spec(name, figure, budget, unit="ms", floor=None,
  stat="median" | "p95" | "max", limit="value" | "ratio")`: `figure` and `floor` are
  keys of the samples `round` returns; the row's value is `stat` over every sample of
  `figure` in the run, its floor the median of `floor`'s samples, and the budget holds
  for the value (`limit="value"`, in `unit`) or for value ÷ floor (`limit="ratio"`);
* `setup(fx, *, quick)` — opens what it needs once: `fx.caseload(2000)` is this run's
  copy of the 2,000-youth caseload (`copy="name"` for a separate one: a window that
  holds the caseload's process lock, a file the part writes to), `fx.folder(name)` a
  scratch folder, `fx.env` the environment for a child process (test keyring, settings
  in the work folder, Qt offscreen). A warm-up call belongs here. A slow part may set
  `self.max_rounds` (say 2 when `quick`);
* `round(number)` — measures each figure and its floor once (or a few times),
  interleaved, and returns `{key: milliseconds or a list of them}`;
* `close()` — lets go of what setup opened.

Then add `bench_x.PART` to `all_parts()` in `benchmarks/__main__.py`. The runner calls
round 1 of every part, then round 2 of every part, …, turning the order each round, so
a figure and its floor always see the same load of a shared machine. A part runs alone
with `main(only=[PART])` under `if __name__ == "__main__"` (see bench_todo.py, the
smallest in-process part; bench_gui.py times child processes). Figures live here only:
tests never assert on time (tests/core/test_benchmarks.py checks this plumbing).
"""
