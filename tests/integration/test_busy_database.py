"""Another program writing at the same time: a write waits for it (BEGIN IMMEDIATE and the busy
timeout) instead of failing half-way, and when it cannot wait long enough the advisor gets a
message — never a traceback, never a half-written change. Two real processes: one holds the
database's write lock, the other imports, deletes or fills the demo through the CLI or a service."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from advisor_app.domain.interchange import read_household_json
from advisor_app.services import demo, households
from advisor_app.services.profile import Profile, open_profile
from advisor_app.store import engine as store_engine
from advisor_app.store import purge

_HOLD_LOCK = """
import sys, time
import sqlalchemy as sa
from advisor_app.store import engine as store_engine
engine = store_engine.create_engine(sys.argv[1])  # the profile's URL, its key included
with store_engine.for_writing(engine).begin() as conn:
    conn.execute(sa.text("DELETE FROM settings WHERE key = 'other.program'"))
    conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('other.program', 'wrote this')"))
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def sqlite_profile(data_dir: Path) -> Iterator[Profile]:
    p = open_profile(data_dir)
    yield p
    p.close()


def _hold_lock(database_url: str, seconds: float) -> subprocess.Popen[bytes]:
    """Another process that holds the write lock for ``seconds`` (returns once it holds it)."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, database_url, str(seconds)],
                            stdout=subprocess.PIPE, env=os.environ)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"locked"
    return proc


def _cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, env=os.environ, check=False, timeout=120)


def _short_busy_timeout(profile: Profile, ms: int) -> None:
    """This test's connections give up after ``ms`` (the program waits 10 s)."""
    event.listen(profile.engine, "connect", lambda dbapi, _rec: dbapi.execute(f"PRAGMA busy_timeout={ms}"))
    profile.engine.dispose()


def test_cli_update_import_and_delete_wait_for_another_writer(sqlite_profile: Profile, data_dir: Path,
                                                              household_json: str) -> None:
    first = households.save_household(sqlite_profile, read_household_json(
        household_json.encode())[0])
    changed = json.loads(households.export_household(sqlite_profile, first.id or ""))
    changed["address"] = "等锁之后写入 1 号"
    holder = _hold_lock(sqlite_profile.database_url, 1.5)
    start = time.monotonic()
    imported = _cli(data_dir, "household", "import", "-", stdin=json.dumps(changed, ensure_ascii=False))
    waited = time.monotonic() - start
    holder.wait(timeout=30)
    assert imported.returncode == 0, imported.stderr
    assert waited >= 1.0  # it waited for the lock rather than failing
    assert households.load_household(sqlite_profile, first.id or "").address == "等锁之后写入 1 号"

    holder = _hold_lock(sqlite_profile.database_url, 1.0)
    deleted = _cli(data_dir, "household", "delete", first.id or "")
    holder.wait(timeout=30)
    assert deleted.returncode == 0, deleted.stderr
    assert households.count_households(sqlite_profile) == 0


def test_cli_demo_fill_waits_for_another_writer(data_dir: Path) -> None:
    demo_profile = demo.profile_settings.open_demo_profile(data_dir)
    try:
        holder = _hold_lock(demo_profile.database_url, 1.0)
        filled = _cli(data_dir, "--demo", "demo", "--households", "30")
        holder.wait(timeout=30)
        assert filled.returncode == 0, filled.stderr
        with demo_profile.connection() as conn:
            assert purge.live_household_count(conn) == 30
    finally:
        demo_profile.close()


@pytest.mark.slow
def test_cli_gives_a_message_when_the_lock_is_held_too_long(sqlite_profile: Profile, data_dir: Path,
                                                           household_json: str) -> None:
    saved = households.save_household(sqlite_profile, read_household_json(
        household_json.encode())[0])
    holder = _hold_lock(sqlite_profile.database_url, 13)  # longer than the program's 10 s
    try:
        deleted = _cli(data_dir, "household", "delete", saved.id or "")
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert deleted.returncode == 2
    assert "数据库正被另一个程序使用" in deleted.stderr and "Traceback" not in deleted.stderr
    assert "locked" not in deleted.stderr
    assert households.count_households(sqlite_profile) == 1  # nothing was written


@pytest.mark.parametrize("write", ["save", "delete", "archive", "fill"])
def test_services_give_a_message_and_write_nothing_when_the_lock_cannot_be_had(
        sqlite_profile: Profile, household_json: str, write: str) -> None:
    saved = households.save_household(sqlite_profile, read_household_json(
        household_json.encode())[0])
    before = households.export_household(sqlite_profile, saved.id or "")
    _short_busy_timeout(sqlite_profile, 200)
    holder = _hold_lock(sqlite_profile.database_url, 5)
    try:
        with pytest.raises(store_engine.DatabaseBusy):
            if write == "save":
                saved.address = "不该写入"
                households.save_household(sqlite_profile, saved)
            elif write == "delete":
                households.delete_household(sqlite_profile, saved.id or "")
            elif write == "archive":
                households.archive_household(sqlite_profile, saved.id or "", "moved")
            else:
                demo.reset_demo(sqlite_profile, 5)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert households.export_household(sqlite_profile, saved.id or "") == before


def test_reads_do_not_wait_for_a_writer(sqlite_profile: Profile, household_json: str) -> None:
    households.save_household(sqlite_profile, read_household_json(household_json.encode())[0])
    _short_busy_timeout(sqlite_profile, 5000)
    holder = _hold_lock(sqlite_profile.database_url, 5)
    try:
        start = time.monotonic()
        assert households.count_households(sqlite_profile) == 1
        assert len(households.list_households(sqlite_profile)) == 1
        assert time.monotonic() - start < 1.0
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_forgotten_write_path_fails_in_the_tests(sqlite_profile: Profile) -> None:
    """What keeps every write path saying it writes: the tests run with CHECK_WRITES."""
    assert os.environ.get(store_engine.CHECK_WRITES) == "1"
    with pytest.raises(sa.exc.OperationalError, match="readonly"), sqlite_profile.connection() as conn:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('x', 'y')"))
    with sqlite_profile.connection(write=True) as conn:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('x', 'y')"))
