"""Synchronised records that belong to no household (today: a county's ``policy_table``).

The kinds are registered in :data:`advisor_app.sync.kinds.KINDS` (``of_household`` false, with the
roles that send them and how they merge); what a kind's records are on this profile and how one is
checked and written is its **keeper**, registered here once (:data:`KEEPERS`). Their sync state is
kept like any record's (``sync_records``, household :data:`~advisor_app.sync.kinds.NO_HOUSEHOLD`),
so acknowledgements, resending until acknowledged and the digest work for them unchanged.

* :func:`seal` (export, on a role that sends the kind): each record whose values differ from the
  ones last sealed gets a version, as a household's records do; a record removed before it was ever
  sealed never travelled and is not sent.
* :func:`pending`: the records with changes not sealed yet (``sync status``; read only).
* :func:`check_senders`: a bundle from a role that may not send a kind it holds is refused whole.
* :func:`apply` (import): merge ``SENDER`` — the sender's copy wins: an incoming history holding a
  version we lack is taken (checked, written and audited by the keeper in the import's transaction);
  one we hold already changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError
from advisor_app.store import sync_state
from advisor_app.store.sync_models import SyncPeerRow
from advisor_app.store.sync_rows import StateRow, mark, state_rows, write_states
from advisor_app.sync import versions
from advisor_app.sync.kinds import KINDS, NO_HOUSEHOLD
from advisor_app.sync.versions import Version

from . import sync_policy
from .sync_records import Key, dumps, heads_text, history_of, history_text
from .sync_write import PayloadRefused


class Keeper(Protocol):
    def current(self, session: Session) -> dict[str, dict[str, Any]]:
        """record id → its values as this profile holds them now (a removed one: ``deleted`` true)."""

    def check(self, record_id: str, values: Mapping[str, Any]) -> None:
        """Raise :class:`DomainError` (in the advisor's words) when the record cannot be taken."""

    def write(self, session: Session, record_id: str, values: Mapping[str, Any], sender: SyncPeerRow) -> None:
        """Store the sender's copy as this profile's, with its audit entry (the caller's transaction)."""


KEEPERS: dict[str, Keeper] = {"policy_table": sync_policy.KEEPER}
"""The keeper of every kind that belongs to no household."""

_REFUSED = "数据包没有导入（没有改动任何数据）："  # as every refusal of a payload begins


def standalone_kinds(role: str | None = None) -> list[str]:
    """The kinds of no household (that ``role`` sends, when given), in the registry's order."""
    return [k.name for k in KINDS.values() if not k.of_household and (role is None or k.sent_by(role))]


@dataclass(frozen=True, slots=True)
class Incoming:
    kind: str
    id: str
    values: dict[str, Any]
    history: versions.History


def _states(session: Session) -> dict[Key, StateRow]:
    return {(r[0], r[1]): r for r in state_rows(session, [NO_HOUSEHOLD])}


def _changes(session: Session, role: str, raw: Mapping[Key, StateRow]
             ) -> list[tuple[Key, dict[str, Any], StateRow | None]]:
    """(key, values now, state) of every record of the kinds ``role`` sends whose values are not
    the ones last sealed (``raw``: the states)."""
    out = []
    for kind in standalone_kinds(role):
        for rid, values in sorted(KEEPERS[kind].current(session).items()):
            now = json.loads(dumps(values))
            old = raw.get((kind, rid))
            if old is None and now.get(versions.DELETED):
                continue  # removed before it ever travelled
            if old is not None and not versions.changed_fields(json.loads(old[4]), now):
                continue
            out.append(((kind, rid), now, old))
    return out


def seal(session: Session, role: str) -> int:
    """Seal the local changes of the records ``role`` sends (see the module doc); how many versions."""
    raw = _states(session)
    made: list[tuple[Key, dict[str, Any], versions.History, Version]] = []
    for key, now, old in _changes(session, role, raw):
        history = history_of(old[3]) if old else ()
        version = versions.seal(history, json.loads(old[4]) if old else None, now, "")
        if version is not None:
            made.append((key, now, history, version))
    if not made:
        return 0
    ids = iter(sync_state.next_version_ids(session, len(made)))
    rows: list[StateRow] = []
    for (kind, rid), now, history, version in made:
        history = (*history, Version(next(ids), version.parents, version.fields))
        rows.append((kind, rid, NO_HOUSEHOLD, history_text(history), dumps(now), heads_text(history), None))
    write_states(session, rows, raw)
    return len(made)


def pending(session: Session, role: str) -> dict[Key, dict[str, Any]]:
    """The records ``role`` sends with changes not sealed yet: key → values now (nothing written)."""
    return {key: now for key, now, _old in _changes(session, role, _states(session))}


def check_senders(kinds: Iterable[str], sender: SyncPeerRow) -> None:
    """Refuse a payload from ``sender`` holding a kind its role does not send."""
    for name in dict.fromkeys(kinds):
        kind = KINDS[name]
        if not kind.sent_by(sender.role):
            who = "乡镇" if sender.role == "office" else "救助顾问"
            raise PayloadRefused(f"{_REFUSED}这个数据包来自{who}“{sender.name}”，却带有{kind.label}；"
                                 f"{kind.label}只能由{'乡镇' if 'office' in kind.senders else '救助顾问'}发出")


def apply(session: Session, sender: SyncPeerRow, incoming: list[Incoming]) -> tuple[int, int, int]:
    """Take the sender's copies of records of no household (see the module doc); (new, changed,
    unchanged)."""
    if not incoming:
        return (0, 0, 0)
    raw = _states(session)
    rows: list[StateRow] = []
    known: list[tuple[Key, str]] = []
    new = changed = unchanged = 0
    for r in incoming:
        key = (r.kind, r.id)
        old = raw.get(key)
        ours = history_of(old[3]) if old else ()
        if {v.id for v in r.history} <= {v.id for v in ours}:  # a replay or an older copy
            unchanged += 1
            if set(versions.heads(r.history)) == set(versions.heads(ours)):
                known.append((key, heads_text(ours)))
            continue
        keeper = KEEPERS[r.kind]
        try:
            keeper.check(r.id, r.values)
        except DomainError as exc:
            where = f"（{exc.where}）" if exc.where else ""
            raise PayloadRefused(f"{_REFUSED}{KINDS[r.kind].label} {r.id} 不能使用：{exc.message}{where}") from None
        keeper.write(session, r.id, r.values, sender)
        values = json.loads(dumps(r.values))
        rows.append((r.kind, r.id, NO_HOUSEHOLD, history_text(r.history), dumps(values), heads_text(r.history), None))
        known.append((key, heads_text(r.history)))
        new += int(old is None)
        changed += int(old is not None)
    write_states(session, rows, raw)
    mark(session, sender.device_id, known, sequence=None)
    return (new, changed, unchanged)
