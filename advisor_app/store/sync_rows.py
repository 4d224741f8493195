"""Many households' rows at once, as sync reads and writes them (sealing, export, import).

Reading one household at a time through the ORM costs five queries and the ORM's bookkeeping per
household; sealing 10,000 households that way took about 30 s. Here each table is read once per
500 households (:data:`~.sync_records.CHUNK`), through SQLAlchemy Core (types processed as the
ORM does: dates as ``datetime.date``, JSON decoded), and the domain objects are built with the
same :mod:`.convert` functions and in the same order as :func:`.households.load_household`, so a
household reads back identically by either path (tests compare them).

On SQLite the rows come through the driver's own cursor (:data:`DRIVER_CURSOR`), as plain tuples
given the same values as SQLAlchemy's types give them (JSON decoded, dates as ``datetime.date``,
booleans as ``bool``): SQLAlchemy's per-row result processing was a third of the read.

Sync states (``sync_records``) and marks of what went to a peer (``sync_sent``) are written with
one ``executemany`` per statement: new rows through :func:`.bulk.insert_rows` (the driver's
executemany on SQLite, ``COPY`` on PostgreSQL), changed ones through an UPDATE by primary key.
Nothing here holds ORM objects of those tables, so nothing in the session goes stale.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.household import Member, Need, Visit

from . import convert
from .bulk import insert_rows
from .engine import POSTGRESQL, SQLITE
from .models import HouseholdRow, MemberRow, NeedRow, VisitRow
from .sync_marks import marks_changed, marks_changed_for_records
from .sync_models import SyncRecordRow, SyncSentRow
from .sync_records import CHUNK, Key, StoredHead, archive_of

StateRow = tuple[str, str, str, str, str, str, int | None]
"""(kind, record id, household id, history, sealed values, heads, row version): a sync state."""

_STATE_COLUMNS = ["kind", "record_id", "household_id", "history", "sealed_values", "heads", "row_version"]


@dataclass(slots=True)
class Stored:
    """One household as sync reads it: its head (with live members and visits when it is live, as
    :func:`.households.load_household` gives them) and the version of every row, live or not."""

    head: StoredHead | None = None
    versions: dict[Key, int] = field(default_factory=dict)


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        yield wanted[start:start + CHUNK]


DRIVER_CURSOR = True
"""Read through the driver's cursor on SQLite (tests switch it off to run the portable path there)."""


def _json(text: str) -> Any:
    """A JSON column's value (most of them are empty lists: those without the decoder)."""
    return [] if text == "[]" else json.loads(text)


def _converters(table: sa.Table) -> list[tuple[int, Callable[[Any], Any]]]:
    """(column index, conversion) for the columns whose raw SQLite value is not what the type gives."""
    out: list[tuple[int, Callable[[Any], Any]]] = []
    for i, column in enumerate(table.columns):
        if isinstance(column.type, sa.JSON):
            out.append((i, _json))
        elif isinstance(column.type, sa.Date):
            out.append((i, dt.date.fromisoformat))
        elif isinstance(column.type, sa.Boolean):
            out.append((i, bool))
    return out


_ROW_TYPES: dict[str, Any] = {}


def _rows(conn: sa.Connection, table: sa.Table, column: str, part: list[str], order: Sequence[str]) -> Iterator[Any]:
    """The rows of ``table`` whose ``column`` is one of ``part``, in ``order``: objects with the
    columns as attributes and the values the column types give."""
    if not (DRIVER_CURSOR and conn.dialect.name == SQLITE):
        yield from conn.execute(sa.select(table).where(table.c[column].in_(part))
                                .order_by(*(table.c[c] for c in order)))
        return
    names = [c.name for c in table.columns]
    row_type: Any = _ROW_TYPES.get(table.name)
    if row_type is None:
        row_type = _ROW_TYPES[table.name] = namedtuple(f"{table.name}_row", names)
    fixes = _converters(table)
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"SELECT {', '.join(quote(c) for c in names)} FROM {quote(table.name)} "
           f"WHERE {quote(column)} IN ({', '.join('?' * len(part))}) ORDER BY {', '.join(quote(c) for c in order)}")
    make = row_type._make
    cursor: Iterable[Sequence[Any]] = conn.exec_driver_sql(sql, tuple(part)).cursor  # type: ignore[assignment]
    for raw in cursor:  # sqlite3's cursor yields plain tuples
        values = list(raw)
        for i, fix in fixes:
            if values[i] is not None:
                values[i] = fix(values[i])
        yield make(values)


