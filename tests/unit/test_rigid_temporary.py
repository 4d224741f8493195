"""刚性支出困难家庭 and the 临时救助 dates: the calendar arithmetic, the start date, and the
recommendation keeping the status alongside without adding it to the monthly total."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advisor_app.domain import idcard
from advisor_app.domain.household import Expenses, Household, Income, Member
from advisor_app.rules import check_household
from advisor_app.rules.policy import PolicyTables
from advisor_app.rules.recommendation import recommend
from advisor_app.rules.rigid import assessed_on, valid_until
from advisor_app.rules.temporary import months_before

D = dt.date
TABLES = Path(__file__).parents[1] / "data" / "casebook" / "tables" / "rigid_2025"


def test_months_before_keeps_the_day_or_takes_the_month_end() -> None:
    assert months_before(D(2023, 9, 1), 3) == D(2023, 6, 1)
    assert months_before(D(2023, 5, 31), 3) == D(2023, 2, 28)
    assert months_before(D(2024, 5, 31), 3) == D(2024, 2, 29)
    assert months_before(D(2024, 2, 15), 3) == D(2023, 11, 15)


def test_valid_until_is_twelve_months_less_a_day() -> None:
    assert valid_until(D(2025, 3, 1)) == D(2026, 2, 28)
    assert valid_until(D(2025, 1, 1)) == D(2025, 12, 31)
    assert valid_until(D(2028, 2, 29)) == D(2029, 2, 28)
    assert not assessed_on(D(2024, 12, 31)) and assessed_on(D(2025, 1, 1))


def _poor_family(medical: float) -> Household:
    return Household(region="340104", area="urban", expenses=Expenses(medical_selfpaid_12m=medical), members=[
        Member("王军", idcard.make("340104", D(1976, 6, 6), 11), "head", incomes=[Income("wage", 300.0)]),
        Member("李梅", idcard.make("340104", D(1978, 7, 7), 22), "spouse")])


def test_rigid_expense_criteria_met_by_a_dibao_family_is_set_aside_for_the_dibao() -> None:
    """The check says the criteria are met; the recommendation applies one layer (国办发〔2023〕39号)."""
    result = check_household(_poor_family(5000.0), D(2025, 3, 1), PolicyTables.load(TABLES))
    rigid, dibao = result.program("rigid_expense"), result.program("dibao")
    assert rigid is not None and rigid.status == "eligible" and rigid.valid_until == D(2026, 2, 28)
    assert dibao is not None and dibao.status == "eligible" and dibao.monthly_amount == 924 * 2 - 300
    rec = recommend(result)
    assert [p.program for p in rec.apply_for] == ["dibao", "temporary"]
    assert [(s.program, s.because) for s in rec.set_aside] == [
        ("rigid_expense", "刚性支出困难家庭是低保、特困、低保边缘之外的另一层低收入家庭，已按上一层认定的不再另行认定"
                          "：您家按低保申请")]
    assert "国办发〔2023〕39号" in rec.set_aside[0].citation
    assert rec.monthly_total == 924 * 2 - 300
    assert result.to_dict()["programs"][-1]["valid_until"] == "2026-02-28"


def test_rigid_expense_is_recommended_to_a_family_above_the_near_dibao_line() -> None:
    family = _poor_family(40000.0)
    family.members[0].incomes = [Income("wage", 3000.0)]  # 1,500 a person: above 1.5 × 924
    result = check_household(family, D(2025, 3, 1), PolicyTables.load(TABLES))
    assert [(p.program, p.status) for p in result.programs if p.program in ("dibao", "dibao_edge")] == [
        ("dibao", "ineligible"), ("dibao_edge", "ineligible")]
    rigid = result.program("rigid_expense")
    assert rigid is not None and rigid.status == "eligible", rigid.missing
    assert [p.program for p in recommend(result).apply_for][:1] == ["rigid_expense"]


def test_no_essential_spending_is_no_rigid_expense_case_and_no_temporary_one() -> None:
    result = check_household(_poor_family(0.0), D(2025, 3, 1), PolicyTables.load(TABLES))
    rigid, temporary = result.program("rigid_expense"), result.program("temporary")
    assert rigid is not None and rigid.status == "ineligible" and rigid.valid_until is None
    assert temporary is not None and temporary.status == "ineligible"
