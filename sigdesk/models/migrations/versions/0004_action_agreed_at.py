"""Åtgärd: the meeting it was agreed at (the minutes' "Nya åtgärder")

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 08:00:00

Existing actions agreed at a meeting are found by the follow-up meeting mode wrote for
them ("Ny vid detta möte.").
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreed_at_meeting_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_action_agreed_at_meeting_id_meeting"),
            "meeting",
            ["agreed_at_meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(
        "UPDATE action SET agreed_at_meeting_id = ("
        " SELECT f.meeting_id FROM followup f"
        " WHERE f.action_id = action.id AND f.comment = 'Ny vid detta möte.'"
        " ORDER BY f.id LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_action_agreed_at_meeting_id_meeting"), type_="foreignkey"
        )
        batch_op.drop_column("agreed_at_meeting_id")
