"""Creating and opening a caseload: the key file and the encrypted database together."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sigdesk import db, dbfile, keystore
from sigdesk.config import key_file_path
from sigdesk.errors import CaseloadExistsError


def create_caseload(
    path: Path,
    *,
    passphrase: str,
    use_keyring: bool = True,
    kdf: keystore.KdfParams = keystore.DEFAULT_KDF,
    memory_security: bool = False,
) -> db.Caseload:
    """A new, empty caseload at `path`; never replaces a file that is already there."""
    keys = key_file_path(path)
    for existing in (path, keys):
        if existing.exists():
            raise CaseloadExistsError(
                f"Det finns redan en fil på {existing}; en ny ärendefil skapas inte över den."
            )
    path.parent.mkdir(parents=True, exist_ok=True)
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


def open_caseload(path: Path, *, passphrase: str | None = None) -> db.Caseload:
    """Open with the passphrase when given, else through the keyring.

    The file's shape is checked before any key is looked at, so a plain SQLite file
    or a truncated one gets its own message even when no key is at hand.
    """
    dbfile.check_file_shape(path)
    data_key = keystore.unlock(path, passphrase=passphrase)
    return db.open_caseload(path, data_key)
