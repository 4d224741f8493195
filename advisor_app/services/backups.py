"""Backups as the advisor uses them: made automatically, listed, restored (docs/backups.md).

A copy of the data folder's own SQLite file is made (:mod:`advisor_app.store.backups`):

* before a migration (``before-<revision>``: :func:`advisor_app.store.migrate.upgrade`);
* once a day (``daily``): at the first open of a calendar day that may write
  (:func:`daily_backup`, called by ``open_profile``; the CLI's read-only commands do not ask for it);
* before every import of a file (``before-import``: :func:`backup_before`, called by the household
  import and the policy sheet import; the bundle and Excel imports to come call it too);
* before a restore (``before-restore``).

The newest :data:`KEEP` are kept (a constant, not a setting: a profile that cannot be opened must
still rotate the same way), and always the newest ``daily`` one; older ones are deleted once the new
copy is complete. A PostgreSQL profile has no file backups (the server's own backups are the
office's business): :func:`list_backups` says so, :func:`.restore.restore_backup` refuses.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa

from advisor_app.domain.errors import DomainError
from advisor_app.store import backups as files
from advisor_app.store import damage, encryption, paths
from advisor_app.store import engine as store_engine
from advisor_app.store.backups import DAILY, BackupFile, InUse


class Profile(Protocol):
    """What a backup needs of an open :class:`.profile.Profile` (the profile module makes backups at
    open, so this module names it by shape, not by import)."""

    data: paths.DataDir
    engine: sa.Engine
    read_only: bool
    damage: tuple[str, ...]

KEEP = 10
"""How many backups are kept (plus the newest daily one when it is older)."""
ENV_DATABASE_URL = "ADVISOR_APP_DATABASE_URL"
JSON_KEYS = ("name", "time", "cause", "size", "path")
"""The keys of each object of ``backup list --format json`` (docs/backups.md), in this order."""
CAUSES = {DAILY: "每日备份", "before-import": "导入前", "before-restore": "恢复备份前"}

__all__ = ["KEEP", "BackupFile", "InUse", "backup_before", "daily_backup", "list_backups"]


class NoFileBackups(DomainError):
    """The profile's records are in a PostgreSQL database: there are no file backups."""

    def __init__(self) -> None:
        super().__init__("档案的记录在 PostgreSQL 数据库里：本程序不为它做文件备份（服务器的备份由办公室负责），"
                         "也就没有可以恢复的备份")


class BackupNotFound(DomainError):
    """No backup of that name in the backups folder."""


class BadBackup(DomainError):
    """A backup that does not open with the passphrase or fails its integrity check: not restored."""


def cause_label(cause: str) -> str:
    """``before-0008_audit_log`` → 升级前（0008_audit_log）; the known causes in words."""
    if cause in CAUSES:
        return CAUSES[cause]
    if cause.startswith("before-"):
        return f"升级前（{cause.removeprefix('before-')}）"
    return cause or "—"


def uses_server(database_url: str | None = None) -> bool:
    return bool(database_url or os.environ.get(ENV_DATABASE_URL))


def list_backups(data_dir: str | os.PathLike[str] | None = None, *, database_url: str | None = None
                 ) -> list[BackupFile]:
    """The data folder's backups, newest first. Raises :class:`NoFileBackups` for a profile whose
    records are on a server."""
    if uses_server(database_url):
        raise NoFileBackups()
    return files.listed(paths.resolve(data_dir).backups)


def backup_dict(b: BackupFile) -> dict[str, Any]:
    """One backup as ``backup list --format json`` gives it (keys :data:`JSON_KEYS`)."""
    return {"name": b.name, "time": b.taken.isoformat(sep=" "), "cause": b.cause, "size": b.size,
            "path": str(b.path)}


