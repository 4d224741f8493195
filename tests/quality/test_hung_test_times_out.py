"""pytest-timeout, as configured in pyproject.toml, ends a test stuck in a Qt modal dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HUNG = '''
from PySide6.QtWidgets import QMessageBox


def test_a_dialog_nobody_closes(qapp):
    QMessageBox(QMessageBox.Icon.Information, "t", "nobody closes me").exec()
'''


def test_a_test_hung_in_a_modal_dialog_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "test_hung.py").write_text(HUNG, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    # The project's own pytest settings, with only the limit shortened.
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
                             "--rootdir", str(tmp_path), "-o", "timeout=2", str(tmp_path / "test_hung.py")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    took = time.monotonic() - started
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
    assert "test_a_dialog_nobody_closes" in result.stdout + result.stderr  # the stack names the test
    assert took < 60
