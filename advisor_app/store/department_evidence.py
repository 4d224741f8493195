"""What other departments' lists say about people (migration 0015, tables ``department_sources`` and
``department_evidence``).

One source row per imported file and kind of list (残联, 医保, 监测, 养老, 就业): the file's name,
its SHA-256 and when it was imported. One evidence row per row of the list: its source and row
number, the kind, the person's ID number and name as the list gives them, the list's fields as
JSON, and the date or period the row is about. A row whose ID
number names a stored member carries that member and household; a row naming nobody stored is a
**lead** (线索: a person in need the advisor does not know yet) and is kept in the same table with
no member, so that the office can see the leads later and a household added afterwards finds its
evidence by its members' ID numbers (:func:`for_household`).

Evidence is only added: it never changes a member or a household (what an advisor recorded stays
as recorded). A file is known by its SHA-256: re-importing the same file adds nothing
(:func:`source` gives the rows already stored; a unique index on source and row number).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

CHUNK = 500  # ID numbers per query (well inside every database's limit on bound parameters)


class DepartmentSourceRow(Base):
    """One imported file of one kind of list: its name, SHA-256 and when it was first imported."""

    __tablename__ = "department_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ux_department_sources_file", "sha256", "kind", unique=True),)


class DepartmentEvidenceRow(Base):
    """One row of an imported list (a lead when ``member_id`` is None)."""

    __tablename__ = "department_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("department_sources.id", ondelete="CASCADE"))
    row_number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), default=None)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), default=None)
    fields: Mapped[str] = mapped_column(Text)  # JSON object: field name → value
    on_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    period: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ux_department_evidence_row", "source_id", "row_number", unique=True),
        Index("ix_department_evidence_household", "household_id"),
        Index("ix_department_evidence_id_number", "id_number"),
    )


_T = DepartmentEvidenceRow.__table__
_S = DepartmentSourceRow.__table__
COLUMNS = ("source_id", "row_number", "kind", "id_number", "name", "member_id", "household_id", "fields", "on_date",
           "period")
"""The columns of a row given to :func:`add`, in this order."""
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _members_and_households() -> tuple[sa.Table, sa.Table]:
    """The members and households tables (declared in :mod:`.models`, which imports this module)."""
    tables = Base.metadata.tables
    return tables["members"], tables["households"]


@dataclass(frozen=True, slots=True)
class StoredMember:
    member_id: str
    household_id: str
    name: str
    disability_kind: str | None
    disability_grade: int | None


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    id_number: str
    name: str
    member_id: str | None
    household_id: str | None
    fields: dict[str, object]
    on_date: dt.date | None
    period: str
    source_name: str
    source_sha256: str
    row_number: int
    imported_at: str


def _live_members(m: sa.Table, h: sa.Table) -> sa.Select[tuple[object, ...]]:
    return (sa.select(m.c.id_number, m.c.id, m.c.household_id, m.c.name, m.c.disability_kind, m.c.disability_grade)
            .join(h, h.c.id == m.c.household_id).where(m.c.deleted_at.is_(None), h.c.deleted_at.is_(None)))


def _stored(rows: Iterable[Any], out: dict[str, StoredMember]) -> dict[str, StoredMember]:
    for number, mid, hid, name, kind, grade in rows:
        out.setdefault(number, StoredMember(mid, hid, name, kind, grade))
    return out


def members_by_id_number(conn: sa.Connection, id_numbers: Iterable[str]) -> dict[str, StoredMember]:
    """The live members (of live households) with these ID numbers, one query per :data:`CHUNK`
    (a number in two households: the first by household id)."""
    m, h = _members_and_households()
    wanted = list(dict.fromkeys(id_numbers))
    out: dict[str, StoredMember] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start:start + CHUNK]
        _stored(conn.execute(_live_members(m, h).where(m.c.id_number.in_(part))
                             .order_by(m.c.id_number, m.c.household_id)), out)
    return out


def live_member_count(conn: sa.Connection) -> int:
    m, h = _members_and_households()
    return int(conn.execute(sa.select(sa.func.count()).select_from(_live_members(m, h).subquery())).scalar() or 0)


def all_members_by_id_number(conn: sa.Connection) -> dict[str, StoredMember]:
    """Every live member by ID number, as :func:`members_by_id_number` gives them, in one query (for
    a list longer than the profile has people: one read instead of a query per chunk)."""
    m, h = _members_and_households()
    return _stored(conn.execute(_live_members(m, h).order_by(m.c.id_number, m.c.household_id)), {})


def source(conn: sa.Connection, kind: str, name: str, sha256: str, imported_at: str, *, create: bool = True
           ) -> tuple[int | None, set[int]]:
    """The file's source id (made when missing and ``create``) and the row numbers of it already stored."""
    found = conn.execute(sa.select(_S.c.id).where(_S.c.sha256 == sha256, _S.c.kind == kind)).scalar()
    if found is not None:
        return int(found), set(conn.execute(sa.select(_T.c.row_number).where(_T.c.source_id == found)).scalars())
    if not create:
        return None, set()
    made = conn.execute(sa.insert(DepartmentSourceRow).values(kind=kind, name=name, sha256=sha256,
                                                               imported_at=imported_at)).inserted_primary_key
    assert made is not None
    return int(made[0]), set()


