"""The keyboard: Esc asks before typed text is thrown away (and only then), the focus is visible,
and Ctrl+Z in a field is the editor's 撤销."""

from __future__ import annotations

from typing import Any

import pytest
from gui_typing import type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import interchange
from advisor_app.domain.household import Household
from advisor_app.gui import style
from advisor_app.gui.archive_dialog import ArchiveDialog
from advisor_app.gui.household_editor import HouseholdEditor
from advisor_app.gui.operations import Operations
from advisor_app.gui.visit_dialog import VisitDialog
from advisor_app.services import households as svc


@pytest.fixture
def household(profile: Any, household_json: str) -> Household:
    return svc.save_household(profile, interchange.household_from_json(household_json))


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _focus(qtbot: Any, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


# --- Esc -----------------------------------------------------------------------------------------

def _open_in_window(qtbot: Any, window: Any) -> HouseholdEditor:
    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.operations.wait_idle()
    editor: HouseholdEditor = window.editor
    assert not window.editor_area.isHidden()
    return editor


def test_esc_in_the_editor_with_nothing_typed_closes_it_without_asking(
        qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = _open_in_window(qtbot, main_window)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    _focus(qtbot, editor.address)
    qtbot.keyClick(editor.address, Qt.Key.Key_Escape)
    assert asked == [] and main_window.editor_area.isHidden()
    assert QApplication.focusWidget() is main_window.table
    assert main_window.current_household_id() == editor.household_id == main_window.model.household_id(1)


def test_esc_in_the_editor_with_typed_text_asks_and_keeps_or_discards_it(
        qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = _open_in_window(qtbot, main_window)
    before = editor.address.text()
    _focus(qtbot, editor.address)
    type_text(qtbot, editor.address, " 3号")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(editor.address, Qt.Key.Key_Escape)
    assert len(asked) == 1 and not main_window.editor_area.isHidden()
    assert editor.address.text() == before + " 3号"  # kept, still in the editor
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    qtbot.keyClick(editor.address, Qt.Key.Key_Escape)
    assert len(asked) == 1 and main_window.editor_area.isHidden()
    assert editor.address.text() == before and not editor.is_dirty()


def _visit(qtbot: Any, ops: Operations, household: Household) -> VisitDialog:
    dialog = VisitDialog(ops, household)
    qtbot.addWidget(dialog)
    dialog.show()
    assert ops.wait_idle()
    return dialog


def test_esc_in_the_visit_dialog_asks_only_when_something_was_typed(
        qtbot: Any, ops: Operations, household: Household, monkeypatch: pytest.MonkeyPatch, profile: Any) -> None:
    from advisor_app.services import drafts

    dialog = _visit(qtbot, ops, household)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    _focus(qtbot, dialog.investigators)
    qtbot.keyClick(dialog.investigators, Qt.Key.Key_Escape)
    assert asked == [] and dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert ops.wait_idle()

    dialog = _visit(qtbot, ops, household)
    _focus(qtbot, dialog.notes)
    type_text(qtbot, dialog.notes, "孩子上初中")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible() and dialog.notes.toPlainText() == "孩子上初中"
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert len(asked) == 1 and not dialog.isVisible()
    assert ops.wait_idle()
    assert drafts.find_visit_draft(profile, household.id or "") is None  # thrown away: no draft either


def test_esc_in_the_visit_dialog_can_save_what_was_typed(qtbot: Any, ops: Operations, household: Household,
                                                         monkeypatch: pytest.MonkeyPatch, profile: Any) -> None:
    dialog = _visit(qtbot, ops, household)
    _focus(qtbot, dialog.investigators)
    type_text(qtbot, dialog.investigators, "王芳、李强")
    _answer(monkeypatch, QMessageBox.StandardButton.Save)
    qtbot.keyClick(dialog.investigators, Qt.Key.Key_Escape)
    assert ops.wait_idle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [v.investigators for v in svc.load_household(profile, household.id or "").visits] == [["王芳", "李强"]]


def test_esc_in_the_archive_dialog_asks_only_after_a_reason_or_text(
        qtbot: Any, household: Household, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = ArchiveDialog(household)
    qtbot.addWidget(dialog)
    dialog.show()
    _focus(qtbot, dialog.note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
    dialog = ArchiveDialog(household)
    qtbot.addWidget(dialog)
    dialog.show()
    _focus(qtbot, dialog.note)
    qtbot.keyClicks(dialog.note, "moved")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible() and dialog.note.text() == "moved"


def test_esc_in_the_notice_dialog_asks_once_a_phone_was_typed(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui.notice_dialog import NoticeDialog
    from advisor_app.services.documents import NoticePlace

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    places = [NoticePlace("七星村", "三河镇", "340123", "肥西县")]
    dialog = NoticeDialog(places, "0551-12345678")  # the saved phone, nothing typed: no question
    qtbot.addWidget(dialog)
    dialog.show()
    _focus(qtbot, dialog.phone)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
    dialog = NoticeDialog(places, "")
    qtbot.addWidget(dialog)
    dialog.show()
    _focus(qtbot, dialog.phone)
    qtbot.keyClicks(dialog.phone, "0551-87654321")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible() and dialog.phone.text() == "0551-87654321"


def test_esc_on_the_first_start_own_page_asks_before_quitting(qtbot: Any, tmp_path: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui.first_start import FirstStartDialog
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import profile_info

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    profile = open_profile(tmp_path / "new")
    try:
        dialog = FirstStartDialog(profile, profile_info(profile))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
        _focus(qtbot, dialog.villages)
        qtbot.keyClicks(dialog.villages, "qxc")
        qtbot.keyClick(dialog.villages, Qt.Key.Key_Escape)
        assert len(asked) == 1 and dialog.isVisible() and dialog.villages.text() == "qxc"
        monkeypatch.setattr(QMessageBox, "question",
                            staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Discard))
        qtbot.keyClick(dialog.villages, Qt.Key.Key_Escape)
        assert not dialog.isVisible() and dialog.choice is None
    finally:
        profile.close()


def test_ctrl_s_in_the_archive_dialog_confirms_only_with_a_reason(qtbot: Any, household: Household) -> None:
    dialog = ArchiveDialog(household)
    qtbot.addWidget(dialog)
    dialog.show()
    _focus(qtbot, dialog.note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.result() == 0  # no reason yet: nothing happens
    dialog.reason_buttons["moved"].setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.reason() == "moved"


# --- the focus is visible --------------------------------------------------------------------------

def _has_focus_color(image: QImage) -> bool:
    wanted = QColor(style.FOCUS_COLOR)
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in (1, h // 2, h - 2)] + [(x, h // 2) for x in (0, 1, w - 2, w - 1)]
    return any(abs(image.pixelColor(x, y).red() - wanted.red()) < 12
               and abs(image.pixelColor(x, y).green() - wanted.green()) < 12
               and abs(image.pixelColor(x, y).blue() - wanted.blue()) < 12 for x, y in edge)


def test_the_focused_field_button_combo_and_table_cell_carry_the_focus_frame(qtbot: Any, main_window: Any) -> None:
    # main_window: the app's own set-up (create_main_window) has installed its style.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    edit, button, combo, table = QLineEdit("吴晓霞"), QPushButton("保存"), QComboBox(), QTableWidget(2, 2)
    combo.addItems(["城镇", "农村"])
    for r in range(2):
        for c in range(2):
            table.setItem(r, c, QTableWidgetItem("x"))
    for w in (edit, button, combo, table):
        w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(w)
    host.show()
    qtbot.waitExposed(host)
    for widget in (edit, button, combo):
        _focus(qtbot, table)
        assert not _has_focus_color(widget.grab().toImage()), widget
        _focus(qtbot, widget)
        assert _has_focus_color(widget.grab().toImage()), widget
    _focus(qtbot, table)
    table.setCurrentCell(1, 1)
    cell = table.visualItemRect(table.item(1, 1))
    image = table.viewport().grab(cell).toImage()
    assert _has_focus_color(image)
    other = table.viewport().grab(table.visualItemRect(table.item(0, 0))).toImage()
    assert not _has_focus_color(other)


# --- one undo history ------------------------------------------------------------------------------

def test_ctrl_z_in_a_field_and_the_undo_button_are_one_history(qtbot: Any, editor: HouseholdEditor,
                                                               household: Household) -> None:
    editor.load(household)
    _focus(qtbot, editor.town)
    type_text(qtbot, editor.town, "乙")
    editor._record()  # the snapshot that SNAPSHOT_MS would take
    _focus(qtbot, editor.address)
    type_text(qtbot, editor.address, "甲")
    qtbot.keyClick(editor.address, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.address.text() == household.address and editor.town.text() == household.town + "乙"
    # The field's Ctrl+Z went through the editor's history, so the button goes on from there ...
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.town.text() == household.town and editor.address.text() == household.address
    assert not editor.is_dirty() and not editor.undo_button.isEnabled()
    # ... and Ctrl+Y in a field brings both back, one step each.
    _focus(qtbot, editor.phone)
    qtbot.keyClick(editor.phone, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.town.text() == household.town + "乙" and editor.address.text() == household.address
    qtbot.keyClick(editor.phone, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.address.text() == household.address + "甲"
    qtbot.keyClick(editor.phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.address.text() == household.address and editor.undo_button.isEnabled()


def test_ctrl_s_still_saves_the_editor_after_an_undo(qtbot: Any, editor: HouseholdEditor, household: Household,
                                                     profile: Any, ops: Operations) -> None:
    editor.load(household)
    _focus(qtbot, editor.phone)
    type_text(qtbot, editor.phone, "13900001111")
    qtbot.keyClick(editor.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ops.wait_idle()
    assert svc.load_household(profile, household.id or "").phone == "13900001111"
