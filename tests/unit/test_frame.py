"""One rule, one definition: the check of one household (with its explanation) and the batch over a
frame of many households give the same status, amount and margin for every programme.

The batch runs the formulas of ``rules.frame`` / ``rules.dibao_formulas`` once over all households;
the check runs them over a frame of one. Households are the demo generator's, several dates and
regions, the shipped tables and the case book's county tables with tiers, 分类施保 and deductions,
with 低保 receipts (渐退期), deaths with and without a day, declarations and whereabouts mixed in;
then every case of the case book, checked together in one batch per table and date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain.household import Household, Receipt
from advisor_app.domain.interchange import household_from_dict
from advisor_app.rules import CheckResult, check_household
from advisor_app.rules.check import check_frame
from advisor_app.rules.frame import OUT, frame_from_households
from advisor_app.rules.policy import PolicyTables, default_tables
from advisor_app.rules.snapshot import TablesLike

CASEBOOK = Path(__file__).parents[1] / "data" / "casebook"
DATES = (dt.date(2022, 3, 1), dt.date(2024, 6, 30), dt.date(2026, 11, 1))


def _outcome(result: CheckResult) -> list[tuple[Any, ...]]:
    return [(p.program, p.member, p.status, p.monthly_amount, p.amount_fen, p.margin, p.detail,
             p.gradual_exit_until, p.route) for p in result.programs]


def _varied(count: int, seed: int) -> list[Household]:
    """Demo households with the less common facts mixed in."""
    rnd = random.Random(seed)
    out = list(DemoGenerator(seed=seed, today=dt.date(2026, 11, 1)).households(count))
    for k, h in enumerate(out):
        if k % 5 == 0:
            h.receiving.append(Receipt("dibao", dt.date(2026, rnd.randint(1, 10), rnd.randint(1, 28)),
                                       rnd.randint(100, 900) + 0.5))
        if k % 7 == 0 and h.members:
            m = h.members[-1]
            m.state = rnd.choice(["deceased", "declared_missing", "declared_dead"])
            m.state_date = dt.date(2025, rnd.randint(1, 12), 3) if k % 2 else None
        if k % 9 == 0 and h.members:
            h.members[0].whereabouts = rnd.choice(["religious", "prison", "drug_rehab", "missing"])
            h.members[0].months_away = rnd.randint(0, 60)
        if k % 4 == 0:
            h.assets.financial = rnd.randint(0, 60_000)
            h.assets.vehicles = 1 if k % 8 == 0 else 0
            h.expenses.medical_selfpaid_12m = rnd.randint(0, 30_000)
    return out


def _same(households: Sequence[Household], on: dt.date, tables: TablesLike) -> int:
    frame = frame_from_households(households, on, tables)
    batch = list(check_frame(frame))
    assert len(batch) == len(households)
    for h, together in zip(households, batch, strict=True):
        alone = check_household(h, on, tables)
        assert _outcome(together) == _outcome(alone), h.id
        assert (together.counted_members, together.counted_income_monthly, together.per_capita_monthly) == (
            alone.counted_members, alone.counted_income_monthly, alone.per_capita_monthly)
    return len(batch)


@pytest.mark.parametrize("on", DATES, ids=[d.isoformat() for d in DATES])
def test_batch_and_check_agree_on_demo_households(on: dt.date) -> None:
    households = _varied(1200, seed=5)
    assert len({h.region for h in households}) >= 3  # several regions, so several policies in one frame
    assert _same(households, on, default_tables()) == 1200
    if on == DATES[-1]:  # the receipts are of 2026: some households are in their 渐退期
        results = check_frame(frame_from_households(households, on, default_tables()))
        assert any(p.gradual_exit_until is not None for r in results for p in r.programs)


@pytest.mark.parametrize("table", ["tiers", "deductions"])
def test_batch_and_check_agree_under_county_tables(table: str) -> None:
    tables = PolicyTables.load(CASEBOOK / "tables" / table)
    households = [dataclasses.replace(h, region="340104") for h in _varied(600, seed=11)]
    for on in DATES:
        _same(households, on, tables)
    # the county's rules are really exercised: tiers and 分类施保, or deductions
    explained = [check_household(h, DATES[-1], tables) for h in households[:200]]
    rules = {r.rule for e in explained for p in e.programs if p.program == "dibao" for r in p.reasons}
    assert {"amount_tier", "supplement"} <= rules if table == "tiers" else "deduct_work_cost" in rules


def test_batch_and_check_agree_on_the_casebook() -> None:
    groups: dict[tuple[str, str], list[Household]] = {}
    for path in sorted(CASEBOOK.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        groups.setdefault((case.get("tables") or "", case["on"]), []).append(household_from_dict(case["household"]))
    checked = 0
    for (table, on), households in groups.items():
        tables = PolicyTables.load(CASEBOOK / "tables" / table) if table else default_tables()
        checked += _same(households, dt.date.fromisoformat(on), tables)
    assert checked >= 30


def test_counting_formulas_on_one_frame() -> None:
    """Why members are not counted, from the columns: a death from its day on, a court's declaration,
    the unborn, 36 months at a religious site, prison from the first day."""
    h = next(DemoGenerator(seed=2).households(1))
    base = dataclasses.replace(h.members[0], whereabouts="home", months_away=0, state="living", state_date=None,
                               relation="head")
    people = [
        dataclasses.replace(base, id_number=base.id_number[:6] + "20270101" + base.id_number[14:]),  # unborn
        dataclasses.replace(base, state="deceased", state_date=dt.date(2026, 12, 1)),  # not yet
        dataclasses.replace(base, state="deceased", state_date=dt.date(2026, 10, 1)),
        dataclasses.replace(base, state="declared_missing", state_date=None),
        dataclasses.replace(base, whereabouts="religious", months_away=35),
        dataclasses.replace(base, whereabouts="religious", months_away=36),
        dataclasses.replace(base, whereabouts="prison", months_away=0),
        dataclasses.replace(base, relation="lodger"),
    ]
    frame = frame_from_households([dataclasses.replace(h, members=people)], dt.date(2026, 11, 1), default_tables())
    assert [OUT[o] for o in frame.out] == ["unborn", "", "deceased", "declared_missing", "", "whereabouts",
                                           "whereabouts", "lodger"]
    assert list(frame.exists) == [False, True, False, True, True, True, True, True]
    assert int(frame.counted_n[0]) == 2 and frame.age[0] == 0
