"""The ``advisor-household/2`` interchange format (JSON, UTF-8); ``/1`` files are still read.

Used by the CLI, by tests and later inside sync bundles. Reading is strict. This module checks the
shape (an unknown key, text where a number belongs, a date that is not YYYY-MM-DD: an
:class:`InvalidDocument` naming where); whether the household is right (an unknown code, a negative
amount, a bad ID number, a missing name, two heads …) is decided by :mod:`.validation`, the same
rules the editors and the services use, and every problem found is raised in one
:class:`InvalidRecord` whose message names the member and the field. Writing then reading gives back
an equal household, and whatever the app can store, this reader accepts.

``/2`` adds a member's state (deceased, declared dead or missing, with its day), the term of a prison
or rehab order, legal capacity, guardianship revoked, deported; a supporter's kinship to a named
member (``kinship`` + ``of_member``), recorded status and situation, own income and assets, and an
unknown ability (``able: null``); vehicles by kind; the household's current receipt status
(``receiving``). A ``/1`` file is read as it always was; its supporters' free-text ``relation`` is
mapped to a kinship to the head where the word is unambiguous (儿子, 女儿, 哥哥 …), and
:func:`read_household` says which it could not map.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
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
    Receipt,
    Supporter,
    Visit,
)
from .limits import MAX_HOUSEHOLD_BYTES, SURROGATE, FileTooLarge, ascii_digits, has_lone_surrogate, shown

FORMAT = "advisor-household/2"
FORMAT_1 = "advisor-household/1"
READABLE = (FORMAT_1, FORMAT)
MAX_DEPTH = 16  # a household document nests 5 deep (members → incomes → one income); more is no household
MAX_INTEGER = 10**15  # no count, version or amount comes near; larger numbers are not what was meant

_TOP_KEYS = {
    "format", "id", "version", "region", "area", "address", "registered_address", "village", "town", "phone",
    "notes", "members", "assets", "supporters", "expenses", "emergency", "visits", "receiving",
}
_MEMBER_KEYS = {
    "id", "name", "id_number", "relation", "disability", "serious_illness", "self_care_lost",
    "self_care_items", "student", "whereabouts", "months_away", "incomes", "ethnicity", "occupation",
    "phone", "state", "state_date", "order_months", "no_legal_capacity", "guardianship_revoked", "deported",
}
_SUPPORTER_KEYS = {"name", "able", "reason", "relation", "id_number", "phone", "kinship", "of_member", "status",
                   "situation", "disability", "monthly_income", "assets_ok"}

# advisor-household/1 supporters: the free-text relation (to the head) that names one kinship.
_KINSHIP_WORDS = {
    "配偶": "spouse", "丈夫": "spouse", "妻子": "spouse", "老伴": "spouse",
    "父亲": "father", "爸爸": "father", "母亲": "mother", "妈妈": "mother",
    "儿子": "son", "长子": "son", "次子": "son", "女儿": "daughter", "长女": "daughter", "次女": "daughter",
    "孙子": "grandson", "外孙": "grandson", "外孙子": "grandson", "孙女": "granddaughter",
    "外孙女": "granddaughter", "祖父": "grandfather", "爷爷": "grandfather", "外祖父": "grandfather",
    "外公": "grandfather", "祖母": "grandmother", "奶奶": "grandmother", "外祖母": "grandmother",
    "外婆": "grandmother", "哥哥": "elder_brother", "姐姐": "elder_sister", "弟弟": "younger_brother",
    "妹妹": "younger_sister", "女婿": "son_in_law", "儿媳": "daughter_in_law", "儿媳妇": "daughter_in_law",
}


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


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
                raise InvalidDocument(f"不认识的字段：{', '.join(shown(k, 30) for k in unknown[:10])}", where=where)

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

    def optional_boolean(self, key: str) -> bool | None:
        value = self.obj.get(key)
        if value is not None and not isinstance(value, bool):
            raise self.fail(key, "应为 true、false 或 null（不知道）")
        return value

    def optional_money(self, key: str) -> float | None:
        return None if self.obj.get(key) is None else self.money(key)

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
        if type(value) is str and _CANONICAL_UUID.fullmatch(value):
            return value  # (as str(uuid.UUID(value)) writes it)
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return str(uuid.UUID(value))
        except ValueError:
            raise self.fail(key, f"编号“{shown(value)}”不是有效的 UUID") from None

    def digits(self, key: str) -> str:
        """An ID number or region code: full-width digits and Ｘ as ASCII, a capital X."""
        return ascii_digits(self.text(key)).upper()

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


def _disability(r: _Reader) -> Disability | None:
    if r.obj.get("disability") is None:
        return None
    d = _Reader(r.obj["disability"], r._at("disability"), {"kind", "grade"})
    return Disability(d.text("kind"), d.integer("grade"))


def _member(obj: Any, index: int) -> Member:
    label = f"成员{index + 1}"
    if isinstance(obj, dict) and isinstance(obj.get("name"), str) and obj["name"].strip():
        label += f"（{shown(obj['name'].strip(), 20)}）"
    r = _Reader(obj, f"members[{index}] {label}", _MEMBER_KEYS)
    disability = _disability(r)
    incomes = []
    for j, item in enumerate(r.array("incomes")):
        ir = _Reader(item, r._at(f"incomes[{j}]"), {"kind", "monthly"})
        incomes.append(Income(ir.text("kind"), ir.money("monthly")))
    return Member(
        name=r.text("name"),
        id_number=r.digits("id_number"),
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
        state=r.text("state", default="living"),
        state_date=r.date("state_date"),
        order_months=r.integer("order_months"),
        no_legal_capacity=r.boolean("no_legal_capacity"),
        guardianship_revoked=r.boolean("guardianship_revoked"),
        deported=r.boolean("deported"),
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


def _supporter(obj: Any, index: int, version_1: bool) -> Supporter:
    s = _Reader(obj, f"supporters[{index}]", _SUPPORTER_KEYS)
    if "able" not in s.obj:
        raise s.fail("able", "必须说明是否有赡养/抚养/扶养能力（true、false，或 null 表示不知道）")
    if version_1 and s.obj.get("able") is None:
        raise s.fail("able", "应为 true 或 false")
    return Supporter(s.text("name"), s.optional_boolean("able"), s.text("reason"), s.text("relation"),
                     s.digits("id_number"), s.text("phone"), kinship=s.text("kinship"),
                     of_member=s.digits("of_member"), status=s.text("status"), situation=s.text("situation"),
                     disability=_disability(s), monthly_income=s.optional_money("monthly_income"),
                     assets_ok=s.optional_boolean("assets_ok"))


def _receipt(obj: Any, index: int) -> Receipt:
    r = _Reader(obj, f"receiving[{index}]", {"program", "since", "monthly_amount", "member"})
    return Receipt(r.text("program"), r.required_date("since"), r.money("monthly_amount"),
                   r.digits("member"))


def _map_version_1(household: Household) -> list[str]:
    """A ``/1`` file's supporters: their relation word to the head as a kinship, where it names one;
    returns what could not be mapped, in the advisor's words."""
    head = household.head
    notes = []
    for i, s in enumerate(household.supporters):
        kinship = _KINSHIP_WORDS.get(s.relation.strip())
        if kinship and head is not None:
            s.kinship, s.of_member = kinship, head.id_number
        elif s.relation.strip() or s.name:
            notes.append(f"第{i + 1}名赡养人“{s.name or '—'}”的关系“{s.relation or '未填写'}”"
                         "无法确定是户主的哪种亲属，请在赡养人页选择亲属关系")
    return notes


