"""SPEC §9: handover export of 25 youths and its import, each ≤ 1 s plus one KDF.

* export: `export_handover` of all 25 youths of the demo caseload (collect every row,
  compress, Argon2id with the shipped cost, AES-GCM, atomic write, log rows, commit);
* import: `open_handover` (the same KDF, decrypt, parse) then `import_handover` into a
  fresh caseload, committed;
* the floor: one Argon2id derivation with the shipped parameters, timed in the same run.

Medians of interleaved runs; the figure is (time − KDF), and the budget 1 s.

Run: .venv/bin/python -m benchmarks.bench_handover
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import PASSPHRASE, demo_caseload
from sigdesk.config import key_file_path
from sigdesk.handover import export_handover, import_handover, open_handover
from sigdesk.store.keystore import DEFAULT_KDF, KdfParams
from sigdesk.store.open import create_caseload, open_caseload

RUNS = 5
YOUTHS = 25
BUDGET_S = 1.0
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def _kdf() -> float:
    start = time.perf_counter()
    DEFAULT_KDF.derive("mätning", os.urandom(16))
    return time.perf_counter() - start


def measure(work: Path) -> dict[str, float]:
    source = work / "avsandare.sigdesk"
    shutil.copyfile(demo_caseload(YOUTHS), source)
    shutil.copyfile(key_file_path(demo_caseload(YOUTHS)), key_file_path(source))
    sender = open_caseload(source, passphrase=PASSPHRASE)
    exports, imports, kdfs = [], [], []
    try:
        for run in range(RUNS + 1):
            out = work / f"h{run}.sigdesk-handover"
            start = time.perf_counter()
            with sender.session_scope() as session:
                sent = export_handover(session, youth_ids=range(1, YOUTHS + 1), out=out)
            export_s = time.perf_counter() - start
            receiver = create_caseload(
                work / f"r{run}.sigdesk", passphrase=PASSPHRASE, use_keyring=False, kdf=CHEAP
            )
            try:
                start = time.perf_counter()
                received = open_handover(out, passphrase=sent.passphrase)
                with receiver.session_scope() as session:
                    result = import_handover(
                        session, received, today=received.envelope.created.date()
                    )
                import_s = time.perf_counter() - start
                assert len(result.imported) == YOUTHS
            finally:
                receiver.close()
            kdf_s = _kdf()
            if run:  # the first run warms the caches
                exports.append(export_s)
                imports.append(import_s)
                kdfs.append(kdf_s)
    finally:
        sender.close()
    return {
        "export": statistics.median(exports),
        "import": statistics.median(imports),
        "kdf": statistics.median(kdfs),
    }


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="sigdesk-bench-handover-"))
    try:
        figures = measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    kdf = figures["kdf"]
    print(f"one Argon2id KDF (shipped cost): {kdf * 1000:.0f} ms")
    for name in ("export", "import"):
        total = figures[name]
        rest = total - kdf
        verdict = "OK" if rest <= BUDGET_S else "OVER"
        print(
            f"handover {name} of {YOUTHS} youths: {total * 1000:.0f} ms = KDF + "
            f"{rest * 1000:.0f} ms (budget {BUDGET_S * 1000:.0f} ms + KDF) {verdict}"
        )


if __name__ == "__main__":
    main()
