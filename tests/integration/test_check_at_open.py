"""The quick check at open runs once per change of the file, and once a day (store/damage.py).

An encrypted file found sound and unchanged since (same inode, size, times, WAL) on the same day is
not quick-checked again; any write, a new day, a file still settling, or a plaintext file gets the
check. A page damaged while the file seemed unchanged is still refused when it is read (SQLCipher's
page checksum), which is why only encrypted files may skip.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisor_app.services import households
from advisor_app.services.profile import DamagedProfile, open_profile
from advisor_app.store import damage, engine

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per quick check run at open."""
    runs: list[int] = []
    real = engine.quick_check

    def counted(conn: sa.Connection) -> list[str]:
        runs.append(1)
        return real(conn)

    monkeypatch.setattr(damage, "quick_check", counted)
    return runs


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[float], None]]:
    """Move the check's clock ahead of the file's times by ``seconds``."""
    ahead = [0.0]
    monkeypatch.setattr(damage, "_now", lambda: time.time() + ahead[0])

    def move(seconds: float) -> None:
        ahead[0] = seconds

    yield move


def opened(folder: Path) -> tuple[tuple[str, ...], int]:
    """Open and close the profile: what the check at open found, and how many households it lists."""
    profile = open_profile(folder, daily_backup=False)
    try:
        return profile.damage, len(households.list_households(profile))
    finally:
        profile.close()


def with_a_household(folder: Path) -> str:
    profile = open_profile(folder, daily_backup=False)
    try:
        saved = households.save_household(profile, households.read_document(SAMPLE)).id
        assert saved is not None
        return saved
    finally:
        profile.close()


def damage_found(folder: Path) -> bool:
    """Whether the open found the file damaged (writes refused, or refused outright)."""
    try:
        problems, _ = opened(folder)
    except DamagedProfile:
        return True
    return bool(problems)


def test_an_unchanged_file_is_checked_once_a_change_or_a_new_day_checks_again(
        tmp_path: Path, checks: list[int], clock: Callable[[float], None]) -> None:
    saved = with_a_household(tmp_path)
    clock(60)  # the file settled a minute ago
    checks.clear()
    assert opened(tmp_path) == ((), 1) and len(checks) == 1
    assert damage.record_path(tmp_path / "advisor.sqlite").exists()
    assert opened(tmp_path) == ((), 1) and opened(tmp_path) == ((), 1)
    assert len(checks) == 1, "the same file, the same day: not checked again"

    profile = open_profile(tmp_path, daily_backup=False)
    try:
        households.delete_household(profile, saved)  # a write
    finally:
        profile.close()
    clock(120)
    checks.clear()
    assert opened(tmp_path) == ((), 0) and len(checks) == 1, "changed: checked again"

    clock(120 + 24 * 3600)  # the next day, the file untouched
    checks.clear()
    assert opened(tmp_path) == ((), 0) and len(checks) == 1
    assert opened(tmp_path) == ((), 0) and len(checks) == 1


def test_a_file_written_just_now_is_not_recorded(tmp_path: Path, checks: list[int]) -> None:
    """Within the file system's clock tick a write might leave the times as they were."""
    with_a_household(tmp_path)
    checks.clear()
    assert opened(tmp_path) == ((), 1) and opened(tmp_path) == ((), 1)
    assert len(checks) == 2 and not damage.record_path(tmp_path / "advisor.sqlite").exists()


def test_damage_after_the_record_is_found_at_the_next_open(
        tmp_path: Path, checks: list[int], clock: Callable[[float], None]) -> None:
    with_a_household(tmp_path)
    clock(60)
    assert opened(tmp_path) == ((), 1)
    path = tmp_path / "advisor.sqlite"
    size = path.stat().st_size
    with path.open("r+b") as f:  # a page in the middle overwritten, the size unchanged
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    clock(120)
    checks.clear()
    assert damage_found(tmp_path) and len(checks) == 1
    assert not damage.record_path(path).exists(), "a failed check leaves no record"


def test_a_page_damaged_behind_an_unchanged_record_is_still_refused_when_read(
        tmp_path: Path, checks: list[int], clock: Callable[[float], None]) -> None:
    """The disk's own decay changes no time: the skipped check is made up by SQLCipher's checksum."""
    with_a_household(tmp_path)
    path = tmp_path / "advisor.sqlite"
    profile = open_profile(tmp_path, daily_backup=False)
    with profile.connection() as conn:
        household_pages = [int(r[0]) for r in conn.exec_driver_sql(
            "SELECT pageno FROM dbstat WHERE name = 'households'")] if _has_dbstat(conn) else []
    profile.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        for page in household_pages or range(2, size // 4096):
            f.seek((page - 1) * 4096 + 100)
            f.write(b"\xff" * 16)
    clock(60)
    found = damage._state(path)
    assert found is not None
    damage._record(path, found[0])  # as if the file had been found sound in this very state
    checks.clear()
    problems, listed = None, None
    with contextlib.suppress(DamagedProfile):  # refused at once: a page read at open failed its checksum
        problems, listed = opened(tmp_path)
    assert listed is None, f"damaged pages were read as households ({problems})"
    assert checks == [], "the quick check was skipped: the page's checksum refused it"


def _has_dbstat(conn: sa.Connection) -> bool:
    try:
        conn.exec_driver_sql("SELECT count(*) FROM dbstat").scalar()
    except sa.exc.DatabaseError:
        return False
    return True


def test_a_plaintext_file_is_checked_at_every_open(tmp_path: Path, checks: list[int],
                                                    clock: Callable[[float], None]) -> None:
    path = tmp_path / "plain.sqlite"
    plain = engine.create_engine(engine.sqlite_url(path))
    try:
        with engine.for_writing(plain).begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
        clock(60)
        assert damage.open_problems(plain) == [] and damage.open_problems(plain) == []
    finally:
        plain.dispose()
    assert len(checks) == 2 and not damage.record_path(path).exists()
