"""特困 (with the legal-supporter analysis) and 事实无人抚养儿童 as formulas over a :class:`~.frame.Frame`.

:func:`tekun_formulas` reads the frame, its :class:`~.people.People` columns, the kinship pairs
(:mod:`.kinship`) and the 低保 run (the asset test, 低保's status) and returns a :class:`TekunTrace`
(per member: the three conditions before the supporters, each person's ability, the supporter
verdict, status, care level and amount; per recorded supporter: its ability) and a
:class:`ChildTrace` (per member: the situation of the father and the mother, status, amount). The
rules are described in :mod:`.tekun`, :mod:`.supporters` and :mod:`.children`, which word them.

**Who supports whom is a fixed point.** A member aged 60 or more (or who cannot live alone) is unable
to support when 特困 — which depends on that member's own supporters. :mod:`.supporters` judges it
depth first and takes a cycle back to someone being judged as 特困 (two old spouses with nothing each
have only the other). Here every candidate starts as 特困 and the abilities and verdicts are
recomputed until nothing changes: the greatest fixed point, the same answers. A grandparent's duty
holds only when the parents are gone, so a parent found 特困 can make a grandparent's duty hold and
the child not 特困: the rounds need not settle; a household still changing after ``MAX_ROUNDS`` is
left to the graph (``undecided``) — none of the demo households is.

Households the formulas do not decide (``undecided``: a member with two parents of the same sex among
the members, an ``advisor-household/1`` 父亲/母亲 of the head — :mod:`.kinship`, :mod:`.people` — or
answers that do not settle) are decided one by one by the kinship graph.

Conditions are tri-state int8 arrays (1 held, 0 failed, -1 unknown); statuses are codes into
:data:`.dibao_formulas.STATUSES`; abilities :data:`ABILITY` codes. All arithmetic is exact integers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .dibao_formulas import NO, DibaoTrace, Tri, status_codes, tri
from .frame import WHERE, Bools, Frame, Ints
from .kinship import Pairs, no_work_by_disability, pairs
from .people import DIS_KINDS, SITUATIONS, SUP_SITUATION, SUP_STATUS, People, among
from .snapshot import Policy

ABILITY = ("able", "unable", "unknown")  # codes 0, 1, 2
CARE = ("self", "partial", "full")
MAX_ROUNDS = 16  # a household whose answers still change after this many rounds is decided one by one
_INTELLECT = (DIS_KINDS.index("intellectual"), DIS_KINDS.index("psychiatric"))


@dataclass(slots=True)
class TekunTrace:
    """The named intermediate arrays of one run (M: per member, S: per recorded supporter)."""

    no_work: Bools  # M: 60+, under 16, or a disability that takes away the ability to work
    own_ok: Tri  # M: own counted income below the standard (-1: no standard)
    before: Tri  # M: counted, no work ability, own income, assets (the conditions before the supporters)
    dibao_60: Bools  # M: a 低保 recipient (recorded, or the household found eligible) aged 60+
    low_income: Bools  # M: 70+ or severely disabled, own income × 12 below the disposable income
    ability: Ints  # M: index into ABILITY, as a supporter of another member
    supporter_ability: Ints  # S: index into ABILITY
    support: Tri  # M: no legal supporter able to support (where ``before`` is not 0)
    iterations: int  # rounds until the fixed point
    status: Tri  # M (0 where the member is not assessed)
    care: Ints  # M: index into CARE (eligible only; NO otherwise)
    amount: Ints  # M: whole yuan (NO where none)
    undecided: Bools  # N: decided one by one (see the module docstring)


@dataclass(slots=True)
class ChildTrace:
    father: Ints  # M: index into SITUATIONS
    mother: Ints
    assessed: Bools  # M: alive, born and under 18
    status: Tri
    amount: Ints  # M: whole yuan (NO where none)


@dataclass(slots=True)
class _Duties:
    """The pairs of :class:`~.kinship.Pairs` a round reads (b alive; those ``keep`` marks)."""

    a: Ints
    b: Ints
    child: Bools  # b is a's child
    mode0: Bools
    mode1: Bools
    mode2: Bools
    mode3: Bools
    duty: Bools  # any of the modes

    @staticmethod
    def of(kin: Pairs, dead: Bools, keep: Bools) -> _Duties:
        at = np.flatnonzero(keep & ~dead[kin.b])
        modes = kin.mode0[at], kin.mode1[at], kin.mode2[at], kin.mode3[at]
        return _Duties(kin.a[at], kin.b[at], kin.child[at], *modes, duty=modes[0] | modes[1] | modes[2] | modes[3])

    def only(self, keep: Bools) -> _Duties:
        at = np.flatnonzero(keep)
        return _Duties(self.a[at], self.b[at], self.child[at], self.mode0[at], self.mode1[at], self.mode2[at],
                       self.mode3[at], self.duty[at])


def _severe(kind: Ints, grade: Ints) -> Bools:
    out: Bools = (grade > 0) & ((grade <= 2) | ((grade == 3) & among(kind, _INTELLECT)))
    return out


def _tri(codes: Tri) -> Tri:
    """Status codes (0, 1, 2) as a tri-state (0, 1, -1)."""
    return np.where(codes == 2, -1, codes).astype(np.int8)


def _care_of(level: str) -> Callable[[Policy], int | None]:
    return lambda q: q.care_yearly_fen.get(level)


def _ceil_div(x: Ints, d: int) -> Ints:
    return -(-x // d)


def _any_at(index: Ints, mask: Bools, size: int) -> Bools:
    out: Bools = np.bincount(index[mask], minlength=size) > 0
    return out


def _supporters(f: Frame, p: People, disposable: Ints, disposable_known: Bools) -> Ints:
    """Each recorded supporter's ability (:meth:`.supporters.Family._supporter_ability`)."""
    known = disposable_known[p.s_hh]
    disp = disposable[p.s_hh]
    age60 = p.s_age_known & (p.s_age >= 60)
    tekun, dibao = p.s_status == SUP_STATUS.index("tekun"), p.s_status == SUP_STATUS.index("dibao")
    incapable = among(p.s_situation, [SUP_SITUATION.index(s) for s in ("no_capacity", "declared_missing",
                                                                          "prison")])
    check_low = (p.s_age_known & (p.s_age >= 70)) | _severe(p.s_dis_kind, p.s_dis_grade)
    low = check_low & known & p.s_income_known & (p.s_income_fen * 12 < disp)
    unable = tekun | (dibao & age60) | (incapable & (p.s_assets == 1)) | (low & (p.s_assets == 1))
    missing = ((incapable & (p.s_assets == -1)) | (check_low & ~known) | (check_low & known & ~p.s_income_known)
               | (low & (p.s_assets == -1)))
    rules = np.where(unable, 1, np.where(missing, 2, 0))
    rules = np.where(dibao & ~p.s_age_known & (rules != 1), 2, rules)
    rules = np.where((rules == 0) & (p.s_able == -1), 2, rules)
    plain = (p.s_able == 1) & ~(tekun | (dibao & age60)) & ~incapable & ~p.s_income_known
    out = np.where(p.s_able == 0, 1, np.where(plain, 0, rules))
    return out.astype(np.int64)


