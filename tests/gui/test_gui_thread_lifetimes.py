"""Qt objects die on the GUI thread, never on the database worker.

A widget whose last Python reference is dropped on the worker thread has its C++ destructor run
there; PySide then also queues its children for "deletion in the main thread", so the same objects
are deleted twice and the app dies with a segmentation fault at some later, unrelated line (this is
how 记录走访 → 关闭 → open another household crashed the app). The worker therefore must never hold
the last reference to anything a job or its callbacks refer to.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advisor_app.gui.operations import Operations
from advisor_app.gui.visit_dialog import VisitDialog


def _watch(obj: QObject) -> list[str]:
    """The names of the threads on which ``obj``'s C++ destructor ran (filled when it runs)."""
    threads: list[str] = []
    obj.destroyed.connect(lambda *_: threads.append(threading.current_thread().name),
                          Qt.ConnectionType.DirectConnection)
    return threads


class _Panel(QWidget):
    """A widget class of our own (shiboken defers the deletion of its own classes to the main
    thread, but not of classes defined in Python: those are deleted where the reference died)."""


def _widget_tree() -> QWidget:
    """A Python-owned widget of our own class with children, like a dialog after ``exec()``
    (PySide drops the parent's reference then, so the dialog lives as long as Python refers to it)."""
    widget = _Panel()
    layout = QVBoxLayout(widget)
    for text in ("一", "二", "三"):
        layout.addWidget(QLabel(text))
    return widget


def test_a_callbacks_widget_is_released_on_the_gui_thread(qtbot: Any, ops: Operations) -> None:
    widget = _widget_tree()
    destroyed_on = _watch(widget)
    names: list[str] = []
    ops.query(lambda _p: "a", lambda _r, w=widget: names.append(w.objectName()))
    del widget
    assert ops.wait_idle()
    ops.query(lambda _p: "b", lambda _r: None)  # the worker moves on to its next job
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=2000)
    assert names == [""]
    assert destroyed_on == ["MainThread"]


def test_a_jobs_widget_is_released_on_the_gui_thread(qtbot: Any, ops: Operations) -> None:
    widget = _widget_tree()
    destroyed_on = _watch(widget)
    ops.query(lambda _p, w=widget: w is not None, lambda _r: None)
    del widget
    assert ops.wait_idle()
    ops.query(lambda _p: "b", lambda _r: None)
    assert ops.wait_idle()
    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=2000)
    assert destroyed_on == ["MainThread"]


def _record_visit_then_open_another(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch,
                                    act: Callable[[VisitDialog], None]) -> list[str]:
    """记录走访 for the first household, ``act`` on the dialog, then open the second household.
    Returns the threads on which the dialog was destroyed. The dialog is found through a weak
    reference (``findChildren`` would give the window a reference to it and change what is tested)."""
    opened: list[weakref.ref[VisitDialog]] = []
    destroyed_on: list[list[str]] = []
    original_init = VisitDialog.__init__

    def init(self: VisitDialog, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        opened.append(weakref.ref(self))
        destroyed_on.append(_watch(self))

    monkeypatch.setattr(VisitDialog, "__init__", init)
    acted: list[bool] = []
    poll = QTimer(window)
    poll.setInterval(20)

    def act_once_shown() -> None:  # the dialog may run its own event loop
        dialog = opened[0]() if opened else None
        if dialog is not None and dialog.isVisible():
            poll.stop()
            act(dialog)
            acted.append(True)

    poll.timeout.connect(act_once_shown)
    poll.start()
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    window.visit_action.trigger()
    qtbot.waitUntil(lambda: bool(acted), timeout=5000)
    assert window.operations.wait_idle()
    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # another household: the worker's next job
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: bool(destroyed_on[0]), timeout=3000)
    assert window.editor_area.isVisible()
    assert window.editor.household().id == window.model.household_id(1)
    return destroyed_on[0]


def test_visit_dialog_closed_unsaved_then_another_household(qtbot: Any, main_window: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """记录走访, 关闭 without typing anything, then open another household."""
    destroyed_on = _record_visit_then_open_another(
        qtbot, main_window, monkeypatch, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert destroyed_on == ["MainThread"]


def test_visit_dialog_typed_in_closed_unsaved_then_another_household(qtbot: Any, main_window: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The same after typing (closing writes a draft on the way out)."""
    def type_and_close(dialog: VisitDialog) -> None:
        qtbot.keyClicks(dialog.investigators, "wang li")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    destroyed_on = _record_visit_then_open_another(qtbot, main_window, monkeypatch, type_and_close)
    assert destroyed_on == ["MainThread"]
