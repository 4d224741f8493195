"""The kinship of :mod:`.supporters` as formulas over pairs of members of the same household.

Every ordered pair (a, b) of members of one household (a ≠ b) is one entry of the pair arrays
(households are small: a few pairs per member). From the relations to the head and the sexes, the
module docstring of :mod:`.supporters` says what b is to a: spouse, parent, child, sibling,
grandparent, grandchild; :func:`pairs` computes those as boolean arrays, and the duties of
:meth:`.supporters.Family.duty_plan` as three masks per pair: the duty holds (mode 0), it holds if
a's parents are dead or unable (mode 1: grandparents and elder siblings of a minor), if a's children
are (mode 2: adult grandchildren).

The recorded supporters with a kinship to a member are people too: person ``M + s`` is recorded
supporter ``s`` (``People.s_*``), and the pairs (member, that supporter) follow the same module
docstring (a ``son`` of the head is also the spouse's child, a sibling of the head's children and a
grandchild of the head's parents …). A member's father (mother) is the first man (woman) among the
parents: a member of the household before a recorded one, recorded ones in the order of the record.
A member with two parents of the same sex among the members makes "the father" depend on the order
of the graph: such households are marked in ``Pairs.ambiguous`` and decided by it one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .frame import Bools, Frame, Ints
from .people import KIN, REL, People

H, S, C, P, GC, GP, SIB, IL = (REL[r] for r in ("head", "spouse", "child", "parent", "grandchild", "grandparent",
                                                 "sibling", "child_in_law"))
_NO_WORK = {"intellectual": 3, "psychiatric": 3, "physical": 2, "visual": 1}


@dataclass(slots=True)
class Pairs:
    """Ordered pairs (a, b) of members of one household, a ≠ b: what b is to a, and b's duty to a."""

    a: Ints  # member index of the one supported
    b: Ints  # person index of the possible supporter: a member, or M + a recorded supporter
    spouse: Bools
    parent: Bools  # b is a's parent
    child: Bools  # b is a's child
    sibling: Bools
    grand_up: Bools  # b is a's grandparent
    grand_down: Bools  # b is a's grandchild
    mode0: Bools  # b has the duty (spouse; parent of a minor or dependent adult; adult child)
    mode1: Bools  # b has it if a's parents are gone (a a minor: adult grandparent, adult elder sibling)
    mode2: Bools  # b has it if a's children are gone (adult grandchild)
    mode3: Bools  # whether b has it is not known (a sibling of a minor recorded without an age)
    father: Ints  # M: the person index of each member's father (-1: none recorded)
    mother: Ints  # M
    has_children: Bools  # M: someone is a's child
    has_grand_down: Bools  # M: someone is a's grandchild
    ambiguous: Bools  # N: a member has two parents of the same sex in the household


def no_work_by_disability(p: People) -> Bools:
    """A disability that takes away the ability to work (《特困人员认定办法》)."""
    limit = np.zeros(len(p.dis_kind), np.int64)
    from .people import DIS_KINDS

    for kind, grade in _NO_WORK.items():
        limit[p.dis_kind == DIS_KINDS.index(kind)] = grade
    return (p.dis_grade > 0) & (p.dis_grade <= limit)


