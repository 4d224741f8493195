"""Writing a household's records, as an import or a resolved conflict leaves them, through the store's
ordinary household save — so member, visit and need rows, the head's name and the list's columns
stay right — and recording what was written as sealed (an import's writes are not local changes).

The records are joined into a household document (:func:`advisor_app.sync.kinds.join_household`)
and read with the household file's own reader and checks (:func:`~advisor_app.domain.interchange.read_household`);
a household that fails is refused with :class:`PayloadRefused`, naming it by village and head, and
the caller's transaction is rolled back (nothing written).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household
from advisor_app.store import archive as archive_store
from advisor_app.store import bulk as bulk_store
from advisor_app.store import households as store
from advisor_app.store import people, record_owners
from advisor_app.store import sync_records as state_store
from advisor_app.store.sync_rows import StateRow, any_stored, write_states
from advisor_app.sync.kinds import Record, join_household
from advisor_app.sync.versions import History

from .households import refuse_people_elsewhere
from .sync_records import (
    ARCHIVE,
    Key,
    State,
    dumps,
    heads_text,
    history_text,
    read_households,
    records_of_new,
    states,
)


class PayloadRefused(DomainError):
    """A bundle's payload that cannot be imported: nothing was written."""


def household_label(doc: Mapping[str, Any] | None, values: Mapping[str, Any] | None = None) -> str:
    """A household in the advisor's words: its village and head (户主)."""
    source = doc or values or {}
    village = str(source.get("village") or "").strip()
    head = next((str(m.get("name") or "") for m in (doc or {}).get("members", ()) if m.get("relation") == "head"),
                "")
    return f"{village or '（未填村）'}户主“{head or '—'}”的家庭"


def write_household(session: Session, household_id: str, records: Mapping[Key, Record]) -> None:
    """Store the household the records make (or delete, archive, restore it) in ``session``."""
    head = state_store.household_head(session, household_id)
    doc = join_household(records.values())
    if doc is None:
        if head is not None and not head.deleted:
            own = records.get(("household", household_id))
            archive = own.values.get(ARCHIVE) if own is not None else None
            if isinstance(archive, dict) and archive.get("reason"):
                archive_store.archive_household(
                    session, household_id, reason=str(archive["reason"]), note=str(archive.get("note") or ""),
                    on=state_store.parse_day(archive.get("on")) or dt.date.today(), by=str(archive.get("by") or ""))
            else:
                store.delete_household(session, household_id)
        return
    doc.pop(ARCHIVE, None)
    doc["version"] = 0  # claims nothing: the comparison of versions was made on the histories
    try:
        household, _notes = interchange.read_household(doc)
        if head is not None and head.deleted:
            archive_store.restore_household(session, household_id)
        refuse_people_elsewhere(session, household)
        store.save_household(session, household, with_visits=True, status_history=False)
    except DomainError as exc:
        raise PayloadRefused(f"没有导入（没有改动任何数据）：{household_label(doc)}有问题：{exc}") from None


def write_new_households(session: Session, households: Mapping[str, Mapping[Key, Record]]) -> dict[str, Household]:
    """Store households new to this profile (no row of theirs, no sync state) many at once, through
    :func:`advisor_app.store.bulk.insert_many`, not flagged unsent (an import's writes are not local
    changes); returns the households written, by id, as they were stored.

    The checks are those of :func:`write_household`: each household is joined into a document and
    read with the household file's reader and checks, then (for all of them in one query each) no
    member, visit or need id may belong to a stored record, and no member may be registered in
    another live household (nor twice among these). When anything fails, nothing is written and the
    empty dict is returned: the caller writes them one by one through :func:`write_household`,
    which refuses with its own message."""
    if not households:
        return {}
    read: list[Household] = []
    for hid in sorted(households):
        doc = join_household(households[hid].values())
        if doc is None:
            return {}  # arriving deleted: the ordinary path knows what (not) to do
        doc.pop(ARCHIVE, None)
        doc["version"] = 0
        try:
            household, _notes = interchange.read_household(doc)
        except DomainError:
            return {}
        read.append(household)
    numbers = [m.id_number for h in read for m in h.members]
    ids = [*(h.id for h in read), *(m.id for h in read for m in h.members),
           *(v.id for h in read for v in h.visits), *(n.id for h in read for v in h.visits for n in v.needs)]
    if (len(set(numbers)) != len(numbers) or None in ids or len(set(ids)) != len(ids)
            or any_stored(session, [str(i) for i in ids])
            or people.registrations(session, numbers)):
        return {}
    session.flush()
    bulk_store.insert_many(session.connection(), read, unsent=False)
    return {str(h.id): h for h in read}


