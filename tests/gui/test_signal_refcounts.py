"""PySide6 must not drop references to ``None``, ``True`` and ``False``.

PySide6 6.12's stable-ABI wheels return ``None`` from every void Qt method and ``True``/``False``
from ``Signal.emit()`` without taking a reference, so on Python 3.11 (where these singletons are
not immortal) each call lowers their reference count by one, and after a few thousand clicks or
keystrokes Python aborts with "Fatal Python error: none_dealloc". pyproject.toml pins a release
without the fault; this test fails if a PySide6 with it comes back.

The calls run in a child process: a leaking build may abort the interpreter, and that must show as
a failed test, not as a crashed test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

CALLS = 30_000

CHILD = f"""
import json, sys
import advisor_app.gui  # the app's own Qt setup, exactly as the app imports it
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    fired = Signal()
    valued = Signal(int)

app = QApplication([])
label = QLabel()
emitter = Emitter()
seen = []
emitter.fired.connect(lambda: seen.append(1))
emitter.valued.connect(lambda value: seen.append(value))

def counts():
    return {{"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}}

before = counts()
for i in range({CALLS}):
    label.setText("x")          # void method: returns None
    label.setVisible(False)     # void method taking a bool
    emitter.fired.emit()        # emit() returns True
    emitter.valued.emit(i)
    app.processEvents()
after = counts()
assert len(seen) == 2 * {CALLS}
print(json.dumps({{"before": before, "after": after}}))
"""


def test_void_calls_and_emits_keep_none_true_and_false_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=240, env=env)
    lines = result.stdout.strip().splitlines()
    if lines:
        counts = json.loads(lines[-1])
        for name in ("None", "True", "False"):
            before, after = counts["before"][name], counts["after"][name]
            # A leaking build loses one reference per call (tens of thousands); ordinary churn is a few.
            assert after >= before - 100, f"{name} lost {before - after} references in {CALLS} rounds of calls"
    assert result.returncode == 0, (
        f"the child process died (exit {result.returncode}): PySide6 dropped references until Python "
        f"aborted\n{result.stderr[-2000:]}")
    assert lines, "the child process printed no reference counts"
