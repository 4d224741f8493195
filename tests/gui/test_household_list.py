"""The household table model on its own (no window): paging, cache limits, sorting, masking."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from advisor_app.gui.household_table_model import (
    HEAD,
    HOUSEHOLD_ID_ROLE,
    ID_NUMBER,
    NEXT_REVIEW,
    STATUS,
    HouseholdTableModel,
)
from advisor_app.services import household_list


def make_model(profile: Any, page: int = 10, max_pages: int = 3) -> tuple[HouseholdTableModel, list[Any]]:
    fetched: list[Any] = []

    def fetch(ids: Any) -> Any:
        fetched.append(list(ids))
        return household_list.rows(profile, ids)

    model = HouseholdTableModel(fetch)
    model.PAGE, model.MAX_PAGES = page, max_pages
    model.set_ids(household_list.ids(profile))
    return model, fetched


def test_rows_are_fetched_a_page_at_a_time(demo_profile: Any) -> None:
    model, fetched = make_model(demo_profile)
    assert model.rowCount() == 60 and fetched == []  # nothing read before something is shown
    expected = household_list.page(demo_profile, offset=35, limit=1)[0]
    assert model.data(model.index(35, HEAD)) == expected.head_name
    assert fetched == [model.ids()[30:40]]
    model.data(model.index(39, HEAD))
    model.data(model.index(31, ID_NUMBER))
    assert len(fetched) == 1  # same page: from the cache
    assert model.data(model.index(35, 0), HOUSEHOLD_ID_ROLE) == expected.id


def test_the_row_cache_is_bounded(demo_profile: Any) -> None:
    model, fetched = make_model(demo_profile, page=10, max_pages=3)
    for row in range(0, 60, 10):
        model.data(model.index(row, HEAD))
    assert model.cached_pages() == 3 and len(fetched) == 6
    model.data(model.index(0, HEAD))  # evicted earlier: read again
    assert len(fetched) == 7


def test_refresh_forgets_cached_rows(demo_profile: Any, qtbot: Any) -> None:
    model, fetched = make_model(demo_profile)
    model.data(model.index(0, HEAD))
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.refresh()
    model.data(model.index(0, HEAD))
    assert len(fetched) == 2


def test_sorting_is_asked_of_the_owner(demo_profile: Any, qtbot: Any) -> None:
    model, _ = make_model(demo_profile)
    with qtbot.waitSignal(model.sort_requested, timeout=1000) as signal:
        model.sort(STATUS, Qt.SortOrder.DescendingOrder)
    assert signal.args == ["status", True]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(ID_NUMBER)  # the ID number column does not sort


def test_id_numbers_masked_by_default(demo_profile: Any) -> None:
    model, _ = make_model(demo_profile)
    full = household_list.rows(demo_profile, model.ids()[:1])[0].head_id_number
    assert re.fullmatch(r"\d{6}\*{8}[\dX]{4}", model.data(model.index(0, ID_NUMBER)))
    model.set_show_full_ids(True)
    assert model.data(model.index(0, ID_NUMBER)) == full


def test_overdue_reviews_are_marked(demo_profile: Any) -> None:
    model, _ = make_model(demo_profile, page=100)
    rows = household_list.rows(demo_profile, model.ids())
    overdue = [i for i, r in enumerate(rows) if r.next_review is not None and r.next_review < model.today]
    due_later = [i for i, r in enumerate(rows) if r.next_review is not None and r.next_review >= model.today]
    assert overdue and due_later
    assert model.data(model.index(overdue[0], NEXT_REVIEW), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(due_later[0], NEXT_REVIEW), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(overdue[0], NEXT_REVIEW), Qt.ItemDataRole.ToolTipRole) == "已过核查日期"
