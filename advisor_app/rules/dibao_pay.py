"""How much 低保 pays: 补差, or the county's tiers (A/B/C), plus 分类施保; and the 渐退期.

* **Tiers** (a county tier table, ``dibao_policy``): the household's gap is 低保标准 × counted members
  − counted income; the class is the first, largest ``gap_min`` first, with gap ≥ ``gap_min`` ×
  counted members (exact integers); it pays ``amount`` × counted members. A gap below every class's
  minimum is paid as 补差.
* **分类施保**: a fixed monthly supplement per counted member who is severely ill (重特大疾病),
  severely disabled (grade 1–2, or grade 3 intellectual/psychiatric), 60+ or a minor; a member of
  several kinds gets the highest one only (就高, not added up). Added to 补差 or the tier amount.
* **渐退期** (2020 《关于改革完善社会救助制度的意见》): a household recorded as receiving 低保
  (``Household.receiving``: programme ``dibao``, since a day on or before the check) whose counted
  income is at or above the line keeps 低保 at the amount last granted until the last day of the
  county's period counted from ``since`` (``since`` + N months − 1 day; default 6 months). The record
  says when the current grant began, not when the income rose: ``since`` is read as the day the amount
  now paid was last granted (the household's last decision or review), so the period never outlasts
  N months from the last grant. Past that day the household is ineligible; not receiving → no 渐退期.
"""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.household import Receipt
from advisor_app.domain.vocab import Text

from .context import Ctx
from .dibao_formulas import NO, SUPPLEMENT_ORDER
from .dibao_income import note
from .facts import ceil_yuan, figure, yuan
from .results import ProgramResult, because

CITE_TIERS = Text("《社会救助暂行办法》第十条；县（市、区）分档、分类施保规定",
                  "Interim Measures for Social Assistance, Art. 10; the county's tier and supplement rules")
CITE_EXIT = Text("《关于改革完善社会救助制度的意见》（2020年）渐退期规定",
                 "Opinions on Reforming and Improving the Social Assistance System (2020), gradual exit")
_KIND_WORDS = {"severely_ill": Text("重病患者", "seriously ill"),
               "severely_disabled": Text("重度残疾人", "severely disabled"),
               "elderly": Text("60周岁以上老年人", "aged 60 or over"), "minor": Text("未成年人", "a minor")}


def dibao_receipt(c: Ctx) -> Receipt | None:
    for r in c.facts.household.receiving:
        if r.program == "dibao" and r.since <= c.on:
            return r
    return None


def gradual_exit(c: Ctx, r: ProgramResult) -> bool:
    """For a household whose income is at or above the line: whether the 渐退期 applies (the
    formulas' ``exit_inside``; it sets amount and end day), with its reason when explaining."""
    receipt = dibao_receipt(c)
    if receipt is None:
        return False
    t, i = c.t, c.row
    months = c.policy.dibao.exit_months or 0
    end = dt.date.fromordinal(int(t.exit_end[i]))
    since, last = receipt.since.isoformat(), yuan(round(receipt.monthly_amount * 100))
    inside = bool(t.exit_inside[i])
    if c.explain:
        period = Text(f"渐退期 {months} 个月", f"a gradual exit of {months} months") + note(c.policy,
                                                                                     "dibao_gradual_exit_months")
        if inside:
            sentence = Text(f"本户自 {since} 起享受低保（每月 {last} 元），收入已不低于低保标准：", f"The household "
                            f"has received dibao since {since} ({last} yuan a month) and its income is no longer below "
                            "the standard: ") + period + Text(f"，按原标准继续发放至 {end.isoformat()}",
                                                             f", paid at the same amount until {end.isoformat()}")
        else:
            sentence = Text(f"本户自 {since} 起享受低保，收入已不低于低保标准；",
                            f"The household has received dibao since {since} and its income is no longer below "
                            "the standard; ") + period + (
                Text(f"已于 {end.isoformat()} 结束", f" ended on {end.isoformat()}") if months > 0
                else Text("，县里未设渐退期", ": the county sets none"))
        r.reasons.append(because("gradual_exit", inside, sentence, CITE_EXIT))
    if inside:
        amount = int(t.dibao_amount[i])
        r.monthly_amount = amount if amount != NO else None
        r.gradual_exit_until = end
    return inside


def severe_disabled(c: Ctx, index: int) -> bool:
    d = c.facts.members[index].member.disability
    return d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric")))


def pay(c: Ctx, r: ProgramResult, line: int, inc: int, n: int) -> None:
    """Set the eligible household's amount (the formulas' 补差 or tier, plus 分类施保), with a reason
    each."""
    p, d, t, i = c.policy, c.policy.dibao, c.t, c.row
    assert p.standard_fen is not None
    r.monthly_amount = int(t.dibao_amount[i])
    if not c.explain:
        return
    gap = line - inc
    tier = d.tiers[int(t.tier[i])] if t.tier[i] != NO else None
    base, supplement = int(t.base_fen[i]), int(t.supplement_fen[i])
    lines: list[Text] = []
    for k, mf in enumerate(c.facts.members):
        kind = int(t.member_supplement_kind[c.first + k])
        if kind != NO:
            fen, word = int(t.member_supplement_fen[c.first + k]), _KIND_WORDS[SUPPLEMENT_ORDER[kind]]
            lines.append(Text(f"{mf.member.name}（{word.zh}）{figure(fen)} 元",
                              f"{mf.member.name} ({word.en}) {figure(fen)} yuan"))
    std, income = figure(p.standard_fen), yuan(inc)
    if tier is not None:
        r.tier = tier.name
        r.reasons.append(because("amount_tier", True, Text(
            f"按{tier.name}类发放：人均差额 {yuan(gap // n)} 元，不低于 {figure(tier.gap_min_fen)} 元；每月 "
            f"{figure(tier.amount_fen)} 元 × {n} 人 = {yuan(base)} 元",
            f"Paid as class {tier.name}: the gap per person of {yuan(gap // n)} yuan is at least "
            f"{figure(tier.gap_min_fen)} yuan; {figure(tier.amount_fen)} yuan × {n} = {yuan(base)} yuan a month")
            + note(p, f"dibao_tier_{tier.name.lower()}_amount"), CITE_TIERS))
    elif d.tiers:
        r.reasons.append(because("amount_tier", True, Text(
            f"人均差额 {yuan(gap // n)} 元低于各档下限，按补差发放",
            f"The gap per person of {yuan(gap // n)} yuan is below every class: paid as a top-up"), CITE_TIERS))
    for words in lines:
        r.reasons.append(because("supplement", True, Text("分类施保：", "Supplement: ") + words
                                 + Text("/月", " a month"), CITE_TIERS))
    amount = r.monthly_amount
    if tier is None:
        r.reasons.append(because(
            "amount", True,
            Text(f"每月补差 {ceil_yuan(base)} 元 = 低保标准 {std} 元 × {n} 人 − "
                 f"家庭月收入 {income} 元（按户计算，不足1元的部分进为1元）",
                 f"Top-up of {ceil_yuan(base)} yuan a month = dibao standard {std} yuan × {n} − household income "
                 f"{income} yuan a month (for the household as a whole, rounded up to the yuan)"),
            Text("《社会救助暂行办法》第十条", "Interim Measures for Social Assistance, Art. 10")))
    if supplement:
        r.reasons.append(because("amount_total", True, Text(
            f"每月合计 {amount} 元 = {yuan(base)} 元 + 分类施保 {yuan(supplement)} 元",
            f"In all {amount} yuan a month = {yuan(base)} yuan + supplements of {yuan(supplement)} yuan"), CITE_TIERS))
