"""文件 ▸ 导入 Excel 名单…: the dialog reads a real xlsx, shows the mapping (a column the synonyms do
not know is chosen by hand), 试导入 writes nothing, 导入 stores the evidence, Cancel in the progress
dialog writes nothing, and a file that is not a spreadsheet is explained in the dialog."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from advisor_app.domain import idcard
from advisor_app.gui import operations as ops_module
from advisor_app.gui.sheet_import import SheetImportDialog
from advisor_app.services import department_evidence, department_lists
from advisor_app.services import households as household_service

LEAD = idcard.make("340104", dt.date(1985, 1, 1), 903)  # nobody of the demo profile
HEADER = ["序号", "姓名", "身份证号", "残疾类型", "程度（级）"]  # 程度（级）: no synonym knows it


def a_member(profile: Any) -> tuple[str, str, str]:
    summary = household_service.list_households(profile)[0]
    member = household_service.load_household(profile, summary.id).members[0]
    return summary.id, member.name, member.id_number


def register(path: Path, rows: list[list[Any]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("残疾人")
    sheet.write_row(0, 0, ["蜀山区残疾人名册"])
    sheet.write_row(1, 0, HEADER)
    text = book.add_format({"num_format": "@"})
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value, text) if isinstance(value, str) else sheet.write(r, c, value)
    book.close()
    return path


def opened(qtbot: Any, window: Any, path: Path) -> SheetImportDialog:
    dialog = window.sheet_import.start()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("disability"))
    dialog.file.setText(str(path))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    return dialog


def test_the_mapping_dialog_dry_run_and_import(qtbot: Any, main_window: Any, demo_profile: Any,
                                               tmp_path: Path) -> None:
    hid, name, number = a_member(demo_profile)
    path = register(tmp_path / "残联名册.xlsx", [[1, name, number, "肢体", "二级"],
                                                [2, "某某", LEAD, "视力", "一级"]])
    assert main_window.sheet_import.action in main_window.menuBar().actions()[0].menu().actions()
    dialog = opened(qtbot, main_window, path)
    assert dialog.preview is not None and dialog.preview.header_row == 2 and dialog.sheet.currentText() == "残疾人"
    assert dialog.combo("身份证号").currentData() == "id_number" and dialog.combo("程度（级）").currentData() is None
    first = [dialog.rows.item(0, c).text() for c in range(dialog.rows.columnCount())]
    assert first == ["1", name, number, "肢体", "二级"]  # the 序号 as the sheet shows it: 1, not 1.0
    assert not dialog.import_button.isEnabled() and "残疾等级" in dialog.summary.text()  # a required field unmapped
    dialog.combo("程度（级）").setCurrentIndex(dialog.combo("程度（级）").findData("disability_grade"))
    assert dialog.import_button.isEnabled() and dialog.dry_button.isEnabled()
    qtbot.mouseClick(dialog.dry_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle(20000)
    assert "试导入" in dialog.summary.text() and "共 2 行" in dialog.summary.text()
    assert department_evidence.household_evidence(demo_profile, hid) == []  # a dry run writes nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle(20000)
    assert "已导入" in dialog.summary.text() and "未登记（线索）1 行" in dialog.summary.text()
    (evidence,) = department_evidence.household_evidence(demo_profile, hid)
    assert "二级" in department_evidence.describe(evidence) or "2" in department_evidence.describe(evidence)


def test_cancel_in_the_progress_dialog_writes_nothing(qtbot: Any, main_window: Any, demo_profile: Any,
                                                      tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(ops_module, "PROGRESS_DELAY_MS", 0)
    real = department_lists.store.add

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a long import: time to press Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(department_lists.store, "add", slow)
    hid, name, number = a_member(demo_profile)
    leads = [[k, f"某{k}", idcard.make("340104", dt.date(1950, 1, 1) + dt.timedelta(days=k), 901), "肢体", "二级"]
             for k in range(1, 4000)]
    path = register(tmp_path / "大名册.xlsx", [[0, name, number, "肢体", "二级"], *leads])
    dialog = opened(qtbot, main_window, path)
    dialog.combo("程度（级）").setCurrentIndex(dialog.combo("程度（级）").findData("disability_grade"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def progress_shown() -> QProgressDialog | None:
        return next((w for w in main_window.findChildren(QProgressDialog) if w.isVisible()), None)

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=10000)
    shown = progress_shown()
    assert shown is not None
    qtbot.mouseClick(shown.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle(30000)
    assert "已取消" in dialog.summary.text()
    assert department_evidence.household_evidence(demo_profile, hid) == []
    assert department_evidence.leads(demo_profile) == []


def test_a_file_that_is_not_a_spreadsheet_is_explained(qtbot: Any, main_window: Any, tmp_path: Path,
                                                       message_boxes: list[Any]) -> None:
    bad = tmp_path / "名单.xlsx"
    bad.write_bytes(b"%PDF-1.4\n\x00binary")
    dialog = main_window.sheet_import.start()
    qtbot.addWidget(dialog)
    dialog.file.setText(str(bad))
    dialog.load()
    qtbot.waitUntil(lambda: "不能导入" in dialog.summary.text(), timeout=10000)
    assert "不是表格文件" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert not message_boxes


def test_the_evidence_appears_in_the_open_household_editor(qtbot: Any, main_window: Any, demo_profile: Any,
                                                           tmp_path: Path) -> None:
    hid, name, number = a_member(demo_profile)
    main_window.open_household(hid)
    qtbot.waitUntil(lambda: main_window.editor is not None and main_window.editor.household_id == hid, timeout=10000)
    assert main_window.operations.wait_idle()
    editor = main_window.editor
    tab = editor.tabs.indexOf(editor.evidence)
    assert editor.tabs.tabText(tab) == "部门信息" and not editor.tabs.isTabVisible(tab)  # nothing imported yet
    dialog = opened(qtbot, main_window, register(tmp_path / "残联名册.xlsx", [[1, name, number, "肢体", "二级"]]))
    dialog.combo("程度（级）").setCurrentIndex(dialog.combo("程度（级）").findData("disability_grade"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.tabs.isTabVisible(tab), timeout=10000)  # the open editor reads it again
    (line,) = editor.evidence.lines()
    assert line.startswith(f"{name}：") and "残联名册.xlsx" in line and "二级" in line
