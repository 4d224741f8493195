"""The inputs of the rules as fixed-width records: one per household, one per member.

:func:`household_input`, :func:`member_input` and :func:`supporter_input` are the ONE extraction of
the facts the formulas read from a :class:`~advisor_app.domain.household.Household` (its recorded
supporters are a third kind of record): :func:`advisor_app.rules.frame.frame_from_households`
uses them, and the store keeps the same records packed in the profile (``household_inputs``) so that
a batch screening reads them with one query and ``np.frombuffer`` instead of building objects.
Adding an input is one entry in a dtype below plus one value in its function (and a new
:data:`LAYOUT`: stored records of another layout are packed again when the profile opens).

The records are little-endian, without padding. Money is integer fen, days ``date.toordinal()``
(0: none), the birth date ``yyyymmdd`` from the ID number. Which 低保 receipt applies depends on the
check date (the first recorded one that began on or before it): a household keeps the receipts that
can ever be that one (each began before every receipt listed ahead of it), at most :data:`RECEIPTS`;
``receipts`` counts them all, so a household with more is known (its object decides).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from advisor_app.domain.household import Household, Member, Supporter
from advisor_app.domain.vocab import INCOME_KINDS

KINDS: tuple[str, ...] = tuple(INCOME_KINDS)  # the columns of the income sub-array
KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
OUT = ("", "unborn", "deceased", "declared_dead", "declared_missing", "lodger", "whereabouts")
STATE_CODE = {"living": 0, "deceased": 2, "declared_dead": 3, "declared_missing": 4}
WHERE = ("home", "prison", "drug_rehab", "religious", "missing")
WHERE_CODE = {w: i for i, w in enumerate(WHERE)}
RECEIPTS = 4
RELATIONS = ("head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "child_in_law",
             "other", "lodger")
REL = {r: i for i, r in enumerate(RELATIONS)}
DIS_KINDS = ("", "physical", "visual", "hearing", "speech", "intellectual", "psychiatric", "multiple")
DIS_CODE = {k: i for i, k in enumerate(DIS_KINDS)}
SUP_STATUS = ("", "tekun", "dibao")
SUP_SITUATION = ("", "deceased", "no_capacity", "declared_missing", "prison")
# what a recorded supporter is to its member (``kin``): 0 the head's supporter (no kinship to a
# member of the household), 8 no duty (in-law, other)
KIN = ("head", "parent", "spouse", "child", "grandparent", "grandchild", "elder", "younger", "none")
KIN_OF = {"father": 1, "mother": 1, "spouse": 2, "son": 3, "daughter": 3, "grandfather": 4, "grandmother": 4,
          "grandson": 5, "granddaughter": 5, "elder_brother": 6, "elder_sister": 6, "younger_brother": 7,
          "younger_sister": 7}
_KIN_SEX = {"father": 1, "mother": 2, "son": 1, "daughter": 2}
# The advisor's reason for a supporter's ``able: false``, where it names a situation of the
# 事实无人抚养儿童 notice (``reason``: 1 + the index of the first group whose words it contains).
REASON_WORDS = (
    (("宣告死亡", "已故", "去世", "死亡", "病故", "过世", "身故"), "dead"),
    (("宣告失踪",), "missing"),
    (("重病", "重特大疾病", "大病", "重度残疾", "重残", "一级残疾", "二级残疾", "强制隔离戒毒", "戒毒",
      "撤销监护", "遣送", "驱逐"), "listed"),
)
PRISON_WORDS = ("服刑", "监狱", "在押")

HOUSEHOLD_INPUT = np.dtype([
    ("financial_fen", "<i8"), ("vehicles", "<i4"), ("extra_houses", "<i4"), ("medical_fen", "<i8"),
    ("education_fen", "<i8"), ("receipts", "<i4"), ("receipt_since", "<i4", (RECEIPTS,)),
    ("receipt_fen", "<i8", (RECEIPTS,)), ("emergency", "u1"), ("emergency_day", "<i4"),
])
# 特困 and 事实无人抚养儿童 read more of each member (``rules.people``): relation, sex (from the ID
# number), disability, legal capacity, receipts naming the member (or, for 低保, the household), …
MEMBER_INPUT_PEOPLE = [
    ("relation", "u1"), ("sex", "u1"), ("dis_kind", "u1"), ("dis_grade", "u1"), ("no_capacity", "u1"),
    ("revoked", "u1"), ("deported", "u1"), ("order_months", "<i4"), ("care_lost", "u1"), ("tekun_receipt", "u1"),
    ("dibao_receipt", "u1"),
]
SUPPORTER_INPUT = np.dtype([
    ("able", "i1"), ("status", "u1"), ("situation", "u1"), ("dis_kind", "u1"), ("dis_grade", "u1"),
    ("income_fen", "<i8"), ("income_known", "u1"), ("assets", "i1"), ("birth", "<i4"), ("kin", "u1"),
    ("of", "<i2"), ("sex", "u1"), ("legacy", "u1"), ("reason", "u1"), ("prison_words", "u1"),
])
"""A recorded supporter: tri-states -1 unknown / 0 / 1; ``birth`` yyyymmdd from the ID number (0: none);
``kin`` index into :data:`KIN` and ``of`` the position of the member it is to (-1: the head's
supporter); ``sex`` from the kinship, else the ID number (0 unknown); ``legacy``: recorded with the
free-text relation of ``advisor-household/1``; ``reason`` and ``prison_words``: what the reason for
``able: false`` names (:data:`REASON_WORDS`, :data:`PRISON_WORDS`)."""
MEMBER_INPUT = np.dtype([
    ("birth", "<i4"), ("state", "u1"), ("state_day", "<i4"), ("lodger", "u1"), ("where", "u1"),
    ("months_away", "<i4"), ("income", "<i8", (len(KINDS),)), ("serious_illness", "u1"),
    ("severe_disability", "u1"), ("works", "u1"), *MEMBER_INPUT_PEOPLE,
])
_VERSION = 1  # raise when a function below computes a field differently
LAYOUT = hashlib.sha256(repr((_VERSION, KINDS, HOUSEHOLD_INPUT.descr, MEMBER_INPUT.descr, SUPPORTER_INPUT.descr,
                              REASON_WORDS, PRISON_WORDS)).encode()).hexdigest()[:16]
"""Names the records' layout: stored records of another layout are packed again."""

