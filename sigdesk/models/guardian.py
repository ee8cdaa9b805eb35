"""Vårdnadshavare: a guardian of a youth."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sigdesk.models.base import Base

if TYPE_CHECKING:
    from sigdesk.models.youth import Youth


class Guardian(Base):
    __tablename__ = "guardian"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    has_custody: Mapped[bool] = mapped_column(Boolean, default=True)

    youth: Mapped[Youth] = relationship(back_populates="guardians")
