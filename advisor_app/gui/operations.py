"""Background operations on the profile's database, in the manner of Anki's QueryOp/CollectionOp.

Every job runs on ONE worker thread, one after another, so database work is serialised and the GUI
never waits on SQLite. A job gets the :class:`Profile` and opens its own session inside (a session
must not cross threads). Results come back on the GUI thread:

* ``query(job, on_done)`` — a read; ``on_done(result)`` is called with the result.
* ``write(job, on_done, changed=...)`` — a change; after ``on_done`` the single ``data_changed``
  signal is emitted with a :class:`~advisor_app.services.changes.Changes` (``changed`` is one, or a
  function of the result that makes one), and each screen decides from it whether to refresh.
* ``long_job(job, on_done, title=...)`` — ``job(profile, progress)``; a progress dialog appears when
  the job takes longer than ~400 ms. ``progress(done, total)`` returns False once the advisor pressed
  Cancel; the job then raises ``Cancelled`` and must leave the data as it was. With ``changed`` it
  counts as a write. A job that can be cancelled only up to a point (an import: its checks, not its
  writes) calls ``progress.finishing()`` there: the Cancel button goes and a late press is ignored.

A :class:`DomainError` is shown as a plain message (or given to ``on_error``); a ``Cancelled`` is not
shown at all; anything else goes to the exception dialog.

Lifetimes: a job and its callbacks usually refer to widgets (``self`` of a dialog, a label). The
worker thread must never drop the last reference to such an object: a widget whose last reference
dies on the worker is destroyed there, off the GUI thread, and PySide also queues its children for
deletion on the GUI thread, so they are deleted twice and the app crashes later at some unrelated
line. So every submitted job is kept by the GUI side (``_jobs``) from submission until its callback
has run; the worker lets go of the job before it reports back with nothing but the job's number,
and the GUI thread then drops the job, with everything it holds.
"""

from __future__ import annotations

import functools
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from . import errors

T = TypeVar("T")
Progress = Callable[[int, int], bool]
ErrorHandler = Callable[[DomainError], object]
ChangesOf = Changes | Callable[[T], Changes]
"""What a write changed: a :class:`Changes`, or a function making one from the job's result."""

PROGRESS_DELAY_MS = 400
log = logging.getLogger("advisor_app.gui.operations")


class _Job:
    """One submitted job and, once it has run, what to call with its outcome on the GUI thread.
    Held by the GUI side (``Operations._jobs``) from submission until delivered."""

    __slots__ = ("execute", "number", "outcome")

    def __init__(self, number: int, execute: Callable[[], Callable[[], object]]) -> None:
        self.number = number
        self.execute = execute  # runs the job (worker thread), returns the callback to run with its outcome
        self.outcome: Callable[[], object] | None = None


class _Finished(QObject):
    """Carries "job number N has run" from the worker to the GUI thread (only the number crosses)."""

    job = Signal(int)


def _work(jobs: queue.Queue[_Job | None], finished: _Finished) -> None:
    """The worker thread: run each job, let go of it, then report its number (the GUI side still
    holds the job, so letting go here never drops the last reference to anything)."""
    while True:
        job = jobs.get()
        if job is None:
            return
        job.outcome = job.execute()
        number = job.number
        del job
        finished.job.emit(number)


