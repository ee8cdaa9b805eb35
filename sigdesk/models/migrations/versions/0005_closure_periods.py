"""Avslut: several SIG periods per youth, the follow-up after closure recorded

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 12:00:00

A youth can be reopened (SPEC §2), so `closure.youth_id` is no longer unique; each closure
row is one ended period, with the period's start (`started_on`, backfilled from the youth's
start date) and the day a new period began after it (`reopened_on`). The follow-up after
closure gets the day it was done, a coded outcome and a comment (the former, never written,
`followup_outcome` text column becomes that comment).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OUTCOMES = ("ingen_ny_misstanke", "ny_misstanke", "annan_insats", "placerad", "flyttat", "ej_nadd")


def upgrade() -> None:
    with op.batch_alter_table("closure", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_closure_youth_id"), type_="unique")
        batch_op.create_index(batch_op.f("ix_closure_youth_id"), ["youth_id"], unique=False)
        batch_op.add_column(sa.Column("started_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("followup_done_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "followup_result",
                sa.Enum(*_OUTCOMES, name="followup_outcome", native_enum=False, length=32),
                nullable=True,
            )
        )
        batch_op.alter_column(
            "followup_outcome", new_column_name="followup_comment", existing_type=sa.Text()
        )
        batch_op.add_column(sa.Column("reopened_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("reopen_note", sa.Text(), nullable=False, server_default=""))
    op.execute(
        "UPDATE closure SET started_on = (SELECT y.start_date FROM youth y"
        " WHERE y.id = closure.youth_id AND y.start_date <= closure.closed_on)"
    )


def downgrade() -> None:
    with op.batch_alter_table("closure", schema=None) as batch_op:
        batch_op.drop_column("reopen_note")
        batch_op.drop_column("reopened_on")
        batch_op.alter_column(
            "followup_comment", new_column_name="followup_outcome", existing_type=sa.Text()
        )
        batch_op.drop_column("followup_result")
        batch_op.drop_column("followup_done_on")
        batch_op.drop_column("started_on")
        batch_op.drop_index(batch_op.f("ix_closure_youth_id"))
        batch_op.create_unique_constraint(batch_op.f("uq_closure_youth_id"), ["youth_id"])
