"""Creating and opening a caseload: the key file and the encrypted database together.

SQLAlchemy (sigdesk.store.db) is imported only where a function needs it: `unlock` and
`read_list` give the window its first list without it.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sigdesk.config import key_file_path
from sigdesk.errors import CaseloadExistsError, SigdeskError
from sigdesk.store import dbfile, keystore
from sigdesk.store.fileutil import make_private_dir

if TYPE_CHECKING:
    from sigdesk.caseload_list import CaseloadRow
    from sigdesk.store.db import Caseload
    from sigdesk.store.early import EarlyUnlock


def create_caseload(
    path: Path,
    *,
    passphrase: str,
    use_keyring: bool = True,
    kdf: keystore.KdfParams = keystore.DEFAULT_KDF,
    memory_security: bool = False,
) -> Caseload:
    """A new, empty caseload at `path`; never replaces a file that is already there."""
    from sigdesk.store import db

    keys = key_file_path(path)
    for existing in (path, keys):
        if existing.exists():
            raise CaseloadExistsError(
                f"Det finns redan en fil på {existing}; en ny ärendefil skapas inte över den."
            )
    make_private_dir(path.parent)
    data_key, _ = keystore.create_key_file(path, passphrase, use_keyring=use_keyring, kdf=kdf)
    try:
        db.create_caseload_file(path, data_key, memory_security=memory_security)
    except BaseException:
        # Both files are ours (checked absent above): remove the half-made caseload.
        for made in (path, keys):
            with contextlib.suppress(FileNotFoundError):
                made.unlink()
        raise
    return db.open_caseload(path, data_key, memory_security=memory_security)


def unlock(path: Path, *, passphrase: str | None = None, early: EarlyUnlock | None = None) -> bytes:
    """The data key, with the passphrase when given, else through the keyring.

    The file's shape is checked before any key is looked at, so a plain SQLite file
    or a truncated one gets its own message even when no key is at hand. A key file
    left mid-rotation is settled here (`sigdesk.store.rekey.settle`). `early` is the
    child process the window's start unlocks in (store/early.py).
    """
    dbfile.check_file_shape(path)
    if early is not None and passphrase is None:
        key = early.take(path)
        if key is not None:
            return key
    key_file = keystore.load_key_file(path)
    if key_file.pending is not None:  # a key rotation was interrupted: finish or undo it
        from sigdesk.store.rekey import settle

        return settle(path, key_file, passphrase=passphrase)
    return keystore.unlock(path, passphrase=passphrase)


def remember_in_keyring(path: Path, key: bytes) -> str | None:
    """Store the key in the OS keyring (after a passphrase unlock); None when done, else
    why not (a Swedish sentence). The caseload stays open either way."""
    try:
        keystore.store_in_keyring(path, key)
    except SigdeskError as exc:
        return exc.message
    return None


def open_caseload(
    path: Path, *, passphrase: str | None = None, allow_upgrade: bool = True
) -> Caseload:
    """Open with the passphrase when given, else through the keyring (see `unlock`)."""
    from sigdesk.store import db

    key = unlock(path, passphrase=passphrase)
    return db.open_caseload(path, key, allow_upgrade=allow_upgrade)


def read_list(
    path: Path,
    key: bytes,
    *,
    today: date,
    warning_days: int,
    early: EarlyUnlock | None = None,
) -> list[CaseloadRow] | None:
    """The caseload list read straight from the file, in one read transaction.

    None when the file's schema is not this version's: `db.open_caseload` then
    upgrades it (or refuses a newer one) before anything is read. With `early`, the
    start's child process reads it (store/early.py), unless it cannot.
    """
    if early is not None:
        from sigdesk.store.early import UNREAD

        rows = early.read_list(key, today=today, warning_days=warning_days)
        if rows is not UNREAD:
            return rows  # type: ignore[no-any-return]
    from sigdesk.caseload_list import caseload_rows

    conn = dbfile.connect(path, key)
    try:
        if dbfile.current_revision(conn) != dbfile.SCHEMA_HEAD:
            return None
        conn.execute("BEGIN")
        try:
            return caseload_rows(conn, today=today, warning_days=warning_days)
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
