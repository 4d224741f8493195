"""Sync bookkeeping of the profile as a whole: its identity, its peers, the bundles imported, and
(at the office) which advisor each household is assigned to (docs/sync.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .bulk import insert_rows
from .models import HouseholdRow, new_id, utc_now
from .sync_marks import marks_changed
from .sync_models import SyncAssignmentRow, SyncBundleRow, SyncIdentityRow, SyncPeerRow

_IDENTITY = 1
_CHUNK = 500  # household ids per statement


def identity(session: Session) -> SyncIdentityRow | None:
    return session.get(SyncIdentityRow, _IDENTITY)


def revoke(session: Session, device_id: str, at: str) -> None:
    """The peer's enrolment ends (``at``); the marks follow (a household's peer may be gone)."""
    row = peer(session, device_id)
    assert row is not None
    row.revoked_at = at
    marks_changed(session)


def create_identity(session: Session, *, role: str, name: str) -> SyncIdentityRow:
    row = SyncIdentityRow(id=_IDENTITY, device_id=new_id(), role=role, name=name, secret="", public_text="",
                          counter=0, created_at=utc_now())
    session.add(row)
    session.flush()
    return row


def next_version_ids(session: Session, count: int) -> list[str]:
    """``count`` new version ids ``<device id>:<n>``, the counter raised in the same transaction."""
    row = identity(session)
    assert row is not None
    first = row.counter + 1
    row.counter += count
    return [f"{row.device_id}:{n}" for n in range(first, first + count)]


# --- peers ---------------------------------------------------------------------------------------

def peer(session: Session, device_id: str) -> SyncPeerRow | None:
    return session.get(SyncPeerRow, device_id)


def peers(session: Session) -> list[SyncPeerRow]:
    return list(session.scalars(sa.select(SyncPeerRow).order_by(SyncPeerRow.name, SyncPeerRow.device_id)))


def put_peer(session: Session, *, device_id: str, name: str, role: str, public_text: str,
             villages: Iterable[str]) -> SyncPeerRow:
    """Record a peer (or update one enrolled again: its sequences are kept, a revocation lifted)."""
    row = peer(session, device_id)
    if row is None:
        row = SyncPeerRow(device_id=device_id, last_sent=0, last_received=0, last_acknowledged=0)
        session.add(row)
    row.name, row.role, row.public_text = name, role, public_text
    row.villages = json.dumps(list(villages), ensure_ascii=False)
    row.enrolled_at, row.revoked_at = utc_now(), None
    session.flush()
    marks_changed(session)  # the households' peer may be another one now
    return row


def villages_of(row: SyncPeerRow) -> list[str]:
    return [str(v) for v in json.loads(row.villages or "[]")]


# --- bundles imported ----------------------------------------------------------------------------

def received(session: Session, sender: str, sequence: int) -> SyncBundleRow | None:
    return session.get(SyncBundleRow, (sender, sequence))


def record_received(session: Session, sender: str, sequence: int, digest: str) -> None:
    session.add(SyncBundleRow(sender=sender, sequence=sequence, digest=digest, received_at=utc_now()))


def received_sequences(session: Session, sender: str) -> list[int]:
    return list(session.scalars(sa.select(SyncBundleRow.sequence).where(SyncBundleRow.sender == sender)
                                .order_by(SyncBundleRow.sequence)))


# --- assignments (office) ------------------------------------------------------------------------

def assignments(session: Session, advisor: str | None = None) -> dict[str, str]:
    """household id → advisor device id (of one advisor only, when given)."""
    query = sa.select(SyncAssignmentRow.household_id, SyncAssignmentRow.advisor)
    if advisor is not None:
        query = query.where(SyncAssignmentRow.advisor == advisor)
    return {h: a for h, a in session.execute(query)}


def assignments_of(session: Session, household_ids: Iterable[str]) -> dict[str, str]:
    """household id → advisor device id, of these households (those assigned)."""
    a = SyncAssignmentRow.__table__
    wanted = sorted(set(household_ids))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = sa.select(a.c.household_id, a.c.advisor).where(a.c.household_id.in_(wanted[start:start + _CHUNK]))
        out.update((hid, advisor) for hid, advisor in session.execute(query))
    return out


def assign(session: Session, household_ids: Iterable[str], advisor: str) -> None:
    """These households belong to ``advisor`` from now on (one statement per kind of change)."""
    wanted = sorted(set(household_ids))
    if not wanted:
        return
    now = utc_now()
    session.flush()
    before = assignments_of(session, wanted)
    new = [(hid, advisor, now) for hid in wanted if hid not in before]
    moved = [{"h": hid} for hid in wanted if hid in before and before[hid] != advisor]
    conn = session.connection()
    if new:
        insert_rows(conn, [(SyncAssignmentRow.__tablename__, ["household_id", "advisor", "assigned_at"], new)])
    if moved:
        a = cast(sa.Table, SyncAssignmentRow.__table__)
        conn.execute(sa.update(a).where(a.c.household_id == sa.bindparam("h")).values(advisor=advisor, assigned_at=now),
                     moved)
    marks_changed(session, wanted)


def unassigned_households(session: Session, villages: Iterable[str] | None = None) -> list[str]:
    """Households (live or not) no advisor is assigned, in these villages when given."""
    h = HouseholdRow
    query = sa.select(h.id).where(~h.id.in_(sa.select(SyncAssignmentRow.household_id)))
    if villages is not None:
        query = query.where(h.village.in_(list(villages)))
    return list(session.scalars(query.order_by(h.id)))


def household_villages(session: Session, household_ids: Iterable[str]) -> dict[str, str]:
    wanted = list(household_ids)
    if not wanted:
        return {}
    return {i: v for i, v in session.execute(sa.select(HouseholdRow.id, HouseholdRow.village)
                                             .where(HouseholdRow.id.in_(wanted)))}
