"""Uppföljning: the status of one goal, sub-goal or action as followed up at a meeting.

The sequence of follow-ups is the plan's history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import PlanStatus
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow


class FollowUp(Base):
    __tablename__ = "followup"
    __table_args__ = (
        CheckConstraint(
            "(goal_id IS NOT NULL) + (subgoal_id IS NOT NULL) + (action_id IS NOT NULL) = 1",
            name="one_target",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), index=True
    )
    subgoal_id: Mapped[int | None] = mapped_column(
        ForeignKey("subgoal.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[PlanStatus] = mapped_column(str_enum(PlanStatus, "followup_status"))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
