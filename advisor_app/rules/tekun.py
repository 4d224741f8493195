"""特困人员救助供养 (extreme-poverty support), assessed for each member. All must hold:

0. The person lives in the household (not serving a sentence, in compulsory rehab or 3+ years at a
   religious site: the state or the site provides for them).
1. **No work ability** (《特困人员认定办法》): 60 or older, or under 16, on the check date (the
   birthday itself counts); or intellectual/psychiatric disability grade 1–3, physical grade 1–2,
   visual grade 1. Other kinds (including 多重残疾) are for the county to judge: not assumed here.
2. **No source of livelihood**: own counted income below the 低保标准 (basic pension, 优待抚恤金 and the
   other Art. 13 exclusions are not counted) and the household's assets compliant.
3. **No legal supporter able to support**: every person with a legal duty to support this member, by
   kinship to THAT member (spouse, parents of a minor or of a dependent adult, adult children;
   grandparents and elder siblings of a minor whose parents are dead or unable; adult grandchildren
   of a person whose children are dead or unable), is dead or unable: see :mod:`.supporters`, which
   decides both. A minor whose father or mother is not recorded: needs_info naming the parent.

``care_level`` (eligible only) follows the 6 daily activities: 0 lost → self, 1–3 → partial,
4–6 → full. The monthly amount is the basic living standard (the county's yearly figure / 12, or
multiple × 低保标准) plus the dispersed care standard for the level when the table has one.
"""

from __future__ import annotations

from advisor_app.domain.vocab import EMPTY, LIST_SEPARATOR, Text, disability, join, same, term

from .context import Ctx, missing_standard, status_of
from .facts import CITE_MEMBERS, MemberFacts, ceil_yuan, figure, not_counted_why, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because
from .supporters import ABLE, UNABLE, Family, Person, kin_word

CITE = Text("《特困人员认定办法》", "Measures for Identifying People in Extreme Poverty")
CITE_WORK = CITE + Text("（无劳动能力）", ": no ability to work")
CITE_LIVING = CITE + Text("（无生活来源）", ": no source of livelihood")
CITE_SUPPORT = CITE + Text("（无履行义务能力的法定义务人）", ": no legal supporter able to support")
CITE_CARE = CITE + Text("（生活自理能力评估）", ": assessment of self-care ability")
CITE_AMOUNT = Text("当地特困人员基本生活标准和照料护理标准",
                   "the local basic living and care standards for people in extreme poverty")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")
NOT_ABLE = Text("无能力", " not able")

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


def _who(p: Person, kin: Text) -> Text:
    if p.index is not None:
        return Text(f"{p.name}（{kin.zh}，同住）", f"{p.name} ({kin.en}, living in the household)")
    s = p.supporter
    assert s is not None
    if s.kinship:
        word = kin_word(s.kinship)
        return Text(f"{p.name}（{word.zh}）", f"{p.name} ({word.en.lower()})")
    # the relation of an advisor-household/1 file is the advisor's own words: shown as typed
    return Text(f"{p.name}（{s.relation}）", f"{p.name} ({s.relation})") if s.relation else same(p.name)


_MISSING_PARENT = {"male": Text("父亲", "father"), "female": Text("母亲", "mother")}


