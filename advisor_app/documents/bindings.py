"""The values a form definition can print: named form fields and row sets.

:func:`form_data` turns a household (plus its eligibility result and a visit) into plain text
values. Form fields have dotted names (``household.head_name``); rows of a table have plain names
(``name``, ``id_number``). :data:`SCALARS` and :data:`ROW_FIELDS` list every name with its meaning —
``forms/README.md`` repeats them for the people who edit definitions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from advisor_app.domain.health import disability_text, health_status, self_care_text
from advisor_app.domain.household import Household, Member, Visit
from advisor_app.domain.idcard import mask
from advisor_app.domain.vocab import (
    AREAS,
    EMERGENCY_KINDS,
    INCOME_KINDS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    RELATIONS,
    SEXES,
    VISIT_TYPES,
    WHEREABOUTS,
)
from advisor_app.rules.facts import COUNTED_INCOME, is_counted


@dataclass(slots=True)
class ProgramLine:
    """One programme's result, ready to print."""

    program: str  # code: dibao, tekun …
    label: str  # 低保, 特困 …
    status: str  # code: eligible | ineligible | needs_info
    status_label: str
    member: str = ""  # member's name for per-member programmes
    amount: int | None = None  # yuan per month (临时救助: the cap per event)
    detail: str = ""  # care level / kind of 临时救助
    reasons: list[str] = field(default_factory=list)  # the deciding reasons, each "√ …（citation）" / "× …"
    missing: list[str] = field(default_factory=list)  # the facts still needed, each a few words
    needed: list[str] = field(default_factory=list)  # the same in full, when no reason says it already
    advice: str = ""  # what the recommendation does with it: 申请 / 不申请 … ("" when not 符合)


@dataclass(slots=True)
class EligibilityView:
    """What the form shows of the eligibility check (filled by the services layer)."""

    on: dt.date
    available: bool = True
    message: str = ""  # why it is not available
    counted_members: int | None = None
    counted_income_monthly: float | None = None
    per_capita_monthly: float | None = None
    standard: float | None = None  # 低保标准, yuan per person per month
    lines: list[ProgramLine] = field(default_factory=list)  # every programme, per member too
    summary: str = ""  # the two sentences for the family (Explanation.summary_in)
    advice: list[str] = field(default_factory=list)  # the combination to apply for, "合计每月 … 元" last
    total: int | None = None  # the recommended programmes' monthly payments added up
    notes: list[str] = field(default_factory=list)  # default figures, figures that may be out of date