_NO_RECEIPT = (0,) * RECEIPTS


def household_input(h: Household) -> tuple[object, ...]:
    """The household's record (a tuple in the order of :data:`HOUSEHOLD_INPUT`)."""
    a, e = h.assets, h.expenses
    since: list[int] = []
    fen: list[int] = []
    count = 0
    earliest: int | None = None
    for r in h.receiving:
        if r.program != "dibao":
            continue
        day = r.since.toordinal()
        if earliest is None or day < earliest:  # (one that began on or after a receipt ahead of it never applies)
            earliest = day
            count += 1
            if len(since) < RECEIPTS:
                since.append(day)
                fen.append(round(r.monthly_amount * 100))
    pad = RECEIPTS - len(since)
    return (round(a.financial * 100), a.vehicles, a.extra_houses, round(e.medical_selfpaid_12m * 100),
            round(e.education_12m * 100), count, (*since, *_NO_RECEIPT[:pad]), (*fen, *_NO_RECEIPT[:pad]),
            h.emergency is not None, h.emergency.date.toordinal() if h.emergency is not None else 0)


def member_input(m: Member, tekun_ids: frozenset[str] = frozenset(),
                 dibao_ids: frozenset[str] = frozenset()) -> tuple[object, ...]:
    """The member's record (a tuple in the order of :data:`MEMBER_INPUT`); ``tekun_ids`` and
    ``dibao_ids``: the ID numbers the household's 特困 and 低保 / 单人保 receipts name ("": the household)."""
    income = [0] * len(KINDS)
    works = False
    for i in m.incomes:
        income[KIND_INDEX[i.kind]] += round(i.monthly * 100)  # each income rounded, then added
        works = works or (i.kind in ("wage", "business") and i.monthly > 0)
    d = m.disability
    severe = d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric")))
    idn = m.id_number
    return (int(idn[6:14]), STATE_CODE[m.state], m.state_date.toordinal() if m.state_date else 0,
            m.relation == "lodger", WHERE_CODE[m.whereabouts], m.months_away, income, m.serious_illness,
            severe, works, REL[m.relation], _sex(idn), DIS_CODE[d.kind] if d is not None else 0,
            d.grade if d is not None else 0, m.no_legal_capacity, m.guardianship_revoked, m.deported,
            m.order_months, m.self_care_lost, idn in tekun_ids, "" in dibao_ids or idn in dibao_ids)


