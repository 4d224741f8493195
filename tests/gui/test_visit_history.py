"""The 走访记录 dialog on real widgets: opened from the household editor and with Ctrl+H from the main
window, past visits newest first and read-only, a need's status changed with the day and who (and
its history shown), a past visit and a blank form for the next visit printed into the preview."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pypdf
import pytest
import shiboken6
from gui_typing import type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from advisor_app.domain import interchange
from advisor_app.domain.household import Household, Need, Visit
from advisor_app.gui.need_status_dialog import NeedStatusDialog
from advisor_app.gui.operations import Operations
from advisor_app.gui.print_preview import PrintPreviewDialog
from advisor_app.gui.visit_history import DATE, VisitHistoryDialog
from advisor_app.services import households as svc
from advisor_app.services import profile_settings, visits
from advisor_app.store.settings import set_setting

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=60)
SECOND = TODAY - dt.timedelta(days=20)


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")


@pytest.fixture
def wu(profile: Any, household_json: str) -> Household:
    h = svc.save_household(profile, interchange.household_from_json(household_json))
    svc.save_visit(profile, h.id or "", Visit(
        "investigation", FIRST, ["王芳", "李强"], "户主坐轮椅，孩子上初二",
        [Need("goods", "需要轮椅一台"), Need("cash", "医疗费用缺口")], next_visit=SECOND, follow_up="转介慈善资源"))
    svc.save_visit(profile, h.id or "", Visit("return", SECOND, ["王芳"], "轮椅已申请",
                                              [Need("service", "每周助浴一次")]))
    return svc.load_household(profile, h.id or "")


def _history_from_editor(qtbot: Any, editor: Any, ops: Operations, wu: Household) -> VisitHistoryDialog:
    assert not editor.history_button.isEnabled()  # a new household has no visits to show
    editor.load(wu)
    assert editor.history_button.isEnabled()
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    dialogs = editor.findChildren(VisitHistoryDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.history is not None)
    assert dialog.isVisible()
    return dialog


def _closed(widget: Any) -> bool:
    """Closed (and, being deleted on close, maybe gone already)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def _column(table: Any, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_history_shows_past_visits_newest_first_read_only(qtbot: Any, editor: Any, ops: Operations,
                                                          wu: Household) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    assert dialog.windowTitle() == "走访记录 — 吴晓霞"
    assert "共 2 次走访" in dialog.header.text()
    assert _column(dialog.visit_table, DATE) == [SECOND.isoformat(), FIRST.isoformat()]
    assert _column(dialog.visit_table, 1) == ["回访", "入户调查"]
    # the newest is selected; the keyboard goes to the older one
    assert dialog.notes.toPlainText() == "轮椅已申请"
    dialog.visit_table.setFocus()
    qtbot.keyClick(dialog.visit_table, Qt.Key.Key_Down)
    assert dialog.date.text() == FIRST.isoformat() and dialog.type.text() == "入户调查"
    assert dialog.investigators.text() == "王芳、李强" and dialog.notes.toPlainText() == "户主坐轮椅，孩子上初二"
    assert dialog.follow_up.text() == "转介慈善资源" and dialog.next_visit.text() == SECOND.isoformat()
    assert _column(dialog.visit_needs, 1) == ["需要轮椅一台", "医疗费用缺口"]
    # a past visit is looked at, not edited
    for line in (dialog.date, dialog.type, dialog.investigators, dialog.follow_up, dialog.next_visit):
        assert line.isReadOnly()
    assert dialog.notes.isReadOnly()
    type_text(qtbot, dialog.notes, "改写")
    assert dialog.notes.toPlainText() == "户主坐轮椅，孩子上初二"
    assert dialog.visit_table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _closed(dialog)


def test_ctrl_h_in_the_main_window_opens_the_history_of_the_selected_household(qtbot: Any, main_window: Any) -> None:
    main_window.table.setCurrentIndex(main_window.model.index(2, 0))
    household_id = main_window.current_household_id()
    assert household_id
    qtbot.keyClick(main_window.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = main_window.findChild(VisitHistoryDialog)
    assert dialog is not None
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.history is not None)
    stored = svc.load_household(main_window.profile, household_id)
    assert dialog.history.household.id == household_id
    assert dialog.windowTitle().endswith(stored.head_name)
    assert dialog.visit_table.rowCount() == len(stored.visits)
    assert main_window.history_action in main_window.menuBar().actions()[1].menu().actions()
    dialog.close()


def _change_dialog(qtbot: Any, dialog: VisitHistoryDialog, description: str) -> NeedStatusDialog:
    qtbot.keyClick(dialog.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 需求清单(&N)
    assert dialog.tabs.currentWidget() is dialog.needs
    row = _column(dialog.needs.table, 2).index(description)
    dialog.needs.table.selectRow(row)
    qtbot.mouseClick(dialog.needs.change_button, Qt.MouseButton.LeftButton)
    status_dialog = dialog.status_dialog
    assert status_dialog is not None and status_dialog.isVisible()
    status_dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is status_dialog)
    return status_dialog


def test_change_a_needs_status_with_day_and_who(qtbot: Any, editor: Any, ops: Operations, wu: Household,
                                                profile: Any) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    change = _change_dialog(qtbot, dialog, "需要轮椅一台")
    assert change.status.currentData() == "referred"  # the next step is proposed
    assert change.by.text() == ""  # the profile has no advisor name yet
    referred_on = FIRST + dt.timedelta(days=5)
    change.date.setDate(QDate(referred_on.year, referred_on.month, referred_on.day))
    type_text(qtbot, change.by, "王芳")
    type_text(qtbot, change.note, "已转介县残联")
    qtbot.keyClick(change.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: _closed(change))
    stored = next(n for n in visits.household_needs(profile, wu.id or "") if n.description == "需要轮椅一台")
    assert stored.status == "referred"
    assert [(c.on, c.by, c.note) for c in stored.changes] == [(referred_on, "王芳", "已转介县残联")]
    # the dialog reloaded itself: the list, the history of the need, and the visit's needs
    qtbot.waitUntil(lambda: "已转介" in _column(dialog.needs.table, 3))
    assert dialog.needs.current_need_id() == stored.id
    table = dialog.needs.history
    history = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert history == [[FIRST.isoformat(), "走访发现（待办）", "王芳、李强", "入户调查"],
                       [referred_on.isoformat(), "待办 → 已转介", "王芳", "已转介县残联"]]
    assert dialog.select_visit(next(v.id for v in wu.visits if v.date == FIRST) or "")
    assert _column(dialog.visit_needs, 2) == ["已转介", "待办"]

    # with the profile's advisor name, 经办人 starts with it
    with profile.connection(write=True) as conn:
        set_setting(conn, profile_settings.ADVISOR, "赵敏")
    dialog.reload()
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.advisor == "赵敏")
    change = _change_dialog(qtbot, dialog, "需要轮椅一台")
    assert change.status.currentData() == "fulfilled" and change.by.text() == "赵敏"
    qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    stored = next(n for n in visits.household_needs(profile, wu.id or "") if n.description == "需要轮椅一台")
    assert stored.status == "fulfilled" and stored.changes[-1].by == "赵敏" and stored.changes[-1].on == TODAY


