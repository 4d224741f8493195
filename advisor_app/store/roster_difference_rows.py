"""The table of roster differences (migration 0016; the queries are :mod:`.roster_differences`)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RosterDifferenceRow(Base):
    __tablename__ = "roster_differences"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id_number: Mapped[str] = mapped_column(String(18))  # "" for the household's own fields
    member_name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(64))
    existing: Mapped[str] = mapped_column(Text)  # JSON
    roster: Mapped[str] = mapped_column(Text)  # JSON
    source: Mapped[str] = mapped_column(Text)  # the roster's file name, as the import was given it
    created_at: Mapped[str] = mapped_column(String(32))
    resolved_at: Mapped[str | None] = mapped_column(String(32), default=None)
    choice: Mapped[str | None] = mapped_column(String(16), default=None)  # accepted | rejected

    __table_args__ = (Index("ix_roster_differences_household", "household_id", "member_id_number", "field"),)
