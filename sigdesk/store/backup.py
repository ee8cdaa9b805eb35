"""Encrypted backups of the caseload, and their verified restore (SPEC §7).

A backup is one self-contained file:

    MAGIC (16 bytes) · format (u32, big-endian) · header length (u32) · header · database

The header is UTF-8 JSON: when and by which sigdesk it was made, the schema version,
the caseload id, the key file's *passphrase* slot (the data key under Argon2id and
AES-GCM, as in the key file), and the database's size and SHA-256. The database is
the caseload's SQLCipher file under its own data key, from one read snapshot (writers
on other connections carry on; the copy is consistent): normally its encrypted bytes
as they are on disk, read while SQLite guarantees that the file cannot change
(sigdesk.store.snapshot); when that guarantee cannot be had (another connection was
committing at that moment), page by page through SQLite's online backup API from the
open, keyed connection. Either way it is written once, hashed on the way, and synced.
The keyring slot is left out: it is of no use on another computer; the passphrase
alone restores.

Restore verifies before it places anything: the passphrase opens the slot, the
database is written to a temporary file beside the target and checked
(`cipher_integrity_check`, `integrity_check`, a schema this version knows); only then
is an existing target moved aside (`NAME.before-restore-YYYYMMDD-HHMMSS`, never
deleted) and the new file and key file put in its place.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sigdesk import __version__
from sigdesk.config import CASELOAD_SUFFIX, KEY_FILE_SUFFIX, key_file_path
from sigdesk.errors import (
    BackupDamagedError,
    BackupFolderError,
    BackupNewerError,
    BackupTargetError,
    DiskFullError,
    NotABackupError,
    SigdeskError,
)
from sigdesk.store.fileutil import _place_new, fsync_dir, is_stale_temp, make_owner_only

if TYPE_CHECKING:
    from sigdesk.store.db import Caseload
    from sigdesk.store.snapshot import HashedWriter

log = logging.getLogger(__name__)

MAGIC = b"SIGDESK-BACKUP\n\x00"
BACKUP_FORMAT = 1
BACKUP_SUFFIX = ".sigdesk-backup"
_PREFIX = struct.Struct(">16sII")
_MAX_HEADER = 1 << 20
#: Bytes kept for the header, so it can be written after the database it describes.
HEADER_ROOM = 4096
_CHUNK = 1 << 20
#: Temporary files, in the target's folder: removed at the next backup/restore there.
BACKUP_TEMP = ".sigdesk-backup-"
RESTORE_TEMP = ".sigdesk-restore-"
_SIDECAR = re.compile(r"-(wal|shm|journal)$")


@dataclass(frozen=True)
class BackupHeader:
    """What a backup says about itself; read without the passphrase."""

    path: Path
    format: int
    created: datetime
    app_version: str
    schema_version: str | None
    caseload_id: str
    passphrase_slot: dict[str, Any]
    db_offset: int
    db_size: int
    db_sha256: str


# --- errors the file system gives --------------------------------------------------------


def folder_error(exc: OSError, folder: Path, *, doing: str) -> SigdeskError:
    """A Swedish message for a failed write into `folder` (full, read-only, missing)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"{doing} kunde inte skrivas till {folder}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupFolderError(
            f"Mappen {folder} är skrivskyddad: {doing} kunde inte skrivas.",
            hint="Välj en annan mapp.",
        )
    return BackupFolderError(f"{doing.capitalize()} kunde inte skrivas till {folder} ({exc}).")


def ensure_folder(folder: Path, *, doing: str) -> Path:
    """Create `folder` owner-only (0700, whatever the umask) if it is missing."""
    try:
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for new in reversed(missing):
            new.mkdir(mode=0o700)
            os.chmod(new, 0o700)
        if not folder.is_dir():
            raise BackupFolderError(f"{folder} är inte en mapp.")
    except OSError as exc:
        raise folder_error(exc, folder, doing=doing) from None
    return folder


def remove_stale_temps(folder: Path, prefix: str) -> None:
    """Remove what a killed backup or restore left in `folder`: ours only (by name), and
    only what no running writer will finish (`fileutil.is_stale_temp`), so a backup
    running in another process into the same folder keeps its temporary file."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{prefix}*"):
            main = leftover.with_name(_SIDECAR.sub("", leftover.name))
            if is_stale_temp(main) or (main != leftover and not main.exists()):
                with contextlib.suppress(OSError):
                    leftover.unlink()


def temp_prefix(prefix: str, name: str) -> str:
    """`.sigdesk-backup-NAME.PID.`: the writer's PID tells a leftover from a live write."""
    return f"{prefix}{name}.{os.getpid()}."


@contextlib.contextmanager
def _temp_file(folder: Path, prefix: str, name: str) -> Iterator[Path]:
    """An owner-only temporary file in `folder`; removed on exit unless renamed away."""
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(prefix, name), suffix=".tmp", dir=folder)
    os.close(fd)
    path = Path(tmp)
    make_owner_only(path)
    try:
        yield path
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(tmp + suffix).unlink()


