"""The household list's sync mark, in SQL: 未发送, 待确认 or nothing (docs/sync.md, "Acknowledgement").

:func:`mark_sql` gives an expression over the list's households ``h`` whose value is

* :data:`UNSENT` (2, 未发送): a local change not yet in a bundle to the household's peer — a row of
  the household (its own row, which a member's change also marks; a visit; a need, whose status
  changes on its own) flagged ``unsent`` and changed since it was last sealed, or a sealed record
  whose heads the peer was never sent;
* :data:`UNCONFIRMED` (1, 待确认): every change went out in a bundle, but the peer has not yet
  acknowledged some of it;
* :data:`NOTHING` (0): the peer has all of it.

The household's peer is the office on a laptop, and at the office the advisor the household is
assigned to (``sync_assignments``; an unassigned household was never sent: 未发送 if it has any
record). A profile without a sync identity or without a peer only knows the ``unsent`` flags (as
before sync existed): 未发送 for every household changed.

Speed: the ``unsent`` flag is cleared when a record is exported or taken from an import, so the
check of local changes looks up sync state only for the few flagged rows; the rest is one walk of
the household's records (``ix_sync_records_household``) with a primary-key look-up of what the
peer was sent. The list asks for it per page of 100 households, and for all of them only when it
sorts by this column. An export knows the marks of the households it sent without computing them
(:func:`marks_sent`: 待确认, one statement for all of them); a test compares them with a recompute.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from .list_columns import chunks, update_households
from .sync_models import SyncBundleRow, SyncIdentityRow, SyncPeerRow

NOTHING, UNCONFIRMED, UNSENT = 0, 1, 2


def _flagged(h: str) -> str:
    """A row flagged unsent: today's meaning of 未发送, without sync state."""
    return (f"({h}.unsent OR EXISTS (SELECT 1 FROM visits v WHERE v.household_id = {h}.id AND v.unsent) "
            f"OR EXISTS (SELECT 1 FROM needs n WHERE n.household_id = {h}.id AND n.unsent))")


def _pending_one(h: str, table: str, kind: str, own: str) -> str:
    """A flagged row of ``table`` (of household ``h``; ``own`` the column naming it) not sealed at
    its version: a local change not yet sealed (or never sealed)."""
    return (f"EXISTS (SELECT 1 FROM {table} x LEFT JOIN sync_records s ON s.kind = '{kind}' "
            f"AND s.record_id = x.id WHERE x.{own} = {h}.id AND x.unsent "
            "AND (s.record_id IS NULL OR s.row_version IS NULL OR s.row_version <> x.version))")


def _pending(h: str) -> str:
    return " OR ".join((_pending_one(h, "households", "household", "id"),
                        _pending_one(h, "visits", "visit", "household_id"),
                        _pending_one(h, "needs", "need", "household_id")))


def _not_acknowledged(h: str, peer: str) -> str:
    """2 when a record of ``h`` was not sent to ``peer`` in its present state, 1 when it was but is
    not acknowledged yet, NULL when the peer has every record."""
    return ("(SELECT max(CASE WHEN t.sent_heads = s.heads THEN 1 ELSE 2 END) FROM sync_records s "
            f"LEFT JOIN sync_sent t ON t.peer = {peer} AND t.kind = s.kind AND t.record_id = s.record_id "
            f"WHERE s.household_id = {h}.id AND (t.acked_heads IS NULL OR t.acked_heads <> s.heads))")


