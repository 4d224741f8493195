"""SQL for the household list screen: filter, sort and page 200,000 households quickly.

The list keeps only the ordered household ids (``ids``) and fetches the shown columns for a page of
ids at a time (``rows``). Search is done in SQL (:mod:`.list_search`: one condition per word of the
search text).

The status column ("current status") shows a household's eligible programmes from the last batch
screening when that result is still current. What counts as current, and the order of the programmes,
are not the store's to decide (services ask ``rules.freshness`` and ``rules.results.PROTECTION_ORDER``):
the status sort takes both in a :class:`StatusQuery`; a row carries the household's last change
(``changed_at``) so that the caller decides whether to show its stored programmes.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .list_search import LIVE_ONLY, id_members_sql, id_terms, place_households_sql, place_terms, search_where
from .screening import CHANGED_AFTER
from .screening_results import rank_sql, stored_programs

SORT_KEYS = ("village", "head_name", "member_count", "status", "last_visit", "next_review", "unsent")
DEFAULT_SORT = "village"

SQLITE_SPEEDUPS = True
"""Index hints, ``instr`` and the driver's cursor on SQLite (tests switch it off to run the portable
path on SQLite)."""


@dataclass(frozen=True, slots=True)
class StatusQuery:
    """What the status column shows: the eligible programmes stored for households unchanged since
    ``since`` (``None``: no stored result is current, the column is empty), listed and sorted in the
    order of ``ranking`` (first = most protective); programmes not ranked come after, by name."""

    ranking: tuple[str, ...] = ()
    since: str | None = None


# 最近走访, 下次核查 and the 发送 mark are kept on the household row (store.list_columns, migration
# 0011), each with an index in the order: value, then the default order.
# sort key → (column, its index, where its NULLs go when ascending)
_SORT_SQL = {
    "village": ("h.village", "ix_households_list", ""),
    "head_name": ("h.head_name", "ix_households_by_head_name", ""),
    "member_count": ("h.member_count", "ix_households_by_member_count", ""),
    "last_visit": ("h.last_visit", "ix_households_by_last_visit", "FIRST"),  # never visited first
    "next_review": ("h.next_review", "ix_households_by_next_review", "LAST"),  # no review planned last
    "unsent": ("h.sync_mark", "ix_households_by_sync_mark", ""),  # 未发送 (2), 待确认 (1), nothing (0)
}

_INDEX_ORDER = {"village": "h.village, h.head_name, h.id", "head_name": "h.head_name, h.village, h.id"}

@dataclass(frozen=True, slots=True)
class ListRow:
    """One household as the list shows it (raw values; the service adds labels)."""

    id: str
    head_name: str
    head_id_number: str
    village: str
    town: str
    member_count: int
    # Eligible programmes of the stored screening result, in the caller's ranking, whether or not
    # that result is still current: the caller decides from ``changed_at`` (rules.freshness).
    programs: tuple[str, ...]
    changed_at: str  # the household's last change, its own or a member's (removed members too)
    last_visit: dt.date | None
    next_review: dt.date | None
    mark: int  # store.sync_marks: UNSENT (未发送), UNCONFIRMED (待确认) or NOTHING


def _fast(conn: sa.Connection) -> bool:
    return SQLITE_SPEEDUPS and conn.dialect.name == "sqlite"


def _status_rank(status: StatusQuery, params: dict[str, Any]) -> str | None:
    """The rank of a household's first current eligible programme (NULL: none), or ``None`` when no
    stored result is current (the status sort then leaves the list order as it is)."""
    if status.since is None:
        return None
    params["since"] = status.since
    rank = rank_sql(status.ranking, params)
    return (f"(SELECT {rank} FROM screening_results s "
            f"WHERE s.household_id = h.id AND s.household_id NOT IN {CHANGED_AFTER})")


def _order(conn: sa.Connection, sort: str, descending: bool, status: StatusQuery, params: dict[str, Any]) -> str:
    if sort == DEFAULT_SORT and not descending:
        return "h.village, h.head_name, h.id"  # exactly the order of ix_households_list
    direction = "DESC" if descending else "ASC"
    if sort == "status":
        rank = _status_rank(status, params)
        expression, nulls = (rank, "LAST") if rank is not None else (None, "")
    elif sort in _SORT_SQL:
        expression, _index, nulls = _SORT_SQL[sort]
    else:
        raise ValueError(f"unknown sort key {sort!r}")
    if expression is None:
        return "h.village, h.head_name, h.id"
    if nulls:
        nulls = " NULLS " + ({"FIRST": "LAST", "LAST": "FIRST"}[nulls] if descending else nulls)
    return f"{expression} {direction}{nulls}, h.village, h.head_name, h.id"


def _driver_rows(conn: sa.Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """Rows straight through the driver: SQLAlchemy's per-row result processing doubles the time
    for 200,000 ids, and there is nothing to convert."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, params).fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


