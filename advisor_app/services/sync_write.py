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
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError
from advisor_app.store import archive as archive_store
from advisor_app.store import households as store
from advisor_app.store import sync_records as state_store
from advisor_app.sync.kinds import Record, join_household
from advisor_app.sync.versions import History

from .households import refuse_people_elsewhere
from .sync_records import ARCHIVE, Key, State, current_records, dumps, heads_text, history_text, normal, states


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
        store.save_household(session, household, with_visits=True)
    except DomainError as exc:
        raise PayloadRefused(f"没有导入（没有改动任何数据）：{household_label(doc)}有问题：{exc}") from None


def record_written(session: Session, household_id: str, intended: Mapping[Key, Record],
                   histories: Mapping[Key, History]) -> None:
    """After :func:`write_household`: the household's records are sealed as written. A record that
    reads back otherwise than intended keeps the intended values as sealed and is looked at again
    at the next seal (its difference becomes a local version, which travels)."""
    rows = state_store.row_versions(session, [household_id])
    known = states(session, [household_id])
    meant: dict[Key, State] = {}
    for key, record in intended.items():
        history = histories.get(key) or (known[key].history if key in known else ())
        meant[key] = State(key[0], key[1], household_id, normal(record.values), history)
    actual = current_records(session, household_id, meant)
    for key, st in meant.items():
        now = actual.get(key)
        same = now is not None and now.values == st.values
        state_store.put_state(session, key[0], key[1], household_id=household_id, history=history_text(st.history),
                              values=dumps(st.values), heads=heads_text(st.history),
                              row_version=rows.get(key) if same else None, new=key not in known)
    session.flush()
