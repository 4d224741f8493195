"""Which programmes to apply for together (POLICY §6b, §4): pure function of the check results, and
the note when the local figures are older than 12 months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advisor_app.rules.recommendation import (
    RULE_CHILD,
    RULE_TEKUN_DIBAO,
    outdated,
    outdated_note,
    recommend,
)
from advisor_app.rules.results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, CheckResult, PolicyValueLike, ProgramResult

ON = dt.date(2023, 9, 1)
MOTHER, SON, GRANDMA = "34010419880314002X", "340104200905200134", "340104195001010028"


@dataclass(frozen=True)
class Value:
    key: str
    value: float
    unit: str = "元/人/月"
    source: str = "test"
    is_default: bool = False
    region: str = "340104"
    effective_from: dt.date = dt.date(2023, 7, 1)


def check(*programs: ProgramResult, counted: int = 2, income: float = 300.0, on: dt.date = ON,
          policy: dict[str, PolicyValueLike] | None = None) -> CheckResult:
    return CheckResult(on=on, region="340104", policy=policy or {"dibao_standard": Value("dibao_standard", 924)},
                       counted_members=counted, counted_income_monthly=income,
                       per_capita_monthly=income / counted if counted else 0.0, programs=list(programs))


def household(program: str, status: str = ELIGIBLE, amount: int | None = None, **kw: object) -> ProgramResult:
    return ProgramResult(program, status, monthly_amount=amount, **kw)  # type: ignore[arg-type]


def member(program: str, who: str, name: str, status: str = ELIGIBLE, amount: int | None = None) -> ProgramResult:
    return ProgramResult(program, status, member=who, member_name=name, monthly_amount=amount)


def picked(rec: object) -> list[tuple[str, str | None, int | None]]:
    return [(p.program, p.member, p.monthly_amount) for p in rec.apply_for]  # type: ignore[attr-defined]


def test_one_eligible_programme_is_the_whole_recommendation() -> None:
    rec = recommend(check(household("dibao", amount=1548), household("dibao_edge", INELIGIBLE),
                          member("tekun", MOTHER, "吴晓霞", INELIGIBLE)))
    assert picked(rec) == [("dibao", None, 1548)] and not rec.several and rec.set_aside == ()
    assert rec.apply_for[0].people == 2 and rec.dibao_without == () and rec.monthly_total == 1548


def test_a_tekun_person_is_not_counted_in_the_households_dibao() -> None:
    result = check(household("dibao", amount=1548), member("tekun", MOTHER, "吴晓霞", amount=2061),
                   member("tekun", SON, "吴小诚", INELIGIBLE))
    first = recommend(result)
    # Without the check of the others the 低保 is still advised, its amount to be worked out again.
    assert first.dibao_without == (MOTHER,) and first.several
    assert picked(first) == [("tekun", MOTHER, 2061), ("dibao", None, None)]
    assert "低保金额要按其余 1 人重新核算" in first.apply_for[1].note
    rest = check(household("dibao", amount=924), counted=1, income=0.0)
    second = recommend(result, rest)
    assert picked(second) == [("tekun", MOTHER, 2061), ("dibao", None, 924)]
    assert second.apply_for[1].people == 1 and "吴晓霞按特困供养，不计入家庭低保" in second.apply_for[1].note
    assert second.monthly_total == 2061 + 924


def test_the_others_no_longer_qualifying_sets_the_dibao_aside() -> None:
    result = check(household("dibao", amount=500), member("tekun", GRANDMA, "王秀英", amount=1649), counted=2,
                   income=1348.0)
    rest = check(household("dibao", INELIGIBLE), counted=1, income=1348.0)
    rec = recommend(result, rest)
    assert picked(rec) == [("tekun", GRANDMA, 1649)]
    assert [(s.program, s.citation) for s in rec.set_aside] == [("dibao", "《特困人员认定办法》")]
    assert "不再符合低保" in rec.set_aside[0].because


def test_everyone_tekun_leaves_no_household_dibao() -> None:
    rec = recommend(check(household("dibao", amount=924), member("tekun", GRANDMA, "王秀英", amount=1649),
                          counted=1, income=0.0))
    assert picked(rec) == [("tekun", GRANDMA, 1649)] and rec.dibao_without == ()
    assert RULE_TEKUN_DIBAO in rec.set_aside[0].because


def test_a_child_is_paid_under_one_programme_unsupported_child_first() -> None:
    result = check(household("dibao", amount=1548), member("tekun", SON, "吴小诚", amount=1649),
                   member("unsupported_child", SON, "吴小诚", amount=2420))
    rec = recommend(result)
    assert picked(rec) == [("dibao", None, 1548), ("unsupported_child", SON, 2420)]
    assert [(s.program, s.member) for s in rec.set_aside] == [("tekun", SON)]
    assert rec.set_aside[0].because.startswith(RULE_CHILD) and "按事实无人抚养儿童领取" in rec.set_aside[0].because
    # The child is not 特困, so stays counted in the household's 低保: no second check is needed.
    assert rec.dibao_without == () and rec.apply_for[0].people == 2


def test_tekun_replaces_single_person_dibao_for_the_same_person() -> None:
    rec = recommend(check(household("dibao", INELIGIBLE), household("dibao_edge"),
                          member("dibao_single", GRANDMA, "王秀英", amount=924),
                          member("tekun", GRANDMA, "王秀英", amount=1649)))
    assert picked(rec) == [("tekun", GRANDMA, 1649), ("dibao_edge", None, None)]
    assert [(s.program, s.because) for s in rec.set_aside] == [("dibao_single", RULE_TEKUN_DIBAO)]


def test_temporary_assistance_is_kept_and_not_added_to_the_monthly_total() -> None:
    rec = recommend(check(household("dibao", amount=1548),
                          ProgramResult("temporary", ELIGIBLE, kind="急难型", max_amount=9240)))
    assert picked(rec) == [("dibao", None, 1548), ("temporary", None, None)]
    assert rec.apply_for[1].max_amount == 9240 and rec.monthly_total == 1548 and rec.several


def test_needs_info_results_are_not_recommended() -> None:
    rec = recommend(check(household("dibao", NEEDS_INFO), member("tekun", MOTHER, "吴晓霞", NEEDS_INFO)))
    assert rec.apply_for == () and rec.eligible == 0 and rec.monthly_total is None


def test_local_figures_older_than_12_months_are_named_with_their_date() -> None:
    policy: dict[str, PolicyValueLike] = {
        "dibao_standard": Value("dibao_standard", 725, effective_from=dt.date(2022, 7, 1)),
        "orphan_standard_monthly": Value("orphan_standard_monthly", 1800, effective_from=dt.date(2022, 7, 1)),
        "asset_financial_months": Value("asset_financial_months", 24, unit="月", is_default=True,
                                        effective_from=dt.date(2021, 7, 1)),
        "dibao_edge_multiple": Value("dibao_edge_multiple", 1.5, unit="倍", effective_from=dt.date(2021, 7, 1)),
    }
    exactly_a_year = check(on=dt.date(2023, 7, 1), policy=policy)
    assert outdated(exactly_a_year) == [] and outdated_note(exactly_a_year) == ""
    later = check(on=dt.date(2023, 7, 2), policy=policy)
    # Defaults are flagged as defaults already; national multiples are not revised yearly.
    assert [label for label, _v in outdated(later)] == ["低保标准", "孤儿基本生活保障标准"]
    note = outdated_note(later)
    assert note.startswith("所用的低保标准自 2022-07-01 起执行，到核对日已超过12个月")
    assert "另有 1 项本地标准" in note


def test_a_29_february_table_is_a_year_old_on_1_march() -> None:
    policy: dict[str, PolicyValueLike] = {
        "dibao_standard": Value("dibao_standard", 800, effective_from=dt.date(2024, 2, 29))}
    assert outdated(check(on=dt.date(2025, 3, 1), policy=policy)) == []
    assert outdated(check(on=dt.date(2025, 3, 2), policy=policy)) != []
