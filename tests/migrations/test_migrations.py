"""The Alembic chain: linear, its head known to the app, and equal to the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from sigdesk.db import SCHEMA_HEAD, Caseload
from sigdesk.migrate import script_directory
from sigdesk.models import Base


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
