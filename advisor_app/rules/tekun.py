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

from advisor_app.domain.vocab import DISABILITY_GRADES, DISABILITY_KINDS, RELATIONS, WHEREABOUTS

from .context import Ctx, missing_standard, status_of
from .facts import CITE_MEMBERS, MemberFacts, ceil_yuan, figure, not_counted_why, times, yuan
from .results import CARE_LABELS, ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = "《特困人员认定办法》"
CITE_WORK = CITE + "（无劳动能力）"
CITE_LIVING = CITE + "（无生活来源）"
CITE_SUPPORT = CITE + "（无履行义务能力的法定义务人）"
CITE_CARE = CITE + "（生活自理能力评估）"
CITE_AMOUNT = "当地特困人员基本生活标准和照料护理标准"

_NO_WORK = {"intellectual": 3, "psychiatric": 3, "physical": 2, "visual": 1}


def care_level(lost: int) -> str:
    return "self" if lost == 0 else ("partial" if lost <= 3 else "full")


def no_work_ability(mf: MemberFacts) -> bool:
    if mf.age >= 60 or mf.age < 16:
        return True
    d = mf.member.disability
    return d is not None and d.grade <= _NO_WORK.get(d.kind, 0)


def _no_work_ability(mf: MemberFacts) -> tuple[bool, str]:
    m, age = mf.member, mf.age
    if age >= 60:
        return True, f"{m.name}已满60周岁（{age}岁），无劳动能力"
    if age < 16:
        return True, f"{m.name}未满16周岁（{age}岁），无劳动能力"
    d = m.disability
    if d is not None and d.grade <= _NO_WORK.get(d.kind, 0):
        return True, f"{m.name}为{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}，无劳动能力"
    extra = f"，{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}不在认定范围内" if d else ""
    return False, f"{m.name}{age}岁，在16至59周岁之间{extra}，不能认定为无劳动能力"


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


def _absent_parents(c: Ctx, index: int) -> str:
    """For a minor: which parents are not in the household record ("" when both are, or adult)."""
    target = c.facts.members[index]
    if target.age >= 18:
        return ""
    if target.member.relation != "child":
        return "父母双方"
    present = sum(mf.member.relation in ("head", "spouse") for mf in c.facts.members)
    return "" if present >= 2 else ("父母中的另一方" if present == 1 else "父母双方")


def _unable(c: Ctx, s: MemberFacts) -> str | bool | None:
    """Why a household supporter cannot support (text), ``False`` when able, ``None`` when unknown."""
    m, p = s.member, c.policy
    if s.age < 18:
        return "未成年"
    if m.whereabouts in ("prison", "drug_rehab", "missing"):
        return WHEREABOUTS[m.whereabouts]
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric"))):
        return f"{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}"
    if s.age >= 60:
        if p.standard_fen is None:
            return None
        if s.income_fen < p.standard_fen:
            return "年满60周岁且本人收入低于低保标准"
    if s.age >= 70 and p.disposable_yearly_fen is not None and s.income_fen * 12 < p.disposable_yearly_fen:
        return "年满70周岁且本人收入低于当地居民人均可支配收入"
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
    if not h.supporters and _absent_parents(c, index):
        return None
    return True


