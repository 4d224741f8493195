"""低保 household income as the county counts it: the listed income kinds, then the deductions.

* The listed kinds (高龄津贴, 残疾人两项补贴, 医疗保险报销) are excluded from the shared facts (they are
  not in ``facts.COUNTED_INCOME``); for 低保 a county may count them (``dibao_excluded_<kind>`` = 0),
  and they are then added back here, each with its own reason line.
* 就业成本 (per working member: a counted member with wage income): fixed amount + share of the
  wage + share of the 低保标准, whichever are in force, at most that member's wage; one line each.
* 刚性支出 (where the county allows it): (self-paid medical + education of the last 12 months) / 12,
  rounded down to the fen; one line.
Income after deductions never falls below 0. With no deduction in force nothing is deducted and no
line is added. All figures are integer fen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisor_app.domain.vocab import Text, term

from .context import CITE_COUNTY_LIST, Ctx
from .context import county_note as note
from .facts import MemberFacts, figure, times, yuan
from .results import Reason, because
from .snapshot import Policy

CITE_DEDUCTION = Text("《最低生活保障审核确认办法》第十三条；县（市、区）规定的扣减项目",
                      "Measures for Reviewing and Confirming Dibao, Art. 13; deductions the county allows")


@dataclass(slots=True)
class DibaoIncome:
    gross_fen: int  # counted income of the counted members, with the listed kinds the county counts
    work_fen: int = 0  # 就业成本 deducted
    rigid_fen: int = 0  # 刚性支出 deducted
    reasons: list[Reason] = field(default_factory=list)

    @property
    def net_fen(self) -> int:
        return max(0, self.gross_fen - self.work_fen - self.rigid_fen)


def listed_counted_fen(p: Policy, mf: MemberFacts) -> int:
    """The member's income of listed kinds that the county counts for 低保 (usually 0)."""
    counted = p.dibao.counted_listed
    if not counted:
        return 0
    return sum(round(i.monthly * 100) for i in mf.member.incomes if i.kind in counted)


def income(c: Ctx) -> DibaoIncome:
    """The household's 低保 income, computed once per check (cached on the context)."""
    if c._income is None:
        c._income = dibao_income(c)
    found: DibaoIncome = c._income
    return found


def dibao_income(c: Ctx) -> DibaoIncome:
    """The figures of the formulas (``dibao_formulas``: gross, 就业成本, 刚性支出), with one reason
    line each when explaining."""
    p, f, d, t, i = c.policy, c.facts, c.policy.dibao, c.t, c.row
    out = DibaoIncome(int(t.gross_fen[i]), int(t.work_fen[c.first:c.first + len(f.members)].sum()),
                      int(t.rigid_fen[i]))
    if not c.explain or (not d.counted_listed and not d.deducts):
        return out  # the common case: nothing to add or deduct
    for k, mf in enumerate(f.members):
        if not mf.counted:
            continue
        for inc in mf.member.incomes:
            if inc.kind in d.counted_listed:
                kind, amount = term("income_kind", inc.kind), f"{inc.monthly:.2f}"
                out.reasons.append(because(
                    f"income_counted_{inc.kind}", True,
                    Text(f"{mf.member.name}的{kind.zh} {amount} 元/月按县里规定计入家庭收入",
                         f"{mf.member.name}'s {kind.en.lower()} of {amount} yuan a month is counted as "
                         "household income, as the county rules"), CITE_COUNTY_LIST))
        if int(t.work_fen[c.first + k]):
            out.reasons.append(_work_cost(c, mf, c.first + k))
    if out.rigid_fen:
        e = f.household.expenses
        medical, education = round(e.medical_selfpaid_12m * 100), round(e.education_12m * 100)
        out.reasons.append(because(
            "deduct_rigid_expense", True,
            Text(f"扣减刚性支出每月 {yuan(out.rigid_fen)} 元 = （近12个月自付医疗费用 {yuan(medical)} 元 + "
                 f"教育支出 {yuan(education)} 元）÷ 12",
                 f"Essential spending deducted: {yuan(out.rigid_fen)} yuan a month = (self-paid medical costs "
                 f"{yuan(medical)} yuan + education {yuan(education)} yuan over the last 12 months) / 12")
            + note(p, "dibao_rigid_expense_deduction"), CITE_DEDUCTION))
    if out.work_fen or out.rigid_fen:
        out.reasons.append(because(
            "income_after_deductions", True,
            Text(f"扣减后家庭月收入 {yuan(out.net_fen)} 元（扣减前 {yuan(out.gross_fen)} 元）",
                 f"Household income after deductions: {yuan(out.net_fen)} yuan a month (before: "
                 f"{yuan(out.gross_fen)} yuan)"), CITE_DEDUCTION))
    return out


def _work_cost(c: Ctx, mf: MemberFacts, j: int) -> Reason:
    """The 就业成本 line of member ``j`` (its parts as the formulas computed them)."""
    p, d, t = c.policy, c.policy.dibao, c.t
    wage = sum(round(i.monthly * 100) for i in mf.member.incomes if i.kind == "wage")
    parts: list[tuple[int, Text, str]] = []
    if d.work_fixed_fen:
        fixed = figure(d.work_fixed_fen)
        parts.append((int(t.work_fixed_fen[j]), Text(f"固定 {fixed} 元", f"a fixed {fixed} yuan"),
                      "dibao_work_cost_monthly"))
    if d.work_wage_milli:
        parts.append((int(t.work_wage_share_fen[j]), Text(f"工资 {yuan(wage)} 元的 {times(d.work_wage_milli)} 倍",
                                                         f"{times(d.work_wage_milli)} × the wage of {yuan(wage)} yuan"),
                      "dibao_work_cost_wage_share"))
    if d.work_standard_milli and p.standard_fen is not None:
        parts.append((int(t.work_standard_share_fen[j]), Text(f"低保标准的 {times(d.work_standard_milli)} 倍",
                                                             f"{times(d.work_standard_milli)} × the dibao standard"),
                      "dibao_work_cost_standard_share"))
    total = int(t.work_fen[j])
    how = Text("", "")
    for k, (_, words, key) in enumerate(parts):
        how += (Text(" + ", " + ") if k else Text("", "")) + words + note(p, key)
    over = total < sum(x for x, _, _ in parts)
    capped = Text("（以本人工资为限）", " (at most the wage)") if over else Text("", "")
    return because(
        "deduct_work_cost", True,
        Text(f"扣减{mf.member.name}的就业成本每月 {yuan(total)} 元 = ", f"Work costs of {mf.member.name} deducted: "
             f"{yuan(total)} yuan a month = ") + how + capped, CITE_DEDUCTION)


__all__ = ["CITE_COUNTY_LIST", "DibaoIncome", "dibao_income", "income", "listed_counted_fen", "note"]
