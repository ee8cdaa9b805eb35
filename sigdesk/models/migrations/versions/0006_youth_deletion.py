"""Raderingslogg: a caseload-level row per deleted youth, with no name

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 12:30:00

A deleted youth's own event log goes with it (its rows reference the youth); what
stays is one row here: when, why (felregistrerad, gallrad, överlämnad) and whether the
file has been rewritten since (`cleaned_at`, set after the VACUUM). Append-only, like
the event log: no DELETE, and no UPDATE but of `cleaned_at`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    """CREATE TRIGGER youth_deletion_no_update BEFORE UPDATE ON youth_deletion
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.reason IS NOT OLD.reason
BEGIN SELECT RAISE(ABORT, 'deletion log is append-only'); END""",
    """CREATE TRIGGER youth_deletion_no_delete BEFORE DELETE ON youth_deletion
BEGIN SELECT RAISE(ABORT, 'deletion log is append-only'); END""",
)


def upgrade() -> None:
    op.create_table(
        "youth_deletion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "felregistrerad",
                "gallrad",
                "overlamnad",
                name="deletion_reason",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cleaned_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_youth_deletion")),
    )
    with op.batch_alter_table("youth_deletion", schema=None) as batch_op:
        batch_op.create_index("ix_youth_deletion_cleaned_at", ["cleaned_at"], unique=False)
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS youth_deletion_no_delete")
    op.execute("DROP TRIGGER IF EXISTS youth_deletion_no_update")
    with op.batch_alter_table("youth_deletion", schema=None) as batch_op:
        batch_op.drop_index("ix_youth_deletion_cleaned_at")
    op.drop_table("youth_deletion")