def household_from_dict(doc: Any) -> Household:
    """A validated :class:`Household` from a parsed ``advisor-household/2`` (or ``/1``) document.

    The shape is checked here (first mistake only); then :func:`.validation.household_problems`
    lists every problem of the household, raised together as one :class:`InvalidRecord`.
    """
    return read_household(doc)[0]


def read_household(doc: Any) -> tuple[Household, list[str]]:
    """:func:`household_from_dict`, and the notes on what a ``/1`` file left undecided (supporters
    whose relation names no kinship): for the advisor to complete, nothing is refused for them."""
    _check_values(doc)
    r = _Reader(doc, "", _TOP_KEYS)
    if doc.get("format") not in READABLE:
        raise r.fail("format", f"应为“{FORMAT}”（或旧版“{FORMAT_1}”），现为“{shown(doc.get('format'))}”")
    version_1 = doc.get("format") == FORMAT_1
    if version_1 and "receiving" in doc:
        raise r.fail("receiving", f"“{FORMAT_1}”没有这个字段")
    # left out or null: nothing recorded (all zero); anything else must be the object ([] or 0 is no answer)
    a = _Reader({} if doc.get("assets") is None else doc["assets"], "assets",
                {"financial", "vehicles", "extra_houses", "disability_vehicles", "production_vehicles"})
    e = _Reader({} if doc.get("expenses") is None else doc["expenses"], "expenses",
                {"medical_selfpaid_12m", "education_12m"})
    emergency = None
    if doc.get("emergency") is not None:
        em = _Reader(doc["emergency"], "emergency", {"kind", "date"})
        emergency = Emergency(em.text("kind"), em.required_date("date"))
    household = Household(
        region=r.digits("region"),
        area=r.text("area"),
        address=r.text("address"),
        village=r.text("village"),
        members=[_member(m, i) for i, m in enumerate(r.array("members"))],
        assets=Assets(a.money("financial"), a.integer("vehicles"), a.integer("extra_houses"),
                      a.integer("disability_vehicles"), a.integer("production_vehicles")),
        supporters=[_supporter(s, i, version_1) for i, s in enumerate(r.array("supporters"))],
        expenses=Expenses(e.money("medical_selfpaid_12m"), e.money("education_12m")),
        emergency=emergency,
        visits=[_visit(v, i) for i, v in enumerate(r.array("visits"))],
        town=r.text("town"),
        phone=r.text("phone"),
        notes=r.text("notes"),
        id=r.uuid("id"),
        version=r.version(),
        registered_address=r.text("registered_address"),
        receiving=[_receipt(x, i) for i, x in enumerate(r.array("receiving"))],
    )
    notes = _map_version_1(household) if version_1 else []
    problems = validation.household_problems(household)
    if problems:
        raise InvalidRecord(problems, with_keys=True)
    return household, notes


