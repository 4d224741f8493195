"""Restoring a backup (docs/backups.md): check it, keep the current state, swap the file in.

Apart from :mod:`.backups` because the restored copy gets its audit entry (:mod:`.audit`), and the
audit service depends, through the profile settings, on the profile module that makes backups.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from advisor_app.domain.errors import DomainError
from advisor_app.store import backups as files
from advisor_app.store import damage, migrate, paths
from advisor_app.store import engine as store_engine
from advisor_app.store.backups import BackupFile

from . import audit
from .backups import KEEP, BackupNotFound, BadBackup, NoFileBackups, key_url, problems_of, uses_server

if TYPE_CHECKING:
    from .profile import Profile


@dataclass(frozen=True, slots=True)
class Restored:
    backup: BackupFile
    before: Path | None  # the copy of the state it replaced (None: there was no database)


def restore_backup(data_dir: str | os.PathLike[str] | None, name: str, passphrase: str | None, *,
                   database_url: str | None = None, profile: Profile | None = None) -> Restored:
    """Replace the data folder's database with the backup ``name``.

    Refused, with nothing changed, when there is no such backup (:class:`BackupNotFound`), when it
    does not open with ``passphrase`` or fails SQLite's integrity check (:class:`BadBackup`), when
    its schema is newer than this release, or when another program has the profile open
    (:class:`InUse`). ``passphrase`` None with ``profile``: the open profile's key opens them.
    Otherwise the current state is backed up first (``before-restore``; a byte
    copy when the file cannot be read as a database), the copy is brought to the current schema and
    gets an audit entry (``restore``), then it replaces the database in one rename
    (:mod:`advisor_app.store.backups`). ``profile``: the caller's open profile of that folder, whose
    connections are closed first (it is re-opened on the restored file afterwards)."""
    if uses_server(database_url):
        raise NoFileBackups()
    data = paths.resolve(data_dir)
    chosen = files.find(data.backups, name)
    if chosen is None or "/" in name or "\\" in name:
        raise BackupNotFound(f"没有叫“{name}”的备份（advisor-app backup list 列出全部备份）")
    like = profile.engine.url if profile is not None and store_engine.is_encrypted(profile.engine) else None
    problems = problems_of(chosen.path, passphrase, full=True, like=like)
    if problems is None:
        raise BadBackup(f"备份 {chosen.name} 用这个口令打不开（口令不对，或备份已损坏），没有恢复，档案没有改动")
    if problems:
        raise BadBackup(f"备份 {chosen.name} 没有通过完整性检查（{problems[0]}），没有恢复，档案没有改动")
    database = data.database
    if (profile is not None and profile.read_only) or not os.access(data.root, os.W_OK):
        raise DomainError("数据文件夹是只读的，不能恢复备份：请把它复制到可以写入的地方再恢复", where=str(data.root))
    if database.is_dir():
        raise DomainError("档案文件的位置是一个文件夹，不能恢复到那里：请先把它移走", where=str(database))
    if profile is not None:
        profile.close()
    before = _before_restore(data, passphrase, like)
    staged = files.stage(chosen.path, database)
    try:
        engine = store_engine.create_engine(key_url(staged, passphrase, like))
        try:
            migrate.refuse_unknown(engine, migrate.current_revision(engine))
            migrate.upgrade(engine, None)
            with store_engine.for_writing(engine).begin() as conn:
                audit.record(conn, action="restore", kind="profile", detail=chosen.name)
        finally:
            engine.dispose()
        files.complete(database)
    except BaseException:
        files.finish_interrupted_restore(database)  # the incomplete copy is removed, the database kept
        raise
    files.prune(data.backups, KEEP, protect=(chosen.path,))
    if profile is not None:
        profile.reopen(store_engine.create_engine(key_url(database, passphrase, like)))
        profile.damage, profile.refusal = (), ""  # the restored file passed its integrity check
    return Restored(chosen, before)


def _before_restore(data: paths.DataDir, passphrase: str | None, like: sa.URL | None) -> Path | None:
    """The current state, kept as ``before-restore`` while no other program has it open."""
    database = data.database
    if not database.is_file() or database.stat().st_size == 0:
        return None
    engine = store_engine.create_engine(key_url(database, passphrase, like))
    with files.alone(engine) as held:
        if held is None:
            return files.copy_file(database, data.backups, "before-restore")
        try:
            return files.make_on(held, database, data.backups, "before-restore")
        except Exception as exc:  # the driver's own error: the copy goes through its connection
            if not damage.is_damage(exc):
                raise
        # pages too damaged to copy through SQLite (the usual reason to restore): its bytes as they are
        return files.copy_file(database, data.backups, "before-restore")
