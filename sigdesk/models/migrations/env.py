"""Alembic environment: only ever runs over a connection handed in by sigdesk.store.migrate."""

from __future__ import annotations

from alembic import context

from sigdesk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "sigdesk migrations run only through sigdesk.store.migrate (keyed connection)"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
