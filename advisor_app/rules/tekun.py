"""特困人员救助供养 (extreme-poverty support), assessed for each member. All must hold:

0. The person lives in the household (not serving a sentence, in compulsory rehab or 3+ years at a
   religious site: the state or the site provides for them).
1. **No work ability** (《特困人员认定办法》): 60 or older, or under 16, on the check date (the
   birthday itself counts); or intellectual/psychiatric disability grade 1–3, physical grade 1–2,
   visual grade 1. Other kinds (including 多重残疾) are for the county to judge: not assumed here.
2. **No source of livelihood**: own counted income below the 低保标准 (basic pension, 优待抚恤金 and the
   other Art. 13 exclusions are not counted) and the household's assets compliant.
3. **No legal supporter able to support.** Supporters outside the household are the recorded
   ``supporters`` (each ``able`` true/false). Inside the household the duty follows the relation to
   the head: the head and the spouse support each other; adult children (18+, relation ``child``)
   support the head and the spouse; the head supports their parents (``parent``); the head and the
   spouse support their children (``child``) — so a minor living with a parent has that parent as
   supporter. Grandchildren's parents are not in the household record: record them as supporters.
   A household supporter is unable when under 18, serving a sentence / in rehab / missing, severely
   disabled (grade 1–2, or grade 3 intellectual/psychiatric), aged 60+ with own counted income below
   the 低保标准 (what a 60+ 低保 recipient is), or aged 70+ with income below the local per-capita
   disposable income (when that figure is known).

``care_level`` (eligible only) follows the 6 daily activities: 0 lost → self, 1–3 → partial,
4–6 → full. The monthly amount is the basic living standard (the county's yearly figure / 12, or
multiple × 低保标准) plus the dispersed care standard for the level when the table has one.
"""

from __future__ import annotations

from advisor_app.domain.vocab import LIST_SEPARATOR, Text, disability, join, same, term

from .context import Ctx, missing_standard, status_of
from .facts import CITE_MEMBERS, MemberFacts, ceil_yuan, figure, not_counted_why, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = Text("《特困人员认定办法》", "Measures for Identifying People in Extreme Poverty")
CITE_WORK = CITE + Text("（无劳动能力）", ": no ability to work")
CITE_LIVING = CITE + Text("（无生活来源）", ": no source of livelihood")
CITE_SUPPORT = CITE + Text("（无履行义务能力的法定义务人）", ": no legal supporter able to support")
CITE_CARE = CITE + Text("（生活自理能力评估）", ": assessment of self-care ability")
CITE_AMOUNT = Text("当地特困人员基本生活标准和照料护理标准",
                   "the local basic living and care standards for people in extreme poverty")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")

_NO_WORK = {"intellectual": 3, "psychiatric": 3, "physical": 2, "visual": 1}


def care_level(lost: int) -> str:
    return "self" if lost == 0 else ("partial" if lost <= 3 else "full")


def no_work_ability(mf: MemberFacts) -> bool:
    if mf.age >= 60 or mf.age < 16:
        return True
    d = mf.member.disability
    return d is not None and d.grade <= _NO_WORK.get(d.kind, 0)


def _no_work_ability(mf: MemberFacts) -> tuple[bool, Text]:
    m, age = mf.member, mf.age
    if age >= 60:
        return True, Text(f"{m.name}已满60周岁（{age}岁），无劳动能力",
                          f"{m.name} is 60 or older ({age}): no ability to work")
    if age < 16:
        return True, Text(f"{m.name}未满16周岁（{age}岁），无劳动能力",
                          f"{m.name} is under 16 ({age}): no ability to work")
    d = m.disability
    if d is not None and d.grade <= _NO_WORK.get(d.kind, 0):
        grade = disability(d.kind, d.grade)
        return True, Text(f"{m.name}为{grade.zh}，无劳动能力", f"{m.name} has a {grade.en}: no ability to work")
    extra = Text("", "")
    if d is not None:
        grade = disability(d.kind, d.grade)
        extra = Text(f"，{grade.zh}不在认定范围内", f"; a {grade.en} is not among the grounds")
    return False, (Text(f"{m.name}{age}岁，在16至59周岁之间", f"{m.name} is {age}, between 16 and 59") + extra
                   + Text("，不能认定为无劳动能力", ": cannot be found unable to work"))


def _household_supporters(c: Ctx, index: int) -> list[MemberFacts]:
    members = c.facts.members
    rel = members[index].member.relation
    others = [mf for i, mf in enumerate(members) if i != index]
    if rel in ("head", "spouse"):
        partner = "spouse" if rel == "head" else "head"
        return [mf for mf in others if mf.member.relation == partner
                or (mf.member.relation == "child" and mf.age >= 18)]
    if rel == "child":
        return [mf for mf in others if mf.member.relation in ("head", "spouse")]
    if rel == "parent":
        return [mf for mf in others if mf.member.relation == "head"]
    return []


