"""The caseload file's encrypted bytes, copied from a snapshot that cannot change.

A backup (sigdesk.store.backup) holds the caseload's SQLCipher file as it is on disk:
encrypted under the data key, with the file's own salt. Copying those bytes is one
pass; SQLite's online backup API decrypts and re-encrypts every page (8 × the time of
copying the file, measured on 2,000 youths). A file SQLite may be writing is never
copied: the bytes are read only while SQLite guarantees that the file cannot change.

1. `PRAGMA wal_checkpoint(TRUNCATE)` on one of the caseload's own connections, without
   waiting for other connections (a busy caseload gets the online backup instead).
   When it succeeds, every committed page is in the database file and the -wal file
   is empty (0 bytes).
2. A read transaction: `BEGIN`, then a read of sqlite_schema (the schema version is
   read there, in the same snapshot). A reader that starts while the WAL is wholly
   checkpointed takes read-mark 0 and reads the database file only; a checkpointer
   must hold WAL_READ_LOCK(0) exclusively before it writes any page back into the
   database file (wal.c, walCheckpoint), so while this transaction is open the file
   does not change. Writers carry on: they append to the WAL, which is not part of
   this snapshot and not copied.
3. The -wal file is still empty. Only then is read-mark 0 certain: a reader with
   another mark reads frames from a non-empty WAL, and that WAL cannot be truncated
   while such a reader holds its mark (restarting the WAL takes WAL_READ_LOCK(1..N)
   exclusively). If it is not empty (another connection or process committed between
   1 and 2) the online backup is taken instead, which is always consistent.
4. The file is copied, and its length must be the snapshot's page count × page size.

This process must keep its SHARED lock on the database file meanwhile: a process that
found no other lock there could take an exclusive one and checkpoint without looking
at read-marks (wal.c, sqlite3WalClose). POSIX record locks belong to the process, and
closing *any* descriptor of the file drops all of them (sqlite.org, "How To Corrupt An
SQLite Database File", 2.2). So this process never opens the caseload file itself: on
POSIX systems `cat` reads it in a child process and the bytes come through a pipe.
Windows locks belong to the handle that took them; there the file is read directly.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import sqlcipher3

from sigdesk.store import dbfile

if TYPE_CHECKING:
    from sigdesk.store.db import Caseload

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_CAT = ("/bin/cat", "/usr/bin/cat")


class HashedWriter:
    """Writes to `fh` from where it stands now, counting and hashing (SHA-256) the bytes."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self._start = fh.tell()
        self._digest = hashlib.sha256()
        self.size = 0

    def copy_from(self, src: IO[bytes]) -> int:
        """Everything `src` gives until its end; returns how many bytes that was."""
        copied = 0
        while chunk := src.read(_CHUNK):
            self._digest.update(chunk)
            self._fh.write(chunk)
            copied += len(chunk)
        self.size += copied
        return copied

    def hexdigest(self) -> str:
        return self._digest.hexdigest()

    def reset(self) -> None:
        """Back to where it started: what was written is cut off."""
        self._fh.seek(self._start)
        self._fh.truncate()
        self._digest = hashlib.sha256()
        self.size = 0


@dataclass(frozen=True)
class FileCopy:
    """A copy of the caseload file made from one snapshot; its schema version."""

    schema_version: str | None


def copy_encrypted_file(caseload: Caseload, sink: HashedWriter) -> FileCopy | None:
    """Copy the caseload file's bytes into `sink` from a snapshot that cannot change
    (see the module docstring); None, with `sink` as it was, when there was none."""
    path = caseload.path.resolve()
    raw = caseload.engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        copied = _copy_in_snapshot(conn, path, sink)
    except sqlcipher3.Error as exc:
        # A full disk under a checkpoint, a damaged page: the online backup meets it again
        # and reports it; it may also still succeed (it writes nothing into the caseload).
        log.info("no file snapshot for the backup (%s)", type(exc).__name__)
        copied = None
    finally:
        raw.close()
    if copied is None:
        sink.reset()
    return copied


def _copy_in_snapshot(conn: Any, path: Path, sink: HashedWriter) -> FileCopy | None:
    (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "wal" or not _checkpoint_truncated(conn):
        log.debug("the WAL could not be emptied (another connection is using it)")
        return None
    conn.execute("BEGIN")
    try:
        revision = dbfile.current_revision(conn)  # the first read: the snapshot begins
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()  # SQLCipher: a string
        if not wal_is_empty(path):
            log.debug("the WAL was written to before the snapshot began")
            return None
        if _copy_file(path, sink) != int(pages) * int(page_size):
            log.warning("the caseload file could not be read whole from the snapshot")
            return None
        return FileCopy(revision)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _checkpoint_truncated(conn: Any) -> bool:
    """Checkpoint the whole WAL and truncate it to 0 bytes, waiting for nobody."""
    (timeout,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        busy, frames, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return bool(busy == 0 and frames == 0)


def wal_is_empty(path: Path) -> bool:
    """The caseload's -wal file has 0 bytes (a missing one is not taken as empty)."""
    try:
        return os.stat(f"{path}-wal").st_size == 0
    except FileNotFoundError:
        return False


def _copy_file(path: Path, sink: HashedWriter) -> int:
    """The file's bytes into `sink`, read without this process opening the file (POSIX);
    returns how many were copied, or -1 when they could not be read."""
    if os.name == "nt":
        with path.open("rb") as src:
            return sink.copy_from(src)
    cat = next((c for c in _CAT if os.access(c, os.X_OK)), None)
    if cat is None:
        return -1
    try:
        reader = subprocess.Popen(
            [cat, "--", str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={},
            bufsize=0,
            pipesize=_CHUNK,
        )
    except OSError:  # no process to be had (memory, process limit): nothing written yet
        return -1
    assert reader.stdout is not None
    try:
        copied = sink.copy_from(reader.stdout)
        status = reader.wait()
    except BaseException:
        reader.kill()
        reader.wait()
        raise
    finally:
        reader.stdout.close()
    return copied if status == 0 else -1


# --- the online backup API ----------------------------------------------------------------


def online_copy(caseload: Caseload, target: Path) -> str | None:
    """Copy the database into `target` under the same key; returns its schema version.

    One `backup` step: a single read snapshot (consistent, and in WAL mode writers on
    other connections are not blocked). The copy is a throwaway file, so it is written
    without journal or fsync; the container written from it is synced.
    """
    dest = sqlcipher3.connect(str(target), isolation_level=None, check_same_thread=False)
    raw = caseload.engine.raw_connection()
    try:
        dest.execute(f"PRAGMA key = \"x'{caseload.key.hex()}'\"")
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        source: Any = raw.driver_connection
        source.backup(dest)
        return dbfile.current_revision(dest)
    except sqlcipher3.DatabaseError as exc:
        code = _disk_errno(exc)
        if code is not None:
            raise OSError(code, str(exc)) from None
        raise
    finally:
        raw.close()
        dest.close()


def _disk_errno(exc: BaseException) -> int | None:
    """The errno behind an SQLite error about the disk, if it is one."""
    text = str(exc).lower()
    if "disk is full" in text:
        return errno.ENOSPC
    if "readonly" in text:
        return errno.EROFS
    return errno.EIO if "disk i/o error" in text else None
