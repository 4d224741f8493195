"""The print preview dialog shows our PDFs, saves them and prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from advisor_app.gui.print_preview import show_print_preview
from advisor_app.services import documents, households


def _ink(image: QImage) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = gray.constBits()
    row = gray.bytesPerLine()
    data = bytes(bits)
    return sum(1 for y in range(gray.height()) for b in data[y * row: y * row + gray.width()] if b < 250)


def _pdf(profile: Any, kind: str = "dibao-application") -> bytes:
    some = households.list_households(profile, limit=1)[0]
    return documents.render_form(profile, kind, some.id, on=dt.date(2026, 11, 29))


def test_preview_opens_with_the_pdf_and_renders_pages(qtbot: Any, demo_profile: Any) -> None:
    pdf = _pdf(demo_profile)
    dialog = show_print_preview(None, pdf, "最低生活保障申请书")
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "最低生活保障申请书"
    assert dialog.page_count() >= 1
    assert dialog.view.document() is dialog.document
    image = dialog.render_page(0, dpi=40)
    assert not image.isNull() and _ink(image) > 500
    assert "页" in dialog.pages_label.text()


def test_save_writes_the_same_bytes(qtbot: Any, demo_profile: Any, tmp_path: Path) -> None:
    pdf = _pdf(demo_profile, "authorization")
    dialog = show_print_preview(None, pdf, "家庭经济状况核对授权书")
    qtbot.addWidget(dialog)
    out = tmp_path / "copy.pdf"
    dialog.save_to(out)
    assert out.read_bytes() == pdf


def test_print_to_a_pdf_printer_draws_every_page(qtbot: Any, demo_profile: Any, tmp_path: Path) -> None:
    pdf = _pdf(demo_profile)
    dialog = show_print_preview(None, pdf, "最低生活保障申请书")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count()
    assert out.exists() and out.stat().st_size > 10_000


def test_print_menu_previews_a_form_of_the_selected_household(qtbot: Any, main_window: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui import print_preview

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(print_preview, "show_print_preview",
                        lambda _parent, pdf, title, _file_name: shown.append((pdf, title)))
    actions = main_window.print_actions
    assert set(actions) == {*documents.FORM_KINDS, "notice"}
    assert all(a in main_window.print_menu.actions() for a in actions.values())
    main_window.table.setCurrentIndex(main_window.model.index(0, 0))
    household_id = main_window.current_household_id()
    assert household_id
    actions["authorization"].trigger()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 1)
    pdf, title = shown[0]
    assert title == "家庭经济状况核对授权书" and pdf.startswith(b"%PDF")
    actions["assessment"].trigger()  # the software's assessment prints on its own sheet
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1][1] == "社会救助资格测算参考单" and shown[1][0].startswith(b"%PDF")
    actions["notice"].trigger()  # asks first (tests/gui/test_notice_dialog.py), then previews
    assert main_window.operations.wait_idle()
    from advisor_app.gui.notice_dialog import NoticeDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in main_window.findChildren(NoticeDialog)))
    dialog = next(d for d in main_window.findChildren(NoticeDialog) if d.isVisible())
    dialog.phone.setText("12345")
    dialog.make_button.click()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 3)
    assert shown[2][0].startswith(b"%PDF")


# --- the window fits the screen ------------------------------------------------------------------

@pytest.mark.parametrize("screen", [QRect(0, 0, 1366, 728), QRect(0, 0, 1024, 738)])
def test_the_preview_and_its_buttons_fit_a_small_screen(qtbot: Any, demo_profile: Any, screen: QRect,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui import print_preview

    monkeypatch.setattr(print_preview, "available_geometry", lambda _widget: QRect(screen))
    dialog = show_print_preview(None, _pdf(demo_profile), "最低生活保障申请书")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    frame = dialog.frameGeometry().adjusted(0, 0, print_preview.FRAME_ALLOWANCE.width(),
                                            print_preview.FRAME_ALLOWANCE.height())
    assert screen.contains(frame), (frame, screen)
    assert dialog.height() <= screen.height() * 0.9
    for button in (dialog.print_button, dialog.save_button):
        assert button.isVisible()
        placed = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(placed), (placed, dialog.rect())
    page = dialog.view.viewport().size()
    assert 1.1 < page.height() / page.width() < 1.7  # about one A4 page in view, not a wide strip


# --- 另存为 PDF proposes a file of its own in the last folder ---------------------------------------

def _recording_save_dialog(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any) -> tuple[str, str]:
        calls.append(args)
        return answers.pop(0), "PDF"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


def _documents(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _kind: str(folder)))


def test_save_proposes_form_head_and_date_then_the_last_folder(qtbot: Any, main_window: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui import print_preview

    _documents(monkeypatch, tmp_path / "Documents")
    elsewhere = tmp_path / "村里的档案"
    elsewhere.mkdir()
    calls = _recording_save_dialog(monkeypatch, [str(elsewhere / "first.pdf"), ""])
    shown: list[Any] = []
    real = print_preview.show_print_preview

    def keep(*args: Any) -> Any:
        shown.append(real(*args))
        return shown[-1]
    monkeypatch.setattr(print_preview, "show_print_preview", keep)
    main_window.table.setCurrentIndex(main_window.model.index(0, 0))
    head = households.load_household(main_window.operations.profile, main_window.current_household_id()).head_name
    assert head
    main_window.print_actions["dibao-application"].trigger()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 1)
    qtbot.addWidget(shown[0])
    shown[0].save_button.click()
    today = dt.date.today().isoformat()
    assert calls[0][2] == str(tmp_path / "Documents" / f"最低生活保障申请书-{head}-{today}.pdf")
    assert (elsewhere / "first.pdf").read_bytes() == shown[0].pdf_bytes
    main_window.print_actions["notice"].trigger()
    assert main_window.operations.wait_idle()
    from advisor_app.gui.notice_dialog import NoticeDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in main_window.findChildren(NoticeDialog)))
    dialog = next(d for d in main_window.findChildren(NoticeDialog) if d.isVisible())
    dialog.phone.setText("12345")
    dialog.make_button.click()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 2)
    qtbot.addWidget(shown[1])
    shown[1].save_button.click()
    village = households.load_household(main_window.operations.profile, main_window.current_household_id()).village
    assert calls[1][2] == str(elsewhere / f"公示名单-{village}-{today}.pdf")


def test_characters_not_allowed_in_file_names_are_replaced(qtbot: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.gui.print_preview import PrintPreviewDialog, pdf_file_name

    _documents(monkeypatch, tmp_path / "Documents")
    calls = _recording_save_dialog(monkeypatch, [""])
    name = pdf_file_name("走访记录表", 'A/B:C*?"<>|', on=dt.date(2026, 11, 29))
    dialog = PrintPreviewDialog(b"%PDF-1.4", "走访记录表", None, name)
    qtbot.addWidget(dialog)
    dialog.save_with_dialog()
    proposed = Path(calls[0][2])
    assert proposed.parent == tmp_path / "Documents"
    assert proposed.name == "走访记录表-A_B_C______-2026-11-29.pdf"


@pytest.mark.parametrize(("language", "look_in"), [("zh_CN", "查找范围"), ("en", "Look in:")])
def test_qt_file_dialog_speaks_the_interface_language(qapp: Any, language: str, look_in: str) -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QLabel

    from advisor_app.gui import app as gui_app

    translators = gui_app.install_translations(qapp, language)
    try:
        qt_translators = [t for t in translators if isinstance(t, QTranslator) and "qtbase" in t.filePath()]
        assert bool(qt_translators) == (language == "zh_CN")
        dialog = QFileDialog(None, "PDF")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        dialog.deleteLater()
        assert len(labels) == 3 and look_in in labels[0].replace("&", "")
        if language == "zh_CN":  # no English left outside the accelerator "(&L)"
            assert not any(c.isascii() and c.isalpha() for text in labels for c in text.split("(")[0]), labels
    finally:
        for t in translators:
            qapp.removeTranslator(t)
