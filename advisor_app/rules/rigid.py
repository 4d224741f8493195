"""刚性支出困难家庭 (household in hardship from essential spending), once per household, from 2025-01-01.

Source: 国务院办公厅转发民政部等单位《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》
(国办发〔2023〕39号); in the shipped rules from 2025-01-01 (POLICY §6). Before that day the programme
is not assessed at all: :func:`assessed_on` is false and ``check_household`` leaves it out.

Two tests, both needed:

* **income**: the household's counted per-capita income is below the local previous-year
  per-capita disposable income (:mod:`.disposable`; the figure unknown → needs_info naming it);
* **essential spending**: self-paid medical plus education costs of the last 12 months
  (``household.expenses``) are above a locally set share of the household's counted income over the
  same 12 months (monthly income × 12). The share is the policy key ``rigid_expense_share`` in
  percent; the shipped default is 50 % (no national figure: counties set their own). No such costs
  at all → not a 刚性支出 case.

The family's assets are not tested here (the 39号 opinion leaves that rule to the province; the 低保
asset limits are not it). The status is recognised for at most 12 months: the reason says until
which day (the check date + 12 months − 1 day), and ``valid_until`` in the JSON gives the same day.
There is no monthly payment: like 低保边缘, the status opens specialised assistance (medical,
education, housing …) and is kept alongside the family's other programmes.
"""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.vocab import Text

from .context import Ctx, missing_value
from .dibao_formulas import STATUSES
from .disposable import below_disposable
from .facts import yuan
from .results import ELIGIBLE, INELIGIBLE, ProgramResult, because

START = dt.date(2025, 1, 1)
VALID_MONTHS = 12
CITE = Text("国务院办公厅转发民政部等单位《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》"
            "（国办发〔2023〕39号）",
            "General Office of the State Council, Opinions on Dynamic Monitoring of Low-Income People and Tiered, "
            "Classified Social Assistance (2023, No. 39)")
SHARE = Text("刚性支出困难家庭的支出比例", "share of income for essential-spending hardship")


def assessed_on(on: dt.date) -> bool:
    """刚性支出困难家庭 exists on ``on`` (from 2025-01-01)."""
    return on >= START


def valid_until(on: dt.date) -> dt.date:
    """The last day of a recognition made on ``on``: 12 months later, less one day."""
    y, m = divmod(on.year * 12 + on.month - 1 + VALID_MONTHS, 12)
    try:
        return dt.date(y, m + 1, on.day) - dt.timedelta(days=1)
    except ValueError:  # 29 February → the last day of February a year later
        return dt.date(y, m + 1, 28)


def rigid_expense(c: Ctx) -> ProgramResult:
    """The decisions are the formulas' (``aid_formulas``); here they are read for one household and
    worded, with the facts still missing."""
    f, p, t, i = c.facts, c.policy, c.aid, c.row
    r = ProgramResult("rigid_expense", INELIGIBLE)
    if f.counted == 0:
        if c.explain:
            r.reasons.append(because("members_counted", False, Text("家里没有计入的人口",
                                                                  "Nobody in the household is counted"), CITE))
        return r
    income = below_disposable(c)
    if income.below is None:
        r.missing_facts.append(income.sentence)
    if c.explain:
        r.reasons.append(because("income_below_disposable", income.below is True, income.sentence, CITE))
    spent, yearly = int(t.spent_fen[i]), int(t.yearly_fen[i])
    share = p.values.get("rigid_expense_share")
    if spent == 0:
        if c.explain:
            r.reasons.append(because("essential_spending_high", False,
                                     Text("近12个月没有医疗自付和教育支出，不属于刚性支出困难家庭",
                                          "No self-paid medical or education costs in the last 12 months: not a "
                                          "household in hardship from essential spending"), CITE))
    elif share is None:
        r.missing_facts.append(missing_value(p, SHARE))
        if c.explain:
            r.reasons.append(because("essential_spending_high", False, r.missing_facts[-1], CITE))
    elif c.explain:
        high = bool(t.spending_high[i] == 1)
        pct = f"{share.value:g}"
        relation = Text("超过", "above") if high else Text("未超过", "not above")
        r.reasons.append(because(
            "essential_spending_high", high,
            Text(f"近12个月医疗自付和教育支出 {yuan(spent)} 元，{relation.zh}家庭同期收入 {yuan(yearly)} 元"
                 f"（月收入 × 12）的 {pct}%",
                 f"Self-paid medical and education costs of {yuan(spent)} yuan in the last 12 months, "
                 f"{relation.en} {pct}% of the household's income over the same time, {yuan(yearly)} yuan "
                 "(monthly income × 12)") + p.default_note("rigid_expense_share"), CITE))
    r.status = STATUSES[int(t.rigid_status[i])]
    if r.status == INELIGIBLE:
        r.missing_facts.clear()
    if r.status == ELIGIBLE:
        r.valid_until = valid_until(c.on)
    if r.valid_until is not None and c.explain:
        until = r.valid_until.isoformat()
        r.reasons.append(because(
            "valid_12_months", True,
            Text(f"认定有效期不超过12个月（至 {until}），期满要重新核对",
                 f"The status holds for at most 12 months (until {until}) and must then be checked again"), CITE))
    return r
