"""The encrypted file: RELIABILITY rows 1 (database files), 2, 11 and 12."""

from __future__ import annotations

import os
import sqlite3
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.errors import (
    NewerSchemaError,
    NotACaseloadError,
    TruncatedFileError,
    WrongKeyOrDamagedError,
)
from sigdesk.models import Youth
from sigdesk.store import keystore
from sigdesk.store.db import Caseload, check_caseload, open_caseload
from sigdesk.store.dbfile import PAGE_SIZE, SCHEMA_HEAD
from sigdesk.store.open import open_caseload as unlock_and_open
from tests.conftest import PASSPHRASE, TODAY, sha256


def test_file_is_encrypted_and_cipher_version_checked(caseload: Caseload) -> None:
    """RELIABILITY 2: no SQLite header; SQLCipher 4 answers on the open connection."""
    assert not caseload.path.read_bytes()[:16].startswith(b"SQLite format 3")
    with caseload.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_pragmas_on_every_connection(caseload: Caseload) -> None:
    with caseload.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("cipher_memory_security") == "0"  # off by default: see db.open_caseload


def test_canaries_never_in_database_files(caseload: Caseload) -> None:
    """RELIABILITY 1 for the database, -wal and -shm files (UTF-8 and UTF-16)."""
    canaries = [str(uuid.uuid4()), "Åsa-Östen Ärlig", "201001019806"]
    with caseload.session_scope() as s:
        for i in range(50):
            changes = add_youth(
                s, YouthData(canaries[0] if i == 0 else f"Ung{i}", canaries[1]), today=TODAY
            )
            add_guardian(s, changes.created_id or 0, GuardianData(canaries[1]))
        s.get(Youth, 2).personnummer = canaries[2]  # type: ignore[union-attr]
    for suffix in ("", "-wal", "-shm"):
        path = caseload.path.with_name(caseload.path.name + suffix)
        if not path.exists():
            continue
        data = path.read_bytes()
        for canary in canaries:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert canary.encode(encoding) not in data, (suffix, canary, encoding)


def test_session_scope_rolls_back(caseload: Caseload) -> None:
    with pytest.raises(RuntimeError), caseload.session_scope() as s:
        add_youth(s, YouthData("Ska", "Bort"), today=TODAY)
        raise RuntimeError("mitt i")
    with caseload.session_scope() as s:
        assert s.scalars(select(Youth)).all() == []


def test_committed_write_survives_a_new_open(caseload_path: Path) -> None:
    first = unlock_and_open(caseload_path)
    with first.session_scope() as s:
        add_youth(s, YouthData("Kvar", "Efteråt"), today=TODAY)
    # no close(): the process could die here; a second connection must see the row
    second = unlock_and_open(caseload_path)
    with second.session_scope() as s:
        assert s.scalars(select(Youth.first_name)).all() == ["Kvar"]
    first.close()
    second.close()


def test_wrong_raw_key(caseload_path: Path) -> None:
    before = sha256(caseload_path)
    with pytest.raises(WrongKeyOrDamagedError) as info:
        open_caseload(caseload_path, os.urandom(32))
    assert "Fel nyckel eller skadad fil" in info.value.message
    assert sha256(caseload_path) == before


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")


def _truncate(size: int):  # type: ignore[no-untyped-def]
    def make(path: Path, original: bytes) -> None:
        path.write_bytes(original[:size])

    return make


BAD_FILES = {
    "empty": (lambda p, o: p.write_bytes(b""), NotACaseloadError),
    "100 bytes": (_truncate(100), TruncatedFileError),
    "n pages minus 2": (_truncate(2 * PAGE_SIZE - 2), TruncatedFileError),
    "plain sqlite": (lambda p, o: (p.unlink(), _plain_sqlite(p)), NotACaseloadError),
    "docx renamed": (lambda p, o: (p.unlink(), _docx(p)), NotACaseloadError),
    "random bytes": (lambda p, o: p.write_bytes(os.urandom(len(o))), WrongKeyOrDamagedError),
    "first page flipped": (
        lambda p, o: p.write_bytes(o[:100] + bytes(b ^ 0xFF for b in o[100:200]) + o[200:]),
        WrongKeyOrDamagedError,
    ),
    "one page": (_truncate(PAGE_SIZE), WrongKeyOrDamagedError),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_files_get_their_own_message(caseload_path: Path, case: str) -> None:
    """RELIABILITY 11: each its own clear error; the file's sha256 unchanged."""
    make, error = BAD_FILES[case]
    original = caseload_path.read_bytes()
    make(caseload_path, original)
    before = sha256(caseload_path)
    with pytest.raises(error) as info:
        unlock_and_open(caseload_path, passphrase=PASSPHRASE)
    assert info.value.message
    assert sha256(caseload_path) == before
    siblings = {p.name for p in caseload_path.parent.iterdir()}
    assert siblings == {caseload_path.name, keystore.key_file_path(caseload_path).name}


def test_damaged_middle_page_found_by_check(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        for i in range(300):
            add_youth(s, YouthData(f"Ung{i}", "Testsson", notes="x" * 500), today=TODAY)
    path = caseload.path
    caseload.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 10 * PAGE_SIZE
    data[5 * PAGE_SIZE + 300] ^= 0x55
    path.write_bytes(bytes(data))
    opened = unlock_and_open(path, passphrase=PASSPHRASE)
    report = check_caseload(opened)
    opened.close()
    assert not report.ok
    assert any("6" in line or "page" in line.lower() for line in report.cipher_problems)


def test_newer_schema_refused_without_a_write(caseload: Caseload) -> None:
    """RELIABILITY 12."""
    with caseload.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with caseload.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = caseload.path
    caseload.close()
    before = {p.name: sha256(p) for p in path.parent.iterdir()}
    with pytest.raises(NewerSchemaError):
        unlock_and_open(path, passphrase=PASSPHRASE)
    assert {p.name: sha256(p) for p in path.parent.iterdir()} == before


def test_check_reports_schema_version(caseload: Caseload) -> None:
    report = check_caseload(caseload)
    assert report.ok
    assert report.schema_version == SCHEMA_HEAD
