"""The household list's kept columns stay right after each kind of write, and every sort lists the
households in the order of the values it shows (both SQL paths)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from list_columns_check import stale_list_columns

from advisor_app.domain.household import Visit
from advisor_app.services import household_list as hl
from advisor_app.services import households
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import enrol_peer, set_up_identity
from advisor_app.store import household_list as store_list


@pytest.fixture(params=["sqlite-speedups", "portable"])
def sql_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(store_list, "SQLITE_SPEEDUPS", request.param == "sqlite-speedups")
    return str(request.param)


def shown(profile: Any, household_id: str) -> hl.HouseholdListRow:
    return hl.rows(profile, [household_id])[0]


def test_demo_households_start_right(demo_profile: Any) -> None:
    assert stale_list_columns(demo_profile) == []
    assert any(r.last_visit for r in hl.rows(demo_profile, hl.ids(demo_profile)))


def test_a_visit_added_and_removed(demo_profile: Any) -> None:
    hid = hl.ids(demo_profile)[0]
    day = dt.date(2031, 5, 6)
    visit = households.save_visit(demo_profile, hid, Visit(type="return", investigators=["王"], date=day,
                                                           next_visit=dt.date(2031, 8, 1)))
    assert (shown(demo_profile, hid).last_visit, shown(demo_profile, hid).next_review) == (day, dt.date(2031, 8, 1))
    assert hl.ids(demo_profile, "", "last_visit", True)[0] == hid
    assert stale_list_columns(demo_profile) == []

    household = households.load_household(demo_profile, hid)
    household.visits = [v for v in household.visits if v.id != visit.id]
    households.save_household(demo_profile, household)
    assert shown(demo_profile, hid).last_visit != day
    assert stale_list_columns(demo_profile) == []


def test_archived_and_restored(demo_profile: Any) -> None:
    hid = next(r.id for r in hl.rows(demo_profile, hl.ids(demo_profile)) if r.last_visit is not None)
    before = shown(demo_profile, hid)
    households.archive_household(demo_profile, hid, "moved")
    assert hid not in hl.ids(demo_profile, "", "last_visit")
    assert stale_list_columns(demo_profile) == []
    households.restore_household(demo_profile, hid)
    after = shown(demo_profile, hid)
    assert (after.last_visit, after.next_review) == (before.last_visit, before.next_review)
    assert stale_list_columns(demo_profile) == []


def test_export_changes_the_marks(demo_profile: Any) -> None:
    assert {r.mark for r in hl.rows(demo_profile, hl.ids(demo_profile))} == {hl.UNSENT}
    set_up_identity(demo_profile, role="advisor", name="王老师")
    enrol_peer(demo_profile, "office-1", "乡镇", "office", "keys-office")
    assert stale_list_columns(demo_profile) == []
    build_payload(demo_profile, "office-1")
    assert {r.mark for r in hl.rows(demo_profile, hl.ids(demo_profile))} == {hl.UNCONFIRMED}
    assert stale_list_columns(demo_profile) == []
    hid = hl.ids(demo_profile)[5]
    households.save_visit(demo_profile, hid, Visit(type="return", investigators=["王"], date=dt.date(2031, 1, 2)))
    assert shown(demo_profile, hid).mark == hl.UNSENT
    assert hl.ids(demo_profile, "", "unsent", True)[0] == hid
    assert stale_list_columns(demo_profile) == []


def _value(row: hl.HouseholdListRow, sort: str) -> Any:
    return {"village": row.village, "head_name": row.head_name, "member_count": row.member_count,
            "last_visit": row.last_visit, "next_review": row.next_review, "unsent": row.mark}[sort]


@pytest.mark.parametrize("sort", ["village", "head_name", "member_count", "last_visit", "next_review", "unsent"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("search", [False, True])
def test_sort_order_is_the_order_of_the_values_shown(demo_profile: Any, sql_path: str, sort: str,
                                                     descending: bool, search: bool) -> None:
    first = hl.ids(demo_profile)[0]
    text = shown(demo_profile, first).village[:2] if search else ""  # the households of some villages
    households.save_visit(demo_profile, first, Visit(type="return", investigators=["王"],
                                                     date=dt.date(2030, 1, 1)))  # marks differ
    rows = hl.rows(demo_profile, hl.ids(demo_profile, text, sort, descending))
    assert len(rows) == len(hl.ids(demo_profile, text)) > 0
    missing_first = (sort == "last_visit") != descending  # never visited first; no review planned last
    keys = [(_value(r, sort) is None) != missing_first for r in rows]
    assert keys == sorted(keys)
    values = [_value(r, sort) for r in rows if _value(r, sort) is not None]
    assert values == sorted(values, reverse=descending)
    for a, b in itertools.pairwise(rows):  # equal values: the default order
        if _value(a, sort) == _value(b, sort):
            assert (a.village, a.head_name, a.id) <= (b.village, b.head_name, b.id)
