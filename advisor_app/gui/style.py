"""The app's style sheet: a clear keyboard-focus frame.

Whoever works from the keyboard must see where the next key goes: the field, table cell
and the button with the focus carry a 2-pixel ``FOCUS_COLOR`` frame (Qt's own styles mark it with a
faint line or not at all). Buttons get a complete flat look, because a style sheet that gives a
button a border replaces its native drawing in every state; line edits, combo boxes, spin boxes
and text fields keep their native look until they have the focus. Check and radio boxes keep a
transparent frame of the same width, so taking the focus does not shift their text. Lists (the
region picker's matches) keep the style's own highlight of the current row: a frame drawn on a
list item shifts its text out of the row.

A widget's own style sheet wins over this one (a field shown red for a problem keeps its red
frame). :func:`install` is called once the QApplication exists (``app.application`` and
``app.create_main_window``); calling it again changes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

FOCUS_COLOR = "#1565c0"

STYLE_SHEET = f"""
/* advisor-app focus frame */
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{
    border: 2px solid {FOCUS_COLOR}; border-radius: 3px;
}}
QPushButton {{
    border: 1px solid #9e9e9e; border-radius: 3px; background: #f6f6f6; padding: 4px 8px; min-height: 1.3em;
}}
QPushButton:hover {{ background: #ececec; }}
QPushButton:pressed {{ background: #dadada; }}
QPushButton:default {{ border-color: #6d8fb8; }}
QPushButton:disabled {{ color: #9e9e9e; background: #f2f2f2; border-color: #d0d0d0; }}
QPushButton:focus {{ border: 2px solid {FOCUS_COLOR}; padding: 3px 7px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 3px; padding: 1px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {FOCUS_COLOR}; }}
QTableView::item:focus, QTreeView::item:focus {{ border: 2px solid {FOCUS_COLOR}; }}
"""


def install(app: QApplication) -> None:
    """Add the focus style to the application's style sheet (once)."""
    current = app.styleSheet()
    if STYLE_SHEET not in current:
        app.setStyleSheet(current + STYLE_SHEET)