def _gone(people: Ints, ability: Ints, dead: Bools, absent: Bools) -> Tri:
    """Per entry: 0 when the person is alive and able, else -1 when absent or unknown, else 1."""
    able = ~absent & ~dead[people] & (ability[people] == 0)
    unknown = absent | (~dead[people] & (ability[people] == 2))
    return np.where(able, 0, np.where(unknown, -1, 1)).astype(np.int8)


def tekun_formulas(f: Frame, d: DibaoTrace) -> tuple[TekunTrace, ChildTrace]:
    p = f.people
    hh, m = f.hh, len(f.hh)
    kin: Pairs = pairs(f, p)
    age = f.age
    std, std_known = d.standard_fen[hh], d.standard_known[hh]
    assets = d.assets_ok[hh]
    disposable, disposable_known = f.policy_column(lambda q: q.disposable_yearly_fen)
    by_disability = no_work_by_disability(p)
    no_work = (age >= 60) | (age < 16) | by_disability
    own_ok = tri(f.own_fen < std, std_known)
    before = _tri(status_codes(f.counted.astype(np.int8), no_work.astype(np.int8), np.where(std_known, own_ok, 1),
                               np.where(std_known, assets, -1)))
    candidate = before != 0
    # --- a member's ability, but for its own 特困 ---
    minor = age < 18
    dependent = p.no_capacity | by_disability
    incapable = p.no_capacity | p.declared_missing | (f.where == WHERE.index("prison"))
    dibao_60 = (p.dibao_receipt | (f.counted & (d.dibao_status == 1)[hh])) & (age >= 60)
    check_low = (age >= 70) | _severe(p.dis_kind, p.dis_grade)
    low = check_low & disposable_known[hh] & (f.own_fen * 12 < disposable[hh])
    unable_own = minor | dibao_60 | (incapable & (assets == 1)) | (low & (assets == 1))
    unknown_own = (incapable & (assets == -1)) | (check_low & ~disposable_known[hh]) | (low & (assets == -1))
    asks_tekun = ~p.tekun_receipt & ((age >= 60) | dependent)
    sup = _supporters(f, p, disposable, disposable_known)
    head_of = p.head[p.s_hh]
    s_dead = p.s_situation == SUP_SITUATION.index("deceased")
    head_only = ~s_dead & (head_of >= 0) & (p.s_kin == 0)  # the head's supporters (no kinship to a member)
    s_able = _any_at(head_of, head_only & (sup == 0), m)
    s_unknown = _any_at(head_of, head_only & (sup == 2), m)
    dead = np.concatenate((p.dead, s_dead))  # per person: the members, then the recorded supporters
    no_father, no_mother = kin.father < 0, kin.mother < 0
    parents_missing = minor & (no_father | no_mother)
    father, mother = np.maximum(kin.father, 0), np.maximum(kin.mother, 0)
    everyone = _Duties.of(kin, dead, np.ones(len(kin.a), np.bool_))
    # the rounds only need the pairs of the candidates: nobody else's verdict changes a status
    only = everyone if candidate.all() else _Duties.of(kin, dead, candidate[kin.a])

    def abilities(tekun: Tri) -> Ints:
        tek = np.where(p.tekun_receipt, 1, np.where(asks_tekun, tekun, 0))
        out: Ints = np.where(unable_own | (tek == 1), 1, np.where(unknown_own | (tek == -1), 2, 0))
        return out

    def supports(ability: Ints, duties: _Duties) -> Tri:
        person = np.concatenate((ability, sup))
        a, ab = duties.a, person[duties.b]
        # whether a's parents (children) are gone matters only for the pairs of mode 1 (mode 2)
        pg, cg = np.zeros(len(a), np.int8), np.zeros(len(a), np.int8)
        at = np.flatnonzero(duties.mode1)
        x = a[at]
        pg[at] = np.minimum(_gone(father[x], person, dead, no_father[x]), _gone(mother[x], person, dead, no_mother[x]))
        at = np.flatnonzero(duties.mode2)
        if len(at):
            child_able = _any_at(a, duties.child & (ab == 0), m)
            child_unknown = _any_at(a, duties.child & (ab == 2), m)
            children_gone = np.where(child_able, 0, np.where(child_unknown, -1, 1))
            children_gone = np.where(kin.has_children & kin.has_grand_down, children_gone, -1)
            cg[at] = children_gone[a[at]]
        held = duties.mode0 | (duties.mode1 & (pg == 1)) | (duties.mode2 & (cg == 1))
        open_ = (duties.mode1 & (pg != 1)) | (duties.mode2 & (cg != 1)) | duties.mode3
        found_able = _any_at(a, duties.duty & (ab == 0) & held, m) | s_able
        found_unknown = (_any_at(a, duties.duty & ((ab == 2) | ((ab == 0) & open_)), m) | s_unknown
                         | parents_missing)
        out: Tri = np.where(found_able, 0, np.where(found_unknown, -1, 1)).astype(np.int8)
        return out

    # the fixed point: every candidate 特困 first (a cycle counts as 特困), then until nothing changes. A
    # household's answers depend on its own people only: a household whose answers did not change in a
    # round gives the same ones in the next, so each round after the first reads only the pairs of the
    # households that changed in the one before.
    tekun = np.where(candidate, 1, 0).astype(np.int8)
    rounds = 0
    swinging = np.zeros(len(f.first) - 1, np.bool_)
    active = only
    changing: Bools | None = None
    while True:
        rounds += 1
        new = np.where(candidate, _tri(status_codes(before, supports(abilities(tekun), active))), 0).astype(np.int8)
        if changing is not None:  # (the others' answers stay)
            new = np.where(changing[hh], new, tekun)
        if np.array_equal(new, tekun):
            break
        if rounds >= MAX_ROUNDS:  # no fixed point: the households that still change are left to the graph
            swinging[hh[new != tekun]] = True
            break
        changing = np.zeros(len(f.first) - 1, np.bool_)
        changing[hh[new != tekun]] = True
        active = active.only(changing[hh[active.a]])
        tekun = new
    ability = abilities(tekun)  # everyone's, from the answer (the trace's; the statuses need only the candidates')
    support = supports(ability, everyone)
    status = np.where(f.exists, np.where(tekun < 0, 2, tekun), 0).astype(np.int8)
    lost = p.care_lost
    care = np.where(status == 1, np.where(lost == 0, 0, np.where(lost <= 3, 1, 2)), NO)
    yearly, yearly_known = f.policy_column(lambda q: q.tekun_yearly_fen)
    multiple, multiple_known = f.policy_column(lambda q: q.tekun_multiple_milli)
    basic = np.where(yearly_known, _ceil_div(yearly, 12), _ceil_div(d.standard_fen * multiple, 1000))
    basic_known = yearly_known | (multiple_known & d.standard_known)
    care_month = np.zeros(m, np.int64)
    for level, name in enumerate(CARE):
        fen, known = f.policy_column(_care_of(name))
        care_month = np.where((care == level) & known[hh], _ceil_div(fen[hh], 12), care_month)
    amount = np.where((status == 1) & basic_known[hh], _ceil_div(basic[hh] + care_month, 100), NO)
    undecided = p.complex | kin.ambiguous | swinging
    trace = TekunTrace(no_work=no_work, own_ok=own_ok, before=before, dibao_60=dibao_60, low_income=low,
                       ability=ability, supporter_ability=sup, support=support, iterations=rounds, status=status,
                       care=care, amount=amount, undecided=undecided)
    return trace, _children(f, p, kin)


