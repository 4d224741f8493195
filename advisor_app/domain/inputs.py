"""The inputs of the rules as fixed-width records: one per household, member and recorded supporter.

:func:`household_input`, :func:`member_input` and :func:`supporter_input` are the ONE extraction of
the facts the formulas read from a :class:`~advisor_app.domain.household.Household` (its recorded
supporters are a third kind of record): :func:`advisor_app.rules.frame.frame_from_households`
uses them, and the store keeps the same records packed in the profile (``household_inputs``) so that
a batch screening reads them with one query and ``np.frombuffer`` instead of building objects.
Adding an input is one entry in a field list of :mod:`.input_layout` plus one value in its
function here (and so a new :data:`LAYOUT`: stored records of another layout are packed again when
the profile opens).

The records are little-endian, without padding. Money is integer fen, days ``date.toordinal()``
(0: none), the birth date ``yyyymmdd`` from the ID number. Which 低保 receipt applies depends on the
check date (the first recorded one that began on or before it): a household keeps the receipts that
can ever be that one (each began before every receipt listed ahead of it), at most :data:`RECEIPTS`;
``receipts`` counts them all, so a household with more is known (its object decides).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from advisor_app.domain.household import Household, Member, Supporter
from advisor_app.domain.input_layout import (
    DIS_CODE,
    DIS_KINDS,
    HOUSEHOLD_FIELDS,
    INCOME_FIELDS,
    KIN,
    KIN_OF,
    KIN_SEX,
    KIND_INDEX,
    KINDS,
    LAYOUT,
    MEMBER_FIELDS,
    OUT,
    PRISON_WORDS,
    REASON_WORDS,
    RECEIPTS,
    REL,
    RELATIONS,
    STATE_CODE,
    SUP_SITUATION,
    SUP_STATUS,
    SUPPORTER_FIELDS,
    WHERE,
    WHERE_CODE,
)

HOUSEHOLD_INPUT = np.dtype(HOUSEHOLD_FIELDS)
MEMBER_INPUT = np.dtype(MEMBER_FIELDS)
SUPPORTER_INPUT = np.dtype(SUPPORTER_FIELDS)
INCOME_INPUT = np.dtype(INCOME_FIELDS)
"""A recorded supporter: tri-states -1 unknown / 0 / 1; ``birth`` yyyymmdd from the ID number (0: none);
``kin`` index into :data:`KIN` and ``of`` the position of the member it is to (-1: the head's
supporter); ``sex`` from the kinship, else the ID number (0 unknown); ``legacy``: recorded with the
free-text relation of ``advisor-household/1``; ``reason`` and ``prison_words``: what the reason for
``able: false`` names (:data:`REASON_WORDS`, :data:`PRISON_WORDS`)."""

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
    works = any(i.kind in ("wage", "business") and i.monthly > 0 for i in m.incomes)
    d = m.disability
    severe = d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric")))
    idn = m.id_number
    return (int(idn[6:14]), STATE_CODE[m.state], m.state_date.toordinal() if m.state_date else 0,
            m.relation == "lodger", WHERE_CODE[m.whereabouts], m.months_away, m.serious_illness,
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
    sex = (KIN_SEX.get(s.kinship, 0) if kin else 0) or _sex(idn)
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


def _incomes(h: Household) -> list[tuple[int, int, int]]:
    """The household's income records (:data:`INCOME_INPUT`): member position, kind, fen (each
    income rounded; the frame adds a member's incomes of one kind)."""
    return [(k, KIND_INDEX[i.kind], round(i.monthly * 100)) for k, m in enumerate(h.members) for i in m.incomes]


def _supporters(h: Household) -> list[tuple[object, ...]]:
    if not h.supporters:
        return []
    index = {m.id_number: k for k, m in enumerate(h.members)}
    return [supporter_input(s, index) for s in h.supporters]


class Inputs(NamedTuple):
    """The records of many households: household records (N), their members' records household
    after household (M, ``counts`` of each), their supporters' records (S, ``supporter_counts``)
    and their members' income records (``income_counts`` per household)."""

    households: np.ndarray
    members: np.ndarray
    counts: np.ndarray
    supporters: np.ndarray
    supporter_counts: np.ndarray
    incomes: np.ndarray
    income_counts: np.ndarray


def inputs_of(households: Sequence[Household]) -> Inputs:
    """The records of ``households``."""
    return Inputs(np.array([household_input(h) for h in households], HOUSEHOLD_INPUT),
                  np.array([r for h in households for r in _members(h)], MEMBER_INPUT),
                  np.array([len(h.members) for h in households], np.int64),
                  np.array([r for h in households for r in _supporters(h)], SUPPORTER_INPUT),
                  np.array([len(h.supporters) for h in households], np.int64),
                  np.array([r for h in households for r in _incomes(h)], INCOME_INPUT),
                  np.array([sum(len(m.incomes) for m in h.members) for h in households], np.int64))


def packed(h: Household) -> tuple[bytes, bytes, bytes, bytes]:
    """The household's stored form: its record, its members' records one after another, its
    supporters' records one after another, its members' income records one after another."""
    return (np.array([household_input(h)], HOUSEHOLD_INPUT).tobytes(), np.array(_members(h), MEMBER_INPUT).tobytes(),
            np.array(_supporters(h), SUPPORTER_INPUT).tobytes(), np.array(_incomes(h), INCOME_INPUT).tobytes())


__all__ = [
    "DIS_KINDS",
    "HOUSEHOLD_INPUT",
    "INCOME_INPUT",
    "KIN",
    "KINDS",
    "KIND_INDEX",
    "LAYOUT",
    "MEMBER_INPUT",
    "OUT",
    "PRISON_WORDS",
    "REASON_WORDS",
    "RECEIPTS",
    "REL",
    "RELATIONS",
    "STATE_CODE",
    "SUPPORTER_INPUT",
    "SUP_SITUATION",
    "SUP_STATUS",
    "WHERE",
    "WHERE_CODE",
    "Inputs",
    "household_input",
    "inputs_of",
    "member_input",
    "packed",
    "reason_code",
    "supporter_input",
]
