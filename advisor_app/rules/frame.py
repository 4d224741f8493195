"""The facts of many households as columns: one numpy array per fact, one entry per household (N) or
per member (M), as OpenFisca holds its entities.

:func:`frame_from_households` reads a list of :class:`~advisor_app.domain.household.Household` once
into arrays (the *inputs*: birth dates from the ID numbers, states and their days, whereabouts,
income in fen by kind, assets, the 低保 receipt …) and then computes the counting rules of
:mod:`.facts` as formulas over those arrays (the *derived* columns: age, exists, why not counted,
counted, own counted income). The per-household check builds a Frame of one household, the batch
screening a Frame of all of them: the rules are written once, over columns.

Members are stored household after household: the members of household ``i`` are
``first[i]:first[i + 1]``, and ``hh[j]`` is the household of member ``j``. Policy figures vary by
region, area and date: every distinct (region, area) is looked up once (``policy_for``) and each
household carries the index of its policy (``pidx``); :meth:`Frame.policy_column` maps a figure of
the :class:`~.snapshot.Policy` to one value per household (with a mask of where it is known).

All money is integer fen (int64), multiples integer thousandths, days ``date.toordinal()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from advisor_app.domain.household import Household
from advisor_app.domain.inputs import KIND_INDEX, KINDS, OUT, RECEIPTS, WHERE, WHERE_CODE, Inputs, inputs_of

from .facts import COUNTED_INCOME, NOT_COUNTED_ANY_TIME, RELIGIOUS_MONTHS, HouseholdFacts, MemberFacts
from .people import People, among, people_of
from .snapshot import Policy, TablesLike, policy_for

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

COUNTED_KINDS = np.array([k in COUNTED_INCOME for k in KINDS])  # (KINDS: the columns of ``Frame.income``)
# Why a member is not counted (``MemberFacts.out``, codes of OUT: 0 = counted); WHERE: whereabouts.
_WHERE_CODE = WHERE_CODE
_AWAY_ANY_TIME = [_WHERE_CODE[w] for w in sorted(NOT_COUNTED_ANY_TIME)]


@dataclass(slots=True)
class Frame:
    on: dt.date
    households: Sequence[Household | None]  # the objects, where the per-household programmes need them
    policies: list[Policy]  # the distinct policies in force
    pidx: Ints  # N: index into ``policies``
    first: Ints  # N + 1: members of household i are first[i]:first[i+1]
    hh: Ints  # M: household index of each member
    # household inputs (N)
    financial_fen: Ints
    vehicles: Ints
    extra_houses: Ints
    medical_fen: Ints  # self-paid medical costs of the last 12 months
    education_fen: Ints  # education costs of the last 12 months
    receipt: Bools  # recorded as receiving 低保 since a day on or before the check date
    receipt_since: Ints  # that day (0 when none)
    receipt_fen: Ints  # the amount last granted, fen a month
    emergency: Bools  # a sudden event is recorded (临时救助 急难型)
    emergency_day: Ints  # its day (ordinal; 0 when none)
    # member inputs (M)
    birth: Ints  # yyyymmdd from the ID number
    state: Ints  # index into OUT (0 living)
    state_day: Ints  # ordinal of ``state_date`` (0: no day recorded)
    lodger: Bools
    where: Ints  # index into WHERE
    months_away: Ints
    income: Ints  # M × len(KINDS): monthly income by kind, fen (each income rounded, then added)
    serious_illness: Bools
    severe_disability: Bools  # grade 1–2, or grade 3 intellectual / psychiatric
    works: Bools  # has a wage or business income above 0 (单人保 route b)
    people: People  # relations, sex, disability, supporters … (特困 and 事实无人抚养儿童: :mod:`.people`)
    receipt_unknown: Bools = field(default_factory=lambda: np.zeros(0, np.bool_))  # N: see frame_from_inputs
    # derived by the counting formulas (:func:`count_members`)
    age: Ints = field(default_factory=lambda: np.zeros(0, np.int64))
    out: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # index into OUT
    exists: Bools = field(default_factory=lambda: np.zeros(0, np.bool_))
    counted: Bools = field(default_factory=lambda: np.zeros(0, np.bool_))
    own_fen: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # own counted income (Art. 13)
    counted_n: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # N: counted members
    income_fen: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # N: their counted income
    _lists: dict[str, list[Any]] | None = None  # the columns ``facts`` reads, as Python lists

    @property
    def size(self) -> int:
        return len(self.pidx)

    def household(self, i: int) -> Household:
        """The object of household ``i`` (only where the frame was given it)."""
        h = self.households[i]
        if h is None:
            raise LookupError(f"household {i} of the frame was read without its object")
        return h

    def policy_column(self, get: Callable[[Policy], int | None]) -> tuple[Ints, Bools]:
        """One policy figure per household, and where it is known (unknown entries hold 0)."""
        raw = [get(p) for p in self.policies]
        values = np.array([0 if v is None else v for v in raw], np.int64)
        known = np.array([v is not None for v in raw], np.bool_)
        return values[self.pidx], known[self.pidx]

    def per_household(self, values: Ints | Bools) -> Ints:
        """The sum over each household's members of a member column."""
        out = np.zeros(self.size, np.int64)
        np.add.at(out, self.hh, values.astype(np.int64))
        return out

    def facts(self, i: int) -> HouseholdFacts:
        """The :class:`~.facts.HouseholdFacts` of household ``i`` (the per-member programmes read them)."""
        if self._lists is None:  # (one numpy item costs more than one list item: convert once)
            self._lists = {name: getattr(self, name).tolist() for name in (
                "first", "age", "counted", "own_fen", "exists", "out", "counted_n", "income_fen", "pidx")}
        c = self._lists
        h = self.household(i)
        lo = c["first"][i]
        age, counted, own, exists, out = c["age"], c["counted"], c["own_fen"], c["exists"], c["out"]
        members = [MemberFacts(m, age[j], counted[j], own[j], exists[j], OUT[out[j]])
                   for j, m in enumerate(h.members, lo)]
        return HouseholdFacts(h, self.on, members, c["counted_n"][i], c["income_fen"][i])

    def first_member(self, i: int) -> int:
        return self._lists["first"][i] if self._lists is not None else int(self.first[i])

    def policy_of(self, i: int) -> Policy:
        return self.policies[self._lists["pidx"][i] if self._lists is not None else int(self.pidx[i])]


