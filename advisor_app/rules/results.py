"""What a check returns: one result per programme (and per member for the per-member programmes),
and its readable Chinese explanation (:func:`explain_text`, also ``CheckResult.explain()``).

Every result explains itself. ``reasons`` lists each condition that was evaluated, passed or failed,
as a sentence an advisor can read to the family, with the figures and the regulation it comes from.
Each sentence, citation and missing fact is a :class:`~advisor_app.domain.vocab.Text`: the same
words and figures in Chinese and in English (``Reason.text_in(language)``); ``Reason.text`` and
``ProgramResult.missing`` are the Chinese (the JSON document, the CLI and the printed forms).
Batch screening asks for no reasons (``explain=False``); statuses and amounts are the same either way.

JSON (``advisor-check/1``) conventions, documented once here:

* ``policy`` maps each key to ``{"value", "unit", "source", "is_default", "region", "effective_from"}``;
  ``value`` is an integer when the figure is whole (``"dibao_standard": {"value": 924, …}``).
* ``margin`` (低保 and 低保边缘 only) is in yuan of *monthly household income*:
  - 低保: ``margin = 低保标准 × counted members − counted household income``. Positive: the family
    stays eligible until its income rises by this much (at exactly +margin it flips to ineligible).
    Zero or negative: income must fall by more than ``-margin`` (by ``-margin + 0.01`` at least).
  - 低保边缘: when income is at or above the 低保 line, ``margin = edge line × members − income``
    (same reading as above against the upper line); when income is below the 低保 line the family is
    a 低保 case, and ``margin = income − 低保 line`` (negative: how far below the lower edge).
  ``margin`` is ``null`` when the income test could not be made (needs_info).
* Amounts (``monthly_amount``, ``max_amount``) are whole yuan.
* ``table`` says whose policy table the check used: ``{"region", "name", "level", "reason"}`` with
  ``level`` "own" (the region's own), "city" (no table of its own: its city's), "province" (the
  province's) or "none"; ``reason`` is the advisor's sentence ("滁州经济技术开发区没有单独的标准，按所在市
  执行"), empty for "own". ``null`` when the tables could not say (tables given by a test).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from advisor_app.domain.idcard import mask
from advisor_app.domain.vocab import AREAS, CHINESE, ENGLISH, Text, labels

from .facts import yuan

if TYPE_CHECKING:
    from .policy import TableChoice

ELIGIBLE = "eligible"
INELIGIBLE = "ineligible"
NEEDS_INFO = "needs_info"

# The Chinese names (domain.vocab has both languages: label("program", code, language)).
PROGRAM_LABELS: dict[str, str] = {str(k): v for k, v in labels("program").items()}
# The programmes from the most protective to the least: 特困 (full support) first, 临时救助 (one-off)
# last. A family's programmes are listed in this order, and the household list sorts by the first.
PROTECTION_ORDER = ("tekun", "dibao", "dibao_single", "dibao_edge", "rigid_expense", "unsupported_child",
                    "temporary")
STATUS_LABELS: dict[str, str] = {str(k): v for k, v in labels("status").items()}
CARE_LABELS: dict[str, str] = {str(k): v for k, v in labels("care_level").items()}
HOUSEHOLD_PROGRAMS = ("dibao", "dibao_edge", "temporary", "rigid_expense")
MEMBER_PROGRAMS = ("dibao_single", "tekun", "unsupported_child")


class PolicyValueLike(Protocol):
    """The fields of ``rules.policy.PolicyValue`` the checks read."""

    @property
    def key(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def is_default(self) -> bool: ...
    @property
    def region(self) -> str: ...
    @property
    def effective_from(self) -> dt.date: ...


@dataclass(slots=True)
class Reason:
    rule: str  # stable identifier, e.g. "income_below_standard"
    passed: bool
    sentence: Text  # the condition with its figures, an advisor can read it out (no citation)
    source: Text  # the regulation (and article) the condition comes from

    @property
    def text(self) -> str:
        """The Chinese sentence ending with its citation, ready to read out."""
        return self.text_in(CHINESE)

    @property
    def citation(self) -> str:
        """The Chinese citation."""
        return self.source.zh

    def text_in(self, language: str) -> str:
        """The sentence ending with its citation, in ``language``."""
        if language == ENGLISH:
            return f"{self.sentence.en} ({self.source.en})"
        return f"{self.sentence.zh}（{self.source.zh}）"

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "passed": self.passed, "text": self.text, "citation": self.citation}


def because(rule: str, passed: bool, sentence: Text, source: Text) -> Reason:
    """A reason: a condition, whether it held, and the regulation it comes from."""
    return Reason(rule, passed, sentence, source)


@dataclass(slots=True)
class ProgramResult:
    program: str  # dibao | dibao_edge | dibao_single | tekun | unsupported_child | temporary | rigid_expense
    status: str  # eligible | ineligible | needs_info
    member: str | None = None  # ID number, for the per-member programmes
    monthly_amount: int | None = None  # yuan per month
    margin: float | None = None  # see the module docstring
    care_level: str | None = None  # 特困: self | partial | full
    kind: str | None = None  # 临时救助: "急难型" | "支出型"
    max_amount: int | None = None  # 临时救助: cap per household per event, yuan
    missing_facts: list[Text] = field(default_factory=list)  # facts needed when needs_info
    reasons: list[Reason] = field(default_factory=list)
    member_name: str = ""
    gradual_exit_until: dt.date | None = None  # 低保: paid in the 渐退期 until this day (inclusive)
    tier: str | None = None  # 低保: the county's class (A/B/C) when it pays in tiers
    route: str | None = None  # 单人保: "a" (低保边缘 household), "b" (adult, severely disabled), "c" (clergy)
    valid_until: dt.date | None = None  # 刚性支出困难家庭: last day the recognition holds (≤ 12 months)

    @property
    def missing(self) -> list[str]:
        """The facts needed, in Chinese."""
        return [m.zh for m in self.missing_facts]

    def missing_in(self, language: str) -> list[str]:
        return [m.in_language(language) for m in self.missing_facts]

    @property
    def label(self) -> str:
        return PROGRAM_LABELS[self.program]

    @property
    def amount_fen(self) -> int | None:
        """The amount stored by screening: monthly amount, or the cap for 临时救助, in fen."""
        amount = self.max_amount if self.program == "temporary" else self.monthly_amount
        return None if amount is None else amount * 100

    @property
    def detail(self) -> str:
        """Care level (特困) or kind (临时救助); empty for the other programmes."""
        return self.care_level or self.kind or ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"program": self.program}
        if self.program in MEMBER_PROGRAMS:
            d["member"] = self.member
        d["status"] = self.status
        if self.program in ("dibao", "dibao_single", "tekun", "unsupported_child"):
            d["monthly_amount"] = self.monthly_amount
        if self.program in ("dibao", "dibao_edge"):
            d["margin"] = self.margin
        if self.program == "dibao":
            d["gradual_exit_until"] = self.gradual_exit_until.isoformat() if self.gradual_exit_until else None
            d["tier"] = self.tier
        if self.program == "dibao_single":
            d["route"] = self.route
        if self.program == "tekun":
            d["care_level"] = self.care_level
        if self.program == "temporary":
            d["kind"] = self.kind
            d["max_amount"] = self.max_amount
        if self.program == "rigid_expense":
            d["valid_until"] = self.valid_until.isoformat() if self.valid_until is not None else None
        d["missing"] = list(self.missing)
        d["reasons"] = [r.to_dict() for r in self.reasons]
        return d


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def policy_value_dict(v: PolicyValueLike) -> dict[str, Any]:
    return {"value": _plain(v.value), "unit": v.unit, "source": v.source, "is_default": v.is_default,
            "region": v.region, "effective_from": v.effective_from.isoformat()}


@dataclass(slots=True)
class CheckResult:
    on: dt.date
    region: str
    policy: dict[str, PolicyValueLike]
    counted_members: int
    counted_income_monthly: float
    per_capita_monthly: float
    programs: list[ProgramResult]
    area: str = ""
    table: TableChoice | None = None  # whose policy table was used, and why (使用的标准)

    def to_dict(self) -> dict[str, Any]:
        """The ``advisor-check/1`` document (see the module docstring for its conventions)."""
        return {
            "format": "advisor-check/1",
            "on": self.on.isoformat(),
            "region": self.region,
            "area": self.area,
            "policy": {key: policy_value_dict(v) for key, v in self.policy.items()},
            "household": {"counted_members": self.counted_members,
                          "counted_income_monthly": self.counted_income_monthly,
                          "per_capita_monthly": self.per_capita_monthly},
            "programs": [p.to_dict() for p in self.programs],
            "table": self.table.to_dict() if self.table is not None else None,
        }

    def program(self, program: str, member: str | None = None) -> ProgramResult | None:
        for p in self.programs:
            if p.program == program and (member is None or p.member == member):
                return p
        return None

    def explain(self) -> str:
        """A readable Chinese explanation (the CLI's text output, the desktop app's "copy")."""
        return explain_text(self)


def mask_member(id_number: str | None) -> str:
    return mask(id_number) if id_number else ""


# The readable Chinese explanation of a CheckResult (the CLI's text output, "copy" in the app).

_POLICY_LABELS = {
    "dibao_standard": "低保标准",
    "dibao_edge_multiple": "低保边缘收入倍数",
    "asset_financial_months": "金融资产限额（月数）",
    "asset_vehicles_max": "允许机动车数",
    "asset_extra_houses_max": "允许自住以外房屋数",
    "tekun_basic_multiple": "特困基本生活标准倍数",
    "tekun_basic_yearly": "特困基本生活标准",
    "temporary_emergency_min_multiple": "急难型临时救助最低倍数",
    "temporary_cap_multiple": "临时救助限额倍数",
    "orphan_standard_monthly": "孤儿基本生活保障标准",
    "disposable_income_yearly": "上年居民人均可支配收入",
    "temporary_emergency_window_months": "急难型事件期限（月）",
    "rigid_expense_share": "刚性支出占收入比例（%）",
    "care_full": "照料护理标准（完全丧失）",
    "care_partial": "照料护理标准（部分丧失）",
    "care_self": "照料护理标准（具备自理能力）",
    "care_full_dispersed": "分散供养照料护理标准（完全丧失）",
    "care_partial_dispersed": "分散供养照料护理标准（部分丧失）",
    "care_self_dispersed": "分散供养照料护理标准（具备自理能力）",
}


def _headline(p: ProgramResult) -> str:
    label = PROGRAM_LABELS[p.program]
    who = f"{p.member_name}（{mask_member(p.member)}）" if p.member else ""
    parts = [STATUS_LABELS[p.status]]
    if p.monthly_amount is not None:
        parts.append(f"每月 {p.monthly_amount} 元")
    if p.care_level:
        parts.append(CARE_LABELS[p.care_level])
    if p.kind:
        parts.append(p.kind)
    if p.max_amount is not None:
        parts.append(f"每次最多 {p.max_amount} 元")
    if p.gradual_exit_until is not None:
        parts.append(f"渐退期，继续发放至 {p.gradual_exit_until.isoformat()}")
    if p.margin is not None and p.program == "dibao":
        parts.append(f"家庭月收入再增加 {p.margin:.2f} 元将不再符合" if p.margin > 0
                     else f"家庭月收入至少需减少 {-p.margin + 0.01:.2f} 元才符合")
    if p.margin is not None and p.program == "dibao_edge" and p.status == "eligible":
        parts.append(f"家庭月收入再增加 {p.margin:.2f} 元将超出边缘线")
    return f"【{label}】{who}：" + "，".join(parts)


def explain_text(result: CheckResult) -> str:
    lines = [f"资格核对（核对日期 {result.on.isoformat()}，地区 {result.region}"
             + (f"，{AREAS.get(result.area, result.area)}" if result.area else "") + "）",
             *([result.table.text] if result.table is not None else []),
             f"计入家庭人口 {result.counted_members} 人，家庭月收入（计入部分）"
             f"{yuan(round(result.counted_income_monthly * 100))} 元，"
             f"月人均 {result.per_capita_monthly:.2f} 元"]
    if result.policy:
        lines.append("所用政策标准：")
        for key, v in result.policy.items():
            value = int(v.value) if float(v.value).is_integer() else v.value
            flag = "（默认值，县里未另行规定）" if v.is_default else ""
            label = _POLICY_LABELS.get(key) or getattr(v, "label", key)
            lines.append(f"  · {label}：{value} {v.unit}{flag}"
                         f"（{v.source}，{v.effective_from.isoformat()}起）")
    else:
        lines.append("没有该地区在该日期的政策标准。")
    for p in result.programs:
        lines.append("")
        lines.append(_headline(p))
        for r in p.reasons:
            lines.append(f"  {'✓' if r.passed else '✗'} {r.text}")
        if p.status == NEEDS_INFO:
            for m in p.missing:
                lines.append(f"  ？ 需补充：{m}")
    return "\n".join(lines) + "\n"
