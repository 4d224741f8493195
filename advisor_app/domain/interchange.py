"""The ``advisor-household/1`` interchange format (JSON, UTF-8).

Used by the CLI, by tests and later inside sync bundles. Reading is strict. This module checks the
shape (an unknown key, text where a number belongs, a date that is not YYYY-MM-DD: an
:class:`InvalidDocument` naming where); whether the household is right (an unknown code, a negative
amount, a bad ID number, a missing name, two heads …) is decided by :mod:`.validation`, the same
rules the editors and the services use, and every problem found is raised in one
:class:`InvalidRecord` whose message names the member and the field. Writing then reading gives back
an equal household, and whatever the app can store, this reader accepts.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from typing import Any

from . import validation
from .errors import InvalidDocument, InvalidRecord
from .household import (
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

FORMAT = "advisor-household/1"

_TOP_KEYS = {
    "format", "id", "version", "region", "area", "address", "registered_address", "village", "town", "phone",
    "notes", "members", "assets", "supporters", "expenses", "emergency", "visits",
}
_MEMBER_KEYS = {
    "id", "name", "id_number", "relation", "disability", "serious_illness", "self_care_lost",
    "self_care_items", "student", "whereabouts", "months_away", "incomes", "ethnicity", "occupation",
    "phone",
}


class _Reader:
    """Pulls typed fields out of one JSON object, naming ``where`` in every complaint.

    It checks only the shape (an object, known keys, text / number / true-false / date where each
    belongs); whether the values are right is :mod:`.validation`'s to say.
    """

    def __init__(self, obj: Any, where: str, allowed: set[str] | None = None) -> None:
        if not isinstance(obj, dict):
            raise InvalidDocument("应为一个对象（{…}）", where=where)
        self.obj: dict[str, Any] = obj
        self.where = where
        if allowed is not None:
            unknown = sorted(set(obj) - allowed)
            if unknown:
                raise InvalidDocument(f"不认识的字段：{', '.join(unknown)}", where=where)

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, message: str) -> InvalidDocument:
        return InvalidDocument(message, where=self._at(key))

    def text(self, key: str, default: str = "") -> str:
        value = self.obj.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.fail(key, "应为文字")
        return value.strip()

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.obj.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "应为 true 或 false")
        return value

    def integer(self, key: str, default: int = 0) -> int:
        value = self.obj.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "应为整数")
        return value

    def version(self) -> int:
        value = self.integer("version")
        if not 0 <= value <= 2**31:
            raise self.fail("version", f"应在 0 到 {2**31} 之间，现为 {value}")
        return value

    def money(self, key: str, default: float = 0.0) -> float:
        value = self.obj.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(key, "金额应为数字")
        return round(float(value), 2)

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self.fail(key, "必须填写日期")
            return None
        if not isinstance(value, str):
            raise self.fail(key, "日期应写成 YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"日期“{value}”无效，应写成 YYYY-MM-DD") from None

    def required_date(self, key: str) -> dt.date:
        value = self.date(key, required=True)
        assert value is not None
        return value

    def uuid(self, key: str) -> str | None:
        value = self.obj.get(key)
        if value is None:
            return None
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            raise self.fail(key, f"编号“{value}”不是有效的 UUID") from None

    def array(self, key: str) -> list[Any]:
        value = self.obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "应为列表（[…]）")
        return value

    def texts(self, key: str) -> list[str]:
        values = self.array(key)
        if not all(isinstance(x, str) for x in values):
            raise self.fail(key, "应为文字的列表")
        return [x.strip() for x in values]


def _member(obj: Any, index: int) -> Member:
    label = f"成员{index + 1}"
    if isinstance(obj, dict) and isinstance(obj.get("name"), str) and obj["name"].strip():
        label += f"（{obj['name'].strip()}）"
    r = _Reader(obj, f"members[{index}] {label}", _MEMBER_KEYS)
    disability = None
    if r.obj.get("disability") is not None:
        d = _Reader(r.obj["disability"], r._at("disability"), {"kind", "grade"})
        disability = Disability(d.text("kind"), d.integer("grade"))
    incomes = []
    for j, item in enumerate(r.array("incomes")):
        ir = _Reader(item, r._at(f"incomes[{j}]"), {"kind", "monthly"})
        incomes.append(Income(ir.text("kind"), ir.money("monthly")))
    return Member(
        name=r.text("name"),
        id_number=r.text("id_number").upper(),
        relation=r.text("relation"),
        disability=disability,
        serious_illness=r.boolean("serious_illness"),
        self_care_lost=r.integer("self_care_lost"),
        student=r.boolean("student"),
        whereabouts=r.text("whereabouts", default="home"),
        months_away=r.integer("months_away"),
        incomes=incomes,
        self_care_items=r.texts("self_care_items"),
        ethnicity=r.text("ethnicity"),
        occupation=r.text("occupation"),
        phone=r.text("phone"),
        id=r.uuid("id"),
    )


def _visit(obj: Any, index: int) -> Visit:
    r = _Reader(obj, f"visits[{index}]", {
        "id", "version", "type", "date", "investigators", "notes", "needs", "next_visit", "follow_up"})
    needs = []
    for j, item in enumerate(r.array("needs")):
        nr = _Reader(item, r._at(f"needs[{j}]"), {"id", "category", "description", "status"})
        needs.append(Need(category=nr.text("category"), description=nr.text("description"),
                          status=nr.text("status", default="open"), id=nr.uuid("id")))
    return Visit(
        type=r.text("type"),
        date=r.required_date("date"),
        investigators=r.texts("investigators"),
        notes=r.text("notes"),
        needs=needs,
        next_visit=r.date("next_visit"),
        follow_up=r.text("follow_up"),
        id=r.uuid("id"),
        version=r.version(),
    )


def _supporter(obj: Any, index: int) -> Supporter:
    s = _Reader(obj, f"supporters[{index}]", {"name", "able", "reason", "relation", "id_number", "phone"})
    if "able" not in s.obj:
        raise s.fail("able", "必须说明是否有赡养/抚养/扶养能力（true 或 false）")
    return Supporter(s.text("name"), s.boolean("able"), s.text("reason"), s.text("relation"),
                     s.text("id_number").upper(), s.text("phone"))


def household_from_dict(doc: Any) -> Household:
    """A validated :class:`Household` from a parsed ``advisor-household/1`` document.

    The shape is checked here (first mistake only); then :func:`.validation.household_problems`
    lists every problem of the household, raised together as one :class:`InvalidRecord`.
    """
    r = _Reader(doc, "", _TOP_KEYS)
    if doc.get("format") != FORMAT:
        raise r.fail("format", f"应为“{FORMAT}”，现为“{doc.get('format')}”")
    a = _Reader(doc.get("assets") or {}, "assets", {"financial", "vehicles", "extra_houses"})
    e = _Reader(doc.get("expenses") or {}, "expenses", {"medical_selfpaid_12m", "education_12m"})
    emergency = None
    if doc.get("emergency") is not None:
        em = _Reader(doc["emergency"], "emergency", {"kind", "date"})
        emergency = Emergency(em.text("kind"), em.required_date("date"))
    household = Household(
        region=r.text("region"),
        area=r.text("area"),
        address=r.text("address"),
        village=r.text("village"),
        members=[_member(m, i) for i, m in enumerate(r.array("members"))],
        assets=Assets(a.money("financial"), a.integer("vehicles"), a.integer("extra_houses")),
        supporters=[_supporter(s, i) for i, s in enumerate(r.array("supporters"))],
        expenses=Expenses(e.money("medical_selfpaid_12m"), e.money("education_12m")),
        emergency=emergency,
        visits=[_visit(v, i) for i, v in enumerate(r.array("visits"))],
        town=r.text("town"),
        phone=r.text("phone"),
        notes=r.text("notes"),
        id=r.uuid("id"),
        version=r.version(),
        registered_address=r.text("registered_address"),
    )
    problems = validation.household_problems(household)
    if problems:
        raise InvalidRecord(problems, with_keys=True)
    return household


def household_from_json(text: str | bytes) -> Household:
    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"第{exc.lineno}行第{exc.colno}列" if isinstance(exc, json.JSONDecodeError) else None
        raise InvalidDocument(f"不是有效的 JSON 文件（{exc.msg if hasattr(exc, 'msg') else exc}）",
                              where=where) from None
    return household_from_dict(doc)


def _member_dict(m: Member) -> dict[str, Any]:
    d: dict[str, Any] = {}
    if m.id:
        d["id"] = m.id
    d |= {
        "name": m.name,
        "id_number": m.id_number,
        "relation": m.relation,
        "disability": {"kind": m.disability.kind, "grade": m.disability.grade} if m.disability else None,
        "serious_illness": m.serious_illness,
        "self_care_lost": m.self_care_lost,
        "student": m.student,
        "whereabouts": m.whereabouts,
        "months_away": m.months_away,
        "incomes": [{"kind": i.kind, "monthly": i.monthly} for i in m.incomes],
    }
    if m.self_care_items:
        d["self_care_items"] = list(m.self_care_items)
    for key in ("ethnicity", "occupation", "phone"):
        if getattr(m, key):
            d[key] = getattr(m, key)
    return d


def _visit_dict(v: Visit) -> dict[str, Any]:
    d: dict[str, Any] = {}
    if v.id:
        d["id"] = v.id
        d["version"] = v.version
    d |= {
        "type": v.type,
        "date": v.date.isoformat(),
        "investigators": list(v.investigators),
        "notes": v.notes,
        "needs": [{**({"id": n.id} if n.id else {}), "category": n.category, "description": n.description,
                   "status": n.status} for n in v.needs],
        "next_visit": v.next_visit.isoformat() if v.next_visit else None,
    }
    if v.follow_up:
        d["follow_up"] = v.follow_up
    return d


def household_to_dict(h: Household) -> dict[str, Any]:
    d: dict[str, Any] = {"format": FORMAT}
    if h.id:
        d["id"] = h.id
        d["version"] = h.version
    d |= {"region": h.region, "area": h.area, "address": h.address}
    if h.registered_address:  # optional: absent from older files, and left out when empty
        d["registered_address"] = h.registered_address
    d["village"] = h.village
    if h.town:
        d["town"] = h.town
    if h.phone:
        d["phone"] = h.phone
    d["members"] = [_member_dict(m) for m in h.members]
    d["assets"] = {"financial": h.assets.financial, "vehicles": h.assets.vehicles,
                   "extra_houses": h.assets.extra_houses}
    d["supporters"] = [
        {"name": s.name, "able": s.able, "reason": s.reason}
        | {k: getattr(s, k) for k in ("relation", "id_number", "phone") if getattr(s, k)}
        for s in h.supporters
    ]
    d["expenses"] = {"medical_selfpaid_12m": h.expenses.medical_selfpaid_12m,
                     "education_12m": h.expenses.education_12m}
    d["emergency"] = ({"kind": h.emergency.kind, "date": h.emergency.date.isoformat()}
                      if h.emergency else None)
    if h.visits:
        d["visits"] = [_visit_dict(v) for v in h.visits]
    if h.notes:
        d["notes"] = h.notes
    return d


def household_to_json(h: Household) -> str:
    return json.dumps(household_to_dict(h), ensure_ascii=False, indent=2) + "\n"
