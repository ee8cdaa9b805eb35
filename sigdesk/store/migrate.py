"""Alembic, run from inside the package over an already-keyed connection.

The connection is passed through `config.attributes`; no URL (and so no key) is ever
given to Alembic. Migrations live in `sigdesk/models/migrations/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).parent.parent / "models" / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the keyed connection's schema up to `revision`."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
