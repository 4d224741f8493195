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

import calendar
import datetime as dt

from advisor_app.domain.household import Receipt
from advisor_app.domain.vocab import Text

from .context import Ctx
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


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dibao_receipt(c: Ctx) -> Receipt | None:
    for r in c.facts.household.receiving:
        if r.program == "dibao" and r.since <= c.on:
            return r
    return None


def gradual_exit(c: Ctx, r: ProgramResult) -> bool:
    """For a household whose income is at or above the line: apply the 渐退期 if it is receiving
    低保 and within the period (sets amount and end day, returns True)."""
    receipt = dibao_receipt(c)
    if receipt is None:
        return False
    d = c.policy.dibao
    months = d.exit_months or 0
    end = add_months(receipt.since, months) - dt.timedelta(days=1)
    since, last = receipt.since.isoformat(), yuan(round(receipt.monthly_amount * 100))
    inside = months > 0 and c.on <= end
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
        r.monthly_amount = ceil_yuan(round(receipt.monthly_amount * 100))
        r.gradual_exit_until = end
    return inside


def severe_disabled(c: Ctx, index: int) -> bool:
    d = c.facts.members[index].member.disability
    return d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric")))


def pay(c: Ctx, r: ProgramResult, line: int, inc: int, n: int) -> None:
    """Set the eligible household's amount: 补差 or its tier, plus 分类施保, with a reason each."""
    p, d = c.policy, c.policy.dibao
    assert p.standard_fen is not None
    gap = line - inc
    tier = next((t for t in d.tiers if gap >= t.gap_min_fen * n), None)
    base = tier.amount_fen * n if tier is not None else gap
    supplement = 0
    lines: list[Text] = []
    if d.supplements_fen:
        for i, mf in enumerate(c.facts.members):
            if not mf.counted:
                continue
            kinds = {"severely_ill": mf.member.serious_illness, "severely_disabled": severe_disabled(c, i),
                     "elderly": mf.age >= 60, "minor": mf.age < 18}
            best = max(((d.supplements_fen[k], k) for k, yes in kinds.items() if yes and k in d.supplements_fen),
                       default=None)
            if best is not None:
                supplement += best[0]
                word = _KIND_WORDS[best[1]]
                lines.append(Text(f"{mf.member.name}（{word.zh}）{figure(best[0])} 元",
                                  f"{mf.member.name} ({word.en}) {figure(best[0])} yuan"))
    r.monthly_amount = ceil_yuan(base + supplement)
    if not c.explain:
        return
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
