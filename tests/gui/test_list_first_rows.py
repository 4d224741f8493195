"""A search paints its first rows before the whole list is in; the rest are appended, the count and
the selection follow; the whole list of a search replaced by a newer one is not looked for."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from advisor_app.gui import household_list_pane
from advisor_app.gui.household_table_model import MEMBERS, NEXT_REVIEW, STATUS
from advisor_app.services import eligibility, household_list

FIRST = 7


@pytest.fixture
def events(main_window: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, str]]:
    """What the model announced, with its row count and the count label at that moment."""
    monkeypatch.setattr(household_list_pane, "FIRST_ROWS", FIRST)
    model, label = main_window.model, main_window.count_label
    seen: list[tuple[str, int, str]] = []
    model.modelReset.connect(lambda: seen.append(("reset", model.rowCount(), label.text())))
    model.rowsInserted.connect(lambda *_: seen.append(("inserted", model.rowCount(), label.text())))
    return seen


def search(window: Any, text: str) -> None:
    window.search.setText(text)
    window.list_pane.run_search()
    assert window.operations.wait_idle()


def test_first_rows_then_the_rest_then_the_count(main_window: Any, demo_profile: Any,
                                                 events: list[tuple[str, int, str]]) -> None:
    name = household_list.page(demo_profile, limit=60)[40].head_name
    search(main_window, name)
    told = main_window.count_label.text()
    assert told != "共 60 户"
    search(main_window, "")
    assert [e[:2] for e in events[-2:]] == [("reset", FIRST), ("inserted", 60)]
    assert [e[2] for e in events[-2:]] == [told, told]  # the count is told once every row is in
    assert main_window.count_label.text() == "共 60 户"
    assert main_window.model.ids() == household_list.ids(demo_profile)


def test_a_short_result_comes_at_once(main_window: Any, demo_profile: Any,
                                      events: list[tuple[str, int, str]]) -> None:
    name = household_list.page(demo_profile, limit=60)[40].head_name
    search(main_window, name)
    expected = household_list.ids(demo_profile, name)
    assert len(expected) < FIRST
    assert [e[:2] for e in events] == [("reset", len(expected))]
    assert main_window.model.ids() == expected


def test_an_order_no_index_gives_comes_whole(qtbot: Any, main_window: Any, demo_profile: Any,
                                             events: list[tuple[str, int, str]]) -> None:
    # 当前状态: ranked by the stored results, which no index holds in the list's order
    eligibility.screen(demo_profile)
    assert household_list.ids(demo_profile, "", "status", False) != main_window.model.ids()
    main_window.table.horizontalHeader().setSortIndicator(STATUS, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: main_window.model.sort_key == "status")
    assert main_window.operations.wait_idle()
    assert [e[:2] for e in events] == [("reset", 60)]
    assert main_window.model.ids() == household_list.ids(demo_profile, "", "status", False)


@pytest.mark.parametrize(("column", "key", "order"), [
    (MEMBERS, "member_count", Qt.SortOrder.DescendingOrder),
    # 下次核查: no review planned last ascending, first descending (its index holds the NULLs first)
    (NEXT_REVIEW, "next_review", Qt.SortOrder.AscendingOrder),
    (NEXT_REVIEW, "next_review", Qt.SortOrder.DescendingOrder)])
def test_an_order_along_an_index_paints_its_first_rows_first(qtbot: Any, main_window: Any, demo_profile: Any,
                                                             events: list[tuple[str, int, str]], column: int,
                                                             key: str, order: Qt.SortOrder) -> None:
    main_window.table.horizontalHeader().setSortIndicator(column, order)
    qtbot.waitUntil(lambda: main_window.model.sort_key == key
                    and main_window.model.descending == (order == Qt.SortOrder.DescendingOrder))
    assert main_window.operations.wait_idle()
    assert [e[:2] for e in events] == [("reset", FIRST), ("inserted", 60)]
    assert main_window.model.ids() == household_list.ids(demo_profile, "", key,
                                                         order == Qt.SortOrder.DescendingOrder)


def test_the_selection_stays_once_the_whole_list_is_in(main_window: Any, events: list[tuple[str, int, str]]) -> None:
    pane = main_window.list_pane
    kept = main_window.model.ids()[40]  # beyond the first rows
    assert pane.select_household(kept, scroll=True)
    search(main_window, "")
    assert ("inserted", 60) in [e[:2] for e in events]
    assert pane.current_household_id() == kept


def test_a_replaced_search_is_not_finished(qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch,
                                           events: list[tuple[str, int, str]]) -> None:
    asked: list[str] = []
    real_ids = household_list.ids

    def ids(profile: Any, text: str = "", *args: Any, **kwargs: Any) -> list[str] | None:
        asked.append(text)
        return real_ids(profile, text, *args, **kwargs)

    monkeypatch.setattr(household_list, "ids", ids)
    operations = main_window.operations
    first_done, second_gate = threading.Event(), threading.Event()
    operations.query(lambda _p: first_done.wait(5), lambda _r: None)  # the worker waits
    main_window.search.setText("")
    main_window.list_pane.run_search()  # its first rows are queued
    first_done.set()
    operations.query(lambda _p: second_gate.wait(5), lambda _r: None)  # after those first rows
    qtbot.waitUntil(lambda: bool(events), timeout=5000)  # they are shown; the whole list is queued
    main_window.list_pane.run_search()  # a newer search before the whole list was looked for
    second_gate.set()
    assert operations.wait_idle()
    assert asked == [""]  # the newer one's whole list only
    assert main_window.model.rowCount() == 60
    assert main_window.count_label.text() == "共 60 户"


def test_a_key_typed_while_the_whole_list_is_looked_for_gives_it_up(
        qtbot: Any, main_window: Any, demo_profile: Any, monkeypatch: pytest.MonkeyPatch,
        events: list[tuple[str, int, str]]) -> None:
    """The whole list of the search shown (200,000 ids take 0.1–0.2 s) is no longer wanted once a
    key changes the text: the query gives up (``wanted`` says False) instead of making the newer
    search wait for it, and the newer search's list is what the window shows."""
    real_ids = household_list.ids
    inside, gate = threading.Event(), threading.Event()
    still_wanted: list[bool] = []

    def ids(profile: Any, text: str = "", *args: Any, wanted: Any = None, **kwargs: Any) -> list[str] | None:
        if text == "":
            inside.set()
            gate.wait(5)
            still_wanted.append(wanted())
        return real_ids(profile, text, *args, wanted=wanted, **kwargs)

    monkeypatch.setattr(household_list, "ids", ids)
    search_box = main_window.search
    search_box.setText("")
    main_window.list_pane.run_search()
    qtbot.waitUntil(inside.is_set, timeout=5000)  # the first rows are shown; the whole list is being looked for
    qtbot.keyClicks(search_box, "qzx")  # (initials no head's name has)
    gate.set()
    qtbot.waitUntil(lambda: main_window.list_pane.searched_text == "qzx", timeout=5000)
    assert main_window.operations.wait_idle()
    assert still_wanted == [False]
    assert main_window.model.ids() == real_ids(demo_profile, "qzx") == []
