"""Saving and loading households (with members, visits and needs) as one aggregate.

A save reconciles the stored records with the household as it is now: records are matched by id
(members also by ID number), changed records get a new version and ``unsent``, records that are gone
become tombstones. Nothing is ever hard-deleted, so a later sync can tell the office about it.
Inserting many new households at once (demo generation) is :mod:`advisor_app.store.bulk`.
What a save refuses before writing (ids of another household's records, a stale copy, a deleted
household) is :mod:`advisor_app.store.record_owners`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.errors import NotFound
from advisor_app.domain.household import Household, Need, Visit

from . import convert, household_inputs, record_owners
from . import needs as need_history
from .list_columns import refresh_visit_columns
from .models import (
    NOT_ARCHIVED,
    HouseholdRow,
    MemberRow,
    NeedRow,
    NeedStatusChangeRow,
    Record,
    VisitRow,
    new_id,
    utc_now,
)
from .sync_marks import refresh_marks


def _apply(row: Record, values: dict[str, Any], now: str) -> bool:
    """Set changed columns on ``row``; raise its version when anything changed."""
    changed = row.deleted_at is not None
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    if changed:
        row.deleted_at = None
        row.version = (row.version or 0) + 1
        row.updated_at = now
        row.unsent = True
    return changed


def _tombstone(row: Record, now: str) -> None:
    if row.deleted_at is None:
        row.deleted_at = now
        row.version += 1
        row.updated_at = now
        row.unsent = True


def save_household(session: Session, household: Household, *, with_visits: bool = True,
                   status_history: bool = True, owners_checked: bool = False,
                   refresh_list: bool = True) -> Household:
    """Create or update ``household``; returns it with ids and versions as stored.

    With ``with_visits=False`` the stored visits are left alone (an editor that only changes the
    household's facts must not delete visits it never loaded). ``status_history=False``: a need
    saved with another status gets no history entry here (a bundle's import: the entry written
    where the change was made arrives as a record of its own). Saving many households together (an
    import), the caller may have checked already that no member, visit or need id of theirs belongs
    to another household (``owners_checked``, one query for all) and refresh the list's columns of
    all of them once afterwards (``refresh_list=False``: :func:`refresh_after_save`).
    """
    now = utc_now()
    row = session.get(HouseholdRow, household.id) if household.id else None
    if row is not None:
        record_owners.refuse_stale_or_deleted(row, household)
    if not owners_checked:
        record_owners.refuse_records_of_others(session, household, with_visits=with_visits)
    if row is None:
        row = HouseholdRow(id=household.id or new_id(), created_at=now, updated_at=now, version=0)
        session.add(row)
    row_changed = _apply(row, {**convert.household_values(household), **NOT_ARCHIVED}, now)  # saved: live
    changed = False  # a member added, changed or removed

    existing = {m.id: m for m in session.scalars(sa.select(MemberRow).where(MemberRow.household_id == row.id))}
    by_number = {m.id_number: m for m in existing.values() if m.deleted_at is None}
    kept: set[str] = set()
    for position, member in enumerate(household.members):
        mrow = existing.get(member.id) if member.id else None
        if mrow is None or mrow.id in kept:
            mrow = by_number.get(member.id_number)
        if mrow is None or mrow.id in kept:
            mrow = MemberRow(id=member.id if member.id and member.id not in existing else new_id(),
                             household_id=row.id, created_at=now, version=0)
            session.add(mrow)
        changed |= _apply(mrow, convert.member_values(member, position), now)
        member.id = mrow.id
        kept.add(mrow.id)
    for mrow in existing.values():
        if mrow.id not in kept and mrow.deleted_at is None:
            _tombstone(mrow, now)
            changed = True

    if with_visits:
        stored = {v.id: v for v in session.scalars(sa.select(VisitRow).where(VisitRow.household_id == row.id))}
        for visit in household.visits:
            _save_visit(session, row.id, visit, stored.pop(visit.id, None) if visit.id else None, now,
                        status_history=status_history)
        for vrow in stored.values():
            _tombstone(vrow, now)
    if changed and not row_changed:
        # A member changed but the household columns did not: the aggregate still has a new version
        # (and a new change time, which tells screening that its stored results are out of date).
        row.version += 1
        row.updated_at = now
        row.unsent = True
    _flush(session)
    if refresh_list:
        refresh_after_save(session, [row.id])
    household.id = row.id
    household.version = row.version
    return household


def live_households(session: Session, household_ids: Iterable[str]) -> set[str]:
    """Those of these households that are stored and live. Their rows are loaded into the session,
    500 at a time, where :func:`save_household` then finds them without a query of its own."""
    ids = sorted(set(household_ids))
    live: set[str] = set()
    for start in range(0, len(ids), 500):
        rows = session.scalars(sa.select(HouseholdRow).where(HouseholdRow.id.in_(ids[start:start + 500])))
        live.update(r.id for r in rows if r.deleted_at is None)
    return live


def refresh_after_save(session: Session, household_ids: Iterable[str]) -> None:
    """After saving these households: the list's kept columns and the rules' packed inputs again."""
    ids = list(household_ids)
    refresh_list_columns(session, ids)
    household_inputs.repack(session.connection(), ids)


def refresh_list_columns(session: Session, household_ids: Iterable[str]) -> None:
    """After a write to these households: the list's kept columns (最近走访, 下次核查, 发送) again."""
    ids = list(household_ids)
    refresh_visit_columns(session.connection(), ids)
    refresh_marks(session.connection(), ids)


def _save_visit(session: Session, household_id: str, visit: Visit, vrow: VisitRow | None, now: str, *,
                status_history: bool = True) -> None:
    if vrow is None:
        vrow = VisitRow(id=visit.id or new_id(), household_id=household_id, created_at=now, version=0)
        session.add(vrow)
    _apply(vrow, convert.visit_values(visit), now)
    stored = {n.id: n for n in session.scalars(sa.select(NeedRow).where(NeedRow.visit_id == vrow.id))}
    for position, need in enumerate(visit.needs):
        nrow = stored.pop(need.id, None) if need.id else None
        if nrow is None:
            nrow = NeedRow(id=need.id or new_id(), visit_id=vrow.id, household_id=household_id,
                           created_at=now, version=0)
            session.add(nrow)
        elif nrow.status != need.status and nrow.deleted_at is None and status_history:
            # saved with another status (a visit edited, a household file imported): kept in the history
            need_history.record_change(session, nrow, need.status, on=dt.date.today(), now=now)
        _apply(nrow, convert.need_values(need, position), now)
        need.id = nrow.id
    for nrow in stored.values():
        _tombstone(nrow, now)
    visit.id = vrow.id
    visit.version = vrow.version


def save_visit(session: Session, household_id: str, visit: Visit) -> Visit:
    """Create or update one visit (and its needs) of a stored household."""
    if session.get(HouseholdRow, household_id) is None:
        raise NotFound(f"没有编号为 {household_id} 的家庭")
    record_owners.refuse_foreign_ids(session, household_id, [], [visit])
    vrow = session.get(VisitRow, visit.id) if visit.id else None
    _save_visit(session, household_id, visit, vrow, utc_now())
    _flush(session)
    refresh_list_columns(session, [household_id])
    return visit


def _flush(session: Session) -> None:
    """Write what the session holds; a constraint the checks did not foresee becomes a plain message
    (the database's own text would show names and ID numbers)."""
    try:
        session.flush()
    except sa.exc.IntegrityError:
        raise record_owners.RecordConflict() from None


def load_household(session: Session, household_id: str, *, with_visits: bool = True) -> Household:
    row = session.get(HouseholdRow, household_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"没有编号为 {household_id} 的家庭")
    members = [convert.member_from(m) for m in session.scalars(
        sa.select(MemberRow).where(MemberRow.household_id == household_id, MemberRow.deleted_at.is_(None))
        .order_by(MemberRow.position))]
    visits = load_visits(session, household_id) if with_visits else []
    return convert.household_from(row, members, visits)


def load_visits(session: Session, household_id: str) -> list[Visit]:
    vrows = session.scalars(
        sa.select(VisitRow).where(VisitRow.household_id == household_id, VisitRow.deleted_at.is_(None))
        .order_by(VisitRow.date, VisitRow.created_at)).all()
    needs: dict[str, list[Need]] = {}
    for n in session.scalars(
            sa.select(NeedRow).where(NeedRow.household_id == household_id, NeedRow.deleted_at.is_(None))
            .order_by(NeedRow.position)):
        needs.setdefault(n.visit_id, []).append(Need(n.category, n.description, n.status, n.id))
    return [Visit(type=v.type, date=v.date, investigators=list(v.investigators), notes=v.notes,
                  needs=needs.get(v.id, []), next_visit=v.next_visit, follow_up=v.follow_up,
                  id=v.id, version=v.version) for v in vrows]


def delete_household(session: Session, household_id: str) -> None:
    """Tombstone the household and everything that belongs to it."""
    row = session.get(HouseholdRow, household_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"没有编号为 {household_id} 的家庭")
    now = utc_now()
    _tombstone(row, now)
    children: list[Record] = [
        *session.scalars(sa.select(MemberRow).where(MemberRow.household_id == household_id)),
        *session.scalars(sa.select(VisitRow).where(VisitRow.household_id == household_id)),
        *session.scalars(sa.select(NeedRow).where(NeedRow.household_id == household_id)),
        *session.scalars(sa.select(NeedStatusChangeRow).where(NeedStatusChangeRow.household_id == household_id)),
    ]
    for child in children:
        _tombstone(child, now)
    session.flush()
    refresh_list_columns(session, [household_id])
    household_inputs.repack(session.connection(), [household_id])


@dataclass(frozen=True, slots=True)
class HouseholdSummary:
    id: str
    head_name: str
    village: str
    town: str
    region: str
    member_count: int
    version: int


def list_households(session: Session, *, village: str | None = None, name: str | None = None,
                    limit: int | None = None) -> list[HouseholdSummary]:
    """Households in village, then head-name order. ``name`` matches any member's name (part of it)
    or the pinyin initials of the head's name (their start)."""
    h = HouseholdRow
    query = sa.select(h.id, h.head_name, h.village, h.town, h.region, h.member_count, h.version).where(
        h.deleted_at.is_(None))
    if village:
        query = query.where(h.village.contains(village, autoescape=True))
    if name:
        member_match = sa.select(MemberRow.household_id).where(
            MemberRow.deleted_at.is_(None), MemberRow.name.contains(name, autoescape=True))
        query = query.where(sa.or_(h.head_initials.startswith(name.lower(), autoescape=True),
                                   h.id.in_(member_match)))
    query = query.order_by(h.village, h.head_name, h.id).limit(limit)
    return [HouseholdSummary(*r) for r in session.execute(query)]


def count_households(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(HouseholdRow)
                          .where(HouseholdRow.deleted_at.is_(None))) or 0


# --- Bulk read (batch work over every household): one ordered pass over two sorted queries ---

def iter_households(conn: sa.Connection, *, batch: int = 5000,
                    ids: Iterable[str] | None = None) -> Iterable[list[Household]]:
    """All live households with their members (no visits), in batches, read in one ordered pass."""
    h = HouseholdRow.__table__
    m = MemberRow.__table__
    hq = sa.select(h).where(h.c.deleted_at.is_(None)).order_by(h.c.id)
    mq = (sa.select(m).where(m.c.deleted_at.is_(None), m.c.household_id.in_(
        sa.select(h.c.id).where(h.c.deleted_at.is_(None)))).order_by(m.c.household_id, m.c.position))
    if ids is not None:
        wanted = list(ids)
        hq = hq.where(h.c.id.in_(wanted))
        mq = mq.where(m.c.household_id.in_(wanted))
    member_rows = iter(conn.execute(mq).mappings())
    pending = next(member_rows, None)
    out: list[Household] = []
    for row in conn.execute(hq):
        members = []
        while pending is not None and pending["household_id"] < row.id:
            pending = next(member_rows, None)
        while pending is not None and pending["household_id"] == row.id:
            members.append(convert.member_from(dict(pending)))
            pending = next(member_rows, None)
        out.append(convert.household_from(row, members, []))
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out
