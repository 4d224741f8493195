"""The profile's own policy tables, inside its database (migration 0012, table ``policy_tables``).

A county's policy table (低保标准 … of one region code) is one row here: its value rows as canonical
JSON (the cells of the shipped CSV format, ``rules.policy_format.PolicyRow.cells``), where it came
from (``local``: imported on this profile from an Excel sheet; ``office``: received from the town
office in a bundle, with the office's name, device id, fingerprint and when it arrived), and a
version raised at every write. A region whose table was removed (``policy reset``) keeps its row
with ``removed`` true and no value rows: the office's removal then travels like any deletion, and
:func:`stamp` keeps growing, so a cache keyed by it is never fooled.

Being in the database, the tables are encrypted with the profile, copied by its backups and brought
back by a restore. Reading and writing only: the services check the rows (``rules``) and decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base

LOCAL, OFFICE = "local", "office"


class PolicyTableRow(Base):
    """One region's table as the profile uses it (or its removal, ``removed`` true)."""

    __tablename__ = "policy_tables"

    region: Mapped[str] = mapped_column(String(6), primary_key=True)
    value_rows: Mapped[str] = mapped_column(Text)  # JSON list of row cells (text, file form)
    removed: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(16))  # local | office
    office_name: Mapped[str | None] = mapped_column(Text, default=None)
    office_device: Mapped[str | None] = mapped_column(String(64), default=None)
    office_fingerprint: Mapped[str | None] = mapped_column(String(32), default=None)
    received_at: Mapped[str | None] = mapped_column(String(32), default=None)
    changed_at: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)


@dataclass(frozen=True, slots=True)
class StoredTable:
    region: str
    value_rows: str
    removed: bool
    source: str
    office_name: str | None
    office_device: str | None
    office_fingerprint: str | None
    received_at: str | None
    changed_at: str
    version: int


@dataclass(frozen=True, slots=True)
class FromOffice:
    """Where a table received in a bundle came from."""

    name: str
    device: str
    fingerprint: str
    received_at: str


def _of(row: PolicyTableRow) -> StoredTable:
    return StoredTable(row.region, row.value_rows, row.removed, row.source, row.office_name, row.office_device,
                       row.office_fingerprint, row.received_at, row.changed_at, row.version)


def tables(session: Session, *, with_removed: bool = False) -> list[StoredTable]:
    """Every region's stored table, by region code (removed ones too, when asked)."""
    query = sa.select(PolicyTableRow).order_by(PolicyTableRow.region)
    if not with_removed:
        query = query.where(PolicyTableRow.removed.is_(False))
    return [_of(row) for row in session.scalars(query)]


_TABLE = PolicyTableRow.__table__
_STAMP = sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(_TABLE.c.version), 0)).select_from(_TABLE)  # (Core:
# asking it configures no ORM mapper — 0.1 s of a screening's process that uses none)


def stamp(bind: Session | sa.Connection) -> tuple[int, int]:
    """(rows, sum of versions): changes whenever any table is written or removed (asked at every
    use of the tables: one statement, built once)."""
    count, total = bind.execute(_STAMP).one()
    return int(count), int(total)


def put(session: Session, region: str, value_rows: str, *, now: str, office: FromOffice | None = None) -> None:
    """Store ``region``'s table (replacing what was there): the profile's own, or the office's."""
    row = session.get(PolicyTableRow, region)
    if row is None:
        row = PolicyTableRow(region=region, version=0)
        session.add(row)
    row.value_rows, row.removed, row.changed_at, row.version = value_rows, False, now, row.version + 1
    row.source = OFFICE if office else LOCAL
    row.office_name = office.name if office else None
    row.office_device = office.device if office else None
    row.office_fingerprint = office.fingerprint if office else None
    row.received_at = office.received_at if office else None
    session.flush()


def remove(session: Session, region: str, *, now: str, office: FromOffice | None = None) -> bool:
    """Remove ``region``'s table (back to the shipped one); False when it had none."""
    row = session.get(PolicyTableRow, region)
    if row is None or row.removed:
        return False
    row.value_rows, row.removed, row.changed_at, row.version = "[]", True, now, row.version + 1
    row.source = OFFICE if office else LOCAL
    row.office_name = office.name if office else None
    row.office_device = office.device if office else None
    row.office_fingerprint = office.fingerprint if office else None
    row.received_at = office.received_at if office else None
    session.flush()
    return True
