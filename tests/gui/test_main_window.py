"""The main window on a demo profile: listing, search as you type, masked IDs, opening a household."""

from __future__ import annotations

import re
from typing import Any

from gui_typing import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from advisor_app.domain import idcard
from advisor_app.domain.errors import DomainError
from advisor_app.gui import settings as gui_settings
from advisor_app.gui.eligibility_panel import EligibilityPanel
from advisor_app.gui.household_table_model import HEAD, ID_NUMBER, MEMBERS
from advisor_app.services import household_list, households
from advisor_app.services.changes import Changes

MASKED = re.compile(r"^\d{6}\*{8}[\dX]{4}$")


def shown_heads(window: Any) -> list[str]:
    return [window.model.data(window.model.index(r, HEAD)) for r in range(window.model.rowCount())]


def type_search(qtbot: Any, window: Any, text: str) -> None:
    window.search.clear()
    if text.isascii():
        qtbot.keyClicks(window.search, text)
    else:  # what an input method does: insert the composed text
        window.search.insert(text)
    qtbot.waitUntil(lambda: window.list_pane.searched_text == text.strip(), timeout=3000)
    assert window.operations.wait_idle()


def test_lists_the_demo_households(main_window: Any, demo_profile: Any) -> None:
    assert main_window.model.rowCount() == 60
    assert "演示数据" in main_window.windowTitle()
    assert main_window.count_label.text() == "共 60 户"
    expected = [r.head_name for r in household_list.page(demo_profile, limit=5)]
    assert shown_heads(main_window)[:5] == expected
    assert main_window.table.model() is main_window.model


