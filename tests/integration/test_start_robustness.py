"""Starting on a database this release cannot use, and being killed while starting: a message and no
new backup for a database of a newer release or without a revision record; a backup cut short never
looks like a good one; a demo fill cut short is done again at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisor_app.services import demo
from advisor_app.services.profile import open_profile
from advisor_app.services.profile_settings import open_demo_profile, profile_info
from advisor_app.store import backups as backup_files
from advisor_app.store import engine as store_engine
from advisor_app.store import migrate, purge


def _set_revision(profile_dir: Path, revision: str | None) -> None:
    profile = open_profile(profile_dir)
    try:
        with store_engine.for_writing(profile.engine).begin() as conn:
            if revision is None:
                conn.exec_driver_sql("DROP TABLE alembic_version")
            else:
                conn.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        profile.close()


def test_a_database_of_a_newer_release_is_refused_and_never_backed_up(tmp_path: Path) -> None:
    _set_revision(tmp_path, "0099_made_by_a_newer_release")
    backups = tmp_path / "backups"
    for _start in range(3):
        with pytest.raises(migrate.NewerSchema) as refused:
            open_profile(tmp_path)
        assert "请使用新版本" in str(refused.value) and "0099_made_by_a_newer_release" in str(refused.value)
    assert not backups.exists() or list(backups.iterdir()) == []


def test_cli_says_the_database_is_newer_without_a_traceback(tmp_path: Path) -> None:
    _set_revision(tmp_path, "0099_made_by_a_newer_release")
    result = subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(tmp_path), "household", "list"],
                            capture_output=True, text=True, env=os.environ, check=False, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "请使用新版本" in result.stderr and "Traceback" not in result.stderr


def test_tables_without_a_revision_record_get_a_clear_message(tmp_path: Path) -> None:
    _set_revision(tmp_path, None)
    with pytest.raises(migrate.UnversionedSchema) as refused:
        open_profile(tmp_path)
    assert "alembic_version" in str(refused.value) and "备份" in str(refused.value)
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_backup_that_fails_half_way_leaves_nothing_that_looks_like_a_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = open_profile(tmp_path)
    try:
        def cut_short(_engine: sa.Engine, target: Path) -> None:
            target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # the start of a copy, then the disk is full
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backup_files, "copy_database", cut_short)
        with pytest.raises(OSError):
            migrate.backup(profile.engine, profile.data.backups, "manual")
        assert list(profile.data.backups.iterdir()) == []
    finally:
        profile.close()


def test_a_partial_backup_left_by_a_kill_is_removed_by_the_next_backup(tmp_path: Path) -> None:
    profile = open_profile(tmp_path)
    try:
        leftover = profile.data.backups / f".advisor-20260101-000000-before-0006.sqlite.4242{migrate.PARTIAL}"
        profile.data.backups.mkdir(parents=True, exist_ok=True)
        leftover.write_bytes(b"SQLite format 3\x00")
        os.utime(leftover, (time.time() - 7200, time.time() - 7200))
        copy = migrate.backup(profile.engine, profile.data.backups, "manual")
        assert copy is not None and not leftover.exists()
        assert [p.name for p in profile.data.backups.iterdir()] == [copy.name]
    finally:
        profile.close()


_BACKUP_FOREVER = """
import sys
from advisor_app.services.profile import open_profile
from advisor_app.store import migrate
profile = open_profile(sys.argv[1])
print("ready", flush=True)
while True:
    migrate.backup(profile.engine, profile.data.backups, "loop")
"""


@pytest.mark.slow
def test_every_backup_file_is_complete_after_kills_during_backups(tmp_path: Path) -> None:
    """A process making backups is killed at several moments; every ``*.sqlite`` left is whole."""
    profile = open_profile(tmp_path)
    try:
        with profile.connection(write=True) as conn:
            demo.profile_settings.mark_demo(conn)
        demo.fill_demo(profile, 1500, seed=3)
        url = profile.database_url
    finally:
        profile.close()
    for delay in (0.05, 0.15, 0.3, 0.5, 0.8):
        proc = subprocess.Popen([sys.executable, "-c", _BACKUP_FOREVER, str(tmp_path)], stdout=subprocess.PIPE,
                                env=os.environ)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    copies = sorted((tmp_path / "backups").glob("*.sqlite"))
    assert copies, "no backup was completed in the time given"
    for copy in copies:
        engine = store_engine.create_engine(sa.make_url(url).set(database=str(copy)))  # same key
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert purge.live_household_count(conn) == 1500
        finally:
            engine.dispose()


_FILL_THEN_HANG = """
import os, sys, time
from advisor_app.services import demo
from advisor_app.services.profile_settings import open_demo_profile
profile = open_demo_profile(sys.argv[1])
def progress(done, total):
    if done >= int(sys.argv[2]):
        print("inserted", done, flush=True)
        time.sleep(60)  # killed here: the households are inserted, not committed
    return True
demo.fill_demo(profile, int(sys.argv[3]), progress=progress)
"""


def test_a_demo_fill_killed_before_its_commit_is_done_again_at_the_next_start(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _FILL_THEN_HANG, str(tmp_path), "1", "300"],
                            stdout=subprocess.PIPE, env=os.environ)
    assert proc.stdout is not None and proc.stdout.readline().startswith(b"inserted")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    profile = open_demo_profile(tmp_path)  # the next start
    try:
        assert profile_info(profile).is_demo
        assert demo.is_empty_demo(profile)  # nothing half-made, and the start knows to fill it
        assert demo.fill_demo(profile, 300) == 300
        assert not demo.is_empty_demo(profile)
        with profile.connection() as conn:
            assert purge.live_household_count(conn) == 300
    finally:
        profile.close()
