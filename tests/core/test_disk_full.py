"""RELIABILITY 14 and 29: a full disk says "Disken är full" on open, save, export and
passphrase change — never "wrong key or damaged", never "oväntat fel" — and what was
saved before is intact.

The disk is a small tmpfs mounted for the test (root only); where mounting is
impossible the tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigdesk.caseload import YouthData, add_youth
from sigdesk.demo import build
from sigdesk.documents.render import write_document
from sigdesk.errors import DiskFullError, SigdeskError
from sigdesk.store import keystore
from sigdesk.store.db import open_caseload as open_with_key
from sigdesk.store.open import create_caseload, open_caseload, unlock
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.core.test_cli import PASS, _one_line, sigdesk
from tests.keyrings import MemoryKeyring
from tests.rowhash import table_hashes


def _mount(folder: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MiB tmpfs, unmounted afterwards."""
    folder = tmp_path / "disk"
    _mount(folder, "8m")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write a file until the disk says ENOSPC; returns it (delete it to free the disk)."""
    filler = folder / "fyllnad"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 16, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free == 0
    return filler


def assert_disk_full(error: SigdeskError) -> None:
    assert isinstance(error, DiskFullError)
    line = error.one_line()
    assert line.startswith("Disken är full") and "\n" not in line
    assert "Fel nyckel" not in line and "skadad" not in line


@pytest.fixture
def full_caseload(small_disk: Path, memory_keyring: MemoryKeyring) -> Iterator[Path]:
    """A caseload of fictional youths on the small disk; the keyring holds its key."""
    path = small_disk / "arenden.sigdesk"
    caseload = create_caseload(path, passphrase=PASSPHRASE, kdf=TEST_KDF)
    with caseload.session_scope() as session:
        build(session, youths=8, seed=5, today=TODAY)
    caseload.close()
    yield path


def _hashes(path: Path) -> dict[str, str]:
    return table_hashes(path, keystore.unlock(path, passphrase=PASSPHRASE))


def test_open_on_a_full_disk(full_caseload: Path) -> None:
    before, files = _hashes(full_caseload), sha256(full_caseload)
    filler = fill(full_caseload.parent)
    with pytest.raises(SigdeskError) as caught:
        open_caseload(full_caseload)
    assert_disk_full(caught.value)
    assert sha256(full_caseload) == files
    filler.unlink()
    assert _hashes(full_caseload) == before


def test_save_on_a_full_disk(full_caseload: Path) -> None:
    before = _hashes(full_caseload)
    caseload = open_caseload(full_caseload)
    try:
        filler = fill(full_caseload.parent)
        for n in range(50):  # until the free pages SQLite still holds are used up
            try:
                with caseload.session_scope() as session:
                    add_youth(session, _youth(n), today=TODAY)
            except DiskFullError as exc:
                assert_disk_full(exc)
                break
        else:
            pytest.fail("50 saves on a full disk never failed")
    finally:
        caseload.close()
    filler.unlink()
    assert _hashes(full_caseload) == before


def _youth(n: int) -> YouthData:
    return YouthData(f"Testa{n}", "Fyllnad", notes="lång anteckning " * 1200)


def test_passphrase_change_on_a_full_disk(full_caseload: Path) -> None:
    keys = keystore.key_file_path(full_caseload)
    before = sha256(keys)
    filler = fill(full_caseload.parent)
    with pytest.raises(SigdeskError) as caught:
        keystore.change_passphrase(
            full_caseload, old=PASSPHRASE, new="en ny lång lösenfras", kdf=TEST_KDF
        )
    assert_disk_full(caught.value)
    assert sha256(keys) == before
    assert not [p for p in full_caseload.parent.iterdir() if p.suffix == ".tmp"]
    filler.unlink()
    assert keystore.unlock(full_caseload, passphrase=PASSPHRASE)


def test_export_to_a_full_disk(small_disk: Path) -> None:
    filler = fill(small_disk)
    out = small_disk / "plan.docx"
    with pytest.raises(SigdeskError) as caught:
        write_document(b"PK" + b"x" * 100_000, out)
    assert_disk_full(caught.value)
    assert sorted(small_disk.iterdir()) == [filler]


def test_command_line_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    demo = tmp_path / "demo.sigdesk"
    assert sigdesk("demo-data", str(demo), "--youths", "4", passphrase=PASS).returncode == 0
    filler = fill(small_disk)
    out = small_disk / "plan.docx"
    result = sigdesk(
        "export", "plan", str(demo), "--youth", "1", "--out", str(out), passphrase=PASS
    )
    assert result.returncode == 2
    assert _one_line(result).startswith("sigdesk: Disken är full")
    # the whole caseload on the full disk: open fails, honestly, and the file is unchanged
    filler.unlink()
    moved = small_disk / "demo.sigdesk"
    shutil.copyfile(demo, moved)
    shutil.copyfile(keystore.key_file_path(demo), keystore.key_file_path(moved))
    files = sha256(moved)
    fill(small_disk)
    for command in ("deadlines", "check"):  # check is read-only, but SQLite still needs -shm
        result = sigdesk(command, str(moved), passphrase=PASS)
        assert result.returncode == 2, result.stderr
        assert _one_line(result).startswith("sigdesk: Disken är full")
    assert sha256(moved) == files


def test_open_with_a_right_key_on_a_full_disk_is_not_wrong_key(full_caseload: Path) -> None:
    key = keystore.unlock(full_caseload, passphrase=PASSPHRASE)
    fill(full_caseload.parent)
    with pytest.raises(DiskFullError):
        open_with_key(full_caseload, key)


def test_calendar_to_a_full_disk(small_disk: Path) -> None:
    from sigdesk.documents.ics import write_calendar

    filler = fill(small_disk)
    with pytest.raises(SigdeskError) as caught:
        write_calendar(small_disk / "moten.ics", [])
    assert_disk_full(caught.value)
    assert sorted(small_disk.iterdir()) == [filler]


def test_an_interrupted_rotation_on_a_full_disk(full_caseload: Path) -> None:
    """The file is under the pending key when the disk fills: the unlock says "Disken
    är full" (not "wrong key"), and finishes the rotation once there is space."""
    from sigdesk.store.rekey import _reencrypt

    current = keystore.unlock(full_caseload, passphrase=PASSPHRASE)
    before = table_hashes(full_caseload, current)
    key_file = keystore.load_key_file(full_caseload)
    new = os.urandom(32)
    key_file.stage(
        new, passphrase_key=key_file.passphrase_wrapping_key(PASSPHRASE), keyring_key=None
    )
    key_file.save()
    _reencrypt(full_caseload, current, new)
    filler = fill(full_caseload.parent)
    with pytest.raises(SigdeskError) as caught:
        unlock(full_caseload, passphrase=PASSPHRASE)
    assert_disk_full(caught.value)
    assert keystore.load_key_file(full_caseload).pending is not None
    filler.unlink()
    assert unlock(full_caseload, passphrase=PASSPHRASE) == new
    assert keystore.load_key_file(full_caseload).pending is None
    assert table_hashes(full_caseload, new) == before