def stored_households(session: Session, household_ids: Iterable[str]) -> dict[str, Stored]:
    """The households (known or not: an id without rows gives an empty :class:`Stored`)."""
    session.flush()
    conn = session.connection()
    h, m, v, n = (cast(sa.Table, t.__table__) for t in (HouseholdRow, MemberRow, VisitRow, NeedRow))
    out: dict[str, Stored] = {}
    for part in _chunks(household_ids):
        for hid in part:
            out[hid] = Stored()
        members: dict[str, list[Member]] = {}
        for row in _rows(conn, m, "household_id", part, ("household_id", "position", "id")):
            out[row.household_id].versions[("member", row.id)] = row.version
            if row.deleted_at is None:
                members.setdefault(row.household_id, []).append(convert.member_from(row))
        needs: dict[str, list[Need]] = {}
        for row in _rows(conn, n, "household_id", part, ("household_id", "position", "id")):
            out[row.household_id].versions[("need", row.id)] = row.version
            if row.deleted_at is None:
                needs.setdefault(row.visit_id, []).append(Need(row.category, row.description, row.status, row.id))
        visits: dict[str, list[Visit]] = {}
        for row in _rows(conn, v, "household_id", part, ("household_id", "date", "created_at", "id")):
            out[row.household_id].versions[("visit", row.id)] = row.version
            if row.deleted_at is None:
                visits.setdefault(row.household_id, []).append(Visit(
                    type=row.type, date=row.date, investigators=list(row.investigators), notes=row.notes,
                    needs=needs.get(row.id, []), next_visit=row.next_visit, follow_up=row.follow_up,
                    id=row.id, version=row.version))
        for row in _rows(conn, h, "id", part, ("id",)):
            one = out[row.id]
            one.versions[("household", row.id)] = row.version
            deleted = row.deleted_at is not None
            household = (convert.household_from(row, [], []) if deleted else
                         convert.household_from(row, members.get(row.id, []), visits.get(row.id, [])))
            one.head = StoredHead(household, deleted, archive_of(row))
    return out


@dataclass(slots=True)
class HouseholdRows:
    """One household's rows as sync reads them, without domain objects: its own row (None when there
    is none), its live members and its live visits, each with its live needs, in the order
    :func:`.households.load_household` gives them; and the version of every row, live or not."""

    head: Any = None
    members: list[Any] = field(default_factory=list)
    visits: list[tuple[Any, list[Any]]] = field(default_factory=list)
    versions: dict[Key, int] = field(default_factory=dict)


def household_rows(session: Session, household_ids: Iterable[str]) -> dict[str, HouseholdRows]:
    """The rows of these households (known or not: an id without rows gives an empty one), each table
    read once per 500 households: the row objects of :func:`stored_households`, before they become
    domain objects (``services/sync_row_records.py`` makes the records from them)."""
    session.flush()
    conn = session.connection()
    h, m, v, n = (cast(sa.Table, t.__table__) for t in (HouseholdRow, MemberRow, VisitRow, NeedRow))
    out: dict[str, HouseholdRows] = {}
    for part in _chunks(household_ids):
        for hid in part:
            out[hid] = HouseholdRows()
        for row in _rows(conn, m, "household_id", part, ("household_id", "position", "id")):
            one = out[row.household_id]
            one.versions[("member", row.id)] = row.version
            if row.deleted_at is None:
                one.members.append(row)
        needs: dict[str, list[Any]] = {}
        for row in _rows(conn, n, "household_id", part, ("household_id", "position", "id")):
            out[row.household_id].versions[("need", row.id)] = row.version
            if row.deleted_at is None:
                needs.setdefault(row.visit_id, []).append(row)
        for row in _rows(conn, v, "household_id", part, ("household_id", "date", "created_at", "id")):
            one = out[row.household_id]
            one.versions[("visit", row.id)] = row.version
            if row.deleted_at is None:
                one.visits.append((row, needs.get(row.id, [])))
        for row in _rows(conn, h, "id", part, ("id",)):
            one = out[row.id]
            one.versions[("household", row.id)] = row.version
            one.head = row
    return out


# --- sync states ---------------------------------------------------------------------------------

def state_rows(session: Session, household_ids: Iterable[str]) -> list[StateRow]:
    """The sync states of these households' records."""
    s = SyncRecordRow.__table__
    conn = session.connection()
    out: list[StateRow] = []
    for part in _chunks(household_ids):
        query = sa.select(*(s.c[c] for c in _STATE_COLUMNS)).where(s.c.household_id.in_(part))
        out += [(k, r, h, hi, sv, he, rv) for k, r, h, hi, sv, he, rv in conn.execute(query)]
    return out


