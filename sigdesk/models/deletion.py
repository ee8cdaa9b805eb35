"""Raderingslogg: that a youth was deleted, when and why, and nothing that says who.

The event log is a youth's own chronology and goes with the youth (its rows reference
the youth and cascade). What stays after a deletion is one row here per deleted youth,
not linked to any youth and holding no name, personnummer or id: the worker (and an
audit) can see that and when youths were deleted, never whom. `cleaned_at` is set once
the file has been rewritten (VACUUM) after the deletion; a row without it means the
secure clean-up is still due (an interrupted gallring is finished by the next one).
Triggers from migration 0006 refuse a DELETE, and an UPDATE of anything but `cleaned_at`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import DeletionReason
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow


class YouthDeletion(Base):
    __tablename__ = "youth_deletion"
    __table_args__ = (Index("ix_youth_deletion_cleaned_at", "cleaned_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[DeletionReason] = mapped_column(str_enum(DeletionReason, "deletion_reason"))
    cleaned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
