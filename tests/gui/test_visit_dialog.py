"""The visit dialog on real widgets: needs stored, two investigators for a home investigation, drafts
autosaved, restored after a "crash" and gone once the visit is saved."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from typing import Any

import pytest
import shiboken6
from gui_typing import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from advisor_app.domain import interchange
from advisor_app.domain.household import Household, Visit
from advisor_app.gui import draft_restore, needs_table, visit_dialog
from advisor_app.gui.operations import Operations
from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import drafts
from advisor_app.services import households as svc


@pytest.fixture
def household(profile: Any, household_json: str) -> Household:
    return svc.save_household(profile, interchange.household_from_json(household_json))


def _open(qtbot: Any, ops: Operations, household: Household, parent: QWidget | None = None) -> VisitDialog:
    dialog = VisitDialog(ops, household, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    assert ops.wait_idle()  # the look-up of an earlier draft
    return dialog


def _add_need(qtbot: Any, dialog: VisitDialog, category: str, text: str) -> None:
    qtbot.mouseClick(dialog.needs.add_button, Qt.MouseButton.LeftButton)
    row = dialog.needs.table.rowCount() - 1
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not dialog.needs.table  # the description cell is being edited
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    combo = dialog.needs.combo(row, needs_table.CATEGORY)
    combo.setCurrentIndex(combo.findData(category))


def test_record_a_visit_with_needs(qtbot: Any, ops: Operations, household: Household, profile: Any) -> None:
    dialog = _open(qtbot, ops, household)
    assert dialog.type.currentData() == "investigation"
    type_text(qtbot, dialog.investigators, "王芳、李强")
    type_text(qtbot, dialog.notes, "户主腿脚不便，孩子上初中")
    _add_need(qtbot, dialog, "service", "每周助浴一次")
    _add_need(qtbot, dialog, "cash", "医疗费用缺口")
    dialog.needs.combo(1, needs_table.STATUS).setCurrentIndex(2)  # 已满足
    _add_need(qtbot, dialog, "goods", "写错的一条")
    qtbot.mouseClick(dialog.needs.remove_button, Qt.MouseButton.LeftButton)  # removes the current row
    dialog.has_next.click()
    type_text(qtbot, dialog.follow_up, "转介慈善资源")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    visits = svc.load_household(profile, household.id).visits
    assert len(visits) == 1
    v = visits[0]
    assert v.type == "investigation" and v.investigators == ["王芳", "李强"]
    assert v.notes == "户主腿脚不便，孩子上初中" and v.follow_up == "转介慈善资源"
    assert [(n.category, n.description, n.status) for n in v.needs] == [
        ("service", "每周助浴一次", "open"), ("cash", "医疗费用缺口", "fulfilled")]
    assert v.next_visit is not None and (v.next_visit - v.date).days == 30
    assert drafts.list_drafts(profile) == []


def test_home_investigation_with_one_investigator_is_refused(qtbot: Any, ops: Operations, household: Household,
                                                             profile: Any, message_boxes: list[Any]) -> None:
    dialog = _open(qtbot, ops, household)
    type_text(qtbot, dialog.investigators, "王芳")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    kind, title, text = message_boxes[-1]
    assert (kind, title) == ("warning", "无法保存走访记录") and "至少两名调查人员" in text
    assert dialog.isVisible() and svc.load_household(profile, household.id).visits == []
    dialog.type.setCurrentIndex(dialog.type.findData("return"))  # a return visit needs one
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert [v.type for v in svc.load_household(profile, household.id).visits] == ["return"]


def test_a_need_without_description_is_refused(qtbot: Any, ops: Operations, household: Household,
                                               message_boxes: list[Any]) -> None:
    dialog = _open(qtbot, ops, household)
    type_text(qtbot, dialog.investigators, "王芳,李强")
    dialog.needs.add_row()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "第1条需求没有填写描述" in message_boxes[-1][2] and dialog.isVisible()


def test_autosave_default_and_draft_write_cost_on_the_gui_thread(qtbot: Any, ops: Operations,
                                                                 household: Household, profile: Any) -> None:
    dialog = _open(qtbot, ops, household)
    assert dialog._autosave.interval() == 3000
    type_text(qtbot, dialog.notes, "家里漏雨" * 100)
    assert dialog._autosave.isActive()
    costs = []
    for i in range(9):
        dialog.notes.setPlainText("家里漏雨" * 100 + str(i))
        start = time.perf_counter()
        dialog.save_draft()
        costs.append(time.perf_counter() - start)
    assert statistics.median(costs) < 0.020  # the write itself happens on the worker thread
    assert ops.wait_idle()
    stored = drafts.list_drafts(profile)
    assert len(stored) == 1 and drafts.visit_from_payload(stored[0].payload)[2].notes.endswith("8")
    assert dialog.draft_state.text().startswith("草稿已自动保存")


def test_closing_without_saving_keeps_a_draft_that_the_next_dialog_restores(
        qtbot: Any, ops: Operations, household: Household, profile: Any) -> None:
    dialog = _open(qtbot, ops, household)
    type_text(qtbot, dialog.investigators, "王芳、李强")
    type_text(qtbot, dialog.notes, "还没写完")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert [d.record_id for d in drafts.list_drafts(profile)] == [household.id]
    again = _open(qtbot, ops, household)
    assert again.notes.toPlainText() == "还没写完" and again.investigators.text() == "王芳、李强"
    assert again.banner.isVisible()


def test_draft_survives_a_crash_is_restored_at_start_and_saving_leaves_none(
        qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = main_window.profile
    monkeypatch.setattr(visit_dialog, "AUTOSAVE_MS", 150)
    household_id = main_window.model.household_id(0)
    household = svc.load_household(profile, household_id)
    dialog = VisitDialog(main_window.operations, household, main_window)
    dialog.show()
    assert main_window.operations.wait_idle()
    type_text(qtbot, dialog.investigators, "王芳、李强")
    type_text(qtbot, dialog.notes, "停电前写下的记录")
    qtbot.waitUntil(lambda: len(drafts.list_drafts(profile)) == 1, timeout=5000)
    assert main_window.operations.wait_idle()
    shiboken6.delete(dialog)  # gone without any close handler, like a crash or a power cut
    assert drafts.list_drafts(profile)[0].record_id == household_id

    asked: list[str] = []
    monkeypatch.setattr(draft_restore, "ask_restore",
                        lambda _parent, head, _when: asked.append(head) or draft_restore.RESTORE)
    from advisor_app.gui.app import create_main_window

    next_start = create_main_window(profile, install_hook=False)  # the next start of the app
    qtbot.addWidget(next_start)
    next_start.show()
    next_start.offer_drafts()

    def restored_dialogs() -> list[VisitDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(restored_dialogs()), timeout=5000)
    restored = restored_dialogs()[0]
    assert restored.parent() is next_start and asked == [household.head_name]
    assert restored.notes.toPlainText() == "停电前写下的记录" and restored.household_id == household_id
    assert restored.investigators.text() == "王芳、李强" and restored.banner.isVisible()
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert next_start.operations.wait_idle()
    next_start.close()
    assert drafts.list_drafts(profile) == []
    notes = [v.notes for v in svc.load_household(profile, household_id).visits]
    assert "停电前写下的记录" in notes


def test_a_draft_can_be_discarded_at_start(qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = main_window.profile
    household_id = main_window.model.household_id(1)
    visit = Visit("return", dt.date(2024, 5, 6), ["王芳"], "未写完")
    drafts.save_draft(profile, drafts.VISIT, household_id, drafts.visit_payload(household_id, visit))
    monkeypatch.setattr(draft_restore, "ask_restore", lambda *_a: draft_restore.DISCARD)
    opened: list[Any] = []
    draft_restore.offer_draft_restore(main_window, main_window.operations, on_dialog=opened.append)
    assert main_window.operations.wait_idle() and main_window.operations.wait_idle()
    assert drafts.list_drafts(profile) == [] and opened == []


def test_discard_button_throws_the_draft_away(qtbot: Any, ops: Operations, household: Household, profile: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = _open(qtbot, ops, household)
    assert not dialog.discard_button.isVisible()
    type_text(qtbot, dialog.notes, "写错了")
    dialog.save_draft()
    assert ops.wait_idle() and len(drafts.list_drafts(profile)) == 1
    assert dialog.discard_button.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert not dialog.isVisible() and drafts.list_drafts(profile) == []
    assert svc.load_household(profile, household.id).visits == []


def test_a_quick_visit_without_a_next_date_keeps_the_lists_next_review(qtbot: Any, main_window: Any,
                                                                     demo_profile: Any) -> None:
    from advisor_app.gui.household_table_model import NEXT_REVIEW

    model = main_window.model
    today = dt.date.today().isoformat()  # the dialog's date: the review must still be ahead of it
    row = next(r for r in range(model.rowCount()) if (model.data(model.index(r, NEXT_REVIEW)) or "") > today)
    agreed = model.data(model.index(row, NEXT_REVIEW))
    household_id = model.household_id(row)
    main_window.table.setCurrentIndex(model.index(row, 0))
    main_window.visit_action.trigger()
    assert main_window.operations.wait_idle()
    (dialog,) = [d for d in main_window.findChildren(VisitDialog) if d.isVisible()]
    dialog.type.setCurrentIndex(dialog.type.findData("return"))  # a quick return visit, today
    type_text(qtbot, dialog.investigators, "王芳")
    assert not dialog.has_next.isChecked()  # 约定下次走访 left off
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle()
    visits = svc.load_household(demo_profile, household_id).visits
    assert visits[-1].next_visit is None and visits[-1].date < dt.date.fromisoformat(agreed)
    row = model.row_of(household_id)
    assert model.data(model.index(row, NEXT_REVIEW)) == agreed


def test_tab_leaves_the_notes_and_ctrl_s_saves(qtbot: Any, ops: Operations, household: Household,
                                                profile: Any) -> None:
    dialog = _open(qtbot, ops, household)
    dialog.activateWindow()
    type_text(qtbot, dialog.investigators, "王芳、李强")
    dialog.notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.notes)
    type_text(qtbot, dialog.notes, "孩子上初中")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.notes
    assert dialog.notes.toPlainText() == "孩子上初中"  # no tab character typed into the notes
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ops.wait_idle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [v.notes for v in svc.load_household(profile, household.id).visits] == ["孩子上初中"]


def test_a_new_visit_starts_with_the_profiles_advisor_and_a_draft_keeps_its_own(
        qtbot: Any, ops: Operations, household: Household, profile: Any) -> None:
    new = VisitDialog(ops, household, advisor=" 张明 ")
    qtbot.addWidget(new)
    new.show()
    assert ops.wait_idle()
    assert new.investigators.text() == "张明" and new.visit().investigators == ["张明"]
    assert not new.lines["investigators"].isVisible()  # untouched: no red line for the second name yet
    new.reject()  # nothing typed: no draft either
    assert ops.wait_idle() and drafts.list_drafts(profile) == []

    typed = Visit(type="investigation", date=dt.date.today(), investigators=["王芳", "李强"], notes="还没写完")
    assert household.id is not None
    drafts.save_draft(profile, drafts.VISIT, household.id, drafts.visit_payload(household.id, typed))
    found = VisitDialog(ops, household, advisor="张明")  # the draft is found after the dialog opens
    qtbot.addWidget(found)
    found.show()
    assert ops.wait_idle()
    assert found.investigators.text() == "王芳、李强" and found.notes.toPlainText() == "还没写完"
    restored = VisitDialog(ops, household, draft=typed, advisor="张明")  # restored at start-up
    qtbot.addWidget(restored)
    assert restored.investigators.text() == "王芳、李强"
    found.reject()
    restored.reject()
    assert ops.wait_idle()