def pairs(f: Frame, p: People) -> Pairs:
    n = np.diff(f.first)
    # the layout: household after household, its pairs (i, j), i ≠ j, row by row (i, then j) — pair
    # (i, j) at offset + i × (n − 1) + j − (j > i)
    sq = n * (n - 1)
    offset = np.concatenate(([0], np.cumsum(sq)[:-1])).astype(np.int64) if len(n) else np.zeros(0, np.int64)
    hh = np.repeat(np.arange(len(n), dtype=np.int64), sq)
    k = np.arange(int(sq.sum()), dtype=np.int64) - offset[hh]
    row = np.maximum(n - 1, 1)[hh]
    i, j = np.divmod(k, row)
    j += j >= i
    base = f.first[hh]
    a, b = base + i, base + j
    transposed = offset[hh] + j * row + i - (i > j)
    rel, sex = p.rel, p.sex
    ra, rb = rel[a], rel[b]

    def count(mask: Bools) -> Ints:
        return np.bincount(f.hh[mask], minlength=len(n)).astype(np.int64)

    n_child, n_inlaw, n_parent = count(rel == C), count(rel == IL), count(rel == P)
    kid_or_inlaw = (rel == C) | (rel == IL)
    n_male, n_female = count(kid_or_inlaw & (sex == 1)), count(kid_or_inlaw & (sex == 2))
    couple_b = (rb == H) | (rb == S)
    inlaw_couple = ((n_child == 1) & (n_inlaw == 1))[hh] & (sex[a] != sex[b])
    spouse = (((ra == H) & (rb == S)) | ((ra == S) & (rb == H))
              | (inlaw_couple & (((ra == C) & (rb == IL)) | ((ra == IL) & (rb == C)))))
    sb = sex[b]
    only_of_sex = ((sb == 1) & (n_male == 1)[hh]) | ((sb == 2) & (n_female == 1)[hh])
    parent = (((ra == H) & (rb == P)) | ((ra == C) & couple_b) | ((ra == SIB) & (rb == P))
              | ((ra == P) & (rb == GP) & (n_parent == 1)[hh])
              | ((ra == GC) & ((rb == C) | (rb == IL)) & only_of_sex))
    sibling = (((ra == H) & (rb == SIB)) | ((ra == C) & (rb == C)) | ((ra == SIB) & ((rb == H) | (rb == SIB)))
               | ((ra == GC) & (rb == GC)))
    grand_up = ((ra == H) & (rb == GP)) | ((ra == C) & (rb == P)) | ((ra == GC) & couple_b)
    child = parent[transposed]
    grand_down = ((ra == H) | (ra == S)) & (rb == GC)
    grand_down[_grandchildren(f, offset, a[child], b[child])] = True  # b is a child of a child of a
    sup = _supporter_pairs(f, p, offset, parent)
    m = len(rel)
    b = np.concatenate((b, sup["b"] + m))
    a = np.concatenate((a, sup["a"]))
    spouse, parent, child, sibling, grand_up, grand_down = (
        np.concatenate((x, sup[name])) for x, name in ((spouse, "spouse"), (parent, "parent"), (child, "child"),
                                                        (sibling, "sibling"), (grand_up, "grand_up"),
                                                        (grand_down, "grand_down")))
    age = f.age
    minor = age < 18
    dependent = minor | p.no_capacity | no_work_by_disability(p)
    age_b = np.concatenate((age, p.s_age))[b]
    known_b = np.concatenate((np.ones(m, np.bool_), p.s_age_known))[b]
    adult_b = ~known_b | (age_b >= 18)
    mode0 = spouse | (parent & dependent[a]) | (child & adult_b)
    mode1 = minor[a] & adult_b & (grand_up | (sibling & known_b & (age_b > age[a])))
    mode2 = grand_down & adult_b
    mode3 = minor[a] & sibling & ~known_b
    sex_b = np.concatenate((sex, p.s_sex))[b]
    # the first man / woman among the parents: members (their index) before recorded supporters
    is_father, is_mother = parent & (sex_b == 1), parent & (sex_b == 2)
    fathers = np.bincount(a[is_father & (b < m)], minlength=m)
    mothers = np.bincount(a[is_mother & (b < m)], minlength=m)
    father, mother = _first_per(a, b, is_father, m), _first_per(a, b, is_mother, m)
    ambiguous = np.zeros(len(n), np.bool_)
    ambiguous[f.hh[(fathers > 1) | (mothers > 1)]] = True
    return Pairs(a=a, b=b, spouse=spouse, parent=parent, child=child, sibling=sibling, grand_up=grand_up,
                 grand_down=grand_down, mode0=mode0, mode1=mode1, mode2=mode2, mode3=mode3, father=father,
                 mother=mother, has_children=np.bincount(a[child], minlength=m) > 0,
                 has_grand_down=np.bincount(a[grand_down], minlength=m) > 0, ambiguous=ambiguous)