def mark_sql(conn: sa.Connection, h: str = "h") -> tuple[str, dict[str, Any]]:
    """The mark of household ``h`` (its name in the query) as an SQL expression, and its parameters."""
    me = conn.execute(sa.select(SyncIdentityRow.role)).scalar()
    has_peer = me is not None and conn.execute(
        sa.select(SyncPeerRow.device_id).where(SyncPeerRow.revoked_at.is_(None)).limit(1)).first() is not None
    if not has_peer:
        return f"(CASE WHEN {_flagged(h)} THEN {UNSENT} ELSE {NOTHING} END)", {}
    params: dict[str, Any] = {}
    if me == "office":
        peer = f"(SELECT a.advisor FROM sync_assignments a WHERE a.household_id = {h}.id)"
    else:
        params["sync_peer"], peer = _laptop_office(conn) or "", ":sync_peer"
    return (f"(CASE WHEN {_pending(h)} THEN {UNSENT} ELSE coalesce({_not_acknowledged(h, peer)}, {NOTHING}) END)",
            params)


def _laptop_office(conn: sa.Connection) -> str | None:
    """The office a laptop's marks are about: the one enrolled last, a revoked one only if no other."""
    office: str | None = conn.execute(sa.select(SyncPeerRow.device_id).where(SyncPeerRow.role == "office")
                                      .order_by(SyncPeerRow.revoked_at.is_not(None), SyncPeerRow.enrolled_at.desc())
                                      .limit(1)).scalar()
    return office


def refresh_marks(conn: sa.Connection, household_ids: Iterable[str] | None = None) -> None:
    """Compute the kept mark (``households.sync_mark``, which the list shows and sorts by) again for
    these households (``None``: all of them). Called by every write the mark depends on."""
    mark, params = mark_sql(conn, "households")
    update_households(conn, f"sync_mark = {mark}", params, household_ids)


# --- marks changed by sync state: refreshed once, when the transaction commits ----------------------
# An export or an import writes the state of the same households several times (sealed states, sent
# heads, unsent flags); each write names what it touched, and the marks are computed once at commit.

_PENDING_KEY = "sync_marks_pending"


class _Pending:
    def __init__(self) -> None:
        self.everything = False
        self.households: set[str] = set()
        self.records: dict[str, set[str]] = {}  # kind → record ids
        self.peers: set[str] = set()


def _pending_of(session: Session) -> _Pending:
    pending = session.info.get(_PENDING_KEY)
    if pending is None:
        pending = session.info[_PENDING_KEY] = _Pending()
    return pending


def marks_changed(session: Session, household_ids: Iterable[str] | None = None) -> None:
    """The marks of these households (``None``: all) change with what this transaction writes."""
    pending = _pending_of(session)
    if household_ids is None:
        pending.everything = True
    else:
        pending.households.update(household_ids)


def marks_changed_for_records(session: Session, keys: Iterable[tuple[str, str]]) -> None:
    """:func:`marks_changed` for the households of these records ((kind, id) with a sync state)."""
    pending = _pending_of(session)
    for kind, rid in keys:
        if kind == "household":
            pending.households.add(rid)
        else:
            pending.records.setdefault(kind, set()).add(rid)


def marks_changed_for_peer(session: Session, peer: str) -> None:
    """:func:`marks_changed` for the households with a record sent to ``peer`` (it acknowledged)."""
    _pending_of(session).peers.add(peer)


def _unsealed_flagged(conn: sa.Connection) -> set[str]:
    """The households with a row flagged unsent and not sealed at its version (:func:`_pending`),
    found from the flagged rows (one pass over each table)."""
    found: set[str] = set()
    for table, kind, own in (("households", "household", "id"), ("visits", "visit", "household_id"),
                             ("needs", "need", "household_id")):
        found.update(conn.execute(sa.text(
            f"SELECT DISTINCT x.{own} FROM {table} x LEFT JOIN sync_records s ON s.kind = '{kind}' "
            "AND s.record_id = x.id WHERE x.unsent "
            "AND (s.record_id IS NULL OR s.row_version IS NULL OR s.row_version <> x.version)")).scalars())
    return found