SCALARS: dict[str, str] = {
    "print.date": "打印日期（2026年11月29日）",
    "print.county": "县（区）名称",
    "household.id": "档案编号", "household.short_id": "档案编号前8位", "household.version": "档案版本",
    "household.head_name": "户主姓名", "household.address": "居住地址",
    "household.registered_address": "户籍地址（未登记时为空白，可手写）", "household.village": "村（社区）",
    "household.town": "乡镇（街道）", "household.region": "地区代码", "household.area": "户籍性质（城镇/农村）",
    "household.phone": "联系电话", "household.size": "家庭人口", "household.notes": "备注",
    "household.counted": "计入家庭人口（核对结果）",
    "head.name": "户主姓名", "head.id_number": "户主身份证号", "head.id_masked": "户主身份证号（遮挡）",
    "head.sex": "户主性别", "head.age": "户主年龄", "head.phone": "户主电话",
    "income.monthly_total": "家庭月收入合计（元）", "income.annual_total": "家庭年收入合计（元）",
    "income.per_capita_monthly": "月人均收入（元）", "income.per_capita_annual": "年人均收入（元）",
    "income.counted_monthly": "计入的月收入（元）", "income.counted_annual": "计入的年收入（元）",
    "assets.financial": "金融资产（元）", "assets.vehicles": "机动车（辆）", "assets.extra_houses": "其他住房（套）",
    "expenses.medical": "近12个月自付医疗费（元）", "expenses.education": "近12个月教育支出（元）",
    "emergency.kind": "突发事件", "emergency.date": "突发事件日期",
    "eligibility.on": "核对日期", "eligibility.standard": "低保标准（元/人/月）",
    "eligibility.per_capita": "计入月人均收入（元）", "eligibility.summary": "核对结果摘要",
    "eligibility.reasons": "主要理由", "eligibility.note": "说明（核对是否可用）",
    "eligibility.plain": "给家庭的说明（两句话；核对不可用时为原因）",
    "eligibility.total": "建议申请的各项每月合计（元）", "eligibility.notes": "默认值和可能过期的标准的说明",
    "visit.date": "走访日期", "visit.type": "走访类型", "visit.investigators": "走访人员",
    "visit.investigator1": "调查人一", "visit.investigator2": "调查人二", "visit.notes": "所见情况",
    "visit.follow_up": "后续安排", "visit.next_visit": "下次走访日期",
}
for _p in ("dibao", "dibao_edge", "tekun", "temporary"):  # 特困: one entry per member found, "姓名：…"
    SCALARS[f"eligibility.{_p}.status"] = "结果（符合/不符合/需补充信息）"
    SCALARS[f"eligibility.{_p}.amount"] = "金额（元，符合时）"
    SCALARS[f"eligibility.{_p}.text"] = "结果与金额一句话"
    SCALARS[f"eligibility.{_p}.reasons"] = "理由（含依据）"

ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "members": ("no", "name", "relation", "id_number", "id_masked", "sex", "age", "ethnicity", "disability",
                "health", "self_care", "student", "whereabouts", "occupation", "monthly_income",
                "annual_income", "covered", "work"),
    "adults": ("no", "name", "relation", "id_number", "id_masked", "age"),
    "minors": ("no", "name", "relation", "id_number", "id_masked", "age", "guardian"),
    "incomes": ("no", "member", "kind", "monthly", "annual", "counted"),
    "income_kinds": ("no", "kind", "monthly", "annual", "counted"),
    "supporters": ("no", "name", "relation", "id_number", "id_masked", "phone", "able", "reason"),
    "needs": ("no", "category", "description", "status"),
    "programs": ("no", "program", "member", "who", "status", "amount", "detail", "reasons", "missing", "advice",
                 "explained"),
    "advice": ("no", "text"),
    "visits": ("no", "date", "type", "investigators", "notes"),
}


BLANK_NEED_ROWS = 4  # empty rows of the needs table on a blank 走访记录表 (written in by hand)


@dataclass(slots=True)
class FormData:
    scalars: dict[str, str]
    rows: dict[str, list[dict[str, str]]]


