"""The two sentences a family hears first (part of :mod:`.explanation`), in Chinese and in English:
what it can apply for and how much, and why — or what is still missing, or the condition that failed.

"您家每月可以申请低保 1,648 元，因为家庭月人均收入 100.00 元，低于本地低保标准 924 元。"
"Your family can apply for Dibao of 1,648 yuan a month, because the family's monthly income per
person, 100.00 yuan, is below the local Dibao standard of 924 yuan."
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor_app.domain.vocab import Text, label

from .recommendation import Pick, Recommendation
from .results import INELIGIBLE, NEEDS_INFO, CheckResult, ProgramResult, Reason
from .snapshot import DEFAULT_NOTE
from .wording import family_name, money, the_others

CLOSING = Text("最后能领多少，以乡镇审核、县民政部门审批的结果为准。",
               "The final amount is decided by the township's review and the county civil affairs "
               "bureau's approval.")
COME_BACK = Text("家里收入、人口或财产有变化时，可以再核对一次。",
                 "If the family's income, members or property change, it can be checked again.")


def _and(items: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clause(phrase: str) -> str:
    """A reason's English sentence inside another sentence: its first letter small ("ID" stays)."""
    return phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase


def plain(reason: Reason) -> Text:
    """A reason's sentence for the summary: without the default notes."""
    return Text(reason.sentence.zh.replace(DEFAULT_NOTE.zh, ""),
                _clause(reason.sentence.en.replace(DEFAULT_NOTE.en, "")))


def _per_capita(value: float) -> str:
    return f"{value:,.2f}"


def _who(p: Pick, result: CheckResult) -> Text:
    if p.member is not None:
        return Text(p.member_name, p.member_name)
    if p.program == "dibao" and p.people is not None and p.people < result.counted_members:
        return Text(f"家里其他 {p.people} 人", f"{the_others(p.people)} in your family")
    return Text("", "")


def _offer(p: Pick, result: CheckResult) -> Text:
    """"每月可以申请低保 1,548 元" / "Your family can apply for Dibao of 1,548 yuan a month"."""
    name, who = family_name(p.program), _who(p, result)
    subject = who.en[:1].upper() + who.en[1:] if who.en else "Your family"
    if p.monthly_amount is not None:
        amount = money(p.monthly_amount)
        return Text(f"{who.zh}每月可以申请{name.zh} {amount} 元",
                    f"{subject} can apply for {name.en} of {amount} yuan a month")
    if p.max_amount is not None:
        kind = label("temporary_kind", str(p.kind), "en").lower()
        return Text(f"可以申请{name.zh}（{p.kind}），每次一般最多 {money(p.max_amount)} 元",
                    f"Your family can apply for {name.en} ({kind}), usually up to {money(p.max_amount)} yuan "
                    "each time")
    return Text(f"{who.zh}可以申请{name.zh}", f"{subject} can apply for {name.en}")


def _item(p: Pick, result: CheckResult) -> Text:
    """"吴晓霞的特困人员救助供养每月 2,061 元" (one of several picks)."""
    name, who = family_name(p.program), _who(p, result)
    whose, for_whom = (f"{who.zh}的", f" for {who.en}") if who.zh else ("", "")
    if p.monthly_amount is not None:
        amount = money(p.monthly_amount)
        return Text(f"{whose}{name.zh}每月 {amount} 元", f"{name.en}{for_whom}, {amount} yuan a month")
    if p.max_amount is not None:
        kind = label("temporary_kind", str(p.kind), "en").lower()
        return Text(f"{name.zh}（{p.kind}，每次最多 {money(p.max_amount)} 元）",
                    f"{name.en} ({kind}, up to {money(p.max_amount)} yuan each time)")
    if p.note:
        return Text(f"{whose}{name.zh}（金额待核算）", f"{name.en}{for_whom} (amount still to be worked out)")
    return Text(f"{whose}{name.zh}", f"{name.en}{for_whom}")


def _standard(result: CheckResult) -> Text:
    std = result.policy.get("dibao_standard")
    if std is None:
        return Text("本地低保标准", "the local Dibao standard")
    value = f"{std.value:,.0f}" if float(std.value).is_integer() else f"{std.value:,.2f}"
    return Text(f"本地低保标准 {value} 元", f"the local Dibao standard of {value} yuan")


