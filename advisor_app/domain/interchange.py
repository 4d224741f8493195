"""The ``advisor-household/1`` interchange format (JSON, UTF-8).

Used by the CLI, by tests and later inside sync bundles. Reading is strict: an unknown key, an
unknown code, a negative amount, a bad ID number or a missing name is an :class:`InvalidDocument`
whose message names the member and the field. Writing then reading gives back an equal household.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from typing import Any

from . import idcard, vocab
from .errors import InvalidDocument
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
    "format", "id", "version", "region", "area", "address", "village", "town", "phone", "notes",
    "members", "assets", "supporters", "expenses", "emergency", "visits",
}
_MEMBER_KEYS = {
    "id", "name", "id_number", "relation", "disability", "serious_illness", "self_care_lost",
    "self_care_items", "student", "whereabouts", "months_away", "incomes", "ethnicity", "occupation",
    "phone",
}


class _Reader:
    """Pulls typed fields out of one JSON object, naming ``where`` in every complaint."""

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

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self.fail(key, "必须填写")
            return default
        if not isinstance(value, str):
            raise self.fail(key, "应为文字")
        value = value.strip()
        if required and not value:
            raise self.fail(key, "必须填写，不能为空")
        return value

    def code(self, key: str, allowed: dict[str, str], *, default: str | None = None) -> str:
        value = self.obj.get(key, default)
        if value is None:
            raise self.fail(key, "必须填写")
        if value not in allowed:
            choices = "、".join(f"{k}（{v}）" for k, v in allowed.items())
            raise self.fail(key, f"取值“{value}”无效，可选：{choices}")
        return str(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.obj.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "应为 true 或 false")
        return value

    def integer(self, key: str, *, low: int, high: int, default: int = 0) -> int:
        value = self.obj.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "应为整数")
        if not low <= value <= high:
            raise self.fail(key, f"应在 {low} 到 {high} 之间，现为 {value}")
        return value

    def money(self, key: str, default: float = 0.0) -> float:
        value = self.obj.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(key, "金额应为数字")
        if value < 0:
            raise self.fail(key, f"金额不能为负数（{value}）")
        if value > 1e9:
            raise self.fail(key, f"金额过大（{value}）")
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


def _member(obj: Any, index: int) -> Member:
    label = f"成员{index + 1}"
    if isinstance(obj, dict) and isinstance(obj.get("name"), str) and obj["name"].strip():
        label += f"（{obj['name'].strip()}）"
    r = _Reader(obj, f"members[{index}] {label}", _MEMBER_KEYS)
    name = r.text("name", required=True)
    raw_id = r.text("id_number", required=True)
    why = idcard.problem(raw_id)
    if why:
        raise r.fail("id_number", why)
    disability = None
    if r.obj.get("disability") is not None:
        d = _Reader(r.obj["disability"], r._at("disability"), {"kind", "grade"})
        disability = Disability(d.code("kind", vocab.DISABILITY_KINDS), d.integer("grade", low=1, high=4))
    incomes = []
    for j, item in enumerate(r.array("incomes")):
        ir = _Reader(item, r._at(f"incomes[{j}]"), {"kind", "monthly"})
        incomes.append(Income(ir.code("kind", vocab.INCOME_KINDS), ir.money("monthly")))
    self_care_lost = r.integer("self_care_lost", low=0, high=6)
    items = r.array("self_care_items")
    for item in items:
        if item not in vocab.SELF_CARE_ITEMS:
            raise r.fail("self_care_items", f"不认识的日常生活活动“{item}”")
    if len(set(items)) != len(items):
        raise r.fail("self_care_items", "有重复的项目")
    if items and len(items) != self_care_lost:
        raise r.fail("self_care_lost", f"与 self_care_items 不一致（{self_care_lost} ≠ {len(items)}）")
    return Member(
        name=name,
        id_number=raw_id.upper(),
        relation=r.code("relation", vocab.RELATIONS),
        disability=disability,
        serious_illness=r.boolean("serious_illness"),
        self_care_lost=self_care_lost,
        student=r.boolean("student"),
        whereabouts=r.code("whereabouts", vocab.WHEREABOUTS, default="home"),
        months_away=r.integer("months_away", low=0, high=1200),
        incomes=incomes,
        self_care_items=[str(i) for i in items],
        ethnicity=r.text("ethnicity"),
        occupation=r.text("occupation"),
        phone=r.text("phone"),
        id=r.uuid("id"),
    )


def _visit(obj: Any, index: int) -> Visit:
    r = _Reader(obj, f"visits[{index}]", {
        "id", "version", "type", "date", "investigators", "notes", "needs", "next_visit", "follow_up"})
    investigators = r.array("investigators")
    if not all(isinstance(x, str) and x.strip() for x in investigators):
        raise r.fail("investigators", "调查人姓名应为非空文字")
    needs = []
    for j, item in enumerate(r.array("needs")):
        nr = _Reader(item, r._at(f"needs[{j}]"), {"id", "category", "description", "status"})
        needs.append(Need(
            category=nr.code("category", vocab.NEED_CATEGORIES),
            description=nr.text("description", required=True),
            status=nr.code("status", vocab.NEED_STATUSES, default="open"),
            id=nr.uuid("id"),
        ))
    date = r.date("date", required=True)
    assert date is not None
    return Visit(
        type=r.code("type", vocab.VISIT_TYPES),
        date=date,
        investigators=[x.strip() for x in investigators],
        notes=r.text("notes"),
        needs=needs,
        next_visit=r.date("next_visit"),
        follow_up=r.text("follow_up"),
        id=r.uuid("id"),
        version=r.integer("version", low=0, high=2**31),
    )


def household_from_dict(doc: Any) -> Household:
    """A validated :class:`Household` from a parsed ``advisor-household/1`` document."""
    r = _Reader(doc, "", _TOP_KEYS)
    if doc.get("format") != FORMAT:
        raise r.fail("format", f"应为“{FORMAT}”，现为“{doc.get('format')}”")
    region = r.text("region", required=True)
    if len(region) != 6 or not region.isdigit():
        raise r.fail("region", f"行政区划代码应为6位数字，现为“{region}”")
    raw_members = r.array("members")
    if not raw_members:
        raise r.fail("members", "至少要有一名家庭成员")
    members = [_member(m, i) for i, m in enumerate(raw_members)]
    seen: dict[str, str] = {}
    for m in members:
        if m.id_number in seen:
            raise InvalidDocument(f"身份证号 {m.id_number} 与{seen[m.id_number]}重复", where=f"成员（{m.name}）")
        seen[m.id_number] = m.name
    if sum(m.relation == "head" for m in members) > 1:
        raise r.fail("members", "只能有一名户主（relation: head）")

    a = _Reader(doc.get("assets") or {}, "assets", {"financial", "vehicles", "extra_houses"})
    assets = Assets(a.money("financial"), a.integer("vehicles", low=0, high=99),
                    a.integer("extra_houses", low=0, high=99))
    supporters = []
    for i, item in enumerate(r.array("supporters")):
        s = _Reader(item, f"supporters[{i}]", {"name", "able", "reason", "relation", "id_number", "phone"})
        sid = s.text("id_number")
        if sid and (why := idcard.problem(sid)):
            raise s.fail("id_number", why)
        if "able" not in s.obj:
            raise s.fail("able", "必须说明是否有赡养/抚养/扶养能力（true 或 false）")
        supporters.append(Supporter(s.text("name", required=True), s.boolean("able"), s.text("reason"),
                                    s.text("relation"), sid.upper(), s.text("phone")))
    e = _Reader(doc.get("expenses") or {}, "expenses", {"medical_selfpaid_12m", "education_12m"})
    expenses = Expenses(e.money("medical_selfpaid_12m"), e.money("education_12m"))
    emergency = None
    if doc.get("emergency") is not None:
        em = _Reader(doc["emergency"], "emergency", {"kind", "date"})
        when = em.date("date", required=True)
        assert when is not None
        emergency = Emergency(em.code("kind", vocab.EMERGENCY_KINDS), when)
    return Household(
        region=region,
        area=r.code("area", vocab.AREAS),
        address=r.text("address"),
        village=r.text("village"),
        members=members,
        assets=assets,
        supporters=supporters,
        expenses=expenses,
        emergency=emergency,
        visits=[_visit(v, i) for i, v in enumerate(r.array("visits"))],
        town=r.text("town"),
        phone=r.text("phone"),
        notes=r.text("notes"),
        id=r.uuid("id"),
        version=r.integer("version", low=0, high=2**31),
    )


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
    d |= {"region": h.region, "area": h.area, "address": h.address, "village": h.village}
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
