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

import numpy as np
import pytest

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain.household import Disability, Household, Receipt, Supporter
from advisor_app.domain.inputs import packed
from advisor_app.domain.interchange import household_from_dict
from advisor_app.rules import CheckResult, check_household
from advisor_app.rules.check import check_frame, formulas
from advisor_app.rules.dibao_formulas import NO
from advisor_app.rules.frame import OUT, frame_from_households
from advisor_app.rules.policy import PolicyTables, default_tables
from advisor_app.rules.rows import DETAILS, PROGRAMS, STATUS_CODES, frame_rows
from advisor_app.rules.snapshot import TablesLike
from advisor_app.services.screening_parts import check_packed
from advisor_app.store.screening_results import unpack

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


_KINSHIPS = ("father", "mother", "son", "daughter", "spouse", "grandfather", "grandmother", "grandson",
             "granddaughter", "elder_brother", "elder_sister", "younger_brother", "younger_sister", "son_in_law")


def _with_supporters(count: int, seed: int) -> list[Household]:
    """Demo households with the facts 特困 and 事实无人抚养儿童 read: supporters of every kinship (with
    and without an ID number, able, unable, unknown, dead, in prison, 特困 or 低保 themselves),
    members dead, declared missing, in prison for a term, disabled, without legal capacity, and
    relations shuffled."""
    rnd = random.Random(seed)
    out = _varied(count, seed)
    for k, h in enumerate(out):
        ms = h.members
        for m in ms:
            x = rnd.random()
            if x < 0.05:
                m.whereabouts, m.order_months, m.months_away = "prison", rnd.choice([0, 3, 12]), rnd.randint(0, 12)
            elif x < 0.10:
                m.disability = Disability(rnd.choice(["physical", "visual", "intellectual", "psychiatric"]),
                                          rnd.randint(1, 4))
            elif x < 0.12:
                m.no_legal_capacity = True
            elif x < 0.14:
                m.serious_illness = True
            m.self_care_lost = rnd.choice([0, 2, 5])
        if k % 9 == 0 and len(ms) > 1:
            for m in ms[1:]:
                m.relation = rnd.choice(["spouse", "child", "parent", "grandchild", "grandparent", "sibling",
                                         "child_in_law"])
        if k % 3 == 0 and ms:
            h.assets.financial = 0
            for _ in range(rnd.randint(1, 3)):
                idn = ms[0].id_number[:6] + f"{rnd.randint(1940, 2012)}0101{rnd.randint(100, 999)}1" \
                    if rnd.random() < 0.5 else ""
                d = Disability("intellectual", rnd.randint(1, 4)) if rnd.random() < 0.2 else None
                h.supporters.append(Supporter(
                    "某某", rnd.choice([True, False, None]), rnd.choice(["", "已故", "重病", "服刑"]), id_number=idn,
                    kinship=rnd.choice(_KINSHIPS), of_member=rnd.choice(ms).id_number,
                    status=rnd.choice(["", "tekun", "dibao"]), disability=d,
                    situation=rnd.choice(["", "deceased", "prison", "no_capacity"]),
                    monthly_income=rnd.choice([None, 0.0, 5000.0]), assets_ok=rnd.choice([None, True, False])))
    return out


def _rows_agree(households: Sequence[Household], on: dt.date, tables: TablesLike) -> tuple[int, int]:
    """The batch's rows, read from the traces' arrays, are each household's own check's results."""
    frame = frame_from_households(households, on, tables)
    traces = formulas(frame)
    rows = frame_rows(frame, traces)
    at = 0
    decided = 0
    for i, h in enumerate(households):
        if traces.tekun.undecided[i]:
            continue
        decided += 1
        alone = check_household(h, on, tables)
        ids = {m.id_number: int(frame.first[i]) + k for k, m in enumerate(h.members)}
        for p in alone.programs:
            got = (int(rows.household[at]), int(rows.member[at]), PROGRAMS[rows.program[at]],
                   STATUS_CODES[rows.status[at]], None if rows.amount_fen[at] == NO else int(rows.amount_fen[at]),
                   DETAILS[rows.detail[at]])
            assert got == (i, -1 if p.member is None else ids[p.member], p.program, p.status, p.amount_fen,
                           p.detail), (h.id, p.program, p.member_name)
            at += 1
    assert at == len(rows)
    return decided, int(traces.tekun.undecided.sum())


@pytest.mark.parametrize("on", DATES, ids=[d.isoformat() for d in DATES])
def test_the_batch_rows_read_from_the_traces_agree_with_each_check(on: dt.date) -> None:
    households = _with_supporters(900, seed=17)
    decided, undecided = _rows_agree(households, on, default_tables())
    assert undecided < decided // 20  # the one-by-one households are few
    frame = frame_from_households(households, on, default_tables())
    t = formulas(frame)
    # 特困 and 事实无人抚养儿童 are eligible (from 2024: the shipped tables of 2022 lack figures),
    # refused and undecided somewhere; kinship supporters are read
    expected = {1, 0, 2} if on.year >= 2024 else {0, 2}
    assert expected <= set(t.tekun.status[frame.exists].tolist())
    assert expected <= set(t.child.status[t.child.assessed].tolist())
    assert (frame.people.s_kin > 0).sum() > 100


def test_the_batch_rows_agree_under_the_casebook_tables() -> None:
    for table in ("tiers", "supporters", "rigid_2025"):
        tables = PolicyTables.load(CASEBOOK / "tables" / table)
        households = [dataclasses.replace(h, region="340104") for h in _with_supporters(300, seed=23)]
        for on in DATES:
            _rows_agree(households, on, tables)


def test_households_left_to_the_kinship_graph_keep_their_place_in_the_batch() -> None:
    households = _with_supporters(400, seed=29)
    for k, h in enumerate(households):
        h.id = f"h{k:04d}"
        for j, m in enumerate(h.members):
            m.id = f"m{k:04d}{j}"
    twins = households[7]
    twins.members = [m for m in twins.members] + [dataclasses.replace(twins.members[0], relation="head", id="m9")]
    on = DATES[-1]
    frame = frame_from_households(households, on, default_tables())
    assert formulas(frame).tekun.undecided[7]  # two heads: a member with two fathers, say
    rows = [(h.id, h.region, h.area, *packed(h), " ".join(m.id or "" for m in h.members)) for h in households]
    read: list[int] = []

    def objects(wanted: Any) -> dict[str, Household]:
        read.extend(np.flatnonzero(wanted).tolist())
        return {h.id or "": h for h in np.array(households, dtype=object)[wanted].tolist()}

    batch = check_packed(rows, on, default_tables(), objects)
    assert 7 in read and len(read) < len(households) // 20  # only the undecided households are read as objects
    alone = [(h.id, m, p.program, p.status, p.amount_fen, p.detail) for h in households
             for p in check_household(h, on, default_tables(), explain=False).programs
             if p.status != "ineligible" for m in [next((x.id for x in h.members if x.id_number == p.member), None)]]
    assert [r for hid, _words, blob, members in batch.rows for r in unpack(hid, blob, members)] == alone
