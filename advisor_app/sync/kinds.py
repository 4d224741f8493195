"""The synchronised kinds of record, registered once, in the household document's own words.

A household file (``advisor-household/2``, :mod:`advisor_app.domain.interchange`) is one document;
sync needs its parts as records of their own, each with an id, a version history and values that
merge field by field (docs/sync.md, "What a bundle carries"). :func:`split_household` cuts a
document into those records and :func:`join_household` puts records back together as a document,
which the importer then reads with the same reader and checks as a household file — one format,
one set of checks.

Every record's values carry :data:`~advisor_app.sync.versions.DELETED` (a tombstone is a record
whose ``deleted`` is true: it stays, so the deletion travels). A record's household is named by
``household`` (members, visits, needs) and a need's visit by ``visit``; members and needs keep
their order in ``position``.

A kind that is not a part of the household document (``in_document`` false: a need's status
history, a county's policy table) is kept by the keeper the services register for it
(``services/sync_keepers.py``: which of its records changed, how one is checked and written).
A kind that belongs to no household (``of_household`` false: ``policy_table``) has
:data:`NO_HOUSEHOLD` as its records' household and travels to every peer its ``senders`` may send
to. ``senders``: the roles whose bundles may carry the kind; a bundle from another role holding
one is refused whole.

A new kind (applications, decisions, tasks, referrals …) adds a :class:`Kind` to :data:`KINDS`;
nothing in the import code names a kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from advisor_app.domain.interchange import FORMAT

from .versions import DELETED

FIELDS, APPEND, SENDER = "fields", "append", "sender"
ADVISOR, OFFICE = "advisor", "office"
BOTH = frozenset({ADVISOR, OFFICE})
NO_HOUSEHOLD = ""
"""The household of a record that belongs to none (a policy table)."""


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    merge: str  # FIELDS: field by field; APPEND: written once, never edited; SENDER: the sender's copy wins
    label: str  # in the advisor's words, for reports and the conflicts view
    of_household: bool = True  # travels with its household (assignment decides who gets it)
    senders: frozenset[str] = BOTH  # the roles that send it
    in_document: bool = True  # a part of the household document (else: kept by its keeper)

    def sent_by(self, role: str) -> bool:
        return role in self.senders


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("household", FIELDS, "家庭"),
    Kind("member", FIELDS, "家庭成员"),
    Kind("visit", FIELDS, "走访记录"),
    Kind("need", FIELDS, "需求"),
    # One change of a need's status (day, who, note): written once where it happened, never edited
    # (tombstoned with its household), so two sides' histories only ever add up.
    Kind("need_status_change", APPEND, "需求状态变更", in_document=False),
    # A county's table, by region code: values {"rows": [the table file's cells], "deleted"}; sent by
    # the office to every advisor, never back; the office's copy replaces the laptop's.
    Kind("policy_table", SENDER, "政策标准表", of_household=False, senders=frozenset({OFFICE}), in_document=False),
)}

ORDER = tuple(KINDS)
"""Kinds in the order a bundle lists and applies them: a household before its members and visits,
a visit before its needs."""

_HOUSEHOLD_ONLY = frozenset({"format", "id", "version", "members", "visits"})


@dataclass(frozen=True, slots=True)
class Record:
    kind: str
    id: str
    values: Mapping[str, Any]

    @property
    def household(self) -> str:
        return self.id if self.kind == "household" else str(self.values["household"])


def split_household(doc: Mapping[str, Any], *, deleted: bool = False) -> list[Record]:
    """The records of a stored household's document (every part has its id: it was stored)."""
    hid = str(doc["id"])
    out = [Record("household", hid, {**{k: v for k, v in doc.items() if k not in _HOUSEHOLD_ONLY},
                                     DELETED: deleted})]
    for position, member in enumerate(doc.get("members", ())):
        out.append(Record("member", str(member["id"]), {
            **{k: v for k, v in member.items() if k != "id"}, "household": hid, "position": position,
            DELETED: False}))
    for visit in doc.get("visits", ()):
        vid = str(visit["id"])
        out.append(Record("visit", vid, {**{k: v for k, v in visit.items() if k not in ("id", "version", "needs")},
                                         "household": hid, DELETED: False}))
        for position, need in enumerate(visit.get("needs", ())):
            out.append(Record("need", str(need["id"]), {
                **{k: v for k, v in need.items() if k != "id"}, "household": hid, "visit": vid,
                "position": position, DELETED: False}))
    return out


def join_household(records: Iterable[Record], *, version: int | None = None) -> dict[str, Any] | None:
    """The household document the live records make (None when the household itself is deleted or
    absent). Deleted members, visits and needs are left out; members and needs in ``position``
    order. ``version``: the stored household's version, for the save that follows."""
    by_kind: dict[str, list[Record]] = {}
    for r in records:
        by_kind.setdefault(r.kind, []).append(r)
    heads = [r for r in by_kind.get("household", []) if not r.values.get(DELETED)]
    if not heads:
        return None
    head = heads[0]
    doc: dict[str, Any] = {"format": FORMAT, "id": head.id}
    if version is not None:
        doc["version"] = version
    doc |= {k: v for k, v in head.values.items() if k != DELETED}
    live = [r for r in by_kind.get("member", []) if not r.values.get(DELETED)]
    doc["members"] = [{"id": r.id, **_own(r.values, ("household", "position"))}
                      for r in sorted(live, key=lambda r: (r.values.get("position", 0), r.id))]
    needs: dict[str, list[Record]] = {}
    for r in by_kind.get("need", []):
        if not r.values.get(DELETED):
            needs.setdefault(str(r.values["visit"]), []).append(r)
    visits = []
    for r in by_kind.get("visit", []):
        if r.values.get(DELETED):
            continue
        own = needs.get(r.id, [])
        visits.append({"id": r.id, **_own(r.values, ("household",)),
                       "needs": [{"id": n.id, **_own(n.values, ("household", "visit", "position"))}
                                 for n in sorted(own, key=lambda n: (n.values.get("position", 0), n.id))]})
    if visits:
        doc["visits"] = sorted(visits, key=lambda v: (str(v.get("date", "")), v["id"]))
    return doc


def _own(values: Mapping[str, Any], links: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in links and k != DELETED}
