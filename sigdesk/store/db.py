"""The open caseload through SQLAlchemy: engine, sessions, migration on open, backup, check.

Connections come from `sigdesk.store.dbfile.connect` (keyed, WAL, `synchronous = FULL`);
this module adds the engine, the unit of work, and the schema rules: an older file
is copied and upgraded, a newer one is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from sigdesk.errors import (
    CaseloadExistsError,
    DiskFullError,
    NewerSchemaError,
    NotACaseloadError,
    SigdeskError,
    UnlockError,
)
from sigdesk.store import dbfile
from sigdesk.store.dbfile import SCHEMA_HEAD
from sigdesk.store.fileutil import (
    full_disk_reported,
    is_disk_full,
    make_owner_only,
    make_private_dir,
)

__all__ = ["SCHEMA_HEAD", "Caseload", "CheckReport", "check_caseload", "open_caseload"]

log = logging.getLogger(__name__)


def _set_sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the driver, emit BEGIN (pysqlite's documented recipe; the
    connections are made in autocommit mode by `dbfile.connect`)."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


def _make_engine(path: Path, key: bytes, *, create: bool, memory_security: bool) -> Engine:
    engine = create_engine(
        "sqlite://",
        creator=lambda: dbfile.connect(path, key, create=create, memory_security=memory_security),
        module=sqlcipher3,
        poolclass=NullPool if create else None,
    )
    _set_sqlite_transactions(engine)
    return engine


@dataclass
class Caseload:
    """An open caseload: its engine and the session factory services use."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    #: The data key, for a backup's keyed copy (sigdesk.store.backup); never shown or logged.
    key: bytes = field(default=b"", repr=False, compare=False)

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            with contextlib.suppress(DBAPIError):
                session.rollback()
            if isinstance(exc, sqlcipher3.Error):  # raw DB-API work (sigdesk.caseload_list)
                exc = DBAPIError(None, None, exc)
            honest = work_error(exc, self.path) if isinstance(exc, DBAPIError) else None
            if honest is not None:
                raise honest from exc
            raise
        finally:
            session.close()

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def close(self) -> None:
        self.engine.dispose()


def work_error(exc: DBAPIError, path: Path) -> SigdeskError | None:
    """The user's words for an SQLite error during work, or None for a programming error:
    a full disk, or a page that cannot be read (SQLITE_CORRUPT, SQLITE_NOTADB)."""
    if is_disk_full(exc, path.parent):
        return DiskFullError("ändringen sparades inte")
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (dbfile.SQLITE_CORRUPT, dbfile.SQLITE_NOTADB):
        return dbfile.damaged_error(path)
    return None


def _current_revision(conn: Connection) -> str | None:
    return dbfile.current_revision(conn.connection.driver_connection)


def _known_revisions() -> set[str]:
    from sigdesk.store.migrate import script_directory

    return {rev.revision for rev in script_directory().walk_revisions()}


def create_caseload_file(path: Path, key: bytes, *, memory_security: bool = False) -> None:
    """Create a new, empty, migrated caseload; refuses if any file is at `path`."""
    if path.exists():
        raise CaseloadExistsError(f"Det finns redan en fil på {path}; den skrivs inte över.")
    try:
        make_private_dir(path.parent)
        with full_disk_reported(path.parent, "ärendefilen kan inte skapas"):
            path.touch(mode=0o600, exist_ok=False)
    except OSError as exc:
        raise CaseloadExistsError(f"Kan inte skapa ärendefilen ({exc.strerror}).") from exc
    make_owner_only(path)
    engine = _make_engine(path, key, create=True, memory_security=memory_security)
    try:
        from sigdesk.store.migrate import upgrade

        with full_disk_reported(path.parent, "ärendefilen kan inte skapas"), engine.begin() as conn:
            upgrade(conn)
    finally:
        engine.dispose()


def open_caseload(
    path: Path,
    key: bytes,
    *,
    backup_before_upgrade: bool = True,
    memory_security: bool = False,
    allow_upgrade: bool = True,
) -> Caseload:
    """Open an existing caseload, migrating it if it is older than this app.

    Nothing is written unless the key is right and the schema is one this version
    knows; an older schema is copied to a backup before it is upgraded.

    `memory_security` (SQLCipher's `cipher_memory_security`: mlock and wipe of every
    allocation) is off by default. Measured here on a 2,000-youth caseload it makes
    the "Att göra" queries 5–10× slower (30 ms → 470 ms for the deadline overview,
    worse the longer the process runs) and bulk writes 5× slower, which breaks the
    SPEC §9 budgets; and it protects only SQLite's freed buffers while the same
    decrypted case data lives in Python objects and Qt models that no pragma wipes.
    The file, the WAL and the keys are unaffected by this setting.

    Without `allow_upgrade` (another process holds the caseload) an older schema is
    refused instead of upgraded under that process's feet.
    """
    dbfile.check_file_shape(path)
    engine = _make_engine(path, key, create=False, memory_security=memory_security)
    try:
        with engine.connect() as conn:
            revision = _current_revision(conn)
        if revision != SCHEMA_HEAD and not allow_upgrade:
            raise UnlockError(
                "Ärendefilen behöver uppgraderas, men den är öppen i ett annat sigdesk-fönster.",
                hint="Stäng det andra fönstret och försök igen.",
            )
        if revision != SCHEMA_HEAD:
            with full_disk_reported(path.parent, "ärendefilen kan inte uppgraderas"):
                _upgrade_existing(path, engine, revision, backup=backup_before_upgrade)
    except DatabaseError as exc:
        engine.dispose()
        raise dbfile.open_error(exc.orig or exc, path) from None
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Caseload(path=path, engine=engine, sessions=sessions, key=key)


def _upgrade_existing(path: Path, engine: Engine, revision: str | None, *, backup: bool) -> None:
    if revision is not None and revision not in _known_revisions():
        raise NewerSchemaError(
            "Ärendefilen är skapad av en nyare version av sigdesk.",
            hint="Uppdatera sigdesk; filen har inte ändrats.",
        )
    if revision is None:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
        if tables:
            raise NotACaseloadError("Databasen är inte en sigdesk-ärendefil (okänt schema).")
    if backup and revision is not None:
        backup_copy(path, engine, label=f"fore-uppgradering-{revision}")
    from sigdesk.store.migrate import upgrade

    with engine.begin() as conn:
        upgrade(conn)


def backup_copy(path: Path, engine: Engine, *, label: str) -> Path:
    """Copy the (checkpointed, still encrypted) caseload beside itself, owner-only."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    # Made owner-only from the first byte (a copy would take the umask's mode first).
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, path.open("rb") as src:
        shutil.copyfileobj(src, out)
    make_owner_only(target)
    log.info("backup written before upgrade")
    return target


@dataclass(frozen=True)
class CheckReport:
    schema_version: str | None
    cipher_problems: list[str]
    integrity_problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.cipher_problems and not self.integrity_problems


def check_caseload(caseload: Caseload) -> CheckReport:
    """Run SQLCipher's page HMAC check, then SQLite's integrity check.

    A page too damaged to read makes SQLite raise instead of reporting; that is
    recorded as a problem, not an error, so `check` can say what it found.
    """
    with caseload.engine.connect() as conn:
        version = _current_revision(conn)
        cipher = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
        try:
            integrity = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        except DatabaseError as exc:
            integrity = [str(exc.orig)]
    integrity = [line for line in integrity if line != "ok"]
    return CheckReport(version, cipher, integrity)