_DAY = COLUMNS.index("on_date")


def _dated(rows: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """The rows with ``on_date`` as a date (given as ISO text)."""
    return [(*r[:_DAY], dt.date.fromisoformat(day), *r[_DAY + 1:]) if isinstance(day := r[_DAY], str) else r
            for r in rows]


def add(conn: sa.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert evidence rows (tuples of :data:`COLUMNS`, ``fields`` already JSON text, ``on_date`` ISO
    text such as 2024-03-05 or None).

    Through the driver's own executemany (the rows are plain values of portable types): a list of
    100,000 rows spends no time building SQLAlchemy parameters. SQLite keeps a date as SQLAlchemy
    does, as ISO text: the rows go to it as they are."""
    if not rows:
        return
    style = conn.dialect.paramstyle
    if style not in _MARKS:
        add_portable(conn, rows)
        return
    sql = (f"INSERT INTO department_evidence ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join(_MARKS[style] for _ in COLUMNS)})")
    conn.exec_driver_sql(sql, list(rows) if conn.dialect.name == "sqlite" else _dated(rows))


def add_portable(conn: sa.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """The same through SQLAlchemy's insert (any database; the tests compare the two)."""
    if rows:
        conn.execute(sa.insert(DepartmentEvidenceRow), [dict(zip(COLUMNS, r, strict=True)) for r in _dated(rows)])


def _select() -> sa.Select[tuple[object, ...]]:
    return sa.select(_T, _S.c.name.label("source_name"), _S.c.sha256, _S.c.imported_at).join(
        _S, _S.c.id == _T.c.source_id)


def _evidence(r: sa.Row[tuple[object, ...]]) -> Evidence:
    return Evidence(r.kind, r.id_number, r.name, r.member_id, r.household_id, json.loads(r.fields),
                    r.on_date, r.period, r.source_name, r.sha256, r.row_number, r.imported_at)


def for_household(conn: sa.Connection, household_id: str) -> list[Evidence]:
    """Every list's rows about this household: matched to it when imported, and leads naming one of
    its live members' ID numbers (imported before the member was recorded); newest first."""
    m, _h = _members_and_households()
    numbers = sa.select(m.c.id_number).where(m.c.household_id == household_id, m.c.deleted_at.is_(None))
    rows = conn.execute(_select().where(sa.or_(
        _T.c.household_id == household_id,
        sa.and_(_T.c.member_id.is_(None), _T.c.id_number.in_(numbers))))
        .order_by(_S.c.imported_at.desc(), _T.c.kind, _T.c.row_number))
    return [_evidence(r) for r in rows]


def leads(conn: sa.Connection, kind: str | None = None, *, limit: int = 1000) -> list[Evidence]:
    """Rows that named nobody stored when imported and still name no live member."""
    m, h = _members_and_households()
    known = (sa.select(m.c.id_number).join(h, h.c.id == m.c.household_id)
             .where(m.c.deleted_at.is_(None), h.c.deleted_at.is_(None)))
    query = _select().where(_T.c.member_id.is_(None), _T.c.id_number.not_in(known))
    if kind is not None:
        query = query.where(_T.c.kind == kind)
    rows = conn.execute(query.order_by(_S.c.imported_at.desc(), _T.c.row_number).limit(limit))
    return [_evidence(r) for r in rows]


__all__ = ["CHUNK", "COLUMNS", "DepartmentEvidenceRow", "DepartmentSourceRow", "Evidence", "StoredMember", "add",
           "add_portable", "all_members_by_id_number", "for_household", "leads", "live_member_count",
           "members_by_id_number", "source"]
