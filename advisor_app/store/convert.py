"""Domain objects ↔ column values. One place, so the ORM path and the bulk path agree."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor_app.domain import pinyin
from advisor_app.domain.household import (
    Assets,
    Disability,
    Emergency,
    Expenses,
    Household,
    Income,
    Member,
    Need,
    Supporter,
    Visit,
)


def fen(yuan: float) -> int:
    return round(yuan * 100)


def yuan(fen_: int) -> float:
    return fen_ / 100


def household_values(h: Household) -> dict[str, Any]:
    return {
        "region": h.region,
        "area": h.area,
        "address": h.address,
        "registered_address": h.registered_address,
        "town": h.town,
        "village": h.village,
        "phone": h.phone,
        "notes": h.notes,
        "financial_assets_fen": fen(h.assets.financial),
        "vehicles": h.assets.vehicles,
        "extra_houses": h.assets.extra_houses,
        "medical_selfpaid_12m_fen": fen(h.expenses.medical_selfpaid_12m),
        "education_12m_fen": fen(h.expenses.education_12m),
        "emergency_kind": h.emergency.kind if h.emergency else None,
        "emergency_date": h.emergency.date if h.emergency else None,
        "supporters": [supporter_dict(s) for s in h.supporters],
        "head_name": h.head_name,
        "head_initials": pinyin.initials(h.head_name),
        "member_count": len(h.members),
    }


def supporter_dict(s: Supporter) -> dict[str, Any]:
    return {"name": s.name, "able": s.able, "reason": s.reason, "relation": s.relation,
            "id_number": s.id_number, "phone": s.phone}


def member_values(m: Member, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "name": m.name,
        "id_number": m.id_number,
        "relation": m.relation,
        "disability_kind": m.disability.kind if m.disability else None,
        "disability_grade": m.disability.grade if m.disability else None,
        "serious_illness": m.serious_illness,
        "self_care_lost": m.self_care_lost,
        "self_care_items": list(m.self_care_items),
        "student": m.student,
        "whereabouts": m.whereabouts,
        "months_away": m.months_away,
        "incomes": [[i.kind, i.monthly] for i in m.incomes],
        "ethnicity": m.ethnicity,
        "occupation": m.occupation,
        "phone": m.phone,
    }


def visit_values(v: Visit) -> dict[str, Any]:
    return {
        "type": v.type,
        "date": v.date,
        "investigators": list(v.investigators),
        "notes": v.notes,
        "next_visit": v.next_visit,
        "follow_up": v.follow_up,
    }


def need_values(n: Need, position: int) -> dict[str, Any]:
    return {"position": position, "category": n.category, "description": n.description, "status": n.status}


def member_from(values: Any) -> Member:
    """A :class:`Member` from a row object or mapping with the member columns."""
    get = values.__getitem__ if isinstance(values, dict) else values.__getattribute__
    kind = get("disability_kind")
    return Member(
        name=get("name"),
        id_number=get("id_number"),
        relation=get("relation"),
        disability=Disability(kind, get("disability_grade")) if kind else None,
        serious_illness=bool(get("serious_illness")),
        self_care_lost=get("self_care_lost"),
        student=bool(get("student")),
        whereabouts=get("whereabouts"),
        months_away=get("months_away"),
        incomes=[Income(k, float(v)) for k, v in get("incomes")],
        self_care_items=list(get("self_care_items")),
        ethnicity=get("ethnicity"),
        occupation=get("occupation"),
        phone=get("phone"),
        id=get("id"),
    )


def household_from(row: Any, members: list[Member], visits: list[Visit]) -> Household:
    emergency = None
    if row.emergency_kind:
        date = row.emergency_date
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        emergency = Emergency(row.emergency_kind, date)
    return Household(
        region=row.region,
        area=row.area,
        address=row.address,
        village=row.village,
        members=members,
        assets=Assets(yuan(row.financial_assets_fen), row.vehicles, row.extra_houses),
        supporters=[Supporter(**s) for s in row.supporters],
        expenses=Expenses(yuan(row.medical_selfpaid_12m_fen), yuan(row.education_12m_fen)),
        emergency=emergency,
        visits=visits,
        town=row.town,
        phone=row.phone,
        notes=row.notes,
        id=row.id,
        version=row.version,
        registered_address=row.registered_address,
    )
