"""The household list's SQL on a real profile: search kinds, sorting, paging, statuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.domain.household import Visit
from advisor_app.domain.pinyin import initials
from advisor_app.services import household_list as hl
from advisor_app.services import households


def all_rows(profile: Any) -> list[hl.HouseholdListRow]:
    return hl.rows(profile, hl.ids(profile))


def test_default_order_is_village_then_head(demo_profile: Any) -> None:
    rows = all_rows(demo_profile)
    assert len(rows) == 60 == hl.count(demo_profile)
    keys = [(r.village, r.head_name) for r in rows]
    assert keys == sorted(keys)
    assert [r.id for r in hl.page(demo_profile, offset=10, limit=5)] == [r.id for r in rows[10:15]]


@pytest.mark.parametrize("sort", hl.SORT_KEYS)
def test_every_sort_key_orders_all_households(demo_profile: Any, sort: str) -> None:
    up, down = hl.ids(demo_profile, "", sort), hl.ids(demo_profile, "", sort, True)
    assert sorted(up) == sorted(down) and len(up) == 60


def test_member_count_sort(demo_profile: Any) -> None:
    counts = [r.member_count for r in hl.rows(demo_profile, hl.ids(demo_profile, "", "member_count", True))]
    assert counts == sorted(counts, reverse=True)


def test_pinyin_initials_match_the_start(demo_profile: Any) -> None:
    rows = all_rows(demo_profile)
    query = initials(rows[5].head_name)
    found = hl.rows(demo_profile, hl.ids(demo_profile, query.upper()))
    assert rows[5].id in [r.id for r in found]
    assert {r.id for r in found} == {r.id for r in rows if initials(r.head_name).startswith(query)}


def test_id_number_end_matches_any_member(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[12])
    number = household.members[-1].id_number
    for n in (4, 8, 18):
        assert household.id in hl.ids(demo_profile, number[-n:].lower())
    assert household.id not in hl.ids(demo_profile, "9" + number[-17:]) or number[0] == "9"


def test_name_part_matches_any_member_and_village_too(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[30])
    member = household.members[-1]
    assert household.id in hl.ids(demo_profile, member.name[1:])
    by_village = hl.ids(demo_profile, household.village)
    assert household.id in by_village
    assert all(household.village in r.village or r.town for r in hl.rows(demo_profile, by_village))


def test_a_single_digit_or_character_stays_narrow(demo_profile: Any) -> None:
    assert len(hl.ids(demo_profile, "3")) == 60  # one digit: no ID-number filter yet
    rows = all_rows(demo_profile)
    village = rows[0].village
    assert village.endswith(("村", "社区"))
    one_char = village[-1]
    found = hl.ids(demo_profile, one_char)
    for household_id in found:  # one character: names only, not every 村
        names = [m.name for m in households.load_household(demo_profile, household_id).members]
        assert any(one_char in n for n in names)
    assert len(found) < len(hl.ids(demo_profile, village[-2:])) or len(village) < 2


def test_words_must_all_match(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[7])
    both = hl.ids(demo_profile, f"{household.village} {household.members[0].id_number[-4:]}")
    assert household.id in both
    assert set(both) <= set(hl.ids(demo_profile, household.village))
    assert hl.ids(demo_profile, "这个名字不存在") == []


def test_deleted_households_are_not_listed(demo_profile: Any) -> None:
    gone = hl.ids(demo_profile)[0]
    households.delete_household(demo_profile, gone)
    assert gone not in hl.ids(demo_profile) and hl.count(demo_profile) == 59
    assert hl.rows(demo_profile, [gone]) == []  # a list still showing it gets no row for it


def test_latest_visit_and_next_review(demo_profile: Any) -> None:
    household_id = hl.ids(demo_profile)[3]
    households.save_visit(demo_profile, household_id, Visit(
        type="review", date=dt.date(2031, 5, 1), investigators=["王芳"], next_visit=dt.date(2032, 5, 1)))
    row = hl.rows(demo_profile, [household_id])[0]
    assert row.last_visit == dt.date(2031, 5, 1) and row.next_review == dt.date(2032, 5, 1)
    assert hl.ids(demo_profile, "", "last_visit", True)[0] == household_id


def test_status_comes_from_screening_results(demo_profile: Any) -> None:
    with demo_profile.connection() as conn:
        first, second = hl.ids(demo_profile)[:2]
        conn.execute(sa.text(
            "INSERT INTO screening_results (household_id, program, status, detail, on_date, screened_at) "
            "VALUES (:first, 'dibao', 'eligible', '', '2026-11-01', '9999'), (:first, 'tekun', 'eligible', '', "
            "'2026-11-01', '9999'), (:second, 'dibao_edge', 'ineligible', '', '2026-11-01', '9999')"),
            {"first": first, "second": second})
    rows = {r.id: r for r in hl.rows(demo_profile, [first, second])}
    assert rows[first].status == "特困、低保"
    assert rows[second].status == ""
    assert hl.ids(demo_profile, "", "status")[0] == first
    with demo_profile.connection() as conn:  # changed after the screening: the result is out of date
        conn.execute(sa.text("UPDATE screening_results SET screened_at = '2000-01-01' WHERE household_id = :id"),
                     {"id": first})
    assert hl.rows(demo_profile, [first])[0].status == ""


def test_demo_flag(profile: Any) -> None:
    assert not hl.is_demo_profile(profile)
    from advisor_app.services.demo import fill_demo

    fill_demo(profile, 3, seed=2)
    assert hl.is_demo_profile(profile)
