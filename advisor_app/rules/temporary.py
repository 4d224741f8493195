"""临时救助 (temporary assistance), once per household.

Source: 《社会救助暂行办法》第四十七条至第四十九条; 民政部 财政部《关于进一步加强和改进临时救助工作的
意见》(2018-01-23). Two kinds:

* **急难型** — a sudden event (``household.emergency``: accident, fire, disaster, serious illness…)
  dated on or before the check date. Eligible at once ("先行救助", reviewed afterwards).
* **支出型** — essential expenses too high *and* counted per-capita income below the local per-capita
  disposable income (``disposable_income_yearly``; without it the answer is needs_info). "Too high"
  is decided as many Anhui county rules put it: the household's counted income over 12 months minus
  the essential expenses of the last 12 months (self-paid medical + education), per counted member
  and month, falls below the 低保标准 (and there are such expenses: a family with none is a 低保 case,
  not a 支出型 one).

``max_amount`` = cap multiple (default 10) × the monthly 低保标准, per household per event, whole yuan
rounded down; larger cases go to the county's case conference (一事一议). 急难型 grants are at
least the emergency multiple (default 2) × the standard.
"""

from __future__ import annotations

from advisor_app.domain.vocab import EMERGENCY_KINDS

from .context import Ctx, missing_standard, missing_value
from .facts import figure, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = "《社会救助暂行办法》第四十七条至第四十九条；民政部 财政部《关于进一步加强和改进临时救助工作的意见》"


def temporary(c: Ctx) -> ProgramResult:
    f, p, h = c.facts, c.policy, c.facts.household
    r = ProgramResult("temporary", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE))
        return r
    std = p.standard_fen
    cap = None if p.cap_milli is None else std * p.cap_milli // 1000 // 100
    e = h.emergency
    if e is not None and e.date <= c.on:
        r.status, r.kind, r.max_amount = ELIGIBLE, "急难型", cap
        if c.explain:
            r.reasons.append(because(
                "emergency", True, f"家庭遭遇{EMERGENCY_KINDS.get(e.kind, e.kind)}（{e.date.isoformat()}），"
                "属于急难型临时救助，可先行救助、事后补充审核", CITE))
            _amount_reasons(c, r)
        return r
    if c.explain and e is not None:
        r.reasons.append(because(
            "emergency", False, f"登记的突发事件日期 {e.date.isoformat()} 晚于核对日期，不计入", CITE))
    elif c.explain:
        r.reasons.append(because("emergency", False, "没有登记突发事件，不属于急难型", CITE))
    n, inc = f.counted, f.income_fen
    if n == 0:
        r.status = INELIGIBLE
        return r
    spent = round(h.expenses.medical_selfpaid_12m * 100) + round(h.expenses.education_12m * 100)
    left = inc * 12 - spent
    high = spent > 0 and left < std * n * 12
    if c.explain and spent == 0:
        r.reasons.append(because("essential_expenses_high", False,
                                 "近12个月没有医疗自付和教育等刚性支出，不属于支出型", CITE))
    elif c.explain:
        per = left // (n * 12)
        per_text = f"{yuan(per)} 元" if left >= 0 else f"为负数（{yuan(per)} 元）"
        r.reasons.append(because(
            "essential_expenses_high", high,
            f"近12个月医疗自付和教育支出 {yuan(spent)} 元；扣除后家庭月人均收入{per_text}，"
            f"{'低于' if high else '不低于'}{c.std()}", CITE))
    if not high:
        r.status = INELIGIBLE
        return r
    if p.disposable_yearly_fen is None:
        r.missing.append(missing_value(p, "上年度居民人均可支配收入"))
        if c.explain:
            r.reasons.append(because("income_below_disposable", False, r.missing[-1], CITE))
        return r
    below = inc * 12 < p.disposable_yearly_fen * n
    if c.explain:
        r.reasons.append(because(
            "income_below_disposable", below,
            f"家庭年人均收入 {yuan(inc * 12 // n)} 元，{'低于' if below else '不低于'}"
            f"当地上年居民人均可支配收入 {figure(p.disposable_yearly_fen)} 元"
            f"{p.default_note('disposable_income_yearly')}", CITE))
    if not below:
        r.status = INELIGIBLE
        return r
    r.status, r.kind, r.max_amount = ELIGIBLE, "支出型", cap
    if c.explain:
        _amount_reasons(c, r)
    return r


def _amount_reasons(c: Ctx, r: ProgramResult) -> None:
    p = c.policy
    assert p.standard_fen is not None
    if r.max_amount is None:
        r.reasons.append(because("amount", True, missing_value(p, "临时救助限额倍数") + "，限额待定", CITE))
        return
    assert p.cap_milli is not None
    text = (f"每户每次一般不超过 {r.max_amount} 元（低保标准 {figure(p.standard_fen)} 元 × "
            f"{times(p.cap_milli)} 倍{p.default_note('temporary_cap_multiple')}），超过的提交一事一议")
    if r.kind == "急难型" and p.emergency_min_milli is not None:
        low = p.standard_fen * p.emergency_min_milli // 1000
        text += (f"；急难型救助一般不低于 {figure(low)} 元（{times(p.emergency_min_milli)} 倍"
                 f"{p.default_note('temporary_emergency_min_multiple')}）")
    r.reasons.append(because("amount", True, text, CITE))
