"""Synchronised records that are not a part of the household document: a need's status history
(``need_status_change``) and a county's policy table (``policy_table``, of no household).

The kinds are registered in :data:`advisor_app.sync.kinds.KINDS` (``in_document`` false, with the
roles that send them and how they merge); which of a kind's records changed on this profile and how
one is checked and written is its **keeper**, registered here once (:data:`KEEPERS`). Their sync
state is kept like any record's (``sync_records``; household
:data:`~advisor_app.sync.kinds.NO_HOUSEHOLD` for a record of none), so acknowledgements, resending
until acknowledged, reassignment and the digest work for them unchanged.

* :func:`seal` (export, on a role that sends the kind): each record whose values differ from the
  ones last sealed gets a version, as a household's records do; a record removed before it was
  ever sealed never travelled and is not sent.
* :func:`pending`: the records with changes not sealed yet (``sync status``; read only).
* :func:`check_senders`: a bundle from a role that may not send a kind it holds is refused whole.
* :func:`apply` (import, after the household records are written): ``SENDER`` — the sender's copy
  wins: an incoming history holding a version we lack is taken; ``APPEND`` — compared as any record
  (:func:`advisor_app.sync.versions.compare`); a record written once and never edited only ever
  fast-forwards, or merges when both sides tombstoned it. What is taken is checked and written by
  the keeper in the import's transaction; a copy we hold already changes nothing.
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
from advisor_app.sync.kinds import KINDS, NO_HOUSEHOLD, SENDER
from advisor_app.sync.versions import CONFLICT, HAVE, MERGED, Version

from . import sync_need_history, sync_policy
from .sync_records import Key, dumps, heads_text, history_of, history_text
from .sync_write import PayloadRefused


@dataclass(frozen=True, slots=True)
class Current:
    """One record as this profile holds it now: its household, values and the version of its row
    (None: compare the values every time)."""

    household: str
    values: dict[str, Any]
    row_version: int | None = None


class Keeper(Protocol):
    def changed(self, session: Session) -> dict[str, tuple[str, dict[str, Any], int | None]]:
        """record id → (household, values, row version: None to compare the values every time) of
        every record that may have changed since it was sealed (a removed one: ``deleted`` true)."""

    def check(self, session: Session, record_id: str, household: str, values: Mapping[str, Any]) -> None:
        """Raise :class:`DomainError` (in the advisor's words) when the record cannot be taken."""

    def write(self, session: Session, record_id: str, household: str, values: Mapping[str, Any],
              sender: SyncPeerRow) -> int | None:
        """Store the incoming copy as this profile's (with its audit entry, if any) in the caller's
        transaction; returns the row's version now (None: none to remember)."""


KEEPERS: dict[str, Keeper] = {"need_status_change": sync_need_history.KEEPER, "policy_table": sync_policy.KEEPER}
"""The keeper of every kind that is not a part of the household document."""

_REFUSED = "数据包没有导入（没有改动任何数据）："  # as every refusal of a payload begins


def kept_kinds(role: str | None = None) -> list[str]:
    """The kinds with a keeper (that ``role`` sends, when given), in the registry's order."""
    return [k.name for k in KINDS.values() if not k.in_document and (role is None or k.sent_by(role))]


@dataclass(frozen=True, slots=True)
class Incoming:
    kind: str
    id: str
    household: str
    values: dict[str, Any]
    history: versions.History


def _states(session: Session, household_ids: Iterable[str]) -> dict[Key, StateRow]:
    return {(r[0], r[1]): r for r in state_rows(session, household_ids) if not KINDS[r[0]].in_document}


def _changes(session: Session, role: str) -> list[tuple[Key, Current, StateRow | None, bool]]:
    """(key, the record now, its state, whether its values changed) of every record of the kinds
    ``role`` sends whose row is not the one last sealed."""
    found = [((kind, rid), Current(*now)) for kind in kept_kinds(role)
             for rid, now in KEEPERS[kind].changed(session).items()]
    raw = _states(session, {now.household for _key, now in found})
    out = []
    for key, now in sorted(found, key=lambda f: f[0]):
        values = json.loads(dumps(now.values))
        old = raw.get(key)
        if old is None and values.get(versions.DELETED):
            continue  # removed before it ever travelled
        if old is not None and old[6] is not None and old[6] == now.row_version:
            continue
        differs = old is None or bool(versions.changed_fields(json.loads(old[4]), values))
        out.append((key, Current(now.household, values, now.row_version), old, differs))
    return out


def seal(session: Session, role: str) -> int:
    """Seal the local changes of the records ``role`` sends (see the module doc); how many versions."""
    changes = _changes(session, role)
    made = sum(1 for *_rest, differs in changes if differs)
    ids = iter(sync_state.next_version_ids(session, made) if made else [])
    rows: list[StateRow] = []
    for (kind, rid), now, old, differs in changes:
        history = history_of(old[3]) if old else ()
        if differs:
            version = versions.seal(history, json.loads(old[4]) if old else None, now.values, "")
            assert version is not None
            history = (*history, Version(next(ids), version.parents, version.fields))
        rows.append((kind, rid, now.household, history_text(history), dumps(now.values), heads_text(history),
                     now.row_version))
    write_states(session, rows, [key for key, _now, old, _d in changes if old is not None])
    return made


def pending(session: Session, role: str) -> dict[Key, tuple[str, dict[str, Any]]]:
    """The records ``role`` sends with changes not sealed yet: key → (household, values now)."""
    return {key: (now.household, now.values) for key, now, _old, differs in _changes(session, role) if differs}


def check_senders(kinds: Iterable[str], sender: SyncPeerRow) -> None:
    """Refuse a payload from ``sender`` holding a kind its role does not send."""
    for name in dict.fromkeys(kinds):
        kind = KINDS[name]
        if not kind.sent_by(sender.role):
            who = "乡镇" if sender.role == "office" else "救助顾问"
            raise PayloadRefused(f"{_REFUSED}这个数据包来自{who}“{sender.name}”，却带有{kind.label}；"
                                 f"{kind.label}只能由{'乡镇' if 'office' in kind.senders else '救助顾问'}发出")


def _outcome(session: Session, old: StateRow | None, r: Incoming) -> tuple[str, versions.History, dict[str, Any]]:
    """What to do with an incoming copy: (HAVE / take / merged, the history to keep, the values)."""
    ours = history_of(old[3]) if old else ()
    if {v.id for v in r.history} <= {v.id for v in ours}:
        return HAVE, ours, {}
    if KINDS[r.kind].merge == SENDER:
        return "take", r.history, r.values
    outcome = versions.compare(json.loads(old[4]) if old else {}, ours, r.values, r.history, "")
    if outcome.action in (HAVE, CONFLICT):  # never edited: a conflict cannot arise; ours stays
        return HAVE, ours, {}
    if outcome.action != MERGED:
        return "take", outcome.history, dict(outcome.values)
    (merge_id,) = sync_state.next_version_ids(session, 1)
    last = outcome.history[-1]
    return MERGED, (*outcome.history[:-1], Version(merge_id, last.parents)), dict(outcome.values)


def apply(session: Session, sender: SyncPeerRow, incoming: list[Incoming]) -> tuple[int, int, int]:
    """Take the incoming copies of kept records (see the module doc); (new, changed, unchanged)."""
    if not incoming:
        return (0, 0, 0)
    raw = _states(session, {r.household for r in incoming})
    rows: list[StateRow] = []
    known: list[tuple[Key, str]] = []
    new = changed = unchanged = 0
    for r in incoming:
        key = (r.kind, r.id)
        old = raw.get(key)
        if old is not None and old[2] != r.household:
            raise PayloadRefused(f"{_REFUSED}有一条{KINDS[r.kind].label}属于另一户家庭，与本机的记录对不上")
        action, history, values = _outcome(session, old, r)
        if action == HAVE:
            unchanged += 1
            if set(versions.heads(r.history)) == set(versions.heads(history)):
                known.append((key, heads_text(history)))
            continue
        keeper = KEEPERS[r.kind]
        try:
            keeper.check(session, r.id, r.household, values)
        except DomainError as exc:
            where = f"（{exc.where}）" if exc.where else ""
            raise PayloadRefused(f"{_REFUSED}{KINDS[r.kind].label} {r.id} 不能使用：{exc.message}{where}") from None
        row_version = keeper.write(session, r.id, r.household, values, sender)
        text = dumps(values)
        rows.append((r.kind, r.id, r.household, history_text(history), text, heads_text(history), row_version))
        if action != MERGED:  # a merge goes back to the sender
            known.append((key, heads_text(history)))
        new += int(old is None)
        changed += int(old is not None)
    write_states(session, rows, raw)
    mark(session, sender.device_id, known, sequence=None)
    return (new, changed, unchanged)


__all__ = ["KEEPERS", "NO_HOUSEHOLD", "Current", "Incoming", "Keeper", "apply", "check_senders", "kept_kinds",
           "pending", "seal"]
