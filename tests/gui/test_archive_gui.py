"""归档 from the main window: confirmation with a reason, gone from the list, the count and the
notice, listed under 已归档 with reason, day and advisor, and back with 恢复."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from advisor_app.gui.archive_dialog import ArchiveDialog
from advisor_app.services import households
from advisor_app.store import notice


def _dialog(window: Any) -> ArchiveDialog:
    dialogs = [d for d in window.findChildren(ArchiveDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _village_ids(profile: Any, village: str) -> set[str]:
    with profile.connection(write=True) as conn:
        return {row[0] for row in notice.households_in(conn, village, None, None)}


def test_archive_with_a_reason_hides_the_household_and_restore_brings_it_back(
        qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(4, 0))
    target = main_window.model.household_id(4)
    stored = households.load_household(demo_profile, target)
    assert target in _village_ids(demo_profile, stored.village)

    main_window.archive_action.trigger()
    assert main_window.operations.wait_idle()
    dialog = _dialog(main_window)
    assert f"{stored.head_name}户 — {stored.village}" in dialog.heading.text()
    assert not dialog.archive_button.isEnabled()  # no reason chosen yet
    qtbot.mouseClick(dialog.reason_buttons["other"], Qt.MouseButton.LeftButton)
    assert not dialog.archive_button.isEnabled() and "请写明" in dialog.problem.text()
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "hu ji zhuan chu")
    assert dialog.archive_button.isEnabled()
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: target not in main_window.model.ids(), timeout=3000)

    assert len(main_window.model.ids()) == 59
    qtbot.waitUntil(lambda: main_window.count_label.text() == "共 59 户", timeout=3000)
    assert target not in _village_ids(demo_profile, stored.village)
    assert "可在列表的“已归档”中恢复" in main_window.statusBar().currentMessage()

    main_window.list_pane.show_archived(True)
    assert main_window.operations.wait_idle()
    archived = main_window.list_pane.archived_model
    assert archived.rowCount() == 1 and archived.household_id(0) == target
    row = [archived.data(archived.index(0, c)) for c in range(archived.columnCount())]
    assert row == [stored.head_name, stored.village, len(stored.members), dt.date.today().isoformat(),
                   "其他：hu ji zhuan chu", ""]
    assert main_window.count_label.text() == "已归档 1 户"
    assert main_window.current_household_id() is None  # nothing to act on in the archived view

    qtbot.mouseClick(main_window.list_pane.restore_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: archived.rowCount() == 0, timeout=3000)
    assert main_window.statusBar().currentMessage().startswith("已恢复")
    main_window.list_pane.show_archived(False)
    assert main_window.operations.wait_idle()
    assert target in main_window.model.ids() and len(main_window.model.ids()) == 60
    assert target in _village_ids(demo_profile, stored.village)


def test_archiving_the_household_in_the_editor_closes_the_editor(qtbot: Any, main_window: Any) -> None:
    main_window.table.doubleClicked.emit(main_window.model.index(2, 0))
    assert main_window.operations.wait_idle()
    target = main_window.editor.household_id
    main_window.table.setCurrentIndex(main_window.model.index(2, 0))
    main_window.archive_action.trigger()
    assert main_window.operations.wait_idle()
    dialog = _dialog(main_window)
    dialog.set_reason("duplicate")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: target not in main_window.model.ids(), timeout=3000)
    assert main_window.editor_area.isHidden() and main_window.editor.household_id is None


def test_a_restore_refused_for_a_person_now_elsewhere_says_so(qtbot: Any, main_window: Any, demo_profile: Any,
                                                             message_boxes: list[Any]) -> None:
    target = main_window.model.household_id(0)
    stored = households.load_household(demo_profile, target)
    households.archive_household(demo_profile, target, "moved")
    again = copy.deepcopy(stored)
    again.id, again.visits = None, []
    for m in again.members:
        m.id = None
    households.save_household(demo_profile, again)  # the same people registered anew
    main_window.list_pane.show_archived(True)
    assert main_window.operations.wait_idle()
    qtbot.mouseClick(main_window.list_pane.restore_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=3000)
    kind, title, text = message_boxes[-1]
    assert kind == "warning" and title == "无法恢复" and "无法恢复：" in text and stored.head_name in text
    assert main_window.list_pane.archived_model.rowCount() == 1


def test_actions_on_an_archived_row_say_to_restore_it_first(qtbot: Any, main_window: Any, demo_profile: Any) -> None:
    target = main_window.model.household_id(1)
    households.archive_household(demo_profile, target, "moved")
    main_window.list_pane.show_archived(True)
    assert main_window.operations.wait_idle()
    assert main_window.list_pane.archived_table.currentIndex().isValid()  # a row is selected
    said = {}
    for action in (main_window.visit_action, main_window.check_action, main_window.edit_action,
                   main_window.history_action, main_window.archive_action):
        main_window.statusBar().clearMessage()
        action.trigger()
        assert main_window.operations.wait_idle()
        said[action.text()] = main_window.statusBar().currentMessage()
    assert said == {"记录走访": "已归档的家庭不能记录走访，请先恢复",
                    "资格核对": "已归档的家庭不能做资格核对，请先恢复",
                    "编辑家庭": "已归档的家庭不能编辑，请先恢复",
                    "走访记录": "已归档的家庭不能查看走访记录，请先恢复",
                    "归档家庭…": "这户家庭已经归档了"}
    main_window.statusBar().clearMessage()
    main_window.print_actions["dibao-application"].trigger()
    assert main_window.statusBar().currentMessage() == "已归档的家庭不能打印表格，请先恢复"
    assert main_window.editor is None or main_window.editor_area.isHidden()  # nothing opened

    main_window.list_pane.archived_table.clearSelection()
    main_window.list_pane.archived_table.setCurrentIndex(main_window.list_pane.archived_model.index(-1, 0))
    main_window.visit_action.trigger()
    assert main_window.statusBar().currentMessage() == "请先在列表中选择一户家庭"  # no row at all