def cn_date(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def money(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _work(m: Member, age: int) -> str:
    if age < 16 or age >= 60 or (m.disability and m.disability.grade <= 2) or m.self_care_lost >= 4:
        return "无劳动能力"
    if m.student:
        return "在校就读"
    if m.serious_illness or m.disability:
        return "部分劳动能力"
    return "有劳动能力"


def _member_row(i: int, m: Member, on: dt.date, counted: bool) -> dict[str, str]:
    age = m.age_on(on)
    monthly = m.monthly_income
    return {
        "no": str(i), "name": m.name, "relation": RELATIONS.get(m.relation, m.relation),
        "id_number": m.id_number, "id_masked": mask(m.id_number), "sex": SEXES.get(m.sex, ""),
        "age": str(age), "ethnicity": m.ethnicity, "disability": disability_text(m), "health": health_status(m),
        "self_care": self_care_text(m), "student": "在读" if m.student else "",
        "whereabouts": WHEREABOUTS.get(m.whereabouts, m.whereabouts), "occupation": m.occupation,
        "monthly_income": money(monthly), "annual_income": money(monthly * 12),
        "covered": "是" if counted else "否", "work": _work(m, age),
    }


PROGRAM_KEYS = ("dibao", "dibao_edge", "tekun", "temporary")


def _eligibility(view: EligibilityView | None, s: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> None:
    for p in PROGRAM_KEYS:
        for part in ("status", "amount", "text", "reasons"):
            s[f"eligibility.{p}.{part}"] = ""
    s["eligibility.on"] = s["eligibility.standard"] = s["eligibility.per_capita"] = ""
    s["eligibility.summary"] = s["eligibility.reasons"] = s["eligibility.total"] = s["eligibility.notes"] = ""
    rows["programs"] = []
    rows["advice"] = []
    if view is None or not view.available:
        s["eligibility.note"] = view.message if view else "未做资格核对"
        s["eligibility.summary"] = s["eligibility.plain"] = s["eligibility.note"]
        return
    s["eligibility.note"] = ""
    s["eligibility.plain"] = view.summary
    s["eligibility.total"] = money(view.total)
    s["eligibility.notes"] = "\n".join(view.notes)
    rows["advice"] = [{"no": str(i), "text": text} for i, text in enumerate(view.advice, 1)]
    s["eligibility.on"] = cn_date(view.on)
    s["eligibility.standard"] = money(view.standard)
    s["eligibility.per_capita"] = money(view.per_capita_monthly)
    if view.counted_members is not None:
        s["household.counted"] = str(view.counted_members)
    if view.counted_income_monthly is not None:
        s["income.counted_monthly"] = money(view.counted_income_monthly)
        s["income.counted_annual"] = money(view.counted_income_monthly * 12)
    summary: list[str] = []
    reasons: list[str] = []
    per: dict[str, dict[str, list[str]]] = {p: defaultdict(list) for p in PROGRAM_KEYS}
    for i, line in enumerate(view.lines, 1):
        amount = "" if line.amount is None or line.status != "eligible" else money(line.amount)
        unit = "元（每次上限）" if line.program == "temporary" else "元/月"
        text = line.status_label + (f"，{amount} {unit}" if amount else "")
        if line.missing:
            text += f"（需补充：{'、'.join(line.missing)}）"
        rows["programs"].append({
            "no": str(i), "program": line.label, "member": line.member,
            "who": f"（{line.member}）" if line.member else "", "status": line.status_label,
            "amount": f"{amount} {unit}" if amount else "", "detail": line.detail,
            "reasons": "；".join(line.reasons), "missing": "、".join(line.missing), "advice": line.advice,
            "explained": "\n".join([*line.reasons, *(f"？ 需补充：{m}" for m in line.needed)])})
        if line.member and line.status == "ineligible":
            continue  # a member who does not qualify: a row of the table, not a line of the summaries
        who = f"{line.member}：" if line.member else ""
        if line.program in per:
            parts = per[line.program]
            parts["status"].append(who + line.status_label)
            if amount:
                parts["amount"].append(who + amount)
            parts["text"].append(who + text)
            parts["reasons"].extend(who + r for r in line.reasons)
        summary.append(f"{line.label}{'（' + line.member + '）' if line.member else ''}：{text}")
        reasons.extend(r for r in line.reasons[:1] if r not in reasons)
    for program, parts in per.items():
        for part, values in parts.items():
            s[f"eligibility.{program}.{part}"] = "；".join(values)
    s["eligibility.summary"] = "；".join(summary)
    s["eligibility.reasons"] = "；".join(reasons)


def form_data(household: Household, *, on: dt.date, county: str = "", eligibility: EligibilityView | None = None,
              visit: Visit | None = None, blank_visit: bool = False) -> FormData:
    """Every form field and row set for ``household`` as printed on ``on``.

    ``blank_visit``: a form to fill in by hand on the next visit (no ``visit``): the visit's fields
    are empty and the needs table has :data:`BLANK_NEED_ROWS` empty rows to write in."""
    h = household
    head = h.head
    counted = [is_counted(m) for m in h.members]
    n = len(h.members)
    total = round(sum(m.monthly_income for m in h.members), 2)
    s: dict[str, str] = {
        "print.date": cn_date(on), "print.county": county,
        "household.id": h.id or "", "household.short_id": (h.id or "")[:8], "household.version": str(h.version),
        "household.head_name": h.head_name, "household.address": h.address,
        "household.registered_address": h.registered_address, "household.village": h.village,
        "household.town": h.town, "household.region": h.region, "household.area": AREAS.get(h.area, h.area),
        "household.phone": h.phone, "household.size": str(n), "household.notes": h.notes,
        "household.counted": str(sum(counted)),
        "head.name": head.name if head else "", "head.id_number": head.id_number if head else "",
        "head.id_masked": mask(head.id_number) if head else "",
        "head.sex": SEXES.get(head.sex, "") if head else "", "head.age": str(head.age_on(on)) if head else "",
        "head.phone": (head.phone or h.phone) if head else h.phone,
        "income.monthly_total": money(total), "income.annual_total": money(total * 12),
        "income.per_capita_monthly": money(round(total / n, 2) if n else 0),
        "income.per_capita_annual": money(round(total * 12 / n, 2) if n else 0),
        "income.counted_monthly": "", "income.counted_annual": "",
        "assets.financial": money(h.assets.financial), "assets.vehicles": str(h.assets.vehicles),
        "assets.extra_houses": str(h.assets.extra_houses),
        "expenses.medical": money(h.expenses.medical_selfpaid_12m),
        "expenses.education": money(h.expenses.education_12m),
        "emergency.kind": EMERGENCY_KINDS.get(h.emergency.kind, "") if h.emergency else "无",
        "emergency.date": cn_date(h.emergency.date) if h.emergency else "",
    }
    rows: dict[str, list[dict[str, str]]] = {}
    rows["members"] = [_member_row(i, m, on, c) for i, (m, c) in enumerate(zip(h.members, counted, strict=True), 1)]
    ages = [m.age_on(on) for m in h.members]
    adults = [r for r, a in zip(rows["members"], ages, strict=True) if a >= 18]
    minors = [r for r, a in zip(rows["members"], ages, strict=True) if a < 18]
    keys_a = ROW_FIELDS["adults"]
    rows["adults"] = [{**{k: r[k] for k in keys_a if k != "no"}, "no": str(i)} for i, r in enumerate(adults, 1)]
    keys_m = ROW_FIELDS["minors"]
    rows["minors"] = [{**{k: r[k] for k in keys_m if k not in ("no", "guardian")}, "no": str(i),
                       "guardian": "监护人代签"} for i, r in enumerate(minors, 1)]
    incomes: list[dict[str, str]] = []
    by_kind: dict[str, float] = defaultdict(float)
    for m in h.members:
        for inc in m.incomes:
            incomes.append({"no": str(len(incomes) + 1), "member": m.name,
                            "kind": INCOME_KINDS.get(inc.kind, inc.kind), "monthly": money(inc.monthly),
                            "annual": money(inc.monthly * 12),
                            "counted": "计入" if inc.kind in COUNTED_INCOME else "不计入"})
            by_kind[inc.kind] += inc.monthly
    rows["incomes"] = incomes
    rows["income_kinds"] = [{"no": str(i), "kind": INCOME_KINDS.get(k, k), "monthly": money(round(v, 2)),
                             "annual": money(round(v * 12, 2)),
                             "counted": "计入" if k in COUNTED_INCOME else "不计入"}
                            for i, (k, v) in enumerate(sorted(by_kind.items(), key=lambda kv: list(INCOME_KINDS)
                                                              .index(kv[0]) if kv[0] in INCOME_KINDS else 99), 1)]
    rows["supporters"] = [{"no": str(i), "name": sp.name, "relation": sp.relation, "id_number": sp.id_number,
                           "id_masked": mask(sp.id_number) if sp.id_number else "", "phone": sp.phone,
                           "able": "有" if sp.able else "无", "reason": sp.reason}
                          for i, sp in enumerate(h.supporters, 1)]
    rows["visits"] = [{"no": str(i), "date": cn_date(v.date), "type": VISIT_TYPES.get(v.type, v.type),
                       "investigators": "、".join(v.investigators), "notes": v.notes}
                      for i, v in enumerate(h.visits, 1)]
    _visit(visit, s, rows)
    if blank_visit and visit is None:
        rows["needs"] = [dict.fromkeys(ROW_FIELDS["needs"], "") for _ in range(BLANK_NEED_ROWS)]
    _eligibility(eligibility, s, rows)
    return FormData(s, rows)


def _visit(visit: Visit | None, s: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> None:
    if visit is None:
        for key in ("date", "type", "investigators", "investigator1", "investigator2", "notes", "follow_up",
                    "next_visit"):
            s[f"visit.{key}"] = ""
        rows["needs"] = []
        return
    team = visit.investigators
    s.update({"visit.date": cn_date(visit.date), "visit.type": VISIT_TYPES.get(visit.type, visit.type),
              "visit.investigators": "、".join(team), "visit.investigator1": team[0] if team else "",
              "visit.investigator2": team[1] if len(team) > 1 else "", "visit.notes": visit.notes,
              "visit.follow_up": visit.follow_up, "visit.next_visit": cn_date(visit.next_visit)})
    rows["needs"] = [{"no": str(i), "category": NEED_CATEGORIES.get(n.category, n.category),
                      "description": n.description, "status": NEED_STATUSES.get(n.status, n.status)}
                     for i, n in enumerate(visit.needs, 1)]