def _check_values(doc: Any) -> None:
    """Refuse, naming where, what no field of a household may hold: nesting deeper than
    :data:`MAX_DEPTH`, text with a lone surrogate (``"\\ud800"``: it cannot be saved or printed),
    integers beyond :data:`MAX_INTEGER`, and numbers that are not finite (``1e400``, ``NaN``).

    A first pass only asks whether anything is wrong (no paths made: an import reads thousands of
    households); the second, which names where, runs only when something is."""
    if not _values_fine(doc):
        _refuse_values(doc)


def _refuse_values(doc: Any) -> None:
    """The second pass of :func:`_check_values`: raise for the first value refused, naming where."""
    stack: list[tuple[Any, str, int]] = [(doc, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InvalidDocument(f"嵌套超过 {MAX_DEPTH} 层，不是家庭文件的结构", where=where or None)
        if isinstance(value, dict):
            for key, item in value.items():
                if has_lone_surrogate(key):
                    raise InvalidDocument("字段名含有无法保存的字符（不成对的 UTF-16 代理码）", where=where or None)
                stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            if has_lone_surrogate(value):
                raise InvalidDocument("含有无法保存的字符（不成对的 UTF-16 代理码，如 \\ud800）", where=where)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if abs(value) > MAX_INTEGER:
                raise InvalidDocument(f"数字太大（{shown(value)}），不可能是正确的值", where=where)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InvalidDocument("数字无效或太大（如 1e400、NaN），应为普通的数字", where=where)


def _values_fine(doc: Any) -> bool:
    """True when :func:`_check_values` would find nothing to refuse (the same conditions, no paths).

    The quick pass of every household an import reads: each container's items are looked at in
    place by their exact type (text, the most common, first; no Python call per item); anything of
    another type (a subclass given by a Python caller) is looked at as :func:`_check_values` does."""
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(value, dict):
            if not all(map(str.isascii, value)) and any(map(has_lone_surrogate, value)):
                return False
            items: Any = value.values()
        elif isinstance(value, list):
            items = value
        else:
            if not _scalar_fine(value):
                return False
            continue
        if value and depth == MAX_DEPTH:
            return False  # (its items are one deeper)
        for item in items:
            kind = type(item)
            if kind is str:
                if not item.isascii() and SURROGATE.search(item) is not None:
                    return False
            elif kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is int:
                if abs(item) > MAX_INTEGER:
                    return False
            elif item is None or kind is bool:
                continue
            elif kind is float:
                if not math.isfinite(item):
                    return False
            else:
                stack.append((item, depth + 1))
    return True


def _scalar_fine(value: Any) -> bool:
    """One value that is no ``dict`` or ``list``, under the conditions of :func:`_check_values`."""
    if isinstance(value, str):
        return not has_lone_surrogate(value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_INTEGER
    return not isinstance(value, float) or math.isfinite(value)


def household_from_json(text: str | bytes) -> Household:
    return read_household_json(text)[0]


def read_household_json(text: str | bytes) -> tuple[Household, list[str]]:
    """:func:`read_household` of a JSON text: the household and the notes on what a ``/1`` file left
    undecided."""
    if len(text) > MAX_HOUSEHOLD_BYTES:
        raise FileTooLarge(f"家庭文件太大（超过 {MAX_HOUSEHOLD_BYTES // 2**20} MB），不像是正确的文件，没有读取")
    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"第{exc.lineno}行第{exc.colno}列" if isinstance(exc, json.JSONDecodeError) else None
        raise InvalidDocument(f"不是有效的 JSON 文件（{exc.msg if hasattr(exc, 'msg') else exc}）",
                              where=where) from None
    except RecursionError:
        raise InvalidDocument(f"嵌套太深（超过 {MAX_DEPTH} 层），不是家庭文件的结构") from None
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        raise InvalidDocument("文件里有位数过多的数字（上千位），不可能是正确的值") from None
    return read_household(doc)


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
    if m.state != "living":
        d["state"] = m.state
        d["state_date"] = m.state_date.isoformat() if m.state_date else None
    for key in ("order_months", "no_legal_capacity", "guardianship_revoked", "deported"):
        if getattr(m, key):
            d[key] = getattr(m, key)
    return d


def _supporter_dict(s: Supporter) -> dict[str, Any]:
    d: dict[str, Any] = {"name": s.name, "able": s.able, "reason": s.reason}
    d |= {k: getattr(s, k) for k in ("relation", "id_number", "phone", "kinship", "of_member", "status",
                                      "situation") if getattr(s, k)}
    if s.disability is not None:
        d["disability"] = {"kind": s.disability.kind, "grade": s.disability.grade}
    d |= {k: getattr(s, k) for k in ("monthly_income", "assets_ok") if getattr(s, k) is not None}
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
    d["assets"] |= {k: getattr(h.assets, k) for k in ("disability_vehicles", "production_vehicles")
                    if getattr(h.assets, k)}
    d["supporters"] = [_supporter_dict(s) for s in h.supporters]
    d["expenses"] = {"medical_selfpaid_12m": h.expenses.medical_selfpaid_12m,
                     "education_12m": h.expenses.education_12m}
    d["emergency"] = ({"kind": h.emergency.kind, "date": h.emergency.date.isoformat()}
                      if h.emergency else None)
    if h.receiving:
        d["receiving"] = [{"program": x.program, "since": x.since.isoformat(), "monthly_amount": x.monthly_amount}
                          | ({"member": x.member} if x.member else {}) for x in h.receiving]
    if h.visits:
        d["visits"] = [_visit_dict(v) for v in h.visits]
    if h.notes:
        d["notes"] = h.notes
    return d


def household_to_json(h: Household) -> str:
    return json.dumps(household_to_dict(h), ensure_ascii=False, indent=2) + "\n"
