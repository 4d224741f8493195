"""The facts 特困 and 事实无人抚养儿童 read, as plain fixed-width columns: per member (M) the relation,
sex, disability, legal capacity and the like, and per recorded supporter (S, a third entity: one row
per supporter, with its household) the supporter's own facts.

:func:`people_of` makes them from the records of :mod:`advisor_app.domain.inputs` (the member
records and the supporter records, as stored packed in the profile or read from the objects): the
formulas (:mod:`.kinship`, :mod:`.tekun_formulas`) read only these numbers. Codes: relations index
:data:`RELATIONS`, sex 0 unknown / 1 male / 2 female (from the ID number), disability kinds index
:data:`DIS_KINDS` (grade 0: none), tri-states 1 / 0 / -1 (unknown).

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
from typing import Any

import numpy as np
import numpy.typing as npt

from advisor_app.domain.inputs import (
    DIS_KINDS,
    KIN,
    REASON_WORDS,
    REL,
    RELATIONS,
    STATE_CODE,
    SUP_SITUATION,
    SUP_STATUS,
)

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# a parent's situation for 事实无人抚养儿童 (``s_child``; "absent": no parent recorded), as
# :func:`.situations.supporter_situation` words it
SITUATIONS = ("none", "dead", "missing", "listed", "unknown", "absent")


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


def among(values: Ints, codes: Sequence[int]) -> Bools:
    """Where ``values`` is one of the few ``codes`` (``np.isin``'s answer, without its sort: ≈ 15 × faster
    for a handful of codes)."""
    out: Bools = np.zeros(len(values), np.bool_)
    for code in codes:
        out |= values == code
    return out


def _ages(birth: Ints, on: dt.date) -> Ints:
    """Completed years on ``on`` of people born on ``birth`` (yyyymmdd)."""
    return on.year - birth // 10000 - ((on.month * 100 + on.day) < birth % 10000)


def _situation(s: Any) -> Ints:
    """Per supporter record its situation as a child's parent (index into :data:`SITUATIONS`), by the
    rule of :func:`.situations.supporter_situation`."""
    situation, able, kind, grade = s["situation"], s["able"], s["dis_kind"], s["dis_grade"]
    severe = (grade > 0) & ((grade <= 2) | (among(kind, [DIS_KINDS.index("intellectual"),
                                                         DIS_KINDS.index("psychiatric")]) & (grade <= 4)))
    said = np.array([0, *(SITUATIONS.index(kind) for _words, kind in REASON_WORDS)], np.int64)[s["reason"]]
    refused = able == 0
    kinds: Ints = np.select(
        [situation == SUP_SITUATION.index("deceased"), situation == SUP_SITUATION.index("declared_missing"), severe,
         refused & (said > 0), (situation == SUP_SITUATION.index("prison")) | (refused & (s["prison_words"] > 0)),
         able == 1],
        [SITUATIONS.index("dead"), SITUATIONS.index("missing"), SITUATIONS.index("listed"), said,
         SITUATIONS.index("unknown"), SITUATIONS.index("none")], SITUATIONS.index("unknown")).astype(np.int64)
    return kinds


def people_of(m: Any, s: Any, first: Ints, supporter_counts: Ints, on: dt.date) -> People:
    """The columns of the households whose members' records (:data:`~advisor_app.domain.inputs.MEMBER_INPUT`)
    are ``m`` (the members of household ``i`` at ``first[i]:first[i + 1]``) and whose supporters'
    records (:data:`~advisor_app.domain.inputs.SUPPORTER_INPUT`) are ``s`` (``supporter_counts`` of each)."""
    n = len(first) - 1
    counts = np.diff(first)
    hh = np.repeat(np.arange(n, dtype=np.int64), counts)
    rel = m["relation"].astype(np.int64)
    # the head: the first member recorded as head, else the first member
    heads = np.flatnonzero(rel == REL["head"])
    head = np.where(counts > 0, first[:-1], -1)
    if len(heads):
        firsts = np.full(n, -1, np.int64)
        seen = np.unique(hh[heads], return_index=True)
        firsts[seen[0]] = heads[seen[1]]
        head = np.where(firsts >= 0, firsts, head)
    s_hh = np.repeat(np.arange(n, dtype=np.int64), supporter_counts)
    of_rel = s["of"].astype(np.int64)
    kin = s["kin"].astype(np.int64)
    s_of = np.where(of_rel >= 0, first[:-1][s_hh] + of_rel, -1)
    complex_ = np.zeros(n, np.bool_)
    quirk = (kin == KIN.index("parent")) & (s["legacy"] > 0) & (s_of == head[s_hh])
    complex_[s_hh[quirk]] = True
    birth = s["birth"].astype(np.int64)
    age_known = birth > 0
    age = np.where(age_known, _ages(birth, on), 0)
    elder = ~age_known & (kin == KIN.index("elder"))  # an elder brother or sister without an ID number: adult
    age, age_known = np.where(elder, 1000, age), age_known | elder
    state = m["state"]
    b = np.bool_
    return People(
        rel=rel, sex=m["sex"].astype(np.int64),
        dead=(state == STATE_CODE["deceased"]) | (state == STATE_CODE["declared_dead"]),
        declared_missing=state == STATE_CODE["declared_missing"], dis_kind=m["dis_kind"].astype(np.int64),
        dis_grade=m["dis_grade"].astype(np.int64), no_capacity=m["no_capacity"].astype(b),
        revoked=m["revoked"].astype(b), deported=m["deported"].astype(b),
        order_months=m["order_months"].astype(np.int64),
        care_lost=m["care_lost"].astype(np.int64), tekun_receipt=m["tekun_receipt"].astype(b),
        dibao_receipt=m["dibao_receipt"].astype(b), head=head.astype(np.int64), complex=complex_,
        s_hh=s_hh, s_able=s["able"].astype(np.int64), s_status=s["status"].astype(np.int64),
        s_situation=s["situation"].astype(np.int64), s_dis_kind=s["dis_kind"].astype(np.int64),
        s_dis_grade=s["dis_grade"].astype(np.int64), s_income_fen=s["income_fen"].astype(np.int64),
        s_income_known=s["income_known"].astype(b), s_assets=s["assets"].astype(np.int64), s_age=age.astype(np.int64),
        s_age_known=age_known, s_kin=kin, s_of=s_of.astype(np.int64), s_sex=s["sex"].astype(np.int64),
        s_child=np.where(kin == KIN.index("parent"), _situation(s), 0).astype(np.int64))


def _i(values: list[int]) -> Ints:
    return np.array(values, np.int64)


__all__ = ["DIS_KINDS", "KIN", "REL", "RELATIONS", "SITUATIONS", "SUP_SITUATION", "SUP_STATUS", "People", "among",
           "people_of"]