class Operations(QObject):
    """One per main window. Owns the worker thread; :meth:`shutdown` stops it."""

    data_changed = Signal(Changes)

    def __init__(self, profile: Profile, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.profile = profile
        self.parent_widget = parent_widget
        self._numbers = itertools.count(1)
        self._jobs: dict[int, _Job] = {}  # submitted, not yet delivered (the GUI side's hold)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._finished = _Finished(self)
        self._finished.job.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=_work, args=(self._queue, self._finished),
                                        name="advisor-db-worker", daemon=True)
        self._thread.start()

    # --- public API ---

    def query(self, job: Callable[[Profile], T], on_done: Callable[[T], object], *,
              on_error: ErrorHandler | None = None) -> None:
        """Run ``job`` on the worker, ``on_done`` with its answer on the GUI thread. After
        :meth:`shutdown` (the window closing, a late ``data_changed`` asking for a refresh) nobody
        waits for an answer: nothing is run. A write then still raises: it would be lost."""
        if not self._thread.is_alive():
            return
        profile = self.profile
        self._submit(lambda: job(profile), on_done, lambda exc: self._handle_error(exc, on_error))

    def write(self, job: Callable[[Profile], T], on_done: Callable[[T], object] | None = None, *,
              changed: ChangesOf[T], on_error: ErrorHandler | None = None) -> None:
        def done(result: T) -> None:
            if on_done is not None:
                on_done(result)
            self.data_changed.emit(changed(result) if callable(changed) else changed)

        profile = self.profile
        self._submit(lambda: job(profile), done, lambda exc: self._handle_error(exc, on_error))

    def long_job(self, job: Callable[[Profile, JobProgress], T], on_done: Callable[[T], object] | None, *,
                 title: str, cancellable: bool = True, changed: ChangesOf[T] | None = None,
                 on_error: ErrorHandler | None = None) -> None:
        """A long job with a delayed, cancellable progress dialog. With ``changed`` it counts as a
        write: ``data_changed`` is emitted after success."""
        watch = _ProgressWatch(self.parent_widget, title, cancellable)

        def done(result: T) -> None:
            watch.close()
            if on_done is not None:
                on_done(result)
            if changed is not None:
                self.data_changed.emit(changed(result) if callable(changed) else changed)

        def failed(exc: BaseException) -> None:
            watch.close()
            self._handle_error(exc, on_error)

        profile, progress = self.profile, JobProgress(watch)
        watch.start()
        self._submit(lambda: job(profile, progress), done, failed)

    def busy(self) -> bool:
        return bool(self._jobs)

    def running(self) -> bool:
        """Whether jobs can still be submitted (not shut down)."""
        return self._thread.is_alive()

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted job has finished and delivered (for tests)."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QCoreApplication.instance()
        while self._jobs:
            if time.monotonic() > deadline:
                return False
            if app is not None:
                app.processEvents()
            time.sleep(0.002)
        return True

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Let queued jobs finish, then stop the worker (at window close)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout_s)

    # --- machinery ---

    def _submit(self, run: Callable[[], T], done: Callable[[T], object],
                failed: Callable[[BaseException], object]) -> None:
        if not self._thread.is_alive():
            raise RuntimeError("operations were shut down")

        def execute() -> Callable[[], object]:  # worker thread
            try:
                result = run()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                return functools.partial(failed, exc)
            return functools.partial(done, result)

        job = _Job(next(self._numbers), execute)
        self._jobs[job.number] = job
        self._queue.put(job)

    def _deliver(self, number: int) -> None:
        job = self._jobs.pop(number)
        outcome, job.outcome = job.outcome, None
        try:
            if outcome is not None:
                outcome()
        except Exception as exc:
            errors.report_exception(exc)

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


class JobProgress:
    """What a long job is given (worker thread): ``progress(done, total)`` → False once cancelled;
    ``progress.finishing()`` once cancelling is no longer possible (the writing has begun)."""

    __slots__ = ("_watch",)

    def __init__(self, watch: _ProgressWatch) -> None:
        self._watch = watch

    def __call__(self, done: int, total: int) -> bool:
        return self._watch.progress(done, total)

    def finishing(self) -> bool:
        """From now on the job cannot be cancelled; False when it was cancelled already (it must stop)."""
        with self._watch.lock:
            if self._watch.cancelled.is_set():
                return False
            self._watch.finishing.set()
            return True


class _ProgressWatch:
    """Shared state between a long job (worker thread) and its progress dialog (GUI thread)."""

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        self.parent = parent
        self.title = title
        self.cancellable = cancellable
        self.done = 0
        self.total = 0
        self.cancelled = threading.Event()
        self.finishing = threading.Event()  # past the point where the job can stop: no Cancel any more
        self.lock = threading.Lock()  # cancelled and finishing: never both
        self.dialog: QProgressDialog | None = None
        self._show_timer = QTimer()
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show)
        self._poll = QTimer()
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._update)

    def progress(self, done: int, total: int) -> bool:  # worker thread
        self.done, self.total = done, total
        return self.finishing.is_set() or not self.cancelled.is_set()

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
        if self.finishing.is_set() and self.cancellable:
            self.cancellable = False
            self.dialog.setCancelButton(None)
        if self.dialog.wasCanceled():  # cancelled without the signal (Esc, or cancel() called)
            self._cancel()
            return
        total = max(self.total, 0)
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(self.done, total) if total else 0)
        if total:
            self.dialog.setLabelText(f"{self.title}（{self.done}/{total}）")

    def _cancel(self) -> None:
        with self.lock:
            too_late = self.finishing.is_set()  # the job is writing and runs to its end
            if not too_late:
                self.cancelled.set()
        if too_late:
            if self.dialog is not None:
                self.dialog.reset()
                self.dialog.show()
            return
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
