"""What a save changed, record by record, as the audit log names it: which household, member, visit
and need was created, changed (with the NAMES of the changed fields) or removed.

The fields compared are the stored columns (:mod:`advisor_app.store.convert`), so the names are the
columns' names (``id_number``, ``incomes``, ``phone`` …). The household's denormalised columns
(the head's name and initials, the member count) are left out: they follow from the members, whose
own entries say what changed. A created record's entry names no fields; a removed one's neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from advisor_app.domain.household import Household, Need, Visit
from advisor_app.store import convert

_DERIVED = frozenset({"head_name", "head_initials", "member_count"})


@dataclass(frozen=True, slots=True)
class RecordChange:
    action: str  # create | change | delete
    kind: str  # household | member | visit | need
    record_id: str | None
    fields: tuple[str, ...] = ()


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(k for k, v in after.items() if k not in _DERIVED and before.get(k) != v))


def _pairs(kind: str, before: Iterable[tuple[str | None, dict[str, Any]]],
           after: Iterable[tuple[str | None, dict[str, Any]]]) -> list[RecordChange]:
    old = {rid: values for rid, values in before if rid}
    out: list[RecordChange] = []
    seen: set[str] = set()
    for rid, values in after:
        if rid is None or rid not in old:
            out.append(RecordChange("create", kind, rid))
        elif fields := changed_fields(old[rid], values):
            out.append(RecordChange("change", kind, rid, fields))
        if rid:
            seen.add(rid)
    out += [RecordChange("delete", kind, rid) for rid in old if rid not in seen]
    return out


def _needs(needs: list[Need]) -> list[tuple[str | None, dict[str, Any]]]:
    return [(n.id, convert.need_values(n, i)) for i, n in enumerate(needs)]


def visit_changes(before: Visit | None, after: Visit) -> list[RecordChange]:
    """The visit's own entry (create or change) and its needs' entries."""
    out: list[RecordChange] = []
    if before is None:
        out.append(RecordChange("create", "visit", after.id))
    elif fields := changed_fields(convert.visit_values(before), convert.visit_values(after)):
        out.append(RecordChange("change", "visit", after.id, fields))
    return out + _pairs("need", _needs(before.needs) if before else [], _needs(after.needs))


def household_changes(before: Household | None, after: Household, *,
                      with_visits: bool = True) -> list[RecordChange]:
    """Every record a household save created, changed or removed (``before``: as stored, None when new).

    ``with_visits=False``: the visits were left alone by the save and are not compared."""
    out: list[RecordChange] = []
    if before is None:
        out.append(RecordChange("create", "household", after.id))
    elif fields := changed_fields(convert.household_values(before), convert.household_values(after)):
        out.append(RecordChange("change", "household", after.id, fields))
    out += _pairs("member", [(m.id, convert.member_values(m, i)) for i, m in enumerate(before.members)]
                  if before else [], [(m.id, convert.member_values(m, i)) for i, m in enumerate(after.members)])
    if not with_visits:
        return out
    old_visits = {v.id: v for v in before.visits if v.id} if before else {}
    for visit in after.visits:
        out += visit_changes(old_visits.pop(visit.id, None) if visit.id else None, visit)
    for vid, gone in old_visits.items():
        out.append(RecordChange("delete", "visit", vid))
        out += [RecordChange("delete", "need", n.id) for n in gone.needs if n.id]
    return out
