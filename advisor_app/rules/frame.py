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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from advisor_app.domain.household import Household
from advisor_app.domain.vocab import INCOME_KINDS

from .facts import COUNTED_INCOME, NOT_COUNTED_ANY_TIME, RELIGIOUS_MONTHS, HouseholdFacts, MemberFacts
from .people import People, people_columns
from .snapshot import Policy, TablesLike, policy_for

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

KINDS: tuple[str, ...] = tuple(INCOME_KINDS)  # the columns of ``Frame.income``
KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
COUNTED_KINDS = np.array([k in COUNTED_INCOME for k in KINDS])
# Why a member is not counted (``MemberFacts.out``), as codes: 0 = counted.
OUT = ("", "unborn", "deceased", "declared_dead", "declared_missing", "lodger", "whereabouts")
_STATE_CODE = {"living": 0, "deceased": 2, "declared_dead": 3, "declared_missing": 4}
WHERE = ("home", "prison", "drug_rehab", "religious", "missing")
_WHERE_CODE = {w: i for i, w in enumerate(WHERE)}
_AWAY_ANY_TIME = [_WHERE_CODE[w] for w in sorted(NOT_COUNTED_ANY_TIME)]


@dataclass(slots=True)
class Frame:
    on: dt.date
    households: Sequence[Household]
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
        return len(self.households)

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
        h = self.households[i]
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
    keys: dict[tuple[str, str], int] = {}
    policies: list[Policy] = []
    pidx: list[int] = []
    first = [0]
    fin: list[int] = []
    veh: list[int] = []
    houses: list[int] = []
    med: list[int] = []
    edu: list[int] = []
    rec: list[bool] = []
    rec_since: list[int] = []
    rec_fen: list[int] = []
    emergency: list[bool] = []
    emergency_day: list[int] = []
    works: list[bool] = []
    birth: list[int] = []
    state: list[int] = []
    state_day: list[int] = []
    lodger: list[bool] = []
    where: list[int] = []
    away: list[int] = []
    ill: list[bool] = []
    severe: list[bool] = []
    inc_rows: list[int] = []
    inc_cols: list[int] = []
    inc_fen: list[int] = []
    state_code, where_code, kind_index = _STATE_CODE, _WHERE_CODE, KIND_INDEX
    j = 0
    for h in households:
        key = (h.region, h.area)
        p = keys.get(key)
        if p is None:
            p = keys[key] = len(policies)
            policies.append(policy_for(tables, h.region, h.area, on))
        pidx.append(p)
        a, e = h.assets, h.expenses
        fin.append(round(a.financial * 100))
        veh.append(a.vehicles)
        houses.append(a.extra_houses)
        med.append(round(e.medical_selfpaid_12m * 100))
        edu.append(round(e.education_12m * 100))
        got = next((r for r in h.receiving if r.program == "dibao" and r.since <= on), None)
        rec.append(got is not None)
        rec_since.append(got.since.toordinal() if got is not None else 0)
        rec_fen.append(round(got.monthly_amount * 100) if got is not None else 0)
        emergency.append(h.emergency is not None)
        emergency_day.append(h.emergency.date.toordinal() if h.emergency is not None else 0)
        for m in h.members:
            birth.append(int(m.id_number[6:14]))
            state.append(state_code[m.state])
            state_day.append(m.state_date.toordinal() if m.state_date is not None else 0)
            lodger.append(m.relation == "lodger")
            where.append(where_code[m.whereabouts])
            away.append(m.months_away)
            ill.append(m.serious_illness)
            d = m.disability
            severe.append(d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual",
                                                                                          "psychiatric"))))
            works.append(any(i.kind in ("wage", "business") and i.monthly > 0 for i in m.incomes))
            for i in m.incomes:
                inc_rows.append(j)
                inc_cols.append(kind_index[i.kind])
                inc_fen.append(round(i.monthly * 100))
            j += 1
        first.append(j)
    starts = np.array(first, np.int64)
    income = np.zeros((j, len(KINDS)), np.int64)
    if inc_rows:
        np.add.at(income, (np.array(inc_rows, np.int64), np.array(inc_cols, np.int64)), np.array(inc_fen, np.int64))
    frame = Frame(
        on=on, households=households, policies=policies, pidx=np.array(pidx, np.int64), first=starts,
        hh=np.repeat(np.arange(len(households), dtype=np.int64), np.diff(starts)),
        financial_fen=_ints(fin), vehicles=_ints(veh), extra_houses=_ints(houses), medical_fen=_ints(med),
        education_fen=_ints(edu), receipt=np.array(rec, np.bool_), receipt_since=_ints(rec_since),
        receipt_fen=_ints(rec_fen), emergency=np.array(emergency, np.bool_), emergency_day=_ints(emergency_day),
        birth=_ints(birth), state=_ints(state), state_day=_ints(state_day),
        lodger=np.array(lodger, np.bool_), where=_ints(where), months_away=_ints(away), income=income,
        serious_illness=np.array(ill, np.bool_), severe_disability=np.array(severe, np.bool_),
        works=np.array(works, np.bool_), people=people_columns(households, on))
    count_members(frame)
    return frame


def _ints(values: list[int]) -> Ints:
    return np.array(values, np.int64)


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
    away_counted = ~(np.isin(f.where, _AWAY_ANY_TIME)
                     | ((f.where == _WHERE_CODE["religious"]) & (f.months_away >= RELIGIOUS_MONTHS)))
    out = np.select(
        [born_after, state_now != 0, f.lodger, (f.where == _WHERE_CODE["home"]) | away_counted],
        [OUT.index("unborn"), state_now, OUT.index("lodger"), 0], OUT.index("whereabouts"))
    f.out = out.astype(np.int64)
    f.exists = ~np.isin(f.out, [OUT.index("unborn"), OUT.index("deceased"), OUT.index("declared_dead")])
    f.counted = f.out == 0
    f.own_fen = f.income[:, COUNTED_KINDS].sum(axis=1) if len(f.income) else np.zeros(0, np.int64)
    f.counted_n = f.per_household(f.counted)
    f.income_fen = f.per_household(np.where(f.counted, f.own_fen, 0))


__all__ = ["COUNTED_KINDS", "KINDS", "KIND_INDEX", "OUT", "Frame", "count_members", "frame_from_households"]
