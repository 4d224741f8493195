"""文件 ▸ 导出台账: the menu, the dialog (file, village, one sheet per village), the long job with its
progress dialog and Cancel, the message with 打开所在文件夹 — clicked offscreen on the demo profile."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from advisor_app.gui import ledger_export
from advisor_app.gui import operations as ops_module
from advisor_app.gui.ledger_export import LedgerExportDialog
from advisor_app.services import ledger_book, ledgers
from advisor_app.store import ledgers as ledger_store


def answer_dialog(qtbot: Any, fill: Callable[[LedgerExportDialog], None]) -> list[LedgerExportDialog]:
    """Once the export dialog is open (modal, in its own event loop): ``fill`` it, then press 导出."""
    seen: list[LedgerExportDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LedgerExportDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        fill(dialog)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, answer)
    return seen


def test_the_menu_lists_the_five_ledgers(main_window: Any) -> None:
    menu = main_window.ledger_menu
    assert menu.title() == "导出台账"
    assert [a.text() for a in menu.actions()] == ["救助帮扶台账…", "成员台账…", "需求台账…", "走访台账…", "筛查结果…"]
    file_menu = main_window.menuBar().actions()[0].menu()
    assert menu.menuAction() in file_menu.actions()


def test_export_of_one_village_with_the_folder_opened(qtbot: Any, main_window: Any, demo_profile: Any,
                                                      tmp_path: Path, monkeypatch: Any) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(ledger_export, "open_folder", opened.append)
    village = ledgers.villages(demo_profile)[1]
    out = tmp_path / "台账" / "救助帮扶台账.xlsx"

    def fill(dialog: LedgerExportDialog) -> None:
        assert dialog.villages.count() == len(ledgers.villages(demo_profile)) + 1  # 全部 + each village
        assert dialog.file.text().endswith(".xlsx")
        dialog.file.setText(str(out))
        dialog.villages.setCurrentIndex(dialog.villages.findData(village))
        assert not dialog.by_village.isEnabled()  # one village: one sheet

    seen = answer_dialog(qtbot, fill)
    main_window.ledger_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: main_window.ledger_export.done_box is not None, timeout=10000)
    assert main_window.operations.wait_idle()
    assert seen
    box = main_window.ledger_export.done_box
    assert box.isVisible() and str(out) in box.text()
    rows = list(load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert rows and {r[1] for r in rows} == {village}
    assert f"已导出 {len(rows)} 行" in box.text()
    folder_button = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    qtbot.mouseClick(folder_button, Qt.MouseButton.LeftButton)
    assert opened == [out]
    assert ledger_export.proposed_folder() == out.parent  # remembered for the next export


def test_one_sheet_per_village(qtbot: Any, main_window: Any, demo_profile: Any, tmp_path: Path) -> None:
    out = tmp_path / "members"  # no extension typed: .xlsx is added

    def fill(dialog: LedgerExportDialog) -> None:
        dialog.file.setText(str(out))
        dialog.by_village.setChecked(True)

    answer_dialog(qtbot, fill)
    main_window.ledger_export.actions["members"].trigger()
    qtbot.waitUntil(lambda: main_window.ledger_export.done_box is not None, timeout=10000)
    assert load_workbook(out.with_suffix(".xlsx")).sheetnames == [v or "未填村（社区）"
                                                                   for v in ledgers.villages(demo_profile)]


def test_cancel_leaves_no_file(qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: Any,
                               message_boxes: list[Any]) -> None:
    monkeypatch.setattr(ops_module, "PROGRESS_DELAY_MS", 0)
    monkeypatch.setattr(ledger_book, "PROGRESS_EVERY", 1)
    real = ledger_store.member_rows

    def slow(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for row in real(*args, **kwargs):
            time.sleep(0.02)  # a long export: time to press Cancel
            yield row

    monkeypatch.setattr(ledger_store, "member_rows", slow)
    out = tmp_path / "成员台账.xlsx"
    answer_dialog(qtbot, lambda dialog: dialog.file.setText(str(out)))
    main_window.ledger_export.actions["members"].trigger()

    def progress_shown() -> QProgressDialog | None:
        return next((w for w in main_window.findChildren(QProgressDialog) if w.isVisible() and w.value() > 0), None)

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=10000)
    dialog = progress_shown()
    assert dialog is not None and dialog.windowTitle() == "正在导出成员台账"
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert main_window.operations.wait_idle(20000)
    assert main_window.ledger_export.done_box is None
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".advisor-app-")]
    assert not message_boxes  # a cancel is not an error
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
