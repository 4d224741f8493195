"""A hard crash leaves a trace: faulthandler's stacks in the profile's logs/crash.log, and the next start
says that the last session ended abnormally, naming that file. End to end in child processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

CRASHING_CHILD = r"""
import faulthandler, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advisor_app.gui import app as gui_app
from advisor_app.gui.main_window import MainWindow

def crash_once_shown():
    if any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()):
        faulthandler._sigsegv()  # what a fault in a native library does

gui_app.application()
timer = QTimer()
timer.timeout.connect(crash_once_shown)
timer.start(50)
QTimer.singleShot(60000, lambda: QApplication.exit(9))
from advisor_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

NEXT_START_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from advisor_app.gui import app as gui_app

def warning(parent, title, text, *args, **kwargs):
    print("WARNING", title, text.replace("\n", " "))
    QTimer.singleShot(0, QApplication.quit)
    return QMessageBox.StandardButton.Ok

QMessageBox.warning = warning
gui_app.application()
QTimer.singleShot(int(sys.argv[2]), QApplication.quit)
QTimer.singleShot(60000, lambda: QApplication.exit(9))
from advisor_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _run(child: str, *args: str, tmp_path: Path) -> Any:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-c", child, *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_a_crash_is_traced_and_reported_at_the_next_start(tmp_path: Path) -> None:
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import set_up_own_profile

    profile = tmp_path / "profile"
    own = open_profile(profile)  # set up already: the start goes straight to the window
    set_up_own_profile(own, region="340104", villages=["莲花社区"], advisor="张明")
    own.close()
    crashed = _run(CRASHING_CHILD, str(profile), tmp_path=tmp_path)
    assert crashed.returncode == -signal.SIGSEGV, crashed.stderr
    crash_log = profile / "logs" / "crash.log"
    trace = crash_log.read_text(encoding="utf-8")
    assert "Segmentation fault" in trace and "crash_once_shown" in trace  # the stack of the crash
    assert (profile / "logs" / "session.running").exists()

    reported = _run(NEXT_START_CHILD, str(profile), "30000", tmp_path=tmp_path)
    assert reported.returncode == 0, reported.stderr
    assert "WARNING 上次运行异常结束" in reported.stdout
    assert str(crash_log) in reported.stdout
    assert not (profile / "logs" / "session.running").exists()  # that session closed normally

    quiet = _run(NEXT_START_CHILD, str(profile), "1500", tmp_path=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "WARNING" not in quiet.stdout  # a normal end is not reported
