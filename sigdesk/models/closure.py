"""Avslut: why and when a youth's SIG ended, and the follow-up after closure."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import ClosureReason
from sigdesk.models.base import Base, str_enum

if TYPE_CHECKING:
    from sigdesk.models.youth import Youth


class Closure(Base):
    __tablename__ = "closure"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"), unique=True)
    closed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[ClosureReason] = mapped_column(str_enum(ClosureReason, "closure_reason"))
    comment: Mapped[str] = mapped_column(Text, default="")
    followup_on: Mapped[date | None] = mapped_column(Date)
    followup_outcome: Mapped[str] = mapped_column(Text, default="")

    youth: Mapped[Youth] = relationship(back_populates="closure")
