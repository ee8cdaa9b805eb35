"""Indexes under two foreign keys that deleting a youth follows

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 13:20:00

Deleting a youth (gallring, a youth entered by mistake, after a handover) cascades to
its meetings and guardians. For each deleted meeting SQLite sets `action.agreed_at_meeting_id`
to NULL, and for each deleted guardian it deletes the guardian's `attendance` rows; without
an index each of those is a scan of the whole table. Measured on the 2,000-youth demo
caseload: gallring of 500 youths took 450 s without these indexes.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_action_agreed_at_meeting_id"), "action", ["agreed_at_meeting_id"])
    op.create_index(op.f("ix_attendance_guardian_id"), "attendance", ["guardian_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_attendance_guardian_id"), table_name="attendance")
    op.drop_index(op.f("ix_action_agreed_at_meeting_id"), table_name="action")
