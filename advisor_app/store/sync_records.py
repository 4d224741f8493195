"""Sync state of each record: its history and sealed values, what went to each peer and what the
peer acknowledged, and which stored rows changed since they were last sealed (docs/sync.md).

The store's rows of each synchronised kind are found through :data:`TABLES` (kind → table); a
record's state is keyed by (kind, record id). Histories and values are JSON text, written and read
by the services (``services/sync_records.py``); this module only keeps them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from . import convert, purge
from .models import HouseholdRow, MemberRow, NeedRow, Record, VisitRow
from .sync_marks import marks_changed, marks_changed_for_peer, marks_changed_for_records
from .sync_models import SyncConflictRow, SyncKeptCopyRow, SyncRecordRow, SyncSentRow

TABLES: dict[str, type[Record]] = {"household": HouseholdRow, "member": MemberRow, "visit": VisitRow,
                                   "need": NeedRow}
"""The store's table of each synchronised kind of record."""

Key = tuple[str, str]  # (kind, record id)
CHUNK = purge.CHUNK


def _household_column(table: type[Record]) -> Any:
    return table.id if table is HouseholdRow else table.household_id  # type: ignore[attr-defined]


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        yield wanted[start:start + CHUNK]


@dataclass(frozen=True, slots=True)
class StoredHead:
    """A household row as sync reads it, live or not."""

    household: Any  # domain Household without members or visits
    deleted: bool
    archive: dict[str, Any] | None  # reason, note, on, by of an archived household


def archive_of(row: Any) -> dict[str, Any] | None:
    """The archive state of a household row (reason, note, on, by), None unless it is archived."""
    if row.deleted_at is None or not row.archive_reason:
        return None
    return {"reason": row.archive_reason, "note": row.archive_note,
            "on": row.archived_on.isoformat() if row.archived_on else None, "by": row.archived_by}


def household_head(session: Session, household_id: str) -> StoredHead | None:
    row = session.get(HouseholdRow, household_id)
    if row is None:
        return None
    return StoredHead(convert.household_from(row, [], []), row.deleted_at is not None, archive_of(row))


