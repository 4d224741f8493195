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
    Receipt,
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
        "disability_vehicles": h.assets.disability_vehicles,
        "production_vehicles": h.assets.production_vehicles,
        "medical_selfpaid_12m_fen": fen(h.expenses.medical_selfpaid_12m),
        "education_12m_fen": fen(h.expenses.education_12m),
        "emergency_kind": h.emergency.kind if h.emergency else None,
        "emergency_date": h.emergency.date if h.emergency else None,
        "supporters": [supporter_dict(s) for s in h.supporters],
        "receiving": [receipt_dict(x) for x in h.receiving],
        "head_name": h.head_name,
        "head_initials": pinyin.initials(h.head_name),
        "member_count": len(h.members),
    }


def supporter_dict(s: Supporter) -> dict[str, Any]:
    """A supporter as stored in the household's ``supporters`` JSON: money in fen, ``None`` for
    what is not recorded (``able``, income, assets). Rows saved before advisor-household/2 lack
    the later keys; :func:`supporter_from` gives them their defaults."""
    return {"name": s.name, "able": s.able, "reason": s.reason, "relation": s.relation,
            "id_number": s.id_number, "phone": s.phone, "kinship": s.kinship, "of_member": s.of_member,
            "status": s.status, "situation": s.situation,
            "disability": [s.disability.kind, s.disability.grade] if s.disability else None,
            "monthly_income_fen": None if s.monthly_income is None else fen(s.monthly_income),
            "assets_ok": s.assets_ok}


def supporter_from(d: dict[str, Any]) -> Supporter:
    disability = d.get("disability")
    income = d.get("monthly_income_fen")
    return Supporter(d["name"], d["able"], d.get("reason", ""), d.get("relation", ""), d.get("id_number", ""),
                     d.get("phone", ""), kinship=d.get("kinship", ""), of_member=d.get("of_member", ""),
                     status=d.get("status", ""), situation=d.get("situation", ""),
                     disability=Disability(disability[0], disability[1]) if disability else None,
                     monthly_income=None if income is None else yuan(income), assets_ok=d.get("assets_ok"))


def receipt_dict(x: Receipt) -> dict[str, Any]:
    return {"program": x.program, "since": x.since.isoformat(), "monthly_amount_fen": fen(x.monthly_amount),
            "member": x.member}


def receipt_from(d: dict[str, Any]) -> Receipt:
    return Receipt(d["program"], dt.date.fromisoformat(d["since"]), yuan(d["monthly_amount_fen"]), d.get("member", ""))


def day_or_none(raw: Any) -> dt.date | None:
    """A Date column's value: ``datetime.date`` from the ORM and PostgreSQL, ISO text from sqlite3."""
    return dt.date.fromisoformat(raw) if isinstance(raw, str) else raw


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
        "state": m.state,
        "state_date": m.state_date,
        "order_months": m.order_months,
        "no_legal_capacity": m.no_legal_capacity,
        "guardianship_revoked": m.guardianship_revoked,
        "deported": m.deported,
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
        state=get("state"),
        state_date=day_or_none(get("state_date")),
        order_months=get("order_months"),
        no_legal_capacity=bool(get("no_legal_capacity")),
        guardianship_revoked=bool(get("guardianship_revoked")),
        deported=bool(get("deported")),
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
        assets=Assets(yuan(row.financial_assets_fen), row.vehicles, row.extra_houses, row.disability_vehicles,
                      row.production_vehicles),
        supporters=[supporter_from(s) for s in row.supporters],
        expenses=Expenses(yuan(row.medical_selfpaid_12m_fen), yuan(row.education_12m_fen)),
        emergency=emergency,
        visits=visits,
        town=row.town,
        phone=row.phone,
        notes=row.notes,
        id=row.id,
        version=row.version,
        registered_address=row.registered_address,
        receiving=[receipt_from(x) for x in row.receiving],
    )
