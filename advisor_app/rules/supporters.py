"""Who is a person's legal supporter (法定赡养/抚养/扶养义务人), and whether that supporter is able.

**Kinship to THAT person** (民法典 1059, 1067, 1074, 1075; POLICY §3.3). Members give their relation
to the head; from it the kinship between two members follows: the head and the ``spouse`` are
spouses; a ``child`` is the head's and the spouse's child; a ``parent`` is the head's parent and the
parent of every ``sibling``; the head's parents are the grandparents of the head's children; a
``grandchild`` is the grandchild of the head and the spouse, and its parents are the only man and the
only woman among the ``child`` and ``child_in_law`` members (when one of each sex lives there);
grandchildren living together are taken as siblings. A ``child_in_law`` is the spouse of the only
``child`` of the other sex, and has no duty to the head or the spouse; ``other`` and ``lodger`` are no
kin. Recorded supporters add what ``kinship`` says they are to the member named by ``of_member``
(a ``son`` of the head is also the spouse's child, a grandchild of the head's parents, and a
sibling of the head's children; an ``elder_brother`` of the head is a child of the head's parents).
A supporter recorded without a kinship (an ``advisor-household/1`` relation word that names none) is
the head's supporter, as it always was. An ``advisor-household/1`` 父亲/母亲 is mapped to the head's
father/mother; the old documents used it for a minor's own parent, so a minor whose father (mother)
is not otherwise known takes it as such.

**Duties.** Spouses (1059); the parents of a minor or of an adult who cannot live on their own (a
disability that takes away the ability to work, or no legal capacity), and adult children (1067);
the grandparents of a minor whose parents are dead or unable, and adult grandchildren of a person
whose children are dead or unable (1074); an adult elder sibling of a minor whose parents are dead
or unable (1075). A dead or court-declared dead person is nobody's supporter.

**Unable** (《特困人员认定办法》 无履行义务能力): see :func:`Family.ability`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor_app.domain.household import Member, Supporter
from advisor_app.domain.vocab import Text, disability, term

from .context import Ctx, missing_value
from .results import ELIGIBLE, ProgramResult
from .situations import DEAD_STATES

_NO_WORK = {"intellectual": 3, "psychiatric": 3, "physical": 2, "visual": 1}
PARENT_KINSHIPS = {"father": "male", "mother": "female"}
CHILD_KINSHIPS = frozenset({"son", "daughter"})
GRANDPARENT_KINSHIPS = frozenset({"grandfather", "grandmother"})
GRANDCHILD_KINSHIPS = frozenset({"grandson", "granddaughter"})
ELDER_KINSHIPS = frozenset({"elder_brother", "elder_sister"})
SIBLING_KINSHIPS = ELDER_KINSHIPS | {"younger_brother", "younger_sister"}
DISPOSABLE = Text("上年居民人均可支配收入", "previous year's per-capita disposable income")
_ASSETS_OK = Text("，财产符合规定", ", assets within the rule")

ABLE, UNABLE, UNKNOWN = "able", "unable", "unknown"


def is_dead(m: Member) -> bool:
    return m.state in DEAD_STATES


def age_from_id(id_number: str, on: dt.date) -> int | None:
    if len(id_number) != 18 or not id_number[6:14].isdigit():
        return None
    y, mmdd = int(id_number[6:10]), id_number[10:14]
    return on.year - y - (f"{on.month:02d}{on.day:02d}" < mmdd)


def sex_from_id(id_number: str) -> str | None:
    if len(id_number) != 18 or not id_number[16].isdigit():
        return None
    return "male" if int(id_number[16]) % 2 else "female"


def severe(kind: str, grade: int) -> bool:
    """Severely disabled in the 认定办法's sense: grade 1–2, or grade 3 intellectual/psychiatric."""
    return grade <= 2 or (grade == 3 and kind in ("intellectual", "psychiatric"))


def cannot_live_alone(m: Member) -> bool:
    """An adult child who cannot live on their own (民法典 1067): no ability to work by disability,
    or no legal capacity."""
    d = m.disability
    return m.no_legal_capacity or (d is not None and d.grade <= _NO_WORK.get(d.kind, 0))


