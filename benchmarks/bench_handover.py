"""SPEC §9: handover export of 25 youths and its import, each ≤ 1 s plus one passphrase KDF.

The budget has two parts, measured apart so that the KDF's spread on a shared machine
(it is memory-hard: 128 MiB, 8 passes) does not swamp the rest:

* the rows' figures: `export_handover` of all 25 youths of the demo caseload (every row
  read, compressed, AES-GCM, the atomic write, the log rows, the commit), and
  `open_handover` + `import_handover` into a fresh empty caseload (made before the
  timing), committed, each with a minimal Argon2id cost (8 MiB, 1 pass, ~10 ms), so
  the figure is the work beyond the KDF; budget 1,000 ms;
* the floor: one Argon2id derivation with the shipped cost, timed in the same round —
  what each of the two adds in real use.

Alone: .venv/bin/python -m benchmarks.bench_handover [--quick]
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec

if TYPE_CHECKING:
    from sigdesk.handover import HandoverExport

YOUTHS = 25


class HandoverPart:
    name = "handover"
    specs = (
        Spec("handover export, 25 youths (+ one KDF)", "export", 1000.0, floor="kdf"),
        Spec("handover import, 25 youths (+ one KDF)", "import", 1000.0, floor="kdf"),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        from sigdesk.store.keystore import KdfParams
        from sigdesk.store.open import open_caseload

        self.max_rounds = 3 if quick else None  # a shipped-cost KDF a round
        self.work = fx.folder("handover")
        self.cheap = KdfParams(memory_kib=8192, iterations=1, lanes=1)
        self.sender = open_caseload(fx.caseload(YOUTHS, copy="handover"), passphrase=PASSPHRASE)
        self.round(-1)  # warm-up

    def _kdf(self) -> None:
        from sigdesk.store.keystore import DEFAULT_KDF

        DEFAULT_KDF.derive("mätning", os.urandom(16))

    def round(self, number: int) -> Samples:
        from sigdesk.handover import export_handover, import_handover, open_handover
        from sigdesk.store.open import create_caseload

        out = self.work / f"h{number}.sigdesk-handover"
        sent: list[HandoverExport] = []

        def export() -> None:
            with self.sender.session_scope() as session:
                sent.append(
                    export_handover(
                        session, youth_ids=range(1, YOUTHS + 1), out=out, kdf=self.cheap
                    )
                )

        export_ms = timed_ms(export)
        kdf_ms = timed_ms(self._kdf)
        receiver = create_caseload(
            Path(self.work / f"r{number}.sigdesk"),
            passphrase=PASSPHRASE,
            use_keyring=False,
            kdf=self.cheap,
        )
        try:

            def receive() -> None:
                received = open_handover(out, passphrase=sent[0].passphrase)
                with receiver.session_scope() as session:
                    result = import_handover(session, received, today=date.today())
                assert len(result.imported) == YOUTHS

            import_ms = timed_ms(receive)
        finally:
            receiver.close()
        return {"export": export_ms, "import": import_ms, "kdf": kdf_ms}

    def close(self) -> None:
        self.sender.close()


PART = HandoverPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
