"""Rotating the data key (`sigdesk rekey`, Inställningar → "Byt datanyckel…"), crash-safe.

The three steps, each of which a crash may interrupt:

1. a fresh random 256-bit key is wrapped by both slots (passphrase, and keyring where it
   can give its wrapping key) and stored as *pending* in the key file, beside the current
   key — an atomic key-file write, as a passphrase change does;
2. `PRAGMA rekey` re-encrypts every page with it: SQLCipher does this in one transaction,
   so the file is wholly under the old key or wholly under the new one;
3. the pending key is promoted to current (another atomic key-file write).

At every unlock a key file with a pending key is *settled* (`settle`): the current key is
tried first (a crash before or during step 2: the pending key is dropped), then the
pending one (a crash before step 3: it is promoted). Only what SQLCipher confirms by
reading the file decides; nothing is written to the database while settling.

The rekey needs the passphrase even where the keyring unlocks: the new key must be
wrapped under it, and only the passphrase gives that wrapping key.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from pathlib import Path

from sigdesk.errors import (
    KeyringUnavailableError,
    KeyringWrongKeyError,
    PassphraseRequiredError,
    SigdeskError,
    WrongKeyOrDamagedError,
)
from sigdesk.store import dbfile, keystore
from sigdesk.store.fileutil import full_disk_reported

log = logging.getLogger(__name__)


def _opens(path: Path, key: bytes) -> bool:
    """Whether `key` reads the caseload (a wrong key fails at the first read; no write)."""
    try:
        dbfile.connect(path, key).close()
    except WrongKeyOrDamagedError:
        return False
    return True


def settle(path: Path, key_file: keystore.KeyFile, *, passphrase: str | None) -> bytes:
    """Finish or roll back an interrupted rotation; returns the key that opens the file.

    With no passphrase the keyring is used; if it cannot give the key that is needed,
    PassphraseRequiredError asks for the passphrase as any unlock does.
    """
    if passphrase is not None:
        wrapping = key_file.passphrase_wrapping_key(passphrase)
        current = key_file.open_slot("passphrase", wrapping)
        pending: bytes | None = key_file.open_slot("passphrase", wrapping, pending=True)
    else:
        by_keyring = key_file.open_with_keyring()
        if by_keyring is None:
            raise PassphraseRequiredError(
                "Nyckelringen kan inte låsa upp ärendefilen.", hint="Ange lösenfrasen."
            )
        current, pending = by_keyring, _pending_by_keyring(key_file)
    if _opens(path, current):
        key_file.pending = None
        _save_or_later(key_file)
        log.info("an interrupted key rotation was rolled back")
        return current
    if pending is None:
        raise PassphraseRequiredError(
            "En avbruten byte av datanyckel behöver lösenfrasen för att avslutas.",
            hint="Ange lösenfrasen.",
        )
    if not _opens(path, pending):
        raise dbfile.wrong_key_or_damaged()
    key_file.promote()
    _save_or_later(key_file)
    log.info("an interrupted key rotation was finished")
    return pending


def _save_or_later(key_file: keystore.KeyFile) -> None:
    """Save the settled key file; if it cannot be written (a full disk), the pending key
    stays on disk and the next unlock settles it again: the caseload opens meanwhile."""
    try:
        key_file.save()
    except SigdeskError as exc:
        log.warning("a settled key rotation could not be saved yet: %s", type(exc).__name__)


def _pending_by_keyring(key_file: keystore.KeyFile) -> bytes | None:
    if "keyring" not in (key_file.pending or {}):
        return None
    wrapping = key_file.keyring_wrapping_key()
    if wrapping is None:
        return None
    try:
        return key_file.open_slot("keyring", wrapping, pending=True)
    except KeyringWrongKeyError:
        return None


def _keyring_wrapping_key(key_file: keystore.KeyFile, current: bytes) -> bytes | None:
    """The keyring's wrapping key when it opens the current key; else None (the keyring
    slot is then dropped at the promotion, and the passphrase unlocks next time)."""
    try:
        wrapping = key_file.keyring_wrapping_key()
        if wrapping is not None and key_file.open_slot("keyring", wrapping) == current:
            return wrapping
    except (KeyringWrongKeyError, KeyringUnavailableError):
        pass
    return None


def rekey(path: Path, *, passphrase: str) -> bytes:
    """Re-encrypt the caseload at `path` under a new random data key; returns the new key.

    The caseload must not be open anywhere else (the window closes its connection first).
    """
    dbfile.check_file_shape(path)
    key_file = keystore.load_key_file(path)
    if key_file.pending is not None:
        settle(path, key_file, passphrase=passphrase)
    passphrase_key = key_file.passphrase_wrapping_key(passphrase)
    current = key_file.open_slot("passphrase", passphrase_key)
    new = secrets.token_bytes(keystore.DATA_KEY_BYTES)
    key_file.stage(
        new, passphrase_key=passphrase_key, keyring_key=_keyring_wrapping_key(key_file, current)
    )
    key_file.save()  # 1. the pending key is on disk before the file changes
    try:
        _reencrypt(path, current, new)  # 2. one transaction
    except BaseException:
        _drop_pending_if_unused(path, key_file, current)
        raise
    key_file.promote()
    key_file.save()  # 3. promoted
    log.info("data key rotated")
    return new


def _reencrypt(path: Path, current: bytes, new: bytes) -> None:
    conn = dbfile.connect(path, current)
    try:
        with full_disk_reported(path.parent, "datanyckeln byttes inte (filen är oförändrad)"):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def _drop_pending_if_unused(path: Path, key_file: keystore.KeyFile, current: bytes) -> None:
    """After a failed rekey: when the file is still under the current key, forget the
    pending one now (else the next unlock settles it)."""
    with contextlib.suppress(SigdeskError, OSError):
        if _opens(path, current):
            key_file.pending = None
            key_file.save()
