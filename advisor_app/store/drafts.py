"""Drafts: work in progress (a visit being typed) saved every few seconds, restored after a crash.

One draft per (kind, record): saving again replaces the payload. The payload is opaque JSON text
that the screen which wrote it knows how to read back.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .models import DraftRow, new_id, utc_now


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    kind: str
    record_id: str | None
    payload: str
    updated_at: str


def _draft(row: DraftRow) -> Draft:
    return Draft(row.id, row.kind, row.record_id, row.payload, row.updated_at)


def save_draft(session: Session, kind: str, record_id: str | None, payload: str) -> str:
    """Create or replace the draft of ``kind`` for ``record_id``; returns the draft's id."""
    row = session.scalars(sa.select(DraftRow).where(
        DraftRow.kind == kind,
        DraftRow.record_id.is_(None) if record_id is None else DraftRow.record_id == record_id)).first()
    if row is None:
        row = DraftRow(id=new_id(), kind=kind, record_id=record_id, payload=payload, updated_at=utc_now())
        session.add(row)
    else:
        row.payload = payload
        row.updated_at = utc_now()
    session.flush()
    return row.id


def list_drafts(session: Session, kind: str | None = None) -> list[Draft]:
    """Drafts, newest first (optionally of one kind)."""
    query = sa.select(DraftRow).order_by(DraftRow.updated_at.desc())
    if kind is not None:
        query = query.where(DraftRow.kind == kind)
    return [_draft(row) for row in session.scalars(query)]


def find_draft(session: Session, kind: str, record_id: str) -> Draft | None:
    row = session.scalars(sa.select(DraftRow).where(DraftRow.kind == kind,
                                                    DraftRow.record_id == record_id)).first()
    return None if row is None else _draft(row)


def discard_draft(session: Session, draft_id: str) -> bool:
    """Delete a draft (a draft is never synchronised, so no tombstone). False when it was not there."""
    result = session.execute(sa.delete(DraftRow).where(DraftRow.id == draft_id))
    return bool(getattr(result, "rowcount", 0))


def discard_drafts_for(session: Session, kind: str, record_id: str) -> int:
    result = session.execute(sa.delete(DraftRow).where(DraftRow.kind == kind, DraftRow.record_id == record_id))
    return int(getattr(result, "rowcount", 0))