def frame_from_households(households: Sequence[Household], on: dt.date, tables: TablesLike) -> Frame:
    """Read ``households`` into columns and apply the counting rules for the check date ``on``."""
    frame = frame_from_inputs(inputs_of(households), [(h.region, h.area) for h in households], on, tables,
                              households=households)
    settle_receipts(frame)
    return frame


def settle_receipts(frame: Frame) -> None:
    """The 低保 receipt of the households whose record cannot tell it (``receipt_unknown``: more
    receipts recorded than a record keeps, none of those kept applying), from their objects."""
    late = np.flatnonzero(frame.receipt_unknown)
    for i in late.tolist():
        got = next((r for r in frame.household(i).receiving if r.program == "dibao" and r.since <= frame.on), None)
        if got is not None:
            frame.receipt[i], frame.receipt_since[i] = True, got.since.toordinal()
            frame.receipt_fen[i] = round(got.monthly_amount * 100)
    frame.receipt_unknown[late] = False


def frame_from_inputs(inputs: Inputs, places: Sequence[tuple[str, str]], on: dt.date, tables: TablesLike, *,
                      households: Sequence[Household | None] | None = None) -> Frame:
    """The frame of the households whose records (:mod:`advisor_app.domain.inputs`) are ``inputs``
    and whose (region, area) are ``places``.
    ``households``: their objects, where the per-household programmes need them (``None`` elsewhere).
    ``receipt_unknown`` marks the households whose applying receipt their record cannot tell."""
    # one policy per distinct (region, area), in first-seen order: each place hashed once (in C), the
    # first row of each place kept as its key's value, then numbered
    keys: dict[tuple[str, str], int] = {}
    seen = np.fromiter(map(keys.setdefault, places, itertools.count()), np.int64, len(places))
    number = np.zeros(len(places), np.int64)
    number[np.fromiter(keys.values(), np.int64, len(keys))] = np.arange(len(keys))
    pidx = number[seen]
    policies: list[Policy] = [policy_for(tables, region, area, on) for region, area in keys]
    hrec, mrec, counts = inputs.households, inputs.members, inputs.counts
    n = len(hrec)
    starts = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=starts[1:])
    # the 低保 receipt that applies: the first kept one that began on or before the check date
    since = hrec["receipt_since"].astype(np.int64)
    began = (since <= on.toordinal()) & (np.arange(RECEIPTS) < np.minimum(hrec["receipts"], RECEIPTS)[:, None])
    got = began.any(axis=1)
    pick = began.argmax(axis=1)
    rows = np.arange(n)
    income = np.zeros((len(mrec), len(KINDS)), np.int64)
    if len(inputs.incomes):  # a member's incomes of one kind are added
        at = starts[:-1].repeat(inputs.income_counts) + inputs.incomes["member"].astype(np.int64)
        np.add.at(income, (at, inputs.incomes["kind"].astype(np.int64)), inputs.incomes["fen"].astype(np.int64))
    frame = Frame(
        on=on, households=households if households is not None else [None] * n, policies=policies, pidx=pidx,
        first=starts, hh=np.repeat(np.arange(n, dtype=np.int64), counts),
        financial_fen=hrec["financial_fen"].astype(np.int64), vehicles=hrec["vehicles"].astype(np.int64),
        extra_houses=hrec["extra_houses"].astype(np.int64), medical_fen=hrec["medical_fen"].astype(np.int64),
        education_fen=hrec["education_fen"].astype(np.int64), receipt=got,
        receipt_since=np.where(got, since[rows, pick], 0),
        receipt_fen=np.where(got, hrec["receipt_fen"][rows, pick].astype(np.int64), 0),
        emergency=hrec["emergency"].astype(np.bool_), emergency_day=hrec["emergency_day"].astype(np.int64),
        birth=mrec["birth"].astype(np.int64), state=mrec["state"].astype(np.int64),
        state_day=mrec["state_day"].astype(np.int64), lodger=mrec["lodger"].astype(np.bool_),
        where=mrec["where"].astype(np.int64), months_away=mrec["months_away"].astype(np.int64), income=income,
        serious_illness=mrec["serious_illness"].astype(np.bool_),
        severe_disability=mrec["severe_disability"].astype(np.bool_), works=mrec["works"].astype(np.bool_),
        people=people_of(mrec, inputs.supporters, starts, inputs.supporter_counts, on),
        receipt_unknown=~got & (hrec["receipts"] > RECEIPTS))
    count_members(frame)
    return frame


