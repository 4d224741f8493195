"""Batch screening's storage: a fast read of every household for checking, and the results table.

Reading 140,000 households (≈400,000 members) through the ORM or per-row SQLAlchemy processing
costs seconds; here the rows come as plain tuples, the JSON columns are decoded once per distinct
text (most members share a handful of income lists), and only the fields the rules read are filled
in (no visits, no phone/ethnicity/occupation). The households are for checking only: income and
supporter objects may be shared between them, so do not edit and save them.

The SQL runs on SQLite and PostgreSQL (named binds, no driver-specific syntax). On SQLite the rows
are read and written through the driver's own cursor (:data:`SQLITE_SPEEDUPS`), which skips
SQLAlchemy's per-row processing; elsewhere through SQLAlchemy, whose PostgreSQL driver already
returns JSON columns decoded, dates as ``datetime.date`` and booleans as ``bool``: the reader takes
either form.

Whether a stored result is current is decided in ``rules.freshness``; :data:`CHANGED_AFTER` and
:data:`UNCHANGED_SINCE` are the SQL forms of its per-household part (nothing of the household
changed after ``:since``), the first for whole-list queries, the second for a few households.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from advisor_app.domain.household import (
    Assets,
    Disability,
    Emergency,
    Expenses,
    Household,
    Income,
    Member,
    Receipt,
    Supporter,
)

from . import screening_results as _results
from .convert import day_or_none, receipt_from, supporter_from
from .screening_results import PackedRow, ResultRow, _chunks, result_count, stored_results, unpack

__all__ = ["CHANGED_AFTER", "UNCHANGED_SINCE", "LedgerRow", "ResultRow", "changed_since", "last_changes",
           "ledger_rows", "live_household_count", "read_for_screening", "replace_results", "result_count",
           "sql_runner", "sqlite_fast", "stored_results"]

SQLITE_SPEEDUPS = True
"""Use the driver's cursor on SQLite (tests switch it off to run the portable path on SQLite)."""

_HOUSEHOLDS = (
    "SELECT id, region, area, financial_assets_fen, vehicles, extra_houses, medical_selfpaid_12m_fen, "
    "education_12m_fen, emergency_kind, emergency_date, supporters, disability_vehicles, production_vehicles, "
    "receiving FROM households "
    "WHERE deleted_at IS NULL{where} ORDER BY id")
_MEMBERS = (
    "SELECT household_id, id, name, id_number, relation, disability_kind, disability_grade, serious_illness, "
    "self_care_lost, student, whereabouts, months_away, incomes, state, state_date, order_months, "
    "no_legal_capacity, guardianship_revoked, deported FROM members "
    "WHERE deleted_at IS NULL{where} ORDER BY household_id, position")
# Portable path: only members of the households read, so that the two ordered streams hold the same
# keys and can be merged by equality alone (the database's collation need not be Python's).
_OWNED = " AND household_id IN (SELECT id FROM households WHERE deleted_at IS NULL{where})"


def _sqlite_fast(conn: sa.Connection) -> bool:
    return SQLITE_SPEEDUPS and conn.dialect.name == "sqlite"


def sqlite_fast(conn: sa.Connection) -> bool:
    """Whether this module's SQLite speed-ups (the driver's own cursor) apply on ``conn``."""
    return _sqlite_fast(conn)


