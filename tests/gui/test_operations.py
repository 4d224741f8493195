"""Background operations: one worker thread, results on the GUI thread, data_changed, progress, cancel."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from advisor_app.domain.errors import Cancelled
from advisor_app.gui import operations as ops_module
from advisor_app.gui.operations import Operations
from advisor_app.services import households
from advisor_app.services.changes import Changes


@pytest.fixture
def ops(demo_profile: Any, ops: Operations) -> Operations:
    """The operations of conftest, on the 60 demo households (the same profile, filled first)."""
    return ops


def test_a_write_runs_off_the_gui_thread_and_emits_data_changed(qtbot: Any, ops: Any,
                                                                demo_profile: Any) -> None:
    gui_thread = threading.get_ident()
    first_id = households.list_households(demo_profile, limit=1)[0].id
    seen: dict[str, Any] = {}

    def job(profile: Any) -> str:
        seen["job_thread"] = threading.get_ident()
        household = households.load_household(profile, first_id)
        household.notes = "改过的备注"
        return households.save_household(profile, household).id or ""

    def done(result: str) -> None:
        seen["done_thread"] = threading.get_ident()
        seen["result"] = result

    with qtbot.waitSignal(ops.data_changed, timeout=3000) as signal:
        ops.write(job, done, changed=lambda household_id: Changes.of_households([household_id]))
    assert signal.args == [Changes(households=frozenset({first_id}))]
    assert seen["job_thread"] != gui_thread and seen["done_thread"] == gui_thread
    assert seen["result"] == first_id
    assert households.load_household(demo_profile, first_id).notes == "改过的备注"


def test_jobs_run_one_after_another_on_one_worker(ops: Any) -> None:
    threads: list[int] = []
    order: list[int] = []
    active = {"now": 0, "max": 0}

    def job(n: int) -> Any:
        def run(_profile: Any) -> int:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
            threads.append(threading.get_ident())
            time.sleep(0.01)
            active["now"] -= 1
            return n
        return run

    for n in range(5):
        ops.query(job(n), order.append)
    assert ops.wait_idle()
    assert order == [0, 1, 2, 3, 4]
    assert len(set(threads)) == 1 and active["max"] == 1


def test_a_failed_write_emits_nothing(qtbot: Any, ops: Any, message_boxes: list[Any]) -> None:
    def job(_profile: Any) -> None:
        raise Cancelled()

    with qtbot.assertNotEmitted(ops.data_changed, wait=100):
        ops.write(job, changed=Changes(drafts=True))
        assert ops.wait_idle()
    assert message_boxes == []  # a cancel is not an error to show


def test_long_job_shows_progress_and_can_be_cancelled(qtbot: Any, ops: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(ops_module, "PROGRESS_DELAY_MS", 50)
    outcome: dict[str, Any] = {}

    def job(_profile: Any, progress: Any) -> int:
        for i in range(1000):
            if not progress(i, 1000):
                raise Cancelled()
            time.sleep(0.005)
        return 1000

    ops.long_job(job, lambda r: outcome.setdefault("done", r), title="测试长任务",
                 on_error=lambda e: outcome.setdefault("error", e))
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible()
                                for w in ops.parent_widget.findChildren(QProgressDialog)), timeout=3000)
    dialog = ops.parent_widget.findChildren(QProgressDialog)[0]
    assert dialog.windowTitle() == "测试长任务"
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=3000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert "done" not in outcome and isinstance(outcome["error"], Cancelled)
    qtbot.waitUntil(lambda: not any(w.isVisible() for w in ops.parent_widget.findChildren(QProgressDialog)))


def test_cancel_without_the_button_is_noticed(qtbot: Any, ops: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(ops_module, "PROGRESS_DELAY_MS", 0)
    errors: list[Any] = []

    def job(_profile: Any, progress: Any) -> None:
        deadline = time.monotonic() + 5
        while progress(1, 2) and time.monotonic() < deadline:
            time.sleep(0.005)
        raise Cancelled()

    ops.long_job(job, None, title="任务", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(ops.parent_widget.findChildren(QProgressDialog)), timeout=3000)
    ops.parent_widget.findChildren(QProgressDialog)[0].cancel()
    assert ops.wait_idle()
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_short_long_job_shows_no_dialog(qtbot: Any, ops: Any) -> None:
    results: list[int] = []
    ops.long_job(lambda _p, progress: progress(1, 1) and 7, results.append, title="快")
    assert ops.wait_idle()
    assert results == [7]
    assert not ops.parent_widget.findChildren(QProgressDialog)


def test_an_uncancellable_long_job_has_no_cancel_button(qtbot: Any, ops: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(ops_module, "PROGRESS_DELAY_MS", 0)
    release = threading.Event()

    def job(_profile: Any, progress: Any) -> str:
        progress(0, 1)
        release.wait(5)
        return "ok"

    results: list[str] = []
    ops.long_job(job, results.append, title="不可取消", cancellable=False)
    qtbot.waitUntil(lambda: bool(ops.parent_widget.findChildren(QProgressDialog)), timeout=3000)
    dialog = ops.parent_widget.findChildren(QProgressDialog)[0]
    assert dialog.findChild(QPushButton) is None
    release.set()
    assert ops.wait_idle()
    assert results == ["ok"]


def test_after_shutdown_a_query_is_dropped_and_a_write_refused(demo_profile: Any) -> None:
    ops = Operations(demo_profile)
    ops.shutdown()
    answered: list[object] = []
    ops.query(lambda p: households.count_households(p), answered.append)  # a late refresh: no one waits
    assert answered == []
    with pytest.raises(RuntimeError, match="shut down"):
        ops.write(lambda p: None, changed=Changes(all_households=True))
