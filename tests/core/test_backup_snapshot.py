"""A backup copies the caseload file's encrypted bytes from a snapshot that cannot change
(sigdesk.store.snapshot), and falls back to SQLite's online backup API when there is
none (RELIABILITY 16; SPEC §7, §9).

Real SQLCipher files and real second processes: one commits, checkpoints and closes
while a backup copies; one holds a read transaction so the WAL cannot be emptied; one
writes in a loop while backups are taken. Every backup is restored (both integrity
checks) and must hold exactly one committed state.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sigdesk import demo
from sigdesk.store import backup as bk
from sigdesk.store import dbfile, keystore, snapshot
from sigdesk.store.db import Caseload
from sigdesk.store.open import open_caseload
from sigdesk.store.restore import restore_backup
from tests.conftest import PASSPHRASE, TODAY, sha256
from tests.core.test_backup import table_hashes

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = "the encrypted file copied from a snapshot"
ONLINE = "through the online backup API"

#: A second process on the caseload, driven line by line on stdin. Each transaction of
#: `write N` adds a row and extends row 1 by one character, so a copy holding one
#: committed state has max(length(payload)) == 400 + count(*).
_AGENT = """
import os, sys, time
from pathlib import Path
from sigdesk.store import dbfile
conn = dbfile.connect(Path(sys.argv[1]), bytes.fromhex(sys.stdin.readline()))
conn.execute("CREATE TABLE IF NOT EXISTS drill (id INTEGER PRIMARY KEY, payload TEXT)")

def write(n):
    for _ in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO drill (payload) VALUES (?)", (os.urandom(200).hex(),))
        conn.execute("UPDATE drill SET payload = payload || 'x' WHERE id = 1")
        conn.execute("COMMIT")

print("ready", flush=True)
for line in sys.stdin:
    word, *arg = line.split()
    if word == "write":
        write(int(arg[0]))
        print("ok", flush=True)
    elif word == "checkpoint":
        a = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        b = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        print("ok", tuple(a), tuple(b), flush=True)
    elif word == "hold":
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM drill").fetchone()
        print("ok", flush=True)
    elif word == "release":
        conn.execute("ROLLBACK")
        print("ok", flush=True)
    elif word == "loop":  # until the file named exists, a short pause between commits
        stop, done = Path(arg[0]), 0
        while not stop.exists():
            write(1)
            done += 1
            time.sleep(0.001)
        print("ok", done, flush=True)
    elif word == "close":
        conn.close()
        print("ok", flush=True)
        break
