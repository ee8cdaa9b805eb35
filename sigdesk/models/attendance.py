"""Närvaro: one participant's attendance at a meeting (youth, a guardian or an actor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import AttendanceStatus, ParticipantKind
from sigdesk.models.base import Base, str_enum

if TYPE_CHECKING:
    from sigdesk.models.meeting import Meeting


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (
        CheckConstraint(
            "(participant = 'aktor') = (actor_id IS NOT NULL)"
            " AND (participant = 'vardnadshavare') = (guardian_id IS NOT NULL)",
            name="participant_ref",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    participant: Mapped[ParticipantKind] = mapped_column(
        str_enum(ParticipantKind, "participant_kind")
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="RESTRICT"))
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardian.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus, "attendance_status")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
