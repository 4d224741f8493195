"""A household's synchronised records straight from its rows, for sealing many households at once.

The records are those of the household document: what
``split_household(household_to_dict(load_household(...)))`` gives (:mod:`.sync_records`), the
household's own record with its ``archive`` state added — but built from the rows in one step,
without the domain objects and the document in between (those three conversions were most of the
time of sealing 10,000 households). Each value is converted as :mod:`advisor_app.store.convert`
and :mod:`advisor_app.domain.interchange` convert it (money from fen to yuan, days as ISO text,
optional keys left out when empty), and a test compares both ways, field by field, on every kind
of household (live, archived, deleted, with and without the optional parts).

Only JSON's own types come out (lists, ISO dates), as the document gives them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor_app.store.convert import yuan
from advisor_app.store.sync_records import archive_of
from advisor_app.store.sync_rows import HouseholdRows
from advisor_app.sync.kinds import Record
from advisor_app.sync.versions import DELETED

ARCHIVE = "archive"
"""The household record's value holding its archive state (not a key of the household document)."""

_SUPPORTER_TEXTS = ("relation", "id_number", "phone", "kinship", "of_member", "status", "situation")
_MEMBER_TEXTS = ("ethnicity", "occupation", "phone")
_MEMBER_FLAGS = ("no_legal_capacity", "guardianship_revoked", "deported")


def _day(value: Any) -> str:
    """A Date column's value as ISO text (``datetime.date``, or ISO text read back)."""
    return (value if isinstance(value, dt.date) else dt.date.fromisoformat(value)).isoformat()


def _supporter(s: dict[str, Any]) -> dict[str, Any]:
    """A stored supporter as the document writes it (``supporter_from`` then ``_supporter_dict``)."""
    d: dict[str, Any] = {"name": s["name"], "able": s["able"], "reason": s.get("reason", "")}
    d |= {k: s[k] for k in _SUPPORTER_TEXTS if s.get(k)}
    disability = s.get("disability")
    if disability:
        d["disability"] = {"kind": disability[0], "grade": disability[1]}
    income = s.get("monthly_income_fen")
    if income is not None:
        d["monthly_income"] = yuan(income)
    if s.get("assets_ok") is not None:
        d["assets_ok"] = s["assets_ok"]
    return d


def household_values(row: Any, deleted: bool) -> dict[str, Any]:
    """The household's own record's values (without ``archive``)."""
    d: dict[str, Any] = {"region": row.region, "area": row.area, "address": row.address}
    if row.registered_address:
        d["registered_address"] = row.registered_address
    d["village"] = row.village
    if row.town:
        d["town"] = row.town
    if row.phone:
        d["phone"] = row.phone
    assets: dict[str, Any] = {"financial": yuan(row.financial_assets_fen), "vehicles": row.vehicles,
                              "extra_houses": row.extra_houses}
    if row.disability_vehicles:
        assets["disability_vehicles"] = row.disability_vehicles
    if row.production_vehicles:
        assets["production_vehicles"] = row.production_vehicles
    d["assets"] = assets
    d["supporters"] = [_supporter(s) for s in row.supporters]
    d["expenses"] = {"medical_selfpaid_12m": yuan(row.medical_selfpaid_12m_fen),
                     "education_12m": yuan(row.education_12m_fen)}
    d["emergency"] = {"kind": row.emergency_kind, "date": _day(row.emergency_date)} if row.emergency_kind else None
    if row.receiving:
        d["receiving"] = [{"program": x["program"], "since": _day(x["since"]),
                           "monthly_amount": yuan(x["monthly_amount_fen"])}
                          | ({"member": x["member"]} if x.get("member") else {}) for x in row.receiving]
    if row.notes:
        d["notes"] = row.notes
    d[DELETED] = deleted
    return d


def member_values(row: Any, household_id: str, position: int) -> dict[str, Any]:
    kind = row.disability_kind
    d: dict[str, Any] = {
        "name": row.name, "id_number": row.id_number, "relation": row.relation,
        "disability": {"kind": kind, "grade": row.disability_grade} if kind else None,
        "serious_illness": bool(row.serious_illness), "self_care_lost": row.self_care_lost,
        "student": bool(row.student), "whereabouts": row.whereabouts, "months_away": row.months_away,
        "incomes": [{"kind": k, "monthly": float(v)} for k, v in row.incomes],
    }
    if row.self_care_items:
        d["self_care_items"] = list(row.self_care_items)
    for key in _MEMBER_TEXTS:
        if getattr(row, key):
            d[key] = getattr(row, key)
    if row.state != "living":
        d["state"] = row.state
        d["state_date"] = _day(row.state_date) if row.state_date else None
    if row.order_months:
        d["order_months"] = row.order_months
    for key in _MEMBER_FLAGS:
        if getattr(row, key):
            d[key] = True
    d |= {"household": household_id, "position": position, DELETED: False}
    return d


def visit_values(row: Any, household_id: str) -> dict[str, Any]:
    d: dict[str, Any] = {"type": row.type, "date": _day(row.date), "investigators": list(row.investigators),
                         "notes": row.notes, "next_visit": _day(row.next_visit) if row.next_visit else None}
    if row.follow_up:
        d["follow_up"] = row.follow_up
    d |= {"household": household_id, DELETED: False}
    return d


def records_of_rows(household_id: str, rows: HouseholdRows) -> list[Record]:
    """The household's records as stored now, in the document's order (nothing when it has no row;
    only its own record when it is deleted)."""
    head = rows.head
    if head is None:
        return []
    deleted = head.deleted_at is not None
    own = household_values(head, deleted)
    own[ARCHIVE] = archive_of(head)
    out = [Record("household", household_id, own)]
    if deleted:
        return out
    for position, m in enumerate(rows.members):
        out.append(Record("member", m.id, member_values(m, household_id, position)))
    for v, needs in rows.visits:
        vid = v.id
        out.append(Record("visit", vid, visit_values(v, household_id)))
        for position, n in enumerate(needs):
            out.append(Record("need", n.id, {"category": n.category, "description": n.description,
                                             "status": n.status, "household": household_id, "visit": vid,
                                             "position": position, DELETED: False}))
    return out
