"""Ungdom: a youth in the caseload, with intake, decision and court link."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import DecisionKind, DomTiming, Gender, Track, YouthStatus
from sigdesk.models.base import Base, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from sigdesk.models.closure import Closure
    from sigdesk.models.guardian import Guardian

DEFAULT_INTERVAL_DAYS = 35
MIN_INTERVAL_DAYS = 7


class Youth(Base):
    __tablename__ = "youth"
    __table_args__ = (
        CheckConstraint(
            f"meeting_interval_days BETWEEN {MIN_INTERVAL_DAYS} AND {DEFAULT_INTERVAL_DAYS}",
            name="interval_range",
        ),
        CheckConstraint(
            "personnummer IS NULL OR length(personnummer) = 12", name="personnummer_12"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    personnummer: Mapped[str | None] = mapped_column(String(12), unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(str_enum(Gender, "gender"), default=Gender.UNKNOWN)
    track: Mapped[Track] = mapped_column(str_enum(Track, "track"), default=Track.YOUTH)
    school: Mapped[str] = mapped_column(String(200), default="")
    stadsdel: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[YouthStatus] = mapped_column(
        str_enum(YouthStatus, "youth_status"), default=YouthStatus.PROPOSED, index=True
    )
    proposed_by: Mapped[str] = mapped_column(String(200), default="")
    assessment_date: Mapped[date | None] = mapped_column(Date)
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_kind: Mapped[DecisionKind | None] = mapped_column(
        str_enum(DecisionKind, "decision_kind")
    )
    court_statement: Mapped[bool] = mapped_column(Boolean, default=False)  # yttrande
    dom_date: Mapped[date | None] = mapped_column(Date)
    dom_timing: Mapped[DomTiming | None] = mapped_column(str_enum(DomTiming, "dom_timing"))
    start_date: Mapped[date | None] = mapped_column(Date)
    meeting_interval_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_INTERVAL_DAYS)
    overall_goal: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="youth", cascade="all, delete-orphan", order_by="Guardian.id"
    )
    closures: Mapped[list[Closure]] = relationship(
        back_populates="youth",
        cascade="all, delete-orphan",
        order_by="[Closure.closed_on, Closure.id]",
    )

    @property
    def closure(self) -> Closure | None:
        """The closure of the current period: the latest one not followed by a reopening."""
        if self.closures and self.closures[-1].reopened_on is None:
            return self.closures[-1]
        return None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