def backup_before(profile: Profile, label: str) -> Path | None:
    """A backup named ``before-<label>`` of the profile's own file (``import``: before a file is
    imported), then the rotation. None for PostgreSQL, and for a read-only or damaged profile
    (which refuses the write that would follow anyway)."""
    if profile.read_only or profile.damage:
        return None
    return _made(profile.engine, profile.data.backups, f"before-{label}")


def _made(engine: sa.Engine, folder: Path, cause: str) -> Path | None:
    copy = files.make(engine, folder, cause)
    if copy is not None:
        files.prune(folder, KEEP)
    return copy


def daily_due(folder: Path, today: dt.date | None = None) -> bool:
    """No backup of today's start yet (a ``daily`` one, or one made before a migration today)."""
    day = today or dt.date.today()
    return not any(b.taken.date() == day and (b.cause == DAILY or _is_migration(b.cause))
                   for b in files.listed(folder))


def _is_migration(cause: str) -> bool:
    return cause.startswith("before-") and cause not in ("before-import", "before-restore")


def daily_backup(engine: sa.Engine, folder: Path) -> tuple[Path | None, list[str]]:
    """The day's first backup when due: ``(copy, [])``; ``(None, problems)`` when the file fails
    SQLite's quick check first (a damaged file is never copied as a good backup)."""
    if store_engine.file_path(engine) is None or not daily_due(folder):
        return None, []
    problems = damage.quick_check_problems(engine)
    if problems:
        return None, problems
    return _made(engine, folder, DAILY), []


def latest_good(data: paths.DataDir, passphrase: str | None) -> BackupFile | None:
    """The newest backup that opens with ``passphrase`` and passes SQLite's quick check."""
    for b in files.listed(data.backups):
        if problems_of(b.path, passphrase) == []:
            return b
    return None


def key_url(path: Path, passphrase: str | None, like: sa.URL | None = None) -> str | sa.URL:
    """The URL that opens ``path``: with the passphrase, or with the key of an open profile's URL
    (``like``) when the file has the same salt (every backup of a profile has its salt)."""
    salt = encryption.salt_of(path)
    if salt is None:
        return store_engine.sqlite_url(path)
    if like is not None and str(like.password or "").endswith(f"{salt.hex()}'"):
        return like.set(database=str(path))
    if passphrase is None:
        return store_engine.sqlite_url(path)
    return store_engine.sqlcipher_url(path, encryption.derive_key(passphrase, salt), salt)


def problems_of(path: Path, passphrase: str | None, *, full: bool = False, like: sa.URL | None = None
              ) -> list[str] | None:
    """None: does not open with the passphrase; else what its check finds ([] = sound)."""
    url = key_url(path, passphrase, like)
    if encryption.salt_of(path) is not None and sa.make_url(url).get_driver_name() != "pysqlcipher":
        return None
    engine = store_engine.create_engine(store_engine.read_only_url(url))
    try:
        store_engine.check_database(engine)
        if full:
            return store_engine.integrity_problems(engine)
        return damage.quick_check_problems(engine)
    except encryption.WrongPassphrase:
        return None
    except DomainError as exc:
        return [str(exc)]
    except sa.exc.DatabaseError as exc:
        return [str(exc.orig).strip()]
    finally:
        engine.dispose()


def damaged_message(data: paths.DataDir, passphrase: str | None) -> str:
    """What the advisor is told about a damaged profile: the latest good backup and the command."""
    good = latest_good(data, passphrase)
    if good is None:
        return ("档案文件已损坏（完整性检查没有通过），为免损失更多记录，不能再保存改动；也没有找到完好的备份。"
                "请把整个数据文件夹复制一份，交给县里的信息员。")
    return ("档案文件已损坏（完整性检查没有通过），为免损失更多记录，不能再保存改动。"
            f"最近一份完好的备份是 {good.name}（{good.taken:%Y-%m-%d %H:%M}，{cause_label(good.cause)}）："
            f"用 advisor-app backup restore {good.name} 恢复（桌面程序：文件 ▸ 恢复备份…）。")
