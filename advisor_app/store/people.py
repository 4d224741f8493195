"""Who is registered where: a person (ID number) belongs to one live household.

Portable SQLAlchemy Core (a join and an ``IN`` list), so it runs the same on SQLite and PostgreSQL;
``ix_members_id_number`` makes each look-up an index search.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import HouseholdRow, MemberRow

CHUNK = 500  # ID numbers per query: well below every database's limit on bound parameters


@dataclass(frozen=True, slots=True)
class Registration:
    """A live member with this ID number, and the live household it belongs to."""

    id_number: str
    member_name: str
    household_id: str
    head_name: str
    village: str


def registrations(session: Session, id_numbers: Iterable[str], *,
                  other_than: str | None = None) -> list[Registration]:
    """The live households (other than ``other_than``) that have a live member with one of these
    ID numbers, ordered by ID number, village, head's name."""
    numbers = sorted(set(id_numbers))
    m, h = MemberRow, HouseholdRow
    found: list[Registration] = []
    for start in range(0, len(numbers), CHUNK):
        query = (sa.select(m.id_number, m.name, h.id, h.head_name, h.village)
                 .join(h, h.id == m.household_id)
                 .where(m.id_number.in_(numbers[start:start + CHUNK]), m.deleted_at.is_(None),
                        h.deleted_at.is_(None)))
        if other_than is not None:
            query = query.where(h.id != other_than)
        found += [Registration(*row) for row in session.execute(query)]
    found.sort(key=lambda r: (r.id_number, r.village, r.head_name, r.household_id))
    return found