def test_search_by_pinyin_initials_filters_the_list(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    from advisor_app.domain.pinyin import initials

    target = household_list.page(demo_profile, limit=60)[17]
    query = initials(target.head_name)[:2]
    type_search(qtbot, main_window, query)
    heads = shown_heads(main_window)
    assert target.head_name in heads
    assert 0 < len(heads) < 60
    assert all(initials(h).startswith(query) for h in heads)
    assert main_window.count_label.text() == f"找到 {len(heads)} 户（共 60 户）"


def test_search_by_the_last_digits_of_an_id_number(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    household = households.load_household(demo_profile, household_list.ids(demo_profile)[23])
    member = household.members[-1]
    type_search(qtbot, main_window, member.id_number[-6:])
    ids = main_window.model.ids()
    assert household.id in ids
    for household_id in ids:
        numbers = [m.id_number for m in households.load_household(demo_profile, household_id).members]
        assert any(n.endswith(member.id_number[-6:]) for n in numbers)


def test_search_by_a_name_part_and_clearing_it(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    name = household_list.page(demo_profile, limit=60)[40].head_name
    type_search(qtbot, main_window, name)
    assert name in shown_heads(main_window)
    assert main_window.model.rowCount() < 60
    type_search(qtbot, main_window, "")
    assert main_window.model.rowCount() == 60
    assert main_window.count_label.text() == "共 60 户"


def test_id_numbers_are_masked_until_asked(main_window: Any, demo_profile: Any) -> None:
    first = household_list.page(demo_profile, limit=1)[0]
    shown = main_window.model.data(main_window.model.index(0, ID_NUMBER))
    assert MASKED.match(shown), shown
    assert shown != first.head_id_number and shown[-4:] == first.head_id_number[-4:]
    main_window.full_ids_action.setChecked(True)
    assert main_window.model.data(main_window.model.index(0, ID_NUMBER)) == first.head_id_number
    main_window.full_ids_action.setChecked(False)
    assert MASKED.match(main_window.model.data(main_window.model.index(0, ID_NUMBER)))


def test_clicking_a_header_sorts_in_sql(qtbot: Any, main_window: Any) -> None:
    main_window.table.horizontalHeader().setSortIndicator(MEMBERS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: main_window.model.sort_key == "member_count")
    assert main_window.operations.wait_idle()
    counts = [main_window.model.data(main_window.model.index(r, MEMBERS)) for r in range(60)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_enter_on_a_row_opens_the_household(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    main_window.table.setFocus()
    main_window.table.setCurrentIndex(main_window.model.index(3, 0))
    qtbot.keyClick(main_window.table, Qt.Key.Key_Return)
    assert main_window.operations.wait_idle()
    assert main_window.editor_area.isVisible()
    shown = main_window.editor_area.currentWidget()
    expected = main_window.model.household_id(3)
    loaded = getattr(shown, "household", None)
    loaded = loaded() if callable(loaded) else loaded
    assert loaded is not None and loaded.id == expected


def test_a_domain_error_is_a_plain_message(main_window: Any, message_boxes: list[Any],
                                           exception_reports: list[str]) -> None:
    def job(_profile: Any) -> None:
        raise DomainError("身份证号校验位不对", where="成员 吴晓霞")

    main_window.operations.query(job, lambda _r: None)
    assert main_window.operations.wait_idle()
    assert message_boxes == [("warning", "无法完成", "成员 吴晓霞：身份证号校验位不对")]
    assert exception_reports == []


def test_an_unexpected_error_goes_to_the_exception_dialog(main_window: Any, message_boxes: list[Any],
                                                          exception_reports: list[str]) -> None:
    def job(_profile: Any) -> None:
        raise KeyError("boom")

    main_window.operations.query(job, lambda _r: None)
    assert main_window.operations.wait_idle()
    assert message_boxes == []
    assert len(exception_reports) == 1 and "KeyError: 'boom'" in exception_reports[0]
    exception_reports.clear()


def test_a_saved_household_appears_in_the_list(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    household = households.load_household(demo_profile, main_window.model.household_id(0))
    household.id, household.visits = None, []
    for m in household.members:  # other people (a person belongs to one household): another area code
        m.id, m.id_number = None, idcard.make("110105", m.birth_date, int(m.id_number[14:17]))
    household.members[0].name = "欧阳测试"
    main_window.operations.write(lambda p: households.save_household(p, household, with_visits=False),
                                 changed=lambda h: Changes.of_households([h.id]))
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 61, timeout=3000)
    assert main_window.count_label.text() == "共 61 户"


def test_window_layout_is_saved_on_close(main_window: Any) -> None:
    main_window.resize(900, 600)
    main_window.close()
    stored = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                       gui_settings.ORGANIZATION, gui_settings.APPLICATION)
    assert not stored.value("main_window/geometry").isEmpty()
    assert not gui_settings.settings.main_splitter.isEmpty()


def test_print_menu_is_there_for_the_forms(main_window: Any) -> None:
    assert main_window.print_menu.title() == "打印(&P)"
    main_window.print_menu.aboutToShow.emit()
    assert main_window.print_menu.actions()


def test_screening_all_fills_the_status_column(qtbot: Any, main_window: Any) -> None:
    from advisor_app.gui.household_table_model import STATUS

    def statuses() -> list[str]:
        return [main_window.model.data(main_window.model.index(r, STATUS)) for r in range(60)]

    assert set(statuses()) == {""}  # not screened yet
    assert main_window.screen_action.isVisible()
    with qtbot.waitSignal(main_window.operations.data_changed, timeout=10000):
        main_window.screen_action.trigger()
    assert main_window.operations.wait_idle()
    shown = statuses()
    assert any("低保" in s for s in shown) and "" in shown
    assert "已筛查 60 户" in main_window.statusBar().currentMessage()


def test_type_then_arrow_down_and_enter(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    main_window.search.setFocus()
    name = household_list.page(demo_profile, limit=60)[9].head_name
    type_search(qtbot, main_window, name)
    qtbot.keyClick(main_window.search, Qt.Key.Key_Down)
    assert main_window.table.hasFocus() or main_window.focusWidget() is main_window.table
    assert main_window.table.currentIndex().row() == 0
    qtbot.keyClick(main_window.table, Qt.Key.Key_Enter)
    assert main_window.operations.wait_idle()
    assert main_window.editor_area.isVisible()


def test_eligibility_check_of_the_selected_household(main_window: Any) -> None:
    assert main_window.check_action.isVisible()
    main_window.table.setCurrentIndex(main_window.model.index(4, 0))
    main_window.check_action.trigger()
    assert main_window.operations.wait_idle()
    shown = main_window.editor_area.currentWidget()
    assert main_window.editor_area.isVisible()
    assert shown is main_window.editor  # the editor, with its eligibility panel beside the tabs
    assert isinstance(shown.panel, EligibilityPanel)
    assert shown.household().id == main_window.model.household_id(4)


def _save_new_household_in_the_editor(qtbot: Any, window: Any, name: str, village: str) -> str:
    from gui_typing import type_text

    window.new_action.trigger()
    editor = window.editor
    assert window.editor_area.currentWidget() is editor
    type_text(qtbot, editor.members.name, name)
    qtbot.keyClicks(editor.members.id_number, "34010419880314002X")
    type_text(qtbot, editor.village, village)
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    return str(saved.args[0])


def test_a_new_household_saved_in_the_editor_is_selected_in_the_list(qtbot: Any, main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(3, 0))  # something else selected before
    new_id = _save_new_household_in_the_editor(qtbot, main_window, "欧阳新户", "龙湾村")  # sorts last
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 61, timeout=3000)
    assert main_window.operations.wait_idle()
    assert main_window.current_household_id() == new_id
    index = main_window.table.currentIndex()
    assert main_window.model.data(main_window.model.index(index.row(), HEAD)) == "欧阳新户"
    assert main_window.table.viewport().rect().contains(main_window.table.visualRect(index).center())  # scrolled to
    assert main_window.count_label.text() == "共 61 户"


def test_a_new_household_the_search_leaves_out_clears_the_search(qtbot: Any, main_window: Any,
                                                                  demo_profile: Any) -> None:
    name = household_list.page(demo_profile, limit=60)[9].head_name
    type_search(qtbot, main_window, name)
    assert 0 < main_window.model.rowCount() < 60
    new_id = _save_new_household_in_the_editor(qtbot, main_window, "欧阳新户", "龙湾村")
    qtbot.waitUntil(lambda: main_window.current_household_id() == new_id, timeout=3000)
    assert main_window.search.text() == "" and main_window.model.rowCount() == 61
    assert main_window.operations.wait_idle()
    assert main_window.current_household_id() == new_id


def test_ctrl_n_after_start_up_puts_the_typing_into_the_heads_name(qtbot: Any, main_window: Any) -> None:
    main_window.activateWindow()
    main_window.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main_window.search)
    qtbot.keyClick(main_window.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.members.name)
    type_text(qtbot, QApplication.focusWidget(), "吴晓霞")
    assert editor.members.name.text() == "吴晓霞"
    assert main_window.search.text() == ""  # nothing went into the search box
