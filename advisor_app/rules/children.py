"""事实无人抚养儿童 (de-facto unsupported children), assessed for each member under 18.

Source: 《关于进一步加强事实无人抚养儿童保障工作的意见》(民发〔2019〕62号), 民发〔2020〕125号. A child
under 18 whose parents each are dead (or declared dead), declared missing by a court, or in one of
the situations of the notice: severely disabled (grade 1–2, or grade 3–4 intellectual/psychiatric);
seriously ill; in prison, compulsory drug rehabilitation or another measure restricting personal
freedom for a **term** of 6 months or more (``order_months``: the length of the sentence or order,
not the time already served; compulsory rehab is 2 years by law when no term is recorded; a prison
term not recorded counts once 6 months have been served); out of contact for 6 months or more;
deprived of guardianship by a court; deported. A child whose parents are **both dead** is an orphan
(孤儿): ineligible here, and the answer says the orphan allowance covers the child.

The parents are found as for 特困 (:mod:`.supporters`): from the household record, or a supporter
recorded as that child's father/mother (``of_member`` = the child's ID number). A supporter's
situation comes from ``situation`` (deceased, declared_missing), its ``disability``, and, for
``able: false``, the advisor's reason when it names a situation of the notice (已故, 重病, 戒毒 …).
A parent neither in the record nor among the supporters is *unknown*: needs_info naming the parent,
unless a known parent is able (then ineligible).
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text, join

from .context import Ctx
from .facts import figure
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because
from .situations import DEAD, LISTED, MISSING, NONE, UNKNOWN, Situation, member_situation, supporter_situation
from .supporters import Family, Person

CITE = Text("《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）",
            "Opinions on Further Strengthening the Protection of De Facto Unsupported Children "
            "(Ministry of Civil Affairs, 2019, No. 62)")
CITE_ORPHAN = Text("《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）",
                   "Opinions of the General Office of the State Council on Strengthening Orphan Protection "
                   "(2010, No. 54)")


def parent_situation(c: Ctx, p: Person) -> Situation:
    if p.index is not None:
        return member_situation(c.facts.members[p.index].member)
    assert p.supporter is not None
    return supporter_situation(p.supporter)


_WHO = {"male": Text("父亲", "father"), "female": Text("母亲", "mother")}


def unsupported_child(c: Ctx, index: int, family: Family | None = None) -> ProgramResult:
    mf = c.facts.members[index]
    child = mf.member
    r = ProgramResult("unsupported_child", NEEDS_INFO, member=child.id_number, member_name=child.name)
    fam = family if family is not None else Family(c)
    if c.explain:
        r.reasons.append(because("under_18", True, Text(f"{child.name}{mf.age}岁，未满18周岁",
                                                        f"{child.name} is {mf.age}, under 18"), CITE))
    kinds: list[str] = []
    parents = fam.parents_of(index)
    absent = [sex for sex, p in parents.items() if p is None]
    if absent:
        kinds.append(UNKNOWN)
        who = (Text("父母双方都不在家庭成员登记中", "neither parent is in the household record") if len(absent) == 2
               else Text(f"父母中的另一方不在家庭成员登记中（{_WHO[absent[0]].zh}）",
                         f"the other parent is not in the household record (the {_WHO[absent[0]].en})"))
        words = join(Text("或", " or "), (_WHO[x] for x in absent))
        r.missing_facts.append(Text(
            f"{child.name}的{who.zh}：请补充其情况（是否死亡，或重残、重病、服刑、强制隔离戒毒、失联满6个月），"
            f"可登记在“赡养人”中，亲属关系选“{words.zh}”，对应成员选{child.name}",
            f"For {child.name}, {who.en}: add their situation (deceased, or severely disabled, seriously ill, in "
            "prison, in compulsory drug rehabilitation or out of contact for 6 months or more) under Supporters "
            f"with kinship {words.en} of {child.name}"))
        if c.explain:
            r.reasons.append(because("parents_known", False, r.missing_facts[-1], CITE))
    for sex, p in parents.items():
        if p is None:
            continue
        word = _WHO[sex]
        st = parent_situation(c, p)
        kinds.append(st.kind)
        if st.missing is not None:
            r.missing_facts.append(st.missing)
        if c.explain:
            where = Text("", "") if p.index is not None else Text("，不在本户", ", not in the household")
            parent = Text(f"{word.zh}{p.name}（", f"The {word.en} {p.name} (") + st.why + where + Text("）", ")")
            verdict = {NONE: Text("，能够抚养", ": able to raise the child"),
                       UNKNOWN: Text("，情况不明", ": situation not known")}.get(st.kind, Text("", ""))
            r.reasons.append(because("parent_unable", st.kind in (DEAD, MISSING, LISTED), parent + verdict, CITE))
    if NONE in kinds:
        r.status = INELIGIBLE
        r.missing_facts.clear()
        return r
    if kinds == [DEAD, DEAD]:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("orphan", False, Text(
                f"{child.name}父母双方均已死亡，属于孤儿，应按孤儿基本生活保障申请，不属于事实无人抚养儿童",
                f"Both of {child.name}'s parents are dead: the child is an orphan, covered by the orphan allowance, "
                "not by this programme"), CITE_ORPHAN))
        return r
    if UNKNOWN in kinds:
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
