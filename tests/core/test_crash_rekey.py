"""RELIABILITY 15 (passphrase part): a passphrase change killed midway always leaves a
caseload that opens with the old or the new passphrase, and the same data.

The key file is replaced by write-temp-fsync-rename, so the kill can only land before or
after the rename. 8 kills here; `pytest -m slow` runs 50.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sigdesk.errors import WrongPassphraseError
from sigdesk.store import keystore
from tests.conftest import PASSPHRASE, TEST_KDF, sha256

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from pathlib import Path
from sigdesk.store import keystore
path, old, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
kdf = keystore.KdfParams(memory_kib=8192, iterations=1, lanes=1)
print("ready", flush=True)
while True:
    keystore.change_passphrase(path, old=old, new=new, kdf=kdf)
    old, new = new, old
"""


def _opens_with(path: Path, candidates: tuple[str, str]) -> bytes:
    for passphrase in candidates:
        try:
            return keystore.unlock(path, passphrase=passphrase)
        except WrongPassphraseError:
            continue
    raise AssertionError("opens with neither passphrase")


def _kill_runs(caseload_path: Path, runs: int) -> None:
    data_key = keystore.unlock(caseload_path, passphrase=PASSPHRASE)
    database = sha256(caseload_path)
    other = "en helt annan lösenfras"
    rng = random.Random(15)
    for _ in range(runs):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(caseload_path), PASSPHRASE, other],
            stdout=subprocess.PIPE,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _opens_with(caseload_path, (PASSPHRASE, other)) == data_key
        assert keystore.unlock(caseload_path) == data_key  # the keyring slot is untouched
        # put the original passphrase back for the next run
        with contextlib.suppress(WrongPassphraseError):
            keystore.change_passphrase(caseload_path, old=other, new=PASSPHRASE, kdf=TEST_KDF)
    assert sha256(caseload_path) == database  # the database is never rewritten
    leftovers = [p.name for p in caseload_path.parent.iterdir() if p.suffix == ".tmp"]
    assert all(name.startswith(".arenden.sigdesk.key.") for name in leftovers)


def test_passphrase_change_killed_midway(caseload_path: Path) -> None:
    _kill_runs(caseload_path, runs=8)


@pytest.mark.slow
def test_passphrase_change_killed_midway_50_runs(caseload_path: Path) -> None:
    _kill_runs(caseload_path, runs=50)
