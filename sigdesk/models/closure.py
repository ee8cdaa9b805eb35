"""Avslut: why and when one SIG period ended, and the follow-up after closure.

A youth has one row per ended SIG period (SPEC §2: a closed youth can be reopened, and the old
period stays in the history). `started_on` is the period's start, `reopened_on` the day a new
period began after it; the open closure of a closed youth is the one not reopened.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import ClosureReason, FollowupOutcome
from sigdesk.models.base import Base, str_enum

if TYPE_CHECKING:
    from sigdesk.models.youth import Youth


class Closure(Base):
    __tablename__ = "closure"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"), index=True)
    started_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[ClosureReason] = mapped_column(str_enum(ClosureReason, "closure_reason"))
    comment: Mapped[str] = mapped_column(Text, default="")
    followup_on: Mapped[date | None] = mapped_column(Date)
    followup_done_on: Mapped[date | None] = mapped_column(Date)
    followup_result: Mapped[FollowupOutcome | None] = mapped_column(
        str_enum(FollowupOutcome, "followup_outcome")
    )
    followup_comment: Mapped[str] = mapped_column(Text, default="")
    reopened_on: Mapped[date | None] = mapped_column(Date)
    reopen_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    youth: Mapped[Youth] = relationship(back_populates="closures")
