"""RELIABILITY 18: one process per caseload; no stale lock after `kill -9`.

A real second process holds the lock (the window's stand-in); the command line run
beside it is refused for writes with one line and exit 2, reads still work, and once
the holder is killed with SIGKILL the lock is free again at once.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigdesk.config import key_file_path
from sigdesk.context import AppContext
from sigdesk.settings import Settings
from sigdesk.store.lock import (
    CaseloadInUseError,
    CaseloadLock,
    held_elsewhere,
    hold,
    lock_file_path,
)
from tests.conftest import sha256
from tests.core.test_cli import PASS, ROOT, _one_line, sigdesk

HOLDER = """
import sys, time
from pathlib import Path
from sigdesk.store.lock import hold
lock = hold(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(600)
"""


def start_holder(caseload: Path) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(caseload)],
        stdout=subprocess.PIPE,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == b"held"
    return child


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lock") / "demo.sigdesk"
    result = sigdesk("demo-data", str(path), "--youths", "4", passphrase=PASS)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def holder(demo: Path) -> Iterator[subprocess.Popen[bytes]]:
    child = start_holder(demo)
    yield child
    if child.poll() is None:
        child.kill()
        child.wait()


def test_the_lock_file_is_beside_empty_and_owner_only(tmp_path: Path) -> None:
    caseload = tmp_path / "a.sigdesk"
    lock = hold(caseload)
    try:
        path = lock_file_path(caseload)
        assert path == tmp_path / "a.sigdesk.lock"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes() == b""
    finally:
        lock.release()


def test_a_second_process_is_refused_and_kill_9_frees_the_lock(
    demo: Path, holder: subprocess.Popen[bytes]
) -> None:
    assert held_elsewhere(demo)
    with pytest.raises(CaseloadInUseError, match="öppen i ett annat sigdesk-fönster"):
        hold(demo)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    # The OS dropped the dead holder's lock: no stale lock, nobody to clean up after.
    assert lock_file_path(demo).exists()
    assert not held_elsewhere(demo)
    hold(demo).release()


def test_cli_writes_are_refused_with_one_line_while_held(
    demo: Path, holder: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    before = sha256(demo), sha256(key_file_path(demo))
    out = tmp_path / "plan.docx"
    refused = sigdesk(
        "export", "plan", str(demo), "--youth", "1", "--out", str(out), passphrase=PASS
    )
    assert refused.returncode == 2
    assert "öppen i ett annat sigdesk-fönster" in _one_line(refused)
    assert not out.exists()
    assert (sha256(demo), sha256(key_file_path(demo))) == before
    # Reading beside the window is safe (SQLite readers), so it is allowed.
    read = sigdesk("deadlines", str(demo), "--json", passphrase=PASS)
    assert read.returncode == 0, read.stderr
    check = sigdesk("check", str(demo), passphrase=PASS)
    assert check.returncode == 0, check.stderr
    holder.kill()
    holder.wait()
    done = sigdesk("export", "plan", str(demo), "--youth", "1", "--out", str(out), passphrase=PASS)
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_demo_data_on_a_held_path_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "ny.sigdesk"
    child = start_holder(target)
    try:
        result = sigdesk("demo-data", str(target), "--youths", "2", passphrase=PASS)
        assert result.returncode == 2
        assert "öppen i ett annat" in _one_line(result)
        assert not target.exists()
    finally:
        child.kill()
        child.wait()


def test_the_context_holds_through_a_window_lock_and_moves(tmp_path: Path) -> None:
    first = tmp_path / "data" / "a.sigdesk"
    ctx = AppContext(first, Settings())
    ctx.hold_caseload()
    try:
        assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
        ctx.close()  # what the idle lock does: the connection closes, the lock stays
        assert ctx.holds_caseload()
        other = CaseloadLock(first)
        with pytest.raises(CaseloadInUseError):
            other.acquire()
        second = tmp_path / "b.sigdesk"
        ctx.move_to(second)  # the wizard chose another path
        assert ctx.caseload_path == second
        hold(first).release()  # the old one is free
        with pytest.raises(CaseloadInUseError):
            hold(second)
    finally:
        ctx.release_caseload()
    hold(second).release()


def test_moving_to_a_held_path_changes_nothing(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "a.sigdesk", tmp_path / "b.sigdesk"
    ctx = AppContext(mine, Settings())
    ctx.hold_caseload()
    child = start_holder(theirs)
    try:
        with pytest.raises(CaseloadInUseError):
            ctx.move_to(theirs)
        assert ctx.caseload_path == mine and ctx.holds_caseload()
    finally:
        child.kill()
        child.wait()
        ctx.release_caseload()


def test_backup_runs_beside_the_window_but_restore_onto_it_is_refused(
    demo: Path, holder: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    out = tmp_path / "kopia.sigdesk-backup"
    made = sigdesk("backup", str(demo), str(out), passphrase=PASS)
    assert made.returncode == 0, made.stderr
    before = sha256(demo), sha256(key_file_path(demo))
    refused = sigdesk("restore", str(out), str(demo), "--force", passphrase=PASS)
    assert refused.returncode == 2
    assert "öppen i ett annat sigdesk-fönster" in _one_line(refused)
    assert (sha256(demo), sha256(key_file_path(demo))) == before
    assert sorted(p.name for p in demo.parent.iterdir()) == sorted(
        [demo.name, key_file_path(demo).name, lock_file_path(demo).name]
    )


def test_a_refused_command_on_a_new_path_leaves_no_lock_file(tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte.sigdesk"
    result = sigdesk("check", str(missing), passphrase=PASS)
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_rekey_of_a_held_caseload_is_refused(demo: Path, holder: subprocess.Popen[bytes]) -> None:
    before = sha256(demo), sha256(key_file_path(demo))
    refused = sigdesk("rekey", str(demo), passphrase=PASS)
    assert refused.returncode == 2
    assert "öppen i ett annat sigdesk-fönster" in _one_line(refused)
    assert (sha256(demo), sha256(key_file_path(demo))) == before


def test_a_lock_file_removed_under_the_opener_is_opened_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that opened the lock file just before its holder let go and removed it
    (no caseload was made there) must not lock the removed file: it would protect
    nothing while a third process makes and locks a new one."""
    caseload = tmp_path / "ny.sigdesk"
    real_open, opened = os.open, []

    def open_then_lose_it(path: object, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)  # type: ignore[arg-type]
        if not opened:
            os.unlink(str(path))  # the holder's release, between our open and our lock
        opened.append(fd)
        return fd

    monkeypatch.setattr(os, "open", open_then_lose_it)
    lock = hold(caseload)
    monkeypatch.undo()
    try:
        assert len(opened) == 2
        assert os.stat(lock_file_path(caseload)).st_ino == os.fstat(opened[1]).st_ino
        assert held_elsewhere(caseload)  # a separate open of the path finds it locked
    finally:
        lock.release()
    assert not lock_file_path(caseload).exists()  # no caseload was made: the file goes too


def test_two_holders_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    caseload = tmp_path / "a.sigdesk"
    first = hold(caseload)
    try:
        with pytest.raises(CaseloadInUseError):
            hold(caseload)
    finally:
        first.release()
    hold(caseload).release()