def _no_able_supporter(c: Ctx, index: int) -> tuple[bool | None, str]:
    able: list[str] = []
    unable: list[str] = []
    unknown: list[str] = []
    for s in c.facts.household.supporters:
        who = f"{s.name}（{s.relation}）" if s.relation else s.name
        if s.able:
            able.append(who)
        else:
            unable.append(f"{who}无能力：{s.reason}" if s.reason else f"{who}无能力")
    for mf in _household_supporters(c, index):
        who = f"{mf.member.name}（{RELATIONS[mf.member.relation]}，同住）"
        why = _unable(c, mf)
        if why is False:
            able.append(who)
        elif why is None:
            unknown.append(who)
        else:
            unable.append(f"{who}无能力：{why}")
    target = c.facts.members[index]
    name = target.member.name
    if able:
        return False, f"{name}有能够履行义务的法定赡养/抚养/扶养义务人：{'、'.join(able)}"
    if unknown:
        return None, f"无法判断{'、'.join(unknown)}是否有履行义务能力（缺少低保标准）"
    absent = _absent_parents(c, index)
    if absent and not c.facts.household.supporters:
        return None, (f"{name}未满18周岁，{absent}不在家庭成员登记中，也没有登记家庭外的法定义务人："
                      "请补充父母的情况（是否死亡、有无抚养能力）")
    if not unable:
        return True, f"{name}没有法定赡养/抚养/扶养义务人"
    return True, f"{name}的法定义务人均无履行义务能力：{'；'.join(unable)}"


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
                                 f"{m.name}{not_counted_why(m)}，不作特困认定", CITE_MEMBERS))
    if explain:
        work, work_text = _no_work_ability(mf)
        r.reasons.append(because("no_work_ability", work, work_text, CITE_WORK))
    else:
        work = True  # checked above
    conditions.append(work)
    if p.standard_fen is None:
        conditions.append(None)
        r.missing.append(missing_standard(p))
    else:
        own_ok = mf.income_fen < p.standard_fen
        conditions.append(own_ok)
        if explain:
            r.reasons.append(because(
                "own_income_below_standard", own_ok,
                f"{m.name}本人月收入（计入部分，不含基础养老金、优待抚恤金等）{yuan(mf.income_fen)} 元，"
                f"{'低于' if own_ok else '不低于'}{c.std()}", CITE_LIVING))
        assets = c.assets()
        conditions.append(assets.ok)
        if explain:
            r.reasons.extend(assets.reasons)
        r.missing.extend(assets.missing)
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
        r.missing.append(f"{m.name}的法定义务人（父母）情况不明：请补充是否死亡、有无抚养能力")
    r.status = status_of(conditions)
    if r.status != NEEDS_INFO:
        r.missing.clear()
    if r.status == ELIGIBLE:
        level = r.care_level = care_level(m.self_care_lost)
        _amount(c, r, level, m.self_care_lost)
    return r


def _amount(c: Ctx, r: ProgramResult, level: str, lost: int) -> None:
    p = c.policy
    basic: int | None = None
    basic_text = ""
    if p.tekun_yearly_fen is not None:
        basic = -(-p.tekun_yearly_fen // 12)
        basic_text = (f"基本生活标准每年 {figure(p.tekun_yearly_fen)} 元"
                      f"{p.default_note('tekun_basic_yearly')}，折合每月 {yuan(basic)} 元")
    elif p.tekun_multiple_milli is not None and p.standard_fen is not None:
        basic = -(-p.standard_fen * p.tekun_multiple_milli // 1000)
        basic_text = (f"基本生活标准 = 低保标准 {figure(p.standard_fen)} 元 × {times(p.tekun_multiple_milli)}"
                      f"{p.default_note('tekun_basic_multiple')} = 每月 {yuan(basic)} 元")
    care = p.care_yearly_fen.get(level)
    care_month = None if care is None else -(-care // 12)
    if basic is not None:
        r.monthly_amount = ceil_yuan(basic + (care_month or 0))
    if c.explain:
        r.reasons.append(because(
            "care_level", True,
            f"日常生活活动丧失 {lost} 项，{CARE_LABELS[level]}", CITE_CARE))
        if basic is not None:
            note = p.default_note(p.care_keys.get(level, ""))
            care_text = (f"；照料护理标准（分散供养）每月 {yuan(care_month)} 元{note}"
                         if care_month is not None else "；本地照料护理标准未录入，未计入")
            r.reasons.append(because(
                "amount", True, f"{basic_text}{care_text}；合计每月约 {r.monthly_amount} 元", CITE_AMOUNT))
