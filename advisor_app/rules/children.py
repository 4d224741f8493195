"""事实无人抚养儿童 (de-facto unsupported children), assessed for each member under 18.

Source: 《关于进一步加强事实无人抚养儿童保障工作的意见》(民发〔2019〕62号). Both parents — or the
surviving one — must each be: severely disabled (grade 1–2, or grade 3–4 intellectual/psychiatric),
seriously ill, in prison or compulsory rehab for 6 months or more, or out of contact for 6 months or
more. The parents are taken from the household record: a member with relation ``child`` has the
head and the spouse as parents. A parent who is not in the household record (a grandchild's
parents, a missing spouse of the head, a deceased parent) is told about in ``supporters`` with a
relation such as 父亲/母亲: ``able: false`` with its reason (已故, 服刑, 失联 …, as the advisor
established it) counts as unable, ``able: true`` as able. A parent neither in the record nor among
the supporters is *unknown*: if every known parent is unable, the result is needs_info and names the
parent to ask about; if a known parent is able, the child is ineligible whatever the unknown
parent's situation.
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text, disability, term

from .context import Ctx
from .facts import MemberFacts, figure
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = Text("《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）",
            "Opinions on Further Strengthening the Protection of De Facto Unsupported Children "
            "(Ministry of Civil Affairs, 2019, No. 62)")
MONTHS_AWAY = 6
PARENT_WORDS = frozenset({"父亲", "母亲", "父", "母", "爸爸", "妈妈", "生父", "生母", "parent", "father", "mother"})


def _parents(c: Ctx, index: int) -> tuple[list[MemberFacts], int]:
    """(parents in the household, how many of the two parents are not in the record)."""
    child = c.facts.members[index].member
    if child.relation != "child":
        return [], 2
    found = [mf for mf in c.facts.members if mf.member.relation in ("head", "spouse")]
    return found, 2 - len(found)


_AWAY = {"prison": Text("服刑在押", "in prison"),
         "drug_rehab": Text("强制隔离戒毒", "in compulsory drug rehabilitation"),
         "missing": Text("失联", "out of contact")}


def parent_unable(mf: MemberFacts) -> Text | None:
    """Why a parent cannot raise the child, or ``None`` when nothing in the record says so."""
    m = mf.member
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.kind in ("intellectual", "psychiatric") and d.grade <= 4)):
        return disability(d.kind, d.grade) + Text("（重残）", " (severe disability)")
    if m.serious_illness:
        return Text("患重病", "seriously ill")
    if m.whereabouts in ("prison", "drug_rehab", "missing") and m.months_away >= MONTHS_AWAY:
        what, months = _AWAY[m.whereabouts], m.months_away
        return Text(f"{what.zh} {months} 个月（满6个月）", f"{what.en} for {months} months (6 months or more)")
    return None


def _able_text(mf: MemberFacts) -> Text:
    m = mf.member
    if m.whereabouts in ("prison", "drug_rehab", "missing"):
        return Text(f"离家仅 {m.months_away} 个月，不满6个月", f"away for only {m.months_away} months, less than 6")
    return Text("没有重残、重病、服刑在押、强制隔离戒毒或失联满6个月的情形",
                "not severely disabled, seriously ill, in prison, in compulsory drug rehabilitation or out of "
                "contact for 6 months or more")


def unsupported_child(c: Ctx, index: int) -> ProgramResult:
    mf = c.facts.members[index]
    child = mf.member
    r = ProgramResult("unsupported_child", NEEDS_INFO, member=child.id_number, member_name=child.name)
    parents, unknown = _parents(c, index)
    able = False
    if c.explain:
        r.reasons.append(because("under_18", True, Text(f"{child.name}{mf.age}岁，未满18周岁",
                                                        f"{child.name} is {mf.age}, under 18"), CITE))
    for p in parents:
        why = parent_unable(p)
        role = term("relation", p.member.relation)
        if why is None:
            able = True
        if c.explain:
            parent = Text(f"父母一方{p.member.name}（{role.zh}）", f"Parent {p.member.name} ({role.en.lower()}): ")
            text = (parent + why if why is not None else
                    parent + _able_text(p) + Text("，能够抚养", ", able to raise the child"))
            r.reasons.append(because("parent_unable", why is not None, text, CITE))
    outside = [s for s in c.facts.household.supporters if s.relation.strip().lower() in PARENT_WORDS]
    for s in outside[:unknown]:
        unknown -= 1
        able = able or bool(s.able)
        if c.explain:
            parent = Text(f"父母一方{s.name}（{s.relation}，不在本户）",
                          f"Parent {s.name} ({s.relation}, not in the household)")
            text = (parent + Text("能够抚养", " is able to raise the child") if s.able else
                    parent + Text("无抚养能力：", " is not able to raise the child: ")
                    + (s.reason if s.reason else Text("未写明原因", "no reason given")))
            r.reasons.append(because("parent_unable", not s.able, text, CITE))
    if able:
        r.status = INELIGIBLE
        return r
    if unknown:
        who = (Text("父母双方都不在家庭成员登记中", "neither parent is in the household record") if unknown == 2
               else Text("父母中的另一方不在家庭成员登记中", "the other parent is not in the household record"))
        r.missing_facts.append(Text(
            f"{child.name}的{who.zh}：请补充其情况（是否死亡，或重残、重病、服刑在押、"
            f"强制隔离戒毒、失联满6个月），可登记在“赡养人”中，关系写父亲或母亲",
            f"For {child.name}, {who.en}: add their situation (deceased, or severely disabled, seriously ill, "
            "in prison, in compulsory drug rehabilitation or out of contact for 6 months or more); they can be "
            "entered under Supporters with the relation father or mother"))
        if c.explain:
            r.reasons.append(because("parents_known", False, r.missing_facts[-1], CITE))
        return r
    r.status = ELIGIBLE
    pol = c.policy
    if pol.orphan_fen is not None:
        r.monthly_amount = -(-pol.orphan_fen // 100)
        if c.explain:
            amount = figure(pol.orphan_fen)
            r.reasons.append(because(
                "amount", True, Text(f"基本生活补贴参照本地孤儿基本生活保障标准，每月 {amount} 元",
                                     f"Living allowance as for orphans under the local standard: {amount} yuan a month")
                + pol.default_note("orphan_standard_monthly"), CITE))
    elif c.explain:
        r.reasons.append(because("amount", True, Text("本地孤儿基本生活保障标准未录入，补贴金额待定",
                                                      "No local orphan allowance standard entered: the amount "
                                                      "is still to be set"), CITE))
    return r
