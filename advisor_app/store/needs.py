"""The needs list and the history of each need's status (table ``need_status_changes``).

A need's status lives on its row in ``needs``; every change of it also adds a row to
``need_status_changes`` (:func:`record_change`), whether it came from the needs list
(:func:`change_status`, with the day and who) or from saving a visit or a household file that
carries another status (:mod:`.households`, the day of the save, nobody named). Changing a status
touches neither the household's row nor its members', so a stored screening result stays current
(:mod:`advisor_app.rules.freshness`: needs are not read by the checks).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.errors import NotFound
from advisor_app.domain.needs import NeedEntry, NeedStatusChange

from .models import NeedRow, NeedStatusChangeRow, VisitRow, new_id, utc_now
from .sync_marks import refresh_marks


def record_change(session: Session, need: NeedRow, new_status: str, *, on: dt.date, by: str = "",
                  note: str = "", now: str | None = None) -> NeedStatusChange:
    """Add the history row of ``need`` going to ``new_status`` (the need row itself is the caller's)."""
    now = now or utc_now()
    row = NeedStatusChangeRow(id=new_id(), need_id=need.id, household_id=need.household_id,
                              old_status=need.status, new_status=new_status, changed_on=on, changed_by=by,
                              note=note, created_at=now, updated_at=now, version=1, unsent=True)
    session.add(row)
    return _change_from(row)


def change_status(session: Session, need_id: str, new_status: str, *, on: dt.date, by: str = "",
                  note: str = "") -> NeedStatusChange:
    """Set the status of a live need and record the change (checked by the caller)."""
    need = _live_need(session, need_id)
    now = utc_now()
    change = record_change(session, need, new_status, on=on, by=by, note=note, now=now)
    need.status = new_status
    need.version += 1
    need.updated_at = now
    need.unsent = True
    session.flush()
    refresh_marks(session.connection(), [need.household_id])
    return change


def household_of(session: Session, need_id: str) -> str:
    """The id of the household a live need belongs to."""
    return _live_need(session, need_id).household_id


def need_entry(session: Session, need_id: str) -> NeedEntry:
    """One live need of a live visit, with its history."""
    need = _live_need(session, need_id)
    found = household_needs(session, need.household_id, only=need_id)
    if not found:
        raise NotFound("这条需求所在的走访记录已删除")
    return found[0]


def household_needs(session: Session, household_id: str, *, only: str | None = None) -> list[NeedEntry]:
    """The live needs of the household's live visits, newest visit first (in the visit's order
    within a visit), each with its status changes oldest first."""
    n, v = NeedRow, VisitRow
    query = (sa.select(n.id, n.visit_id, v.date, v.type, v.investigators, n.category, n.description, n.status)
             .join(v, v.id == n.visit_id)
             .where(n.household_id == household_id, n.deleted_at.is_(None), v.deleted_at.is_(None))
             .order_by(v.date.desc(), v.created_at.desc(), n.position))
    if only is not None:
        query = query.where(n.id == only)
    entries = [NeedEntry(id=r[0], visit_id=r[1], visit_date=r[2], visit_type=r[3], found_by=list(r[4] or []),
                         category=r[5], description=r[6], status=r[7]) for r in session.execute(query)]
    by_id = {e.id: e for e in entries}
    c = NeedStatusChangeRow
    history = sa.select(c).where(c.household_id == household_id, c.deleted_at.is_(None))
    if only is not None:
        history = history.where(c.need_id == only)
    for row in session.scalars(history.order_by(c.changed_on, c.created_at)):
        entry = by_id.get(row.need_id)
        if entry is not None:
            entry.changes.append(_change_from(row))
    return entries


def _live_need(session: Session, need_id: str) -> NeedRow:
    need = session.get(NeedRow, need_id)
    if need is None or need.deleted_at is not None:
        raise NotFound("没有这条需求（可能已被删除），请刷新需求清单")
    return need


def _change_from(row: NeedStatusChangeRow) -> NeedStatusChange:
    return NeedStatusChange(need_id=row.need_id, old_status=row.old_status, new_status=row.new_status,
                            on=row.changed_on, by=row.changed_by, note=row.note, recorded_at=row.created_at,
                            id=row.id)
