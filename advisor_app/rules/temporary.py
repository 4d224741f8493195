"""临时救助 (temporary assistance), once per household.

Source: 《社会救助暂行办法》第四十七条至第四十九条; 民政部 财政部《关于进一步加强和改进临时救助工作的
意见》(2018-01-23, 民发〔2018〕23号). Two kinds (POLICY §5):

* **急难型** — a sudden event (``household.emergency``: accident, fire, disaster, serious illness…)
  that leaves the family's basic living in difficulty; help first, review afterwards ("先行救助").
  Two tests:

  - *recent*: the event lies within the window before the check date
    (``temporary_emergency_window_months``, default 3 months, counted in calendar months: on
    2023-09-01 an event on 2023-06-01 counts, one on 2023-05-31 does not; 31 May − 3 months is
    28/29 February). An event dated after the check date has not happened yet: not counted.
  - *hardship*: the 2018 opinion grants 急难型 help to families whose basic living is in serious
    difficulty because of the event, not to every family that meets one. The concrete test used
    here (the same line as 支出型 and 刚性支出困难家庭, see :mod:`.disposable`): the household's
    counted per-capita income is below the local previous-year per-capita disposable income. A
    family above it is expected to cope with the event itself. With the figure unknown the answer
    is needs_info and names it.

* **支出型** — essential expenses too high *and* counted per-capita income below the local
  previous-year per-capita disposable income (without it the answer is needs_info, naming it).
  "Too high" is decided as many Anhui county rules put it: the household's counted income over 12
  months minus the essential expenses of the last 12 months (self-paid medical + education), per
  counted member and month, falls below the 低保标准 (and there are such expenses: a family with
  none is a 低保 case, not a 支出型 one). The per-capita income compared with the disposable income is
  the income before those expenses, never a negative figure.

When 急难型 holds, 支出型 is not examined. A test that cannot be made (a figure missing) makes the
answer needs_info only when no other kind is eligible.

``max_amount`` = cap multiple (default 10) × the monthly 低保标准, per household per event, whole yuan
rounded down; larger cases go to the county's case conference (一事一议). 急难型 grants are at
least the emergency multiple (default 2) × the standard.
"""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.vocab import Text, term

from .aid_formulas import KINDS, months_before
from .context import Ctx, missing_standard, missing_value
from .dibao_formulas import NO, STATUSES
from .disposable import below_disposable
from .facts import figure, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, Reason, because

CITE = Text("《社会救助暂行办法》第四十七条至第四十九条；民政部 财政部《关于进一步加强和改进临时救助工作的意见》",
            "Interim Measures for Social Assistance, Art. 47–49; Ministry of Civil Affairs and Ministry of Finance, "
            "Opinions on Further Strengthening and Improving Temporary Assistance")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")
WINDOW = Text("急难型临时救助的事件期限（几个月内）", "time limit for a sudden event (months)")


def temporary(c: Ctx) -> ProgramResult:
    """The decisions are the formulas' (``aid_formulas``); here they are read for one household and
    worded, with the facts still missing."""
    p, t, i = c.policy, c.aid, c.row
    r = ProgramResult("temporary", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE))
        return r
    if c.facts.counted == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("members_counted", False, Text("家里没有计入的人口",
                                                                  "Nobody in the household is counted"), CITE))
        return r
    cap = None if t.cap_yuan[i] == NO else int(t.cap_yuan[i])
    _emergency(c, r)
    kind = KINDS[int(t.temporary_kind[i])]
    if kind != "急难型":
        _expense(c, r)
    r.status = STATUSES[int(t.temporary_status[i])]
    if r.status == ELIGIBLE:
        r.kind, r.max_amount = kind, cap
        if c.explain:
            _amount_reasons(c, r)
    elif r.status == INELIGIBLE:
        r.missing_facts.clear()
    return r


def _need(r: ProgramResult, what: Text) -> None:
    if what not in r.missing_facts:
        r.missing_facts.append(what)