def test_a_change_dated_before_the_visit_is_refused_in_words(qtbot: Any, editor: Any, ops: Operations,
                                                            wu: Household, profile: Any,
                                                            message_boxes: list[Any]) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    change = _change_dialog(qtbot, dialog, "每周助浴一次")
    before = SECOND - dt.timedelta(days=1)
    change.date.setDate(QDate(before.year, before.month, before.day))
    assert change.problem.isVisibleTo(change) and "早于发现该需求的走访日期" in change.problem.text()
    qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert message_boxes and message_boxes[-1][0] == "warning" and "服务需求“每周助浴一次”" in message_boxes[-1][2]
    assert change.isVisible()
    assert all(n.changes == [] for n in visits.household_needs(profile, wu.id or ""))


def test_esc_after_typing_asks_before_dropping_the_change(qtbot: Any, editor: Any, ops: Operations, wu: Household,
                                                          message_boxes: list[Any]) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    change = _change_dialog(qtbot, dialog, "医疗费用缺口")
    type_text(qtbot, change.note, "等民政办回复")
    qtbot.keyClick(change, Qt.Key.Key_Escape)
    assert [m[0] for m in message_boxes] == ["question"]  # answered 放弃 by the test fixture
    assert _closed(change)


def test_print_a_past_visit_and_a_blank_form_into_the_preview(qtbot: Any, editor: Any, ops: Operations,
                                                              wu: Household) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    dialog.visit_table.selectRow(1)  # the older visit, not the latest
    qtbot.mouseClick(dialog.print_visit_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.preview is not None)
    preview = dialog.preview
    assert isinstance(preview, PrintPreviewDialog) and preview.isVisible() and preview.page_count() >= 1
    assert preview.windowTitle() == "走访记录表"
    assert preview.file_name == f"走访记录表-吴晓霞-{FIRST.isoformat()}.pdf"
    text = pdf_text(preview.pdf_bytes)
    assert "户主坐轮椅，孩子上初二" in text and "王芳、李强" in text and "需要轮椅一台" in text
    assert "轮椅已申请" not in text and "吴小诚" in text
    assert not preview.render_page(0).isNull()
    preview.close()

    dialog.preview = None
    qtbot.mouseClick(dialog.print_blank_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.preview is not None)
    blank = dialog.preview
    assert blank is not None and blank.windowTitle() == "走访记录表（空白）"
    assert blank.file_name == f"走访记录表-吴晓霞-空白-{TODAY.isoformat()}.pdf"
    text = pdf_text(blank.pdf_bytes)
    assert "吴晓霞" in text and "吴小诚" in text and wu.address.replace(" ", "") in text
    assert "户主坐轮椅" not in text and "轮椅已申请" not in text and "需要轮椅一台" not in text
    blank.close()