_VALUE = operator.itemgetter(0)


def _regrouped(rows: list[Any], descending: bool, nulls: str) -> list[str]:
    """Ids from ``rows`` of (value, id) in index order (value, then the default order; NULLs first)
    put in the list's order: groups of equal value reversed when ``descending``, each group kept in
    the default order, and the NULL group where ``nulls`` says ("FIRST"/"LAST" when ascending)."""
    if not descending and nulls != "LAST":
        return [r[1] for r in rows]
    split = 0
    while split < len(rows) and rows[split][0] is None:
        split += 1
    missing = [r[1] for r in rows[:split]]
    if not descending:
        return [r[1] for r in rows[split:]] + missing
    # A stable sort in reverse puts the groups last first and keeps each group's order; the rows
    # are in the index's order already, which the sort walks through as one run.
    out = [r[1] for r in sorted(rows[split:], key=_VALUE, reverse=True)]
    return missing + out if nulls == "LAST" else out + missing


BROAD_SHARE = 10
"""A word is broad when its villages and towns hold at least 1 in this many of the households."""

BROAD_ID_SHARE = 100
"""An ID-number ending is broad for the first page when the members who have it number at least 1
in this many of the households (two digits: about 1 in 40). Walking the list's index then finds the
first page's households among the first few thousand (5 ms at 200,000 households, however cold the
page cache); looking each match up by id and sorting them costs 10 ms, 60–100 ms when their rows are
not in the cache yet. Fewer matches (three digits) are quicker looked up (1 ms) than walked to
(10–30 ms)."""


