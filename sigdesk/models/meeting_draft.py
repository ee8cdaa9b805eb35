"""Mötesutkast: what has been typed in a running meeting, autosaved inside the caseload.

One row per meeting (the unfinished run of it), as JSON text. It lives in the
encrypted file, never in a plaintext temp file, and goes when the meeting is held
or deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.models.base import Base, UTCDateTime, utcnow


class MeetingDraft(Base):
    __tablename__ = "meeting_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), unique=True
    )
    payload: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
