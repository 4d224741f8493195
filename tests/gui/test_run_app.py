"""``advisor-app`` without arguments, end to end in a child process (offscreen): on a new data folder
the first-start dialog asks; 试用演示数据 (or ``--demo`` straight away) opens the demo profile in
``<data folder>/demo`` filled with 200 households, the window lists them and says 演示数据;
建立我自己的档案 opens an empty own profile without that mark. Each exits cleanly."""

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
from advisor_app.gui.first_start import FirstStartDialog
from advisor_app.gui.main_window import MainWindow

answer, households = sys.argv[2], int(sys.argv[3])

def poll():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, FirstStartDialog) and w.isVisible():
            print("ASKED")
            if answer == "demo":
                w.demo_button.click()
            else:
                w.own_button.click()
                w.region.set_code("340181")
                w.villages.setText("七星村")
                w.advisor.setText("张明")
                w.create_button.click()
        if isinstance(w, MainWindow) and w.isVisible() and w.model.rowCount() == households \
                and w.total == households and not w.operations.busy():
            print("TITLE", w.windowTitle())
            print("APP NAME", QApplication.applicationDisplayName())
            print("COUNT", w.count_label.text())
            w.close()
            QApplication.quit()

gui_app.application()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(20)
QTimer.singleShot(60000, lambda: QApplication.exit(9))
from advisor_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1], *sys.argv[4:]]))
"""


def _start(tmp_path: Path, answer: str, households: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "profile"), answer, str(households),
                             *args], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def test_trying_the_demo_on_first_start_opens_200_demo_households(tmp_path: Path) -> None:
    result = _start(tmp_path, "demo", 200)
    assert "ASKED" in result.stdout
    # Qt shows "演示数据 — 救助顾问工作台": it appends the app's display name itself
    assert "TITLE 演示数据\n" in result.stdout and "APP NAME 救助顾问工作台\n" in result.stdout
    assert "COUNT 共 200 户" in result.stdout
    assert (tmp_path / "profile" / "demo" / "advisor.sqlite").exists()
    assert (tmp_path / "config" / "advisor-app" / "advisor-app.ini").exists()  # window layout saved
    again = _start(tmp_path, "demo", 200, "--demo")  # straight to the demo: no question, no second fill
    assert "ASKED" not in again.stdout and "COUNT 共 200 户" in again.stdout


def test_an_own_profile_on_first_start_opens_empty_and_unmarked(tmp_path: Path) -> None:
    result = _start(tmp_path, "own", 0)
    assert "ASKED" in result.stdout
    title = next(line for line in result.stdout.splitlines() if line.startswith("TITLE"))
    assert title == "TITLE 救助顾问工作台" and "COUNT 共 0 户" in result.stdout
    assert not (tmp_path / "profile" / "demo").exists()
    again = _start(tmp_path, "own", 0)
    assert "ASKED" not in again.stdout  # asked once


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
    from advisor_app.services.policy import legacy_table_path
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import set_up_own_profile

    profile = open_profile(tmp_path / "profile")
    set_up_own_profile(profile, region="340104", villages=["莲花社区"], advisor="张明")
    table = legacy_table_path(profile)
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
