"""The member form while scrolling and adding: the wheel scrolls the form instead of changing the field
under the pointer, a member just added is shown at the top with the focus in its name and without red
lines until something is typed, problem lines keep their room, and the status line never says 已保存
while the title says 未保存 (real widgets, offscreen)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from gui_typing import type_text
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.domain import interchange
from advisor_app.gui import wheel_guard
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.member_editor import MemberEditor
from advisor_app.gui.operations import Operations
from advisor_app.services import households as svc

GOOD_ID = "34010419880314002X"


def wheel_down(widget: QWidget, notches: int = 1) -> None:
    """Turn the wheel ``notches`` steps towards the advisor with the pointer over ``widget``'s middle."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def guarded(qapp: QApplication) -> wheel_guard.WheelGuard:
    return wheel_guard.install(qapp)


@pytest.fixture
def members(qtbot: Any, guarded: wheel_guard.WheelGuard) -> Iterator[MemberEditor]:
    """A member editor too low for its form (the form scrolls), with one member selected; deleted
    and collected on this (the GUI) thread at the end, never later by a worker's garbage collection."""
    editor = MemberEditor()
    editor.resize(700, 260)
    editor.show()
    qtbot.waitExposed(editor)
    editor.add_member()
    bar = editor.form_area.verticalScrollBar()
    assert bar.maximum() > 0
    yield editor
    editor.close()
    editor.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del editor, bar
    gc.collect()


def test_the_wheel_over_an_unfocused_spin_box_or_combo_scrolls_the_form(qtbot: Any, members: MemberEditor) -> None:
    bar = members.form_area.verticalScrollBar()
    members.name.setFocus()
    assert members.months_away.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
    assert members.relation.focusPolicy() == Qt.FocusPolicy.StrongFocus
    changes: list[object] = []
    members.changed.connect(lambda: changes.append(True))

    months, relation = members.months_away.value(), members.relation.currentIndex()
    wheel_down(members.months_away)
    assert members.months_away.value() == months and bar.value() > 0
    moved = bar.value()
    wheel_down(members.relation)
    assert members.relation.currentIndex() == relation and bar.value() > moved
    assert not members.months_away.hasFocus() and not members.relation.hasFocus()
    wheel_down(members.incomes.table.viewport())  # other widgets scroll as before
    assert changes == [] and members.members()[0].months_away == 0


def test_the_wheel_changes_the_spin_box_that_has_the_focus(qtbot: Any, members: MemberEditor) -> None:
    members.months_away.setValue(5)
    members.months_away.setFocus()
    assert members.months_away.hasFocus()
    bar = members.form_area.verticalScrollBar()
    before = bar.value()
    wheel_down(members.months_away)
    assert members.months_away.value() == 4 and bar.value() == before
    assert members.members()[0].months_away == 4


def test_install_is_done_once(qapp: QApplication, guarded: wheel_guard.WheelGuard) -> None:
    assert wheel_guard.install(qapp) is guarded
    assert len(qapp.findChildren(wheel_guard.WheelGuard)) == 1


@pytest.fixture
def stored(profile: Any, household_json: str) -> Any:
    return svc.save_household(profile, interchange.household_from_json(household_json))


def test_a_member_added_is_selected_at_the_top_of_its_form_with_the_focus_in_its_name(
        qtbot: Any, editor: HouseholdEditor, stored: Any) -> None:
    editor.load(stored)
    editor.resize(1100, 420)
    editor.tabs.setCurrentWidget(editor.members)
    editor.activateWindow()
    qtbot.waitActive(editor)
    members = editor.members
    bar = members.form_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    new = len(stored.members)
    assert members.current_row() == new and members.list.currentRow() == new
    assert bar.value() == 0 and members.name.hasFocus() and members.name.text() == ""
    assert not members.name.visibleRegion().isEmpty()


def test_a_member_just_added_shows_no_problems_until_typed_in_or_saved(
        qtbot: Any, editor: HouseholdEditor, stored: Any, message_boxes: list[Any]) -> None:
    editor.load(stored)
    members = editor.members
    editor.tabs.setCurrentWidget(members)
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    new = len(stored.members)
    assert editor.problems()  # the blank member is not complete …
    assert not any(line.text() for line in members.lines.values())  # … but nothing is said yet
    assert members.list.item(new).foreground().color().name() != "#d32f2f"
    assert members.problems_of(new) == []

    qtbot.keyClicks(members.id_number, "3")  # typed in: now its problems are said
    assert members.lines["name"].text() == f"第{new + 1}名成员的姓名未填写"
    assert members.list.item(new).foreground().color().name() == "#d32f2f"

    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)  # another, untouched
    assert not members.lines["name"].text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # saving says everything
    assert message_boxes[-1][1] == "无法保存"
    assert members.problems_of(new + 1) and members.list.item(new + 1).foreground().color().name() == "#d32f2f"
    members.select(new + 1)
    assert members.lines["name"].text() == f"第{new + 2}名成员的姓名未填写"


def test_problem_lines_keep_their_room_so_the_fields_do_not_move(qtbot: Any, editor: HouseholdEditor) -> None:
    editor.new_household()
    members = editor.members
    editor.tabs.setCurrentWidget(members)
    qtbot.waitExposed(editor)
    fields = (members.relation, members.months_away, members.incomes)

    def places() -> list[QPoint]:
        QApplication.processEvents()
        return [field.mapTo(members, QPoint(0, 0)) for field in fields]

    untouched = places()
    type_text(qtbot, members.name, "吴晓霞")  # 身份证号 未填写 appears under the ID field: once
    line = members.id_problem
    assert line.text() and line.height() >= line.fontMetrics().lineSpacing()
    first = places()
    assert first != untouched
    qtbot.keyClicks(members.id_number, GOOD_ID)  # the problem goes, its room stays
    assert not line.text() and line.isVisible() and places() == first
    members.id_number.backspace()  # and comes back: nothing moves
    assert line.text() and places() == first

    members.relation.setCurrentIndex(members.relation.findData("child"))  # 没有户主 above the form, once
    assert "没有户主" in members.members_problem.text()
    second = places()
    members.relation.setCurrentIndex(members.relation.findData("head"))
    assert not members.members_problem.text() and members.members_problem.isVisible() and places() == second
    members.relation.setCurrentIndex(members.relation.findData("child"))
    assert members.members_problem.text() and places() == second

    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)  # another member: the room is given back
    assert members.id_problem.isHidden() and not members.id_problem.text()


def test_the_status_line_never_says_saved_while_the_title_says_unsaved(
        qtbot: Any, editor: HouseholdEditor, ops: Operations, stored: Any) -> None:
    editor.load(stored)
    type_text(qtbot, editor.phone, "13800000000")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    assert editor.status.text() == "已保存" and "（未保存）" not in editor.title.text()
    qtbot.keyClicks(editor.phone, "1")
    assert "（未保存）" in editor.title.text() and "已保存" not in editor.status.text()
    qtbot.keyClick(editor.phone, Qt.Key.Key_Backspace)  # back as saved
    assert "（未保存）" not in editor.title.text()

    assert editor.save()  # typing on while the save is under way
    type_text(qtbot, editor.notes, "再访")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass
    assert "（未保存）" in editor.title.text() and editor.status.text() != "已保存"
    assert "尚未保存" in editor.status.text()
    type_text(qtbot, editor.notes, "。")
    assert "（未保存）" in editor.title.text() and editor.status.text() != "已保存"
