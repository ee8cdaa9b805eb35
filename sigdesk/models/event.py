"""Händelselogg: the append-only chronology of a youth.

Triggers installed by the initial migration refuse any UPDATE, and any DELETE while
the youth still exists.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import EventKind
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_youth_at", "youth_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind, "event_kind"))
    summary: Mapped[str] = mapped_column(Text, default="")
