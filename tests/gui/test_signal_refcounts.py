"""PySide6 6.12 on Python 3.11 drops a reference to True on every Signal.emit() (and to None on every
void call); ``gui.qt_compat`` keeps them alive. Typing in the editors emits several signals per key."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import advisor_app.gui  # noqa: F401  (applies the work-around)


class _Emitter(QObject):
    fired = Signal()


def test_many_emits_leave_true_and_false_alive(qapp: object) -> None:
    emitter = _Emitter()
    seen: list[int] = []
    emitter.fired.connect(lambda: seen.append(1))
    for _ in range(20_000):  # far more than True's ordinary reference count
        emitter.fired.emit()
    assert len(seen) == 20_000
    assert sys.getrefcount(True) > 1_000_000 and sys.getrefcount(False) > 1_000_000
