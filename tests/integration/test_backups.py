"""Rotating backups over a real (encrypted) SQLite file: daily, before an import, before a restore;
``backup list`` and ``backup restore``; a restore cut short; a damaged or read-only database."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from advisor_app.cli import main
from advisor_app.services import backups, households, restore
from advisor_app.services.profile import DamagedProfile, ReadOnlyProfile, open_profile
from advisor_app.store import backups as files
from advisor_app.store import encryption

DATA = Path(__file__).parents[1] / "data"
SAMPLE = DATA / "household_wu.json"
TOP = Path(__file__).parents[2]


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def causes(folder: Path) -> list[str]:
    return [b.cause for b in files.listed(folder / "backups")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_yesterday(folder: Path) -> None:
    """Date every backup a day earlier (as if made yesterday)."""
    for b in files.listed(folder / "backups"):
        day = (b.taken - dt.timedelta(days=1)).strftime("%Y%m%d-%H%M%S")
        b.path.rename(b.path.with_name(b.path.name.replace(b.taken.strftime("%Y%m%d-%H%M%S"), day)))


def test_a_daily_backup_is_made_once_a_day_by_an_open_that_may_write(capsys: Any, tmp_path: Path) -> None:
    open_profile(tmp_path).close()  # a new profile: nothing to copy
    assert causes(tmp_path) == []
    second = open_profile(tmp_path)
    second.close()
    assert second.daily is not None and causes(tmp_path) == ["daily"]
    assert not encryption.is_plaintext(second.daily)  # encrypted like the profile
    open_profile(tmp_path).close()
    assert causes(tmp_path) == ["daily"]  # once a day
    make_yesterday(tmp_path)
    assert run(capsys, "--data-dir", str(tmp_path), "household", "list")[0] == 0  # reads only: no copy
    assert causes(tmp_path) == ["daily"]
    assert run(capsys, "--data-dir", str(tmp_path), "household", "import", str(SAMPLE))[0] == 0
    assert causes(tmp_path) == ["before-import", "daily", "daily"]


def test_the_newest_ten_are_kept_and_the_newest_daily_one_too(tmp_path: Path) -> None:
    open_profile(tmp_path).close()
    profile = open_profile(tmp_path)  # makes the daily copy
    try:
        daily = profile.daily
        for _ in range(backups.KEEP + 3):
            assert backups.backup_before(profile, "import") is not None
    finally:
        profile.close()
    kept = files.listed(tmp_path / "backups")
    assert len(kept) == backups.KEEP + 1 and [b.cause for b in kept[:backups.KEEP]] == ["before-import"] * 10
    assert kept[-1].path == daily  # older than the ten, kept as the start of the day


def test_backup_list_newest_first_as_text_and_json(capsys: Any, tmp_path: Path) -> None:
    open_profile(tmp_path).close()
    run(capsys, "--data-dir", str(tmp_path), "household", "import", str(SAMPLE))
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "backup", "list", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and [tuple(b) for b in listed] == [backups.JSON_KEYS] * 2
    assert [b["cause"] for b in listed] == ["before-import", "daily"]
    assert all(Path(b["path"]).stat().st_size == b["size"] and b["name"] in b["path"] for b in listed)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "backup", "list")
    lines = out.splitlines()
    assert lines[0].split("\t") == ["名称", "时间", "原因", "大小"]
    assert [line.split("\t")[0] for line in lines[1:]] == [b["name"] for b in listed]
    assert lines[1].split("\t")[2] == "导入前" and lines[2].split("\t")[2] == "每日备份"


def test_restore_brings_the_backup_back_after_backing_up_the_current_state(capsys: Any, tmp_path: Path) -> None:
    from advisor_app.services import audit

    d = str(tmp_path)
    open_profile(tmp_path).close()
    _, out, _ = run(capsys, "--data-dir", d, "household", "import", str(SAMPLE))
    household_id = out.strip()
    make_yesterday(tmp_path)
    code, _, err = run(capsys, "--data-dir", d, "household", "delete", household_id)  # today's copy first
    assert code == 0, err
    daily = files.listed(tmp_path / "backups")[0]
    assert daily.cause == "daily"
    code, out, err = run(capsys, "--data-dir", d, "backup", "restore", daily.name)
    assert code == 0, err
    assert f"已从备份 {daily.name}" in out and "恢复前的档案已备份为" in out
    before_restore = files.listed(tmp_path / "backups")[0]
    assert before_restore.cause == "before-restore" and before_restore.name in out
    profile = open_profile(tmp_path)
    try:
        assert [h.id for h in households.list_households(profile)] == [household_id]  # back
        last = audit.list_entries(profile)[-1]
        assert (last.action, last.kind, last.detail) == ("restore", "profile", daily.name)
        assert audit.verify(profile).holds
    finally:
        profile.close()
    code, _, err = run(capsys, "--data-dir", d, "backup", "restore", before_restore.name)  # and undone
    assert code == 0, err
    profile = open_profile(tmp_path)
    try:
        assert households.list_households(profile) == []
    finally:
        profile.close()


def test_restore_refuses_a_missing_name_a_wrong_passphrase_and_a_damaged_backup(
        capsys: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = str(tmp_path)
    open_profile(tmp_path).close()
    run(capsys, "--data-dir", d, "household", "import", str(SAMPLE))
    database = tmp_path / "advisor.sqlite"
    before, listed = digest(database), files.listed(tmp_path / "backups")
    code, _, err = run(capsys, "--data-dir", d, "backup", "restore", "advisor-19990101-000000-daily")
    assert code == 2 and "没有叫“advisor-19990101-000000-daily”的备份" in err
    code, _, err = run(capsys, "--data-dir", d, "backup", "restore", f"../{listed[0].name}")
    assert code == 2 and "没有叫" in err
    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", "another-passphrase")
    code, _, err = run(capsys, "--data-dir", d, "backup", "restore", listed[0].name)
    assert code == 2 and "口令" in err and "档案没有改动" in err
    monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", "test-passphrase")
    damaged = listed[0].path
    size = damaged.stat().st_size
    with damaged.open("r+b") as f:  # a page in the middle overwritten
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096))
    code, _, err = run(capsys, "--data-dir", d, "backup", "restore", listed[0].name)
    assert code == 2 and "档案没有改动" in err and "Traceback" not in err
    assert digest(database) == before and files.listed(tmp_path / "backups") == listed  # nothing changed


def test_restore_is_refused_while_another_program_has_the_profile_open(tmp_path: Path) -> None:
    open_profile(tmp_path).close()
    profile = open_profile(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from advisor_app.services.profile import open_profile\n"
        f"p = open_profile({str(tmp_path)!r}, daily_backup=False)\n"
        "c = p.engine.connect(); c.exec_driver_sql('select count(*) from households').scalar()\n"
        "print('open', flush=True); time.sleep(30)\n")], cwd=TOP, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = digest(tmp_path / "advisor.sqlite")
        with pytest.raises(backups.InUse, match="另一个程序"):
            restore.restore_backup(tmp_path, files.listed(tmp_path / "backups")[0].name, "test-passphrase",
                                   profile=profile)
        assert digest(tmp_path / "advisor.sqlite") == before and causes(tmp_path) == ["daily"]
    finally:
        holder.kill()
        holder.wait()


def test_a_restore_cut_short_leaves_the_old_or_the_restored_database(tmp_path: Path) -> None:
    open_profile(tmp_path).close()
    profile = open_profile(tmp_path)
    empty = profile.daily
    assert empty is not None
    saved = households.save_household(profile, households.read_document(SAMPLE))
    profile.close()
    database = tmp_path / "advisor.sqlite"
    # killed while the copy was being prepared: the database is the old one
    files.stage(empty, database)
    profile = open_profile(tmp_path)
    try:
        assert [h.id for h in households.list_households(profile)] == [saved.id]
    finally:
        profile.close()
    assert not any(p.name.startswith("advisor.sqlite.restor") for p in tmp_path.iterdir())
    # killed after the complete copy was marked ready: the next open finishes the restore
    staged, ready = files.staging_paths(database)
    files.stage(empty, database)
    os.replace(staged, ready)
    profile = open_profile(tmp_path)
    try:
        assert households.list_households(profile) == []
    finally:
        profile.close()


def _damage_the_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))


def _cli(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), *argv],
                          capture_output=True, text=True, cwd=TOP, timeout=120, check=False)


def _good_profile_with_backup(folder: Path) -> str:
    open_profile(folder).close()
    profile = open_profile(folder)
    households.save_household(profile, households.read_document(SAMPLE))
    profile.close()
    return files.listed(folder / "backups")[0].name


def test_a_database_with_random_bytes_refuses_writes_and_names_the_latest_good_backup(tmp_path: Path) -> None:
    good = _good_profile_with_backup(tmp_path)
    _damage_the_middle(tmp_path / "advisor.sqlite")
    try:
        profile = open_profile(tmp_path)
    except DamagedProfile as exc:
        message = str(exc)
    else:
        try:
            assert profile.damage
            with pytest.raises(DamagedProfile) as refused:
                households.delete_household(profile, "x")
            message = str(refused.value)
        finally:
            profile.close()
    assert f"advisor-app backup restore {good}" in message
    result = _cli(tmp_path, "household", "delete", "x")
    assert result.returncode == 2 and f"backup restore {good}" in result.stderr and "Traceback" not in result.stderr
    assert causes(tmp_path) == ["daily"]  # no copy of the damaged file was made
    result = _cli(tmp_path, "backup", "restore", good)
    assert result.returncode == 0, result.stderr
    assert _cli(tmp_path, "profile", "check").returncode == 0
    assert _cli(tmp_path, "household", "list").stdout == ""  # the daily copy: before the household


def test_a_truncated_database_and_a_folder_in_its_place_get_a_message(tmp_path: Path) -> None:
    good = _good_profile_with_backup(tmp_path)
    database = tmp_path / "advisor.sqlite"
    with database.open("r+b") as f:
        f.truncate(database.stat().st_size * 2 // 3)
    for argv in (("household", "list"), ("household", "delete", "x")):
        result = _cli(tmp_path, *argv)
        assert result.returncode == 2 and f"backup restore {good}" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    database.unlink()
    database.mkdir()
    result = _cli(tmp_path, "household", "list")
    assert result.returncode == 2 and "是一个文件夹" in result.stderr and "Traceback" not in result.stderr
    result = _cli(tmp_path, "backup", "restore", good)
    assert result.returncode == 2 and "是一个文件夹" in result.stderr
    database.rmdir()  # the file gone altogether: restore puts the backup in its place
    result = _cli(tmp_path, "backup", "restore", good)
    assert result.returncode == 0, result.stderr
    assert _cli(tmp_path, "profile", "check").returncode == 0


def test_a_profile_opened_read_only_reads_and_refuses_every_write(tmp_path: Path) -> None:
    open_profile(tmp_path).close()
    profile = open_profile(tmp_path)
    saved = households.save_household(profile, households.read_document(SAMPLE))
    profile.close()
    before = digest(tmp_path / "advisor.sqlite")
    profile = open_profile(tmp_path, read_only=True)
    try:
        assert profile.read_only and [h.id for h in households.list_households(profile)] == [saved.id]
        with pytest.raises(ReadOnlyProfile, match="只读"):
            households.delete_household(profile, saved.id)
        with pytest.raises(ReadOnlyProfile):
            households.save_household(profile, households.read_document(SAMPLE), imported=True)
        with pytest.raises(ReadOnlyProfile), profile.connection(write=True):  # refused by the profile itself
            pass
    finally:
        profile.close()
    assert digest(tmp_path / "advisor.sqlite") == before and causes(tmp_path) == ["daily"]


def _as_another_user() -> list[str] | None:
    """How to run a command as a user who cannot write a folder made by this one (root ignores
    permissions: the system user ``nobody`` with the system's own Python of the same version)."""
    if os.geteuid() != 0:
        return []
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if not shutil.which("runuser") or not system.exists():
        return None
    import sqlalchemy

    return ["runuser", "-u", "nobody", "--", "env", f"PYTHONPATH={TOP}:{Path(sqlalchemy.__file__).parents[1]}",
            "HOME=/tmp", str(system)]


def test_a_read_only_data_folder_opens_read_only_for_a_user_who_cannot_write_it() -> None:
    import tempfile

    prefix = _as_another_user()
    assert prefix is not None, "neither a non-root user nor runuser and the system Python to become one"
    tmp_path = Path(tempfile.mkdtemp(prefix="advisor-read-only-"))  # pytest's own folder is closed to others
    folder = tmp_path / "profile"
    _good_profile_with_backup(folder)
    listed_before = sorted(p.name for p in folder.rglob("*"))
    for p in [tmp_path, *tmp_path.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        base = [*(prefix or [sys.executable]), "-m", "advisor_app", "--data-dir", str(folder)]
        env = {**os.environ, "ADVISOR_APP_PASSPHRASE": "test-passphrase"}
        listed = subprocess.run([*base, "household", "list"], capture_output=True, text=True, cwd="/", env=env,
                                timeout=120, check=False)
        assert listed.returncode == 0, listed.stderr
        assert "吴晓霞" in listed.stdout and listed.stderr.count("\n") == 1 and "只读" in listed.stderr
        for argv in (["household", "import", str(SAMPLE)], ["household", "delete", "x"]):
            refused = subprocess.run([*base, *argv], capture_output=True, text=True, cwd="/", env=env,
                                     timeout=120, check=False)
            assert refused.returncode == 2 and "只读" in refused.stderr and "Traceback" not in refused.stderr
        assert sorted(p.name for p in folder.rglob("*")) == listed_before  # nothing written
    finally:
        for p in [tmp_path, *tmp_path.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(tmp_path)


def test_a_postgresql_profile_has_no_backups(profile: Any, backend: str, capsys: Any, tmp_path: Path) -> None:
    copy = backups.backup_before(profile, "import")
    if backend == "sqlite":
        assert copy is not None
        return
    assert copy is None
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "--database-url", profile.database_url,
                         "backup", "list", "--format", "json")
    assert code == 0 and json.loads(out) == [] and "PostgreSQL" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "--database-url", profile.database_url,
                       "backup", "restore", "advisor-20260101-000000-daily")
    assert code == 2 and "PostgreSQL" in err



class _Malformed(Exception):
    """What the driver raises when VACUUM INTO meets a damaged page (SQLITE_CORRUPT)."""

    sqlite_errorcode = 11


def test_a_profile_too_damaged_to_copy_is_kept_as_its_bytes_and_restored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _good_profile_with_backup(tmp_path)
    _damage_the_middle(tmp_path / "advisor.sqlite")
    damaged = (tmp_path / "advisor.sqlite").read_bytes()

    def copy_fails(*_args: object) -> None:  # where the damage lands decides whether SQLite can copy
        raise _Malformed("database disk image is malformed")

    monkeypatch.setattr(files, "make_on", copy_fails)
    restore.restore_backup(tmp_path, good, "test-passphrase")
    kept = list((tmp_path / "backups").glob("*-before-restore.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # what was there, byte for byte
    assert _cli(tmp_path, "profile", "check").returncode == 0
