"""How the main window hosts the household editor and the visit dialog, on the real screens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.visit_dialog import VisitDialog


def test_double_click_loads_the_household_into_the_editor(qtbot: Any, main_window: Any) -> None:
    main_window.table.doubleClicked.emit(main_window.model.index(5, 0))
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    assert isinstance(editor, HouseholdEditor) and editor.operations is main_window.operations
    assert editor.household().id == main_window.model.household_id(5)
    assert main_window.editor_area.currentWidget() is editor and main_window.editor_area.isVisible()
    main_window.table.doubleClicked.emit(main_window.model.index(6, 0))
    assert main_window.operations.wait_idle()
    assert main_window.editor is editor  # one editor, reused
    assert editor.household().id == main_window.model.household_id(6)


def test_new_household_and_saved_selects_it(main_window: Any) -> None:
    main_window.new_action.trigger()
    editor = main_window.editor
    assert isinstance(editor, HouseholdEditor) and main_window.editor_area.currentWidget() is editor
    assert editor.household().id is None and len(editor.household().members) == 1  # a blank first member
    target = main_window.model.household_id(42)
    editor.saved.emit(target)
    assert main_window.list_pane.current_household_id() == target
    assert main_window.operations.wait_idle()  # the editor follows the list onto it
    assert main_window.current_household_id() == target == editor.household_id


def test_record_visit_opens_the_dialog_for_the_selected_household(qtbot: Any, main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(2, 0))
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    dialogs = [d for d in main_window.findChildren(VisitDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.operations is main_window.operations
    assert dialog.household.id == main_window.model.household_id(2)
    assert dialog.isModal() and dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()
    assert main_window.operations.wait_idle()


def test_record_visit_without_a_selection_says_so(main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(-1, -1))
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    assert main_window.findChildren(VisitDialog) == []
    assert main_window.statusBar().currentMessage() == "请先在列表中选择一户家庭"
