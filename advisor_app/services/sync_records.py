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
import json.encoder
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain import interchange
from advisor_app.domain.household import Household
from advisor_app.store import sync_records as state_store
from advisor_app.store import sync_rows, sync_state
from advisor_app.store.sync_records import StoredHead
from advisor_app.store.sync_rows import Stored
from advisor_app.sync import versions
from advisor_app.sync.kinds import KINDS, Record, split_household
from advisor_app.sync.versions import DELETED, History, Version

from .sync_row_records import ARCHIVE as ARCHIVE  # the household record's archive state
from .sync_row_records import records_of_rows

Key = tuple[str, str]


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
# The C encoder that _CANONICAL.encode() makes anew at every call (json.encoder.JSONEncoder.iterencode),
# made once with the same settings; without the check for circular references (values read from
# JSON or from rows hold none). Making it was about 40% of encoding a record's values.
_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_ENCODE: Any = (None if _MAKE_ENCODER is None else
                _MAKE_ENCODER(None, str, json.encoder.encode_basestring, None, ":", ",", True, False, True))


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, no spaces): equal values give equal text."""
    if _ENCODE is None:
        return _CANONICAL.encode(value)
    return "".join(_ENCODE(value, 0))


def normal(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as they read back from their JSON text (tuples as lists, dates as text)."""
    result: dict[str, Any] = json.loads(dumps(dict(values)))
    return result


def history_text(history: Iterable[Version]) -> str:
    return dumps([v.to_dict() for v in history])


_string: Callable[[str], str] = json.encoder.encode_basestring  # as the canonical encoder writes a string
_FIELDS_TEXTS: dict[tuple[str, ...], str] = {}  # a version's fields as canonical JSON (few different ones)


def first_history_text(version: Version) -> str:
    """:func:`history_text` of a history of this one version (a record sealed for the first time),
    made without encoding its dict: the field lists of a kind's records are mostly the same."""
    fields = _FIELDS_TEXTS.get(version.fields)
    if fields is None:
        fields = dumps(list(version.fields))
        if len(_FIELDS_TEXTS) < 4096:
            _FIELDS_TEXTS[version.fields] = fields
    parents = dumps(list(version.parents)) if version.parents else "[]"
    return f'[{{"fields":{fields},"id":{_string(version.id)},"parents":{parents}}}]'


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
    def of(row: Any) -> State:
        return State(row.kind, row.record_id, row.household_id, json.loads(row.sealed_values),
                     history_of(row.history))


def states(session: Session, household_ids: Iterable[str]) -> dict[Key, State]:
    return {k: State.of(r) for k, r in state_store.states_of(session, household_ids).items()}


def _records(household_id: str, stored: Stored, known: Mapping[Key, State],
             texts: dict[Key, str] | None = None) -> dict[Key, Record]:
    """The household's records as stored now (see the module doc); ``known``: its sync states;
    ``texts`` is given each record's values as canonical JSON (:func:`dumps`)."""
    head = stored.head
    found: list[Record] = []
    if head is not None:
        found = split_household(interchange.household_to_dict(head.household), deleted=head.deleted)
        if head.deleted:
            found = found[:1]
        own = found[0]
        found[0] = Record(own.kind, own.id, {**own.values, ARCHIVE: head.archive})
    return _keyed(household_id, found, known, texts)


def _keyed(household_id: str, found: list[Record], known: Mapping[Key, State],
           texts: dict[Key, str] | None) -> dict[Key, Record]:
    """The records found in the household's document by key, with a tombstone for each record of
    ``known`` that is no longer there."""
    out: dict[Key, Record] = {}
    for r in found:
        # The document holds only JSON's own types (lists, ISO dates: a test checks every field), so
        # its values already are as normal() gives them; the text is made once, for the seal.
        out[(r.kind, r.id)] = r
        if texts is not None:
            texts[(r.kind, r.id)] = dumps(r.values)
    for key, st in known.items():
        if key not in out and st.household == household_id and KINDS[st.kind].in_document:
            out[key] = Record(st.kind, st.id, {**st.values, DELETED: True})
    return out


def records_of_new(household: Household) -> dict[Key, Record]:
    """The records of a live household just stored with no sync state, from the stored object."""
    return _records(str(household.id), Stored(StoredHead(household, False, None)), {})


