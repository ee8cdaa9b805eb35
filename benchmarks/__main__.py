"""`python -m benchmarks`: every budget of SPEC §9 in one run, one table.

.venv/bin/python -m benchmarks [--quick] [--rounds N] [--only NAME ...]
                               [--json FILE] [--markdown]
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from benchmarks.common import CACHE, ROOT, Fixtures
from benchmarks.harness import Part, Row, run, table_lines, write_json

FULL_ROUNDS = 9
QUICK_ROUNDS = 3


def all_parts() -> list[Part]:
    """Every part, in table order. A new part is one more line here."""
    from benchmarks import (
        bench_backup,
        bench_documents,
        bench_followup,
        bench_gallring,
        bench_gui,
        bench_handover,
        bench_lock,
        bench_propose,
        bench_stats,
        bench_todo,
        bench_unlock,
    )

    return [
        bench_gui.START,
        bench_todo.PART,
        bench_gui.INTERACTION,
        bench_propose.PART,
        bench_documents.PART,
        bench_stats.PART,
        bench_followup.PART,
        bench_backup.PART,
        bench_handover.PART,
        bench_gallring.PART,
        bench_unlock.PART,
        bench_lock.PART,
    ]


def machine() -> str:
    """One line naming the machine and the revision, for the README."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    import os

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; sigdesk {commit or '?'}, "
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    )


README_START = "<!-- benchmark-table: regenerate with `python -m benchmarks --readme` -->"
README_END = "<!-- /benchmark-table -->"


def put_in_readme(lines: Sequence[str], readme: Path = ROOT / "README.md") -> None:
    """Replace the table between README.md's two markers."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(
        head + README_START + "\n" + "\n".join(lines) + "\n" + README_END + tail,
        encoding="utf-8",
    )


def parse(argv: Sequence[str] | None, names: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Every performance budget of SPEC §9."
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROUNDS} rounds, < 2 min")
    parser.add_argument("--rounds", type=int, help=f"rounds (default {FULL_ROUNDS})")
    parser.add_argument("--only", nargs="+", choices=names, metavar="PART", help=", ".join(names))
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--readme", action="store_true", help="also put the Markdown table into README.md"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, *, only: Sequence[Part] | None = None) -> int:
    parts = list(only) if only is not None else all_parts()
    args = parse(argv, [part.name for part in parts])
    if args.only:
        parts = [part for part in parts if part.name in args.only]
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else FULL_ROUNDS)
    started = time.perf_counter()
    print(f"caseloads cached in {CACHE}; {rounds} rounds", file=sys.stderr)
    fx = Fixtures()
    try:
        rows: list[Row] = run(parts, fx, rounds=rounds, quick=args.quick)
    finally:
        fx.remove()
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    heading = f"Machine: {machine()}; {rounds} rounds"
    print(("" if args.markdown else "# ") + heading + "\n")
    print("\n".join(table_lines(rows, markdown=args.markdown)))
    if args.json:
        write_json(rows, args.json)
    if args.readme:
        put_in_readme([heading, "", *table_lines(rows, markdown=True)])
    return 1 if any(row.verdict == "over" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
