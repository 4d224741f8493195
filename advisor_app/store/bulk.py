"""Inserting many new households at once (demo generation): a few statements, indexes built once.

The rows are prepared once by :func:`household_rows`, possibly in a worker process, in a form both
databases accept for every column: JSON as its text, dates as ISO text, booleans as ``bool``
(SQLite stores JSON and dates as this text anyway; PostgreSQL reads the text into ``json`` and
``date`` columns because the parameters are sent untyped). :func:`insert_rows` then uses the fastest
way the database has, behind its dialect:

* SQLite: the driver's ``executemany`` with ``?`` placeholders and plain tuples, skipping
  SQLAlchemy's per-row parameter processing (several times faster);
* PostgreSQL: ``COPY … FROM STDIN`` through psycopg (one stream per table);
* anything else: :func:`insert_rows_portable`, a textual INSERT with named parameters through
  SQLAlchemy. The tests run it on both databases, and check that what it writes reads back the
  same as what the fast paths and the ORM write.
"""

from __future__ import annotations

import contextlib
import json
import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from advisor_app.domain.household import Household
from advisor_app.domain.review import next_review

from . import convert, household_inputs
from .engine import POSTGRESQL, SQLITE, tune_for_bulk_load
from .models import NOT_ARCHIVED, Base, HouseholdInputRow, HouseholdRow, MemberRow, NeedRow, VisitRow, new_id, utc_now
from .sync_marks import NOTHING, UNSENT

TableRows = tuple[str, list[str], list[tuple[Any, ...]]]
"""(table name, column names, value tuples): ready for executemany, picklable between processes."""

_TABLES = ("households", "members", "visits", "needs")


def _table_rows(model: type[Any], rows: list[dict[str, Any]]) -> TableRows:
    """The values as both databases take them from an untyped parameter: JSON and dates as text."""
    table = model.__table__
    columns = [c.name for c in table.columns]
    json_columns = [c.name for c in table.columns if isinstance(c.type, sa.JSON)]
    date_columns = [c.name for c in table.columns if isinstance(c.type, sa.Date)]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    for r in rows:
        for c in json_columns:
            value = r[c]
            r[c] = "[]" if type(value) is list and not value else dumps(value)  # most are empty lists
        for c in date_columns:
            if r[c] is not None:
                r[c] = r[c].isoformat()
    return table.name, columns, list(map(operator.itemgetter(*columns), rows))


def _list_columns(h: Household, unsent: bool) -> dict[str, Any]:
    """The list's kept columns of a new household (store.list_columns): its latest visit, its next
    review (the rule of domain.review) and 未发送 when its rows are local changes not yet sent (an
    import's households get their mark from their sync state when the import commits)."""
    visits = sorted(h.visits, key=lambda v: v.date)  # as they took place, ties as recorded
    return {"last_visit": visits[-1].date if visits else None, "next_review": next_review(visits),
            "sync_mark": UNSENT if unsent else NOTHING}


def household_rows(households: Sequence[Household], *, unsent: bool = True) -> list[TableRows]:
    """Rows for new households (with members, visits, needs); assigns ids and version 1. ``unsent``:
    flagged as local changes not yet sent (an import's writes are not)."""
    now = utc_now()
    base = {"created_at": now, "updated_at": now, "version": 1, "deleted_at": None, "unsent": unsent}
    rows: dict[type[Any], list[dict[str, Any]]] = {HouseholdRow: [], MemberRow: [], VisitRow: [], NeedRow: []}
    for h in households:
        h.id = h.id or new_id()
        h.version = 1
        rows[HouseholdRow].append({**convert.household_values(h), **base, **NOT_ARCHIVED, "id": h.id,
                                   **_list_columns(h, unsent)})
        for position, m in enumerate(h.members):
            m.id = m.id or new_id()
            rows[MemberRow].append({**convert.member_values(m, position), **base, "id": m.id,
                                    "household_id": h.id})
        for v in h.visits:
            v.id = v.id or new_id()
            v.version = 1
            rows[VisitRow].append({**convert.visit_values(v), **base, "id": v.id, "household_id": h.id})
            for position, n in enumerate(v.needs):
                n.id = n.id or new_id()
                rows[NeedRow].append({**convert.need_values(n, position), **base, "id": n.id,
                                      "visit_id": v.id, "household_id": h.id})
    out = [_table_rows(model, values) for model, values in rows.items() if values]
    if households:  # the rules' inputs, packed (store.household_inputs)
        out.append((HouseholdInputRow.__tablename__, household_inputs.COLUMNS,
                    [household_inputs.packed_row(h) for h in households]))
    return out


def _quoted(conn: sa.Connection, name: str, columns: list[str]) -> tuple[str, str]:
    quote = conn.dialect.identifier_preparer.quote
    return quote(name), ", ".join(quote(c) for c in columns)


def _insert_sqlite(conn: sa.Connection, tables: Sequence[TableRows]) -> None:
    for name, columns, values in tables:
        table, names = _quoted(conn, name, columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", values)


def _insert_postgresql(conn: sa.Connection, tables: Sequence[TableRows]) -> None:
    driver = conn.connection.driver_connection  # psycopg's connection, in this connection's transaction
    assert driver is not None
    with driver.cursor() as cursor:
        for name, columns, values in tables:
            table, names = _quoted(conn, name, columns)
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)


def insert_rows_portable(conn: sa.Connection, tables: Sequence[TableRows]) -> None:
    """The same rows through SQLAlchemy's executemany of a textual INSERT: any database."""
    for name, columns, values in tables:
        table, names = _quoted(conn, name, columns)
        keys = [f"c{i}" for i in range(len(columns))]  # bind names that no column name can clash with
        stmt = sa.text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + k for k in keys)})")
        conn.execute(stmt, [dict(zip(keys, row, strict=True)) for row in values])


_FAST: dict[str, Callable[[sa.Connection, Sequence[TableRows]], None]] = {
    SQLITE: _insert_sqlite, POSTGRESQL: _insert_postgresql}


def insert_rows(conn: sa.Connection, tables: Sequence[TableRows]) -> None:
    """Insert prepared rows the fastest way this database has (see the module doc)."""
    _FAST.get(conn.dialect.name, insert_rows_portable)(conn, tables)


def insert_many(conn: sa.Connection, households: Sequence[Household], *, unsent: bool = True) -> int:
    """Insert new households (much faster than the ORM). Assigns ids; ``unsent`` as :func:`household_rows`."""
    insert_rows(conn, household_rows(households, unsent=unsent))
    return len(households)


@contextlib.contextmanager
def bulk_load(conn: sa.Connection) -> Iterator[None]:
    """Make a large insert into empty household tables about twice as fast.

    When the household tables are empty, their secondary indexes are dropped for the load and built
    again at the end (sorting once beats updating them row by row), with more memory for the
    database meanwhile (:func:`store.engine.tune_for_bulk_load`). All of it happens in the caller's
    transaction, so a rollback undoes it too (DDL is transactional on both databases).
    """
    tables = [Base.metadata.tables[name] for name in _TABLES]
    empty = conn.execute(sa.select(sa.func.count()).select_from(tables[0])).scalar() == 0
    indexes = [index for table in tables for index in table.indexes] if empty else []
    with tune_for_bulk_load(conn):
        for index in indexes:
            index.drop(conn)
        yield
        for index in indexes:
            index.create(conn)