def supporter_verdict(fam: Family, index: int, explain: bool = True) -> tuple[bool | None, Text, list[Text]]:
    """Condition 3: (no able supporter?, the sentence, the facts needed when unknown). Without
    ``explain`` the sentence is empty; the verdict and the facts needed are the same."""
    plan, holds = fam.duty_plan(index)
    missing: list[Text] = []
    name = fam.c.facts.members[index].member.name
    able: list[Text] = []
    unable: list[Text] = []
    unknown: list[Text] = []
    found_able = found_unable = found_unknown = False
    for person, kin, mode in plan:
        if person.dead:
            found_unable = True
            if explain:
                unable.append(_who(person, kin) + Text("已故", " deceased"))
            continue
        if found_able and not explain and fam.ability_is_plain(person):
            continue  # the verdict is no whatever this one is, and asking now or later is the same
        a = fam.ability(person)
        if a.state == UNABLE:
            found_unable = True
            if explain:
                unable.append(_who(person, kin) + NOT_ABLE + (Text("：", ": ") + a.why if a.why else ""))
        elif a.state == ABLE and holds[mode] is True:
            found_able = True
            if explain:
                able.append(_who(person, kin))
        elif a.state == ABLE:
            found_unknown = True
            who = _who(person, kin)
            if explain:
                unknown.append(who)
            missing.append(Text(f"{who.zh}是否负有义务：其父母（子女）是否已故或无能力",
                                f"whether {who.en} has the duty: are the parents (children) in between "
                                "deceased or unable"))
        else:
            found_unknown = True
            if explain:
                unknown.append(_who(person, kin))
            missing.extend(a.missing)
    if fam.c.facts.members[index].age < 18:
        for sex, parent in fam.parents_of(index).items():
            if parent is None:
                found_unknown = True
                if found_able:
                    continue  # the verdict is no, whatever the parent: nothing is needed
                word = _MISSING_PARENT[sex]
                if explain:
                    unknown.append(Text(f"{word.zh}（未登记）", f"the {word.en} (not recorded)"))
                missing.append(Text(f"{name}的{word.zh}未登记：请补充其情况（是否死亡、有无抚养能力），"
                                    f"可登记为赡养人，亲属关系选“{word.zh}”，对应成员选{name}",
                                    f"{name}'s {word.en} is not recorded: add their situation (deceased or not, "
                                    f"able to support or not) as a supporter with kinship {word.en} of {name}"))
    if found_able:
        return False, (Text(f"{name}有能够履行义务的法定赡养/抚养/扶养义务人：",
                            f"{name} has a legal supporter able to support: ") + join(LIST_SEPARATOR, able)
                       if explain else EMPTY), []
    if found_unknown:
        return None, (Text(f"无法判断{name}的法定义务人", f"Cannot tell whether {name}'s legal supporters ")
                      + join(LIST_SEPARATOR, unknown)
                      + Text("是否有履行义务能力", " can support") if explain else EMPTY), list(dict.fromkeys(missing))
    if not found_unable:
        return True, (Text(f"{name}没有法定赡养/抚养/扶养义务人", f"{name} has no legal supporter")
                      if explain else EMPTY), []
    return True, (Text(f"{name}的法定义务人均无履行义务能力：", f"None of {name}'s legal supporters can support: ")
                  + join(Text("；", "; "), unable) if explain else EMPTY), []


def tekun_of(fam: Family, index: int) -> bool | None:
    """Whether the check finds member ``index`` 特困 (what a supporter's rule (i) asks).

    Judged without meeting a cycle itself (one met while judging someone else on the way is
    settled in that person's 特困, kept), the result is kept for the household's own unexplained
    result of that member: every ability it rests on is settled by then, so judging the member
    again would ask the same questions and get the same answers."""
    fam.judging.append(0)
    try:
        r = tekun(fam.c, index, fam)
    finally:
        cycles = fam.judging.pop()
    if not cycles:
        fam.settled[index] = r
    st = r.status
    return True if st == ELIGIBLE else (False if st == INELIGIBLE else None)


def family_of(c: Ctx, dibao_status: str | None = None) -> Family:
    return Family(c, dibao_status, tekun_of)


def tekun(c: Ctx, index: int, family: Family | None = None) -> ProgramResult:
    mf = c.facts.members[index]
    m = mf.member
    explain = c.explain
    if not explain and not (mf.counted and no_work_ability(mf)):
        # A condition failed: the same answer as the full evaluation below (most adults of working age).
        return ProgramResult("tekun", INELIGIBLE, m.id_number, member_name=m.name)
    if not explain and family is not None and family.c is c:
        settled: ProgramResult | None = family.settled.pop(index, None)
        if settled is not None:  # judged already, as a supporter of someone else
            return settled
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
    fam = family if family is not None else family_of(c)
    support, support_text, needed = supporter_verdict(fam, index, explain)
    if explain:
        r.reasons.append(because("no_able_supporter", support is True, support_text, CITE_SUPPORT))
    conditions.append(support)
    r.missing_facts.extend(needed)
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
    explain = c.explain
    if p.tekun_yearly_fen is not None:
        basic = -(-p.tekun_yearly_fen // 12)
    elif p.tekun_multiple_milli is not None and p.standard_fen is not None:
        basic = -(-p.standard_fen * p.tekun_multiple_milli // 1000)
    if not explain:  # batch screening: the amount alone
        care = p.care_yearly_fen.get(level)
        if basic is not None:
            r.monthly_amount = ceil_yuan(basic + (0 if care is None else -(-care // 12)))
        return
    if p.tekun_yearly_fen is not None:
        assert basic is not None
        yearly, monthly = figure(p.tekun_yearly_fen), yuan(basic)
        basic_text = (Text(f"基本生活标准每年 {yearly} 元", f"Basic living standard {yearly} yuan a year")
                      + p.default_note("tekun_basic_yearly")
                      + Text(f"，折合每月 {monthly} 元", f", that is {monthly} yuan a month"))
    elif p.tekun_multiple_milli is not None and p.standard_fen is not None:
        assert basic is not None
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
