"""Eligibility rules against a small fake policy table, and the batch fast path's agreement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain.household import Assets, Household, Income, Member, Supporter
from advisor_app.domain.idcard import make
from advisor_app.rules import check_household
from advisor_app.rules.results import ProgramResult

ON = dt.date(2023, 9, 1)


@dataclass(frozen=True)
class FakeValue:
    key: str
    value: float
    unit: str = "元/人/月"
    source: str = "测试"
    is_default: bool = False
    region: str = "340104"
    effective_from: dt.date = dt.date(2023, 1, 1)


class FakeTables:
    """Just ``lookup``: one region, values given per key (None = unknown)."""

    def __init__(self, region: str = "340104", **values: float | tuple[float, bool]) -> None:
        self.region = region
        self.values = {"dibao_standard": 900.0, "dibao_edge_multiple": 1.5, "asset_financial_months": 24.0,
                       "asset_vehicles_max": 0.0, "asset_extra_houses_max": 0.0,
                       "temporary_cap_multiple": 10.0, **values}

    def lookup(self, region: str, key: str, on: dt.date, area: str | None = None) -> FakeValue | None:
        raw = self.values.get(key)
        if region != self.region or raw is None:
            return None
        value, default = raw if isinstance(raw, tuple) else (raw, False)
        return FakeValue(key, value, is_default=default)


def person(name: str, birth: str, relation: str = "head", wage: float = 0.0, seq: int = 1) -> Member:
    return Member(name, make("340104", dt.date.fromisoformat(birth), seq), relation,
                  incomes=[Income("wage", wage)] if wage else [])


def one(result_programs: list[ProgramResult], program: str) -> ProgramResult:
    found = [p for p in result_programs if p.program == program]
    assert len(found) == 1
    return found[0]


def test_margin_signs_and_amount() -> None:
    h = Household("340104", "urban", members=[person("甲", "1980-01-01", wage=1000.0)])
    r = check_household(h, ON, FakeTables())  # type: ignore[arg-type]
    dibao = one(r.programs, "dibao")
    assert dibao.status == "ineligible" and dibao.margin == -100.0 and dibao.monthly_amount is None
    edge = one(r.programs, "dibao_edge")
    assert edge.status == "eligible" and edge.margin == 350.0  # 1350 - 1000
    h.members[0].incomes = [Income("wage", 899.99)]
    dibao = one(check_household(h, ON, FakeTables()).programs, "dibao")  # type: ignore[arg-type]
    assert dibao.status == "eligible" and dibao.monthly_amount == 1 and dibao.margin == 0.01


def test_missing_standard_is_needs_info_naming_region_and_date() -> None:
    h = Household("341802", "rural", members=[person("乙", "1950-01-01")])
    r = check_household(h, ON, FakeTables())  # type: ignore[arg-type]
    for p in r.programs:
        if p.program in ("dibao", "dibao_edge", "temporary"):
            assert p.status == "needs_info"
            assert "没有该地区在该日期的低保标准（地区 341802，日期 2023-09-01）" in p.missing
    assert r.policy == {}


def test_default_values_are_flagged_in_the_text() -> None:
    h = Household("340104", "urban", members=[person("丙", "1980-01-01", wage=500.0)])
    r = check_household(h, ON, FakeTables(asset_financial_months=(24.0, True)))  # type: ignore[arg-type]
    financial = [x for x in one(r.programs, "dibao").reasons if x.rule == "financial_assets"]
    assert financial and "（默认值，县里未另行规定）" in financial[0].text
    vehicles = [x for x in one(r.programs, "dibao").reasons if x.rule == "vehicles"]
    assert "默认值" not in vehicles[0].text  # that one is local law in this table


def test_every_reason_names_its_citation_and_result_shape() -> None:
    h = Household("340104", "urban", members=[person("丁", "1950-01-01"), person("戊", "2015-01-01", "child", seq=3)],
                  assets=Assets(1000.0), supporters=[Supporter("己", False, "本人重病")])
    r = check_household(h, ON, FakeTables())  # type: ignore[arg-type]
    doc = r.to_dict()
    assert doc["format"] == "advisor-check/1" and doc["on"] == "2023-09-01" and doc["region"] == "340104"
    assert doc["policy"]["dibao_standard"]["value"] == 900
    assert [p["program"] for p in doc["programs"]] == [
        "dibao", "dibao_edge", "tekun", "tekun", "unsupported_child", "temporary"]
    for p in r.programs:
        assert p.reasons, p.program
        for reason in p.reasons:
            assert reason.citation and reason.text.endswith(f"（{reason.citation}）")
    text = r.explain()
    assert "【低保】" in text and "【特困】丁" in text and "✓" in text


def test_policy_cache_keeps_regions_apart() -> None:
    a = Household("340104", "urban", members=[person("庚", "1980-01-01", wage=950.0)])
    b = Household("340122", "urban", members=[person("辛", "1980-01-01", wage=950.0)])
    t1, t2 = FakeTables(dibao_standard=1000.0), FakeTables("340122", dibao_standard=900.0)
    assert one(check_household(a, ON, t1).programs, "dibao").status == "eligible"  # type: ignore[arg-type]
    assert one(check_household(b, ON, t2).programs, "dibao").status == "ineligible"  # type: ignore[arg-type]
    assert one(check_household(a, ON, t2).programs, "dibao").status == "needs_info"  # type: ignore[arg-type]


def _decisions(p: ProgramResult) -> tuple[object, ...]:
    return (p.program, p.member, p.status, p.monthly_amount, p.margin, p.care_level, p.kind, p.max_amount,
            tuple(p.missing))


@pytest.mark.parametrize("on", [dt.date(2023, 9, 1), dt.date(2026, 11, 1)])
def test_fast_path_agrees_with_explained_path(on: dt.date) -> None:
    """Batch screening (explain=False) gives exactly the statuses and amounts of the explained check."""
    households = list(DemoGenerator(7).households(600))
    compared = 0
    for h in households:
        full = check_household(h, on)
        fast = check_household(h, on, explain=False)
        assert [_decisions(p) for p in fast.programs] == [_decisions(p) for p in full.programs]
        assert all(not p.reasons for p in fast.programs)
        compared += len(full.programs)
    assert compared > 2000
