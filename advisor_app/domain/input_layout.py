"""The layout of the rules' input records (:mod:`advisor_app.domain.inputs`): their codes and fields
as plain Python values, and :data:`LAYOUT`, the name of the layout, so that opening a profile can
tell whether its packed records are current without loading numpy (the listing and the check of
one file stay light: docs/startup.md).
"""

from __future__ import annotations

import hashlib
from typing import Any

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
KIN_SEX = {"father": 1, "mother": 2, "son": 1, "daughter": 2}
# The advisor's reason for a supporter's ``able: false``, where it names a situation of the
# 事实无人抚养儿童 notice (``reason``: 1 + the index of the first group whose words it contains).
REASON_WORDS = (
    (("宣告死亡", "已故", "去世", "死亡", "病故", "过世", "身故"), "dead"),
    (("宣告失踪",), "missing"),
    (("重病", "重特大疾病", "大病", "重度残疾", "重残", "一级残疾", "二级残疾", "强制隔离戒毒", "戒毒",
      "撤销监护", "遣送", "驱逐"), "listed"),
)
PRISON_WORDS = ("服刑", "监狱", "在押")

HOUSEHOLD_FIELDS: list[tuple[Any, ...]] = [
    ("financial_fen", "<i8"), ("vehicles", "<i4"), ("extra_houses", "<i4"), ("medical_fen", "<i8"),
    ("education_fen", "<i8"), ("receipts", "<i4"), ("receipt_since", "<i4", (RECEIPTS,)),
    ("receipt_fen", "<i8", (RECEIPTS,)), ("emergency", "u1"), ("emergency_day", "<i4"),
]
# 特困 and 事实无人抚养儿童 read more of each member (``rules.people``): relation, sex (from the ID
# number), disability, legal capacity, receipts naming the member (or, for 低保, the household), …
MEMBER_FIELDS_PEOPLE: list[tuple[Any, ...]] = [
    ("relation", "u1"), ("sex", "u1"), ("dis_kind", "u1"), ("dis_grade", "u1"), ("no_capacity", "u1"),
    ("revoked", "u1"), ("deported", "u1"), ("order_months", "<i4"), ("care_lost", "u1"), ("tekun_receipt", "u1"),
    ("dibao_receipt", "u1"),
]
SUPPORTER_FIELDS: list[tuple[Any, ...]] = [
    ("able", "i1"), ("status", "u1"), ("situation", "u1"), ("dis_kind", "u1"), ("dis_grade", "u1"),
    ("income_fen", "<i8"), ("income_known", "u1"), ("assets", "i1"), ("birth", "<i4"), ("kin", "u1"),
    ("of", "<i2"), ("sex", "u1"), ("legacy", "u1"), ("reason", "u1"), ("prison_words", "u1"),
]

MEMBER_FIELDS: list[tuple[Any, ...]] = [
    ("birth", "<i4"), ("state", "u1"), ("state_day", "<i4"), ("lodger", "u1"), ("where", "u1"),
    ("months_away", "<i4"), ("serious_illness", "u1"),
    ("severe_disability", "u1"), ("works", "u1"), *MEMBER_FIELDS_PEOPLE,
]
# One record per recorded income of a member (a member's incomes by kind are their sum): most
# members have none or one, so the records are a fraction of a column per kind.
INCOME_FIELDS: list[tuple[Any, ...]] = [("member", "<u2"), ("kind", "u1"), ("fen", "<i8")]
_VERSION = 1  # raise when a function of domain.inputs computes a field differently
LAYOUT = hashlib.sha256(repr((_VERSION, KINDS, HOUSEHOLD_FIELDS, MEMBER_FIELDS, SUPPORTER_FIELDS, INCOME_FIELDS,
                              REASON_WORDS, PRISON_WORDS)).encode()).hexdigest()[:16]
"""Names the records' layout: stored records of another layout are packed again."""


__all__ = ["DIS_CODE", "DIS_KINDS", "HOUSEHOLD_FIELDS", "INCOME_FIELDS", "KIN", "KINDS", "KIND_INDEX", "KIN_OF",
           "KIN_SEX", "LAYOUT", "MEMBER_FIELDS", "MEMBER_FIELDS_PEOPLE", "OUT", "PRISON_WORDS", "REASON_WORDS",
           "RECEIPTS", "REL", "RELATIONS", "STATE_CODE", "SUPPORTER_FIELDS", "SUP_SITUATION", "SUP_STATUS", "WHERE",
           "WHERE_CODE"]
