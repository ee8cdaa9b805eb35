"""Encrypted backups and verified restore (SPEC §7; RELIABILITY 5, 16, 29, 30).

Real SQLCipher files throughout: a caseload with fictional youths is backed up, the
backup is damaged, truncated, replayed on "another laptop" (an empty keyring, or none),
and every refusal is checked to leave the files on disk as they were.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from sigdesk import demo
from sigdesk.config import key_file_path
from sigdesk.errors import (
    BackupDamagedError,
    BackupFolderError,
    BackupNewerError,
    BackupOtherCaseloadError,
    BackupTargetError,
    DiskFullError,
    NotABackupError,
    WrongPassphraseError,
)
from sigdesk.store import backup as bk
from sigdesk.store import dbfile, keystore
from sigdesk.store.db import Caseload
from sigdesk.store.open import create_caseload, open_caseload
from sigdesk.store.restore import restore_backup, verify_backup
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.keyrings import MemoryKeyring

YOUTHS = 6


@pytest.fixture
def filled(caseload: Caseload) -> Caseload:
    with caseload.session_scope() as session:
        demo.build(session, youths=YOUTHS, seed=4, today=TODAY)
    return caseload


def table_hashes(path: Path, key: bytes) -> dict[str, str]:
    """SHA-256 of every table's rows, in primary-key order."""
    conn = dbfile.connect(path, key)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: hashlib.sha256(
                repr(conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()).encode()
            ).hexdigest()
            for t in tables
        }
    finally:
        conn.close()


