"""RELIABILITY 15 (data-key part): a data-key rotation killed midway (kill -9 of a child
at a random moment) always leaves a caseload that opens with the old or the new key,
through the passphrase and through the keyring, with the same rows in every table.

5 kills here; `pytest -m slow` runs 50 and prints how many were settled which way.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from sigdesk.demo import build
from sigdesk.errors import KeyRotationPendingError, WrongPassphraseError
from sigdesk.store import keystore
from sigdesk.store.check import check_file
from sigdesk.store.open import create_caseload, unlock
from sigdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.keyrings import FileKeyring
from tests.rowhash import table_hashes

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from pathlib import Path
from sigdesk.store.rekey import rekey
path, passphrase = Path(sys.argv[1]), sys.argv[2]
print("ready", flush=True)
while True:
    rekey(path, passphrase=passphrase)
    print("rotated", flush=True)
"""


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A keyring both this process and its children read (a JSON file)."""
    store = tmp_path / "nyckelring.json"
    monkeypatch.setenv("SIGDESK_TEST_KEYRING", str(store))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def demo_caseload(tmp_path: Path, file_keyring: Path) -> Path:
    path = tmp_path / "arenden.sigdesk"
    caseload = create_caseload(path, passphrase=PASSPHRASE, kdf=TEST_KDF)
    with caseload.session_scope() as session:
        build(session, youths=25, seed=15, today=TODAY)
    caseload.close()
    return path


def _state(path: Path) -> str:
    """Where the kill left the key file: no rotation under way, or one pending."""
    return "pending" if keystore.load_key_file(path).pending is not None else "clean"


def _kill_runs(path: Path, runs: int) -> Counter[str]:
    before = table_hashes(path, unlock(path, passphrase=PASSPHRASE))
    rng = random.Random(15)
    figures: Counter[str] = Counter()
    for run in range(runs):
        old_key = unlock(path, passphrase=PASSPHRASE)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), PASSPHRASE],
            stdout=subprocess.PIPE,
            env=os.environ
            | {"PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring"},
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.8))
        child.send_signal(signal.SIGKILL)
        rotations = child.stdout.read().count("rotated")
        child.wait()
        state = _state(path)
        figures[f"killed with the key file {state}"] += 1
        # settle through the keyring on odd runs, through the passphrase on even ones
        key = unlock(path) if run % 2 else unlock(path, passphrase=PASSPHRASE)
        assert _state(path) == "clean"
        if state == "pending":
            figures["pending: rolled back" if key == old_key else "pending: finished"] += 1
        assert unlock(path, passphrase=PASSPHRASE) == key
        assert unlock(path) == key  # the keyring slot follows the promotion
        figures["opens with the old key" if key == old_key else "opens with a new key"] += 1
        figures["rotations finished before the kill"] += rotations
        assert table_hashes(path, key) == before
    assert check_file(path, unlock(path)).ok
    return figures


def test_rekey_killed_midway(demo_caseload: Path) -> None:
    _kill_runs(demo_caseload, runs=5)


@pytest.mark.slow
def test_rekey_killed_midway_50_runs(
    demo_caseload: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = _kill_runs(demo_caseload, runs=50)
    with capsys.disabled():
        print("\nRELIABILITY 15 (rekey):", dict(sorted(figures.items())))


# --- the rotation itself ---------------------------------------------------------------------


def test_rekey_changes_every_page_and_keeps_every_row(demo_caseload: Path) -> None:
    old_key = unlock(demo_caseload)
    before, old_bytes = table_hashes(demo_caseload, old_key), demo_caseload.read_bytes()
    new_key = rekey(demo_caseload, passphrase=PASSPHRASE)
    assert new_key != old_key and len(new_key) == 32
    assert unlock(demo_caseload) == new_key == unlock(demo_caseload, passphrase=PASSPHRASE)
    assert table_hashes(demo_caseload, new_key) == before
    new_bytes = demo_caseload.read_bytes()
    pages = len(new_bytes) // 4096
    changed = sum(
        old_bytes[i * 4096 + 16 : (i + 1) * 4096] != new_bytes[i * 4096 + 16 : (i + 1) * 4096]
        for i in range(pages)
    )
    assert changed == pages
    assert check_file(demo_caseload, old_key).no_page_fits  # the old key reads nothing


def test_rekey_with_a_wrong_passphrase_changes_nothing(demo_caseload: Path) -> None:
    files = sha256(demo_caseload), sha256(keystore.key_file_path(demo_caseload))
    with pytest.raises(WrongPassphraseError):
        rekey(demo_caseload, passphrase="inte rätt lösenfras")
    assert (sha256(demo_caseload), sha256(keystore.key_file_path(demo_caseload))) == files


def test_a_pending_key_not_yet_used_is_dropped_at_open(demo_caseload: Path) -> None:
    """A crash after step 1: the file is under the current key; the pending one goes."""
    key_file = keystore.load_key_file(demo_caseload)
    current = unlock(demo_caseload)
    wrapping = key_file.passphrase_wrapping_key(PASSPHRASE)
    key_file.stage(os.urandom(32), passphrase_key=wrapping, keyring_key=None)
    key_file.save()
    with pytest.raises(KeyRotationPendingError):
        keystore.change_passphrase(demo_caseload, old=PASSPHRASE, new="en annan fras 12")
    assert unlock(demo_caseload) == current
    assert keystore.load_key_file(demo_caseload).pending is None


def test_a_used_pending_key_is_promoted_at_open(demo_caseload: Path) -> None:
    """A crash after step 2: the file is under the pending key; it becomes current."""
    from sigdesk.store.rekey import _reencrypt

    key_file = keystore.load_key_file(demo_caseload)
    current = unlock(demo_caseload)
    before = table_hashes(demo_caseload, current)
    new = os.urandom(32)
    key_file.stage(
        new,
        passphrase_key=key_file.passphrase_wrapping_key(PASSPHRASE),
        keyring_key=key_file.keyring_wrapping_key(),
    )
    key_file.save()
    _reencrypt(demo_caseload, current, new)
    assert unlock(demo_caseload) == new  # through the keyring
    assert keystore.load_key_file(demo_caseload).pending is None
    assert unlock(demo_caseload, passphrase=PASSPHRASE) == new
    assert table_hashes(demo_caseload, new) == before
