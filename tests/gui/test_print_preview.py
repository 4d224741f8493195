"""The print preview dialog shows our PDFs, saves them and prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

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
                        lambda _parent, pdf, title: shown.append((pdf, title)))
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
    actions["notice"].trigger()
    assert main_window.operations.wait_idle()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1][0].startswith(b"%PDF")
