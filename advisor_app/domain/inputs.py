"""The inputs of the rules as fixed-width records: one per household, one per member.

:func:`household_input` and :func:`member_input` are the ONE extraction of the facts the formulas
read from a :class:`~advisor_app.domain.household.Household`: :func:`advisor_app.rules.frame.frame_from_households`
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

import numpy as np

from advisor_app.domain.household import Household, Member
from advisor_app.domain.vocab import INCOME_KINDS

KINDS: tuple[str, ...] = tuple(INCOME_KINDS)  # the columns of the income sub-array
KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
OUT = ("", "unborn", "deceased", "declared_dead", "declared_missing", "lodger", "whereabouts")
STATE_CODE = {"living": 0, "deceased": 2, "declared_dead": 3, "declared_missing": 4}
WHERE = ("home", "prison", "drug_rehab", "religious", "missing")
WHERE_CODE = {w: i for i, w in enumerate(WHERE)}
RECEIPTS = 4

HOUSEHOLD_INPUT = np.dtype([
    ("financial_fen", "<i8"), ("vehicles", "<i4"), ("extra_houses", "<i4"), ("medical_fen", "<i8"),
    ("education_fen", "<i8"), ("receipts", "<i4"), ("receipt_since", "<i4", (RECEIPTS,)),
    ("receipt_fen", "<i8", (RECEIPTS,)), ("emergency", "u1"), ("emergency_day", "<i4"),
])
MEMBER_INPUT = np.dtype([
    ("birth", "<i4"), ("state", "u1"), ("state_day", "<i4"), ("lodger", "u1"), ("where", "u1"),
    ("months_away", "<i4"), ("income", "<i8", (len(KINDS),)), ("serious_illness", "u1"),
    ("severe_disability", "u1"), ("works", "u1"),
])
_VERSION = 1  # raise when a function below computes a field differently
LAYOUT = hashlib.sha256(repr((_VERSION, KINDS, HOUSEHOLD_INPUT.descr, MEMBER_INPUT.descr)).encode()).hexdigest()[:16]
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


def member_input(m: Member) -> tuple[object, ...]:
    """The member's record (a tuple in the order of :data:`MEMBER_INPUT`)."""
    income = [0] * len(KINDS)
    works = False
    for i in m.incomes:
        income[KIND_INDEX[i.kind]] += round(i.monthly * 100)  # each income rounded, then added
        works = works or (i.kind in ("wage", "business") and i.monthly > 0)
    d = m.disability
    severe = d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric")))
    return (int(m.id_number[6:14]), STATE_CODE[m.state], m.state_date.toordinal() if m.state_date else 0,
            m.relation == "lodger", WHERE_CODE[m.whereabouts], m.months_away, income, m.serious_illness,
            severe, works)


def inputs_of(households: Sequence[Household]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The records of ``households``: (household records, member records, member counts)."""
    hrec = np.array([household_input(h) for h in households], HOUSEHOLD_INPUT)
    mrec = np.array([member_input(m) for h in households for m in h.members], MEMBER_INPUT)
    counts = np.array([len(h.members) for h in households], np.int64)
    return hrec, mrec, counts


def packed(h: Household) -> tuple[bytes, bytes]:
    """The household's stored form: its record, and its members' records one after another."""
    hrec = np.array([household_input(h)], HOUSEHOLD_INPUT)
    mrec = np.array([member_input(m) for m in h.members], MEMBER_INPUT)
    return hrec.tobytes(), mrec.tobytes()


__all__ = ["HOUSEHOLD_INPUT", "KINDS", "KIND_INDEX", "LAYOUT", "MEMBER_INPUT", "OUT", "RECEIPTS", "WHERE",
           "household_input", "inputs_of", "member_input", "packed"]
