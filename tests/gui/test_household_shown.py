"""Every action acts on the household the advisor is looking at, and the title says which."""

from __future__ import annotations

from typing import Any

from gui_typing import retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import households


def _click_row(qtbot: Any, window: Any, row: int) -> None:
    index = window.model.index(row, 0)
    window.table.scrollTo(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.table.visualRect(index).center())
    assert window.operations.wait_idle()


def _open_row(qtbot: Any, window: Any, row: int) -> str:
    """A click on the row, then Enter (what a double-click does)."""
    _click_row(qtbot, window, row)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.operations.wait_idle()
    household_id: str = window.model.household_id(row)
    assert window.editor is not None and window.editor.household_id == household_id
    return household_id


def _label(profile: Any, household_id: str) -> str:
    h = households.load_household(profile, household_id)
    return f"{h.head_name}户 — {h.village}"


def _visit_dialog(window: Any) -> Any:
    dialogs = [d for d in window.findChildren(VisitDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_click_on_another_row_opens_it_and_record_visit_is_for_it(qtbot: Any, main_window: Any,
                                                                   demo_profile: Any) -> None:
    first = _open_row(qtbot, main_window, 3)
    assert main_window.editor.title.text() == _label(demo_profile, first)
    assert main_window.windowTitle().startswith(_label(demo_profile, first) + " — ")
    _click_row(qtbot, main_window, 7)
    clicked = main_window.model.household_id(7)
    assert main_window.editor.household_id == clicked  # the editor follows the list
    assert main_window.editor.title.text() == _label(demo_profile, clicked)
    assert main_window.windowTitle().startswith(_label(demo_profile, clicked) + " — ")
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    dialog = _visit_dialog(main_window)
    assert dialog.household.id == clicked == main_window.editor.household_id
    dialog.reject()
    assert main_window.operations.wait_idle()


def test_keeping_unsaved_edits_keeps_the_editor_household_for_every_action(
        qtbot: Any, main_window: Any, demo_profile: Any, monkeypatch: Any) -> None:
    first = _open_row(qtbot, main_window, 3)
    retype(qtbot, main_window.editor.address, "新地址 8 号")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    _click_row(qtbot, main_window, 7)
    assert main_window.editor.household_id == first and main_window.editor.address.text() == "新地址 8 号"
    assert main_window.list_pane.current_household_id() == first  # the list is put back on it
    assert main_window.current_household_id() == first
    assert main_window.windowTitle().startswith(_label(demo_profile, first) + " — ")
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    dialog = _visit_dialog(main_window)
    assert dialog.household.id == first
    dialog.reject()
    assert main_window.operations.wait_idle()

    from advisor_app.gui import print_preview

    shown: list[str] = []
    monkeypatch.setattr(print_preview, "show_print_preview",
                        lambda _parent, _pdf, _title, file_name: shown.append(file_name))
    main_window.print_actions["authorization"].trigger()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert households.load_household(demo_profile, first).head_name in shown[0]


def test_with_a_new_household_in_the_editor_no_action_takes_a_list_row(qtbot: Any, main_window: Any) -> None:
    _click_row(qtbot, main_window, 4)
    main_window.new_action.trigger()
    assert main_window.list_pane.current_household_id() is None
    assert main_window.windowTitle().startswith("新建家庭 — ")
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    assert main_window.findChildren(VisitDialog) == []
    assert main_window.statusBar().currentMessage() == "请先保存这户新家庭"


def test_without_the_editor_the_title_names_the_selected_row(qtbot: Any, main_window: Any,
                                                            demo_profile: Any) -> None:
    _click_row(qtbot, main_window, 2)
    assert main_window.editor is None or main_window.editor_area.isHidden()
    assert main_window.windowTitle().startswith(_label(demo_profile, main_window.model.household_id(2)) + " — ")