def write_changed_households(session: Session, households: Mapping[str, Mapping[Key, Record]]) -> bool:
    """Store households already here, live and staying live, together: :func:`write_household` of
    each in id order, with the checks that look at other households made once for all of them —
    every household read with the household file's reader and checks, then one query each that no
    member is registered in another live household (nor twice among these) and that no member,
    visit or need id belongs to another household — and the list's columns refreshed once. When
    anything of that fails, or a household is not such a one, nothing is written and False is
    returned: the caller writes them one by one through :func:`write_household`, which refuses with
    its own message, in the same order."""
    if not households:
        return True
    ids = sorted(households)
    live = store.live_households(session, ids)
    read: list[Household] = []
    for hid in ids:
        doc = join_household(households[hid].values())
        if hid not in live or doc is None:
            return False  # new, deleted, archived or restored: the ordinary path knows what to do
        doc.pop(ARCHIVE, None)
        doc["version"] = 0  # claims nothing (as write_household)
        try:
            household, _notes = interchange.read_household(doc)
        except DomainError:
            return False
        read.append(household)
    numbers = [m.id_number for h in read for m in h.members]
    claimed_by = {m.id_number: str(h.id) for h in read for m in h.members}
    if len(claimed_by) != len(numbers) or any(claimed_by.get(r.id_number) != r.household_id
                                              for r in people.registrations(session, numbers)):
        return False
    if not record_owners.all_their_own(session, read):
        return False
    for hid, household in zip(ids, read, strict=True):
        try:
            store.save_household(session, household, with_visits=True, status_history=False, owners_checked=True,
                                 refresh_list=False)
        except DomainError as exc:
            doc = join_household(households[hid].values())
            raise PayloadRefused(f"没有导入（没有改动任何数据）：{household_label(doc)}有问题：{exc}") from None
    store.refresh_after_save(session, ids)
    return True


def record_written(session: Session, household_id: str, intended: Mapping[Key, Record],
                   histories: Mapping[Key, History]) -> None:
    """After :func:`write_household`: the household's records are sealed as written. A record that
    reads back otherwise than intended keeps the intended values as sealed and is looked at again
    at the next seal (its difference becomes a local version, which travels)."""
    record_written_many(session, [(household_id, intended, histories)])


def record_written_many(session: Session, written: Sequence[tuple[str, Mapping[Key, Record], Mapping[Key, History]]],
                        known: Mapping[Key, State] | None = None, *,
                        inserted: Mapping[str, Household] | None = None,
                        texts: Mapping[Key, tuple[str, str | None]] | None = None) -> None:
    """:func:`record_written` of many households, read back together; ``known``: their sync states
    as they are (read when not given). ``inserted``: households :func:`write_new_households` just
    stored, as it stored them; their records are those objects' (every row of theirs has version 1),
    which is what reading them back gives (the bulk insert and the store's reader agree, a test
    checks it), without reading them back. ``texts``: for records written with the values (and,
    unless None, the history) they came with, the canonical JSON of those, already made."""
    ids = [hid for hid, _i, _h in written]
    if known is None:
        known = states(session, ids)
    inserted = inserted or {}
    texts = texts or {}
    # key → (household, values as written, their text, history, its text or None)
    meant: dict[Key, tuple[str, Mapping[str, Any], str, History, str | None]] = {}
    read_back: dict[Key, State] = {}  # of the households read back: their tombstones are made of these
    for household_id, intended, histories in written:
        for key, record in intended.items():
            history = histories.get(key) or (known[key].history if key in known else ())
            values_text, history_json = texts.get(key) or (dumps(dict(record.values)), None)
            meant[key] = (household_id, record.values, values_text, history, history_json)
            if household_id not in inserted:
                read_back[key] = State(key[0], key[1], household_id, json.loads(values_text), history)
    actual, rows = read_households(session, [hid for hid in ids if hid not in inserted], read_back)
    for hid, household in inserted.items():
        actual[hid] = records_of_new(household)
        rows.update(dict.fromkeys(actual[hid], 1))
    out: list[StateRow] = []
    for key, (household_id, values, values_text, history, history_json) in meant.items():
        now = actual[household_id].get(key)
        # As the values read back from their text (normal()): equal as they are is equal so.
        same = now is not None and (now.values == values or now.values == json.loads(values_text))
        out.append((key[0], key[1], household_id, history_json or history_text(history), values_text,
                    heads_text(history), rows.get(key) if same else None))
    write_states(session, out, known)
