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

from advisor_app.domain.vocab import Text, term

from .context import Ctx, missing_standard, missing_value
from .facts import figure, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = Text("《社会救助暂行办法》第四十七条至第四十九条；民政部 财政部《关于进一步加强和改进临时救助工作的意见》",
            "Interim Measures for Social Assistance, Art. 47–49; Ministry of Civil Affairs and Ministry of Finance, "
            "Opinions on Further Strengthening and Improving Temporary Assistance")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")


def temporary(c: Ctx) -> ProgramResult:
    f, p, h = c.facts, c.policy, c.facts.household
    r = ProgramResult("temporary", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE))
        return r
    std = p.standard_fen
    cap = None if p.cap_milli is None else std * p.cap_milli // 1000 // 100
    e = h.emergency
    if e is not None and e.date <= c.on:
        r.status, r.kind, r.max_amount = ELIGIBLE, "急难型", cap
        if c.explain:
            event, on = term("emergency_kind", e.kind), e.date.isoformat()
            r.reasons.append(because(
                "emergency", True, Text(f"家庭遭遇{event.zh}（{on}），属于急难型临时救助，可先行救助、事后补充审核",
                                        f"The household suffered a sudden event: {event.en.lower()} ({on}). This is "
                                        "emergency assistance: help first, review afterwards"), CITE))
            _amount_reasons(c, r)
        return r
    if c.explain and e is not None:
        on = e.date.isoformat()
        r.reasons.append(because(
            "emergency", False, Text(f"登记的突发事件日期 {on} 晚于核对日期，不计入",
                                     f"The sudden event recorded ({on}) is after the check date: not counted"), CITE))
    elif c.explain:
        r.reasons.append(because("emergency", False, Text("没有登记突发事件，不属于急难型",
                                                          "No sudden event recorded: not emergency assistance"), CITE))
    n, inc = f.counted, f.income_fen
    if n == 0:
        r.status = INELIGIBLE
        return r
    spent = round(h.expenses.medical_selfpaid_12m * 100) + round(h.expenses.education_12m * 100)
    left = inc * 12 - spent
    high = spent > 0 and left < std * n * 12
    if c.explain and spent == 0:
        r.reasons.append(because("essential_expenses_high", False,
                                 Text("近12个月没有医疗自付和教育等刚性支出，不属于支出型",
                                      "No self-paid medical or education costs in the last 12 months: not "
                                      "high-spending assistance"), CITE))
    elif c.explain:
        per = yuan(left // (n * 12))
        per_text = (Text(f"{per} 元", f"{per} yuan") if left >= 0 else
                    Text(f"为负数（{per} 元）", f"negative ({per} yuan)"))
        relation = BELOW if high else NOT_BELOW
        r.reasons.append(because(
            "essential_expenses_high", high,
            Text(f"近12个月医疗自付和教育支出 {yuan(spent)} 元；扣除后家庭月人均收入",
                 f"Self-paid medical and education costs of {yuan(spent)} yuan in the last 12 months; after them, "
                 "household income a month per person is ") + per_text
            + Text(f"，{relation.zh}", f", {relation.en} ") + c.std(), CITE))
    if not high:
        r.status = INELIGIBLE
        return r
    if p.disposable_yearly_fen is None:
        r.missing_facts.append(missing_value(p, Text("上年度居民人均可支配收入",
                                                     "per-capita disposable income of last year")))
        if c.explain:
            r.reasons.append(because("income_below_disposable", False, r.missing_facts[-1], CITE))
        return r
    below = inc * 12 < p.disposable_yearly_fen * n
    if c.explain:
        yearly, local, relation = yuan(inc * 12 // n), figure(p.disposable_yearly_fen), BELOW if below else NOT_BELOW
        r.reasons.append(because(
            "income_below_disposable", below,
            Text(f"家庭年人均收入 {yearly} 元，{relation.zh}当地上年居民人均可支配收入 {local} 元",
                 f"Household income of {yearly} yuan a year per person, {relation.en} the local per-capita "
                 f"disposable income of last year, {local} yuan") + p.default_note("disposable_income_yearly"), CITE))
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
        r.reasons.append(because("amount", True, missing_value(p, Text("临时救助限额倍数", "temporary assistance cap "
                                                                       "multiple")) + Text("，限额待定", ": the cap is "
                                                                                           "still to be set"), CITE))
        return
    assert p.cap_milli is not None
    cap, std, multiple = r.max_amount, figure(p.standard_fen), times(p.cap_milli)
    text = (Text(f"每户每次一般不超过 {cap} 元（低保标准 {std} 元 × {multiple} 倍",
                 f"Usually at most {cap} yuan per household and event (dibao standard {std} yuan × {multiple}")
            + p.default_note("temporary_cap_multiple")
            + Text("），超过的提交一事一议", "); larger cases go to the case conference"))
    if r.kind == "急难型" and p.emergency_min_milli is not None:
        low, low_multiple = figure(p.standard_fen * p.emergency_min_milli // 1000), times(p.emergency_min_milli)
        text += (Text(f"；急难型救助一般不低于 {low} 元（{low_multiple} 倍",
                      f"; emergency assistance is usually at least {low} yuan ({low_multiple} times")
                 + p.default_note("temporary_emergency_min_multiple") + Text("）", ")"))
    r.reasons.append(because("amount", True, text, CITE))