# --- the target of a backup --------------------------------------------------------------


def is_caseload_or_key_file(path: Path) -> bool:
    """A caseload beside its key file, a key file, or one of a caseload's -wal/-shm files."""
    name = path.name
    if name.endswith(CASELOAD_SUFFIX + KEY_FILE_SUFFIX):
        return True
    for suffix in ("-wal", "-shm"):
        if name.endswith(suffix):
            path = path.with_name(name[: -len(suffix)])
    return path.exists() and key_file_path(path).exists()


def check_backup_target(out: Path, caseload: Path, *, force: bool) -> None:
    """Refuse the caseload and its key file always, an existing file without `force`."""
    from sigdesk.store.outputs import is_caseload_file

    target = out.resolve()
    protected = {caseload.resolve(), key_file_path(caseload).resolve()}
    # The one rule of sigdesk/store/outputs.py too: lock and journal files, *.sigdesk names.
    if (
        target in protected
        or is_caseload_or_key_file(target)
        or is_caseload_file(out, protect=[caseload])
    ):
        raise BackupTargetError(
            f"{out} är en ärendefil eller en nyckelfil; en säkerhetskopia skrivs aldrig över den.",
            hint="Välj ett annat filnamn.",
        )
    if target.is_dir():
        raise BackupTargetError(f"{out} är en mapp.", hint="Ange ett filnamn för kopian.")
    if target.exists() and not force:
        raise BackupTargetError(
            f"Filen finns redan: {out}.",
            hint="Välj ett annat namn (eller --force för att ersätta).",
        )


# --- making a backup ---------------------------------------------------------------------


def make_backup(
    caseload: Caseload, *, out: Path, force: bool = False, now: datetime | None = None
) -> BackupHeader:
    """Write an encrypted backup of the open caseload to `out` (atomically, 0600)."""
    from sigdesk.store import keystore
    from sigdesk.store.snapshot import HashedWriter

    check_backup_target(out, caseload.path, force=force)
    key_file = keystore.load_key_file(caseload.path)
    folder = ensure_folder(out.parent, doing="säkerhetskopian")
    remove_stale_temps(folder, BACKUP_TEMP)
    created = (now or datetime.now(UTC)).astimezone(UTC)
    header = {
        "format": BACKUP_FORMAT,
        "created": created.isoformat(timespec="seconds"),
        "app_version": __version__,
        "caseload_id": key_file.caseload_id,
        "passphrase_slot": key_file.slots["passphrase"],
    }
    try:
        with _temp_file(folder, BACKUP_TEMP, out.name) as tmp:
            with tmp.open("wb") as fh:
                fh.write(bytes(_PREFIX.size + HEADER_ROOM))
                sink = HashedWriter(fh)
                header["schema_version"] = _copy_database(caseload, sink, folder, out.name)
                _write_header(fh, header | {"db_size": sink.size, "db_sha256": sink.hexdigest()})
                fh.flush()
                os.fsync(fh.fileno())
            make_owner_only(tmp)
            _place(tmp, out, force=force)
        fsync_dir(folder)
    except OSError as exc:
        raise folder_error(exc, folder, doing="säkerhetskopian") from None
    return read_header(out)


def _copy_database(caseload: Caseload, sink: HashedWriter, folder: Path, name: str) -> str | None:
    """The database into `sink`, from one snapshot; returns its schema version."""
    from sigdesk.store.snapshot import copy_encrypted_file, online_copy

    copied = copy_encrypted_file(caseload, sink)
    if copied is not None:
        log.debug("backup: the encrypted file copied from a snapshot")
        return copied.schema_version
    log.info("backup: through the online backup API (no unchanging snapshot of the file)")
    with _temp_file(folder, BACKUP_TEMP, name) as db_copy:
        revision = online_copy(caseload, db_copy)
        with db_copy.open("rb") as src:
            sink.copy_from(src)
    return revision


def _write_header(fh: IO[bytes], header: dict[str, Any]) -> None:
    """The header, into the room kept for it at the start of the file."""
    raw = json.dumps(header).encode("utf-8")
    if len(raw) > HEADER_ROOM:
        raise BackupTargetError("Nyckelfilens lösenfrasdel är för stor för en kopia.")
    fh.seek(0)
    fh.write(_PREFIX.pack(MAGIC, BACKUP_FORMAT, HEADER_ROOM))
    fh.write(raw.ljust(HEADER_ROOM, b" "))


def _place(tmp: Path, out: Path, *, force: bool) -> None:
    if force:
        os.replace(tmp, out)
        return
    try:
        _place_new(str(tmp), out)
    except FileExistsError:
        raise BackupTargetError(f"Filen finns redan: {out}.") from None


# --- reading a backup --------------------------------------------------------------------


def _damaged(detail: str) -> BackupDamagedError:
    return BackupDamagedError(
        f"Säkerhetskopian är skadad eller avkortad ({detail}).",
        hint="Välj en annan säkerhetskopia; inget har ändrats.",
    )


