"""Samtycke: consent to share information between the actors it names."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.catalogues import ConsentGiver
from sigdesk.models.actor import Actor
from sigdesk.models.base import Base, str_enum

consent_actor = Table(
    "consent_actor",
    Base.metadata,
    Column("consent_id", ForeignKey("consent.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ForeignKey("actor.id", ondelete="RESTRICT"), primary_key=True),
)


class Consent(Base):
    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(
            "(given_by = 'vardnadshavare') = (guardian_id IS NOT NULL)", name="guardian_giver"
        ),
        CheckConstraint("valid_until IS NULL OR valid_until >= signed_on", name="valid_after"),
        CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= signed_on", name="withdrawn_after"
        ),
        # Covers "does this consent count on the day" per youth (migration 0008).
        Index(
            "ix_consent_youth_validity",
            "youth_id",
            "signed_on",
            "valid_until",
            "withdrawn_on",
            "given_by",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"))
    given_by: Mapped[ConsentGiver] = mapped_column(str_enum(ConsentGiver, "consent_giver"))
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardian.id", ondelete="CASCADE"), index=True
    )
    signed_on: Mapped[date] = mapped_column(Date)
    form_version: Mapped[str] = mapped_column(String(50), default="")
    valid_until: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)

    actors: Mapped[list[Actor]] = relationship(secondary=consent_actor, order_by=Actor.id)
