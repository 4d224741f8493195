"""Background operations on the profile's database, in the manner of Anki's QueryOp/CollectionOp.

Every job runs on ONE worker thread, one after another, so database work is serialised and the GUI
never waits on SQLite. A job gets the :class:`Profile` and opens its own session inside (a session
must not cross threads). Results come back on the GUI thread:

* ``query(job, on_done)`` — a read; ``on_done(result)`` is called with the result.
* ``write(job, on_done, changed=...)`` — a change; after ``on_done`` the single ``data_changed``
  signal is emitted with ``changed`` (e.g. ``{"households": {id}}``; a callable gets the result),
  and each screen decides whether to refresh.
* ``long_job(job, on_done, title=...)`` — ``job(profile, progress)``; a progress dialog appears when
  the job takes longer than ~400 ms. ``progress(done, total)`` returns False once the advisor pressed
  Cancel; the job then raises ``Cancelled`` and must leave the data as it was.

A :class:`DomainError` is shown as a plain message (or given to ``on_error``); a ``Cancelled`` is not
shown at all; anything else goes to the exception dialog.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.services.profile import Profile

from . import errors

T = TypeVar("T")
Progress = Callable[[int, int], bool]
ErrorHandler = Callable[[DomainError], None]
Changed = object | Callable[[Any], object] | None

PROGRESS_DELAY_MS = 400
log = logging.getLogger("advisor_app.gui.operations")



class _Bridge(QObject):
    deliver = Signal(object)


class _Stop:
    pass


class Operations(QObject):
    """One per main window. Owns the worker thread; :meth:`shutdown` stops it."""

    data_changed = Signal(object)

    def __init__(self, profile: Profile, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.profile = profile
        self.parent_widget = parent_widget
        self._queue: queue.Queue[tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]]
                                 | _Stop] = queue.Queue()
        self._pending = 0
        self._bridge = _Bridge()
        self._bridge.deliver.connect(self._run_on_gui, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._work, name="advisor-db-worker", daemon=True)
        self._thread.start()

    # --- public API ---

    def query(self, job: Callable[[Profile], T], on_done: Callable[[T], None], *,
              on_error: ErrorHandler | None = None) -> None:
        def finish(result: Any, exc: BaseException | None) -> None:
            if exc is not None:
                self._handle_error(exc, on_error)
            else:
                on_done(result)

        self._submit(lambda: job(self.profile), finish)

    def write(self, job: Callable[[Profile], T], on_done: Callable[[T], None] | None = None, *,
              changed: Changed = None, on_error: ErrorHandler | None = None) -> None:
        def finish(result: Any, exc: BaseException | None) -> None:
            if exc is not None:
                self._handle_error(exc, on_error)
                return
            if on_done is not None:
                on_done(result)
            self.data_changed.emit(changed(result) if callable(changed) else changed)

        self._submit(lambda: job(self.profile), finish)

    def long_job(self, job: Callable[[Profile, Progress], T], on_done: Callable[[T], None] | None, *,
                 title: str, cancellable: bool = True, changed: Changed = None,
                 on_error: ErrorHandler | None = None) -> None:
        """A long job with a delayed, cancellable progress dialog. With ``changed`` (anything but
        None) it counts as a write: ``data_changed`` is emitted after success."""
        watch = _ProgressWatch(self.parent_widget, title, cancellable)

        def finish(result: Any, exc: BaseException | None) -> None:
            watch.close()
            if exc is not None:
                self._handle_error(exc, on_error)
                return
            if on_done is not None:
                on_done(result)
            if changed is not None:
                self.data_changed.emit(changed(result) if callable(changed) else changed)

        watch.start()
        self._submit(lambda: job(self.profile, watch.progress), finish)

    def busy(self) -> bool:
        return self._pending > 0

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted job has finished and delivered (for tests)."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QCoreApplication.instance()
        while self._pending > 0:
            if time.monotonic() > deadline:
                return False
            if app is not None:
                app.processEvents()
            time.sleep(0.002)
        return True

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Let queued jobs finish, then stop the worker (at window close)."""
        if self._thread.is_alive():
            self._queue.put(_Stop())
            self._thread.join(timeout_s)

    # --- machinery ---

    def _submit(self, fn: Callable[[], Any], finish: Callable[[Any, BaseException | None], None]) -> None:
        if not self._thread.is_alive():
            raise RuntimeError("operations were shut down")
        self._pending += 1
        self._queue.put((fn, finish))

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if isinstance(item, _Stop):
                return
            fn, finish = item
            try:
                result, exc = fn(), None
            except BaseException as e:  # delivered to the GUI thread, never lost
                result, exc = None, e
            self._bridge.deliver.emit(lambda f=finish, r=result, e=exc: f(r, e))

    def _run_on_gui(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except Exception as exc:
            errors.report_exception(exc)
        finally:
            self._pending -= 1

    def _handle_error(self, exc: BaseException, on_error: ErrorHandler | None) -> None:
        if isinstance(exc, Cancelled):
            log.info("cancelled: %s", exc)
            if on_error is not None:
                on_error(exc)
        elif isinstance(exc, DomainError):
            if on_error is not None:
                on_error(exc)
            else:
                errors.show_error(self.parent_widget, exc)
        else:
            errors.report_exception(exc)


class _ProgressWatch:
    """Shared state between a long job (worker thread) and its progress dialog (GUI thread)."""

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        self.parent = parent
        self.title = title
        self.cancellable = cancellable
        self.done = 0
        self.total = 0
        self.cancelled = threading.Event()
        self.dialog: QProgressDialog | None = None
        self._show_timer = QTimer()
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show)
        self._poll = QTimer()
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._update)

    def progress(self, done: int, total: int) -> bool:  # worker thread
        self.done, self.total = done, total
        return not self.cancelled.is_set()

    def start(self) -> None:
        self._show_timer.start(PROGRESS_DELAY_MS)

    def _show(self) -> None:
        cancel = QCoreApplication.translate("Operations", "取消") if self.cancellable else ""
        dialog = QProgressDialog(self.title, cancel, 0, 0, self.parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal if self.parent is not None
                                  else Qt.WindowModality.ApplicationModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._cancel)
        self.dialog = dialog
        self._update()
        dialog.show()
        self._poll.start()

    def _update(self) -> None:
        if self.dialog is None or self.cancelled.is_set():
            return
        if self.dialog.wasCanceled():  # cancelled without the signal (Esc, or cancel() called)
            self._cancel()
            return
        total = max(self.total, 0)
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(self.done, total) if total else 0)
        if total:
            self.dialog.setLabelText(f"{self.title}（{self.done}/{total}）")

    def _cancel(self) -> None:
        self.cancelled.set()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Operations", "正在取消，数据将保持原样…"))
            self.dialog.show()  # QProgressDialog hides itself on cancel; keep it until the job stops

    def close(self) -> None:
        self._show_timer.stop()
        self._poll.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
