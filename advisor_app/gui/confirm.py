"""One question asked before typed text is thrown away (Esc, 取消, the window's close button)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def may_discard(parent: QWidget, title: str, text: str) -> bool:
    """Ask ``text``; True when the advisor chose 放弃 (the default is to stay)."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard
