"""The rows of the exported ledgers (台账), streamed: households, members, needs and visits of the
live households, in village, head-name and household order (the household list's default order,
``ix_households_list``), optionally of one village.

Each function yields plain tuples a few hundred rows at a time (``fetchmany``): an export of
100,000 households never holds them all. Dates come as ``datetime.date`` on both databases, money
in fen, codes as stored (the services put them into words). The screening ledger's rows are
:func:`advisor_app.store.screening.ledger_rows`.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from .convert import day_or_none
from .screening import CHANGED_AFTER, sql_runner
from .screening_results import DETAILS, NO_AMOUNT, PROGRAMS, RESULT_FIELDS, RESULT_SIZE, STATUSES, _chunks

FETCH = 1000
_STRUCT = {"u1": "B", "<i2": "h", "<i8": "q"}
_RECORD = struct.Struct("<" + "".join(_STRUCT[code] for _name, code in RESULT_FIELDS))
assert _RECORD.size == RESULT_SIZE, "the stored result records' layout changed"
_LIVE = "h.deleted_at IS NULL"


def _where(village: str | None, params: dict[str, Any]) -> str:
    if village is None:
        return _LIVE
    params["village"] = village
    return f"{_LIVE} AND h.village = :village"


def _stream(conn: sa.Connection, sql: str, params: dict[str, Any]) -> Iterator[Any]:
    """The rows as plain tuples (on SQLite from the driver's cursor, as the screening reads them)."""
    found: Any = sql_runner(conn)(sql, params)
    while part := found.fetchmany(FETCH):
        yield from part


def results_of(blob: bytes) -> list[tuple[str, str, int | None, str]]:
    """(programme, status, amount fen or None, detail) of a stored row's result records (the same
    records as :func:`advisor_app.store.screening_results.unpack`, read without numpy)."""
    return [(PROGRAMS[program], STATUSES[status], None if amount == NO_AMOUNT else amount, DETAILS[detail])
            for program, status, _member, detail, amount in _RECORD.iter_unpack(blob)]


def villages(conn: sa.Connection) -> list[str]:
    """The villages (村/社区) of the live households, in order ("" for households without one)."""
    return [r[0] for r in conn.execute(sa.text(
        "SELECT DISTINCT h.village FROM households h WHERE h.deleted_at IS NULL ORDER BY h.village"))]


def count(conn: sa.Connection, which: str, village: str | None = None) -> int:
    """How many rows the ledger ``which`` (households, members, needs, visits) has."""
    params: dict[str, Any] = {}
    where = _where(village, params)
    joins = {
        "households": "",
        "members": " JOIN members x ON x.household_id = h.id AND x.deleted_at IS NULL",
        "visits": " JOIN visits x ON x.household_id = h.id AND x.deleted_at IS NULL",
        "needs": " JOIN needs x ON x.household_id = h.id AND x.deleted_at IS NULL "
                 "JOIN visits v ON v.id = x.visit_id AND v.deleted_at IS NULL",
    }[which]
    return int(conn.execute(sa.text(f"SELECT count(*) FROM households h{joins} WHERE {where}"), params).scalar_one())


HouseholdRow = tuple[str, str, str, str, int, str, str, "dt.date | None", "dt.date | None", bool,
                     "list[tuple[str, str, int | None, str]] | None", "dt.date | None", bool]
"""(town, village, head name, head's ID number, members, address, phone, last visit, next review,
unsent, results (programme, status, amount fen, detail) or None when none is stored, the results'
date, whether the results are current)."""


def household_rows(conn: sa.Connection, since: str | None, village: str | None = None) -> Iterator[HouseholdRow]:
    """The households ledger. ``since``: the time up to which stored results are current
    (:func:`advisor_app.rules.freshness.current_since`; ``None``: none is)."""
    params: dict[str, Any] = {}
    where = _where(village, params)
    if since is None:
        current = "0"
    else:
        params["since"] = since
        current = f"CASE WHEN h.id IN {CHANGED_AFTER} THEN 0 ELSE 1 END"
    sql = (
        "SELECT h.town, h.village, h.head_name, (SELECT m.id_number FROM members m WHERE m.household_id = h.id "
        "AND m.relation = 'head' AND m.deleted_at IS NULL ORDER BY m.position LIMIT 1), h.member_count, "
        "h.address, h.phone, h.last_visit, h.next_review, h.sync_mark, r.results, r.on_date, "
        f"{current} FROM households h LEFT JOIN screening_results r ON r.household_id = h.id "
        f"WHERE {where} ORDER BY h.village, h.head_name, h.id")
    for (town, vill, head, number, members, address, phone, last, nxt, mark, blob, on,
         fresh) in _stream(conn, sql, params):
        results = None if blob is None else results_of(bytes(blob))
        yield (town or "", vill or "", head or "", number or "", int(members or 0), address or "", phone or "",
               day_or_none(last), day_or_none(nxt), mark == 2, results, day_or_none(on), bool(fresh))


MemberLedgerRow = tuple[str, str, str, str, str, str, str | None, int | None, bool, int, bool, str, int,
                        list[tuple[str, float]], str, str, str, str, "dt.date | None"]
"""(town, village, head name, name, ID number, relation, disability kind, grade, serious illness,
self-care items lost, student, whereabouts, months away, incomes (kind, monthly yuan), ethnicity,
occupation, phone, state, state date)."""


def member_rows(conn: sa.Connection, village: str | None = None) -> Iterator[MemberLedgerRow]:
    """The members ledger: one row per live member of a live household, in the household's order."""
    params: dict[str, Any] = {}
    sql = (
        "SELECT h.town, h.village, h.head_name, m.name, m.id_number, m.relation, m.disability_kind, "
        "m.disability_grade, m.serious_illness, m.self_care_lost, m.student, m.whereabouts, m.months_away, "
        "m.incomes, m.ethnicity, m.occupation, m.phone, m.state, m.state_date "
        "FROM households h JOIN members m ON m.household_id = h.id AND m.deleted_at IS NULL "
        f"WHERE {_where(village, params)} ORDER BY h.village, h.head_name, h.id, m.position")
    incomes: dict[str, list[tuple[str, float]]] = {}
    for (town, vill, head, name, number, relation, dkind, dgrade, ill, lost, student, where, away, inc, ethnicity,
         occupation, phone, state, sdate) in _stream(conn, sql, params):
        key = inc if isinstance(inc, str) else None
        parsed = incomes.get(key) if key is not None else None
        if parsed is None:
            raw = json.loads(inc) if isinstance(inc, str | bytes) else (inc or [])
            parsed = [(str(k), float(v)) for k, v in raw]
            if key is not None:
                incomes[key] = parsed
        yield (town or "", vill or "", head or "", name or "", number or "", relation or "", dkind, dgrade,
               bool(ill), int(lost or 0), bool(student), where or "", int(away or 0), parsed, ethnicity or "",
               occupation or "", phone or "", state or "", day_or_none(sdate))


NeedLedgerRow = tuple[str, str, str, str, str, str, "dt.date", list[str],
                      "tuple[dt.date, str] | None", "tuple[dt.date, str] | None", "tuple[dt.date, str, str] | None"]
"""(town, village, head name, category, description, status, found on (the visit's day), found by
(its investigators), last referral (day, by), last fulfilment (day, by), last change (day, by, note))."""


def need_rows(conn: sa.Connection, village: str | None = None) -> Iterator[NeedLedgerRow]:
    """The needs ledger (需求台账): each live need of a live visit, with who referred or met it."""
    params: dict[str, Any] = {}
    sql = (
        "SELECT n.id, h.town, h.village, h.head_name, n.category, n.description, n.status, v.date, v.investigators "
        "FROM households h JOIN needs n ON n.household_id = h.id AND n.deleted_at IS NULL "
        "JOIN visits v ON v.id = n.visit_id AND v.deleted_at IS NULL "
        f"WHERE {_where(village, params)} ORDER BY h.village, h.head_name, h.id, v.date, v.created_at, n.position")
    changes = sa.text(
        "SELECT need_id, new_status, changed_on, changed_by, note FROM need_status_changes "
        "WHERE deleted_at IS NULL AND need_id IN :ids ORDER BY changed_on, created_at").bindparams(
        sa.bindparam("ids", expanding=True))
    found: Any = sql_runner(conn)(sql, params)
    while part := found.fetchmany(FETCH):
        history: dict[str, list[tuple[str, dt.date, str, str]]] = {}
        for chunk in _chunks(r[0] for r in part):
            for need, status, on, by, note in conn.execute(changes, {"ids": chunk}):
                history.setdefault(need, []).append((status, day_or_none(on) or dt.date.min, by or "", note or ""))
        for nid, town, vill, head, category, description, status, on, investigators in part:
            referred = fulfilled = last = None
            for new, day, by, note in history.get(nid, ()):
                if new == "referred":
                    referred = (day, by)
                elif new == "fulfilled":
                    fulfilled = (day, by)
                last = (day, by, note)
            people = json.loads(investigators) if isinstance(investigators, str) else (investigators or [])
            yield (town or "", vill or "", head or "", category, description or "", status,
                   day_or_none(on) or dt.date.min, [str(p) for p in people], referred, fulfilled, last)


VisitLedgerRow = tuple[str, str, str, "dt.date", str, list[str], str, int, str, "dt.date | None"]
"""(town, village, head name, day, type, investigators, notes, needs found, follow-up, next visit)."""


def visit_rows(conn: sa.Connection, village: str | None = None) -> Iterator[VisitLedgerRow]:
    """The visit ledger: each live visit of a live household, oldest first within a household."""
    params: dict[str, Any] = {}
    sql = (
        "SELECT h.town, h.village, h.head_name, v.date, v.type, v.investigators, v.notes, "
        "(SELECT count(*) FROM needs n WHERE n.visit_id = v.id AND n.deleted_at IS NULL), v.follow_up, "
        "v.next_visit FROM households h JOIN visits v ON v.household_id = h.id AND v.deleted_at IS NULL "
        f"WHERE {_where(village, params)} ORDER BY h.village, h.head_name, h.id, v.date, v.created_at")
    for town, vill, head, on, kind, investigators, notes, needs, follow, nxt in _stream(conn, sql, params):
        people = json.loads(investigators) if isinstance(investigators, str) else (investigators or [])
        yield (town or "", vill or "", head or "", day_or_none(on) or dt.date.min, kind or "",
               [str(p) for p in people], notes or "", int(needs or 0), follow or "", day_or_none(nxt))


__all__ = ["count", "household_rows", "member_rows", "need_rows", "villages", "visit_rows"]