def _newer() -> BackupNewerError:
    return BackupNewerError(
        "Säkerhetskopian är gjord av en nyare version av sigdesk.",
        hint="Uppdatera sigdesk och försök igen; inget har ändrats.",
    )


def read_header(path: Path) -> BackupHeader:
    """The header of the backup at `path`, checked against the file's size."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            prefix = fh.read(_PREFIX.size)
            if len(prefix) < _PREFIX.size:
                raise _damaged("för kort") if MAGIC.startswith(prefix[:16]) and prefix else _not()
            magic, fmt, length = _PREFIX.unpack(prefix)
            if magic != MAGIC:
                raise _not()
            if fmt > BACKUP_FORMAT:
                raise _newer()
            if fmt < 1 or length > _MAX_HEADER:
                raise _damaged("okänt huvud")
            raw = fh.read(length)
    except FileNotFoundError:
        raise NotABackupError(f"Det finns ingen säkerhetskopia på {path}.") from None
    except IsADirectoryError:
        raise NotABackupError(f"{path} är en mapp, inte en säkerhetskopia.") from None
    except OSError as exc:
        raise NotABackupError(f"Säkerhetskopian kan inte läsas ({exc.strerror}).") from None
    if len(raw) < length:
        raise _damaged("huvudet är avkortat")
    header = _parse_header(path, fmt, raw, offset=_PREFIX.size + length)
    if size != header.db_offset + header.db_size:
        raise _damaged(f"{size} byte i stället för {header.db_offset + header.db_size}")
    return header


def _not() -> NotABackupError:
    return NotABackupError("Filen är inte en sigdesk-säkerhetskopia.")


def _parse_header(path: Path, fmt: int, raw: bytes, *, offset: int) -> BackupHeader:
    try:
        doc = json.loads(raw.decode("utf-8"))
        schema = doc["schema_version"]
        slot = doc["passphrase_slot"]
        if not isinstance(slot, dict) or not (schema is None or isinstance(schema, str)):
            raise ValueError("bad slot or schema")
        header = BackupHeader(
            path=path,
            format=fmt,
            created=datetime.fromisoformat(str(doc["created"])),
            app_version=str(doc["app_version"]),
            schema_version=schema,
            caseload_id=str(doc["caseload_id"]),
            passphrase_slot=slot,
            db_offset=offset,
            db_size=int(doc["db_size"]),
            db_sha256=str(doc["db_sha256"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _damaged("huvudet kan inte läsas") from None
    if header.db_size <= 0 or header.created.tzinfo is None:
        raise _damaged("huvudet kan inte läsas")
    return header


def unlock_backup(header: BackupHeader, passphrase: str) -> bytes:
    """The data key, from the backup's own passphrase slot."""
    from sigdesk.errors import KeyFileDamagedError, WrongPassphraseError
    from sigdesk.store.keystore import KeyFile

    slot = {"passphrase": dict(header.passphrase_slot)}
    key_file = KeyFile(path=header.path, caseload_id=header.caseload_id, slots=slot)
    try:
        return key_file.open_with_passphrase(passphrase)
    except WrongPassphraseError:
        raise WrongPassphraseError(
            "Fel lösenfras för säkerhetskopian.",
            hint="Ange lösenfrasen som gällde när kopian gjordes; inget har ändrats.",
        ) from None
    except KeyFileDamagedError:
        raise _damaged("nyckeldelen är skadad") from None


def known_schema(revision: str | None) -> bool:
    from sigdesk.store.db import _known_revisions

    return revision is not None and revision in _known_revisions()


def check_newer_schema(header: BackupHeader) -> None:
    if header.schema_version is not None and not known_schema(header.schema_version):
        raise _newer()


def extract_database(header: BackupHeader, target: Path) -> None:
    """Copy the backup's database bytes to `target`, checking size and SHA-256."""
    digest = hashlib.sha256()
    left = header.db_size
    with header.path.open("rb") as src, target.open("wb") as dst:
        src.seek(header.db_offset)
        while left > 0:
            chunk = src.read(min(_CHUNK, left))
            if not chunk:
                break
            digest.update(chunk)
            dst.write(chunk)
            left -= len(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if left or digest.hexdigest() != header.db_sha256:
        raise _damaged("kontrollsumman stämmer inte")


def check_database(path: Path, key: bytes) -> str:
    """Both integrity checks and the schema version of a restored copy; returns it."""
    import sqlcipher3

    from sigdesk.store import dbfile

    try:
        conn = dbfile.connect(path, key)
    except SigdeskError:
        raise _damaged("databasen kan inte öppnas") from None
    try:
        revision = dbfile.current_revision(conn)
        if revision is None:
            raise _damaged("ingen ärendefil i kopian")
        if not known_schema(revision):
            raise _newer()
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        problems += [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlcipher3.DatabaseError:
        raise _damaged("databasen kan inte läsas") from None
    finally:
        conn.close()
    problems = [p for p in problems if p != "ok"]
    if problems:
        raise _damaged(f"{len(problems)} fel vid integritetskontrollen")
    return revision
