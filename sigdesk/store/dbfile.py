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

from pathlib import Path
from typing import Any

import sqlcipher3

from sigdesk.errors import (
    NoCaseloadError,
    NotACaseloadError,
    TruncatedFileError,
    WrongKeyOrDamagedError,
)
from sigdesk.store.fileutil import make_owner_only

PAGE_SIZE = 4096  # SQLCipher 4 default
SQLITE_HEADER = b"SQLite format 3\x00"
#: The newest migration this version knows; a test checks it equals Alembic's head.
SCHEMA_HEAD = "0003"

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


def connect(path: Path, key: bytes, *, create: bool = False, memory_security: bool = False) -> Any:
    """A keyed, configured sqlcipher3 connection (autocommit: the caller emits BEGIN).

    `memory_security` is SQLCipher's `cipher_memory_security`; see `sigdesk.store.db.open_caseload`
    for why it is off by default.
    """
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except sqlcipher3.DatabaseError:
        raise wrong_key_or_damaged() from None
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
        # The first read: a wrong key or a damaged first page fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        for suffix in ("-wal", "-shm"):
            make_owner_only(path.with_name(path.name + suffix))
    except sqlcipher3.DatabaseError:
        conn.close()
        raise wrong_key_or_damaged() from None
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
