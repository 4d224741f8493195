"""Differences a roster import found between the roster and what the advisor recorded (migration
0016): one row per field, pending until a person accepts the roster's value or keeps the recorded one.

Values are JSON text (the plain values of :mod:`advisor_app.domain.roster_merge`). An answered
difference stays, with its answer: the same roster imported again does not list what was already
answered for the same value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.errors import NotFound
from advisor_app.domain.roster_merge import Difference

from .models import HouseholdRow, RosterDifferenceRow, new_id, utc_now

ACCEPTED, REJECTED, SUPERSEDED = "accepted", "rejected", "superseded"  # superseded: a later roster says otherwise
CHUNK = 500


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def difference_of(row: RosterDifferenceRow) -> Difference:
    return Difference(row.member_id_number, row.member_name, row.field, json.loads(row.existing),
                      json.loads(row.roster))


def of_households(session: Session, household_ids: Iterable[str]) -> list[RosterDifferenceRow]:
    """Every difference (pending and answered) of these households."""
    ids = sorted(set(household_ids))
    out: list[RosterDifferenceRow] = []
    for start in range(0, len(ids), CHUNK):
        out += session.scalars(sa.select(RosterDifferenceRow)
                               .where(RosterDifferenceRow.household_id.in_(ids[start:start + CHUNK])))
    return out


def add(session: Session, household_id: str, differences: Sequence[Difference], source: str) -> None:
    now = utc_now()
    session.add_all(RosterDifferenceRow(id=new_id(), household_id=household_id, member_id_number=d.member_id_number,
                                        member_name=d.member_name, field=d.field, existing=dumps(d.existing),
                                        roster=dumps(d.roster), source=source, created_at=now)
                    for d in differences)


def close(session: Session, rows: Iterable[RosterDifferenceRow], choice: str) -> None:
    now = utc_now()
    for row in rows:
        row.resolved_at, row.choice = now, choice


def pending(session: Session) -> list[tuple[RosterDifferenceRow, str, str]]:
    """The pending differences of live households with the household's head and village, by village,
    head, then as listed."""
    d, h = RosterDifferenceRow, HouseholdRow
    query = (sa.select(d, h.head_name, h.village).join(h, h.id == d.household_id)
             .where(d.resolved_at.is_(None), h.deleted_at.is_(None))
             .order_by(h.village, h.head_name, d.household_id, d.created_at, d.member_id_number, d.field))
    return [(row, head or "", village or "") for row, head, village in session.execute(query)]


def get_pending(session: Session, difference_id: str) -> RosterDifferenceRow:
    row = session.get(RosterDifferenceRow, difference_id)
    if row is None or row.resolved_at is not None:
        raise NotFound(f"没有编号为 {difference_id} 的待处理名册差异（可能已经处理过了）")
    return row


def pending_count(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(RosterDifferenceRow)
                          .where(RosterDifferenceRow.resolved_at.is_(None))) or 0