def _emergency(c: Ctx, r: ProgramResult) -> None:
    """急难型: a recent sudden event and hardship (worded; the trace holds the decision)."""
    p, e, t, i = c.policy, c.facts.household.emergency, c.aid, c.row
    if e is None:
        if c.explain:
            r.reasons.append(because("emergency", False, Text("没有登记突发事件，不属于急难型",
                                                              "No sudden event recorded: not emergency assistance"),
                                     CITE))
        return
    event, on = term("emergency_kind", e.kind), e.date.isoformat()
    if t.emergency_future[i]:
        if c.explain:
            r.reasons.append(because(
                "emergency", False, Text(f"登记的突发事件日期 {on} 晚于核对日期，尚未发生，不计入",
                                         f"The sudden event recorded ({on}) is after the check date: it has not "
                                         "happened yet and is not counted"), CITE))
        return
    if t.window_months[i] == NO:
        _need(r, missing_value(p, WINDOW))
        if c.explain:
            r.reasons.append(because("emergency_recent", False, r.missing_facts[-1], CITE))
        return
    months = int(t.window_months[i])
    since = dt.date.fromordinal(int(t.since_day[i]))
    recent = bool(t.emergency_recent[i])
    if c.explain:
        limit = Text(f"核对日前 {months} 个月内（{since.isoformat()} 起）", f"within {months} months before the check "
                     f"date (from {since.isoformat()})") + p.default_note("temporary_emergency_window_months")
        r.reasons.append(because(
            "emergency_recent", recent,
            Text(f"家庭遭遇{event.zh}（{on}），", f"The household suffered a sudden event: {event.en.lower()} ({on}), ")
            + (Text("在", "") if recent else Text("不在", "not ")) + limit
            + (Text("，属于急难型临时救助，可先行救助、事后补充审核", ": emergency assistance, help first and review "
                    "afterwards") if recent else Text("，已不属于急难型", ": no longer emergency assistance")), CITE))
    if not recent:
        return
    test = below_disposable(c)
    if test.below is None:
        _need(r, test.sentence)
    if c.explain:
        r.reasons.append(_hardship_reason(c, test.below, test.sentence))


def _hardship_reason(c: Ctx, below: bool | None, sentence: Text) -> Reason:
    if below is None:
        return because("emergency_hardship", False, sentence + Text("，无法判断家庭是否因突发事件陷入生活困难",
                                                                   ": whether the event leaves the family in "
                                                                   "hardship cannot be decided"), CITE)
    coping = Text("，家庭有能力自行应对，不属于急难型", ": the family can cope with the event itself, not emergency "
                  "assistance")
    hardship = Text("，基本生活因突发事件陷入困难", ": the event leaves the family's basic living in difficulty")
    tail = hardship if below else coping
    return because("emergency_hardship", below, sentence + tail, CITE)


def _expense(c: Ctx, r: ProgramResult) -> None:
    """支出型: essential expenses too high and income below the disposable income (worded; the trace
    holds the decision)."""
    f, t, i = c.facts, c.aid, c.row
    n, inc = f.counted, f.income_fen
    spent, left, high = int(t.spent_fen[i]), int(t.left_fen[i]), bool(t.expense_high[i])
    if c.explain and spent == 0:
        r.reasons.append(because("essential_expenses_high", False,
                                 Text("近12个月没有医疗自付和教育等刚性支出，不属于支出型",
                                      "No self-paid medical or education costs in the last 12 months: not "
                                      "high-spending assistance"), CITE))
    elif c.explain and left < 0:
        # the costs exceed the income: say so, never a negative per-capita income
        r.reasons.append(because(
            "essential_expenses_high", True,
            Text(f"近12个月医疗自付和教育支出 {yuan(spent)} 元，超过家庭同期收入 {yuan(inc * 12)} 元（月收入 × 12），"
                 "扣除后没有剩余，低于",
                 f"Self-paid medical and education costs of {yuan(spent)} yuan in the last 12 months, more than the "
                 f"household's income over the same time, {yuan(inc * 12)} yuan (monthly income × 12): nothing is "
                 "left, below ") + c.std(), CITE))
    elif c.explain:
        per = yuan(left // (n * 12))
        relation = BELOW if high else NOT_BELOW
        r.reasons.append(because(
            "essential_expenses_high", high,
            Text(f"近12个月医疗自付和教育支出 {yuan(spent)} 元；扣除后家庭月人均收入 {per} 元，{relation.zh}",
                 f"Self-paid medical and education costs of {yuan(spent)} yuan in the last 12 months; after them, "
                 f"household income a month per person is {per} yuan, {relation.en} ") + c.std(), CITE))
    if not high:
        return
    test = below_disposable(c)
    if test.below is None:
        _need(r, test.sentence)
    if c.explain:
        r.reasons.append(because("income_below_disposable", test.below is True, test.sentence, CITE))


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


__all__ = ["CITE", "months_before", "temporary"]