def files_in(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


@contextlib.contextmanager
def new_laptop(backend: keyring.backend.KeyringBackend) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


# --- making a backup ---------------------------------------------------------------------


def test_backup_restores_on_a_new_laptop_with_only_the_passphrase(
    filled: Caseload, tmp_path: Path
) -> None:
    out = tmp_path / "kopior" / "arenden.sigdesk-backup"
    header = bk.make_backup(filled, out=out)
    assert header.caseload_id == keystore.load_key_file(filled.path).caseload_id
    assert header.schema_version == dbfile.SCHEMA_HEAD
    expected = table_hashes(filled.path, filled.key)
    filled.close()
    laptop = tmp_path / "ny-dator"
    laptop.mkdir()
    target = laptop / "arenden.sigdesk"
    with new_laptop(fail.Keyring()):
        result = restore_backup(out, target, passphrase=PASSPHRASE)
        assert not result.in_keyring and result.kept is None
        slots = json.loads(key_file_path(target).read_text())["slots"]
        assert set(slots) == {"passphrase"}
        key = keystore.unlock(target, passphrase=PASSPHRASE)
    assert table_hashes(target, key) == expected
    reopened = open_caseload(target, passphrase=PASSPHRASE)
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM youth").scalar_one() == YOUTHS
    reopened.close()
    assert set(files_in(laptop)) == {"arenden.sigdesk", "arenden.sigdesk.key"}


def test_restore_stores_a_fresh_keyring_slot_where_the_keyring_works(
    filled: Caseload, tmp_path: Path
) -> None:
    out = tmp_path / "k.sigdesk-backup"
    bk.make_backup(filled, out=out)
    empty = MemoryKeyring()
    with new_laptop(empty):
        result = restore_backup(out, tmp_path / "ny.sigdesk", passphrase=PASSPHRASE)
        assert result.in_keyring and empty.store
        assert keystore.unlock(tmp_path / "ny.sigdesk") == filled.key


def test_the_original_still_opens_by_keyring_after_a_restore_beside_it(
    filled: Caseload, tmp_path: Path
) -> None:
    out = tmp_path / "k.sigdesk-backup"
    bk.make_backup(filled, out=out)
    restore_backup(out, tmp_path / "kopia.sigdesk", passphrase=PASSPHRASE)
    assert keystore.unlock(filled.path) == filled.key
    assert keystore.unlock(tmp_path / "kopia.sigdesk") == filled.key


def test_backup_holds_no_keyring_slot_and_no_plain_text(filled: Caseload, tmp_path: Path) -> None:
    out = tmp_path / "k.sigdesk-backup"
    header = bk.make_backup(filled, out=out)
    data = out.read_bytes()
    assert data.startswith(bk.MAGIC)
    assert b'"keyring"' not in data[: header.db_offset]
    with filled.session_scope() as session:
        from sigdesk.models import Youth

        names = [y.last_name.encode() for y in session.query(Youth)]
    assert names and not any(n in data for n in names)
    assert b"SQLite format 3" not in data


def test_backup_file_and_folder_are_owner_only_whatever_the_umask(
    filled: Caseload, tmp_path: Path
) -> None:
    old = os.umask(0)
    try:
        out = tmp_path / "ny" / "mapp" / "k.sigdesk-backup"
        bk.make_backup(filled, out=out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.parent.parent.stat().st_mode) == 0o700


def test_existing_target_refused_without_force_replaced_with(
    filled: Caseload, tmp_path: Path
) -> None:
    out = tmp_path / "k.sigdesk-backup"
    out.write_bytes(b"annat innehall")
    with pytest.raises(BackupTargetError, match="finns redan"):
        bk.make_backup(filled, out=out)
    assert out.read_bytes() == b"annat innehall"
    bk.make_backup(filled, out=out, force=True)
    assert bk.read_header(out).caseload_id


def test_caseload_and_key_file_refused_even_with_force(filled: Caseload, tmp_path: Path) -> None:
    other = tmp_path / "annan"
    other.mkdir()
    before = files_in(tmp_path)
    for target in (filled.path, key_file_path(filled.path)):
        with pytest.raises(BackupTargetError, match="aldrig"):
            bk.make_backup(filled, out=target, force=True)
    link = other / "lank.sigdesk-backup"
    link.symlink_to(filled.path)
    with pytest.raises(BackupTargetError, match="aldrig"):
        bk.make_backup(filled, out=link, force=True)
    assert files_in(tmp_path) == before


def test_a_killed_backups_temporary_files_go_at_the_next_backup(
    filled: Caseload, tmp_path: Path
) -> None:
    left = tmp_path / f"{bk.BACKUP_TEMP}k.sigdesk-backup.999999999.abc12345.tmp"  # no such PID
    left.write_bytes(b"\0" * 4096)
    sidecar = left.with_name(left.name + "-wal")
    sidecar.write_bytes(b"\0")
    live = tmp_path / f"{bk.BACKUP_TEMP}k.sigdesk-backup.{os.getpid()}.live1234.tmp"
    live.write_bytes(b"\0" * 4096)  # another backup into this folder, still running
    bk.make_backup(filled, out=tmp_path / "k.sigdesk-backup")
    assert not left.exists() and not sidecar.exists()
    assert live.exists()
    live.unlink()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# --- what restore refuses -----------------------------------------------------------------


@pytest.fixture
def backup_file(filled: Caseload, tmp_path: Path) -> Path:
    out = tmp_path / "kopior" / "k.sigdesk-backup"
    bk.make_backup(filled, out=out)
    return out


def _refused(backup: Path, target: Path, error: type[Exception], match: str, **kw: object) -> None:
    folder = target.parent
    folder.mkdir(exist_ok=True)
    before = files_in(folder)
    backup_before = sha256(backup) if backup.exists() else None
    with pytest.raises(error, match=match):
        restore_backup(backup, target, passphrase=str(kw.pop("passphrase", PASSPHRASE)), **kw)  # type: ignore[arg-type]
    assert files_in(folder) == before
    assert (sha256(backup) if backup.exists() else None) == backup_before


def test_wrong_passphrase_rejected(backup_file: Path, tmp_path: Path) -> None:
    _refused(
        backup_file,
        tmp_path / "mal" / "a.sigdesk",
        WrongPassphraseError,
        "Fel lösenfras",
        passphrase="fel fras helt",
    )


def test_truncated_backup_is_damage(backup_file: Path, tmp_path: Path) -> None:
    for cut in (10, 100, bk.HEADER_ROOM + 30, backup_file.stat().st_size - 4096):
        short = tmp_path / f"kort-{cut}.sigdesk-backup"
        short.write_bytes(backup_file.read_bytes()[:cut])
        _refused(short, tmp_path / "mal" / "a.sigdesk", BackupDamagedError, "skadad eller avkortad")


def test_flipped_byte_in_the_database_is_damage(backup_file: Path, tmp_path: Path) -> None:
    header = bk.read_header(backup_file)
    data = bytearray(backup_file.read_bytes())
    data[header.db_offset + 3 * 4096 + 100] ^= 0xFF
    bad = tmp_path / "trasig.sigdesk-backup"
    bad.write_bytes(bytes(data))
    _refused(bad, tmp_path / "mal" / "a.sigdesk", BackupDamagedError, "kontrollsumman")
    # The same flip with a matching checksum: the integrity checks find it.
    digest = hashlib.sha256(bytes(data[header.db_offset :])).hexdigest()
    raw = bytes(data).replace(header.db_sha256.encode(), digest.encode())
    bad.write_bytes(raw)
    _refused(bad, tmp_path / "mal" / "a.sigdesk", BackupDamagedError, "skadad")


def test_newer_format_and_newer_schema_refused(
    filled: Caseload, backup_file: Path, tmp_path: Path
) -> None:
    data = bytearray(backup_file.read_bytes())
    data[16:20] = (bk.BACKUP_FORMAT + 1).to_bytes(4, "big")
    newer = tmp_path / "nyare.sigdesk-backup"
    newer.write_bytes(bytes(data))
    _refused(newer, tmp_path / "mal" / "a.sigdesk", BackupNewerError, "nyare version")
    with filled.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    bk.make_backup(filled, out=newer, force=True)
    _refused(newer, tmp_path / "mal" / "a.sigdesk", BackupNewerError, "nyare version")


def test_not_a_backup(filled: Caseload, tmp_path: Path) -> None:
    for name, content in (("tom", b""), ("text", b"hej hej"), ("arende", filled.path.read_bytes())):
        path = tmp_path / f"{name}.sigdesk-backup"
        path.write_bytes(content)
        _refused(path, tmp_path / "mal" / "a.sigdesk", NotABackupError, "inte en sigdesk")
    _refused(tmp_path / "saknas", tmp_path / "mal" / "a.sigdesk", NotABackupError, "ingen")


def test_existing_target_refused_without_force(backup_file: Path, filled: Caseload) -> None:
    _refused(backup_file, filled.path, BackupTargetError, "finns redan")


def test_backup_of_another_caseload_refused_even_with_force(
    backup_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "annan" / "b.sigdesk"
    other.parent.mkdir()
    create_caseload(other, passphrase=PASSPHRASE, kdf=TEST_KDF).close()
    _refused(backup_file, other, BackupOtherCaseloadError, "annan ärendefil", force=True)


def test_restore_with_force_keeps_the_current_file_beside(
    filled: Caseload, backup_file: Path
) -> None:
    path = filled.path
    with filled.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE youth SET first_name = 'Ändrad' WHERE id = 1")
    changed = table_hashes(path, filled.key)
    filled.close()
    old_key_file = sha256(key_file_path(path))
    now = datetime(2026, 12, 5, 8, 30, 15)
    result = restore_backup(backup_file, path, passphrase=PASSPHRASE, force=True, now=now)
    kept = path.with_name(f"{path.name}.before-restore-20261205-083015")
    assert result.kept == kept
    assert sha256(key_file_path(kept)) == old_key_file
    assert table_hashes(kept, keystore.unlock(kept, passphrase=PASSPHRASE)) == changed
    assert table_hashes(path, keystore.unlock(path)) != changed
    again = restore_backup(backup_file, path, passphrase=PASSPHRASE, force=True, now=now)
    assert again.kept == kept.with_name(kept.name + "-2") and kept.exists()


def test_verification_writes_nothing_at_the_target(backup_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mal"
    verified = verify_backup(backup_file, passphrase=PASSPHRASE, folder=folder)
    assert verified.schema_version == dbfile.SCHEMA_HEAD
    assert [p.name.startswith(bk.RESTORE_TEMP) for p in folder.iterdir()] == [True]
    verified.discard()
    assert list(folder.iterdir()) == []


# --- full and read-only folders (RELIABILITY 29) -----------------------------------------


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_full_backup_folder_says_disk_full(filled: Caseload, tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "full", "64k") as folder:
        with pytest.raises(DiskFullError, match="Disken är full: säkerhetskopian"):
            bk.make_backup(filled, out=folder / "k.sigdesk-backup")
        assert list(folder.iterdir()) == []


def test_read_only_backup_folder(filled: Caseload, backup_file: Path, tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "ro", "1m") as folder:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(BackupFolderError, match="skrivskyddad"):
            bk.make_backup(filled, out=folder / "k.sigdesk-backup")
        with pytest.raises(BackupFolderError, match="skrivskyddad"):
            restore_backup(backup_file, folder / "a.sigdesk", passphrase=PASSPHRASE)


def test_full_restore_folder_says_disk_full(backup_file: Path, tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "full", "64k") as folder:
        with pytest.raises(DiskFullError, match="Disken är full: den återställda"):
            restore_backup(backup_file, folder / "a.sigdesk", passphrase=PASSPHRASE)
        assert list(folder.iterdir()) == []


# --- backup while another connection writes (RELIABILITY 16) ------------------------------


def _writer(path: Path, key: bytes, stop: threading.Event, counter: list[int]) -> None:
    conn = dbfile.connect(path, key)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS drill (id INTEGER PRIMARY KEY, payload TEXT)")
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO drill (payload) VALUES (?)", (os.urandom(200).hex(),))
            conn.execute("UPDATE drill SET payload = payload || 'x' WHERE id = 1")
            conn.execute("COMMIT")
            counter[0] += 1
    finally:
        conn.close()


def _drill(path: Path, key: bytes, query: str) -> list[tuple[object, ...]]:
    if query.startswith("SELECT count"):
        query += " FROM drill"
    conn = dbfile.connect(path, key)
    try:
        return [tuple(r) for r in conn.execute(query)]
    finally:
        conn.close()


def backup_during_writes(caseload: Caseload, folder: Path, rounds: int) -> None:
    """Backups while a second connection commits; each restores to a consistent state."""
    stop, counter = threading.Event(), [0]
    thread = threading.Thread(target=_writer, args=(caseload.path, caseload.key, stop, counter))
    thread.start()
    restored = []
    try:
        for n in range(rounds):
            while counter[0] < (n + 1) * 5:
                stop.wait(0.01)
            out = folder / f"k{n}.sigdesk-backup"
            bk.make_backup(caseload, out=out)
            target = folder / f"r{n}.sigdesk"
            restore_backup(out, target, passphrase=PASSPHRASE)
            restored.append(target)
    finally:
        stop.set()
        thread.join()
    final = table_hashes(caseload.path, caseload.key)
    for target in restored:
        got = table_hashes(target, caseload.key)
        assert {t: h for t, h in got.items() if t != "drill"} == {
            t: h for t, h in final.items() if t != "drill"
        }
        # One committed state: each transaction added a row and extended row 1 once,
        # and the rows it holds are the source's rows, byte for byte.
        rows, first = _drill(target, caseload.key, "SELECT count(*), max(length(payload))")[0]
        assert first == 400 + rows
        query = f"SELECT * FROM drill WHERE id BETWEEN 2 AND {rows} ORDER BY id"
        assert _drill(target, caseload.key, query) == _drill(caseload.path, caseload.key, query)
    last = folder / "sist.sigdesk-backup"
    bk.make_backup(caseload, out=last)
    restore_backup(last, folder / "sist.sigdesk", passphrase=PASSPHRASE)
    assert table_hashes(folder / "sist.sigdesk", caseload.key) == final
    with pytest.raises(WrongPassphraseError):
        restore_backup(last, folder / "fel.sigdesk", passphrase="inte den här")


def test_backup_during_writes_then_restore(filled: Caseload, tmp_path: Path) -> None:
    backup_during_writes(filled, tmp_path, rounds=3)


@pytest.mark.slow
def test_backup_during_writes_then_restore_long(filled: Caseload, tmp_path: Path) -> None:
    backup_during_writes(filled, tmp_path, rounds=40)


def test_header_times_are_utc(backup_file: Path) -> None:
    created = bk.read_header(backup_file).created
    assert created.tzinfo is not None
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)


# --- a backup killed midway (RELIABILITY 30) ----------------------------------------------

_BACKUP_SCRIPT = """
import sys
from pathlib import Path
from sigdesk.store.backup import make_backup
from sigdesk.store.open import open_caseload
caseload = open_caseload(Path(sys.argv[1]), passphrase=sys.argv[3])
print("open", flush=True)
make_backup(caseload, out=Path(sys.argv[2]))
"""


def kill_backups_midway(caseload: Caseload, folder: Path, runs: int) -> None:
    import random
    import sys
    import time

    root = Path(__file__).resolve().parents[2]
    out = folder / "k.sigdesk-backup"
    rng = random.Random(30)
    for _ in range(runs):
        out.unlink(missing_ok=True)
        proc = subprocess.Popen(
            [sys.executable, "-c", _BACKUP_SCRIPT, str(caseload.path), str(out), PASSPHRASE],
            env=os.environ | {"PYTHONPATH": str(root)},
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"open\n"
        time.sleep(rng.uniform(0, 0.05))
        proc.kill()
        proc.wait()
        # no half-written target: either none, or a whole backup that restores
        if out.exists():
            restore_backup(out, folder / "r.sigdesk", passphrase=PASSPHRASE, force=True)
    bk.make_backup(caseload, out=folder / "nasta.sigdesk-backup")
    assert not [p for p in folder.iterdir() if p.name.startswith(bk.BACKUP_TEMP)]


def test_backup_killed_midway_leaves_no_half_file(filled: Caseload, tmp_path: Path) -> None:
    kill_backups_midway(filled, tmp_path, runs=3)


@pytest.mark.slow
def test_backup_killed_midway_20_runs(filled: Caseload, tmp_path: Path) -> None:
    kill_backups_midway(filled, tmp_path, runs=20)