def _grandchildren(f: Frame, offset: Ints, parent_of: Ints, child_of: Ints) -> Ints:
    """The pair indexes (of the layout of :func:`pairs`) of (x, z) where z is a child of a child of x,
    from the (parent, child) pairs among the members: each pair (x, y) joined with y's own children."""
    m = len(f.hh)
    kids = np.bincount(parent_of, minlength=m)
    starts = np.cumsum(kids) - kids
    grouped = child_of[np.argsort(parent_of, kind="stable")]  # each member's children together
    reps = kids[child_of]
    x = np.repeat(parent_of, reps)
    within = np.arange(int(reps.sum()), dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
    z = grouped[np.repeat(starts[child_of], reps) + within]
    house = f.hh[x]
    n = np.diff(f.first)
    i, j = x - f.first[house], z - f.first[house]  # (never the same member: generations do not loop)
    out: Ints = offset[house] + i * (n[house] - 1) + j - (j > i)
    return out


def _first_per(a: Ints, b: Ints, mask: Bools, m: int) -> Ints:
    """Per member x: the smallest ``b`` of the pairs (x, b) ``mask`` marks (-1: none)."""
    out = np.full(m, -1, np.int64)
    if mask.any():
        sa, sb = a[mask], b[mask]
        order = np.lexsort((sb, sa))
        sa, sb = sa[order], sb[order]
        first = np.concatenate(([True], sa[1:] != sa[:-1]))
        out[sa[first]] = sb[first]
    return out


def _supporter_pairs(f: Frame, p: People, offset: Ints, parent: Bools) -> dict[str, Ints | Bools]:
    """The pairs (member x, recorded supporter s) of s's household: what s is to x (``_add_supporters``
    of :mod:`.supporters`). ``parent`` is the members' (the layout of :func:`pairs`)."""
    kin, of = p.s_kin, p.s_of
    s_idx = np.flatnonzero((kin > 0) & (kin < 8))
    n = np.diff(f.first)
    size = n[p.s_hh[s_idx]]
    rows = np.repeat(s_idx, size)
    row_start = np.concatenate(([0], np.cumsum(size)[:-1])).astype(np.int64) if len(size) else np.zeros(0, np.int64)
    block = np.repeat(row_start, size)  # the first row of each row's supporter
    local = np.arange(int(size.sum()), dtype=np.int64) - block
    house = p.s_hh[rows]
    x = f.first[house] + local
    k, o = kin[rows], of[rows]
    rel = p.rel
    rx, ro = rel[x], rel[np.maximum(o, 0)]
    is_of = x == o
    o_couple = (ro == H) | (ro == S)
    o_head = ro == H
    couple_x = (rx == H) | (rx == S)
    K = {name: i for i, name in enumerate(KIN)}
    parent_s = ((k == K["parent"]) & (is_of | (o_head & (rx == SIB))))
    spouse_s = (k == K["spouse"]) & is_of
    is_child = k == K["child"]
    sibling_kin = (k == K["elder"]) | (k == K["younger"])
    child_s = ((is_child & np.where(o_couple, couple_x, is_of)) | (sibling_kin & o_head & (rx == P)))
    sibling_s = (is_child & o_couple & (rx == C)) | (sibling_kin & is_of)
    grand_up_s = (k == K["grandparent"]) & is_of
    grand_down_s = (is_child & o_couple & (rx == P)) | ((k == K["grandchild"]) & is_of)
    # a recorded child of member c is a grandchild of c's parents who come after c in the record
    size_r = n[house]
    for c in range(int(size_r.max()) if len(size_r) and len(parent) else 0):  # (no member pairs: nobody later)
        has_c = c < size_r
        at_c = np.where(has_c, block + c, 0)
        later = has_c & (c < local)
        c_is_parent = np.where(later, offset[house] + c * (size_r - 1) + local - 1, 0)  # pair (a = c, b = x)
        grand_down_s |= later & child_s[at_c] & parent[c_is_parent]
    return {"a": x, "b": rows, "spouse": spouse_s, "parent": parent_s, "child": child_s, "sibling": sibling_s,
            "grand_up": grand_up_s, "grand_down": grand_down_s}


__all__ = ["Pairs", "no_work_by_disability", "pairs"]
