"""Delmål: a step towards a goal, with a target date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import PlanStatus
from sigdesk.models.base import Base, str_enum


class SubGoal(Base):
    __tablename__ = "subgoal"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(
        str_enum(PlanStatus, "subgoal_status"), default=PlanStatus.ONGOING
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
