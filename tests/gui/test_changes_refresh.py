"""Each screen decides from the typed ``Changes`` of a write whether to refresh: the household list
(rows, status column, search), the household editor showing a household, its eligibility panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex

from advisor_app.domain.household import Household, Visit
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.household_table_model import HEAD, LAST_VISIT, STATUS
from advisor_app.services import household_list, households
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile


@pytest.fixture(autouse=True)
def no_watch(main_window: Any) -> None:
    """These tests count what a write's own ``Changes`` refresh; the watch's once-a-second look at
    the database (which also sees this window's writes, see test_external_changes) is stopped."""
    main_window.list_pane._poll.stop()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of every household loaded through the services from now on."""
    seen: list[str] = []
    original = households.load_household

    def load(profile: Profile, household_id: str) -> Household:
        seen.append(household_id)
        return original(profile, household_id)

    monkeypatch.setattr(households, "load_household", load)
    return seen


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every list search run from now on."""
    seen: list[str] = []
    original = household_list.ids

    def ids(profile: Profile, text: str = "", *args: Any, **kwargs: Any) -> list[str]:
        seen.append(text)
        return original(profile, text, *args, **kwargs)

    monkeypatch.setattr(household_list, "ids", ids)
    return seen


@pytest.fixture
def data_changes(main_window: Any) -> Iterator[list[tuple[int, int, int, int]]]:
    """(first row, first column, last row, last column) of every dataChanged of the list model."""
    seen: list[tuple[int, int, int, int]] = []

    def record(top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        seen.append((top.row(), top.column(), bottom.row(), bottom.column()))

    main_window.model.dataChanged.connect(record)
    yield seen
    main_window.model.dataChanged.disconnect(record)


def _head(household: Household) -> str:
    return next(m.name for m in household.members if m.relation == "head")


def _rename_head(profile: Profile, household_id: str, name: str) -> Household:
    household = households.load_household(profile, household_id)
    next(m for m in household.members if m.relation == "head").name = name
    return households.save_household(profile, household, with_visits=False)


def _cell(window: Any, household_id: str, column: int) -> object:
    row = window.model.row_of(household_id)
    assert row is not None
    return window.model.data(window.model.index(row, column))


def test_a_change_to_x_refreshes_its_row_and_the_editor_showing_x_not_one_showing_y(
        qtbot: Any, main_window: Any, demo_profile: Profile, loads: list[str]) -> None:
    x, y = main_window.model.household_id(3), main_window.model.household_id(7)
    main_window.open_household(x)
    other = HouseholdEditor(main_window.operations)  # a second editor, showing Y
    qtbot.addWidget(other)
    other.load(households.load_household(demo_profile, y))
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    assert editor is not None and editor.household().id == x
    y_before = other.household()
    loads.clear()

    main_window.operations.write(lambda p: _rename_head(p, x, "改名后"), None,
                                 changed=lambda h: Changes.of_households([h.id]))
    assert main_window.operations.wait_idle()

    assert _cell(main_window, x, HEAD) == "改名后"  # the list row
    assert _head(editor.household()) == "改名后" and not editor.is_dirty()  # the editor showing X
    assert loads == [x, x]  # the write's own load, then the editor showing X: nothing for Y
    assert other.household() == y_before


def test_an_editor_with_unsaved_edits_keeps_them(qtbot: Any, main_window: Any) -> None:
    x = main_window.model.household_id(2)
    main_window.open_household(x)
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    editor.notes.setText("还没保存的备注")
    main_window.operations.write(lambda p: _rename_head(p, x, "别处改的名"), None,
                                 changed=Changes.of_households([x]))
    assert main_window.operations.wait_idle()
    assert editor.notes.text() == "还没保存的备注" and editor.is_dirty()
    assert _cell(main_window, x, HEAD) == "别处改的名"


def test_a_visit_refreshes_only_its_row_and_its_editor(qtbot: Any, main_window: Any, demo_profile: Profile,
                                                      searches: list[str], data_changes: list[Any]) -> None:
    x = main_window.model.household_id(5)
    main_window.open_household(x)
    assert main_window.operations.wait_idle()
    visits_before = len(main_window.editor.household().visits)
    searches.clear()
    day = dt.date(2031, 5, 6)
    visit = Visit(type="return", date=day, investigators=["王芳"], notes="回访")
    main_window.operations.write(lambda p: households.save_visit(p, x, visit), None,
                                 changed=Changes.of_visits([x]))
    assert main_window.operations.wait_idle()
    assert _cell(main_window, x, LAST_VISIT) == day.isoformat()
    row = main_window.model.row_of(x)
    assert data_changes and all(top == bottom == row for top, _left, bottom, _right in data_changes)
    assert searches == []  # no new search for a visit (the list is sorted by village)
    assert len(main_window.editor.household().visits) == visits_before + 1


def test_a_screening_refreshes_the_status_column(qtbot: Any, main_window: Any, searches: list[str],
                                                 data_changes: list[Any]) -> None:
    from advisor_app.services import eligibility

    def statuses() -> list[object]:
        return [main_window.model.data(main_window.model.index(r, STATUS)) for r in range(60)]

    assert set(statuses()) == {""}
    searches.clear()
    main_window.operations.write(lambda p: eligibility.screen(p), None, changed=Changes(screening=True))
    assert main_window.operations.wait_idle()
    assert any("低保" in str(s) for s in statuses())
    assert (0, STATUS, 59, STATUS) in data_changes
    assert searches == []  # the rows are the same households, in the same order


def test_a_drafts_only_change_refreshes_no_screen(qtbot: Any, main_window: Any, searches: list[str],
                                                  data_changes: list[Any], loads: list[str]) -> None:
    main_window.open_household(main_window.model.household_id(1))
    assert main_window.operations.wait_idle()
    loads.clear()
    searches.clear()
    main_window.operations.write(lambda _p: None, None, changed=Changes(drafts=True))
    assert main_window.operations.wait_idle()
    assert (searches, data_changes, loads) == ([], [], [])
