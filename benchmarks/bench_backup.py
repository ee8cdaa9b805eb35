"""SPEC §9: backup and restore verification of the 2,000-youth caseload, against floors.

* backup (`make_backup` from the open caseload: online backup API copy, container,
  fsync, rename) ÷ copying the same caseload file's bytes to a new file with fsync;
* restore verification (`verify_backup`: passphrase slot, extract, SHA-256,
  `cipher_integrity_check`, `integrity_check`, schema) ÷ what `sigdesk check` does
  on the caseload file (passphrase unlock, open, both checks, count youths).

Both pairs run interleaved in the same process; medians. Budgets: ≤ 3× and ≤ 2×.

Run: .venv/bin/python -m benchmarks.bench_backup
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import PASSPHRASE, demo_caseload
from sigdesk.store.backup import make_backup
from sigdesk.store.db import check_caseload
from sigdesk.store.open import open_caseload
from sigdesk.store.restore import verify_backup

RUNS = 7


def copy_with_fsync(src: Path, dst: Path) -> None:
    with src.open("rb") as fin, dst.open("wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())
    dst.unlink()


def sigdesk_check(path: Path) -> None:
    """The work of `sigdesk check PATH` with the passphrase, in process."""
    from sqlalchemy import func, select

    from sigdesk.models import Youth

    caseload = open_caseload(path, passphrase=PASSPHRASE)
    try:
        assert check_caseload(caseload).ok
        with caseload.session_scope() as session:
            session.scalar(select(func.count(Youth.id)))
    finally:
        caseload.close()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float]:
    """Median seconds of a() and b(), run in turns after one warm-up each."""
    a(), b()
    times_a, times_b = [], []
    for _ in range(RUNS):
        times_a.append(timed(a))
        times_b.append(timed(b))
    return statistics.median(times_a), statistics.median(times_b)


def main() -> None:
    source = demo_caseload(2000)
    work = Path(tempfile.mkdtemp(prefix="sigdesk-bench-backup-"))
    try:
        out = work / "kopia.sigdesk-backup"
        caseload = open_caseload(source, passphrase=PASSPHRASE)
        try:
            backup_s, copy_s = interleaved(
                lambda: make_backup(caseload, out=out, force=True),
                lambda: copy_with_fsync(source, work / "copy.bin"),
            )
        finally:
            caseload.close()
        verify_s, check_s = interleaved(
            lambda: verify_backup(out, passphrase=PASSPHRASE, folder=work).discard(),
            lambda: sigdesk_check(source),
        )
        size = source.stat().st_size / 1e6
        print(f"caseload file: {size:.1f} MB; backup file: {out.stat().st_size / 1e6:.1f} MB")
        print(f"copy with fsync (floor): {copy_s * 1000:.0f} ms")
        print(f"backup:                  {backup_s * 1000:.0f} ms")
        ratio = backup_s / copy_s
        print(f"  ratio {ratio:.2f} (budget ≤ 3) {'OK' if ratio <= 3 else 'OVER'}")
        print(f"sigdesk check (floor):   {check_s * 1000:.0f} ms")
        print(f"restore verification:    {verify_s * 1000:.0f} ms")
        ratio = verify_s / check_s
        print(f"  ratio {ratio:.2f} (budget ≤ 2) {'OK' if ratio <= 2 else 'OVER'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
