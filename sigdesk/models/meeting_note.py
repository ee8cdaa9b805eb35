"""Anteckning: the notes taken under one agenda item of a meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.models.base import Base

if TYPE_CHECKING:
    from sigdesk.models.meeting import Meeting


class MeetingNote(Base):
    __tablename__ = "meeting_note"
    __table_args__ = (UniqueConstraint("meeting_id", "item", name="meeting_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    item: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="notes")
