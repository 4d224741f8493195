"""Conflicts: a field changed on both sides to different values (or a record deleted on one side and
edited on the other, field ``deleted``), listed and resolved by a person (docs/sync.md).

While a conflict is open the record keeps our values and history; the other side's copy is kept
beside it (one per peer and record). :func:`resolve_conflict` records the choice; once every
conflicting field of the record has one, the record becomes a version based on both copies
(:func:`advisor_app.sync.versions.resolve`), which travels to the other side and closes the same
conflict there (:func:`close_settled`: the kept copy is then part of the record's history).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.store import sync_records as record_store
from advisor_app.store import sync_state
from advisor_app.store.models import new_id, utc_now
from advisor_app.store.sync_models import SyncConflictRow, SyncKeptCopyRow
from advisor_app.sync import versions
from advisor_app.sync.kinds import KINDS, Record
from advisor_app.sync.versions import CONFLICT, HAVE, MERGED, Conflict, Version

from . import audit
from .conflict_words import field_words
from .profile import Profile
from .sync_records import current_records, dumps, history_of, history_text, seal_households, states
from .sync_write import record_written, write_household

MINE, THEIRS = "mine", "theirs"
SETTLED, SUPERSEDED = "settled", "superseded"  # closed by the other side's resolution / by a newer copy
@dataclass(frozen=True, slots=True)
class ConflictView:
    """One open conflict, for ``conflicts list`` and the conflicts view."""

    id: str
    kind: str
    record_id: str
    household_id: str
    field: str
    mine: Any
    theirs: Any
    peer: str
    peer_name: str
    chosen: str | None  # a choice made while other fields of the record are still open

    @property
    def label(self) -> str:
        kind = KINDS[self.kind].label if self.kind in KINDS else self.kind
        return f"{kind}：{field_words(self.field).zh}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "record_id": self.record_id, "field": self.field,
                "mine": self.mine, "theirs": self.theirs}


def keep_conflict(session: Session, peer: str, kind: str, record_id: str, household_id: str,
                  values: dict[str, Any], history: versions.History, conflicts: Iterable[Conflict]) -> int:
    """Keep the other side's copy and list its conflicting fields; returns how many are new (the same
    copy arriving again opens nothing)."""
    kept = record_store.kept_copy(session, peer, kind, record_id)
    if kept is None:
        kept = SyncKeptCopyRow(peer=peer, kind=kind, record_id=record_id)
        session.add(kept)
    kept.household_id, kept.kept_values, kept.history = household_id, dumps(values), history_text(history)
    kept.kept_at = utc_now()
    existing = {c.field: c for c in record_store.open_conflicts(session, kind=kind, record_id=record_id)
                if c.peer == peer}
    now, new = utc_now(), 0
    for c in conflicts:
        old = existing.pop(c.field, None)
        if old is not None and old.mine == dumps(c.mine) and old.theirs == dumps(c.theirs):
            continue
        if old is not None:
            old.resolved_at, old.choice = now, SUPERSEDED
        session.add(SyncConflictRow(id=new_id(), kind=kind, record_id=record_id, household_id=household_id,
                                    peer=peer, field=c.field, mine=dumps(c.mine), theirs=dumps(c.theirs),
                                    created_at=now))
        new += 1
    for old in existing.values():
        old.resolved_at, old.choice = now, SUPERSEDED
    session.flush()
    return new


def close_settled(session: Session, kind: str, record_id: str, history: versions.History) -> int:
    """Close the conflicts whose kept copy is now part of the record's history; returns how many."""
    closed = 0
    for kept in record_store.kept_copies(session, kind, record_id):
        if versions.settles(history_of(kept.history), history):
            for c in record_store.open_conflicts(session, kind=kind, record_id=record_id):
                if c.peer == kept.peer:
                    c.resolved_at, c.choice = utc_now(), c.choice or SETTLED
                    closed += 1
            session.delete(kept)
    session.flush()
    return closed


def _view(session: Session, c: SyncConflictRow) -> ConflictView:
    peer = sync_state.peer(session, c.peer)
    return ConflictView(c.id, c.kind, c.record_id, c.household_id, c.field, json.loads(c.mine),
                        json.loads(c.theirs), c.peer, peer.name if peer else c.peer, c.choice)


def list_conflicts(profile: Profile) -> list[ConflictView]:
    with profile.session() as session:
        return [_view(session, c) for c in record_store.open_conflicts(session)]


def resolve_conflict(profile: Profile, conflict_id: str, keep: str) -> list[ConflictView]:
    """Keep ``mine`` or ``theirs`` for one conflict. Once every conflicting field of the record is
    chosen, the record is written as a version based on both copies. Returns the record's conflicts
    still open (empty when it is resolved)."""
    if keep not in (MINE, THEIRS):
        raise DomainError("请选择保留本机的值（mine）还是对方的值（theirs）")
    with profile.session(write=True) as session:
        c = record_store.conflict(session, conflict_id)
        if c is None or c.resolved_at is not None:
            raise NotFound("没有这个未解决的冲突（可能已经解决了）")
        c.choice = keep
        siblings = [s for s in record_store.open_conflicts(session, kind=c.kind, record_id=c.record_id)
                    if s.peer == c.peer]
        if any(s.choice is None for s in siblings):
            session.flush()
            return [_view(session, s) for s in siblings]
        hid, key = c.household_id, (c.kind, c.record_id)
        seal_households(session, [hid])
        known = states(session, [hid])
        kept = record_store.kept_copy(session, c.peer, c.kind, c.record_id)
        mine = known.get(key)
        if kept is None or mine is None:
            raise NotFound("冲突的记录已不在档案里")
        theirs_history = history_of(kept.history)
        choices = {s.field: str(s.choice) for s in siblings}
        outcome = versions.resolve(mine.values, mine.history, json.loads(kept.kept_values), theirs_history,
                                   choices, "")
        if outcome.action == CONFLICT:  # a field changed here since: one more to choose
            keep_conflict(session, c.peer, c.kind, c.record_id, hid, json.loads(kept.kept_values),
                          theirs_history, [*outcome.conflicts, *(Conflict(s.field, json.loads(s.mine),
                                                                           json.loads(s.theirs)) for s in siblings)])
            return [_view(session, s) for s in record_store.open_conflicts(session, kind=c.kind, record_id=c.record_id)]
        history = outcome.history
        if outcome.action != HAVE:
            (merge_id,) = sync_state.next_version_ids(session, 1)
            history = (*history[:-1], Version(merge_id, history[-1].parents)) if outcome.action == MERGED else history
            intended = current_records(session, hid, known)
            intended[key] = Record(c.kind, c.record_id, dict(outcome.values))
            write_household(session, hid, intended)
            record_written(session, hid, intended, {key: history})
        now = utc_now()
        for s in siblings:
            s.resolved_at = now
        session.delete(kept)
        audit.record(session, action="change", kind="conflict", record_id=c.record_id, household_id=hid,
                     fields=sorted(choices), detail=",".join(f"{f}={v}" for f, v in sorted(choices.items())))
        session.flush()
        return []