BOTH_PARENTS = Text("父母双方", "both parents")
OTHER_PARENT = Text("父母中的另一方", "the other parent")


def _absent_parents(c: Ctx, index: int) -> Text | None:
    """For a minor: which parents are not in the household record (None when both are, or adult)."""
    target = c.facts.members[index]
    if target.age >= 18:
        return None
    if target.member.relation != "child":
        return BOTH_PARENTS
    present = sum(mf.member.relation in ("head", "spouse") for mf in c.facts.members)
    return None if present >= 2 else (OTHER_PARENT if present == 1 else BOTH_PARENTS)


def _unable(c: Ctx, s: MemberFacts) -> Text | bool | None:
    """Why a household supporter cannot support (text), ``False`` when able, ``None`` when unknown."""
    m, p = s.member, c.policy
    if s.age < 18:
        return Text("未成年", "under 18")
    if m.whereabouts in ("prison", "drug_rehab", "missing"):
        where = term("whereabouts", m.whereabouts)
        return Text(where.zh, where.en.lower())
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric"))):
        return disability(d.kind, d.grade)
    if s.age >= 60:
        if p.standard_fen is None:
            return None
        if s.income_fen < p.standard_fen:
            return Text("年满60周岁且本人收入低于低保标准", "aged 60 or over with own income below the dibao standard")
    if s.age >= 70 and p.disposable_yearly_fen is not None and s.income_fen * 12 < p.disposable_yearly_fen:
        return Text("年满70周岁且本人收入低于当地居民人均可支配收入",
                    "aged 70 or over with own income below the local per-capita disposable income")
    return False


def no_able_supporter(c: Ctx, index: int) -> bool | None:
    """Condition 3 without the wording (batch screening); the same answer as the explained one."""
    h = c.facts.household
    for s in h.supporters:
        if s.able:
            return False
    unknown = False
    for mf in _household_supporters(c, index):
        why = _unable(c, mf)
        if why is False:
            return False
        if why is None:
            unknown = True
    if unknown:
        return None
    if not h.supporters and _absent_parents(c, index) is not None:
        return None
    return True


def _no_able_supporter(c: Ctx, index: int) -> tuple[bool | None, Text]:
    able: list[Text] = []
    unable: list[Text] = []
    unknown: list[Text] = []
    not_able = Text("无能力", " not able")
    for s in c.facts.household.supporters:
        # the relation and the reason are the advisor's own words: shown as typed
        who = Text(f"{s.name}（{s.relation}）", f"{s.name} ({s.relation})") if s.relation else same(s.name)
        if s.able:
            able.append(who)
        else:
            unable.append(who + not_able + (Text("：", ": ") + s.reason if s.reason else ""))
    for mf in _household_supporters(c, index):
        relation = term("relation", mf.member.relation)
        who = Text(f"{mf.member.name}（{relation.zh}，同住）",
                   f"{mf.member.name} ({relation.en.lower()}, living in the household)")
        why = _unable(c, mf)
        if why is False:
            able.append(who)
        elif why is None:
            unknown.append(who)
        elif isinstance(why, Text):
            unable.append(who + not_able + Text("：", ": ") + why)
    target = c.facts.members[index]
    name = target.member.name
    if able:
        return False, (Text(f"{name}有能够履行义务的法定赡养/抚养/扶养义务人：",
                            f"{name} has a legal supporter able to support: ") + join(LIST_SEPARATOR, able))
    if unknown:
        return None, (Text("无法判断", "Cannot tell whether ") + join(LIST_SEPARATOR, unknown)
                      + Text("是否有履行义务能力（缺少低保标准）", " can support (no dibao standard)"))
    absent = _absent_parents(c, index)
    if absent is not None and not c.facts.household.supporters:
        return None, Text(f"{name}未满18周岁，{absent.zh}不在家庭成员登记中，也没有登记家庭外的法定义务人："
                          "请补充父母的情况（是否死亡、有无抚养能力）",
                          f"{name} is under 18, {absent.en} not in the household record, and no legal supporter "
                          "outside the household is recorded: add the parents' situation (deceased or not, "
                          "able to support or not)")
    if not unable:
        return True, Text(f"{name}没有法定赡养/抚养/扶养义务人", f"{name} has no legal supporter")
    return True, (Text(f"{name}的法定义务人均无履行义务能力：", f"None of {name}'s legal supporters can support: ")
                  + join(Text("；", "; "), unable))


