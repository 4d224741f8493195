"""The exception dialog and hook: logged with the traceback, copyable, DomainError kept plain."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from advisor_app.domain.errors import InvalidIdNumber
from advisor_app.gui import app as gui_app
from advisor_app.gui import errors


def raise_and_catch() -> BaseException:
    try:
        {}["missing"]
    except KeyError as exc:
        return exc
    raise AssertionError("not raised")


def test_the_hook_logs_and_reports_an_unexpected_error(qtbot: Any, tmp_path: Path,
                                                       exception_reports: list[str]) -> None:
    log_file = tmp_path / "logs" / "advisor-app.log"
    log_file.parent.mkdir()
    gui_app.setup_logging(log_file)
    hook = errors.ExceptionHook(log_file)
    exc = raise_and_catch()
    hook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(exception_reports) == 1, timeout=2000)
    assert "KeyError: 'missing'" in exception_reports[0] and "raise_and_catch" in exception_reports[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "KeyError: 'missing'" in log_file.read_text(encoding="utf-8")
    exception_reports.clear()


def test_the_hook_shows_a_domain_error_plainly(message_boxes: list[Any], exception_reports: list[str]) -> None:
    hook = errors.ExceptionHook(None)
    exc = InvalidIdNumber("校验位不对", where="第 2 位成员")
    hook(type(exc), exc, None)
    assert message_boxes == [("warning", "无法完成", "第 2 位成员：校验位不对")]
    assert exception_reports == []


def test_the_dialog_shows_the_log_path_and_copies_the_details(qtbot: Any, tmp_path: Path) -> None:
    dialog = errors.ExceptionDialog("Traceback …\nKeyError: 'x'", tmp_path / "advisor-app.log")
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText().endswith("KeyError: 'x'")
    assert dialog.details.isReadOnly()
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(str(tmp_path / "advisor-app.log") in text for text in labels), labels
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback …\nKeyError: 'x'"
