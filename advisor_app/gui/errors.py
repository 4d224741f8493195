"""Showing problems: expected ones as a plain message, unexpected ones in the exception dialog.

A :class:`DomainError` is a problem with the advisor's data or files (a bad ID number, a wrong Excel
column); it gets a short Chinese message and nothing else. Anything else is a bug: the exception
dialog shows the traceback (copyable, for the support person) and the path of the log file where the
same traceback was written, masked: the dialog shows the advisor the message as it is, the log file
gets the exception's type, its frames and a message with every ID number, phone number and Chinese
character masked (:mod:`advisor_app.services.log_masking`; never a frame's local variables).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError

log = logging.getLogger("advisor_app")



def show_error(parent: QWidget | None, error: DomainError | str, title: str | None = None) -> None:
    """An expected problem: one plain message box, no traceback."""
    QMessageBox.warning(parent, title or QCoreApplication.translate("errors", "无法完成"), str(error))


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ExceptionDialog(QDialog):
    """Tells the advisor that something unexpected happened, with details they can copy."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("程序遇到了意外错误。已录入的数据已经保存；刚才的操作可能没有完成。\n"
                               "请把下面的错误信息复制给技术支持人员。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_file is not None:
            where = QLabel(self.tr("日志文件：") + str(log_file))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            layout.addWidget(where)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制错误信息"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class _Reporter(QObject):
    """Moves reports from any thread to the GUI thread."""

    report = Signal(str)


class ExceptionHook:
    """Installed as ``sys.excepthook`` (and ``threading.excepthook``): log, then show the dialog."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._showing = False
        self._reporter = _Reporter()
        self._reporter.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self
        threading.excepthook = self._thread_hook

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, DomainError):  # an expected problem that escaped: no traceback for it
            show_error(QApplication.activeWindow(), exc)
            return
        exc.__traceback__ = tb
        self.report_exception(exc)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)

    def report_exception(self, exc: BaseException) -> None:
        details = format_exception(exc)
        log.error("Unexpected error", exc_info=exc)  # masked on its way to the log file
        self._reporter.report.emit(details)

    def _show(self, details: str) -> None:
        if self._showing:  # one dialog at a time; the rest is in the log
            return
        self._showing = True
        try:
            show_exception_dialog(QApplication.activeWindow(), details, self.log_file)
        finally:
            self._showing = False


def show_exception_dialog(parent: QWidget | None, details: str, log_file: Path | None) -> None:
    ExceptionDialog(details, log_file, parent).exec()


_hook: ExceptionHook | None = None


def install(log_file: Path | None) -> ExceptionHook:
    """Install the application's exception hook (once per process; later calls update the log path)."""
    global _hook
    if _hook is None:
        _hook = ExceptionHook(log_file)
        _hook.install()
    else:
        _hook.log_file = log_file
    return _hook


def report_exception(exc: BaseException) -> None:
    """Log ``exc`` and show the exception dialog (from code that caught an unexpected error)."""
    if _hook is not None:
        _hook.report_exception(exc)
    else:
        details = format_exception(exc)
        log.error("Unexpected error", exc_info=exc)
        show_exception_dialog(QApplication.activeWindow(), details, None)
