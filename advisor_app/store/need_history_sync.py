"""A need's status history as sync reads and writes it (kind ``need_status_change``, docs/sync.md).

Each row of ``need_status_changes`` is one record. They are only added (a correction is a further
change) and tombstoned with their household; so sealing only looks at the rows whose version is not
the one last sealed (one query joining ``sync_records``), and an import inserts the other side's
rows as they were written there — same id, day, who, note and time recorded — so the history reads
the same on both sides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import NeedRow, NeedStatusChangeRow, utc_now
from .sync_models import SyncRecordRow

KIND = "need_status_change"


@dataclass(frozen=True, slots=True)
class StoredChange:
    id: str
    household: str
    version: int
    values: dict[str, Any]  # need, old_status, new_status, changed_on (ISO), changed_by, note, recorded_at, deleted


def _values(row: Any) -> dict[str, Any]:
    return {"need": row.need_id, "old_status": row.old_status, "new_status": row.new_status,
            "changed_on": row.changed_on.isoformat(), "changed_by": row.changed_by, "note": row.note,
            "recorded_at": row.created_at, "deleted": row.deleted_at is not None}


def changed_since_sealed(session: Session) -> list[StoredChange]:
    """The rows never sealed, or whose version is not the one last sealed."""
    session.flush()
    c, s = NeedStatusChangeRow.__table__, SyncRecordRow.__table__
    query = (sa.select(c).outerjoin(s, sa.and_(s.c.kind == KIND, s.c.record_id == c.c.id))
             .where(sa.or_(s.c.record_id.is_(None), s.c.row_version.is_(None), s.c.row_version != c.c.version))
             .order_by(c.c.household_id, c.c.id))
    return [StoredChange(r.id, r.household_id, r.version, _values(r)) for r in session.connection().execute(query)]


def need_household(session: Session, need_id: str) -> str | None:
    """The household a need row (live or not) belongs to; None when there is no such need."""
    row = session.get(NeedRow, need_id)
    return row.household_id if row is not None else None


def put(session: Session, change_id: str, household_id: str, values: dict[str, Any]) -> int:
    """Store the other side's row as it is there (insert it, or tombstone/restore ours); returns
    the row's version, which the caller records as sealed."""
    row = session.get(NeedStatusChangeRow, change_id)
    now = utc_now()
    if row is None:
        row = NeedStatusChangeRow(id=change_id, need_id=values["need"], household_id=household_id,
                                  old_status=values["old_status"], new_status=values["new_status"],
                                  changed_on=dt.date.fromisoformat(values["changed_on"]),
                                  changed_by=values["changed_by"], note=values["note"],
                                  created_at=values["recorded_at"] or now, updated_at=now, version=1, unsent=False,
                                  deleted_at=now if values["deleted"] else None)
        session.add(row)
    elif bool(values["deleted"]) != (row.deleted_at is not None):
        row.deleted_at = now if values["deleted"] else None
        row.version += 1
        row.updated_at = now
    session.flush()
    return row.version
