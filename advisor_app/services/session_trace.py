"""A trace of a desktop session that ended without closing (a hard crash, a killed process).

A segmentation fault in a native library ends the process before Python's logging or exception hook
can write anything. So, while the app runs:

* Python's :mod:`faulthandler` writes every thread's stack to ``logs/crash.log`` in the profile's
  log folder when the process dies of a fatal signal (stack frames only: file and function names,
  no names or ID numbers of families);
* a marker file ``logs/session.running`` (process id, start time) exists, and is removed when the
  session closes normally.

The next start finds the marker left behind and says so (:attr:`SessionTrace.previous_ended_abnormally`),
naming the crash log. A marker whose process is still running belongs to another open window on the
same profile and is not a crash.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import os
import sys
from pathlib import Path
from typing import TextIO

MARKER = "session.running"
CRASH_LOG = "crash.log"


class SessionTrace:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.marker = logs / MARKER
        self.crash_log = logs / CRASH_LOG
        self.previous_ended_abnormally = False
        self._file: TextIO | None = None

    def start(self) -> SessionTrace:
        """Note whether the last session ended abnormally, then trace this one."""
        self.logs.mkdir(parents=True, exist_ok=True)
        previous = _marker_pid(self.marker)
        self.previous_ended_abnormally = previous is not None and not _running(previous)
        self.marker.write_text(f"{os.getpid()} {_now()}\n", encoding="utf-8")
        self._file = self.crash_log.open("a", encoding="utf-8")
        self._file.write(f"--- session {_now()} pid {os.getpid()}: stacks below only if it crashed ---\n")
        self._file.flush()
        faulthandler.enable(file=self._file, all_threads=True)
        return self

    def finish(self) -> None:
        """The session closes normally: stop tracing and remove the marker."""
        if self._file is None:
            return
        faulthandler.disable()
        self._file.close()
        self._file = None
        if _marker_pid(self.marker) == os.getpid():
            self.marker.unlink(missing_ok=True)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _marker_pid(marker: Path) -> int | None:
    try:
        first = marker.read_text(encoding="utf-8").split()[0]
        return int(first)
    except (OSError, IndexError, ValueError):
        return None if not marker.exists() else -1  # unreadable marker: the session did not close


def _running(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill would terminate the process there; assume it is gone
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's), or the system cannot tell: do not cry crash
    return True
