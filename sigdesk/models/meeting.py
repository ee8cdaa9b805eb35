"""Nätverksmöte: a network meeting of a youth's network.

`starts_at` is a naive wall-clock time in Europe/Stockholm: a meeting "at 14:00 at the
school" stays at 14:00 whatever the UTC offset that day.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import MeetingStatus
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from sigdesk.models.attendance import Attendance
    from sigdesk.models.meeting_note import MeetingNote


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 1 AND 720", name="duration_range"),
        Index("ix_meeting_youth_status_start", "youth_id", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90)
    place: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    chair: Mapped[str] = mapped_column(String(200), default="")
    note_taker: Mapped[str] = mapped_column(String(200), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Attendance.id"
    )
    notes: Mapped[list[MeetingNote]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingNote.item"
    )
