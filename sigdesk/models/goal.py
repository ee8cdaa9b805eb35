"""Mål: a goal of the åtgärdsplan, in one livsområde, in the youth's own words too."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import LifeArea, PlanStatus
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow


class Goal(Base):
    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"), index=True)
    life_area: Mapped[LifeArea] = mapped_column(str_enum(LifeArea, "life_area"))
    current_situation: Mapped[str] = mapped_column(Text, default="")  # nuläge
    own_words: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[PlanStatus] = mapped_column(
        str_enum(PlanStatus, "goal_status"), default=PlanStatus.ONGOING
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
