"""The Alembic chain: linear, its head known to the app, and equal to the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from sigdesk.models import Base
from sigdesk.store.db import SCHEMA_HEAD, Caseload
from sigdesk.store.migrate import script_directory


def test_chain_is_linear_and_head_is_known() -> None:
    scripts = script_directory()
    revisions = list(scripts.walk_revisions())
    assert scripts.get_heads() == [SCHEMA_HEAD]
    assert len(scripts.get_bases()) == 1
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple | list), f"merge point at {rev.revision}"
        assert len(rev.nextrev) <= 1, f"branch at {rev.revision}"


def test_upgraded_empty_file_equals_the_models(caseload: Caseload) -> None:
    """The template caseload was made by running every migration on an empty file."""
    with caseload.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_event_log_is_append_only(caseload: Caseload) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    from sigdesk.caseload import YouthData, add_youth
    from tests.conftest import TODAY

    with caseload.session_scope() as s:
        youth_id = add_youth(s, YouthData("Logg", "Testsson"), today=TODAY).created_id
    with pytest.raises(IntegrityError), caseload.engine.begin() as conn:
        conn.execute(text("UPDATE event SET summary = 'ändrad'"))
    with pytest.raises(IntegrityError), caseload.engine.begin() as conn:
        conn.execute(text("DELETE FROM event"))
    # deleting the youth (gallring) takes the youth's events with it
    with caseload.engine.begin() as conn:
        conn.execute(text("DELETE FROM youth WHERE id = :id"), {"id": youth_id})
    with caseload.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM event")).scalar() == 0


def test_old_file_is_backed_up_then_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A caseload at the first schema: copied beside itself (0600), then upgraded; data kept."""
    import os
    import stat

    from sigdesk.store import db
    from sigdesk.store.migrate import upgrade

    key = os.urandom(32)
    path = tmp_path / "gammal.sigdesk"
    path.touch(mode=0o600)
    engine = db._make_engine(path, key, create=True, memory_security=False)
    with engine.begin() as conn:
        upgrade(conn, "0001")
        conn.execute(
            text(
                "INSERT INTO youth (first_name, last_name, gender, track, school, stadsdel, status,"
                " proposed_by, court_statement, meeting_interval_days, notes, created_at,"
                " updated_at) VALUES ('Maja', 'Ek', 'flicka', 'sig_unga', '', '', 'forslag', '',"
                " 0, 35, '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    caseload = db.open_caseload(path, key)
    assert caseload.schema_version() == SCHEMA_HEAD
    with caseload.engine.connect() as conn:
        row = conn.execute(text("SELECT first_name, overall_goal FROM youth")).one()
    assert tuple(row) == ("Maja", "")
    caseload.close()
    backups = [p for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1 and "0001" in backups[0].name
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    old = db.open_caseload(backups[0], key, backup_before_upgrade=False)
    assert old.schema_version() == SCHEMA_HEAD  # the backup opens (and upgrades) too
    old.close()


def test_0005_keeps_a_closure_as_the_first_period(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A 0004 closure gets its period's start from the youth; a second period can be closed."""
    import os
    from datetime import date

    from sigdesk.caseload import close_youth
    from sigdesk.catalogues import ClosureReason
    from sigdesk.models import Youth
    from sigdesk.store import db
    from sigdesk.store.migrate import upgrade

    key = os.urandom(32)
    path = tmp_path / "period.sigdesk"
    path.touch(mode=0o600)
    engine = db._make_engine(path, key, create=True, memory_security=False)
    with engine.begin() as conn:
        upgrade(conn, "0004")
        conn.execute(
            text(
                "INSERT INTO youth (first_name, last_name, gender, track, school, stadsdel, status,"
                " proposed_by, court_statement, meeting_interval_days, notes, overall_goal,"
                " start_date, created_at, updated_at) VALUES ('Maja', 'Ek', 'flicka', 'sig_unga',"
                " '', '', 'avslutad', '', 0, 35, '', '', '2025-03-01', '2025-02-01 00:00:00',"
                " '2025-02-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO closure (youth_id, closed_on, reason, comment, followup_on,"
                " followup_outcome) VALUES (1, '2025-09-01', 'mal_uppfyllda', 'Klar', '2026-03-01',"
                " '')"
            )
        )
    engine.dispose()
    caseload = db.open_caseload(path, key, backup_before_upgrade=False)
    with caseload.session_scope() as s:
        youth = s.get(Youth, 1)
        assert youth is not None and youth.closure is not None
        first = youth.closure
        assert (first.started_on, first.closed_on, first.comment) == (
            date(2025, 3, 1),
            date(2025, 9, 1),
            "Klar",
        )
        assert (first.followup_result, first.followup_done_on, first.reopen_note) == (
            None,
            None,
            "",
        )
        first.reopened_on = date(2026, 1, 10)  # a second period began
        youth.start_date = date(2026, 1, 10)
        s.flush()
        assert youth.closure is None
        close_youth(
            s,
            1,
            closed_on=date(2026, 6, 1),
            reason=ClosureReason.HANDED_OVER,
            today=date(2026, 6, 2),
        )
    with caseload.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT started_on, closed_on, reason, reopened_on FROM closure ORDER BY id")
        ).all()
    caseload.close()
    assert [tuple(r) for r in rows] == [
        ("2025-03-01", "2025-09-01", "mal_uppfyllda", "2026-01-10"),
        ("2026-01-10", "2026-06-01", "overlamnad", None),
    ]
