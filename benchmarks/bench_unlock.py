"""SPEC §6 / RELIABILITY 4: unlock by passphrase, Argon2id tuned to 0.5–1 s here.

Timed against one Argon2id derivation with the same parameters (its floor: the rest of
the unlock should add little). The keyring unlock is part of every start (bench_gui).

Alone: .venv/bin/python -m benchmarks.bench_unlock [--quick]
"""

from __future__ import annotations

import os

from benchmarks.common import PASSPHRASE, Fixtures, timed_ms
from benchmarks.harness import Samples, Spec


class UnlockPart:
    name = "unlock"
    specs = (Spec("unlock by passphrase (Argon2id)", "passphrase", 1000.0, floor="kdf"),)

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.max_rounds = 2 if quick else None  # a passphrase KDF or more a round
        from sigdesk.store import keystore

        path = fx.caseload(2000, copy="inproc")
        kdf, salt = keystore.DEFAULT_KDF, os.urandom(16)
        self.fns = {
            "kdf": lambda: kdf.derive(PASSPHRASE, salt),
            "passphrase": lambda: keystore.unlock(path, passphrase=PASSPHRASE),
        }
        for fn in self.fns.values():
            fn()

    def round(self, number: int) -> Samples:
        return {key: timed_ms(fn) for key, fn in self.fns.items()}

    def close(self) -> None:
        pass


PART = UnlockPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
