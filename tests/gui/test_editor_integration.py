"""How the main window hosts the household editor and the visit dialog (GUI_API.md contract),
checked with stand-ins so the window's side is tested whatever state those screens are in."""

from __future__ import annotations

import sys
import types
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from advisor_app.domain import idcard
from advisor_app.domain.household import Household


class FakeEditor(QWidget):
    changed = Signal()
    saved = Signal(str)

    def __init__(self, operations: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.loaded: list[Household] = []
        self.new_calls = 0

    def load(self, household: Household) -> None:
        self.loaded.append(household)

    def new_household(self) -> None:
        self.new_calls += 1

    def household(self) -> Household | None:
        return self.loaded[-1] if self.loaded else None


class FakeVisitDialog(QDialog):
    opened: ClassVar[list[Any]] = []

    def __init__(self, operations: Any, household: Household, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        FakeVisitDialog.opened.append((operations, household))

    def exec(self) -> int:
        return 0


@pytest.fixture
def fake_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    editor = types.ModuleType("advisor_app.gui.household_editor")
    editor.HouseholdEditor = FakeEditor  # type: ignore[attr-defined]
    visit = types.ModuleType("advisor_app.gui.visit_dialog")
    visit.VisitDialog = FakeVisitDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "advisor_app.gui.household_editor", editor)
    monkeypatch.setitem(sys.modules, "advisor_app.gui.visit_dialog", visit)
    FakeVisitDialog.opened = []


def test_double_click_loads_the_household_into_the_editor(fake_screens: None, qtbot: Any,
                                                          main_window: Any) -> None:
    index = main_window.model.index(5, 0)
    main_window.table.doubleClicked.emit(index)
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    assert isinstance(editor, FakeEditor) and editor.operations is main_window.operations
    assert editor.loaded[-1].id == main_window.model.household_id(5)
    assert main_window.editor_area.currentWidget() is editor and main_window.editor_area.isVisible()
    main_window.table.doubleClicked.emit(main_window.model.index(6, 0))
    assert main_window.operations.wait_idle()
    assert main_window.editor is editor and len(editor.loaded) == 2  # one editor, reused


def test_new_household_and_saved_selects_it(fake_screens: None, main_window: Any) -> None:
    main_window.new_action.trigger()
    editor = main_window.editor
    assert editor.new_calls == 1 and main_window.editor_area.currentWidget() is editor
    target = main_window.model.household_id(42)
    editor.saved.emit(target)
    assert main_window.current_household_id() == target


def test_record_visit_opens_the_dialog_for_the_selected_household(fake_screens: None,
                                                                   main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(2, 0))
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    assert len(FakeVisitDialog.opened) == 1
    operations, household = FakeVisitDialog.opened[0]
    assert operations is main_window.operations and household.id == main_window.model.household_id(2)


def test_record_visit_without_a_selection_says_so(fake_screens: None, main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(-1, -1))
    main_window.visit_action.trigger()
    assert FakeVisitDialog.opened == []
    assert main_window.statusBar().currentMessage() == "请先在列表中选择一户家庭"


def test_a_new_household_saved_by_the_editor_is_selected(fake_screens: None, main_window: Any,
                                                          demo_profile: Any) -> None:
    from advisor_app.services import households

    main_window.new_action.trigger()
    editor = main_window.editor
    household = households.load_household(demo_profile, main_window.model.household_id(0))
    household.id, household.visits = None, []
    for m in household.members:  # other people (a person belongs to one household): another area code
        m.id, m.id_number = None, idcard.make("110105", m.birth_date, int(m.id_number[14:17]))

    def saved(stored: Household) -> None:
        editor.saved.emit(stored.id)

    main_window.operations.write(lambda p: households.save_household(p, household, with_visits=False), saved,
                                 changed={"households": "saved"})
    assert main_window.operations.wait_idle()
    assert main_window.model.rowCount() == 61
    assert main_window.current_household_id() == household.id


def test_drafts_are_offered_through_the_draft_restore_screen(monkeypatch: pytest.MonkeyPatch,
                                                             main_window: Any) -> None:
    offered: list[Any] = []
    module = types.ModuleType("advisor_app.gui.draft_restore")
    module.offer_draft_restore = offered.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "advisor_app.gui.draft_restore", module)
    main_window.offer_drafts()
    assert offered == [main_window]
