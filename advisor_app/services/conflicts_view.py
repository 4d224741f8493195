"""The conflicts view's use cases: the open conflicts in the advisor's words, and resolving one.

:func:`open_conflicts` reads :func:`~advisor_app.services.sync_conflicts.list_conflicts` and names
each conflict's household (head and village), record (家庭, 家庭成员 张三, 走访 2024-03-01, 需求：…),
field and both values (:mod:`.conflict_words`), and who the other side is. The names come from the
records as last sealed (``sync_records``), so a household or member deleted on this side is still
named. :func:`resolve` keeps one side through
:func:`~advisor_app.services.sync_conflicts.resolve_conflict` and says which household it touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from advisor_app.domain.vocab import Text

from . import sync_conflicts
from .conflict_words import field_words, record_words, value_words
from .profile import Profile
from .sync_records import Key, State, states

MINE, THEIRS = sync_conflicts.MINE, sync_conflicts.THEIRS


@dataclass(frozen=True, slots=True)
class ConflictRow:
    id: str
    household_id: str
    head_name: str
    village: str
    record: Text
    field: Text
    mine: Text
    theirs: Text
    peer_name: str  # who the other side is (an advisor's name, or the office's)
    chosen: str | None  # mine | theirs, already chosen while other fields of the record are open


@dataclass(frozen=True, slots=True)
class Resolved:
    household_id: str
    still_open: int  # conflicts of the same record still to choose (0: the record is written)


def _household_names(known: Mapping[Key, State], household_id: str) -> tuple[str, str]:
    own = known.get(("household", household_id))
    village = str(own.values.get("village") or "") if own is not None else ""
    heads = [s for s in known.values() if s.kind == "member" and s.values.get("relation") == "head"]
    heads.sort(key=lambda s: (bool(s.values.get("deleted")), s.values.get("position") or 0))
    return (str(heads[0].values.get("name") or "") if heads else ""), village


def open_conflicts(profile: Profile) -> list[ConflictRow]:
    """Every open conflict, by household (village, head) and then in the order they arose."""
    views = sync_conflicts.list_conflicts(profile)
    with profile.session() as session:
        known = states(session, {v.household_id for v in views})
    by_household: dict[str, dict[Key, State]] = {}
    for key, st in known.items():
        by_household.setdefault(st.household, {})[key] = st
    rows = []
    for v in views:
        mine = by_household.get(v.household_id, {})
        head, village = _household_names(mine, v.household_id)
        record = mine.get((v.kind, v.record_id))
        values: dict[str, Any] = dict(record.values) if record is not None else {}
        rows.append(ConflictRow(v.id, v.household_id, head, village, record_words(v.kind, values),
                                field_words(v.field), value_words(v.field, v.mine), value_words(v.field, v.theirs),
                                v.peer_name, v.chosen))
    order = {v.id: i for i, v in enumerate(views)}
    rows.sort(key=lambda r: (r.village, r.head_name, r.household_id, order[r.id]))
    return rows


def open_count(profile: Profile) -> int:
    return len(sync_conflicts.list_conflicts(profile))


def resolve(profile: Profile, conflict_id: str, keep: str) -> Resolved:
    """Keep ``mine`` or ``theirs`` for one conflict (see ``sync_conflicts.resolve_conflict``)."""
    household = next((v.household_id for v in sync_conflicts.list_conflicts(profile) if v.id == conflict_id), "")
    still = sync_conflicts.resolve_conflict(profile, conflict_id, keep)
    return Resolved(household, sum(1 for c in still if c.chosen is None))
