"""Archiving (归档) a household and restoring it.

An archived household is a tombstone like any deleted record (``deleted_at`` set, a new version,
``unsent``), so every list, search, count, screening, notice and ledger, which all read live records
only, leaves it out, and a later sync tells the office. Its members, visits and needs are tombstoned
at the same instant; the household row also records why (``archive_reason``, ``archive_note``), on
which day and by whom. Restoring brings back exactly the records tombstoned at that instant (a
member removed earlier stays removed) and clears the archive columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.domain.household import Member

from . import convert, household_inputs
from .households import delete_household, refresh_list_columns
from .models import NOT_ARCHIVED, HouseholdRow, MemberRow, NeedRow, NeedStatusChangeRow, Record, VisitRow, utc_now


@dataclass(frozen=True, slots=True)
class ArchivedHousehold:
    id: str
    head_name: str
    village: str
    town: str
    member_count: int
    reason: str | None  # a vocab.ARCHIVE_REASONS code; None when deleted without one
    note: str
    archived_on: dt.date | None
    archived_by: str


def archive_household(session: Session, household_id: str, *, reason: str, note: str, on: dt.date,
                      by: str) -> None:
    """Tombstone the household with everything that belongs to it, recording why, when and by whom."""
    delete_household(session, household_id)  # NotFound when there is no such live household
    row = session.get(HouseholdRow, household_id)
    assert row is not None
    row.archive_reason, row.archive_note, row.archived_on, row.archived_by = reason, note, on, by
    session.flush()


def _archived_row(session: Session, household_id: str) -> HouseholdRow:
    row = session.get(HouseholdRow, household_id)
    if row is None:
        raise NotFound(f"没有编号为 {household_id} 的家庭")
    if row.deleted_at is None:
        raise DomainError(f"户主“{row.head_name or '—'}”这户家庭没有归档，不需要恢复")
    return row


def _archived_with(session: Session, row: HouseholdRow) -> list[Record]:
    """The household's members, visits, needs and the needs' status changes tombstoned together with it."""
    stamp = row.deleted_at
    found: list[Record] = []
    for kind in (MemberRow, VisitRow, NeedRow, NeedStatusChangeRow):
        found += session.scalars(sa.select(kind).where(kind.household_id == row.id, kind.deleted_at == stamp))
    return found


def archived_members(session: Session, household_id: str) -> list[Member]:
    """The members that restoring the archived household would bring back, in their order."""
    row = _archived_row(session, household_id)
    rows = session.scalars(sa.select(MemberRow).where(
        MemberRow.household_id == row.id, MemberRow.deleted_at == row.deleted_at).order_by(MemberRow.position))
    return [convert.member_from(m) for m in rows]


def restore_household(session: Session, household_id: str) -> None:
    """Make the archived household live again, with the records archived with it."""
    row = _archived_row(session, household_id)
    now = utc_now()
    for record in [row, *_archived_with(session, row)]:
        record.deleted_at = None
        record.version += 1
        record.updated_at = now
        record.unsent = True
    for key, value in NOT_ARCHIVED.items():
        setattr(row, key, value)
    session.flush()
    refresh_list_columns(session, [row.id])
    household_inputs.repack(session.connection(), [row.id])


def list_archived(session: Session, text: str = "") -> list[ArchivedHousehold]:
    """Archived (deleted) households, most recently archived first; ``text`` (when given) is part of
    the head's name or of the village or town."""
    h = HouseholdRow
    query = sa.select(h.id, h.head_name, h.village, h.town, h.member_count, h.archive_reason, h.archive_note,
                      h.archived_on, h.archived_by).where(h.deleted_at.is_not(None))
    if text:
        query = query.where(sa.or_(h.head_name.contains(text, autoescape=True),
                                   h.village.contains(text, autoescape=True),
                                   h.town.contains(text, autoescape=True)))
    query = query.order_by(h.deleted_at.desc(), h.head_name, h.id)
    return [ArchivedHousehold(*r) for r in session.execute(query)]
