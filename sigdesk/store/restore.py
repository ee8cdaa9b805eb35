"""Restoring a backup: verify into a temporary file first, then put it in place.

`verify_backup` never touches the target; `place_restore` moves an existing caseload
(and its key file, -wal and -shm) aside as `NAME.before-restore-YYYYMMDD-HHMMSS`, never
deleting it, then writes the key file and renames the verified copy into place. If
that fails midway, what was moved aside is moved back.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sigdesk.config import key_file_path
from sigdesk.errors import (
    BackupOtherCaseloadError,
    BackupTargetError,
    KeyringUnavailableError,
    SigdeskError,
)
from sigdesk.store import backup as bk
from sigdesk.store.fileutil import fsync_dir, make_owner_only

if TYPE_CHECKING:
    from sigdesk.store import keystore

_COMPANIONS = ("-wal", "-shm")


@dataclass
class VerifiedBackup:
    """A backup unlocked and checked, its database in a temporary file beside the target."""

    header: bk.BackupHeader
    data_key: bytes
    temp: Path
    schema_version: str

    def discard(self) -> None:
        for suffix in ("", *_COMPANIONS):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.temp) + suffix).unlink()


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    #: Where the file that was at the target now is (None when there was none).
    kept: Path | None
    in_keyring: bool
    schema_version: str
    created: datetime


def _exists(path: Path) -> bool:
    return path.exists() or key_file_path(path).exists()


def check_restore_target(target: Path, header: bk.BackupHeader, *, force: bool) -> None:
    """Refuse the backup itself, an existing caseload without `force`, another caseload's."""
    from sigdesk.store import keystore

    if target.resolve() == header.path.resolve():
        raise BackupTargetError("Målet är säkerhetskopian själv.", hint="Ange en ärendefil.")
    if target.is_dir():
        raise BackupTargetError(f"{target} är en mapp.", hint="Ange ett filnamn för ärendefilen.")
    if not _exists(target):
        return
    if not force:
        raise BackupTargetError(
            f"Det finns redan en ärendefil på {target}.",
            hint="Välj ett annat mål, eller ersätt den (--force); den sparas då bredvid.",
        )
    try:
        current = keystore.load_key_file(target).caseload_id
    except SigdeskError:
        return  # missing or damaged key file: nothing to compare with
    if current != header.caseload_id:
        raise BackupOtherCaseloadError(
            f"Säkerhetskopian hör till en annan ärendefil än den på {target}.",
            hint="Återställ den till ett annat filnamn; inget har ändrats.",
        )


def verify_backup(backup: Path, *, passphrase: str, folder: Path) -> VerifiedBackup:
    """Unlock with the passphrase and check the database into a temporary file in `folder`."""
    header = bk.read_header(backup)
    bk.check_newer_schema(header)
    key = bk.unlock_backup(header, passphrase)
    folder = bk.ensure_folder(folder, doing="den återställda filen")
    bk.remove_stale_temps(folder, bk.RESTORE_TEMP)
    try:
        fd, name = _mkstemp(folder, backup.name)
    except OSError as exc:
        raise bk.folder_error(exc, folder, doing="den återställda filen") from None
    os.close(fd)
    verified = VerifiedBackup(header, key, Path(name), schema_version="")
    try:
        make_owner_only(verified.temp)
        bk.extract_database(header, verified.temp)
        verified.schema_version = bk.check_database(verified.temp, key)
    except OSError as exc:
        verified.discard()
        raise bk.folder_error(exc, folder, doing="den återställda filen") from None
    except BaseException:
        verified.discard()
        raise
    return verified


def _mkstemp(folder: Path, name: str) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=bk.temp_prefix(bk.RESTORE_TEMP, name), suffix=".tmp", dir=folder)


