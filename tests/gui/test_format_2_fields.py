"""The advisor-household/2 facts in the editor's real widgets: typed in, they are in
``editor.household()``; saved and reloaded, they are shown again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gui_typing import type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from advisor_app.domain import idcard, interchange
from advisor_app.domain.household import Disability
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.operations import Operations
from advisor_app.services import households as svc


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_new_facts_typed_in_are_saved_and_shown_again(qtbot: Any, editor: HouseholdEditor, ops: Operations,
                                                       profile: Any, household_json: str) -> None:
    stored = svc.save_household(profile, interchange.household_from_json(household_json))
    editor.load(svc.load_household(profile, stored.id))
    members = editor.members
    members.select(1)
    assert not members.state_date.isEnabled() and not members.order_months.isEnabled()
    _choose(members.state, "declared_missing")
    assert members.state_date.isEnabled()
    members.state_date.setDate(QDate(2022, 6, 1))
    _choose(members.whereabouts, "prison")
    assert members.order_months.isEnabled()
    members.order_months.setValue(30)
    for box in (members.no_legal_capacity, members.guardianship_revoked, members.deported):
        box.click()

    editor.assets.disability_vehicles.setValue(1)
    editor.assets.production_vehicles.setValue(2)
    qtbot.mouseClick(editor.assets.receiving.add_button, Qt.MouseButton.LeftButton)
    receiving = editor.assets.receiving
    _choose(receiving.cell_widget(0, 0, type(members.state)), "tekun")
    _choose(receiving.member_combo(0), editor.household().members[0].id_number)

    supporters = editor.supporters
    editor.tabs.setCurrentWidget(supporters)
    qtbot.mouseClick(supporters.add_button, Qt.MouseButton.LeftButton)
    cell_editor = QApplication.focusWidget()  # 添加 opened the name cell for typing
    assert isinstance(cell_editor, QLineEdit)
    type_text(qtbot, cell_editor, "吴大军")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    _choose(supporters.kinship_combo(0), "elder_brother")
    child = editor.household().members[1]
    _choose(supporters.of_member_combo(0), child.id_number)
    supporters.able_combo(0).setCurrentIndex(2)  # 不清楚
    _choose(supporters.status_combo(0), "dibao")
    _choose(supporters.situation_combo(0), "prison")
    supporters.income_edit(0).setFocus()
    qtbot.keyClicks(supporters.income_edit(0), "850.5")
    number = idcard.make("340104", dt.date(1950, 3, 8), 13)
    _type_in_cell(qtbot, supporters, 0, 1, number)
    _choose(supporters.disability_combo(0), "physical:2")
    _choose(supporters.assets_combo(0), True)

    h = editor.household()
    m = h.members[1]
    assert (m.state, m.state_date, m.whereabouts, m.order_months) == ("declared_missing", dt.date(2022, 6, 1),
                                                                      "prison", 30)
    assert m.no_legal_capacity and m.guardianship_revoked and m.deported
    assert (h.assets.disability_vehicles, h.assets.production_vehicles) == (1, 2)
    assert [(x.program, x.member) for x in h.receiving] == [("tekun", h.members[0].id_number)]
    (s,) = h.supporters
    assert (s.name, s.kinship, s.of_member, s.able, s.status, s.situation, s.monthly_income) == (
        "吴大军", "elder_brother", child.id_number, None, "dibao", "prison", 850.5)
    assert (s.id_number, s.disability, s.assets_ok) == (number, Disability("physical", 2), True)

    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    reloaded = svc.load_household(profile, stored.id)
    assert reloaded.supporters == h.supporters and reloaded.receiving == h.receiving
    assert reloaded.members[1] == h.members[1] and reloaded.assets == h.assets

    editor.clear()
    editor.load(reloaded)
    editor.members.select(1)
    assert editor.members.state.currentData() == "declared_missing" and editor.members.state_date.isEnabled()
    assert editor.members.order_months.value() == 30 and editor.members.deported.isChecked()
    assert editor.supporters.of_member_combo(0).currentText() == child.name
    assert editor.supporters.able_combo(0).currentData() is None
    assert editor.supporters.income_edit(0).text() == "850.50"
    assert editor.supporters.disability_combo(0).currentText() == "肢体残疾二级"
    assert editor.supporters.assets_combo(0).currentText() == "符合"
    assert editor.assets.receiving.member_combo(0).currentText() == reloaded.members[0].name
    assert editor.household() == reloaded


def _type_in_cell(qtbot: Any, table: Any, row: int, column: int, text: str) -> None:
    """Double-click a text cell, type into its editor and press Enter, as a user does."""
    view = table.table
    item = view.item(row, column)
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cell_editor = QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit), cell_editor
    type_text(qtbot, cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.text() == text)  # the view commits Return's edit from its event loop


def test_a_wrong_supporter_id_number_marks_its_cell(qtbot: Any, editor: HouseholdEditor,
                                                     household_json: str) -> None:
    editor.load(interchange.household_from_json(household_json))
    editor.tabs.setCurrentWidget(editor.supporters)
    qtbot.mouseClick(editor.supporters.add_button, Qt.MouseButton.LeftButton)
    cell_editor = QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit)
    type_text(qtbot, cell_editor, "吴大军")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    _type_in_cell(qtbot, editor.supporters, 0, 1, "340104195003081234")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    item = editor.supporters.table.item(0, 1)
    assert "身份证号" in item.toolTip()
    assert "身份证号" in editor.supporters.problem_label.text() and editor.supporters.problem_label.isVisible()


def test_an_empty_income_is_not_recorded_and_a_removed_member_is_not_lost(
        qtbot: Any, editor: HouseholdEditor, profile: Any, household_json: str) -> None:
    household = interchange.household_from_json(household_json)
    editor.load(household)
    qtbot.mouseClick(editor.supporters.add_button, Qt.MouseButton.LeftButton)
    (s,) = editor.household().supporters
    assert s.monthly_income is None and s.of_member == household.members[0].id_number  # the head by default
    _choose(editor.supporters.of_member_combo(0), household.members[1].id_number)
    editor.members.select(1)
    editor.members.remove_current()
    (s,) = editor.household().supporters
    assert s.of_member == household.members[1].id_number  # kept, so the problem is shown
    assert "不是本户成员" in editor.supporters.of_member_combo(0).currentText()
