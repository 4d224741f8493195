"""The facts 特困 and 事实无人抚养儿童 read, as plain fixed-width columns: per member (M) the relation,
sex, disability, legal capacity and the like, and per recorded supporter (S, a third entity: one row
per supporter, with its household) the supporter's own facts.

:func:`people_columns` reads them from the :class:`~advisor_app.domain.household.Household` objects
in one pass; the formulas (:mod:`.kinship`, :mod:`.tekun_formulas`) read only these numbers. Codes:
relations index :data:`RELATIONS`, sex 0 unknown / 1 male / 2 female (from the ID number),
disability kinds index :data:`DIS_KINDS` (grade 0: none), tri-states 1 / 0 / -1 (unknown).

A supporter recorded with a kinship to a member (``kinship`` and ``of_member``) is what the kinship
says it is to that member (``s_kin``, ``s_of``: :mod:`.kinship` draws the pairs); one recorded
without is the head's. The one case the formulas leave to the kinship graph of :mod:`.supporters`
(``complex``, decided one by one): an ``advisor-household/1`` 父亲/母亲 of the head, which the graph
gives to the minors in the order of the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from advisor_app.domain.household import Household

from .situations import supporter_situation

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

RELATIONS = ("head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "child_in_law",
             "other", "lodger")
REL = {r: i for i, r in enumerate(RELATIONS)}
DIS_KINDS = ("", "physical", "visual", "hearing", "speech", "intellectual", "psychiatric", "multiple")
_DIS = {k: i for i, k in enumerate(DIS_KINDS)}
SUP_STATUS = ("", "tekun", "dibao")
SUP_SITUATION = ("", "deceased", "no_capacity", "declared_missing", "prison")
# what a recorded supporter is to its member (``s_kin``): 0 the head's supporter (no kinship to a
# member of the household), 8 no duty (in-law, other)
KIN = ("head", "parent", "spouse", "child", "grandparent", "grandchild", "elder", "younger", "none")
_KIN_OF = {"father": 1, "mother": 1, "spouse": 2, "son": 3, "daughter": 3, "grandfather": 4, "grandmother": 4,
           "grandson": 5, "granddaughter": 5, "elder_brother": 6, "elder_sister": 6, "younger_brother": 7,
           "younger_sister": 7}
_KIN_SEX = {"father": 1, "mother": 2, "son": 1, "daughter": 2}
# a parent's situation for 事实无人抚养儿童 (``s_child``; "absent": no parent recorded)
SITUATIONS = ("none", "dead", "missing", "listed", "unknown", "absent")
_DEAD = ("deceased", "declared_dead")


@dataclass(slots=True)
class People:
    # members (M)
    rel: Ints
    sex: Ints
    dead: Bools  # recorded deceased or declared dead (whatever the day: nobody's supporter)
    declared_missing: Bools  # the recorded state, whatever the day
    dis_kind: Ints
    dis_grade: Ints  # 0: no disability recorded
    no_capacity: Bools
    revoked: Bools  # guardianship revoked
    deported: Bools
    order_months: Ints
    care_lost: Ints  # self-care activities lost (0–6)
    tekun_receipt: Bools  # recorded as receiving 特困 (a receipt naming the member)
    dibao_receipt: Bools  # a 低保 / 单人保 receipt of the household or naming the member (any day)
    # households (N)
    head: Ints  # the head's member index (the first ``head``, else the first member; -1: nobody)
    complex: Bools  # decided one by one (see the module docstring)
    # supporters (S)
    s_hh: Ints
    s_able: Ints  # tri-state
    s_status: Ints  # index into SUP_STATUS
    s_situation: Ints  # index into SUP_SITUATION
    s_dis_kind: Ints
    s_dis_grade: Ints
    s_income_fen: Ints  # own income (valid where ``s_income_known``)
    s_income_known: Bools
    s_assets: Ints  # tri-state
    s_age: Ints  # from the ID number (valid where ``s_age_known``)
    s_age_known: Bools  # (an elder brother or sister recorded without an ID number: adult, age 1000)
    s_kin: Ints  # index into KIN
    s_of: Ints  # the member the kinship is to (-1: none, the head's supporter)
    s_sex: Ints  # from the kinship (father, son …), else from the ID number
    s_child: Ints  # index into SITUATIONS: the supporter's situation as a child's parent


def _age(id_number: str, on: dt.date) -> int | None:
    if len(id_number) != 18 or not id_number[6:14].isdigit():
        return None
    return on.year - int(id_number[6:10]) - (f"{on.month:02d}{on.day:02d}" < id_number[10:14])


def people_columns(households: Sequence[Household], on: dt.date) -> People:
    rel: list[int] = []
    sex: list[int] = []
    dead: list[bool] = []
    dmiss: list[bool] = []
    dkind: list[int] = []
    dgrade: list[int] = []
    nocap: list[bool] = []
    revoked: list[bool] = []
    deported: list[bool] = []
    order: list[int] = []
    lost: list[int] = []
    tek: list[bool] = []
    dib: list[bool] = []
    head: list[int] = []
    cplx: list[bool] = []
    s_cols: list[tuple[int, ...]] = []
    j = 0
    for k, h in enumerate(households):
        hd = -1
        tekun_ids = {r.member for r in h.receiving if r.program == "tekun"} if h.receiving else set()
        dibao_ids = ({r.member for r in h.receiving if r.program in ("dibao", "dibao_single")}
                     if h.receiving else set())
        for m in h.members:
            idn = m.id_number
            r = REL[m.relation]
            if r == 0 and hd < 0:
                hd = j
            rel.append(r)
            sex.append((1 if int(idn[16]) % 2 else 2) if len(idn) == 18 and idn[16].isdigit() else 0)
            dead.append(m.state in _DEAD)
            dmiss.append(m.state == "declared_missing")
            d = m.disability
            dkind.append(_DIS[d.kind] if d is not None else 0)
            dgrade.append(d.grade if d is not None else 0)
            nocap.append(m.no_legal_capacity)
            revoked.append(m.guardianship_revoked)
            deported.append(m.deported)
            order.append(m.order_months)
            lost.append(m.self_care_lost)
            tek.append(idn in tekun_ids)
            dib.append("" in dibao_ids or idn in dibao_ids)
            j += 1
        if hd < 0 and h.members:
            hd = j - len(h.members)
        head.append(hd)
        quirk = False
        if h.supporters:
            lo = j - len(h.members)
            index = {m.id_number: lo + i for i, m in enumerate(h.members)}
            for s in h.supporters:
                of = index.get(s.of_member, -1) if s.kinship else -1
                kin = 0 if of < 0 else _KIN_OF.get(s.kinship, 8)
                quirk = quirk or (kin == 1 and bool(s.relation) and of == hd)
                age = _age(s.id_number, on) if s.id_number else None
                if age is None and kin == 6:
                    age = 1000
                idn = s.id_number
                s_sex = _KIN_SEX.get(s.kinship, 0) if kin else 0
                if not s_sex and len(idn) == 18 and idn[16].isdigit():
                    s_sex = 1 if int(idn[16]) % 2 else 2
                sd = s.disability
                s_cols.append((
                    k, -1 if s.able is None else int(s.able), SUP_STATUS.index(s.status),
                    SUP_SITUATION.index(s.situation), _DIS[sd.kind] if sd is not None else 0,
                    sd.grade if sd is not None else 0,
                    0 if s.monthly_income is None else round(s.monthly_income * 100), s.monthly_income is not None,
                    -1 if s.assets_ok is None else int(s.assets_ok), 0 if age is None else age, age is not None,
                    kin, of, s_sex, SITUATIONS.index(supporter_situation(s).kind) if kin == 1 else 0))
        cplx.append(quirk)
    t = np.array(s_cols, np.int64).reshape(-1, 15)
    b = np.bool_
    return People(
        rel=_i(rel), sex=_i(sex), dead=np.array(dead, b), declared_missing=np.array(dmiss, b), dis_kind=_i(dkind),
        dis_grade=_i(dgrade), no_capacity=np.array(nocap, b), revoked=np.array(revoked, b),
        deported=np.array(deported, b), order_months=_i(order), care_lost=_i(lost), tekun_receipt=np.array(tek, b),
        dibao_receipt=np.array(dib, b), head=_i(head), complex=np.array(cplx, b),
        s_hh=t[:, 0].copy(), s_able=t[:, 1].copy(), s_status=t[:, 2].copy(), s_situation=t[:, 3].copy(),
        s_dis_kind=t[:, 4].copy(), s_dis_grade=t[:, 5].copy(), s_income_fen=t[:, 6].copy(),
        s_income_known=t[:, 7].astype(b), s_assets=t[:, 8].copy(), s_age=t[:, 9].copy(),
        s_age_known=t[:, 10].astype(b), s_kin=t[:, 11].copy(), s_of=t[:, 12].copy(), s_sex=t[:, 13].copy(),
        s_child=t[:, 14].copy())


def _i(values: list[int]) -> Ints:
    return np.array(values, np.int64)


__all__ = ["DIS_KINDS", "KIN", "RELATIONS", "SITUATIONS", "SUP_SITUATION", "SUP_STATUS", "People", "people_columns"]
