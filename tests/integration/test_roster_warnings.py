"""What a roster says that is not refused but said: a 保障类别 without its amount or start date (the
household is imported, that programme is not recorded, the row says what to add), and 劳动能力 —
read with the words counties use, compared with what the record shows (age, disability) and said
where the roster calls someone unable to work whom the record does not show so. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor_app.domain import idcard, roster_words
from advisor_app.domain.household import Disability, Household, Member
from advisor_app.services import households, profile_settings
from advisor_app.services.roster_import import ROSTER_FIELDS, import_roster
from advisor_app.sheets.headers import suggest
from advisor_app.sheets.model import ImportSummary, SheetRow

TODAY = dt.date.today()


def born(age: int, n: int) -> str:
    """An ID number of someone ``age`` or ``age`` + 1 years old."""
    return idcard.make("340104", dt.date(TODAY.year - age - 1, 1, 1) + dt.timedelta(days=n), n % 1000)


@pytest.fixture
def village(profile: Any) -> Any:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="张明")
    return profile


def _import(profile: Any, rows: list[SheetRow], *, dry_run: bool = False) -> ImportSummary:
    return import_roster(profile, rows, ImportSummary(), dry_run=dry_run, source="桃园村名册.xlsx")


def _row(number: int, **values: Any) -> SheetRow:
    return SheetRow(number, values, list(values.values()))


def test_a_programme_without_amount_or_date_imports_the_household_without_it(village: Any) -> None:
    rows = [_row(2, household_no="A", name="甲", id_number=born(50, 1), relation="户主", program="农村低保",
                 since="2023-05-01"),
            _row(3, household_no="B", name="乙", id_number=born(50, 2), relation="户主", program="低保",
                 amount="480"),
            _row(4, household_no="C", name="丙", id_number=born(50, 3), relation="户主", program="特困"),
            _row(5, household_no="D", name="丁", id_number=born(50, 4), relation="户主", program="低保",
                 amount="480", since="2023-05-01"),
            _row(6, household_no="E", name="戊", id_number=born(50, 5), relation="户主", program="低保",
                 amount="四百", since="2023-05-01")]
    dry = _import(village, rows, dry_run=True)
    summary = _import(village, rows)
    assert (dry.new, dry.invalid, dry.warnings) == (summary.new, summary.invalid, summary.warnings)
    assert (summary.rows, summary.new, summary.invalid) == (5, 4, 1)  # a wrong amount is still a cell to fix
    assert [e.row for e in summary.errors] == [6] and summary.errors[0].field == "保障金额"
    said = {w.row: w for w in summary.warnings}
    assert set(said) == {2, 3, 4} and {w.field for w in said.values()} == {"保障类别"}
    assert "保障金额" in said[2].message and "保障起始日期" not in said[2].message
    assert "保障起始日期" in said[3].message and "保障金额" not in said[3].message
    assert "保障金额和保障起始日期" in said[4].message and "特困" in said[4].message
    stored = {s.head_name: households.load_household(village, s.id) for s in households.list_households(village)}
    assert {name: [(x.program, x.monthly_amount) for x in h.receiving] for name, h in stored.items()} == {
        "甲": [], "乙": [], "丙": [], "丁": [("dibao", 480.0)]}


def test_labour_ability_words_and_headers() -> None:
    unable = ("无劳动能力", "丧失劳动能力", "完全丧失劳动能力", "无劳动力")
    assert [roster_words.labour(w) for w in unable] == ["none"] * 4
    assert [roster_words.labour(w) for w in ("部分丧失劳动能力", "弱劳动力或半劳动力", "半劳动力")] == ["partial"] * 3
    assert [roster_words.labour(w) for w in ("有劳动能力", "普通劳动力", "技能劳动力", "劳动力")] == ["able"] * 4
    assert roster_words.labour(" ") is None
    with pytest.raises(roster_words.RosterWordError, match="看不懂"):
        roster_words.labour("还行")
    for header in ("劳动能力", "劳动力状况", "劳动能力状况", "是否有劳动能力"):
        assert suggest(["姓名", "身份证号", header], ROSTER_FIELDS)[header] == "labour"


def test_labour_ability_is_compared_with_the_record_and_said_where_it_is_not_shown(village: Any) -> None:
    recorded = Household(region="340104", area="rural", village="桃园村", members=[
        Member("王大", born(45, 9), "head", disability=Disability("physical", 1))])
    households.save_household(village, recorded)
    rows = [_row(2, household_no="A", name="甲", id_number=born(40, 1), relation="户主", labour="丧失劳动能力"),
            _row(3, household_no="A", name="乙", id_number=born(72, 2), relation="母亲", labour="无劳动能力"),
            _row(4, household_no="A", name="丙", id_number=born(38, 3), relation="配偶", labour="丧失劳动能力",
                 disability_kind="肢体残疾", disability_grade="一级"),
            _row(5, household_no="A", name="丁", id_number=born(12, 4), relation="子", labour="有劳动能力"),
            _row(6, household_no="A", name="戊", id_number=born(30, 5), relation="子", labour="还行"),
            _row(7, household_no="W", name="王大", id_number=born(45, 9), relation="户主", labour="无劳动能力")]
    summary = _import(village, rows)
    assert (summary.new, summary.matched, summary.invalid) == (1, 1, 0)
    said = {w.row: w for w in summary.warnings}
    assert set(said) == {2, 6}  # 乙 is 72, 丙 and the recorded 王大 have a 一级肢体残疾, 丁 is said able
    age = idcard.parse(str(rows[0].values["id_number"])).age_on(TODAY)
    assert said[2].field == "劳动能力" and "丧失劳动能力" in said[2].message and f"{age}岁" in said[2].message
    assert "无残疾" in said[2].message
    assert "还行" in said[6].message and "没有比对" in said[6].message
