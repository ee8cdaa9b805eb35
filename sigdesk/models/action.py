"""Åtgärd: what someone does, for a goal or one of its sub-goals, and by when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import PlanStatus
from sigdesk.models.base import Base, str_enum


class Action(Base):
    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    subgoal_id: Mapped[int | None] = mapped_column(
        ForeignKey("subgoal.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    responsible_actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="SET NULL")
    )
    responsible_person: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(
        str_enum(PlanStatus, "action_status"), default=PlanStatus.ONGOING
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The meeting where it was agreed (meeting mode); None when added in the plan.
    agreed_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
