"""Gallring of 500 closed youths in the 2,000-youth caseload, against a bare VACUUM.

The issue asks for the time of a secure gallring (`sigdesk.gallring.run_gallring`: the
500 youths deleted in one transaction, then `secure_cleanup`: VACUUM, the -wal emptied
twice, the deletion log marked) and how it compares with a bare `VACUUM` of the same
file. Each round works on two fresh copies of one prepared file (copying is not timed):
one is gallrad, the other only vacuumed; the order alternates round by round. SPEC §9
sets no budget for gallring; the row holds it to ≤ 3 × the bare VACUUM.

Alone: .venv/bin/python -m benchmarks.bench_gallring [--quick]
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec

GALLRAS = 500


def _prepare(path: Path, key: bytes) -> list[int]:
    """At least 500 closed youths in the file (closing active ones if the demo has fewer);
    the ids of the 500 a gallring six years on deletes first."""
    from sqlalchemy import select

    from sigdesk.catalogues import ClosureReason, YouthStatus
    from sigdesk.gallring import due_for_gallring
    from sigdesk.lifecycle import close_sig
    from sigdesk.models import Youth
    from sigdesk.store.db import open_caseload

    today = date.today()
    caseload = open_caseload(path, key)
    try:
        with caseload.session_scope() as s:
            closed = s.scalars(select(Youth.id).where(Youth.status == YouthStatus.CLOSED)).all()
            active = s.scalars(
                select(Youth.id).where(Youth.status == YouthStatus.ACTIVE).order_by(Youth.id)
            ).all()
            for youth_id in active[: max(0, GALLRAS - len(closed))]:
                close_sig(
                    s, youth_id=youth_id, closed_on=today, reason=ClosureReason.OTHER, today=today
                )
        with caseload.session_scope() as s:
            later = today + timedelta(days=6 * 366)
            due = due_for_gallring(s, today=later, older_than_months=24)
    finally:
        caseload.close()
    return [c.youth_id for c in due[:GALLRAS]]


class GallringPart:
    name = "gallring"
    specs = (
        Spec(
            "gallring of 500 youths in 2,000 (secure)",
            "gallring",
            3.0,
            floor="vacuum",
            limit="ratio",
        ),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        from sigdesk.store.open import unlock

        self.max_rounds = 2 if quick else None
        self.base = fx.caseload(2000, copy="gallring")
        self.key = unlock(self.base, passphrase=PASSPHRASE)
        self.ids = _prepare(self.base, self.key)
        assert len(self.ids) == GALLRAS, len(self.ids)
        self.work = fx.folder("gallring-rounds")

    def _copy(self, name: str) -> Path:
        target = self.work / name
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.base, target)
        return target

    def _gallring(self) -> float:
        from sigdesk.gallring import run_gallring
        from sigdesk.store.db import open_caseload

        caseload = open_caseload(self._copy("gallrad.sigdesk"), self.key)
        try:
            return timed_ms(lambda: run_gallring(caseload, youth_ids=self.ids))
        finally:
            caseload.close()

    def _vacuum(self) -> float:
        from sigdesk.store.db import open_caseload

        caseload = open_caseload(self._copy("vacuum.sigdesk"), self.key)
        raw = caseload.engine.raw_connection()
        try:
            return timed_ms(lambda: raw.driver_connection.execute("VACUUM"))
        finally:
            raw.close()
            caseload.close()

    def round(self, number: int) -> Samples:
        if number % 2:
            return {"gallring": self._gallring(), "vacuum": self._vacuum()}
        vacuum = self._vacuum()
        return {"gallring": self._gallring(), "vacuum": vacuum}

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


PART = GallringPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
