"""`sigdesk check`: name the damaged pages of a caseload, read-only.

The check keys a read-only connection and asks SQLCipher to verify every page's HMAC
(`PRAGMA cipher_integrity_check`) *before* anything is read, so a damaged first page or
schema page is named instead of failing the open. SQLite's `integrity_check` and the
schema version follow where the file can still be read. Nothing is written: the
connection is opened with `mode=ro`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from sigdesk.store import dbfile

_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)
#: Shown of a long `integrity_check` answer; a damaged page makes SQLite list many.
_MAX_LINES = 20


@dataclass(frozen=True)
class CheckReport:
    """What `check_file` found. `damaged_pages` are the pages whose HMAC fails."""

    pages: int
    schema_version: str | None
    youths: int | None
    damaged_pages: list[int] = field(default_factory=list)
    cipher_problems: list[str] = field(default_factory=list)
    integrity_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.cipher_problems and not self.integrity_problems

    @property
    def no_page_fits(self) -> bool:
        """Every page fails: the first page's salt is damaged, or the key is another file's."""
        return self.pages > 0 and len(self.damaged_pages) >= self.pages

    def summary(self, path: Path) -> str:
        """One Swedish line for the command line (and the window) when not `ok`."""
        advice = "Filen har inte ändrats. Återställ en säkerhetskopia."
        if self.no_page_fits:
            return (
                f"Skada hittad i {path}: ingen av de {self.pages} sidorna stämmer med nyckeln; "
                "filens första sida (saltet) är skadad, eller nyckelfilen hör till en annan "
                f"ärendefil. {advice}"
            )
        if self.damaged_pages:
            count = len(self.damaged_pages)
            pages = ", ".join(str(p) for p in self.damaged_pages[:10])
            more = f" och {count - 10} till" if count > 10 else ""
            word = "sida" if count == 1 else "sidorna"
            return (
                f"Skada hittad i {path}: {word} {pages}{more} av {self.pages} kan inte läsas "
                f"(kontrollsumman stämmer inte). {advice}"
            )
        first = (self.cipher_problems + self.integrity_problems)[0].replace("\n", " ")
        return f"Skada hittad i {path}: {first[:200]}. {advice}"


def pages_named(lines: list[str]) -> list[int]:
    """The page numbers in SQLCipher's or SQLite's check output, sorted, once each."""
    return sorted({int(n) for line in lines for n in _PAGE.findall(line)})


def _damage_or_raise(exc: sqlcipher3.DatabaseError, path: Path) -> str:
    """The text of an error that means damage; any other (a full disk, an I/O error) is
    raised as what it is, since it says nothing about the file."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (dbfile.SQLITE_CORRUPT, dbfile.SQLITE_NOTADB):
        return str(exc)
    raise dbfile.open_error(exc, path) from None


def _rows(conn: Any, sql: str, path: Path) -> list[str]:
    """The text rows of a check pragma; a damage error becomes one problem line."""
    try:
        return [str(row[0]) for row in conn.execute(sql)]
    except sqlcipher3.DatabaseError as exc:
        return [f"{sql.removeprefix('PRAGMA ')}: {_damage_or_raise(exc, path)}"]


def _readable_facts(conn: Any, path: Path) -> tuple[str | None, int | None, list[str]]:
    """(schema version, youths, integrity problems) as far as the file can be read."""
    problems = [line for line in _rows(conn, "PRAGMA integrity_check", path) if line != "ok"]
    try:
        version = dbfile.current_revision(conn)
        youths = conn.execute("SELECT count(*) FROM youth").fetchone()[0]
    except sqlcipher3.DatabaseError as exc:
        _damage_or_raise(exc, path)
        if not problems:
            problems.append(str(exc))
        return None, None, problems
    return version, int(youths), problems[:_MAX_LINES]


def check_file(path: Path, key: bytes) -> CheckReport:
    """Check the caseload at `path` with its data key; never writes to it."""
    dbfile.check_file_shape(path)
    pages = path.stat().st_size // dbfile.PAGE_SIZE
    conn = dbfile.keyed(path, key, mode="ro")
    try:
        cipher = _rows(conn, "PRAGMA cipher_integrity_check", path)
        damaged = pages_named(cipher)
        version: str | None = None
        youths: int | None = None
        integrity: list[str] = []
        if not damaged or len(damaged) < pages:
            version, youths, integrity = _readable_facts(conn, path)
    finally:
        conn.close()
    return CheckReport(
        pages=pages,
        schema_version=version,
        youths=youths,
        damaged_pages=damaged,
        cipher_problems=cipher,
        integrity_problems=integrity,
    )
