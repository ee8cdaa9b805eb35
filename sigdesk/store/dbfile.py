"""The encrypted caseload file at the DB-API level: shape check, keyed connection, schema revision.

Every connection is keyed with the raw 256-bit data key as its first statement and
read right away, so a wrong key or a damaged first page fails at open, never later.

Durability: WAL journal with `synchronous = FULL`. In WAL mode a committed
transaction is in the `-wal` file before COMMIT returns, so an application crash
never loses it; FULL also fsyncs the WAL on every commit, so a power cut does not
either (NORMAL could lose the last commits on power loss). Writes here are human
paced, so the fsync per commit costs nothing a user notices. The `-wal` file is
encrypted by SQLCipher like the main file.

Nothing here imports SQLAlchemy: the window reads its first caseload list through a
connection from `connect` while the ORM (sigdesk.store.db) is still loading.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlcipher3

from sigdesk.errors import (
    CipherVersionError,
    DamagedCaseloadError,
    DiskFullError,
    DiskIOError,
    NoCaseloadError,
    NotACaseloadError,
    SigdeskError,
    TruncatedFileError,
    WrongKeyOrDamagedError,
)
from sigdesk.store.fileutil import SQLITE_IOERR, is_disk_full, make_owner_only

PAGE_SIZE = 4096  # SQLCipher 4 default
SQLITE_HEADER = b"SQLite format 3\x00"
#: The newest migration this version knows; a test checks it equals Alembic's head.
SCHEMA_HEAD = "0008"

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 5000",
)


def check_file_shape(path: Path) -> None:
    """Refuse, without opening it, a file that cannot be a caseload.

    SQLCipher would treat an empty file as a new database and write to it, and
    answer "file is not a database" for everything else; these checks give each
    case its own message and guarantee the file is not touched.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise NoCaseloadError(f"Det finns ingen ärendefil på {path}.") from None
    except OSError as exc:
        raise NotACaseloadError(f"Ärendefilen kan inte läsas ({exc.strerror}).") from exc
    if size == 0:
        raise NotACaseloadError("Ärendefilen är tom (0 byte).", hint="Återställ en säkerhetskopia.")
    if head == SQLITE_HEADER:
        raise NotACaseloadError("Filen är en okrypterad SQLite-databas, inte en sigdesk-ärendefil.")
    if head.startswith(b"PK\x03\x04"):
        raise NotACaseloadError(
            "Filen är ett zip-arkiv (t.ex. ett Word-dokument), inte en sigdesk-ärendefil."
        )
    if size % PAGE_SIZE:
        raise TruncatedFileError(
            f"Ärendefilen är avkortad ({size} byte, inte ett helt antal sidor).",
            hint="Återställ en säkerhetskopia.",
        )


def wrong_key_or_damaged() -> WrongKeyOrDamagedError:
    return WrongKeyOrDamagedError(
        "Fel nyckel eller skadad fil: ärendefilen kan inte läsas.",
        hint="Kontrollera att nyckelfilen hör till ärendefilen, eller återställ en säkerhetskopia.",
    )


_PAGE_NUMBER = re.compile(r"\bpage (\d+)", re.IGNORECASE)
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
#: The SQLCipher major version this file format needs.
CIPHER_MAJOR = "4."


def open_error(exc: BaseException, path: Path) -> SigdeskError:
    """What an SQLite error while opening or reading `path` means, for the user.

    A full disk and a disk I/O error are told apart from "wrong key or damaged": only
    SQLITE_NOTADB (and an unknown error) gets that message.
    """
    if is_disk_full(exc, path.parent):
        return DiskFullError("ärendefilen kan inte öppnas (den har inte ändrats)")
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == SQLITE_IOERR:
        return DiskIOError(
            "Ärendefilen kan inte läsas: disken svarar med ett in- eller utmatningsfel.",
            hint="Kontrollera disken (eller minnet/nätverket den sitter på) och försök igen.",
        )
    return wrong_key_or_damaged()


def hmac_failures(path: Path, key: bytes) -> list[int]:
    """The pages whose HMAC fails under `key` (SQLCipher's `cipher_integrity_check`,
    read-only; it reads no page through SQLite, so a damaged page 1 does not stop it)."""
    conn = keyed(path, key, mode="ro")
    try:
        lines = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    finally:
        conn.close()
    return sorted({int(n) for line in lines for n in _PAGE_NUMBER.findall(line)})


def _diagnosed(error: SigdeskError, path: Path, key: bytes) -> SigdeskError:
    """ "Wrong key or damaged" made precise: when only some pages fail their HMAC, the key
    is right and those pages are damaged (a wrong key fails every page)."""
    if type(error) is not WrongKeyOrDamagedError:
        return error
    try:
        pages = hmac_failures(path, key)
    except (SigdeskError, sqlcipher3.DatabaseError, OSError):
        return error
    if not pages or len(pages) >= path.stat().st_size // PAGE_SIZE:
        return error
    named = ", ".join(str(p) for p in pages[:10]) + (" …" if len(pages) > 10 else "")
    word = "sida" if len(pages) == 1 else "sidorna"
    return DamagedCaseloadError(
        f"Ärendefilen {path.name} är skadad: {word} {named} kan inte läsas "
        "(kontrollsumman stämmer inte); nyckeln är rätt.",
        hint="Filen har inte ändrats. Återställ en säkerhetskopia.",
    )


def damaged_error(path: Path) -> DamagedCaseloadError:
    return DamagedCaseloadError(
        f"Ärendefilen {path.name} är skadad: en sida kan inte läsas.",
        hint=f"Kör 'sigdesk check {path}' för att se vilka sidor; återställ en säkerhetskopia.",
    )


def check_cipher_version(conn: Any) -> str:
    """SQLCipher's version, refusing anything but 4.x (a plain sqlite3 answers nothing)."""
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    except sqlcipher3.DatabaseError:
        row = None
    version = str(row[0]) if row and row[0] else ""
    if not version.startswith(CIPHER_MAJOR):
        found = f"SQLCipher {version}" if version else "SQLite utan kryptering"
        raise CipherVersionError(
            f"Databasmodulen är inte SQLCipher 4 utan {found}; ärendefilen öppnas inte.",
            hint="Installera om sigdesk. Filen har inte ändrats.",
        )
    return version


def keyed(path: Path, key: bytes, *, mode: str) -> Any:
    """A connection keyed with the raw data key and nothing read yet (`mode`: ro, rw, rwc).

    `check` uses it read-only so that it can name damaged pages even where the first
    read would fail.
    """
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except sqlcipher3.DatabaseError as exc:
        raise open_error(exc, path) from None
    try:
        check_cipher_version(conn)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
    except BaseException:
        conn.close()
        raise
    return conn


def connect(path: Path, key: bytes, *, create: bool = False, memory_security: bool = False) -> Any:
    """A keyed, configured sqlcipher3 connection (autocommit: the caller emits BEGIN).

    `memory_security` is SQLCipher's `cipher_memory_security`; see `sigdesk.store.db.open_caseload`
    for why it is off by default.
    """
    conn = keyed(path, key, mode="rwc" if create else "rw")
    try:
        conn.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
        # The first read: a wrong key or a damaged first page fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        for suffix in ("-wal", "-shm"):
            make_owner_only(path.with_name(path.name + suffix))
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _diagnosed(open_error(exc, path), path, key) from None
    except BaseException:
        conn.close()
        raise
    return conn


def current_revision(conn: Any) -> str | None:
    """The Alembic revision stamped in the file, or None for a file without one."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])