def _sex(id_number: str) -> int:
    """1 male, 2 female (the ID number's 17th digit), 0 unknown."""
    return (1 if int(id_number[16]) % 2 else 2) if len(id_number) == 18 and id_number[16].isdigit() else 0


def reason_code(reason: str) -> int:
    """What a supporter's reason for ``able: false`` names: 1 + the index of the first group of
    :data:`REASON_WORDS` it contains a word of, 0 none."""
    return next((k + 1 for k, (words, _kind) in enumerate(REASON_WORDS) if any(w in reason for w in words)), 0)


def supporter_input(s: Supporter, member_index: dict[str, int]) -> tuple[object, ...]:
    """The supporter's record (:data:`SUPPORTER_INPUT`); ``member_index``: the household's members'
    positions by ID number."""
    of = member_index.get(s.of_member, -1) if s.kinship else -1
    kin = 0 if of < 0 else KIN_OF.get(s.kinship, 8)
    idn = s.id_number
    birth = int(idn[6:14]) if len(idn) == 18 and idn[6:14].isdigit() else 0
    sex = (_KIN_SEX.get(s.kinship, 0) if kin else 0) or _sex(idn)
    d = s.disability
    return (-1 if s.able is None else int(s.able), SUP_STATUS.index(s.status), SUP_SITUATION.index(s.situation),
            DIS_CODE[d.kind] if d is not None else 0, d.grade if d is not None else 0,
            0 if s.monthly_income is None else round(s.monthly_income * 100), s.monthly_income is not None,
            -1 if s.assets_ok is None else int(s.assets_ok), birth, kin, of, sex, bool(s.relation),
            reason_code(s.reason), any(w in s.reason for w in PRISON_WORDS))


def _members(h: Household) -> list[tuple[object, ...]]:
    if not h.receiving:
        return [member_input(m) for m in h.members]
    tekun = frozenset(r.member for r in h.receiving if r.program == "tekun")
    dibao = frozenset(r.member for r in h.receiving if r.program in ("dibao", "dibao_single"))
    return [member_input(m, tekun, dibao) for m in h.members]


def _supporters(h: Household) -> list[tuple[object, ...]]:
    if not h.supporters:
        return []
    index = {m.id_number: k for k, m in enumerate(h.members)}
    return [supporter_input(s, index) for s in h.supporters]


class Inputs(NamedTuple):
    """The records of many households: household records (N), their members' records household
    after household (M, ``counts`` of each) and their supporters' records (S, ``supporter_counts``)."""

    households: np.ndarray
    members: np.ndarray
    counts: np.ndarray
    supporters: np.ndarray
    supporter_counts: np.ndarray


def inputs_of(households: Sequence[Household]) -> Inputs:
    """The records of ``households``."""
    return Inputs(np.array([household_input(h) for h in households], HOUSEHOLD_INPUT),
                  np.array([r for h in households for r in _members(h)], MEMBER_INPUT),
                  np.array([len(h.members) for h in households], np.int64),
                  np.array([r for h in households for r in _supporters(h)], SUPPORTER_INPUT),
                  np.array([len(h.supporters) for h in households], np.int64))


def packed(h: Household) -> tuple[bytes, bytes, bytes]:
    """The household's stored form: its record, its members' records one after another, its
    supporters' records one after another."""
    return (np.array([household_input(h)], HOUSEHOLD_INPUT).tobytes(), np.array(_members(h), MEMBER_INPUT).tobytes(),
            np.array(_supporters(h), SUPPORTER_INPUT).tobytes())


__all__ = ["DIS_KINDS", "HOUSEHOLD_INPUT", "KIN", "KINDS", "KIND_INDEX", "LAYOUT", "MEMBER_INPUT", "OUT",
           "PRISON_WORDS", "REASON_WORDS", "RECEIPTS", "REL", "RELATIONS", "SUPPORTER_INPUT", "SUP_SITUATION",
           "SUP_STATUS", "WHERE",
           "Inputs", "household_input", "inputs_of", "member_input", "packed", "reason_code", "supporter_input"]