class SqlRunner:
    """Runs one of this module's queries (named binds) and returns an iterable of row tuples."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.fast = _sqlite_fast(conn)

    def __call__(self, sql: str, params: dict[str, Any]) -> Iterable[Sequence[Any]]:
        if self.fast:  # sqlite3 takes :name binds itself; its cursor yields plain tuples
            return self.conn.exec_driver_sql(sql, params).cursor  # type: ignore[return-value]
        return self.conn.execute(sa.text(sql), params)


def sql_runner(conn: sa.Connection) -> SqlRunner:
    """The ``execute`` that :func:`read_for_screening` needs, over a SQLAlchemy connection."""
    return SqlRunner(conn)


def _range(lo: str | None, hi: str | None, column: str,
           ids: Sequence[str] | None = None) -> tuple[str, dict[str, str]]:
    where, params = "", {}
    if ids is not None:
        where += f" AND {column} IN ({', '.join(f':i{k}' for k in range(len(ids)))})" if ids else " AND 0 = 1"
        params.update({f"i{k}": i for k, i in enumerate(ids)})
    if lo is not None:
        where += f" AND {column} >= :lo"
        params["lo"] = lo
    if hi is not None:
        where += f" AND {column} < :hi"
        params["hi"] = hi
    return where, params


def _json(raw: Any) -> Any:
    return json.loads(raw) if isinstance(raw, str | bytes) else raw


def _day(raw: Any) -> dt.date:
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(raw)


def read_for_screening(execute: Any, *, lo: str | None = None, hi: str | None = None,
                       ids: Sequence[str] | None = None, batch: int = 10_000) -> Iterator[list[Household]]:
    """Live households with their live members, in id order, in batches.

    ``execute(sql, params)`` runs one query and returns an iterable of row tuples: :func:`sql_runner`
    over a SQLAlchemy connection (or a sqlite3 connection's ``execute``). ``lo``/``hi`` restrict to
    household ids in ``[lo, hi)``, ``ids`` to these (a few hundred at most: one bind each).
    """
    fast = getattr(execute, "fast", True)
    hw, params = _range(lo, hi, "id", ids)
    mw, _ = _range(lo, hi, "household_id", ids)
    if not fast:
        mw = _OWNED.format(where=hw)
    member_rows = iter(execute(_MEMBERS.format(where=mw), params))
    incomes: dict[str, list[Income]] = {}
    supporters: dict[str, list[Supporter]] = {}
    receipts: dict[str, list[Receipt]] = {}
    disabilities: dict[tuple[str, int], Disability] = {}
    dates: dict[Any, dt.date] = {}
    pending = next(member_rows, None)
    out: list[Household] = []
    for hid, region, area, fin, vehicles, houses, med, edu, ekind, edate, sup, dvehicles, pvehicles, rec in execute(
            _HOUSEHOLDS.format(where=hw), params):
        members: list[Member] = []
        # SQLite orders text as Python does: members of households not read (tombstoned) are skipped.
        while fast and pending is not None and pending[0] < hid:
            pending = next(member_rows, None)
        while pending is not None and pending[0] == hid:
            (_, mid, name, number, relation, dkind, dgrade, ill, lost, student, where, away, inc,
             state, sdate, order, incapable, revoked, deported) = pending
            key = inc if isinstance(inc, str) else None
            parsed = incomes.get(key) if key is not None else None
            if parsed is None:
                parsed = [Income(k, float(v)) for k, v in _json(inc)]
                if key is not None:
                    incomes[key] = parsed
            disability = None
            if dkind:
                disability = disabilities.get((dkind, dgrade))
                if disability is None:
                    disability = disabilities[(dkind, dgrade)] = Disability(dkind, dgrade)
            member = Member(name, number, relation, disability, bool(ill), lost, bool(student), where, away,
                            parsed.copy(), id=mid, state=state, order_months=order)
            if sdate is not None:
                member.state_date = day_or_none(sdate)
            if incapable or revoked or deported:
                member.no_legal_capacity, member.guardianship_revoked = bool(incapable), bool(revoked)
                member.deported = bool(deported)
            members.append(member)
            pending = next(member_rows, None)
        key = sup if isinstance(sup, str) else None
        found = supporters.get(key) if key is not None else None
        if found is None:
            found = [supporter_from(s) for s in _json(sup)]
            if key is not None:
                supporters[key] = found
        key = rec if isinstance(rec, str) else None
        receiving = receipts.get(key) if key is not None else None
        if receiving is None:
            receiving = [receipt_from(x) for x in _json(rec)]
            if key is not None:
                receipts[key] = receiving
        emergency = None
        if ekind:
            day = dates.get(edate)
            if day is None:
                day = dates[edate] = _day(edate)
            emergency = Emergency(ekind, day)
        out.append(Household(region, area, members=members,
                             assets=Assets(fin / 100, vehicles, houses, dvehicles, pvehicles),
                             supporters=found.copy(), expenses=Expenses(med / 100, edu / 100),
                             emergency=emergency, id=hid, receiving=receiving.copy()))
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out


def replace_results(conn: sa.Connection, rows: Sequence[PackedRow], on: dt.date, screened_at: str, *,
                    clear: bool = True) -> None:
    """Write the stored rows of a screening (``store.screening_results``), first removing every
    stored result when ``clear`` (in the caller's transaction)."""
    _results.replace_results(conn, rows, on, screened_at, clear=clear, fast=_sqlite_fast(conn))


def live_household_count(conn: sa.Connection) -> int:
    """How many households a screening will check (those not deleted)."""
    return int(conn.execute(sa.text("SELECT count(*) FROM households WHERE deleted_at IS NULL")).scalar_one())


# --- what changed since the run (the per-household part of rules.freshness) -------------------

CHANGED_AFTER = (
    "(SELECT ch.id FROM households ch WHERE ch.updated_at > :since "
    "UNION ALL SELECT cm.household_id FROM members cm WHERE cm.updated_at > :since)")
"""SQL: the ids of the households that changed after ``:since``, themselves or a member (live or
removed). A member's save normally also marks its household, but not always (a save of a household
whose version is not the stored one), and removing a member leaves only the member's tombstone.
Computed once per statement: for queries over the whole list (``h.id NOT IN CHANGED_AFTER``)."""

UNCHANGED_SINCE = (
    "(h.updated_at <= :since AND NOT EXISTS (SELECT 1 FROM members cm "
    "WHERE cm.household_id = h.id AND cm.updated_at > :since))")
"""SQL over households ``h``: the same condition as ``h.id NOT IN CHANGED_AFTER``, asked per
household: for queries over a few households (a page of the list)."""


def last_changes(conn: sa.Connection, household_ids: Iterable[str]) -> dict[str, str]:
    """The last change (UTC ISO text) of each live household among ``household_ids``: the later of its
    own and its members' ``updated_at`` (removed members included)."""
    stmt = sa.text(
        "SELECT h.id, h.updated_at, (SELECT max(m.updated_at) FROM members m WHERE m.household_id = h.id) "
        "FROM households h WHERE h.deleted_at IS NULL AND h.id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True))
    out: dict[str, str] = {}
    for chunk in _chunks(household_ids):
        for hid, own, members in conn.execute(stmt, {"ids": chunk}):
            out[hid] = max(own, members or "")
    return out


# --- the screening ledger (services.screening_export) -----------------------------------------

LedgerRow = tuple[str, str, str, str, str | None, str | None, str, int | None, str, dt.date]
"""(head name, town, village, programme, member name, member ID number, status, amount fen, detail,
on date)."""


def ledger_rows(conn: sa.Connection, since: str) -> Iterator[LedgerRow]:
    """The stored results of the live households unchanged since ``since``, in village, head name,
    household and stored order."""
    stmt = sa.text(
        "SELECT h.head_name, h.town, h.village, r.household_id, r.results, r.member_ids, r.on_date "
        "FROM screening_results r JOIN households h ON h.id = r.household_id "
        f"WHERE h.deleted_at IS NULL AND h.id NOT IN {CHANGED_AFTER} "
        "ORDER BY h.village, h.head_name, r.household_id")
    names = sa.text("SELECT id, name, id_number FROM members WHERE id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True))
    found = conn.execute(stmt, {"since": since})
    while part := found.fetchmany(500):
        wanted = {m for r in part if r[5] for m in r[5].split(" ")}
        people = {mid: (name, number) for chunk in _chunks(wanted)
                  for mid, name, number in conn.execute(names, {"ids": chunk})}
        for head, town, village, hid, blob, members, on in part:
            day = _day(on)
            for _h, member, program, status, amount, detail in unpack(hid, bytes(blob), members):
                name, number = people.get(member, (None, None)) if member is not None else (None, None)
                yield (head, town, village, program, name, number, status, amount, detail, day)


def changed_since(conn: sa.Connection, since: str) -> list[tuple[str, str, str]]:
    """(head name, town, village) of the live households added or changed after ``since`` (no stored
    result of theirs is current), in village and head-name order."""
    stmt = sa.text(
        "SELECT h.head_name, h.town, h.village FROM households h WHERE h.deleted_at IS NULL "
        f"AND h.id IN {CHANGED_AFTER} ORDER BY h.village, h.head_name, h.id")
    return [(r[0], r[1], r[2]) for r in conn.execute(stmt, {"since": since})]
