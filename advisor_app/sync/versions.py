"""Version histories of synchronised records, and what an incoming copy of a record does to ours.

A record's history is the set of its versions, each with a world-unique id (``<device>:<n>``), the
versions it was based on and the names of the fields it changed (:class:`Version`). Two copies of
a record are compared as sets of version ids (docs/sync.md, "Versions, merges and conflicts"):

* the incoming copy has nothing we lack → :data:`HAVE` (a replay, or an older copy): nothing to do;
* it has everything we have and more → :data:`TAKE` (fast-forward): its values replace ours;
* each has versions the other lacks → parallel edits: fields changed on one side only are taken
  from that side (:data:`MERGED`, a new version based on both); a field changed on both sides to
  different values is a conflict (:data:`CONFLICT`): ours stays as it is until a person chooses,
  and the other copy is kept beside it.

Pure functions of plain values: no database, no clock (the caller gives version ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

DELETED = "deleted"
"""The field every record's values carry: True for a tombstone. Deleting is a change of this field,
so a deletion on one side and an edit on the other meet as changes to different fields — which is
still a conflict (:func:`compare`)."""

HAVE, TAKE, MERGED, CONFLICT = "have", "take", "merged", "conflict"


@dataclass(frozen=True, slots=True)
class Version:
    id: str
    parents: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()  # the fields it changed (all of them for the version that made it)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "parents": list(self.parents), "fields": list(self.fields)}

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Version:
        return Version(str(d["id"]), tuple(str(p) for p in d.get("parents", ())),
                       tuple(str(f) for f in d.get("fields", ())))


History = tuple[Version, ...]


def heads(history: Iterable[Version]) -> tuple[str, ...]:
    """The versions nothing in ``history`` is based on (one, unless a merge is pending), sorted."""
    versions = history if isinstance(history, tuple) else list(history)
    if len(versions) == 1:  # most records: one version
        only = versions[0]
        return () if only.id in only.parents else (only.id,)
    based_on = {p for v in versions for p in v.parents}
    return tuple(sorted(v.id for v in versions if v.id not in based_on))


def union(a: Iterable[Version], b: Iterable[Version]) -> History:
    """Both histories, each version once (in order of first appearance)."""
    seen: dict[str, Version] = {}
    for v in (*a, *b):
        seen.setdefault(v.id, v)
    return tuple(seen.values())


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields whose values differ (every field of ``after`` when there was no ``before``)."""
    if before is None:
        return tuple(sorted(after))
    keys = set(before) | set(after)
    return tuple(sorted(k for k in keys if before.get(k) != after.get(k)))


def seal(history: History, sealed: Mapping[str, Any] | None, now: Mapping[str, Any],
         version_id: str) -> Version | None:
    """The version that records the local changes made since the last sealed values (None: none).

    Saves between two exports become one version: histories stay short."""
    fields = changed_fields(sealed, now)
    if not fields and history:
        return None
    return Version(version_id, heads(history), fields)


@dataclass(frozen=True, slots=True)
class Conflict:
    field: str
    mine: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an incoming copy does to ours.

    ``values``/``history``: the record as it is to be stored (unchanged for HAVE and CONFLICT).
    For MERGED, ``history`` ends with a merge version whose id the caller gave. For CONFLICT,
    ``conflicts`` names the fields; the incoming copy is to be kept beside the record until they
    are resolved (:func:`resolve`)."""

    action: str
    values: Mapping[str, Any]
    history: History
    conflicts: tuple[Conflict, ...] = ()
    taken: tuple[str, ...] = field(default=())  # fields whose incoming values were taken


def _fields_of(history: Iterable[Version], ids: set[str]) -> set[str]:
    return {f for v in history if v.id in ids for f in v.fields}


def compare(mine_values: Mapping[str, Any], mine: History, theirs_values: Mapping[str, Any],
            theirs: History, merge_id: str, *, choices: Mapping[str, str] | None = None) -> Outcome:
    """Compare our copy of a record with an incoming one (see the module doc). Local changes not yet
    sealed into a version must be sealed first (:func:`seal`), or TAKE would overwrite them.

    ``merge_id`` is the id a merge version gets if one is made. ``choices`` (field → ``mine`` |
    ``theirs``) decides conflicting fields a person has already resolved."""
    mine_ids = {v.id for v in mine}
    theirs_ids = {v.id for v in theirs}
    if theirs_ids <= mine_ids:
        return Outcome(HAVE, mine_values, mine)
    if mine_ids <= theirs_ids:
        return Outcome(TAKE, dict(theirs_values), union(theirs, mine),
                       taken=changed_fields(mine_values, theirs_values))
    ours_changed = _fields_of(mine, mine_ids - theirs_ids)
    theirs_changed = _fields_of(theirs, theirs_ids - mine_ids)
    choices = choices or {}
    values = dict(mine_values)
    conflicts: list[Conflict] = []
    taken: list[str] = []
    deleted_on_one_side = ((DELETED in ours_changed) != (DELETED in theirs_changed)
                           and bool(mine_values.get(DELETED)) != bool(theirs_values.get(DELETED)))
    both = ours_changed & theirs_changed
    if deleted_on_one_side:
        both = {DELETED}  # a deletion against an edit: one question, not one per edited field
        ours_changed |= {DELETED}
        theirs_changed |= {DELETED}
    for name in sorted(theirs_changed):
        mine_value, theirs_value = mine_values.get(name), theirs_values.get(name)
        if name in both and mine_value != theirs_value:
            choice = choices.get(name)
            if choice is None:
                conflicts.append(Conflict(name, mine_value, theirs_value))
            elif choice == "theirs":
                values[name] = theirs_value
                taken.append(name)
        elif name not in ours_changed and mine_value != theirs_value:
            values[name] = theirs_value
            taken.append(name)
    if conflicts:
        return Outcome(CONFLICT, mine_values, mine, tuple(conflicts))
    # A merge brings no value of its own: each value it holds was made by a version it is based on,
    # so it names no fields (a later comparison counts the changes of the versions behind it).
    merge = Version(merge_id, tuple(sorted(set(heads(mine)) | set(heads(theirs)))))
    return Outcome(MERGED, values, (*union(mine, theirs), merge), taken=tuple(taken))


def resolve(mine_values: Mapping[str, Any], mine: History, theirs_values: Mapping[str, Any],
            theirs: History, choices: Mapping[str, str], merge_id: str) -> Outcome:
    """The record once a person has chosen ``mine`` or ``theirs`` for each conflicting field: a merge
    based on both copies (MERGED), or CONFLICT naming the fields still to choose."""
    return compare(mine_values, mine, theirs_values, theirs, merge_id, choices=choices)


def settles(pending: History, history: History) -> bool:
    """Whether a copy kept beside a record (an open conflict) is settled by ``history``: every
    version of the kept copy is now part of the record (the other side resolved it first)."""
    return {v.id for v in pending} <= {v.id for v in history}
