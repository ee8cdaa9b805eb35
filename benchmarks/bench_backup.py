"""SPEC §9: backup and restore verification of the 2,000-youth caseload, against floors.

* backup (`make_backup` from the open caseload: its encrypted bytes copied from a read
  snapshot, hashed, into the container, fsync, rename; the online backup API only when
  the caseload is busy, which it is not here) ÷ copying the same caseload file's bytes
  to a new file with fsync;
* restore verification (`verify_backup`: passphrase slot, extract, SHA-256,
  `cipher_integrity_check`, `integrity_check`, schema) ÷ what `sigdesk check` does
  on the caseload file (passphrase unlock, open, both checks, count youths).

Each round runs both pairs once, interleaved; medians. Budgets: ≤ 3 × and ≤ 2 ×.

Alone: .venv/bin/python -m benchmarks.bench_backup [--quick]
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec
from sigdesk.store.backup import make_backup
from sigdesk.store.db import check_caseload
from sigdesk.store.open import open_caseload
from sigdesk.store.restore import verify_backup


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


class BackupPart:
    name = "backup"
    specs = (
        Spec("backup, 2,000 youths", "backup", 3.0, floor="copy", limit="ratio"),
        Spec("restore's verification", "verify", 2.0, floor="check", limit="ratio"),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.max_rounds = 2 if quick else None  # a passphrase KDF or more a round
        source = fx.caseload(2000, copy="inproc")
        work = fx.folder("backup")
        out = work / "kopia.sigdesk-backup"
        self.caseload = open_caseload(source, passphrase=PASSPHRASE)
        self.fns: dict[str, Callable[[], object]] = {
            "backup": lambda: make_backup(self.caseload, out=out, force=True),
            "copy": lambda: copy_with_fsync(source, work / "copy.bin"),
            "verify": lambda: verify_backup(out, passphrase=PASSPHRASE, folder=work).discard(),
            "check": lambda: sigdesk_check(source),
        }
        for fn in self.fns.values():
            fn()

    def round(self, number: int) -> Samples:
        return {key: timed_ms(fn) for key, fn in self.fns.items()}

    def close(self) -> None:
        self.caseload.close()


PART = BackupPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
