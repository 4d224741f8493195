"""Importing a village's roster: grouping, validation per row, new households, differences listed
(never overwritten), accepted or rejected, dry run, cancel, and a second import changing nothing.
Every test runs on SQLite and on PostgreSQL (the ``profile`` fixture)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa
from roster_rows import person_id, village_rows

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.domain.household import Household, Member
from advisor_app.services import households, profile_settings, roster_differences
from advisor_app.services.roster_import import import_roster
from advisor_app.sheets.model import ImportSummary, SheetRow
from advisor_app.store import audit as audit_store


@pytest.fixture
def village(profile: Any) -> Any:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="张明")
    return profile


def _import(profile: Any, rows: list[SheetRow], *, dry_run: bool = False, **kw: Any) -> ImportSummary:
    return import_roster(profile, rows, ImportSummary(), dry_run=dry_run, source="桃园村名册.xlsx", **kw)


def _row(number: int, **values: Any) -> SheetRow:
    return SheetRow(number, values, list(values.values()))


def _counts(profile: Any) -> dict[str, int]:
    with profile.connection() as conn:
        return {t: int(conn.execute(sa.text(f"select count(*) from {t}")).scalar() or 0)
                for t in ("households", "members", "roster_differences", "audit_log")}


def _by_head(profile: Any) -> dict[str, Household]:
    return {s.head_name: households.load_household(profile, s.id) for s in households.list_households(profile)}


def test_a_whole_village_roster_makes_its_households(village: Any) -> None:
    rows = village_rows(300, members=4)
    summary = _import(village, rows)
    assert (summary.rows, summary.new, summary.unmatched, summary.matched, summary.invalid) == (1200, 300, 1200, 0, 0)
    assert summary.errors == []
    stored = _by_head(village)
    assert len(stored) == 300
    h = stored["村民21之0"]
    assert [m.relation for m in h.members] == ["head", "spouse", "child", "child"]
    assert h.village == "桃园村" and h.address == "2组" and h.region == "340104" and h.area == "rural"
    assert h.phone == "13900000021"
    assert h.members[3].disability is not None and (h.members[3].disability.kind, h.members[3].disability.grade) \
        == ("physical", 2)
    assert h.members[1].monthly_income == 310.0
    programs = sorted((x.program, x.member, x.monthly_amount, x.since) for x in h.receiving)
    assert programs == [("dibao", "", 480.0, dt.date(2023, 5, 1)),
                        ("tekun", person_id(21, 0), 1100.0, dt.date(2022, 3, 1))]
    assert [m.serious_illness for m in stored["村民10之0"].members] == [False, True, False, False]
    with village.connection() as conn:
        imports = [e for e in audit_store.entries(conn) if e.action == "import"]
        assert audit_store.verify(conn) is None
    assert len(imports) == 300 and {e.detail for e in imports} == {"new"}


@pytest.mark.parametrize("layout", ["household_no", "head_id", "consecutive"])
def test_three_ways_of_grouping(village: Any, layout: str) -> None:
    rows = village_rows(5, members=3, with_number=layout == "household_no", with_head_id=layout == "head_id")
    if layout == "household_no":  # the numbers decide, even when the rows of a household are apart
        rows = rows[::2] + rows[1::2]
    if layout == "head_id":  # the head's number typed with spaces and a full-width digit on some rows
        for row in rows[1::3]:
            number = str(row.values["head_id"])
            row.values["head_id"] = f" {number[:6]} {number[6:-1]}{chr(ord(number[-1]) + 0xFEE0)}"
    summary = _import(village, rows)
    assert (summary.new, summary.invalid) == (5, 0), summary.errors
    assert sorted(len(h.members) for h in _by_head(village).values()) == [3] * 5


def test_relation_words_of_counties(village: Any) -> None:
    words = ["本人", "之妻", "长子", "外孙女", "儿媳", "父亲", "祖母", "弟弟", "侄子"]
    rows = [_row(2 + i, household_no="A1", name=f"人{i}", id_number=person_id(1, i), relation=w)
            for i, w in enumerate(words)]
    assert _import(village, rows).new == 1
    (h,) = _by_head(village).values()
    assert [m.relation for m in h.members] == ["head", "spouse", "child", "grandchild", "child_in_law", "parent",
                                              "grandparent", "sibling", "other"]


def test_a_household_without_head_and_bad_cells_are_refused_row_by_row(village: Any) -> None:
    rows = [_row(2, household_no="A1", name="甲", id_number=person_id(1, 0), relation="妻"),
            _row(3, household_no="A1", name="乙", id_number=person_id(1, 1), relation="子"),
            _row(4, household_no="B2", name="丙", id_number="340104198501011234", relation="户主"),
            _row(5, household_no="B2", name="丁", id_number=3.40104198503120e17, relation="配偶"),
            _row(6, household_no="C3", name="戊", id_number=person_id(3, 0), relation="户主", health="还行"),
            _row(7, household_no="D4", name="己", id_number=person_id(4, 0), relation="户主")]
    summary = _import(village, rows)
    assert (summary.rows, summary.new, summary.invalid, summary.unmatched) == (6, 1, 5, 1)
    by_row: dict[int, list[Any]] = {}
    for e in summary.errors:
        by_row.setdefault(e.row, []).append(e)
    assert "没有户主" in by_row[2][0].message and by_row[2][0].field == "与户主关系"
    assert "第2行有错误" in by_row[3][0].message
    assert by_row[4][0].field == "身份证号" and "校验" in by_row[4][0].message
    assert by_row[5][0].field == "身份证号" and "文本" in by_row[5][0].message
    assert by_row[6][0].field == "健康状况" and "还行" in by_row[6][0].message
    assert 7 not in by_row
    assert list(_by_head(village)) == ["己"]


def test_a_person_in_two_households_refuses_both(village: Any) -> None:
    shared = person_id(9, 1)
    rows = [_row(2, household_no="A1", name="甲", id_number=person_id(1, 0), relation="户主"),
            _row(3, household_no="A1", name="乙", id_number=shared, relation="配偶"),
            _row(4, household_no="B2", name="丙", id_number=person_id(2, 0), relation="户主"),
            _row(5, household_no="B2", name="乙", id_number=shared, relation="妻")]
    summary = _import(village, rows)
    assert (summary.new, summary.invalid) == (0, 4)
    assert {e.row for e in summary.errors if "另一户也出现了" in e.message} == {3, 5}
    assert _counts(village)["households"] == 0


def test_people_stored_in_two_households_are_not_joined(village: Any) -> None:
    _import(village, village_rows(2, members=2))
    a, b = person_id(0, 0), person_id(1, 1)
    summary = _import(village, [_row(2, household_no="X", name="村民0之0", id_number=a, relation="户主"),
                                _row(3, household_no="X", name="村民1之1", id_number=b, relation="配偶")])
    assert summary.invalid == 2 and all("登记在" in e.message for e in summary.errors)


def _recorded(profile: Any) -> Household:
    """A household the advisor recorded: phone, a disability and an income of their own."""
    h = Household(region="340104", area="rural", village="桃园村", phone="0556-1234567", members=[
        Member("王大", person_id(50, 0), "head"), Member("李二", person_id(50, 1), "spouse")])
    h.members[1].phone = ""
    return households.save_household(profile, h)


def test_differences_are_listed_not_overwritten_and_empty_fields_filled(village: Any) -> None:
    saved = _recorded(village)
    rows = [_row(2, household_no="W", name="王大", id_number=person_id(50, 0), relation="户主",
                 phone="13911112222", address="桃园村3组8号", ethnicity="汉族"),
            _row(3, household_no="W", name="李二", id_number=person_id(50, 1), relation="女儿",
                 disability_kind="视力残疾一级", monthly_income="1,200"),
            _row(4, household_no="W", name="王小", id_number=person_id(50, 2), relation="孙子")]
    before = _counts(village)
    summary = _import(village, rows)
    assert (summary.matched, summary.unmatched, summary.new, summary.changed) == (2, 1, 0, 3)
    h = households.load_household(village, str(saved.id))
    assert h.phone == "0556-1234567"  # recorded: kept
    assert h.address == "桃园村3组8号" and h.members[0].ethnicity == "汉族"  # empty: filled
    assert h.members[1].relation == "spouse"  # recorded: kept, listed
    assert h.members[1].disability is not None and h.members[1].monthly_income == 1200.0  # none recorded: filled
    assert len(h.members) == 2  # a person to add is listed, not added
    listed = {(d.member_name, d.field): d for d in roster_differences.list_differences(village)}
    assert set(listed) == {("", "phone"), ("李二", "relation"), ("王小", "member")}
    relation = listed["李二", "relation"]
    assert (relation.existing_words, relation.roster_words, relation.source) == ("配偶", "子女", "桃园村名册.xlsx")
    assert (relation.head_name, relation.village) == ("王大", "桃园村")
    assert _counts(village)["roster_differences"] == before["roster_differences"] + 3


def test_accept_writes_through_the_save_with_audit_and_reject_keeps(village: Any) -> None:
    saved = _recorded(village)
    rows = [_row(2, household_no="W", name="王大", id_number=person_id(50, 0), relation="户主", phone="13911112222"),
            _row(3, household_no="W", name="李二", id_number=person_id(50, 1), relation="女儿"),
            _row(4, household_no="W", name="王小", id_number=person_id(50, 2), relation="孙子")]
    _import(village, rows)
    listed = {d.field: d for d in roster_differences.list_differences(village)}
    with village.connection() as conn:
        entries_before = audit_store.count(conn)
    assert roster_differences.accept(village, listed["relation"].id).household_id == saved.id
    assert roster_differences.accept(village, listed["member"].id).choice == "accept"
    assert roster_differences.reject(village, listed["phone"].id).choice == "reject"
    h = households.load_household(village, str(saved.id))
    assert h.members[1].relation == "child" and [m.name for m in h.members] == ["王大", "李二", "王小"]
    assert h.phone == "0556-1234567"
    with village.connection() as conn:
        new_entries = list(audit_store.entries(conn))[entries_before:]
        assert audit_store.verify(conn) is None
    assert {(e.kind, e.action) for e in new_entries} >= {("member", "change"), ("member", "create")}
    assert roster_differences.list_differences(village) == []
    with pytest.raises(DomainError, match="待处理"):
        roster_differences.accept(village, listed["phone"].id)
    again = _import(village, rows)  # answered: not listed again
    assert again.changed == 0 and roster_differences.list_differences(village) == []


def test_dry_run_writes_nothing_and_says_what_would_happen(village: Any) -> None:
    _recorded(village)
    before = _counts(village)
    rows = [*village_rows(20, members=3),
            _row(500, household_no="W", name="王大", id_number=person_id(50, 0), relation="户主", phone="139")]
    summary = _import(village, rows, dry_run=True)
    assert summary.dry_run and (summary.new, summary.changed, summary.matched) == (20, 1, 1)
    assert _counts(village) == before


def test_cancel_writes_nothing(village: Any) -> None:
    before = _counts(village)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 100

    with pytest.raises(Cancelled):
        _import(village, village_rows(300, members=2), progress=progress)
    assert _counts(village) == before and calls[0] == (0, 300)


def test_the_same_roster_again_changes_nothing(village: Any) -> None:
    rows = village_rows(40, members=3)
    _recorded(village)
    rows.append(_row(900, household_no="W", name="王大", id_number=person_id(50, 0), relation="户主", phone="139"))
    first = _import(village, rows)
    assert (first.new, first.changed) == (40, 1)
    with village.connection() as conn:
        versions = conn.execute(sa.text("select id, version from households order by id")).all()
    counts = _counts(village)
    again = _import(village, rows)
    assert (again.new, again.changed, again.matched, again.invalid) == (0, 0, 121, 0)
    assert _counts(village) == counts
    with village.connection() as conn:
        assert conn.execute(sa.text("select id, version from households order by id")).all() == versions


def test_a_profile_without_region_is_told(profile: Any) -> None:
    with pytest.raises(DomainError, match="所属地区"):
        _import(profile, village_rows(1))