def _situation(f: Frame, p: People) -> Ints:
    """Each member's situation as a parent (:func:`.situations.member_situation`)."""
    w = f.where
    away = (w == WHERE.index("prison")) | (w == WHERE.index("drug_rehab"))
    term = np.where(p.order_months > 0, p.order_months, np.where(w == WHERE.index("drug_rehab"), 24, 0))
    months = f.months_away
    listed_dis = (p.dis_grade > 0) & ((p.dis_grade <= 2) | (among(p.dis_kind, _INTELLECT) & (p.dis_grade <= 4)))
    s = SITUATIONS.index
    return np.select(
        [p.dead, p.declared_missing, listed_dis | f.serious_illness | p.revoked | p.deported,
         away & (term > 0), away, w == WHERE.index("missing")],
        [s("dead"), s("missing"), s("listed"),
         np.where(term >= 6, s("listed"), s("none")), np.where(months >= 6, s("listed"), s("unknown")),
         np.where(months >= 6, s("listed"), s("none"))], s("none")).astype(np.int64)


def _children(f: Frame, p: People, kin: Pairs) -> ChildTrace:
    s = SITUATIONS.index
    sit = np.concatenate((_situation(f, p), p.s_child))  # per person
    father = np.where(kin.father >= 0, sit[np.maximum(kin.father, 0)], s("absent"))
    mother = np.where(kin.mother >= 0, sit[np.maximum(kin.mother, 0)], s("absent"))
    assessed = f.exists & (f.age < 18)
    none = (father == s("none")) | (mother == s("none"))
    orphan = (father == s("dead")) & (mother == s("dead"))
    unknown = among(father, [s("unknown"), s("absent")]) | among(mother, [s("unknown"), s("absent")])
    status = np.where(none | orphan, 0, np.where(unknown, 2, 1))
    status = np.where(assessed, status, 0).astype(np.int8)
    orphan_fen, known = f.policy_column(lambda q: q.orphan_fen)
    amount = np.where((status == 1) & known[f.hh], _ceil_div(orphan_fen[f.hh], 100), NO)
    return ChildTrace(father=father, mother=mother, assessed=assessed, status=status, amount=amount)


__all__ = ["ABILITY", "CARE", "SITUATIONS", "ChildTrace", "TekunTrace", "tekun_formulas"]
