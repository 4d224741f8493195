"""The process the crash tests kill (``tests/integration/test_crashes.py``).

Started once per test module: it imports the program, then reads one JSON request per line on
standard input and, for each, forks a child that does one operation on a profile folder and is
killed with SIGKILL at the requested point. It answers with one JSON line: whether the child was
killed, its exit code otherwise, how long it ran, and (after a run that was not killed) how many kill
points of each kind the operation passed, so the test can spread its kills over the whole operation.

Kill points (``"kill": {"mode": …, "at": n}``):

* ``tick``: inside a statement. Every connection SQLite opens (SQLAlchemy's pools and the raw
  SQLCipher connections of encryption and re-keying) gets a progress handler called every 100
  virtual-machine instructions; the child kills itself at the ``at``-th call. Reproducible for the
  same data, and proportional to the work, so the kills fall all over a long statement.
* ``commit``: just before the ``at``-th COMMIT (every statement of the transaction has run).
* ``step``: just after the ``at``-th file operation (a rename, a re-key of a file, an encrypted copy,
  a file overwritten and deleted).
* ``time``: after ``at`` seconds, sent by this process (from outside, like a power cut or a user
  ending the task).

Forking from here keeps each run at milliseconds of start-up instead of a second of imports; the
child is a separate process, and it runs the same code as ``advisor-app`` (the CLI's own ``main``
for the commands).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event

from advisor_app import cli
from advisor_app.domain.household import Need, Visit
from advisor_app.services import drafts, households
from advisor_app.services import passphrase as keys
from advisor_app.services.profile import open_profile
from advisor_app.store import encryption

TICK_INSTRUCTIONS = 100
OLD_PASSPHRASE = "test-passphrase"  # tests/conftest.py's
NEW_PASSPHRASE = "换了一个新的口令"
VISITS = 12
NEEDS_PER_VISIT = 3
SCREEN_ON = "2026-07-01"


def visit_number(i: int) -> Visit:
    """The ``i``-th visit the child saves (its notes and needs say which it is)."""
    return Visit("return", dt.date(2026, 5, 1 + i), ["王芳"], f"崩溃测试回访{i}",
                 [Need("goods", f"崩溃测试需求{i}-{j}") for j in range(NEEDS_PER_VISIT)])


# --- the operations -------------------------------------------------------------------------------

def save_visits(folder: str, _args: dict[str, Any]) -> None:
    """The visit dialog's way: a draft saved while typing, then the visit saved and the draft gone,
    one visit after another, each to its own household."""
    profile = open_profile(folder)
    try:
        ids = sorted(h.id for h in households.list_households(profile))[:VISITS]
        for i, hid in enumerate(ids):
            visit = visit_number(i)
            drafts.save_draft(profile, drafts.VISIT, hid, drafts.visit_payload(hid, visit))
            drafts.save_visit_and_discard_draft(profile, hid, visit)
    finally:
        profile.close()


def import_households(folder: str, args: dict[str, Any]) -> None:
    """``advisor-app household import FILE`` for each file in turn."""
    for file in args["files"]:
        if cli.main(["--data-dir", folder, "household", "import", file]) != 0:
            raise SystemExit(3)


def screen(folder: str, _args: dict[str, Any]) -> None:
    if cli.main(["--data-dir", folder, "screen", "--on", SCREEN_ON]) != 0:
        raise SystemExit(3)


def migrate(folder: str, _args: dict[str, Any]) -> None:
    """Open the profile: its database is at an older revision, so it is backed up and migrated."""
    open_profile(folder).close()


def change_passphrase(folder: str, _args: dict[str, Any]) -> None:
    profile = open_profile(folder, passphrase=OLD_PASSPHRASE)
    try:
        keys.change_passphrase(profile, OLD_PASSPHRASE, NEW_PASSPHRASE)
    finally:
        profile.close()


def encrypt(folder: str, _args: dict[str, Any]) -> None:
    keys.encrypt_profile(folder, OLD_PASSPHRASE)


def import_bundle(folder: str, args: dict[str, Any]) -> None:
    """``advisor-app bundle import FILE...`` (``tests/integration/test_sync_bundles.py``)."""
    if cli.main(["--data-dir", folder, "bundle", "import", *args["files"]]) != 0:
        raise SystemExit(3)


OPERATIONS: dict[str, Callable[[str, dict[str, Any]], None]] = {
    "visits": save_visits, "import": import_households, "screen": screen, "migrate": migrate,
    "rekey": change_passphrase, "encrypt": encrypt, "bundle_import": import_bundle}


# --- kill points ----------------------------------------------------------------------------------

class KillPoints:
    def __init__(self, mode: str | None, at: int) -> None:
        self.mode, self.at = mode, at
        self.counts = {"tick": 0, "commit": 0, "step": 0}

    def passed(self, kind: str) -> None:
        self.counts[kind] += 1
        if kind == self.mode and self.counts[kind] == self.at:
            os.kill(os.getpid(), signal.SIGKILL)

    def install(self) -> None:
        def tick() -> int:
            self.passed("tick")
            return 0

        def on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.set_progress_handler(tick, TICK_INSTRUCTIONS)

        event.listen(sa.pool.Pool, "connect", on_connect)
        event.listen(sa.engine.Engine, "commit", lambda _conn: self.passed("commit"))
        raw_connect = sqlcipher3.connect

        def connect(*args: Any, **kwargs: Any) -> Any:
            conn = raw_connect(*args, **kwargs)
            conn.set_progress_handler(tick, TICK_INSTRUCTIONS)
            return conn

        sqlcipher3.connect = connect
        for module, name in ((os, "replace"), (encryption, "rekey"), (encryption, "encrypt_copy"),
                             (encryption, "remove_file")):
            setattr(module, name, self._step(getattr(module, name)))

    def _step(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            result = fn(*args, **kwargs)
            self.passed("step")
            return result
        return wrapped


def child(request: dict[str, Any]) -> None:
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    kill = request.get("kill") or {}
    points = KillPoints(kill.get("mode") if kill.get("mode") != "time" else None, int(kill.get("at") or 0))
    points.install()
    code = 0
    try:
        OPERATIONS[request["op"]](request["dir"], request.get("args") or {})
    except SystemExit as exc:
        code = int(exc.code or 0)
    except BaseException:
        traceback.print_exc()
        code = 1
    partial = Path(request["log"] + ".counts.partial")  # a kill from outside may come even now
    partial.write_text(json.dumps(points.counts), encoding="utf-8")
    os.rename(partial, request["log"] + ".counts")  # not os.replace: that one counts as a kill point
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def serve() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            child(request)
        kill = request.get("kill") or {}
        if kill.get("mode") == "time":
            deadline = started + float(kill["at"])
            while time.perf_counter() < deadline:
                done, _status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                time.sleep(0.002)
            else:
                os.kill(pid, signal.SIGKILL)
                done = 0
            if done:  # finished before the moment came
                answer(request, _status, started)
                continue
        _, status = os.waitpid(pid, 0)
        answer(request, status, started)


def answer(request: dict[str, Any], status: int, started: float) -> None:
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    counts_file = Path(request["log"] + ".counts")
    counts = json.loads(counts_file.read_text(encoding="utf-8")) if counts_file.exists() and not killed else None
    print(json.dumps({"killed": killed, "code": None if killed else os.waitstatus_to_exitcode(status),
                      "seconds": time.perf_counter() - started, "counts": counts}), flush=True)


if __name__ == "__main__":
    serve()