def parse_day(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if isinstance(text, str) and text else None


# --- rows changed since sealed ---------------------------------------------------------------------

def changed_households(session: Session) -> set[str]:
    """Households with a row whose version is not the one last sealed (or live and never sealed)."""
    s = SyncRecordRow
    found: set[str] = set()
    for kind, table in TABLES.items():
        hid = _household_column(table)
        query = (sa.select(hid).select_from(table)
                 .outerjoin(s, sa.and_(s.kind == kind, s.record_id == table.id))
                 .where(sa.or_(sa.and_(s.record_id.is_(None), table.deleted_at.is_(None)),
                               sa.and_(s.record_id.is_not(None),
                                       sa.or_(s.row_version.is_(None), s.row_version != table.version))))
                 .distinct())
        found.update(session.scalars(query))
    return found


def row_versions(session: Session, household_ids: Iterable[str]) -> dict[Key, int]:
    """(kind, id) → the row's version, for every row (live or tombstone) of these households."""
    out: dict[Key, int] = {}
    for part in _chunks(household_ids):
        for kind, table in TABLES.items():
            for rid, version in session.execute(sa.select(table.id, table.version)
                                                .where(_household_column(table).in_(part))):
                out[(kind, rid)] = version
    return out


def set_unsent(session: Session, keys: Iterable[Key], unsent: bool) -> None:
    by_kind: dict[str, list[str]] = {}
    for kind, rid in keys:
        if kind in TABLES:
            by_kind.setdefault(kind, []).append(rid)
    for kind, ids in by_kind.items():
        table = TABLES[kind]
        for part in _chunks(ids):
            session.execute(sa.update(table).where(table.id.in_(part), table.unsent != unsent)
                            .values(unsent=unsent).execution_options(synchronize_session=False))
    marks_changed_for_records(session, ((k, r) for k, ids in by_kind.items() for r in ids))


def clear_unsent_sent(session: Session, peer: str, sequence: int) -> None:
    """Clear the ``unsent`` flag of the rows whose records went to ``peer`` in bundle ``sequence``
    (:func:`set_unsent` of those records, False): one statement per table, through the marks of
    what was sent (:func:`.sync_rows.mark`), writing only the rows flagged. The households' marks are
    the export's to write (:func:`.sync_marks.marks_sent`)."""
    session.flush()
    t = SyncSentRow
    for kind, table in TABLES.items():
        sent = sa.select(t.record_id).where(t.peer == peer, t.sent_sequence == sequence, t.kind == kind)
        session.execute(sa.update(table).where(table.unsent, table.id.in_(sent))
                        .values(unsent=False).execution_options(synchronize_session=False))


# --- record states ---------------------------------------------------------------------------------

def states_of(session: Session, household_ids: Iterable[str]) -> dict[Key, Any]:
    """(kind, id) → the state's row (its columns as attributes) of these households' records."""
    s = SyncRecordRow.__table__
    out: dict[Key, Any] = {}
    for part in _chunks(household_ids):
        for row in session.execute(sa.select(s).where(s.c.household_id.in_(part))):
            out[(row.kind, row.record_id)] = row
    return out


def all_states(session: Session) -> Iterable[tuple[str, str, str, str, str]]:
    """(kind, record id, household id, sealed values, heads) of every record with a sync state."""
    s = SyncRecordRow
    return [(k, r, h, v, he) for k, r, h, v, he in session.execute(sa.select(s.kind, s.record_id, s.household_id,
                                                                            s.sealed_values, s.heads))]


def known_households(session: Session) -> set[str]:
    """Households with a sync state (records of no household, household "", are none)."""
    return set(session.scalars(sa.select(SyncRecordRow.household_id).where(SyncRecordRow.household_id != "")
                               .distinct()))


# --- what went to each peer ------------------------------------------------------------------------

def unacknowledged(session: Session, peer: str, household_ids: Iterable[str] | None, *,
                   texts: bool = True) -> list[Any]:
    """Records (of these households, or all) whose heads are not the ones ``peer`` acknowledged: the
    state rows (columns as attributes: kind, record_id, household_id, history, sealed_values, heads;
    without history and sealed values when not ``texts``)."""
    s, t = SyncRecordRow.__table__, SyncSentRow.__table__
    columns = [s] if texts else [s.c.kind, s.c.record_id, s.c.household_id, s.c.heads]
    query = (sa.select(*columns).outerjoin(t, sa.and_(t.c.peer == peer, t.c.kind == s.c.kind,
                                               t.c.record_id == s.c.record_id))
             .where(sa.or_(t.c.acked_heads.is_(None), t.c.acked_heads != s.c.heads)))
    if household_ids is None:
        return list(session.execute(query))
    out: list[Any] = []
    for part in _chunks(household_ids):
        out += session.execute(query.where(s.c.household_id.in_(part)))
    return out


def known_heads(session: Session, peer: str) -> dict[Key, set[str]]:
    """(kind, id) → the heads ``peer`` was sent or is known to have."""
    t = SyncSentRow
    out: dict[Key, set[str]] = {}
    for kind, rid, sent, acked in session.execute(sa.select(t.kind, t.record_id, t.sent_heads, t.acked_heads)
                                                  .where(t.peer == peer)):
        out[(kind, rid)] = {h for h in (sent, acked) if h is not None}
    return out


def acknowledge(session: Session, peer: str, up_to: int) -> None:
    """``peer`` imported our bundles up to ``up_to``: what they carried has arrived."""
    t = SyncSentRow
    session.execute(sa.update(t).where(t.peer == peer, t.sent_sequence <= up_to, t.sent_heads.is_not(None))
                    .values(acked_heads=t.sent_heads).execution_options(synchronize_session=False))
    marks_changed_for_peer(session, peer)


def forget_sent(session: Session, peer: str, household_ids: Iterable[str]) -> None:
    """Forget what ``peer`` was sent of these households (reassigned away: if they come back to it,
    everything is sent again)."""
    keys = [(r.kind, r.record_id) for r in states_of(session, household_ids).values()]
    for key in keys:
        session.execute(sa.delete(SyncSentRow).where(SyncSentRow.peer == peer, SyncSentRow.kind == key[0],
                                                     SyncSentRow.record_id == key[1]))
    marks_changed(session, household_ids)


# --- conflicts and the copies kept beside them ----------------------------------------------------------

def open_conflicts(session: Session, *, kind: str | None = None, record_id: str | None = None,
                   household_ids: Iterable[str] | None = None) -> list[SyncConflictRow]:
    c = SyncConflictRow
    query = sa.select(c).where(c.resolved_at.is_(None))
    if kind is not None:
        query = query.where(c.kind == kind, c.record_id == record_id)
    if household_ids is not None:
        query = query.where(c.household_id.in_(list(household_ids)))
    return list(session.scalars(query.order_by(c.created_at, c.id)))


def conflict(session: Session, conflict_id: str) -> SyncConflictRow | None:
    return session.get(SyncConflictRow, conflict_id)


def kept_copy(session: Session, peer: str, kind: str, record_id: str) -> SyncKeptCopyRow | None:
    return session.get(SyncKeptCopyRow, (peer, kind, record_id))


def has_kept_copies(session: Session) -> bool:
    return session.scalar(sa.select(SyncKeptCopyRow.record_id).limit(1)) is not None


def kept_copies(session: Session, kind: str, record_id: str) -> list[SyncKeptCopyRow]:
    k = SyncKeptCopyRow
    return list(session.scalars(sa.select(k).where(k.kind == kind, k.record_id == record_id)))


# --- a household dropped from this profile (reassigned to another advisor) ------------------------------

def drop_households(session: Session, household_ids: Iterable[str]) -> int:
    """Remove these households for good — rows and sync state, no tombstone (it must not travel)."""
    ids = sorted(set(household_ids))
    if not ids:
        return 0
    keys = list(states_of(session, ids))
    session.flush()
    removed = purge.remove_households(session.connection(), ids)
    for part in _chunks(ids):
        for table in (SyncRecordRow, SyncKeptCopyRow, SyncConflictRow):
            session.execute(sa.delete(table).where(table.household_id.in_(part)))
    for kind, rid in keys:
        session.execute(sa.delete(SyncSentRow).where(SyncSentRow.kind == kind, SyncSentRow.record_id == rid))
    session.expire_all()
    return removed
