"""The household editor on real widgets: ID checked as typed, save (blocked when wrong), reload,
undo, and the eligibility panel following the incomes typed in."""

from __future__ import annotations

from typing import Any

import pytest
from gui_typing import retype, type_text
from PySide6.QtCore import Qt

from advisor_app.domain import interchange
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.operations import Operations
from advisor_app.services import households as svc

GOOD_ID = "34010419880314002X"  # female, born 1988-03-14
BAD_ID = "340104198803140021"  # same number with a wrong check character


def _new_member(qtbot: Any, editor: HouseholdEditor, name: str, id_number: str) -> None:
    type_text(qtbot, editor.members.name, name)
    qtbot.keyClicks(editor.members.id_number, id_number)


def test_bad_id_turns_red_blocks_saving_and_fixing_it_saves(qtbot: Any, editor: HouseholdEditor, ops: Operations,
                                                            profile: Any, message_boxes: list[Any]) -> None:
    editor.new_household()
    _new_member(qtbot, editor, "吴晓霞", BAD_ID)
    members = editor.members
    assert members.id_number.property("invalid") is True
    assert "#ffe0e0" in members.id_number.styleSheet()
    assert members.id_problem.text() and "校验位错误：最后一位应为X" in members.id_problem.text()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    kind, title, text = message_boxes[-1]
    assert kind == "warning"
    assert title == "无法保存" and "成员“吴晓霞”的身份证号" in text and "校验位错误" in text
    assert svc.count_households(profile) == 0

    retype(qtbot, members.id_number, GOOD_ID)
    assert members.id_number.property("invalid") is False and not members.id_problem.text()
    assert members.derived.text().startswith("女") and "1988-03-14" in members.derived.text()
    retype(qtbot, editor.village, "莲花社区")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        qtbot.keyClick(editor.village, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    household_id = saved.args[0]
    stored = svc.load_household(profile, household_id)
    assert [(m.name, m.id_number, m.relation) for m in stored.members] == [("吴晓霞", GOOD_ID, "head")]
    assert stored.village == "莲花社区" and not editor.is_dirty()
    assert "（未保存）" not in editor.title.text()


def test_loaded_household_edits_save_and_reload(qtbot: Any, editor: HouseholdEditor, ops: Operations,
                                                profile: Any, household_json: str) -> None:
    original = svc.save_household(profile, interchange.household_from_json(household_json))
    editor.load(svc.load_household(profile, original.id))
    assert editor.household() == svc.load_household(profile, original.id)
    editor.members.select(1)
    qtbot.mouseClick(editor.members.incomes.add_button, Qt.MouseButton.LeftButton)
    box = editor.members.incomes.amount_box(1)
    qtbot.keyClicks(box, "250")
    editor.members.incomes.kind_combo(1).setCurrentIndex(
        editor.members.incomes.kind_combo(1).findData("business"))
    editor.members.care_boxes["bathing"].click()
    editor.supporters.add_row(interchange.Supporter(name="吴大军", able=False, reason="重度残疾", relation="兄弟"))
    editor.assets.vehicles.setValue(1)
    assert editor.is_dirty() and "（未保存）" in editor.title.text()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    stored = svc.load_household(profile, original.id)
    child = stored.members[1]
    assert [(i.kind, i.monthly) for i in child.incomes] == [("scholarship", 100.0), ("business", 250.0)]
    assert child.self_care_items == ["bathing"] and child.self_care_lost == 1
    assert stored.assets.vehicles == 1 and stored.version == original.version + 1
    assert [(s.name, s.able, s.reason) for s in stored.supporters] == [("吴大军", False, "重度残疾")]
    assert len(stored.visits) == len(original.visits)
    assert editor.household() == stored  # the editor now holds what is stored


def test_undo_restores_the_previous_value(qtbot: Any, editor: HouseholdEditor, profile: Any,
                                          household_json: str) -> None:
    original = svc.save_household(profile, interchange.household_from_json(household_json))
    editor.load(original)
    retype(qtbot, editor.village, "新村")
    editor.undo()  # pending edits are recorded first, then undone as one step
    assert editor.village.text() == "莲花社区"
    editor.members.select(0)
    retype(qtbot, editor.members.name, "吴小霞")
    qtbot.wait(editor._snap_timer.interval() + 100)
    editor.area.setCurrentIndex(editor.area.findData("rural"))
    editor.members.list.setFocus()
    qtbot.keyClick(editor.members.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.household().area == "urban" and editor.members.members()[0].name == "吴小霞"
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.members.members()[0].name == "吴晓霞" and editor.members.name.text() == "吴晓霞"
    assert not editor.is_dirty()


def test_eligibility_follows_the_incomes(qtbot: Any, editor: HouseholdEditor) -> None:
    editor.new_household()
    editor.region.setCurrentIndex(editor.region.findData("340104"))  # Hefei 蜀山区: 924 元/人/月
    editor.area.setCurrentIndex(editor.area.findData("urban"))
    _new_member(qtbot, editor, "吴晓霞", GOOD_ID)
    incomes = editor.members.incomes
    qtbot.mouseClick(incomes.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(incomes.amount_box(0), "1000")
    panel = editor.panel
    qtbot.waitUntil(lambda: panel.status_of("dibao") == "ineligible" and not panel.pending(), timeout=5000)
    assert "低保" in panel.text() and "不符合" in panel.text() and "✗" in panel.text()
    assert "低保标准 924" in panel.summary.text()

    box = incomes.amount_box(0)
    box.selectAll()
    qtbot.keyClicks(box, "800")
    qtbot.waitUntil(lambda: panel.status_of("dibao") == "eligible" and not panel.pending(), timeout=5000)
    dibao = panel.result().program("dibao")
    assert dibao.monthly_amount == 124
    assert "家庭月收入再增加 124 元将不再符合" in panel.text() and "✓" in panel.text()
    panel.copy_explanation()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == panel.explanation().text()


def test_panel_waits_for_a_valid_id_and_a_past_date_uses_the_old_standard(qtbot: Any,
                                                                          editor: HouseholdEditor) -> None:
    import datetime as dt

    editor.new_household()
    editor.region.setCurrentIndex(editor.region.findData("340104"))
    _new_member(qtbot, editor, "吴晓霞", BAD_ID)
    panel = editor.panel
    qtbot.waitUntil(lambda: "身份证号有误" in panel.text(), timeout=3000)
    assert panel.result() is None and not panel.copy_button.isEnabled()
    retype(qtbot, editor.members.id_number, GOOD_ID)
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=5000)
    assert panel.result().policy["dibao_standard"].value == 924
    panel.date.setDate(panel.date.date().fromString("2023-06-30", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: panel.result() is not None and panel.result().on == dt.date(2023, 6, 30)
                    and not panel.pending(), timeout=5000)
    assert panel.result().policy.get("dibao_standard") is None or \
        panel.result().policy["dibao_standard"].value != 924


def test_main_window_opens_the_real_editor(qtbot: Any, main_window: Any) -> None:
    main_window.table.doubleClicked.emit(main_window.model.index(3, 0))
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    assert isinstance(editor, HouseholdEditor)
    assert editor.household().id == main_window.model.household_id(3) and not editor.is_dirty()
    assert main_window.editor_area.currentWidget() is editor


def test_edit_in_the_main_window_and_save_with_ctrl_s(qtbot: Any, main_window: Any) -> None:
    household_id = main_window.model.household_id(4)
    main_window.table.doubleClicked.emit(main_window.model.index(4, 0))
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    retype(qtbot, editor.phone, "13800000000")
    assert "（未保存）" in editor.title.text()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert main_window.operations.wait_idle()
    assert svc.load_household(main_window.profile, household_id).phone == "13800000000"
    assert main_window.current_household_id() == household_id and not editor.is_dirty()


def test_unsaved_changes_are_not_dropped_without_asking(qtbot: Any, editor: HouseholdEditor, profile: Any,
                                                        household_json: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = svc.save_household(profile, interchange.household_from_json(household_json))
    other = svc.save_household(profile, interchange.household_from_json(household_json.replace(
        "34010419880314002X", "340104198803140046").replace("340104200905200134", "340104201001010017")))
    editor.load(first)
    retype(qtbot, editor.village, "改了")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent: Any, title: str, *_a: Any, **_k: Any) -> Any:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert editor.load(other) is False and editor.village.text() == "改了"
    assert editor.confirm_close() is True  # 放弃
    assert asked == ["未保存的修改", "未保存的修改"]
    editor._saved = editor.household()
    assert editor.load(other) is True and editor.household().id == other.id and len(asked) == 2


def test_region_picker_falls_back_to_demo_regions(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.domain.errors import DomainError
    from advisor_app.gui import region_picker

    def broken(*_args: Any) -> Any:
        raise DomainError("地区代码表有误")

    for name in ("region_choices", "describe", "search"):
        monkeypatch.setattr(region_picker.regions, name, broken)
    picker = region_picker.RegionPicker(None)
    qtbot.addWidget(picker)
    assert "340104" in picker.codes() and len(picker.codes()) < 40  # the demo's regions
    picker.set_code("340999")  # not offered: still shown, marked
    assert picker.code() == "340999" and "不在地区代码表中" in picker.currentText()
