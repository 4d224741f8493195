"""最低生活保障 (低保), 低保边缘家庭 and 单人保.

* 低保 (household): counted monthly income / counted members strictly below the 低保标准, and assets
  compliant. 补差 = 标准 × counted members − counted household income, on the household total in
  integer fen, rounded **up** to whole yuan (never per person first: that gives 1-yuan errors).
* 低保边缘 (household): per-capita income ≥ the standard and < edge multiple (1.5) × the standard,
  assets compliant. All comparisons are exact integer arithmetic (fen × thousandths).
* 单人保: see :mod:`.dibao_single` (routes a, b and c). Income: :mod:`.dibao_income` (the county's
  list of excluded kinds, deductions); amount, tiers and the 渐退期: :mod:`.dibao_pay`.

Per-capita income is shown rounded *down* to the fen, so the sentence always agrees with the exact
comparison (923.997 is shown as 923.99, "below 924").
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text

from .context import Ctx, missing_standard, missing_value
from .dibao_formulas import STATUSES
from .dibao_income import income
from .dibao_pay import gradual_exit, pay
from .dibao_single import dibao_single, dibao_single_alone, dibao_single_clergy, severe_for_single
from .facts import CITE_INCOME, CITE_MEMBERS, figure, members_sentence, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE_EDGE = Text("民政部2020年7月29日新闻发布会；低保边缘家庭认定（2021年）",
                 "Ministry of Civil Affairs press conference of 29 July 2020; near-dibao households (2021)")
NO_COUNTED_MEMBERS = Text("家庭中没有可计入的成员", "No member of the household can be counted")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")


def _per_capita(income_fen: int, n: int) -> str:
    return yuan(income_fen // n) if n else "0.00"


def _common(c: Ctx, r: ProgramResult) -> None:
    f = c.facts
    r.reasons.append(because("household_members", True, members_sentence(f), CITE_MEMBERS))
    r.reasons.extend(c.excluded_income_reasons())
    r.reasons.extend(income(c).reasons)


def dibao(c: Ctx) -> ProgramResult:
    """The decisions are the formulas' (``dibao_formulas``); here they are read for one household and
    worded."""
    f, p, t, i = c.facts, c.policy, c.t, c.row
    r = ProgramResult("dibao", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE_INCOME))
        return r
    if c.explain:
        _common(c, r)
    n, inc, line = f.counted, int(t.net_fen[i]), int(t.line_fen[i])
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, NO_COUNTED_MEMBERS, CITE_MEMBERS))
        return r
    income_ok = bool(t.income_ok[i] == 1)
    r.margin = int(t.dibao_margin_fen[i]) / 100
    if c.explain:
        r.reasons.append(because(
            "income_below_standard", income_ok,
            _income_per_person(_per_capita(inc, n), BELOW if income_ok else NOT_BELOW) + c.std(), CITE_INCOME))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.missing_facts.extend(assets.missing)
    r.status = STATUSES[int(t.dibao_status[i])]
    if not income_ok and assets.ok is not False and gradual_exit(c, r):
        if r.status != ELIGIBLE:  # 渐退期: paid on at the amount last granted
            r.monthly_amount, r.gradual_exit_until = None, None
        return r
    if r.status != NEEDS_INFO:
        r.missing_facts.clear()
    if r.status == ELIGIBLE:
        pay(c, r, line, inc, n)
    return r


def dibao_edge(c: Ctx) -> ProgramResult:
    f, p, t, i = c.facts, c.policy, c.t, c.row
    r = ProgramResult("dibao_edge", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
    if p.edge_milli is None:
        r.missing_facts.append(missing_value(p, Text("低保边缘家庭收入倍数", "near-dibao income multiple")))
    if p.standard_fen is None or p.edge_milli is None:
        if c.explain:
            r.reasons.extend(because("standard_known", False, m, CITE_EDGE) for m in r.missing_facts)
        return r
    if c.explain:
        _common(c, r)
    n, inc = f.counted, int(t.net_fen[i])
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, NO_COUNTED_MEMBERS, CITE_MEMBERS))
        return r
    at_least, below_upper = bool(t.at_least[i] == 1), bool(t.below_upper[i] == 1)
    r.margin = int(t.edge_margin_fen[i]) / 100
    if c.explain:
        per = _per_capita(inc, n)
        r.reasons.append(because(
            "income_not_below_standard", at_least,
            _income_per_person(per, NOT_BELOW if at_least else BELOW) + c.std()
            + ("" if at_least else Text("，应按低保审核", ": to be assessed for dibao")), CITE_EDGE))
        upper, multiple = figure(p.standard_fen * p.edge_milli // 1000), times(p.edge_milli)
        r.reasons.append(because(
            "income_below_edge_line", below_upper,
            _income_per_person(per, BELOW if below_upper else NOT_BELOW)
            + Text(f"低保标准的 {multiple} 倍（{upper} 元）", f"{multiple} times the dibao standard ({upper} yuan)")
            + p.default_note("dibao_edge_multiple"), CITE_EDGE))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.status = STATUSES[int(t.edge_status[i])]
    if r.status == NEEDS_INFO:
        r.missing_facts.extend(assets.missing)
    return r


def _income_per_person(per: str, relation: Text) -> Text:
    """家庭月人均收入 923.99 元，低于… / Household income of 923.99 yuan a month per person, below …"""
    return Text(f"家庭月人均收入 {per} 元，{relation.zh}",
                f"Household income of {per} yuan a month per person, {relation.en} ")


__all__ = ["dibao", "dibao_edge", "dibao_single", "dibao_single_alone", "dibao_single_clergy", "severe_for_single"]
