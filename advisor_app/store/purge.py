"""Removing households for good (no tombstone): only for synthetic demo households.

A real household is never removed this way: deleting one leaves a tombstone (``households.delete_household``)
so that the deletion can be synchronised and audited. Demo households are invented and must never
reach a bundle or an audit trail, so resetting a demo profile, or clearing the demo households out of
a profile made by an earlier release, removes their rows and everything that hangs on them.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from .models import DraftRow, HouseholdInputRow, HouseholdRow, MemberRow, NeedRow, ScreeningResultRow, VisitRow

CHUNK = 500  # household ids per statement: well below every database's limit on bound parameters

_CHILDREN = (NeedRow, VisitRow, MemberRow, ScreeningResultRow, HouseholdInputRow)


def head_id_numbers(conn: sa.Connection) -> dict[str, str]:
    """household id → the head's ID number, for every live household that has a head."""
    m, h = MemberRow.__table__, HouseholdRow.__table__
    query = (sa.select(m.c.household_id, m.c.id_number).join(h, h.c.id == m.c.household_id)
             .where(m.c.relation == "head", m.c.deleted_at.is_(None), h.c.deleted_at.is_(None)))
    return {household_id: number for household_id, number in conn.execute(query)}


def live_household_count(conn: sa.Connection) -> int:
    h = HouseholdRow.__table__
    return int(conn.execute(sa.select(sa.func.count()).select_from(h).where(h.c.deleted_at.is_(None)))
               .scalar() or 0)


def remove_all_households(conn: sa.Connection) -> None:
    """Every household, member, visit, need, stored result and visit draft, live or tombstoned."""
    for model in (*_CHILDREN, DraftRow, HouseholdRow):
        conn.execute(sa.delete(model))


def remove_households(conn: sa.Connection, household_ids: Iterable[str]) -> int:
    """These households and what belongs to them (their visit drafts too); returns how many went."""
    ids = sorted(set(household_ids))
    removed = 0
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        for model in _CHILDREN:
            conn.execute(sa.delete(model).where(model.household_id.in_(part)))
        conn.execute(sa.delete(DraftRow).where(DraftRow.record_id.in_(part)))
        removed += conn.execute(sa.delete(HouseholdRow).where(HouseholdRow.id.in_(part))).rowcount or 0
    return removed
