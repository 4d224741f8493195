"""A household's synchronised records as they are now, and sealing local changes into versions.

Reading: the store's household (:func:`advisor_app.store.households.load_household`) → the
household document (:func:`~advisor_app.domain.interchange.household_to_dict`) → its records
(:func:`advisor_app.sync.kinds.split_household`). A record that is no longer in the document — a
member removed, a visit deleted, every part of a deleted household — is a tombstone: its values as
last sealed, with ``deleted`` true. A deleted household's own record keeps its values and carries
its archive state (``archive``: reason, note, day and by whom; ``None`` while it is live). A record
deleted before it was ever sealed never travelled, and is not read.

Sealing (docs/sync.md, "Versions, merges and conflicts"): every record whose row changed since it
was last sealed and whose values differ from the sealed ones gets one new version
``<device id>:<n>`` naming the changed fields. It happens when a bundle is exported and, for the
households an import touches, before comparing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain import interchange
from advisor_app.store import households as store
from advisor_app.store import sync_records as state_store
from advisor_app.store import sync_state
from advisor_app.store.sync_models import SyncRecordRow
from advisor_app.sync import versions
from advisor_app.sync.kinds import Record, split_household
from advisor_app.sync.versions import DELETED, History, Version

ARCHIVE = "archive"
"""The household record's value holding its archive state (not a key of the household document)."""

Key = tuple[str, str]


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, no spaces): equal values give equal text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def normal(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as they read back from their JSON text (tuples as lists, dates as text)."""
    result: dict[str, Any] = json.loads(dumps(dict(values)))
    return result


def history_text(history: Iterable[Version]) -> str:
    return dumps([v.to_dict() for v in history])


def history_of(text: str) -> History:
    return tuple(Version.from_dict(d) for d in json.loads(text))


def heads_text(history: Iterable[Version]) -> str:
    return ",".join(versions.heads(history))


@dataclass(frozen=True, slots=True)
class State:
    """A record's sync state, read: its sealed values and history."""

    kind: str
    id: str
    household: str
    values: dict[str, Any]
    history: History

    @staticmethod
    def of(row: SyncRecordRow) -> State:
        return State(row.kind, row.record_id, row.household_id, json.loads(row.sealed_values),
                     history_of(row.history))


def states(session: Session, household_ids: Iterable[str]) -> dict[Key, State]:
    return {k: State.of(r) for k, r in state_store.states_of(session, household_ids).items()}


def current_records(session: Session, household_id: str, known: Mapping[Key, State]) -> dict[Key, Record]:
    """The household's records as stored now (see the module doc); ``known``: its sync states."""
    head = state_store.household_head(session, household_id)
    found: list[Record] = []
    if head is not None:
        if head.deleted:
            found = split_household(interchange.household_to_dict(head.household), deleted=True)[:1]
        else:
            found = split_household(interchange.household_to_dict(store.load_household(session, household_id)))
        own = found[0]
        found[0] = Record(own.kind, own.id, {**own.values, ARCHIVE: head.archive})
    out = {(r.kind, r.id): Record(r.kind, r.id, normal(r.values)) for r in found}
    for key, st in known.items():
        if key not in out and st.household == household_id:
            out[key] = Record(st.kind, st.id, {**st.values, DELETED: True})
    return out


def seal_households(session: Session, household_ids: Iterable[str]) -> int:
    """Seal the local changes of these households' records; returns how many versions were made."""
    wanted = sorted(set(household_ids))
    if not wanted:
        return 0
    known = states(session, wanted)
    rows = state_store.row_versions(session, wanted)
    raw = state_store.states_of(session, wanted)
    by_household: dict[str, dict[Key, State]] = {}
    for key, one in known.items():
        by_household.setdefault(one.household, {})[key] = one
    made = 0
    for hid in wanted:
        mine = by_household.get(hid, {})
        for key, record in current_records(session, hid, mine).items():
            st, row_version = mine.get(key), rows.get(key)
            if st is not None and raw[key].row_version is not None and raw[key].row_version == row_version:
                continue
            history = st.history if st is not None else ()
            version = versions.seal(history, st.values if st is not None else None, record.values, "")
            if version is not None:
                (version_id,) = sync_state.next_version_ids(session, 1)
                history = (*history, Version(version_id, version.parents, version.fields))
                made += 1
            state_store.put_state(session, key[0], key[1], household_id=hid, history=history_text(history),
                                  values=dumps(record.values), heads=heads_text(history), row_version=row_version,
                                  new=st is None)
    session.flush()
    return made


def seal_pending(session: Session) -> int:
    """Seal every household with a row changed since it was last sealed."""
    return seal_households(session, state_store.changed_households(session))


def pending_records(session: Session) -> dict[Key, Record]:
    """The records with local changes not yet sealed (read only: nothing is written)."""
    changed = state_store.changed_households(session)
    known = states(session, changed)
    by_household: dict[str, dict[Key, State]] = {}
    for key, one in known.items():
        by_household.setdefault(one.household, {})[key] = one
    out: dict[Key, Record] = {}
    for hid in sorted(changed):
        mine = by_household.get(hid, {})
        for key, record in current_records(session, hid, mine).items():
            st = mine.get(key)
            if st is None or versions.changed_fields(st.values, record.values):
                out[key] = record
    return out
