"""Typing into real widgets, Chinese included (QTest's keyClicks only knows ASCII keys)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Key presses carrying ``text``: ASCII through QTest, other characters as an input method commits
    them (key events carrying the character)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def retype(qtbot: Any, widget: Any, text: str) -> None:
    """Replace the text of a line edit as the advisor would: focus, select all, type."""
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)
