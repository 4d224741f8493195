"""A conflict's record, field and values in the advisor's words, in both languages (the conflicts view).

The fields are the household document's keys (``domain/interchange.py``, docs/sync.md "What a
bundle carries"): ``phone`` → 联系电话, ``incomes`` → 收入, ``deleted`` → 删除 … Values are shown
as a person reads them: codes as their words (与户主关系, 去向, 类别 …), money as yuan, lists
joined, ``true``/``false`` as 是/否 and, for ``deleted``, 已删除/未删除. Plain data: no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisor_app.domain import vocab
from advisor_app.domain.vocab import LIST_SEPARATOR, Text, join, same, term
from advisor_app.sync.versions import DELETED

_T = Text

FIELDS: dict[str, Text] = {
    DELETED: _T("删除", "Deleted"),
    # household
    "region": _T("所属地区", "Region"), "area": _T("户籍性质", "Residence type"),
    "address": _T("地址", "Address"), "registered_address": _T("户籍地址", "Registered address"),
    "village": _T("村（社区）", "Village"), "town": _T("乡镇（街道）", "Town"),
    "phone": _T("联系电话", "Phone"), "assets": _T("家庭财产", "Assets"),
    "supporters": _T("赡养、抚养、扶养人", "Supporters"), "expenses": _T("支出", "Expenses"),
    "emergency": _T("突发情况", "Emergency"), "receiving": _T("正在享受的救助", "Assistance received"),
    "notes": _T("备注", "Notes"), "archive": _T("归档", "Archive"),
    # member
    "name": _T("姓名", "Name"), "id_number": _T("身份证号", "ID number"),
    "relation": _T("与户主关系", "Relation"), "disability": _T("残疾", "Disability"),
    "serious_illness": _T("重病", "Serious illness"), "self_care_lost": _T("不能自理的项数", "Self-care items lost"),
    "self_care_items": _T("不能自理的项目", "Self-care items"), "student": _T("在校学生", "Student"),
    "whereabouts": _T("去向", "Whereabouts"), "months_away": _T("离家月数", "Months away"),
    "incomes": _T("收入", "Incomes"), "ethnicity": _T("民族", "Ethnicity"),
    "occupation": _T("职业", "Occupation"), "state": _T("状态", "State"),
    "state_date": _T("死亡或宣告日期", "Date of death or declaration"),
    "order_months": _T("刑期或戒毒期（月）", "Sentence or order (months)"),
    "no_legal_capacity": _T("无民事行为能力", "No legal capacity"),
    "guardianship_revoked": _T("被撤销监护资格", "Guardianship revoked"),
    "deported": _T("被遣送出境", "Deported"), "position": _T("排列顺序", "Order"),
    # visit and need
    "type": _T("走访类型", "Visit type"), "date": _T("走访日期", "Visit date"),
    "investigators": _T("调查（走访）人员", "Investigators"), "next_visit": _T("约定下次走访", "Next visit"),
    "follow_up": _T("后续跟进", "Follow-up"), "category": _T("类别", "Category"),
    "description": _T("需求内容", "Need"), "status": _T("状态", "Status"), "visit": _T("所属走访", "Visit"),
}

# field → the vocabulary its codes come from
_CODES = {"area": "area", "relation": "relation", "whereabouts": "whereabouts", "type": "visit_type",
          "category": "need_category", "status": "need_status", "state": "member_state"}
_MONEY = frozenset({"monthly", "financial", "medical_selfpaid_12m", "education_12m", "monthly_amount",
                    "monthly_income"})
_PARTS = {  # keys inside a dict value, in words
    "financial": _T("金融资产", "Financial assets"), "vehicles": _T("机动车", "Vehicles"),
    "extra_houses": _T("自住以外的房屋", "Other houses"),
    "disability_vehicles": _T("残疾人代步车", "Mobility vehicles"),
    "production_vehicles": _T("生产用车", "Work vehicles"),
    "medical_selfpaid_12m": _T("医疗自付", "Medical, self-paid"),
    "education_12m": _T("教育支出", "Education"),
}
EMPTY_VALUE = _T("（空）", "(empty)")
YES, NO = _T("是", "Yes"), _T("否", "No")


def field_words(field: str) -> Text:
    return FIELDS.get(field, same(field))


def money(amount: Any) -> Text:
    return Text(f"{float(amount):,.2f} 元", f"¥{float(amount):,.2f}")


def value_words(field: str, value: Any) -> Text:
    """``value`` of ``field`` as the advisor reads it."""
    if field == DELETED:
        return _T("已删除", "Deleted") if value else _T("未删除", "Not deleted")
    if value is None or value == "" or value == [] or value == {}:
        return _T("未归档", "Not archived") if field == "archive" else EMPTY_VALUE
    if isinstance(value, bool):
        return YES if value else NO
    if field in _CODES:
        return term(_CODES[field], value)
    if field in _MONEY and isinstance(value, int | float):
        return money(value)
    if field == "incomes" and isinstance(value, list):
        return join(LIST_SEPARATOR, (term("income_kind", str(i.get("kind"))) + " " + money(i.get("monthly") or 0)
                                     + _T("/月", "/month") for i in value if isinstance(i, Mapping)))
    if field == "self_care_items" and isinstance(value, list):
        return join(LIST_SEPARATOR, (term("self_care_item", v) for v in value))
    if field == "disability" and isinstance(value, Mapping):
        return vocab.disability(str(value.get("kind")), int(value.get("grade") or 0))
    if field == "emergency" and isinstance(value, Mapping):
        return term("emergency_kind", str(value.get("kind"))) + f" {value.get('date') or ''}".rstrip()
    if field == "archive" and isinstance(value, Mapping):
        reason = term("archive_reason", str(value.get("reason")))
        extra = "，".join(str(value[k]) for k in ("on", "note", "by") if value.get(k))
        return _T("已归档：", "Archived: ") + reason + (f"（{extra}）" if extra else "")
    if field == "supporters" and isinstance(value, list):
        return join(LIST_SEPARATOR, (same(str(s.get("name") or "—")) for s in value if isinstance(s, Mapping)))
    if field == "receiving" and isinstance(value, list):
        return join(LIST_SEPARATOR, (term("program", str(r.get("program"))) + f" {r.get('since') or ''}".rstrip()
                                     for r in value if isinstance(r, Mapping)))
    if isinstance(value, Mapping):
        return join(LIST_SEPARATOR, (_PARTS.get(k, same(str(k))) + " "
                                     + (money(v) if k in _MONEY else value_words(str(k), v))
                                     for k, v in value.items()))
    if isinstance(value, list):
        return join(LIST_SEPARATOR, (value_words("", v) for v in value))
    return same(str(value))


def record_words(kind: str, values: Mapping[str, Any] | None) -> Text:
    """Which record: 家庭, 家庭成员 张三, 走访 2024-03-01, 需求：买药."""
    v = values or {}
    if kind == "household":
        return _T("家庭", "Household")
    if kind == "member":
        return _T("家庭成员 ", "Member ") + str(v.get("name") or "—")
    if kind == "visit":
        return _T("走访 ", "Visit ") + str(v.get("date") or "—")
    if kind == "need":
        text = str(v.get("description") or "—")
        return _T("需求：", "Need: ") + (text if len(text) <= 20 else text[:19] + "…")
    return same(kind)