def marks_sent(session: Session, peer: str, household_ids: Iterable[str], keys: Iterable[tuple[str, str]]) -> None:
    """An export just sent ``peer`` every record of these households that it had not acknowledged
    (``keys``, their (kind, id)), and every row of theirs is sealed: their mark is 待确认 now — 未发送
    only for a row still flagged and not sealed at its version (one deleted before it was ever
    sealed) — written in one statement per 500 households instead of computed at commit. The
    households' peer must be ``peer`` (at the office: the advisor they are assigned to); on a laptop
    whose marks are about another office, they are computed at commit as for any write."""
    wanted = set(household_ids)
    session.flush()
    conn = session.connection()
    role = conn.execute(sa.select(SyncIdentityRow.role)).scalar()
    if role is None or (role != "office" and _laptop_office(conn) != peer):
        marks_changed(session, wanted)
        return
    unsealed = _unsealed_flagged(conn) & wanted
    update_households(conn, f"sync_mark = {UNCONFIRMED}", {}, wanted - unsealed)
    update_households(conn, f"sync_mark = {UNSENT}", {}, unsealed)
    pending = _pending_of(session)  # what is known now needs no computing at commit; a later write adds it again
    pending.households -= wanted
    if pending.records:
        sent: dict[str, set[str]] = {}
        for kind, rid in keys:
            sent.setdefault(kind, set()).add(rid)
        for kind, ids in sent.items():
            if kind in pending.records:
                pending.records[kind] -= ids


@sa.event.listens_for(Session, "before_commit")
def _refresh_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING_KEY, None)
    if pending is None:
        return
    session.flush()
    conn = session.connection()
    if pending.everything:
        refresh_marks(conn)
        return
    households = set(pending.households)
    # by the primary key (kind, record_id)
    stmt = sa.text("SELECT household_id FROM sync_records WHERE kind = :kind AND record_id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True))
    for kind, ids in pending.records.items():
        for part in chunks(ids):
            households.update(conn.execute(stmt, {"kind": kind, "ids": part}).scalars())
    for peer in pending.peers:
        households.update(conn.execute(sa.text(
            "SELECT DISTINCT s.household_id FROM sync_sent t JOIN sync_records s ON s.kind = t.kind "
            "AND s.record_id = t.record_id WHERE t.peer = :peer"), {"peer": peer}).scalars())
    refresh_marks(conn, households)


@sa.event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    if session.in_nested_transaction():
        # A savepoint rolled back (one payload of a multi-bundle import refused): what the transaction
        # wrote before it still needs its marks. Households named only by what was rolled back are
        # computed again from what is stored: the same mark they had.
        return
    session.info.pop(_PENDING_KEY, None)


def marks_by_advisor(conn: sa.Connection) -> dict[str, tuple[int, int, int]]:
    """At the office: advisor device id → (households assigned, of them 未发送, 待确认), archived
    and deleted households included (their state travels too). Reads the kept mark
    (``households.sync_mark``, refreshed by every write it depends on, assignments included)."""
    sql = (f"SELECT g.advisor, count(*), sum(CASE WHEN h.sync_mark = {UNSENT} THEN 1 ELSE 0 END), "
           f"sum(CASE WHEN h.sync_mark = {UNCONFIRMED} THEN 1 ELSE 0 END) "
           "FROM sync_assignments g JOIN households h ON h.id = g.household_id GROUP BY g.advisor")
    return {str(r[0]): (int(r[1]), int(r[2] or 0), int(r[3] or 0)) for r in conn.execute(sa.text(sql))}


def last_bundles(conn: sa.Connection) -> dict[str, tuple[int, str]]:
    """Sender → (sequence, received at) of the bundle imported from it most recently."""
    out: dict[str, tuple[int, str]] = {}
    query = sa.select(SyncBundleRow.sender, SyncBundleRow.sequence, SyncBundleRow.received_at)
    for sender, sequence, at in conn.execute(query.order_by(SyncBundleRow.received_at, SyncBundleRow.sequence)):
        out[sender] = (int(sequence), str(at))
    return out
