"""The inputs of the rules kept packed in the profile (``household_inputs``, migration 0014).

Every live household has one row: its record and its live members' records as
:mod:`advisor_app.domain.inputs` extracts them (the same extraction the one-household check uses),
its members' ids and its region and area. A deleted (tombstoned, archived) household has none. The
store keeps the rows current on every write of a household: :func:`write_packed` for households
it has as objects (inserted, or updated where they are), :func:`repack` for households it has written by id (a save, a
delete, an archive or its restore, a removal); a layout other than ``domain.inputs.LAYOUT`` (a new
input, an older profile, a restored backup) is packed again by :func:`ensure_layout` when the
profile opens. Batch screening reads every row with :func:`iter_packed`: no objects.

A household's row, once written, is updated where it is (an upsert): on SQLite it keeps its
``rowid``, so the table's own order — the order a screening reads it in, by ranges of ``rowid``
(:func:`iter_packed`) — moves only where households are added, removed or all packed again. A
screening compares each range's results with those it stored for the range
(``store.result_updates``); a household that moved at each save would change two ranges.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from advisor_app.domain.household import Household
from advisor_app.domain.input_layout import LAYOUT

from . import screening
from .read_ahead import ReadAhead
from .screening import read_for_screening, sql_runner
from .screening_results import _chunks
from .settings import get_setting, set_setting

LAYOUT_KEY = "screening.inputs_layout"
COLUMNS = ["household_id", "region", "area", "household", "members", "supporters", "incomes", "member_ids"]
_INSERT = (f"INSERT INTO household_inputs ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})")
_INSERT_SQLITE = f"INSERT INTO household_inputs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _c in COLUMNS)})"
_UPSERT = _INSERT + " ON CONFLICT (household_id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in COLUMNS[1:])
_UPSERT_SQLITE = _INSERT_SQLITE + _UPSERT[len(_INSERT):]
_DELETE = sa.text("DELETE FROM household_inputs WHERE household_id IN :ids").bindparams(
    sa.bindparam("ids", expanding=True))
_READ = f"SELECT {', '.join(COLUMNS)} FROM household_inputs ORDER BY household_id"
_SCAN = f"SELECT {', '.join(COLUMNS)} FROM household_inputs"  # the table's own order: no index look-ups
_RANGE = f"SELECT {', '.join(COLUMNS)}, rowid FROM household_inputs WHERE rowid >= ? AND rowid < ?"
_VISIT = "SELECT count(*) FROM household_inputs WHERE rowid >= ? AND rowid < ?"  # the range's pages read, no values


def packed_row(h: Household) -> tuple[str, str, str, bytes, bytes, bytes, bytes, str]:
    """The stored row of ``h`` (which has its id and its members' ids)."""
    from advisor_app.domain.inputs import packed  # (numpy: loaded only where records are made)

    household, members, supporters, incomes = packed(h)
    return (h.id or "", h.region, h.area, household, members, supporters, incomes,
            " ".join(m.id or "" for m in h.members))


def _insert(conn: sa.Connection, rows: Sequence[tuple[Any, ...]], *, upsert: bool = False) -> None:
    """Insert ``rows``; ``upsert``: a household's row already stored is updated where it is."""
    if not rows:
        return
    if screening._sqlite_fast(conn):
        conn.exec_driver_sql(_UPSERT_SQLITE if upsert else _INSERT_SQLITE, list(rows))
    else:
        conn.execute(sa.text(_UPSERT if upsert else _INSERT), [dict(zip(COLUMNS, r, strict=True)) for r in rows])


def write_packed(conn: sa.Connection, households: Iterable[Household]) -> None:
    """Store the rows of these live households (replacing theirs, where they are)."""
    _insert(conn, [packed_row(h) for h in households], upsert=True)


def repack(conn: sa.Connection, household_ids: Iterable[str]) -> int:
    """After a write to these households: their rows again from what is stored (none for those not
    live). Returns how many were packed."""
    done = 0
    for chunk in _chunks(sorted(set(household_ids))):
        live: set[str] = set()
        for batch in read_for_screening(sql_runner(conn), ids=chunk):
            _insert(conn, [packed_row(h) for h in batch], upsert=True)
            live.update(h.id or "" for h in batch)
            done += len(batch)
        if gone := [hid for hid in chunk if hid not in live]:
            conn.execute(_DELETE, {"ids": gone})
    return done


def repack_all(conn: sa.Connection) -> int:
    """Every row again (another layout): all live households read once as objects."""
    conn.execute(sa.text("DELETE FROM household_inputs"))
    done = 0
    for batch in read_for_screening(sql_runner(conn), batch=5_000):
        _insert(conn, [packed_row(h) for h in batch])
        done += len(batch)
    return done


def ensure_layout(conn: sa.Connection) -> float | None:
    """Pack every household again if the stored rows have another layout; the seconds it took
    (``None``: nothing to do)."""
    if get_setting(conn, LAYOUT_KEY) == LAYOUT:
        return None
    start = time.perf_counter()
    repack_all(conn)
    set_setting(conn, LAYOUT_KEY, LAYOUT)
    return time.perf_counter() - start


def repack_missing(conn: sa.Connection) -> int:
    """Rows for live households that have none, and none for households not live (a write the store
    did not see, such as a row edited by hand); returns how many rows changed."""
    missing = [r[0] for r in conn.execute(sa.text(
        "SELECT h.id FROM households h LEFT JOIN household_inputs i ON i.household_id = h.id "
        "WHERE h.deleted_at IS NULL AND i.household_id IS NULL"))]
    gone = [r[0] for r in conn.execute(sa.text(
        "SELECT i.household_id FROM household_inputs i JOIN households h ON h.id = i.household_id "
        "WHERE h.deleted_at IS NOT NULL"))]
    return repack(conn, [*missing, *gone])


def read_packed(conn: sa.Connection) -> list[Sequence[Any]]:
    """Every stored row, in household id order: (household id, region, area, record, member records,
    supporter records, income records, member ids)."""
    if screening._sqlite_fast(conn):
        return conn.exec_driver_sql(_READ).fetchall()  # type: ignore[return-value]
    return [tuple(r) for r in conn.execute(sa.text(_READ))]


def iter_packed(conn: sa.Connection, batch: int) -> Generator[Sequence[Sequence[Any]], None, None]:
    """Every stored row (the columns of :func:`read_packed`) in the table's own order, not the
    ids' — on SQLite the rows one after another, where the ids' order looks each row up through
    the key's index (140,000 rows: 0.23 s instead of 0.42 s) —, at most ``batch`` rows at a time.
    On SQLite a batch is the rows of one range of ``batch`` rowids (a range without rows is left
    out), each row with its ``rowid`` after the columns, read as they are used: the memory of one
    batch; while the caller works on a batch, the next range's pages are read into the connection's
    cache by a thread (:class:`.read_ahead.ReadAhead`: on an encrypted profile's first screening
    after opening, the read of 140,000 rows took 0.36–0.39 s instead of 0.25 s). Elsewhere ``batch``
    rows one after another, without the rowid."""
    if screening._sqlite_fast(conn):
        end = int(conn.exec_driver_sql("SELECT max(rowid) FROM household_inputs").scalar() or 0)
        ahead = ReadAhead(conn)
        try:
            for start in range(0, end + 1, batch):
                ahead.wait()
                rows = conn.exec_driver_sql(_RANGE, (start, start + batch)).cursor.fetchall()
                if start + batch <= end:
                    ahead.start(_VISIT, (start + batch, start + 2 * batch))
                if rows:
                    yield rows
        finally:
            ahead.wait()  # (the connection is the caller's again when the scan ends or is left)
        return
    cursor: Any = conn.execute(sa.text(_SCAN))
    while part := cursor.fetchmany(batch):
        yield list(part)


def packed_count(conn: sa.Connection) -> int:
    """How many rows are stored (one per live household when they are current)."""
    return int(conn.execute(sa.text("SELECT count(*) FROM household_inputs")).scalar_one())


__all__ = ["LAYOUT_KEY", "ensure_layout", "iter_packed", "packed_count", "packed_row", "read_packed", "repack",
           "repack_all", "repack_missing", "write_packed"]