def read_households(session: Session, household_ids: Iterable[str], known: Mapping[Key, State]
                    ) -> tuple[dict[str, dict[Key, Record]], dict[Key, int]]:
    """:func:`current_records` of many households, read together (``known``: their sync states), and
    the version of every row of theirs."""
    by_household: dict[str, dict[Key, State]] = {}
    for key, one in known.items():
        by_household.setdefault(one.household, {})[key] = one
    stored = sync_rows.stored_households(session, household_ids)
    row_versions = {k: n for one in stored.values() for k, n in one.versions.items()}
    return {hid: _records(hid, one, by_household.get(hid, {})) for hid, one in stored.items()}, row_versions


def current_records_of(session: Session, household_ids: Iterable[str],
                       known: Mapping[Key, State]) -> dict[str, dict[Key, Record]]:
    """:func:`current_records` of many households, read together (``known``: their sync states)."""
    return read_households(session, household_ids, known)[0]


def current_records(session: Session, household_id: str, known: Mapping[Key, State]) -> dict[Key, Record]:
    """The household's records as stored now (see the module doc); ``known``: its sync states."""
    return current_records_of(session, [household_id], known)[household_id]


@dataclass(slots=True)
class Sealed:
    """What :func:`seal` found: the versions made, every record's state now, and the records as stored."""

    made: int
    states: dict[Key, State]
    current: dict[str, dict[Key, Record]]  # household id → its records


def seal(session: Session, household_ids: Iterable[str]) -> Sealed:
    """Seal the local changes of these households' records (see the module doc), reading each table
    once per 500 households; the states are written in one statement per kind of change."""
    wanted = sorted(set(household_ids))
    raw = {(r[0], r[1]): r for r in sync_rows.state_rows(session, wanted)}
    known = {k: State(r[0], r[1], r[2], json.loads(r[4]), history_of(r[3])) for k, r in raw.items()}
    by_household: dict[str, dict[Key, State]] = {}
    for key, one in known.items():
        by_household.setdefault(one.household, {})[key] = one
    stored = sync_rows.household_rows(session, wanted)  # the records straight from the rows (sync_row_records)
    current: dict[str, dict[Key, Record]] = {}
    texts: dict[Key, str] = {}
    # One version per record with a change (versions.seal; a record never sealed: one naming every
    # field); their ids are drawn together, in the records' order.
    pending: list[tuple[str, Key, Record, int | None, State | None, Version | None]] = []
    made = 0
    for hid in wanted:
        mine = by_household.get(hid, {})
        rows_of = stored[hid]
        current[hid] = records = _keyed(hid, records_of_rows(hid, rows_of), mine, texts)
        row_versions = rows_of.versions
        for key, record in records.items():
            row_version = row_versions.get(key)
            old = raw.get(key)
            if old is not None and old[6] is not None and old[6] == row_version:
                continue
            st = known.get(key)
            version = (Version("", (), tuple(sorted(record.values))) if st is None else
                       versions.seal(st.history, st.values, record.values, ""))
            made += version is not None
            pending.append((hid, key, record, row_version, st, version))
    ids = iter(sync_state.next_version_ids(session, made) if made else [])
    out_states = dict(known)
    rows: list[sync_rows.StateRow] = []
    for hid, key, record, row_version, st, version in pending:
        new = None if version is None else Version(next(ids), version.parents, version.fields)
        if st is None and new is not None:  # a record sealed for the first time: one version, its own head
            history: History = (new,)
            history_json, heads = first_history_text(new), new.id
        else:
            history = st.history if st else ()
            if new is not None:
                history = (*history, new)
            history_json, heads = history_text(history), heads_text(history)
        out_states[key] = State(key[0], key[1], hid, dict(record.values), history)
        rows.append((key[0], key[1], hid, history_json, texts.get(key) or dumps(record.values), heads, row_version))
    sync_rows.write_states(session, rows, raw)
    return Sealed(made, out_states, current)


def seal_households(session: Session, household_ids: Iterable[str]) -> int:
    """Seal the local changes of these households' records; returns how many versions were made."""
    return seal(session, household_ids).made


def seal_pending(session: Session) -> int:
    """Seal every household with a row changed since it was last sealed."""
    return seal_households(session, state_store.changed_households(session))


def seal_pending_states(session: Session) -> dict[Key, State]:
    """:func:`seal_pending`; returns the states of the records of the households it read."""
    return seal(session, state_store.changed_households(session)).states


def pending_records(session: Session) -> dict[Key, Record]:
    """The records with local changes not yet sealed (read only: nothing is written)."""
    changed = state_store.changed_households(session)
    known = states(session, changed)
    out: dict[Key, Record] = {}
    for records in current_records_of(session, changed, known).values():
        for key, record in records.items():
            st = known.get(key)
            if st is None or versions.changed_fields(st.values, record.values):
                out[key] = record
    return out
