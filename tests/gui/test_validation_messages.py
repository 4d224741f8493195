"""The editors show domain.validation's messages beside the fields, refuse to save with the same words,
and a member already in another household offers to open that household (real widgets, offscreen)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from gui_typing import retype, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from advisor_app.domain import interchange, validation
from advisor_app.domain.household import Household
from advisor_app.gui.assets_editor import to_qdate
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.operations import Operations
from advisor_app.gui.rows_table import INVALID_CELL
from advisor_app.gui.supporters_editor import NAME
from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import households as svc

BAD_ID = "340104198803140021"  # 34010419880314002X with a wrong check character
GOOD_ID = "34010419880314002X"


def test_bad_id_is_shown_beside_the_field_and_save_is_refused_with_the_same_words(
        qtbot: Any, editor: HouseholdEditor, ops: Operations, profile: Any, message_boxes: list[Any]) -> None:
    editor.new_household()
    members = editor.members
    assert not any(line.text() for line in members.lines.values())  # nothing typed yet: no red
    assert members.list.item(0).foreground().color().name() != "#d32f2f"
    type_text(qtbot, members.name, "吴晓霞")
    assert members.id_problem.text() and members.id_problem.text() == "第1名成员“吴晓霞”的身份证号：未填写"
    qtbot.keyClicks(members.id_number, BAD_ID)
    expected = "第1名成员“吴晓霞”的身份证号：校验位错误：最后一位应为X，填写的是1"
    assert members.id_problem.text() and members.id_problem.text() == expected
    assert members.id_number.property("invalid") is True
    assert members.list.item(0).foreground().color().name() == "#d32f2f"

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    kind, title, text = message_boxes[-1]
    assert (kind, title) == ("warning", "无法保存") and expected in text
    assert editor.status.text() == "未保存：" + expected
    assert svc.count_households(profile) == 0

    retype(qtbot, members.id_number, GOOD_ID)
    assert not members.id_problem.text() and members.list.item(0).foreground().color().name() != "#d32f2f"


def test_pressing_save_on_an_untouched_new_household_shows_what_is_missing(
        qtbot: Any, editor: HouseholdEditor, message_boxes: list[Any]) -> None:
    editor.new_household()
    assert not editor.members.lines["name"].text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.members.lines["name"].text() and editor.members.lines["name"].text() == "第1名成员的姓名未填写"
    assert "第1名成员的姓名未填写" in message_boxes[-1][2] and "第1名成员的身份证号：未填写" in message_boxes[-1][2]


def test_heads_names_and_supporters_are_checked_as_typed(qtbot: Any, editor: HouseholdEditor) -> None:
    editor.new_household()
    members = editor.members
    type_text(qtbot, members.name, "吴晓霞")
    qtbot.keyClicks(members.id_number, GOOD_ID)
    assert editor.problems() == []
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)  # a child, nothing typed yet: quiet
    assert not members.lines["name"].text()
    qtbot.keyClicks(members.id_number, "3")  # typed in: its missing name is said
    assert members.lines["name"].text() == "第2名成员的姓名未填写"
    members.id_number.clear()
    type_text(qtbot, members.name, "吴小诚")
    qtbot.keyClicks(members.id_number, "340104200905200134")
    assert not members.lines["name"].text() and editor.problems() == []
    members.relation.setCurrentIndex(members.relation.findData("head"))
    assert members.lines["relation"].text()
    assert "第2名成员“吴小诚”也登记成了户主" in members.lines["relation"].text()
    members.select(0)
    members.relation.setCurrentIndex(members.relation.findData("spouse"))
    assert not members.members_problem.text() and not members.lines["relation"].text()
    members.select(1)
    members.relation.setCurrentIndex(members.relation.findData("child"))
    assert members.members_problem.text() and "没有户主" in members.members_problem.text()
    members.select(0)
    members.relation.setCurrentIndex(members.relation.findData("head"))
    assert not members.members_problem.text()

    supporters = editor.supporters
    editor.tabs.setCurrentWidget(supporters)
    qtbot.mouseClick(supporters.add_button, Qt.MouseButton.LeftButton)
    assert supporters.problem_label.isVisible() and supporters.problem_label.text() == "第1名赡养人的姓名未填写"
    assert supporters.table.item(0, NAME).background().color() == INVALID_CELL
    supporters.table.item(0, NAME).setText("吴大军")
    assert not supporters.problem_label.isVisible()
    assert supporters.table.item(0, NAME).background().color() != INVALID_CELL
    assert editor.problems() == []


@pytest.fixture
def household(profile: Any, household_json: str) -> Household:
    return svc.save_household(profile, interchange.household_from_json(household_json))


def test_visit_dialog_shows_the_missing_second_investigator_and_an_early_next_visit(
        qtbot: Any, ops: Operations, household: Household, profile: Any, message_boxes: list[Any]) -> None:
    dialog = VisitDialog(ops, household)
    qtbot.addWidget(dialog)
    dialog.show()
    assert ops.wait_idle()
    line = dialog.lines["investigators"]
    assert not line.isVisible()  # a new visit: no red before anything is typed
    type_text(qtbot, dialog.investigators, "王芳")
    expected = ("本次走访是入户调查，需要至少两名调查人员（现有 1 名），请在“调查（走访）人员”中填写两人的姓名")
    assert line.isVisible() and line.text() == expected
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert message_boxes[-1][:2] == ("warning", "无法保存走访记录") and expected in message_boxes[-1][2]
    assert dialog.isVisible() and svc.load_household(profile, household.id).visits == []

    type_text(qtbot, dialog.investigators, "、李强")
    assert not line.isVisible()
    dialog.has_next.click()
    visit_date = dialog.visit().date
    dialog.next_visit.setDate(to_qdate(visit_date - dt.timedelta(days=1)))
    early = dialog.lines["next_visit"]
    assert early.isVisible() and early.text() == validation.visit_problems(dialog.visit())[0].message
    assert "早于走访日期" in early.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert early.text() in message_boxes[-1][2] and svc.load_household(profile, household.id).visits == []

    dialog.next_visit.setDate(to_qdate(visit_date))  # the same day is allowed
    assert not early.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert [v.investigators for v in svc.load_household(profile, household.id).visits] == [["王芳", "李强"]]


def test_pressing_save_on_an_untouched_new_visit_shows_what_is_missing(
        qtbot: Any, ops: Operations, household: Household, message_boxes: list[Any]) -> None:
    dialog = VisitDialog(ops, household)
    qtbot.addWidget(dialog)
    dialog.show()
    assert ops.wait_idle() and not dialog.lines["investigators"].isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.lines["investigators"].isVisible() and "现有 0 名" in dialog.lines["investigators"].text()
    assert dialog.lines["investigators"].text() in message_boxes[-1][2]


def _buttons(box: QMessageBox) -> dict[str, Any]:
    return {b.text(): b for b in box.buttons()}


def _new_household_with_someone_else(qtbot: Any, main_window: Any) -> tuple[Household, HouseholdEditor]:
    other = svc.load_household(main_window.profile, main_window.model.household_id(2))
    main_window.new_action.trigger()
    editor = main_window.editor
    type_text(qtbot, editor.members.name, "冒名")
    qtbot.keyClicks(editor.members.id_number, other.members[0].id_number)
    assert editor.problems() == []  # nothing wrong within the household itself
    qtbot.keyClick(editor.members.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: editor.other_household_box is not None, timeout=3000)
    return other, editor


def test_a_person_of_another_household_offers_to_open_it_and_opens_it(qtbot: Any, main_window: Any) -> None:
    other, editor = _new_household_with_someone_else(qtbot, main_window)
    box = editor.other_household_box
    assert box is not None
    where = f"户主“{other.head_name}”，{other.village}"
    assert f"第1名成员“冒名”的身份证号已登记在另一户家庭（{where}）" in box.text()
    assert set(_buttons(box)) == {"打开该户", "关闭"}
    assert editor.members.id_problem.text() and editor.members.id_problem.text() == box.text()
    assert svc.count_households(main_window.profile) == 60

    _buttons(box)["打开该户"].click()  # the unsaved new household is given up (the question answers 放弃)
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: editor.household().id == other.id, timeout=3000)
    assert editor.household() == other and not editor.is_dirty()
    assert main_window.editor_area.currentWidget() is editor and editor.other_household_box is None
    assert svc.count_households(main_window.profile) == 60


def test_closing_the_offer_keeps_the_new_household_in_the_editor(qtbot: Any, main_window: Any) -> None:
    _other, editor = _new_household_with_someone_else(qtbot, main_window)
    box = editor.other_household_box
    assert box is not None
    _buttons(box)["关闭"].click()
    assert main_window.operations.wait_idle()
    assert editor.household().id is None and editor.household().members[0].name == "冒名"
    assert editor.members.id_problem.text()  # still said until the advisor changes something
    retype(qtbot, editor.members.name, "真名")
    assert not editor.members.id_problem.text()
