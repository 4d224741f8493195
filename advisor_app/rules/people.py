"""The facts 特困 and 事实无人抚养儿童 read, as plain fixed-width columns: per member (M) the relation,
sex, disability, legal capacity and the like, and per recorded supporter (S, a third entity: one row
per supporter, with its household) the supporter's own facts.

:func:`people_columns` reads them from the :class:`~advisor_app.domain.household.Household` objects
in one pass; the formulas (:mod:`.kinship`, :mod:`.tekun_formulas`) read only these numbers. Codes:
relations index :data:`RELATIONS`, sex 0 unknown / 1 male / 2 female (from the ID number),
disability kinds index :data:`DIS_KINDS` (grade 0: none), tri-states 1 / 0 / -1 (unknown).

A supporter recorded with a kinship to a member of the household (``kinship`` and ``of_member``)
sets ``kin_of`` on its household (``Frame.people.complex``): such households are decided by the
kinship graph of :mod:`.supporters`, one by one (they are rare: records of advisor-household/2 with
a kinship). The supporters without one are the head's (:mod:`.supporters`), here as formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from advisor_app.domain.household import Household

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

RELATIONS = ("head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "child_in_law",
             "other", "lodger")
REL = {r: i for i, r in enumerate(RELATIONS)}
DIS_KINDS = ("", "physical", "visual", "hearing", "speech", "intellectual", "psychiatric", "multiple")
_DIS = {k: i for i, k in enumerate(DIS_KINDS)}
SUP_STATUS = ("", "tekun", "dibao")
SUP_SITUATION = ("", "deceased", "no_capacity", "declared_missing", "prison")
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
    complex: Bools  # a supporter recorded with a kinship to a member: decided one by one
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
    s_age_known: Bools


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
        ids = set()
        hd = -1
        tekun_ids = {r.member for r in h.receiving if r.program == "tekun"} if h.receiving else set()
        dibao_ids = ({r.member for r in h.receiving if r.program in ("dibao", "dibao_single")}
                     if h.receiving else set())
        for m in h.members:
            idn = m.id_number
            ids.add(idn)
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
        kin_of = False
        for s in h.supporters:
            if s.kinship and s.of_member in ids:
                kin_of = True
                continue
            age = _age(s.id_number, on) if s.id_number else None
            sd = s.disability
            s_cols.append((
                k, -1 if s.able is None else int(s.able), SUP_STATUS.index(s.status),
                SUP_SITUATION.index(s.situation), _DIS[sd.kind] if sd is not None else 0,
                sd.grade if sd is not None else 0,
                0 if s.monthly_income is None else round(s.monthly_income * 100), s.monthly_income is not None,
                -1 if s.assets_ok is None else int(s.assets_ok), 0 if age is None else age, age is not None))
        cplx.append(kin_of)
    t = np.array(s_cols, np.int64).reshape(-1, 11)
    b = np.bool_
    return People(
        rel=_i(rel), sex=_i(sex), dead=np.array(dead, b), declared_missing=np.array(dmiss, b), dis_kind=_i(dkind),
        dis_grade=_i(dgrade), no_capacity=np.array(nocap, b), revoked=np.array(revoked, b),
        deported=np.array(deported, b), order_months=_i(order), care_lost=_i(lost), tekun_receipt=np.array(tek, b),
        dibao_receipt=np.array(dib, b), head=_i(head), complex=np.array(cplx, b),
        s_hh=t[:, 0].copy(), s_able=t[:, 1].copy(), s_status=t[:, 2].copy(), s_situation=t[:, 3].copy(),
        s_dis_kind=t[:, 4].copy(), s_dis_grade=t[:, 5].copy(), s_income_fen=t[:, 6].copy(),
        s_income_known=t[:, 7].astype(b), s_assets=t[:, 8].copy(), s_age=t[:, 9].copy(),
        s_age_known=t[:, 10].astype(b))


def _i(values: list[int]) -> Ints:
    return np.array(values, np.int64)


__all__ = ["DIS_KINDS", "RELATIONS", "SUP_SITUATION", "SUP_STATUS", "People", "people_columns"]