"""


class Agent:
    def __init__(self, caseload: Caseload) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _AGENT, str(caseload.path)],
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        self.stdin.write(caseload.key.hex() + "\n")
        self.stdin.flush()
        assert self.stdout.readline() == "ready\n"

    def send(self, command: str) -> str:
        self.stdin.write(command + "\n")
        self.stdin.flush()
        answer = self.stdout.readline()
        assert answer.startswith("ok"), answer
        return answer

    def stop(self) -> None:
        if not self.stdin.closed:
            self.stdin.close()
        self.proc.wait(timeout=30)
        self.stdout.close()


@pytest.fixture
def filled(caseload: Caseload) -> Caseload:
    with caseload.session_scope() as session:
        demo.build(session, youths=4, seed=7, today=TODAY)
    return caseload


@pytest.fixture
def agent(filled: Caseload) -> Iterator[Agent]:
    second = Agent(filled)
    try:
        yield second
    finally:
        second.stop()


@pytest.fixture
def paths(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="sigdesk.store.backup")
    return caplog


def taken(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sigdesk.store.backup"]


def drill_state(path: Path, key: bytes) -> tuple[int, int]:
    conn = dbfile.connect(path, key)
    try:
        rows, longest = conn.execute("SELECT count(*), max(length(payload)) FROM drill").fetchone()
    finally:
        conn.close()
    return int(rows), int(longest or 0)


def restored(backup: Path, folder: Path, name: str) -> Path:
    """The backup restored (verified: checksum, both integrity checks, schema) to a file."""
    target = folder / f"{name}.sigdesk"
    restore_backup(backup, target, passphrase=PASSPHRASE)
    return target


def lock_holder(path: Path) -> str:
    """Who holds a POSIX read lock on the file's SQLite SHARED range, asked from another
    process (a process never sees its own locks)."""
    probe = (
        "import fcntl, os, struct, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
        "lk = struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0x40000002, 510, 0)\n"
        "kind, _, _, _, pid = struct.unpack('hhqqi', fcntl.fcntl(fd, fcntl.F_GETLK, lk))\n"
        "print('none' if kind == fcntl.F_UNLCK else pid)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    return done.stdout.strip()


# --- the snapshot copy -------------------------------------------------------------------


def test_backup_is_the_caseload_files_own_bytes(
    filled: Caseload, tmp_path: Path, paths: pytest.LogCaptureFixture
) -> None:
    expected = table_hashes(filled.path, filled.key)
    header = bk.make_backup(filled, out=tmp_path / "k.sigdesk-backup")
    assert taken(paths) == [f"backup: {SNAPSHOT}"]
    assert header.schema_version == dbfile.SCHEMA_HEAD
    raw = filled.engine.raw_connection()
    try:  # the connection goes back to the pool waiting for locks as before
        assert raw.driver_connection.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    finally:
        raw.close()
    filled.close()
    # The database in the backup is the checkpointed file, byte for byte (its salt too).
    assert header.db_sha256 == sha256(filled.path)
    target = restored(header.path, tmp_path, "ny")
    assert table_hashes(target, keystore.unlock(target)) == expected
    reopened = open_caseload(target, passphrase=PASSPHRASE)  # through the restored key file
    reopened.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX record locks")
def test_the_backup_leaves_this_processs_locks_on_the_caseload(
    filled: Caseload, tmp_path: Path, paths: pytest.LogCaptureFixture
) -> None:
    """Closing any descriptor of a file drops every POSIX lock the process holds on it:
    had the backup opened the caseload file itself, its SHARED lock would be gone."""
    assert lock_holder(filled.path) == str(os.getpid())
    bk.make_backup(filled, out=tmp_path / "k.sigdesk-backup")
    assert taken(paths) == [f"backup: {SNAPSHOT}"]
    assert lock_holder(filled.path) == str(os.getpid())


def test_writes_checkpoints_and_a_close_during_the_copy_do_not_reach_it(
    filled: Caseload,
    agent: Agent,
    tmp_path: Path,
    paths: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agent.send("write 20")
    before = drill_state(filled.path, filled.key)
    copy_file = snapshot._copy_file
    meanwhile: list[str] = []

    def copy_after_others_wrote(path: Path, sink: Any) -> int:
        # Inside the backup's read transaction: another process commits, checkpoints
        # both ways and closes its connection (SQLite checkpoints at the last close).
        agent.send("write 30")
        meanwhile.append(agent.send("checkpoint"))
        agent.send("close")
        agent.proc.wait(timeout=30)
        assert not snapshot.wal_is_empty(path)
        return copy_file(path, sink)

    monkeypatch.setattr(snapshot, "_copy_file", copy_after_others_wrote)
    header = bk.make_backup(filled, out=tmp_path / "k.sigdesk-backup")
    assert taken(paths) == [f"backup: {SNAPSHOT}"]
    assert "(1," in meanwhile[0]  # the TRUNCATE checkpoint was refused
    assert drill_state(restored(header.path, tmp_path, "kopia"), filled.key) == before
    assert drill_state(filled.path, filled.key) == (before[0] + 30, before[1] + 30)


# --- the online backup API when there is no such snapshot -------------------------------


def test_a_wal_that_cannot_be_emptied_gets_the_online_backup(
    filled: Caseload, agent: Agent, tmp_path: Path, paths: pytest.LogCaptureFixture
) -> None:
    agent.send("write 5")
    agent.send("hold")  # a reader on the WAL: it cannot be truncated under it
    header = bk.make_backup(filled, out=tmp_path / "k.sigdesk-backup")
    assert [m.startswith(f"backup: {ONLINE} (") for m in taken(paths)] == [True]
    expected = table_hashes(filled.path, filled.key)
    assert table_hashes(restored(header.path, tmp_path, "kopia"), filled.key) == expected
    agent.send("release")
    paths.clear()
    header = bk.make_backup(filled, out=tmp_path / "k2.sigdesk-backup")
    assert taken(paths) == [f"backup: {SNAPSHOT}"]
    assert table_hashes(restored(header.path, tmp_path, "kopia2"), filled.key) == expected


def test_the_wal_counts_as_empty_only_when_checkpointed(filled: Caseload) -> None:
    path = filled.path.resolve()
    raw = filled.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)
        assert snapshot.wal_is_empty(path)
        conn.execute("UPDATE youth SET first_name = first_name || 'x' WHERE id = 1")
        assert not snapshot.wal_is_empty(path)
    finally:
        raw.close()
    assert not snapshot.wal_is_empty(path.with_name("saknas.sigdesk"))


# --- backups while another process writes in a loop (RELIABILITY 16) --------------------


def backups_while_another_process_writes(
    caseload: Caseload, folder: Path, caplog: pytest.LogCaptureFixture, rounds: int
) -> None:
    writer = Agent(caseload)
    writer.send("write 1")
    stop = folder / "stop"
    writer.stdin.write(f"loop {stop}\n")
    writer.stdin.flush()
    copies = []
    try:
        for n in range(rounds):
            header = bk.make_backup(caseload, out=folder / f"k{n}.sigdesk-backup")
            copies.append(restored(header.path, folder, f"r{n}"))
    finally:
        stop.touch()
        assert writer.stdout.readline().startswith("ok")
        writer.stop()
    states = [drill_state(copy, caseload.key) for copy in copies]
    for copy, (rows, longest) in zip(copies, states, strict=True):
        assert longest == 400 + rows  # one committed state, not a mix of two
        query = f"SELECT * FROM drill WHERE id BETWEEN 2 AND {rows} ORDER BY id"
        assert _rows(copy, caseload.key, query) == _rows(caseload.path, caseload.key, query)
    assert [rows for rows, _ in states] == sorted(rows for rows, _ in states)
    assert len(taken(caplog)) == rounds


def _rows(path: Path, key: bytes, query: str) -> list[tuple[object, ...]]:
    conn = dbfile.connect(path, key)
    try:
        return [tuple(r) for r in conn.execute(query)]
    finally:
        conn.close()


def test_backups_while_another_process_writes(
    filled: Caseload, tmp_path: Path, paths: pytest.LogCaptureFixture
) -> None:
    backups_while_another_process_writes(filled, tmp_path, paths, rounds=6)


@pytest.mark.slow
def test_backups_while_another_process_writes_long(
    filled: Caseload, tmp_path: Path, paths: pytest.LogCaptureFixture
) -> None:
    backups_while_another_process_writes(filled, tmp_path, paths, rounds=60)
