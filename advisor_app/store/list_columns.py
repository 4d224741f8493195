"""The household list's computed columns, kept on the household row so that the list sorts by them
from an index (migration 0011): 最近走访 (``last_visit``), 下次核查 (``next_review``) and the 发送 mark
(``sync_mark``, :mod:`.sync_marks`).

Every write that changes what they show calls one function here, with the households it touched:

* :func:`refresh_visit_columns` — a visit added, changed or removed, a household saved, archived,
  restored or inserted in bulk;
* :func:`.sync_marks.refresh_marks` — anything the 发送 mark depends on (a save, a need's status, the
  sync state written by export and import, an assignment, a peer enrolled or revoked).

The values are the very expressions the list computed per row before (:data:`LAST_VISIT`,
:data:`NEXT_REVIEW`), evaluated once per write instead of once per row per sort.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import sqlalchemy as sa

CHUNK = 500  # ids per statement (SQLite's parameter limit, and short statements)


def last_visit_sql(h: str) -> str:
    """The date of household ``h``'s latest live visit (NULL: never visited)."""
    return ("(SELECT v.date FROM visits v WHERE v.household_id = " + h + ".id AND v.deleted_at IS NULL "
            "ORDER BY v.date DESC, v.created_at DESC LIMIT 1)")


def next_review_sql(h: str) -> str:
    """下次核查, the rule of domain.review.next_review: the date agreed at the latest visit that agreed
    one (``a``), unless a visit after it (``b``: a later day, or the same day recorded later) took
    place on or after that date. The EXISTS runs for the one visit picked, on the (household_id,
    date) index."""
    return (
        "(SELECT CASE WHEN EXISTS (SELECT 1 FROM visits b WHERE b.household_id = a.household_id "
        "AND b.deleted_at IS NULL AND b.date >= a.next_visit "
        "AND (b.date > a.date OR (b.date = a.date AND b.created_at > a.created_at))) "
        "THEN NULL ELSE a.next_visit END "
        "FROM visits a WHERE a.household_id = " + h + ".id AND a.deleted_at IS NULL "
        "AND a.next_visit IS NOT NULL ORDER BY a.date DESC, a.created_at DESC LIMIT 1)")


LAST_VISIT = last_visit_sql("h")
NEXT_REVIEW = next_review_sql("h")


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def _update(conn: sa.Connection, assignments: str, params: dict[str, object],
            household_ids: Iterable[str] | None) -> None:
    sql = f"UPDATE households SET {assignments}"
    if household_ids is None:
        conn.execute(sa.text(sql), params)
        return
    stmt = sa.text(sql + " WHERE id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
    for part in chunks(household_ids):
        conn.execute(stmt, {**params, "ids": part})


def refresh_visit_columns(conn: sa.Connection, household_ids: Iterable[str] | None = None) -> None:
    """Compute 最近走访 and 下次核查 again for these households (``None``: all of them)."""
    _update(conn, f"last_visit = {last_visit_sql('households')}, "
                  f"next_review = {next_review_sql('households')}", {}, household_ids)


def update_households(conn: sa.Connection, assignments: str, params: dict[str, object],
                      household_ids: Iterable[str] | None) -> None:
    """``UPDATE households SET assignments`` for these households (``None``: all); the assignments
    may name the household being updated as ``households``."""
    _update(conn, assignments, params, household_ids)