@dataclass(slots=True, eq=False)
class Person:
    """A member (``index``) or a recorded supporter (``supporter``), as a possible legal supporter."""

    name: str
    index: int | None = None
    supporter: Supporter | None = None
    age: int | None = None
    sex: str | None = None
    dead: bool = False
    ability: Ability | None = None  # a recorded supporter's, once found (it depends on nothing else)


@dataclass(slots=True)
class Ability:
    state: str  # able | unable | unknown
    why: Text = field(default_factory=lambda: Text("", ""))  # why unable
    missing: list[Text] = field(default_factory=list)  # what is needed when unknown


@dataclass(slots=True)
class Duty:
    person: Person
    kin: Text  # what the person is to the one supported: 儿子, 配偶 …
    holds: bool | None  # None: depends on someone whose situation is unknown


_KIN = {
    "spouse": Text("配偶", "spouse"), "parent": Text("父母", "parent"), "child": Text("子女", "child"),
    "grandparent": Text("祖父母、外祖父母", "grandparent"), "grandchild": Text("孙子女、外孙子女", "grandchild"),
    "elder": Text("兄、姐", "elder sibling"), "head": Text("户主的赡养人", "the head's supporter"),
}


class Family:
    """The kinship and supporter abilities of one household on one check (built once per check)."""

    def __init__(self, c: Ctx, dibao_status: str | None = None,
                 tekun_of: Callable[[Family, int], bool | None] | None = None) -> None:
        # the family's own checks build no reasons: the household's context itself when it builds
        # none either (its asset test and income are then shared), else a quiet copy of it
        self.c = c if not c.explain else Ctx(c.facts, c.policy, False, c._assets, trace=c.trace, row=c.row,
                                             first=c.first)
        self._dibao = dibao_status
        self._tekun_of = tekun_of
        self._tekun: dict[int, bool | None] = {}
        self._visiting: set[int] = set()
        self._built = self._built_down = False
        self._abilities: dict[int, Ability] = {}  # members' abilities, once their 特困 is settled
        self._duty_plan: dict[int, list[tuple[Person, Text, int]]] = {}
        self._head: int | None = -1  # the head's index once found (``_head_index``); -1: not yet
        # for each 特困 judgement under way (outermost first), how often it met a cycle itself
        # (someone asked about while being judged); and the results of those that met none: the
        # same as judging them afresh (see ``tekun.tekun_of``)
        self.judging: list[int] = []
        self.settled: dict[int, ProgramResult] = {}

    # --- the kinship graph ---------------------------------------------------------------------

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        f = self.c.facts
        members = f.members
        P: list[Person] = []
        by_rel: dict[str, list[int]] = {}
        for i, mf in enumerate(members):  # (one pass: the people, and the members by relation)
            m = mf.member
            idn = m.id_number
            sex = (("male" if int(idn[16]) % 2 else "female") if len(idn) == 18 and idn[16].isdigit()
                   else None)  # sex_from_id, inline
            P.append(Person(m.name, i, None, mf.age, sex, m.state in DEAD_STATES))
            rel = m.relation
            if rel in by_rel:
                by_rel[rel].append(i)
            else:
                by_rel[rel] = [i]
        self.people = P
        n = len(P)
        parents: list[list[Person]] = [[] for _ in range(n)]
        spouse: list[list[Person]] = [[] for _ in range(n)]
        siblings: list[list[Person]] = [[] for _ in range(n)]
        grand_up: list[list[Person]] = [[] for _ in range(n)]
        grand_down: list[list[Person]] = [[] for _ in range(n)]
        extra_children: dict[int, list[Person]] = {}
        self.head_only: list[Person] = []
        none: list[int] = []
        heads, spouses = by_rel.get("head", none), by_rel.get("spouse", none)
        kids, in_laws = by_rel.get("child", none), by_rel.get("child_in_law", none)
        ups, grands = by_rel.get("parent", none), by_rel.get("grandchild", none)
        sibs, gps = by_rel.get("sibling", none), by_rel.get("grandparent", none)
        couple = heads + spouses
        up_people = [P[u] for u in ups]
        for h in heads:
            spouse[h] += [P[s] for s in spouses]
            parents[h] += up_people
            siblings[h] += [P[s] for s in sibs]
            grand_up[h] += [P[g] for g in gps]
        for s in spouses:
            spouse[s] += [P[h] for h in heads]
        for k in kids:
            parents[k] += [P[x] for x in couple]
            siblings[k] += [P[o] for o in kids if o != k]
            grand_up[k] += up_people
        for s in sibs:
            parents[s] += up_people
            siblings[s] += [P[x] for x in heads + sibs if x != s]
        if len(ups) == 1:
            parents[ups[0]] += [P[g] for g in gps]
        if grands:
            # a grandchild's parents: the only man / the only woman among the children and children-in-law
            for sex in ("male", "female"):
                cands = [i for i in kids + in_laws if P[i].sex == sex]
                if len(cands) == 1:
                    for g in grands:
                        parents[g].append(P[cands[0]])
            couple_people = [P[x] for x in couple]
            for g in grands:
                grand_up[g] += couple_people
                for x in couple:
                    grand_down[x].append(P[g])
                siblings[g] += [P[o] for o in grands if o != g]
        if len(kids) == 1 and len(in_laws) == 1 and P[kids[0]].sex != P[in_laws[0]].sex:
            k, i = kids[0], in_laws[0]
            spouse[k].append(P[i])
            spouse[i].append(P[k])
        if f.household.supporters:
            self._add_supporters(P, by_rel, parents, spouse, siblings, extra_children, grand_up, grand_down)
        self.parents, self.spouse, self.siblings = parents, spouse, siblings
        self.grand_up, self._grand_down, self._extra_children = grand_up, grand_down, extra_children

    def _build_down(self) -> None:
        """Each member's children and grandchildren (only the duties need them, not the parents)."""
        if self._built_down:
            return
        self._built_down = True
        self._build()
        P, parents, extra_children = self.people, self.parents, self._extra_children
        grand_down = self._grand_down
        n = len(P)
        children: list[list[Person]] = [[] for _ in range(n)]
        for i in range(n):
            for p in parents[i]:
                if p.index is not None:
                    children[p.index].append(P[i])
        for i in range(n):
            # (a member's recorded children join the lists as their turn comes: the grandchildren
            # of the members before a child's parent include them, of those after it do not)
            if i in extra_children:
                children[i] += extra_children[i]
            for ch in children[i]:
                if ch.index is not None and children[ch.index]:
                    down = grand_down[i]
                    down += [g for g in children[ch.index] if g not in down]
        self.children, self.grand_down = children, grand_down

    def _add_supporters(self, P: list[Person], by_rel: dict[str, list[int]], parents: list[list[Person]],
                        spouse: list[list[Person]], siblings: list[list[Person]],
                        extra_children: dict[int, list[Person]], grand_up: list[list[Person]],
                        grand_down: list[list[Person]]) -> None:
        """The recorded supporters, as what their kinship says they are to their member."""
        f = self.c.facts
        on = f.on
        n = len(P)
        none: list[int] = []
        heads, spouses = by_rel.get("head", none), by_rel.get("spouse", none)
        kids, ups, sibs = by_rel.get("child", none), by_rel.get("parent", none), by_rel.get("sibling", none)
        couple = heads + spouses
        ids = {mf.member.id_number: i for i, mf in enumerate(f.members)}
        head = heads[0] if heads else (0 if n else None)
        for sup in f.household.supporters:
            dead = sup.situation == "deceased"
            p = Person(sup.name, None, sup, age_from_id(sup.id_number, on) if sup.id_number else None,
                       sex_from_id(sup.id_number) if sup.id_number else None, dead)
            of = ids.get(sup.of_member)
            kin = sup.kinship
            if not kin or of is None:
                self.head_only.append(p)
                continue
            if kin in PARENT_KINSHIPS:
                p.sex = PARENT_KINSHIPS[kin]
                parents[of].append(p)
                if of in heads:  # the head's parents are the siblings' parents too
                    for sib in sibs:
                        parents[sib].append(p)
                if sup.relation and of == head:  # advisor-household/1: a minor's own parent
                    for i in range(n):
                        if i != of and (P[i].age or 0) < 18 and not any(
                                q.sex == p.sex for q in parents[i]):
                            parents[i].append(p)
            elif kin == "spouse":
                spouse[of].append(p)
            elif kin in CHILD_KINSHIPS:
                p.sex = "male" if kin == "son" else "female"
                targets = couple if of in couple else [of]
                for t in targets:
                    extra_children.setdefault(t, []).append(p)
                if of in couple:
                    for kid in kids:
                        siblings[kid].append(p)
                    for u in ups:
                        grand_down[u].append(p)
            elif kin in GRANDPARENT_KINSHIPS:
                grand_up[of].append(p)
            elif kin in GRANDCHILD_KINSHIPS:
                grand_down[of].append(p)
            elif kin in SIBLING_KINSHIPS:
                if kin in ELDER_KINSHIPS and p.age is None:
                    p.age = 10**3  # recorded as elder: older than the member, adult unless told
                siblings[of].append(p)
                if of in heads:
                    for u in ups:
                        extra_children.setdefault(u, []).append(p)

    def parents_of(self, index: int) -> dict[str, Person | None]:
        """The father and the mother of a member, where the record says who they are."""
        self._build()
        out: dict[str, Person | None] = {"male": None, "female": None}
        for p in self.parents[index]:
            if p.sex in out and out[p.sex] is None:
                out[p.sex] = p
        return out

    # --- duties --------------------------------------------------------------------------------

    def duties(self, index: int) -> tuple[list[Duty], list[Text]]:
        """Everyone with a legal duty to support member ``index``, and what is unknown about it."""
        plan, holds = self.duty_plan(index)
        return [Duty(p, kin, holds[mode]) for p, kin, mode in plan], []

    def duty_plan(self, index: int) -> tuple[list[tuple[Person, Text, int]], tuple[bool | None, ...]]:
        """:meth:`duties` as the plan (person, kin, mode) and whether each mode's duty holds (the
        same questions asked in the same order, without a ``Duty`` for each)."""
        plan = self._duty_plan.get(index)
        if plan is None:
            plan = self._duty_plan[index] = self._plan(index)
        age = self.c.facts.members[index].age
        # whether the parents (children) in between are gone: asked in this order on every call,
        # as it settles the abilities (and 特困) of those asked
        parents_gone = self._all_gone(list(self.parents_of(index).values())) if age < 18 else None
        children_gone = None
        if self.grand_down[index] and self.children[index]:
            children_gone = self._all_gone(self.children[index])
        return plan, (True, parents_gone, children_gone, None)

    def _plan(self, index: int) -> list[tuple[Person, Text, int]]:
        """The duties of :meth:`duties` as (person, kin, 0 holds | 1 if the parents are gone | 2 if
        the children are gone | 3 unknown); minors owe no support as children, grandchildren or
        siblings."""
        self._build_down()
        mf = self.c.facts.members[index]
        age = mf.age
        minor = age < 18
        out: list[tuple[Person, Text, int]] = [(p, _KIN["spouse"], 0) for p in self.spouse[index]]
        if minor or cannot_live_alone(mf.member):
            out += [(p, _KIN["parent"], 0) for p in self.parents[index]]
        adult: list[tuple[Person, Text, int]] = [(p, _KIN["child"], 0) for p in self.children[index]]
        if minor:
            adult += [(p, _KIN["grandparent"], 1) for p in self.grand_up[index]]
            adult += [(p, _KIN["elder"], 1 if p.age is not None else 3) for p in self.siblings[index]
                      if p.age is None or (p.age > age and p.age >= 18)]
        adult += [(p, _KIN["grandchild"], 2) for p in self.grand_down[index]]
        out += [d for d in adult if d[0].age is None or d[0].age >= 18]
        if index == self._head_index():
            out += [(p, _KIN["head"], 0) for p in self.head_only]
        return out

    def _head_index(self) -> int | None:
        if self._head == -1:
            self._head = None
            for i, mf in enumerate(self.c.facts.members):
                if mf.member.relation == "head":
                    self._head = i
                    break
            else:
                if self.c.facts.members:
                    self._head = 0
        return self._head

    def _all_gone(self, people: Sequence[Person | None]) -> bool | None:
        """True when each is dead or unable, False when one is able, None when not known."""
        result: bool | None = True
        for p in people:
            if p is None:
                result = None
                continue
            if p.dead:
                continue
            a = self.ability(p)
            if a.state == ABLE:
                return False
            if a.state == UNKNOWN:
                result = None
        return result

    # --- ability -------------------------------------------------------------------------------

    def dibao_eligible(self) -> bool:
        if self._dibao is None:
            from .dibao import dibao

            self._dibao = dibao(self.c).status
        return self._dibao == ELIGIBLE

    def member_tekun(self, index: int) -> bool | None:
        """Whether this check finds member ``index`` 特困 (a cycle back to someone being judged
        counts as 特困: two old spouses with nothing each have only the other)."""
        if index in self._visiting:
            if self.judging:
                self.judging[-1] += 1  # the judgement under way rests on this assumption
            return True
        if index not in self._tekun:
            if self._tekun_of is None:
                return False
            self._visiting.add(index)
            try:
                self._tekun[index] = self._tekun_of(self, index)
            finally:
                self._visiting.discard(index)
        return self._tekun[index]

    def ability_is_plain(self, p: Person) -> bool:
        """Whether finding ``p``'s ability asks nobody's 特困 (a recorded supporter; a member under 18,
        recorded 特困, or under 60 and able to live alone): it then depends on ``p``'s own facts only,
        and asking it now or later gives the same answer and changes nothing else."""
        i = p.index
        if i is None:
            return True
        mf = self.c.facts.members[i]
        if mf.age < 18 or not (mf.age >= 60 or cannot_live_alone(mf.member)):
            return True
        m = mf.member
        return any(r.program == "tekun" and r.member == m.id_number for r in self.c.facts.household.receiving)

    def ability(self, p: Person) -> Ability:
        """Unable (《特困人员认定办法》): (i) 特困; (ii) a 低保 recipient aged 60+; (iii) 70+ with own
        income below the previous year's per-capita disposable income and assets within the rule;
        (iv) severely disabled (1–2, or 3 intellectual/psychiatric) with that income and assets;
        (v) no legal capacity, declared missing, or in prison, with assets within the rule."""
        i = p.index
        if i is not None:
            if i in self._visiting:  # being judged 特困 right now: not settled, not kept
                return self._member_ability(i)
            a = self._abilities.get(i)
            if a is None:
                a = self._abilities[i] = self._member_ability(i)
            return a
        if p.ability is None:
            assert p.supporter is not None
            p.ability = self._supporter_ability(p.supporter, p.age)
        return p.ability

    def _rules(self, age: int | None, income_fen: int | None, assets: bool | None, who: str,
               tekun: bool | None, dibao: bool, incapable: Text | None, dis: tuple[str, int] | None,
               ) -> Ability:
        missing: list[Text] = []
        p = self.c.policy

        def needs(fact: bool | None, why: Text) -> Ability | None:
            if fact is True:
                return Ability(UNABLE, why)
            if fact is None:
                missing.append(Text(f"{who}本人财产是否符合当地低保家庭财产规定",
                                    f"whether {who}'s own assets are within the local dibao asset rule"))
            return None

        if tekun:
            return Ability(UNABLE, Text("特困人员", "a person in extreme poverty support"))
        if dibao and age is not None and age >= 60:
            return Ability(UNABLE, Text("年满60周岁的低保对象", "a dibao recipient aged 60 or over"))
        if incapable is not None:
            found = needs(assets, incapable + _ASSETS_OK)
            if found:
                return found
        low: bool | None = None
        if (age is not None and age >= 70) or (dis is not None and severe(*dis)):
            if p.disposable_yearly_fen is None:
                missing.append(missing_value(p, DISPOSABLE))
            elif income_fen is None:
                missing.append(Text(f"{who}本人月收入", f"{who}'s own monthly income"))
            else:
                low = income_fen * 12 < p.disposable_yearly_fen
        if low:
            if age is not None and age >= 70:
                why = Text("年满70周岁，本人收入低于当地上年居民人均可支配收入",
                           "aged 70 or over with own income below the local per-capita disposable income")
            else:
                assert dis is not None
                why = disability(*dis) + Text("，本人收入低于当地上年居民人均可支配收入",
                                              ", own income below the local per-capita disposable income")
            found = needs(assets, why + _ASSETS_OK)
            if found:
                return found
        if tekun is None:
            missing.append(Text(f"{who}是否为特困人员", f"whether {who} is in extreme poverty support"))
        return Ability(UNKNOWN, missing=missing) if missing else Ability(ABLE)

    def _member_ability(self, index: int) -> Ability:
        mf = self.c.facts.members[index]
        m = mf.member
        if mf.age < 18:
            return Ability(UNABLE, Text("未成年", "under 18"))
        incapable: Text | None = None
        if m.no_legal_capacity:
            incapable = Text("无民事行为能力", "without legal capacity")
        elif m.state == "declared_missing":
            incapable = Text("被宣告失踪", "declared missing by a court")
        elif m.whereabouts == "prison":
            incapable = Text("在监狱服刑", "serving a prison sentence")
        dibao = recorded_tekun = False
        for r in self.c.facts.household.receiving:  # (usually none)
            if r.program in ("dibao", "dibao_single"):
                dibao = dibao or r.member in ("", m.id_number)
            elif r.program == "tekun":
                recorded_tekun = recorded_tekun or r.member == m.id_number
        if not dibao and mf.age >= 60 and mf.counted:
            dibao = self.dibao_eligible()
        tekun: bool | None = recorded_tekun or None
        if tekun is None:
            tekun = self.member_tekun(index) if (mf.age >= 60 or cannot_live_alone(m)) else False
        d = m.disability
        return self._rules(mf.age, mf.income_fen, self.c.assets().ok, m.name, tekun, dibao, incapable,
                           (d.kind, d.grade) if d is not None else None)

    def _supporter_ability(self, s: Supporter, age: int | None) -> Ability:
        if s.able is False:
            return Ability(UNABLE, Text(s.reason, s.reason) if s.reason else Text("", ""))
        incapable = {"no_capacity": Text("无民事行为能力", "without legal capacity"),
                     "declared_missing": Text("被宣告失踪", "declared missing by a court"),
                     "prison": Text("在监狱服刑", "serving a prison sentence")}.get(s.situation)
        income = None if s.monthly_income is None else round(s.monthly_income * 100)
        d = s.disability
        if s.able is True:
            # recorded able: only facts recorded can still make the supporter unable
            if s.status == "tekun":
                return Ability(UNABLE, Text("特困人员", "a person in extreme poverty support"))
            if s.status == "dibao" and age is not None and age >= 60:
                return Ability(UNABLE, Text("年满60周岁的低保对象", "a dibao recipient aged 60 or over"))
            if incapable is None and income is None:
                return Ability(ABLE)
        a = self._rules(age, income, s.assets_ok, s.name, s.status == "tekun", s.status == "dibao",
                        incapable, (d.kind, d.grade) if d is not None else None)
        if s.status == "dibao" and age is None and a.state != UNABLE:
            a = Ability(UNKNOWN, missing=[*a.missing, Text(f"{s.name}的身份证号（判断是否年满60周岁）",
                                                           f"{s.name}'s ID number (to tell whether 60 or over)")])
        if a.state == ABLE and s.able is None:
            return Ability(UNKNOWN, missing=[Text(f"{s.name}是否有履行赡养/抚养/扶养义务的能力",
                                                  f"whether {s.name} is able to support")])
        return a


def kin_word(kinship: str) -> Text:
    return term("kinship", kinship)
