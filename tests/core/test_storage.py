"""The window's first open: unlock and read the list with plain SQL, the ORM after."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from sigdesk import demo
from sigdesk.caseload_list import caseload_rows as raw_rows
from sigdesk.clock import Clock
from sigdesk.context import AppContext, NotOpenError
from sigdesk.overview import caseload_rows
from sigdesk.settings import Settings
from sigdesk.store import keystore
from sigdesk.store import open as storage
from sigdesk.store.db import SCHEMA_HEAD, Caseload
from tests.conftest import PASSPHRASE, TODAY
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_caseload(caseload: Caseload) -> Caseload:
    with caseload.session_scope() as s:
        demo.build(s, youths=40, seed=3, today=TODAY)
    return caseload


def test_read_list_equals_the_list_the_services_read(demo_caseload: Caseload) -> None:
    path = demo_caseload.path
    key = storage.unlock(path)
    first = storage.read_list(path, key, today=TODAY, warning_days=7)
    with demo_caseload.session_scope() as s:
        later = caseload_rows(s, today=TODAY, warning_days=7)
    assert first is not None and len(first) == 40
    assert first == later
    assert {r.deadline.status for r in first if r.deadline} >= {"forsenat", "ok"}


def test_read_list_waits_for_an_older_schema(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    """An older file is not read raw: the full open backs it up and upgrades it first."""
    from sigdesk.store import db
    from sigdesk.store.migrate import upgrade

    path = tmp_path / "gammal.sigdesk"
    key, _ = keystore.create_key_file(path, PASSPHRASE, kdf=keystore.KdfParams(8192, 1, 1))
    path.touch(mode=0o600)
    engine = db._make_engine(path, key, create=True, memory_security=False)
    with engine.begin() as conn:
        upgrade(conn, "0001")
    engine.dispose()
    before = path.read_bytes()
    assert storage.read_list(path, key, today=TODAY, warning_days=7) is None
    assert path.read_bytes() == before
    ctx = AppContext(path, Settings(), clock=Clock(TODAY))
    assert ctx.open_list() is None
    with ctx.session_scope() as s:  # the first unit of work finishes the open: upgraded
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    ctx.close()


def test_open_list_then_the_first_unit_of_work_opens_the_orm(caseload_path: Path) -> None:
    ctx = AppContext(caseload_path, Settings(), clock=Clock(TODAY))
    assert ctx.open_list() == []
    assert ctx.is_open and ctx.caseload is None
    with ctx.session_scope() as s:
        assert caseload_rows(s, today=TODAY) == []
    assert ctx.caseload is not None
    ctx.close()
    assert not ctx.is_open
    with pytest.raises(NotOpenError):
        ctx.finish_open()


def test_the_first_list_needs_no_sqlalchemy(caseload_path: Path, tmp_path: Path) -> None:
    """What the window shows first is read before the ORM is imported (SPEC §9 start)."""
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from sigdesk.store import open as storage\n"
        "p = Path(sys.argv[1])\n"
        "key = storage.unlock(p, passphrase=sys.argv[2])\n"
        "rows = storage.read_list(p, key, today=date(2026, 11, 22), warning_days=7)\n"
        "print(rows, sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic', 'PySide6')))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", script, str(caseload_path), PASSPHRASE],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[] []"


def test_remember_in_keyring_reports_a_refused_keyring(
    caseload_path: Path, use_keyring: object
) -> None:
    from tests.keyrings import PlaintextKeyring

    use_keyring(PlaintextKeyring())  # type: ignore[operator]
    key = storage.unlock(caseload_path, passphrase=PASSPHRASE)
    note = storage.remember_in_keyring(caseload_path, key)
    assert note is not None and "klartext" in note


def test_raw_rows_in_a_session_transaction(demo_caseload: Caseload) -> None:
    """The services reach the same SQL through their session's DB-API connection."""
    with demo_caseload.session_scope() as s:
        conn = s.connection().connection.driver_connection
        assert raw_rows(conn, today=TODAY) == caseload_rows(s, today=TODAY)