def _why(p: Pick, result: CheckResult, rest: CheckResult | None) -> Text:
    name, std = p.member_name, _standard(result)
    per = _per_capita(result.per_capita_monthly)
    if p.program == "dibao":
        if p.people is not None and p.people < result.counted_members:
            if rest is None:
                return Text(f"其他家人的收入低于{std.zh}", f"the income of the other family members is below {std.en}")
            others = _per_capita(rest.per_capita_monthly)
            return Text(f"其他家人月人均收入 {others} 元，低于{std.zh}",
                        f"the other family members' monthly income per person, {others} yuan, is below {std.en}")
        return Text(f"家庭月人均收入 {per} 元，低于{std.zh}",
                    f"the family's monthly income per person, {per} yuan, is below {std.en}")
    if p.program == "dibao_edge":
        multiple = result.policy.get("dibao_edge_multiple")
        times = (Text(f"{multiple.value:g} 倍", f"{multiple.value:g} times that standard") if multiple is not None
                 else Text("低保边缘线", "the near-Dibao line"))
        return Text(f"家庭月人均收入 {per} 元，不低于{std.zh}，但低于它的 {times.zh}",
                    f"the family's monthly income per person, {per} yuan, is not below {std.en} but is below "
                    f"{times.en}")
    if p.program == "dibao_single":
        found = result.program(p.program, p.member)
        if found is not None and found.route == "b":
            return Text(f"{name}已成年、重度残疾、没有工作收入，本人收入低于{std.zh}，"
                        "可以不论家庭收入，单独按一人申请低保",
                        f"{name} is an adult, severely disabled, without work income and with own income below "
                        f"{std.en}, so {name} can apply for Dibao alone, whatever the family's income")
        return Text(f"{name}重度残疾或患重特大疾病，家里是低保边缘家庭，可以单独按一人申请低保",
                    f"{name} is severely disabled or seriously ill and the family is a near-Dibao family, so "
                    f"{name} can apply for Dibao as a household of one")
    if p.program == "tekun":
        return Text(f"{name}没有劳动能力，本人收入低于{std.zh}，也没有能供养的亲人",
                    f"{name} cannot work, has own income below {std.en} and has no relative able to provide support")
    if p.program == "unsupported_child":
        return Text(f"{name}的父母都不能抚养（重残、重病、服刑或失联等）",
                    f"neither of {name}'s parents can raise the child (because of severe disability, serious "
                    "illness, prison, loss of contact or the like)")
    if p.program == "rigid_expense":
        return Text("家庭人均收入低于当地上年度人均可支配收入，近12个月看病、上学等必需的支出超出家庭承受能力",
                    "the family's income per person is below last year's local per-capita disposable income, and "
                    "essential spending on medical care and schooling in the last 12 months is more than the family "
                    "can bear")
    if p.program == "temporary":
        return (Text("家里遭遇突发困难，可以先救助、后补审核",
                     "the family has met a sudden hardship, and help can be given first and reviewed afterwards")
                if p.kind == "急难型" else
                Text("医疗、教育等必需的支出太大，家里生活困难",
                     "essential spending on medical care, schooling and the like is too high for the family "
                     "to live on"))
    found = result.program(p.program, p.member)
    passed = [r for r in (found.reasons if found else []) if r.passed]
    return plain(passed[-1]) if passed else Text("符合条件", "the conditions are met")


def _labels(programs: list[ProgramResult]) -> Text:
    seen: list[str] = []
    for p in programs:
        if p.program not in seen:
            seen.append(p.program)
    return Text("、".join(label("program", s) for s in seen), _and([family_name(s).en for s in seen]))


def summary(result: CheckResult, rec: Recommendation, rest: CheckResult | None = None) -> tuple[Text, Text]:
    """Two sentences: what the family can apply for (or why not, or what is missing) and why."""
    picks = rec.apply_for
    waiting = [q for q in result.programs if q.status == NEEDS_INFO]
    if len(picks) == 1:
        p = picks[0]
        offer, why = _offer(p, result), _why(p, result, rest)
        names = _labels(waiting)
        second = (Text(f"{names.zh}还要补充情况才能判断，请看下面的说明。",
                       f"More information is needed to decide on {names.en}; see the notes below.")
                  if waiting else CLOSING)
        return Text(f"您家{offer.zh}，因为{why.zh}。", f"{offer.en}, because {why.en}."), second
    if picks:
        total = rec.monthly_total
        monthly = sum(p.monthly_amount is not None for p in picks)
        items = [_item(p, result) for p in picks]
        whys = [_why(p, result, rest) for p in picks]
        in_all = total is not None and monthly >= 2
        first = Text(f"您家可以申请：{'；'.join(i.zh for i in items)}"
                     + (f"，合计每月 {money(total)} 元。" if in_all and total is not None else "。"),
                     f"Your family can apply for: {'; '.join(i.en for i in items)}"
                     + (f"; {money(total)} yuan a month in all." if in_all and total is not None else "."))
        reasons_en = "; ".join(w.en for w in whys[:-1]) + "; and " + whys[-1].en if len(whys) > 1 else whys[0].en
        return first, Text(f"因为{'；'.join(w.zh for w in whys)}。", f"This is because {reasons_en}.")
    if waiting:
        missing = list(dict.fromkeys(m for p in waiting for m in p.missing_facts))
        names = _labels(waiting)
        first = Text(f"现在还不能确定您家能不能申请{names.zh}，因为还缺少一些情况。",
                     f"It cannot be decided yet whether your family can apply for {names.en}, because some "
                     "information is still missing.")
        if not missing:
            return first, Text("请看下面的说明。", "See the notes below.")
        more = (Text(f"（共 {len(missing)} 项，见下面的说明）", f" ({len(missing)} items in all, see the notes below)")
                if len(missing) > 1 else Text("", ""))
        need = missing[0]
        return first, Text(f"需要补充：{need.zh.rstrip('。')}{more.zh}。",
                           f"Still needed: {need.en.rstrip('.')}{more.en}.")
    why_not = _why_not(result)
    return (Text(f"按现在登记的情况，您家暂时不符合低保、特困等救助条件，因为{why_not.zh}。",
                 f"As things are recorded now, your family does not qualify for Dibao, extreme poverty support "
                 f"or other assistance: {why_not.en}."), COME_BACK)


def _why_not(result: CheckResult) -> Text:
    """The first condition that failed, 低保 first (the programme most families are checked for)."""
    ordered = sorted(result.programs, key=lambda p: p.program != "dibao")
    for p in ordered:
        if p.status == INELIGIBLE:
            for r in p.reasons:
                if not r.passed:
                    return plain(r)
    return Text("各项条件都不满足", "none of the conditions is met")
