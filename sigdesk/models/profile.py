"""Mina uppgifter: the worker whose caseload this is (one row), printed on documents."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from sigdesk.catalogues import WorkerRole
from sigdesk.models.base import Base, str_enum


class WorkerProfile(Base):
    __tablename__ = "worker_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[WorkerRole] = mapped_column(str_enum(WorkerRole, "worker_role"))
    forvaltning: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