def test_a_household_without_visits_says_so_and_still_prints_a_blank_form(
        qtbot: Any, editor: Any, ops: Operations, profile: Any, household_json: str) -> None:
    h = svc.save_household(profile, interchange.household_from_json(household_json))
    dialog = _history_from_editor(qtbot, editor, ops, h)
    assert dialog.visit_table.rowCount() == 0 and dialog.no_visits.isVisibleTo(dialog)
    assert not dialog.print_visit_button.isEnabled() and dialog.print_blank_button.isEnabled()
    dialog.tabs.setCurrentWidget(dialog.needs)
    assert dialog.needs.empty.isVisibleTo(dialog.needs) and not dialog.needs.change_button.isEnabled()
    qtbot.mouseClick(dialog.print_blank_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert "吴晓霞" in pdf_text(dialog.preview.pdf_bytes)
    dialog.preview.close()


def test_a_visit_recorded_meanwhile_appears_in_the_open_history(qtbot: Any, editor: Any, ops: Operations,
                                                                wu: Household) -> None:
    dialog = _history_from_editor(qtbot, editor, ops, wu)
    from advisor_app.services.changes import Changes

    visit = Visit("review", TODAY, ["李强"], "定期核查，情况未变")
    ops.write(lambda p: svc.save_visit(p, wu.id or "", visit), None, changed=Changes.of_visits([wu.id]))
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.visit_table.rowCount() == 3)
    assert ops.wait_idle()
    assert _column(dialog.visit_table, DATE)[0] == TODAY.isoformat()
    assert _column(dialog.visit_table, 1)[0] == "定期核查"