def _search(conn: sa.Connection, text: str, fast: bool, *, along_list: bool = False,
            first_page: bool = False) -> tuple[str, dict[str, Any]]:
    """:func:`.list_search.search_where` of ``text``. ``along_list``: the rows are wanted in the
    list's default order (village, head, id), walking ``ix_households_list``; then a word naming
    places of many households (街道: half of them) is tested on each row as the walk goes, so that
    the first page comes without reading every match (SQLite; any other word, and any other order,
    looks its households up by id, which is quicker when they are few). ``first_page`` too: so is
    an ID-number ending many members have (:data:`BROAD_ID_SHARE`; the whole list's matches are
    quicker sorted than walked to)."""
    places = place_terms(text) if fast and along_list else []
    endings = id_terms(text) if fast and along_list and first_page else []
    if not places and not endings:
        return search_where(text, fast)
    # The households ever stored (the largest rowid: removed ones stay as tombstones), asked in one seek.
    stored = int(_driver_rows(conn, "SELECT coalesce(max(rowid), 0) FROM households", {})[0][0])
    enough = max(stored // BROAD_SHARE, 1)
    broad = {n for n, term in places
             if _driver_rows(conn, place_households_sql("t"), {"t": term, "enough": enough})[0][0] >= enough}
    enough = max(stored // BROAD_ID_SHARE, 1)
    for n, term in endings:
        sql, params = id_members_sql(term)
        if _driver_rows(conn, sql, {**params, "enough": enough})[0][0] >= enough:
            broad.add(n)
    return search_where(text, fast, frozenset(broad))


def ids(conn: sa.Connection, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False, *,
        status: StatusQuery) -> list[str]:
    """Ids of the households matching ``text``, in list order."""
    fast = _fast(conn)
    where, params = _search(conn, text, fast, along_list=sort == DEFAULT_SORT)
    if fast and sort in _SORT_SQL:
        # Walk the column's index (value, then the default order) and reverse the groups in Python
        # when descending: no sort in SQL at all.
        column, index, nulls = _SORT_SQL[sort]
        order = _INDEX_ORDER.get(sort, f"{column}, h.village, h.head_name, h.id")
        # The whole list: along the index. A search: the planner picks (the matches, then a sort).
        hint = f"INDEXED BY {index}" if where == LIVE_ONLY else ""
        if not descending and nulls != "LAST":  # the index order is the list order: ids only
            sql = f"SELECT h.id FROM households h {hint} WHERE {where} ORDER BY {order}"
            return [r[0] for r in _driver_rows(conn, sql, params)]
        sql = f"SELECT {column}, h.id FROM households h {hint} WHERE {where} ORDER BY {order}"
        return _regrouped(_driver_rows(conn, sql, params), descending, nulls)
    sql = f"SELECT h.id FROM households h WHERE {where} ORDER BY {_order(conn, sort, descending, status, params)}"
    if not fast:
        return list(conn.execute(sa.text(sql), params).scalars())
    return [r[0] for r in _driver_rows(conn, sql, params)]


def first_ids(conn: sa.Connection, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False, *,
              limit: int) -> list[str] | None:
    """The first ``limit`` ids of :func:`ids` when an index gives them in the list's order (on
    SQLite: the first page is ready long before the whole list); ``None`` when none does, and only
    the whole list gives the first page: the status sort, and a search sorted descending (its
    matches are sorted once, for the whole list).

    Ascending, the index is walked from its start (from its first value when the NULLs go last, the
    NULLs after). The whole list descending (the groups of equal value last first, each in the
    default order, as :func:`ids` puts them): :func:`_last_groups_first`."""
    if not _fast(conn) or sort not in _SORT_SQL:
        return None
    column, index, nulls = _SORT_SQL[sort]
    order = _INDEX_ORDER.get(sort, f"{column}, h.village, h.head_name, h.id")
    if descending:
        if text.split():
            return None
        return _last_groups_first(conn, column, index, order, limit, nulls_first=nulls == "LAST")
    where, params = _search(conn, text, True, along_list=sort == DEFAULT_SORT, first_page=True)
    hint = f"INDEXED BY {index}" if where == LIVE_ONLY else ""
    if nulls != "LAST":
        sql = f"SELECT h.id FROM households h {hint} WHERE {where} ORDER BY {order} LIMIT {int(limit)}"
        return [r[0] for r in _driver_rows(conn, sql, params)]
    out: list[str] = []
    for part in (f"{column} IS NOT NULL", f"{column} IS NULL"):
        if len(out) < limit:
            sql = (f"SELECT h.id FROM households h {hint} WHERE {where} AND {part} ORDER BY {order} "
                   f"LIMIT {limit - len(out)}")
            out += [r[0] for r in _driver_rows(conn, sql, params)]
    return out


def _last_groups_first(conn: sa.Connection, column: str, index: str, order: str, limit: int, *,
                       nulls_first: bool) -> list[str]:
    """The first ``limit`` ids of the whole list sorted by ``column`` descending: the group of the
    largest value, then the next …, each walked forward along ``index`` (its default order: no sort,
    however large the group — 未发送 can be every household); the NULLs last, or first when
    ``nulls_first``. One seek per group."""
    live = f"FROM households h INDEXED BY {index} WHERE {LIVE_ONLY}"

    def group(condition: str, value: Any = None) -> list[str]:
        return [r[0] for r in _driver_rows(conn, f"SELECT h.id {live} AND {condition} ORDER BY {order} "
                                           f"LIMIT {limit - len(out)}", {"value": value})]

    out: list[str] = []
    if nulls_first:
        out += group(f"{column} IS NULL")
    below: Any = None
    while len(out) < limit:
        bound = f"{column} < :below" if below is not None else f"{column} IS NOT NULL"
        value = _driver_rows(conn, f"SELECT max({column}) {live} AND {bound}", {"below": below})[0][0]
        if value is None:
            break
        out += group(f"{column} = :value", value)
        below = value
    if len(out) < limit and not nulls_first:
        out += group(f"{column} IS NULL")
    return out


def count(conn: sa.Connection, text: str = "") -> int:
    where, params = search_where(text, _fast(conn))
    return int(conn.execute(sa.text(f"SELECT count(*) FROM households h WHERE {where}"), params).scalar_one())


def _row_columns() -> str:
    return """
    h.id, h.head_name,
    coalesce((SELECT m.id_number FROM members m WHERE m.household_id = h.id AND m.deleted_at IS NULL
              ORDER BY CASE WHEN m.relation = 'head' THEN 0 ELSE 1 END, m.position LIMIT 1), '') AS head_id_number,
    h.village, h.town, h.member_count,
    h.last_visit, h.next_review, h.sync_mark AS mark,
    h.updated_at, (SELECT max(m.updated_at) FROM members m WHERE m.household_id = h.id) AS members_changed
"""
def _day(raw: Any) -> dt.date | None:
    if raw is None or raw == "":
        return None
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(raw)


def _rows(conn: sa.Connection, found: Sequence[Sequence[Any]], ranking: Sequence[str] | None) -> list[ListRow]:
    """Rows for the households ``found`` (the row columns above) with their stored eligible
    programmes, read in one more query (none when ``ranking`` is ``None``)."""
    programs: dict[str, set[str]] = {}
    if found and ranking is not None:
        programs = stored_programs(conn, [r[0] for r in found])
    ranking = ranking or ()
    ranked = set(ranking)
    out = []
    for r in found:
        stored = programs.get(r[0], set())
        out.append(ListRow(
            id=r[0], head_name=r[1], head_id_number=r[2], village=r[3], town=r[4], member_count=int(r[5]),
            programs=tuple(p for p in ranking if p in stored) + tuple(sorted(stored - ranked)),
            changed_at=max(r[9], r[10] or ""),  # a removed member counts too: the household changed
            last_visit=_day(r[6]), next_review=_day(r[7]), mark=int(r[8])))
    return out


def rows(conn: sa.Connection, household_ids: Sequence[str], *, ranking: Sequence[str] | None) -> list[ListRow]:
    """The list columns for these households, in the order of ``household_ids`` (missing ones left out).
    ``ranking``: the order of the programmes (``None``: do not read them, no stored result counts)."""
    if not household_ids:
        return []
    stmt = sa.text(f"SELECT {_row_columns()} FROM households h "
                   "WHERE h.id IN :ids AND h.deleted_at IS NULL").bindparams(
        sa.bindparam("ids", expanding=True))
    found = {r.id: r for r in _rows(conn, list(conn.execute(stmt, {"ids": list(household_ids)})),
                                    ranking)}
    return [found[i] for i in household_ids if i in found]


def page(conn: sa.Connection, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False,
         offset: int = 0, limit: int = 100, *, status: StatusQuery) -> list[ListRow]:
    """One page of the list, computed entirely in SQL (for scripts and reports; the GUI uses ids/rows)."""
    where, params = search_where(text, _fast(conn))
    sql = (f"SELECT {_row_columns()} FROM households h WHERE {where} "
           f"ORDER BY {_order(conn, sort, descending, status, params)} LIMIT :limit OFFSET :offset")
    found = list(conn.execute(sa.text(sql), {**params, "limit": limit, "offset": offset}))
    return _rows(conn, found, status.ranking if status.since is not None else None)
