"""``advisor-app`` without arguments, end to end in a child process (offscreen): a brand-new profile
is filled with 200 demo households, the window lists them and says 演示数据, and it exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advisor_app.gui import app as gui_app
from advisor_app.gui.main_window import MainWindow

def poll():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.model.rowCount() == 200 and w.total == 200:
            print("TITLE", w.windowTitle())
            print("COUNT", w.count_label.text())
            w.close()
            QApplication.quit()

gui_app.application()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(20)
QTimer.singleShot(60000, lambda: QApplication.exit(9))
from advisor_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_a_new_profile_opens_with_200_demo_households(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "profile")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "TITLE 救助顾问工作台 — 演示数据" in result.stdout
    assert "COUNT 共 200 户" in result.stdout
    assert (tmp_path / "profile" / "advisor.sqlite").exists()
    assert (tmp_path / "config" / "advisor-app" / "advisor-app.ini").exists()  # window layout saved


BROKEN_TABLE_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advisor_app.gui import app as gui_app, errors

def warning(parent, title, text, *args, **kwargs):
    print("WARNING", text.replace("\n", " "))
    QTimer.singleShot(0, QApplication.quit)

errors.QMessageBox.warning = warning
gui_app.application()
QTimer.singleShot(60000, lambda: QApplication.exit(9))
from advisor_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_a_broken_policy_table_is_named_at_start_up(tmp_path: Path) -> None:
    from advisor_app.services.policy import local_table_path
    from advisor_app.services.profile import open_profile

    profile = open_profile(tmp_path / "profile")
    table = local_table_path(profile)
    profile.close()
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("region,region_name,key,area,value,unit,effective_from,effective_to,is_default,source,note\n"
                     "340104,合肥市蜀山区,dibao_standard,,九百,元/人/月,2024-07-01,,no,县民政局通知,\n",
                     encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", BROKEN_TABLE_CHILD, str(tmp_path / "profile")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    warning = next(line for line in result.stdout.splitlines() if line.startswith("WARNING"))
    assert "local.csv" in warning and "value" in warning