def write_states(session: Session, rows: Sequence[StateRow], existing: Iterable[Key]) -> None:
    """Store these states: those whose key is in ``existing`` are updated, the others inserted."""
    if not rows:
        return
    have = set(existing)
    new: list[StateRow] = []
    changed: list[StateRow] = []
    for r in rows:
        (changed if (r[0], r[1]) in have else new).append(r)
    session.flush()
    conn = session.connection()
    if new:
        insert_rows(conn, [(SyncRecordRow.__tablename__, _STATE_COLUMNS, new)])
    if changed:
        s = cast(sa.Table, SyncRecordRow.__table__)
        stmt = (sa.update(s).where(s.c.kind == sa.bindparam("k"), s.c.record_id == sa.bindparam("r"))
                .values(household_id=sa.bindparam("hid"), history=sa.bindparam("hi"),
                        sealed_values=sa.bindparam("sv"), heads=sa.bindparam("he"), row_version=sa.bindparam("rv")))
        conn.execute(stmt, [{"k": k, "r": r, "hid": hid, "hi": hi, "sv": sv, "he": he, "rv": rv}
                            for k, r, hid, hi, sv, he, rv in changed])
    marks_changed(session, {r[2] for r in rows})


# --- what went to a peer ----------------------------------------------------------------------------

_FEW = 50  # keys looked up one by one; more: the peer's keys read in one pass


def _sent_keys(conn: sa.Connection, peer: str, keys: set[Key]) -> set[Key]:
    t = SyncSentRow.__table__
    if len(keys) <= _FEW:
        found: set[Key] = set()
        for kind, rid in keys:
            if conn.execute(sa.select(t.c.kind).where(t.c.peer == peer, t.c.kind == kind,
                                                      t.c.record_id == rid)).first() is not None:
                found.add((kind, rid))
        return found
    return {(k, r) for k, r in conn.execute(sa.select(t.c.kind, t.c.record_id).where(t.c.peer == peer))
            if (k, r) in keys}


def mark(session: Session, peer: str, items: Iterable[tuple[Key, str]], *, sequence: int | None,
         marks: bool = True) -> None:
    """Record heads as sent in ``sequence``, or (``sequence`` None) as known to ``peer`` (acknowledged:
    it sent them, or acknowledged a bundle that carried them). ``marks`` False: the caller writes the
    households' list marks itself (an export: :func:`.sync_marks.marks_sent`)."""
    latest = dict(items)  # a key given twice: the last heads count
    if not latest:
        return
    session.flush()
    conn = session.connection()
    existing = _sent_keys(conn, peer, set(latest))
    columns = ["peer", "kind", "record_id", "sent_heads", "sent_sequence", "acked_heads"]
    new = [(peer, k, r, None, None, heads) if sequence is None else (peer, k, r, heads, sequence, None)
           for (k, r), heads in latest.items() if (k, r) not in existing]
    if new:
        insert_rows(conn, [(SyncSentRow.__tablename__, columns, new)])
    changed = [{"k": k, "r": r, "h": heads} for (k, r), heads in latest.items() if (k, r) in existing]
    if changed:
        t = cast(sa.Table, SyncSentRow.__table__)
        stmt = sa.update(t).where(t.c.peer == peer, t.c.kind == sa.bindparam("k"), t.c.record_id == sa.bindparam("r"))
        values: dict[str, Any] = ({"acked_heads": sa.bindparam("h")} if sequence is None else
                                  {"sent_heads": sa.bindparam("h"), "sent_sequence": sequence})
        conn.execute(stmt.values(**values), changed)
    if marks:
        marks_changed_for_records(session, latest)


def any_stored(session: Session, record_ids: Iterable[str]) -> bool:
    """Whether any of these ids is that of a stored household, member, visit or need (live or not):
    one query for all of them — on SQLite the ids go as one JSON array (``json_each``), on
    PostgreSQL as one array parameter (``unnest``); elsewhere 500 at a time per table."""
    ids = sorted(set(record_ids))
    if not ids:
        return False
    conn = session.connection()
    tables = [cast(sa.Table, t.__table__) for t in (HouseholdRow, MemberRow, VisitRow, NeedRow)]
    quote = conn.dialect.identifier_preparer.quote
    found = " OR ".join(f"EXISTS (SELECT 1 FROM {quote(t.name)} x WHERE x.id = j.id)" for t in tables)
    if conn.dialect.name == SQLITE:
        sql = f"SELECT 1 FROM (SELECT value AS id FROM json_each(?)) j WHERE {found} LIMIT 1"
        return conn.exec_driver_sql(sql, (json.dumps(ids),)).first() is not None
    if conn.dialect.name == POSTGRESQL:
        query = sa.text(f"SELECT 1 FROM unnest(CAST(:ids AS text[])) AS j(id) WHERE {found} LIMIT 1")
        return conn.execute(query, {"ids": ids}).first() is not None
    for part in _chunks(ids):
        for t in tables:
            if conn.execute(sa.select(t.c.id).where(t.c.id.in_(part)).limit(1)).first() is not None:
                return True
    return False
