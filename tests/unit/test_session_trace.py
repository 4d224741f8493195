"""The session marker: left behind by a session that did not close, not by one that is still open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from advisor_app.services.session_trace import SessionTrace


def test_a_closed_session_leaves_no_marker_and_the_next_start_is_quiet(tmp_path: Path) -> None:
    first = SessionTrace(tmp_path / "logs").start()
    assert not first.previous_ended_abnormally
    assert first.marker.exists() and first.crash_log.exists()
    first.finish()
    assert not first.marker.exists()
    second = SessionTrace(tmp_path / "logs").start()
    second.finish()
    assert not second.previous_ended_abnormally


def test_a_marker_of_a_finished_process_means_the_last_session_did_not_close(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    (logs / "session.running").write_text(f"{gone.stdout.strip()} 2026-12-01T09:00:00\n", encoding="utf-8")
    trace = SessionTrace(logs).start()
    trace.finish()
    assert trace.previous_ended_abnormally


def test_a_marker_of_a_running_process_is_another_open_window(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "session.running").write_text(f"{os.getppid()} 2026-12-01T09:00:00\n", encoding="utf-8")
    trace = SessionTrace(logs).start()
    trace.finish()
    assert not trace.previous_ended_abnormally


def test_an_unreadable_marker_counts_as_not_closed(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "session.running").write_text("", encoding="utf-8")
    trace = SessionTrace(logs).start()
    trace.finish()
    assert trace.previous_ended_abnormally
