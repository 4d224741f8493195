"""The peer: the basic 低保 test written for OpenFisca (openfisca-core 46), for the side-by-side benchmark.

Two entities, as OpenFisca models a population: ``person`` and ``household`` (every person a
``member`` of one household). Inputs are the facts of our households: per person whether he or she
is born by the check date, living on it (the recorded state from its day on), a lodger, away in a
way that is never counted (prison, compulsory rehab, 36+ months at a religious site) and the monthly
income of the counted kinds (Art. 13) in yuan; per household the 低保标准 in force for its region and
area, its financial assets, vehicles and extra houses with the local limits. The formulas:

* ``counted`` (person) = born and living and not a lodger and not away uncounted;
* ``counted_members`` / ``counted_income`` (household) = sums over the counted members;
* ``assets_ok`` = financial ≤ months × standard × counted members, vehicles and houses within limits;
* ``dibao_eligible`` = counted members > 0, counted income < standard × counted members, assets_ok;
* ``dibao_amount`` = standard × counted members − counted income, rounded up to the yuan, when eligible.

This is the test advisor_app's own 低保 formula makes without the county extras (listed income kinds,
deductions, tiers, 分类施保, the 渐退期): the benchmark says how many households the two agree on.

Installed as the optional extra ``bench`` (``pip install -e .[bench]``; ``scripts/bootstrap`` installs
every extra of the lock, so the project's .venv has it). advisor_app never imports this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.periods import MONTH, period
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Person = build_entity(key="person", plural="persons", label="A person", is_person=True)
Family = build_entity(key="household", plural="households", label="A household",
                      roles=[{"key": "member", "plural": "members", "label": "Member"}])


def _input(name: str, entity: Any, kind: type) -> type[Variable]:
    return type(name, (Variable,), {"value_type": kind, "entity": entity, "definition_period": MONTH,
                                    "label": name})


INPUTS = [
    _input("born", Person, bool), _input("living", Person, bool), _input("lodger", Person, bool),
    _input("away_uncounted", Person, bool), _input("income", Person, float),
    _input("standard", Family, float), _input("financial", Family, float), _input("vehicles", Family, int),
    _input("extra_houses", Family, int), _input("asset_months", Family, float), _input("vehicles_max", Family, int),
    _input("houses_max", Family, int),
]


class counted(Variable):
    value_type, entity, definition_period, label = bool, Person, MONTH, "counted in the household"

    def formula(person: Any, when: Any) -> Any:
        return person("born", when) * person("living", when) * ~person("lodger", when) \
            * ~person("away_uncounted", when)


class counted_members(Variable):
    value_type, entity, definition_period, label = int, Family, MONTH, "counted members"

    def formula(household: Any, when: Any) -> Any:
        return household.sum(household.members("counted", when))


class counted_income(Variable):
    value_type, entity, definition_period, label = float, Family, MONTH, "counted monthly income"

    def formula(household: Any, when: Any) -> Any:
        members = household.members
        return household.sum(members("income", when) * members("counted", when))


class assets_ok(Variable):
    value_type, entity, definition_period, label = bool, Family, MONTH, "assets within the limits"

    def formula(household: Any, when: Any) -> Any:
        limit = household("asset_months", when) * household("standard", when) * household("counted_members", when)
        vehicles = household("vehicles", when) <= household("vehicles_max", when)
        houses = household("extra_houses", when) <= household("houses_max", when)
        return (household("financial", when) <= limit) * vehicles * houses


class dibao_eligible(Variable):
    value_type, entity, definition_period, label = bool, Family, MONTH, "eligible for dibao"

    def formula(household: Any, when: Any) -> Any:
        n = household("counted_members", when)
        return (n > 0) * (household("counted_income", when) < household("standard", when) * n) \
            * household("assets_ok", when)


class dibao_amount(Variable):
    value_type, entity, definition_period, label = float, Family, MONTH, "dibao a month, yuan"

    def formula(household: Any, when: Any) -> Any:
        gap = household("standard", when) * household("counted_members", when) - household("counted_income", when)
        return np.where(household("dibao_eligible", when), np.ceil(np.round(gap * 100) / 100), 0)


def system() -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([Person, Family])
    for v in (*INPUTS, counted, counted_members, counted_income, assets_ok, dibao_eligible, dibao_amount):
        tbs.add_variable(v)
    return tbs


COUNTED_KINDS = frozenset({"wage", "business", "property", "transfer", "pension_other", "other"})


@dataclass
class PeerInput:
    households: int
    persons: np.ndarray  # household index of each person
    person_columns: dict[str, np.ndarray]
    household_columns: dict[str, np.ndarray]


def peer_input(households: Sequence[Any], on: dt.date, policy: Any) -> PeerInput:
    """The peer's input arrays from our Household objects; ``policy(region, area)`` gives
    (standard_fen, asset_months_milli, vehicles_max, houses_max) in force (None: unknown)."""
    ymd = f"{on.year:04d}{on.month:02d}{on.day:02d}"
    hh: list[int] = []
    born: list[bool] = []
    living: list[bool] = []
    lodger: list[bool] = []
    away: list[bool] = []
    income: list[float] = []
    std: list[float] = []
    fin: list[float] = []
    veh: list[int] = []
    houses: list[int] = []
    months: list[float] = []
    vmax: list[int] = []
    hmax: list[int] = []
    cache: dict[tuple[str, str], tuple[Any, ...]] = {}
    for i, h in enumerate(households):
        key = (h.region, h.area)
        p = cache.get(key)
        if p is None:
            p = cache[key] = policy(*key)
        s, m, v, x = p
        std.append((s or 0) / 100)
        months.append((m or 0) / 1000)
        vmax.append(v if v is not None else 0)
        hmax.append(x if x is not None else 0)
        fin.append(h.assets.financial)
        veh.append(h.assets.vehicles)
        houses.append(h.assets.extra_houses)
        for member in h.members:
            hh.append(i)
            born.append(member.id_number[6:14] <= ymd)
            living.append(member.state == "living" or (member.state_date is not None and member.state_date > on))
            lodger.append(member.relation == "lodger")
            w = member.whereabouts
            away.append(w in ("prison", "drug_rehab") or (w == "religious" and member.months_away >= 36))
            income.append(sum(round(x.monthly * 100) for x in member.incomes if x.kind in COUNTED_KINDS) / 100)
    return PeerInput(len(households), np.array(hh), {
        "born": np.array(born), "living": np.array(living), "lodger": np.array(lodger),
        "away_uncounted": np.array(away),
        "income": np.array(income, np.float32)}, {
        "standard": np.array(std, np.float32), "financial": np.array(fin, np.float32), "vehicles": np.array(veh),
        "extra_houses": np.array(houses), "asset_months": np.array(months, np.float32),
        "vehicles_max": np.array(vmax), "houses_max": np.array(hmax)})


def simulate(tbs: TaxBenefitSystem, data: PeerInput, on: dt.date) -> Any:
    """A simulation of the whole population for the month of ``on``, inputs set."""
    builder = SimulationBuilder()
    builder.create_entities(tbs)
    builder.declare_person_entity("person", np.arange(len(data.persons)))
    group = builder.declare_entity("household", np.arange(data.households))
    builder.join_with_persons(group, data.persons, ["member"] * len(data.persons))
    sim = builder.build(tbs)
    month = period(f"{on.year:04d}-{on.month:02d}")
    for name, values in {**data.person_columns, **data.household_columns}.items():
        sim.set_input(name, month, values)
    return sim, month


def calculate(sim: Any, month: Any) -> tuple[np.ndarray, np.ndarray]:
    """(eligible, amount in yuan) per household."""
    return sim.calculate("dibao_eligible", month), sim.calculate("dibao_amount", month)
