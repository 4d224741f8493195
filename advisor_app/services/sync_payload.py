"""The payload of a bundle: a plain JSON-able dict the bundle file compresses, encrypts and signs.

:func:`build_payload` seals the local changes, then gathers every record in the addressee's scope
whose head it has not acknowledged (docs/sync.md, "What a bundle carries"):

* advisor → office: every household of the laptop;
* office → advisor: the households assigned to that advisor, and the full list of them
  (``assigned``), from which the laptop learns what left it; and the records of no household the
  office sends (its policy tables, :mod:`.sync_keepers`).

A kind travels only from the roles it is registered for (``Kind.senders``).

Each record goes with its kind, id, household, values and full history. ``acknowledges`` is the
highest sequence imported from the addressee. The payload's keys::

    format        "advisor-sync-payload/1"
    sender        our device id          addressee   its device id
    sequence      ours, one more than the last one sent to it
    builds_on     the same as acknowledges (the manifest's word for it)
    acknowledges  the highest sequence imported from the addressee (0: none)
    counts        {kind: number of records}
    records       [{"kind", "id", "household", "values", "history": [{"id", "parents", "fields"}]}]
    assigned      office → advisor only: the ids of every household assigned to it

The sequence and what went out are recorded in the same transaction; ``deliver`` (the bundle
file's writer) runs inside it, so a bundle that could not be written leaves no trace.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from advisor_app.domain.errors import DomainError
from advisor_app.store import sync_records as record_store
from advisor_app.store import sync_state as store
from advisor_app.store.models import utc_now
from advisor_app.store.sync_marks import marks_sent
from advisor_app.store.sync_rows import mark
from advisor_app.sync.kinds import KINDS, NO_HOUSEHOLD, ORDER

from . import audit
from . import sync_keepers as keepers
from .batch import gc_paused
from .profile import Profile
from .sync_records import State, seal_pending_states
from .sync_setup import OFFICE, assign_by_village, identity_in, peer_in

FORMAT = "advisor-sync-payload/1"


def build_payload(profile: Profile, peer: str, *,
                  deliver: Callable[[dict[str, Any]], object] | None = None) -> dict[str, Any]:
    """The next payload for ``peer`` (a device id), recorded as sent; see the module doc."""
    with gc_paused(keep_old=True), profile.session(write=True) as session:
        me = identity_in(session)
        to = peer_in(session, peer)
        if to.revoked_at is not None:
            raise DomainError(f"“{to.name}”已被注销，不能再给它导出数据包")
        sealed = seal_pending_states(session)  # the records just sealed, already read
        keepers.seal(session, me.role)
        assigned: list[str] | None = None
        scope: list[str] | None = None
        if me.role == OFFICE:
            assign_by_village(session)
            assigned = sorted(store.assignments(session, peer))
            scope = [*assigned, NO_HOUSEHOLD]
        sends = {name: kind.sent_by(me.role) for name, kind in KINDS.items()}
        order = {k: i for i, k in enumerate(ORDER)}
        # (kind's place, household, id, kind, heads): sorted as plain tuples, in the bundle's order
        rows = sorted((order.get(k, len(order)), h, r, k, heads)
                      for k, r, h, heads in record_store.unacknowledged(session, peer, scope, texts=False) if sends[k])
        sequence = to.last_sent + 1
        # The records just sealed are at hand; the history and values of the others are read here.
        keys = [(k, r) for _o, _h, r, k, _he in rows]
        unread = {row[1] for row, key in zip(rows, keys, strict=True) if key not in sealed}
        states = {**record_store.states_of(session, unread), **sealed} if unread else sealed
        records = [_record(key, row[1], states[key]) for row, key in zip(rows, keys, strict=True)]
        counts = dict(Counter(k for k, _r in keys))  # in the order of the records' kinds
        payload: dict[str, Any] = {
            "format": FORMAT, "sender": me.device_id, "addressee": peer, "sequence": sequence,
            "builds_on": to.last_received, "acknowledges": to.last_received, "made_at": utc_now(),
            "counts": counts, "records": records}
        if assigned is not None:
            payload["assigned"] = assigned
        to.last_sent = sequence
        mark(session, peer, zip(keys, (row[4] for row in rows), strict=True), sequence=sequence, marks=False)
        record_store.clear_unsent_sent(session, peer, sequence)
        # Every record of these households the peer lacked went out: 待确认, in one statement.
        marks_sent(session, peer, {row[1] for row in rows} - {NO_HOUSEHOLD}, keys)
        audit.record(session, action="export", kind="bundle", record_id=f"{peer}:{sequence}",
                     detail=f"{len(records)} records")
        if deliver is not None:
            deliver(payload)
        return payload


def _record(key: tuple[str, str], household: str, state: Any) -> dict[str, Any]:
    """A payload record: ``key`` (kind, id) and ``household`` name it; ``state`` is its :class:`State`
    as the seal left it, or its state row (history and sealed values as JSON text)."""
    if isinstance(state, State):
        values, history = state.values, [v.to_dict() for v in state.history]
    else:
        values, history = json.loads(state.sealed_values), json.loads(state.history)  # as Version.to_dict() wrote it
    return {"kind": key[0], "id": key[1], "household": household, "values": values, "history": history}
