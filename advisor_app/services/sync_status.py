"""``sync status``: what is not sent yet, where each peer stands, and the digest that shows who
agrees with whom (docs/sync.md, "Agreement: the digest"). Read only: nothing is sealed or written.

The JSON keys (``sync status --format json``)::

    role, device_id, name
    unsent      {kind: records with changes not yet in a bundle to every peer that should get them}
    conflicts   open conflicts
    records     synchronised records counted in the digest
    digest      the order-independent digest of every synchronised record (tombstones included)
    peers       [{device_id, name, role, revoked, last_sent, last_received, last_acknowledged,
                  gaps: [sequences from it never imported], unsent: {kind: n},
                  digest: of the records the two share, records}]
"""

from __future__ import annotations

import json
from typing import Any

from advisor_app.store import sync_records as record_store
from advisor_app.store import sync_state as store
from advisor_app.sync.digest import Digest
from advisor_app.sync.kinds import NO_HOUSEHOLD, Record

from . import sync_keepers as keepers
from .profile import Profile
from .sync_records import Key, pending_records
from .sync_setup import OFFICE, identity_in


def sync_status(profile: Profile) -> dict[str, Any]:
    with profile.session() as session:
        me = identity_in(session)
        pending = pending_records(session)
        values: dict[Key, tuple[str, Any]] = {}  # key → (household, values)
        heads: dict[Key, str] = {}
        for kind, rid, hid, sealed, head in record_store.all_states(session):
            values[(kind, rid)] = (hid, json.loads(sealed))
            heads[(kind, rid)] = head
        for key, record in pending.items():
            values[key] = (record.household, dict(record.values))
        for key, (hid, now) in keepers.pending(session, me.role).items():
            pending[key] = Record(key[0], key[1], now)
            values[key] = (hid, now)
        everything = _digest(values, None)
        unsent_keys: set[Key] = set(pending)
        peers = []
        for row in store.peers(session):
            scope = set(store.assignments(session, row.device_id)) | {NO_HOUSEHOLD} if me.role == OFFICE else None
            known = record_store.known_heads(session, row.device_id)
            in_scope = [k for k, (hid, _v) in values.items() if scope is None or hid in scope]
            unsent = {k for k in in_scope if k in pending or heads.get(k) not in known.get(k, set())}
            if row.revoked_at is None:
                unsent_keys |= unsent
            seen = store.received_sequences(session, row.device_id)
            digest = _digest(values, scope)
            peers.append({
                "device_id": row.device_id, "name": row.name, "role": row.role,
                "revoked": row.revoked_at is not None, "last_sent": row.last_sent,
                "last_received": row.last_received, "last_acknowledged": row.last_acknowledged,
                "gaps": [n for n in range(1, max(seen, default=0)) if n not in set(seen)],
                "unsent": _counts(unsent), "digest": digest.hex, "records": digest.records})
        return {"role": me.role, "device_id": me.device_id, "name": me.name, "unsent": _counts(unsent_keys),
                "conflicts": len(record_store.open_conflicts(session)), "records": everything.records,
                "digest": everything.hex, "peers": peers}


def _digest(values: dict[Key, tuple[str, Any]], scope: set[str] | None) -> Digest:
    digest = Digest()
    for (kind, rid), (hid, v) in values.items():
        if scope is None or hid in scope:
            digest.add(kind, rid, v)
    return digest


def _counts(keys: set[Key]) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind, _rid in keys:
        out[kind] = out.get(kind, 0) + 1
    return dict(sorted(out.items()))


