"""SQL for the household list screen: filter, sort and page 200,000 households quickly.

The list keeps only the ordered household ids (``ids``) and fetches the shown columns for a page of
ids at a time (``rows``). Search is done here, in SQL, one condition per word of the search text
(all must match):

* two or more digits (``0026``, ``20026``, ``…002X``): the end of any member's ID number. An
  expression index on the reversed ID number (migration 0002) turns "ends with" into a range search.
  A single digit is ignored (it would match a tenth of everyone and only slow typing down).
* latin letters (``wxx``): the start of the pinyin initials of the head's name (吴晓霞 → wxx).
* one other character (``吴``): part of any member's name.
* two or more (``晓霞``, ``七星村``, ``和平``): part of any member's name, or of the village (村/社区)
  or town (乡镇/街道) name. (One character would match every 村 and 镇.)

The indexes these queries rely on are created by migration 0002 (``ix_households_list``,
``ix_members_name_list``, ``ix_members_id_reversed``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

# The member's ID number reversed, written with builtin functions only so that every SQLite
# connection (also tools without our functions) can maintain the index on it.
ID_REVERSED = "||".join(f"substr(id_number,{i},1)" for i in range(18, 0, -1))
ID_MAX_LEN = 18

SORT_KEYS = ("village", "head_name", "member_count", "status", "last_visit", "next_review", "unsent")
DEFAULT_SORT = "village"

# Programmes in the order the "current status" column sorts by (most protective first).
STATUS_ORDER = ("tekun", "dibao", "dibao_single", "dibao_edge", "unsupported_child", "temporary")

_STATUS_RANK = ("(SELECT min(CASE s.program "
                + " ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(STATUS_ORDER))
                + " ELSE 98 END) FROM screening_results s "
                  "WHERE s.household_id = h.id AND s.status = 'eligible' AND s.screened_at >= h.updated_at)")
_LAST_VISIT = ("(SELECT v.date FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL "
               "ORDER BY v.date DESC, v.created_at DESC LIMIT 1)")
_NEXT_REVIEW = ("(SELECT v.next_visit FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL "
                "ORDER BY v.date DESC, v.created_at DESC LIMIT 1)")
# A member's change also marks its household (store.households.save_household); a visit saved on its
# own does not, hence the EXISTS.
_UNSENT = "(h.unsent OR EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.unsent))"

_SORT_SQL = {
    "village": "h.village",
    "head_name": "h.head_name",
    "member_count": "h.member_count",
    "status": f"coalesce({_STATUS_RANK}, 99)",
    "last_visit": f"coalesce({_LAST_VISIT}, '')",
    "next_review": f"coalesce({_NEXT_REVIEW}, '9999')",
    "unsent": _UNSENT,
}

_DIGITS = re.compile(r"^\d{1,17}[\dXx]?$")
_LETTERS = re.compile(r"^[A-Za-z]+$")


@dataclass(frozen=True, slots=True)
class ListRow:
    """One household as the list shows it (raw values; the service adds labels)."""

    id: str
    head_name: str
    head_id_number: str
    village: str
    town: str
    member_count: int
    # Eligible programmes from the last screening, in STATUS_ORDER; none when the household changed
    # after it was screened (the result would be out of date).
    programs: tuple[str, ...]
    last_visit: dt.date | None
    next_review: dt.date | None
    unsent: bool


def _where(text: str) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over households ``h``) and its parameters for the search text."""
    clauses = ["h.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    for n, term in enumerate(text.split()):
        key = f"t{n}"
        if _DIGITS.match(term):
            if len(term) < 2:
                continue
            rev = term.upper()[::-1]
            params[key], params[key + "_end"] = rev, rev + "\uffff"
            clauses.append(
                f"h.id IN (SELECT household_id FROM members WHERE deleted_at IS NULL "
                f"AND {ID_REVERSED} >= :{key} AND {ID_REVERSED} < :{key}_end)")
        elif _LETTERS.match(term):
            low = term.lower()
            params[key], params[key + "_end"] = low, low + "\uffff"
            clauses.append(f"(h.head_initials >= :{key} AND h.head_initials < :{key}_end)")
        else:
            params[key] = term
            # Narrow index scans (names; village and town) instead of reading every household row.
            names = (f"SELECT household_id FROM members INDEXED BY ix_members_name_list "
                     f"WHERE deleted_at IS NULL AND instr(name, :{key}) > 0")
            places = (f" UNION ALL SELECT id FROM households INDEXED BY ix_households_list "
                      f"WHERE deleted_at IS NULL AND (instr(village, :{key}) > 0 OR instr(town, :{key}) > 0)")
            clauses.append(f"h.id IN ({names}{places if len(term) > 1 else ''})")
    return " AND ".join(clauses), params


def _order(sort: str, descending: bool) -> str:
    if sort not in _SORT_SQL:
        raise ValueError(f"unknown sort key {sort!r}")
    if sort == DEFAULT_SORT and not descending:
        return "h.village, h.head_name, h.id"  # exactly the order of ix_households_list
    direction = "DESC" if descending else "ASC"
    return f"{_SORT_SQL[sort]} {direction}, h.village, h.head_name, h.id"


def ids(conn: sa.Connection, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False) -> list[str]:
    """Ids of the households matching ``text``, in list order."""
    where, params = _where(text)
    sql = f"SELECT h.id FROM households h WHERE {where} ORDER BY {_order(sort, descending)}"
    # Straight through the driver: SQLAlchemy's per-row result processing doubles the time for
    # 200,000 ids, and there is nothing to convert.
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return [r[0] for r in cursor.execute(sql, params)]
    finally:
        cursor.close()


def count(conn: sa.Connection, text: str = "") -> int:
    where, params = _where(text)
    return int(conn.execute(sa.text(f"SELECT count(*) FROM households h WHERE {where}"), params).scalar_one())


_ROW_COLUMNS = f"""
    h.id, h.head_name,
    coalesce((SELECT m.id_number FROM members m WHERE m.household_id = h.id AND m.deleted_at IS NULL
              ORDER BY m.relation != 'head', m.position LIMIT 1), '') AS head_id_number,
    h.village, h.town, h.member_count,
    (SELECT group_concat(DISTINCT s.program) FROM screening_results s
     WHERE s.household_id = h.id AND s.status = 'eligible' AND s.screened_at >= h.updated_at) AS programs,
    {_LAST_VISIT} AS last_visit, {_NEXT_REVIEW} AS next_review, {_UNSENT} AS unsent
"""


def _row(r: Sequence[Any]) -> ListRow:
    found = set(r[6].split(",")) if r[6] else set()
    programs = tuple(p for p in STATUS_ORDER if p in found) + tuple(sorted(found - set(STATUS_ORDER)))
    return ListRow(id=r[0], head_name=r[1], head_id_number=r[2], village=r[3], town=r[4],
                   member_count=int(r[5]), programs=programs,
                   last_visit=dt.date.fromisoformat(r[7]) if r[7] else None,
                   next_review=dt.date.fromisoformat(r[8]) if r[8] else None, unsent=bool(r[9]))


def rows(conn: sa.Connection, household_ids: Sequence[str]) -> list[ListRow]:
    """The list columns for these households, in the order of ``household_ids`` (missing ones left out)."""
    if not household_ids:
        return []
    stmt = sa.text(f"SELECT {_ROW_COLUMNS} FROM households h "
                   "WHERE h.id IN :ids AND h.deleted_at IS NULL").bindparams(
        sa.bindparam("ids", expanding=True))
    found = {r[0]: _row(r) for r in conn.execute(stmt, {"ids": list(household_ids)})}
    return [found[i] for i in household_ids if i in found]


def page(conn: sa.Connection, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False,
         offset: int = 0, limit: int = 100) -> list[ListRow]:
    """One page of the list, computed entirely in SQL (for scripts and reports; the GUI uses ids/rows)."""
    where, params = _where(text)
    sql = (f"SELECT {_ROW_COLUMNS} FROM households h WHERE {where} ORDER BY {_order(sort, descending)} "
           f"LIMIT :limit OFFSET :offset")
    return [_row(r) for r in conn.execute(sa.text(sql), {**params, "limit": limit, "offset": offset})]