def tekun(c: Ctx, index: int) -> ProgramResult:
    mf = c.facts.members[index]
    m = mf.member
    explain = c.explain
    if not explain and not (mf.counted and no_work_ability(mf)):
        # A condition failed: the same answer as the full evaluation below (most adults of working age).
        return ProgramResult("tekun", INELIGIBLE, m.id_number, member_name=m.name)
    p = c.policy
    r = ProgramResult("tekun", NEEDS_INFO, member=m.id_number, member_name=m.name)
    conditions: list[bool | None] = [mf.counted]
    if explain and not mf.counted:
        r.reasons.append(because("lives_in_household", False,
                                 Text(m.name, f"{m.name}: ") + not_counted_why(m)
                                 + Text("，不作特困认定", "; not assessed for extreme poverty support"), CITE_MEMBERS))
    if explain:
        work, work_text = _no_work_ability(mf)
        r.reasons.append(because("no_work_ability", work, work_text, CITE_WORK))
    else:
        work = True  # checked above
    conditions.append(work)
    if p.standard_fen is None:
        conditions.append(None)
        r.missing_facts.append(missing_standard(p))
    else:
        own_ok = mf.income_fen < p.standard_fen
        conditions.append(own_ok)
        if explain:
            own, relation = yuan(mf.income_fen), BELOW if own_ok else NOT_BELOW
            r.reasons.append(because(
                "own_income_below_standard", own_ok,
                Text(f"{m.name}本人月收入（计入部分，不含基础养老金、优待抚恤金等）{own} 元，{relation.zh}",
                     f"{m.name}'s own counted income (without basic pension, veterans' care allowance and the "
                     f"like) of {own} yuan a month, {relation.en} ") + c.std(), CITE_LIVING))
        assets = c.assets()
        conditions.append(assets.ok)
        if explain:
            r.reasons.extend(assets.reasons)
        r.missing_facts.extend(assets.missing)
    if not explain and False in conditions:
        r.status = INELIGIBLE
        return r
    if explain:
        support, support_text = _no_able_supporter(c, index)
        r.reasons.append(because("no_able_supporter", support is True, support_text, CITE_SUPPORT))
    else:
        support = no_able_supporter(c, index)
    conditions.append(support)
    if support is None and c.policy.standard_fen is not None:
        r.missing_facts.append(Text(f"{m.name}的法定义务人（父母）情况不明：请补充是否死亡、有无抚养能力",
                                    f"The situation of {m.name}'s legal supporters (parents) is unknown: add "
                                    "whether they are deceased and whether they can support"))
    r.status = status_of(conditions)
    if r.status != NEEDS_INFO:
        r.missing_facts.clear()
    if r.status == ELIGIBLE:
        level = r.care_level = care_level(m.self_care_lost)
        _amount(c, r, level, m.self_care_lost)
    return r


def _amount(c: Ctx, r: ProgramResult, level: str, lost: int) -> None:
    p = c.policy
    basic: int | None = None
    basic_text = Text("", "")
    if p.tekun_yearly_fen is not None:
        basic = -(-p.tekun_yearly_fen // 12)
        yearly, monthly = figure(p.tekun_yearly_fen), yuan(basic)
        basic_text = (Text(f"基本生活标准每年 {yearly} 元", f"Basic living standard {yearly} yuan a year")
                      + p.default_note("tekun_basic_yearly")
                      + Text(f"，折合每月 {monthly} 元", f", that is {monthly} yuan a month"))
    elif p.tekun_multiple_milli is not None and p.standard_fen is not None:
        basic = -(-p.standard_fen * p.tekun_multiple_milli // 1000)
        std, multiple, monthly = figure(p.standard_fen), times(p.tekun_multiple_milli), yuan(basic)
        basic_text = (Text(f"基本生活标准 = 低保标准 {std} 元 × {multiple}",
                           f"Basic living standard = dibao standard {std} yuan × {multiple}")
                      + p.default_note("tekun_basic_multiple")
                      + Text(f" = 每月 {monthly} 元", f" = {monthly} yuan a month"))
    care = p.care_yearly_fen.get(level)
    care_month = None if care is None else -(-care // 12)
    if basic is not None:
        r.monthly_amount = ceil_yuan(basic + (care_month or 0))
    if c.explain:
        care_words = term("care_level", level)
        r.reasons.append(because(
            "care_level", True,
            Text(f"日常生活活动丧失 {lost} 项，{care_words.zh}",
                 f"Daily activities not managed alone: {lost}; {care_words.en.lower()}"), CITE_CARE))
        if basic is not None:
            note = p.default_note(p.care_keys.get(level, ""))
            care_text = (Text(f"；照料护理标准（分散供养）每月 {yuan(care_month)} 元",
                              f"; care standard (care at home) {yuan(care_month)} yuan a month") + note
                         if care_month is not None else
                         Text("；本地照料护理标准未录入，未计入", "; no local care standard entered, none counted"))
            total = r.monthly_amount
            r.reasons.append(because(
                "amount", True, basic_text + care_text + Text(f"；合计每月约 {total} 元",
                                                              f"; about {total} yuan a month in all"), CITE_AMOUNT))