def restore_backup(
    backup: Path,
    target: Path,
    *,
    passphrase: str,
    force: bool = False,
    use_keyring: bool = True,
    now: datetime | None = None,
) -> RestoreResult:
    """Verify `backup`, then place it at `target` (see the module docstring)."""
    header = bk.read_header(backup)
    check_restore_target(target, header, force=force)
    verified = verify_backup(backup, passphrase=passphrase, folder=target.parent)
    try:
        return place_restore(verified, target=target, force=force, use_keyring=use_keyring, now=now)
    finally:
        verified.discard()


def place_restore(
    verified: VerifiedBackup,
    *,
    target: Path,
    force: bool,
    use_keyring: bool = True,
    now: datetime | None = None,
) -> RestoreResult:
    """Move what is at `target` aside, then put the verified copy and its key file there."""
    check_restore_target(target, verified.header, force=force)
    moved: list[tuple[Path, Path]] = []
    key_path = key_file_path(target)
    wrote_key = False
    try:
        kept = _keep_current(target, now or datetime.now(), moved) if _exists(target) else None
        in_keyring = _write_key_file(verified, key_path, use_keyring=use_keyring)
        wrote_key = True
        os.replace(verified.temp, target)
        make_owner_only(target)
        fsync_dir(target.parent)
    except BaseException as exc:
        if wrote_key:
            with contextlib.suppress(OSError):
                key_path.unlink()
        for src, dst in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(dst, src)
        if isinstance(exc, OSError):
            raise bk.folder_error(exc, target.parent, doing="den återställda filen") from None
        raise
    return RestoreResult(target, kept, in_keyring, verified.schema_version, verified.header.created)


def kept_name(target: Path, now: datetime) -> Path:
    """`NAME.before-restore-YYYYMMDD-HHMMSS`, with -2, -3 … if that is taken."""
    base = f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}"
    kept, n = target.with_name(base), 2
    while _exists(kept):
        kept, n = target.with_name(f"{base}-{n}"), n + 1
    return kept


def _keep_current(target: Path, now: datetime, moved: list[tuple[Path, Path]]) -> Path:
    """Rename the caseload, its -wal/-shm and its key file to the kept name."""
    kept = kept_name(target, now)
    pairs = [(target, kept), (key_file_path(target), key_file_path(kept))]
    pairs += [
        (target.with_name(target.name + s), kept.with_name(kept.name + s)) for s in _COMPANIONS
    ]
    for src, dst in pairs:
        if src.exists():
            os.rename(src, dst)
            moved.append((src, dst))
    return kept


def _write_key_file(verified: VerifiedBackup, path: Path, *, use_keyring: bool) -> bool:
    """The restored key file: the backup's passphrase slot, and a fresh keyring slot if
    the keyring works here. Returns whether the keyring slot was stored."""
    from sigdesk.store.keystore import KeyFile

    slots = {"passphrase": dict(verified.header.passphrase_slot)}
    key_file = KeyFile(path=path, caseload_id=verified.header.caseload_id, slots=slots)
    in_keyring = False
    if use_keyring:
        try:
            _keyring_slot(key_file, verified.data_key)
            in_keyring = True
        except KeyringUnavailableError:
            in_keyring = False
    try:
        key_file.save(overwrite=False)
    except FileExistsError:
        raise BackupTargetError(f"Det finns redan en nyckelfil på {path}.") from None
    return in_keyring


def _keyring_slot(key_file: keystore.KeyFile, data_key: bytes) -> None:
    """A keyring slot for the restored file.

    When the keyring already holds a wrapping key for this caseload id (the original
    is still on this computer, or a copy restored earlier), that key is reused, so the
    original keeps opening without the passphrase; otherwise a new one is stored.
    """
    from sigdesk.store import keystore

    secret = keystore._keyring_get(key_file.caseload_id)
    try:
        wrapping = bytes.fromhex(secret) if secret is not None else b""
    except ValueError:
        wrapping = b""
    if len(wrapping) != keystore.DATA_KEY_BYTES:
        key_file.set_keyring(data_key)
        return
    key_file.slots["keyring"] = keystore._seal(wrapping, data_key, key_file._aad("keyring"))
