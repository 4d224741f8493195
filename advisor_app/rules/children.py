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

from advisor_app.domain.vocab import DISABILITY_GRADES, DISABILITY_KINDS, RELATIONS

from .context import Ctx
from .facts import MemberFacts, figure
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE = "《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）"
MONTHS_AWAY = 6
PARENT_WORDS = frozenset({"父亲", "母亲", "父", "母", "爸爸", "妈妈", "生父", "生母", "parent", "father", "mother"})


def _parents(c: Ctx, index: int) -> tuple[list[MemberFacts], int]:
    """(parents in the household, how many of the two parents are not in the record)."""
    child = c.facts.members[index].member
    if child.relation != "child":
        return [], 2
    found = [mf for mf in c.facts.members if mf.member.relation in ("head", "spouse")]
    return found, 2 - len(found)


def parent_unable(mf: MemberFacts) -> str | None:
    """Why a parent cannot raise the child (Chinese), or ``None`` when nothing in the record says so."""
    m = mf.member
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.kind in ("intellectual", "psychiatric") and d.grade <= 4)):
        return f"{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}（重残）"
    if m.serious_illness:
        return "患重病"
    if m.whereabouts in ("prison", "drug_rehab", "missing") and m.months_away >= MONTHS_AWAY:
        what = {"prison": "服刑在押", "drug_rehab": "强制隔离戒毒", "missing": "失联"}[m.whereabouts]
        return f"{what} {m.months_away} 个月（满6个月）"
    return None


def _able_text(mf: MemberFacts) -> str:
    m = mf.member
    if m.whereabouts in ("prison", "drug_rehab", "missing"):
        return f"离家仅 {m.months_away} 个月，不满6个月"
    return "没有重残、重病、服刑在押、强制隔离戒毒或失联满6个月的情形"


def unsupported_child(c: Ctx, index: int) -> ProgramResult:
    mf = c.facts.members[index]
    child = mf.member
    r = ProgramResult("unsupported_child", NEEDS_INFO, member=child.id_number, member_name=child.name)
    parents, unknown = _parents(c, index)
    able = False
    if c.explain:
        r.reasons.append(because("under_18", True, f"{child.name}{mf.age}岁，未满18周岁", CITE))
    for p in parents:
        why = parent_unable(p)
        role = RELATIONS[p.member.relation]
        if why is None:
            able = True
        if c.explain:
            text = (f"父母一方{p.member.name}（{role}）{why}" if why is not None else
                    f"父母一方{p.member.name}（{role}）{_able_text(p)}，能够抚养")
            r.reasons.append(because("parent_unable", why is not None, text, CITE))
    outside = [s for s in c.facts.household.supporters if s.relation.strip().lower() in PARENT_WORDS]
    for s in outside[:unknown]:
        unknown -= 1
        able = able or s.able
        if c.explain:
            text = (f"父母一方{s.name}（{s.relation}，不在本户）能够抚养" if s.able else
                    f"父母一方{s.name}（{s.relation}，不在本户）无抚养能力：{s.reason or '未写明原因'}")
            r.reasons.append(because("parent_unable", not s.able, text, CITE))
    if able:
        r.status = INELIGIBLE
        return r
    if unknown:
        who = ("父母双方都不在家庭成员登记中" if unknown == 2 else "父母中的另一方不在家庭成员登记中")
        r.missing.append(f"{child.name}的{who}：请补充其情况（是否死亡，或重残、重病、服刑在押、"
                         f"强制隔离戒毒、失联满6个月），可登记在“赡养人”中，关系写父亲或母亲")
        if c.explain:
            r.reasons.append(because("parents_known", False, r.missing[-1], CITE))
        return r
    r.status = ELIGIBLE
    pol = c.policy
    if pol.orphan_fen is not None:
        r.monthly_amount = -(-pol.orphan_fen // 100)
        if c.explain:
            r.reasons.append(because(
                "amount", True, f"基本生活补贴参照本地孤儿基本生活保障标准，每月 {figure(pol.orphan_fen)} 元"
                f"{pol.default_note('orphan_standard_monthly')}", CITE))
    elif c.explain:
        r.reasons.append(because("amount", True, "本地孤儿基本生活保障标准未录入，补贴金额待定", CITE))
    return r