def count_members(f: Frame) -> None:
    """The counting rules of :mod:`.facts` (its module docstring), as formulas: fills the derived
    columns of ``f``."""
    on = f.on
    ymd = on.year * 10000 + on.month * 100 + on.day
    born_after = f.birth > ymd
    # Completed years; the fixed-width MMDD compare like dates; nobody is younger than 0.
    age = on.year - f.birth // 10000 - ((on.month * 100 + on.day) < f.birth % 10000)
    f.age = np.where(born_after, 0, age).astype(np.int64)
    # The recorded state holds from its day on (always, without a day).
    state_now = np.where((f.state_day == 0) | (f.state_day <= on.toordinal()), f.state, 0)
    away_counted = ~(among(f.where, _AWAY_ANY_TIME)
                     | ((f.where == _WHERE_CODE["religious"]) & (f.months_away >= RELIGIOUS_MONTHS)))
    out = np.select(
        [born_after, state_now != 0, f.lodger, (f.where == _WHERE_CODE["home"]) | away_counted],
        [OUT.index("unborn"), state_now, OUT.index("lodger"), 0], OUT.index("whereabouts"))
    f.out = out.astype(np.int64)
    f.exists = ~among(f.out, [OUT.index("unborn"), OUT.index("deceased"), OUT.index("declared_dead")])
    f.counted = f.out == 0
    f.own_fen = f.income[:, COUNTED_KINDS].sum(axis=1) if len(f.income) else np.zeros(0, np.int64)
    f.counted_n = f.per_household(f.counted)
    f.income_fen = f.per_household(np.where(f.counted, f.own_fen, 0))


__all__ = ["COUNTED_KINDS", "KINDS", "KIND_INDEX", "OUT", "WHERE", "Frame", "count_members", "frame_from_households",
           "frame_from_inputs", "settle_receipts"]
