"""Batch screening's storage: a fast read of every household for checking, and the results table.

Reading 140,000 households (≈400,000 members) through the ORM or per-row SQLAlchemy processing
costs seconds; here the rows come straight from the DB-API cursor, the JSON columns are decoded once
per distinct text (most members share a handful of income lists), and only the fields the rules read
are filled in (no visits, no phone/ethnicity/occupation). The households are for checking only:
income and supporter objects may be shared between them, so do not edit and save them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from advisor_app.domain.household import (
    Assets,
    Disability,
    Emergency,
    Expenses,
    Household,
    Income,
    Member,
    Supporter,
)

if TYPE_CHECKING:  # worker processes import this module without loading SQLAlchemy
    import sqlalchemy as sa

_HOUSEHOLDS = (
    "SELECT id, region, area, financial_assets_fen, vehicles, extra_houses, medical_selfpaid_12m_fen, "
    "education_12m_fen, emergency_kind, emergency_date, supporters FROM households "
    "WHERE deleted_at IS NULL{where} ORDER BY id")
_MEMBERS = (
    "SELECT household_id, id, name, id_number, relation, disability_kind, disability_grade, serious_illness, "
    "self_care_lost, student, whereabouts, months_away, incomes FROM members "
    "WHERE deleted_at IS NULL{where} ORDER BY household_id, position")

Cursor = Any  # a DB-API cursor (sqlite3) or a SQLAlchemy CursorResult: both iterate tuples


def _range(lo: str | None, hi: str | None, column: str) -> tuple[str, tuple[str, ...]]:
    where, params = "", cast(tuple[str, ...], ())
    if lo is not None:
        where += f" AND {column} >= ?"
        params += (lo,)
    if hi is not None:
        where += f" AND {column} < ?"
        params += (hi,)
    return where, params


def read_for_screening(execute: Any, *, lo: str | None = None, hi: str | None = None,
                       batch: int = 10_000) -> Iterator[list[Household]]:
    """Live households with their live members, in id order, in batches.

    ``execute(sql, params)`` runs one query and returns an iterable of row tuples (a sqlite3
    connection's ``execute`` or :func:`sql_runner` over a SQLAlchemy connection). ``lo``/``hi``
    restrict to household ids in ``[lo, hi)`` so that parts can be read in parallel.
    """
    hw, hp = _range(lo, hi, "id")
    mw, mp = _range(lo, hi, "household_id")
    member_rows = iter(execute(_MEMBERS.format(where=mw), mp))
    incomes: dict[str, list[Income]] = {}
    supporters: dict[str, list[Supporter]] = {}
    disabilities: dict[tuple[str, int], Disability] = {}
    dates: dict[str, dt.date] = {}
    pending = next(member_rows, None)
    out: list[Household] = []
    for hid, region, area, fin, vehicles, houses, med, edu, ekind, edate, sup in execute(
            _HOUSEHOLDS.format(where=hw), hp):
        members: list[Member] = []
        while pending is not None and pending[0] < hid:
            pending = next(member_rows, None)
        while pending is not None and pending[0] == hid:
            _, mid, name, number, relation, dkind, dgrade, ill, lost, student, where, away, inc = pending
            parsed = incomes.get(inc)
            if parsed is None:
                parsed = incomes[inc] = [Income(k, float(v)) for k, v in json.loads(inc)]
            disability = None
            if dkind:
                disability = disabilities.get((dkind, dgrade))
                if disability is None:
                    disability = disabilities[(dkind, dgrade)] = Disability(dkind, dgrade)
            members.append(Member(name, number, relation, disability, bool(ill), lost, bool(student), where, away,
                                  parsed.copy(), id=mid))
            pending = next(member_rows, None)
        found = supporters.get(sup)
        if found is None:
            found = supporters[sup] = [Supporter(**s) for s in json.loads(sup)]
        emergency = None
        if ekind:
            day = dates.get(edate)
            if day is None:
                day = dates[edate] = dt.date.fromisoformat(edate)
            emergency = Emergency(ekind, day)
        out.append(Household(region, area, members=members, assets=Assets(fin / 100, vehicles, houses),
                             supporters=found.copy(), expenses=Expenses(med / 100, edu / 100),
                             emergency=emergency, id=hid))
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out


def sql_runner(conn: sa.Connection) -> Any:
    """An ``execute(sql, params)`` over a SQLAlchemy connection, on its raw DB-API cursor."""
    def run(sql: str, params: tuple[Any, ...]) -> Iterable[tuple[Any, ...]]:
        return conn.exec_driver_sql(sql, params).cursor  # type: ignore[return-value]
    return run


# --- screening_results -----------------------------------------------------------------------

ResultRow = tuple[str, str | None, str, str, int | None, str]
"""(household id, member id or None, programme, status, amount in fen or None, detail)."""

_COLUMNS = "household_id, member_id, program, status, amount_fen, detail, on_date, screened_at"


def replace_results(conn: sa.Connection, rows: Sequence[ResultRow], on: dt.date, screened_at: str, *,
                    clear: bool = True) -> None:
    """Write ``rows``, first removing every stored result when ``clear`` (in the caller's transaction)."""
    if clear:
        conn.exec_driver_sql("DELETE FROM screening_results")
    if not rows:
        return
    day = on.isoformat()
    conn.exec_driver_sql(f"INSERT INTO screening_results ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [(*r, day, screened_at) for r in rows])


def stored_results(conn: sa.Connection, household_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """(household id, member id, programme, status, amount fen, detail, on date) rows, in stored order."""
    sql = ("SELECT household_id, member_id, program, status, amount_fen, detail, on_date "
           "FROM screening_results")
    if household_ids is None:
        return list(conn.exec_driver_sql(sql + " ORDER BY id"))
    ids = list(household_ids)
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.extend(conn.exec_driver_sql(
            sql + f" WHERE household_id IN ({', '.join('?' * len(chunk))}) ORDER BY id", tuple(chunk)))
    return out
