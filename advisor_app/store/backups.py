"""Backup copies of a profile's SQLite file: making one, naming, listing, rotating, and the file
steps of a restore.

A backup is ``<stem>-<YYYYMMDD>-<HHMMSS>-<cause>.sqlite`` in the data folder's ``backups`` folder
(the time stamp in the computer's time zone; ``.2``, ``.3`` … before ``.sqlite`` for a second copy in
the same second). The cause says what made it: ``daily``, ``before-<revision>`` (a migration),
``before-import``, ``before-restore``. It is made through the engine with ``VACUUM INTO``
(:func:`.engine.copy_database`): a consistent snapshot, encrypted with the profile's key, written
under a temporary name (``.<name>.<pid>.partial``) and renamed when complete, so a copy cut short
never looks like a good one. PostgreSQL: no copy (the server's backups are the office's business).

Restoring replaces the database file in two steps that survive a kill at any point: the chosen copy
is prepared beside the database as ``advisor.sqlite.restoring`` and, once complete (and synced),
renamed to ``advisor.sqlite.restored``; that file is then moved over the database (its old WAL
removed first). :func:`finish_interrupted_restore`, run before every open, completes the move when a
kill came after the rename, and removes an incomplete ``.restoring``: the database is either the old
one or the restored one, never a mix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisor_app.domain.errors import DomainError

from .encryption import remove_file
from .engine import copy_database, file_path, lock_exclusively

PARTIAL = ".partial"
"""The ending of a backup still being written (never a usable copy)."""
SUFFIX = ".sqlite"
RESTORING = ".restoring"  # a restored copy being prepared beside the database
RESTORED = ".restored"  # a restored copy complete, to be moved over the database
DAILY = "daily"

_PARTIAL_AGE = 3600  # seconds: an older partial copy is a leftover, not one another start is writing
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<day>\d{8})-(?P<time>\d{6})-(?P<cause>[^.]+?)(?:\.(?P<n>\d+))?\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken: dt.datetime  # local time, from the name (the file's time when the name has none)
    cause: str  # daily, before-<revision>, before-import, before-restore ("" when the name says none)
    size: int  # bytes
    number: int = 1  # the second copy made in the same second is 2 …

    @property
    def name(self) -> str:
        """The name ``backup restore`` takes: the file's name without ``.sqlite``."""
        return self.path.name.removesuffix(SUFFIX)


def make(engine: sa.Engine, backups: Path, cause: str) -> Path | None:
    """Copy the SQLite database behind ``engine`` into ``backups``; returns the copy's path.

    The copy is written under a temporary name (``.<name>.<pid>.partial``) and renamed when it is
    complete; such a leftover is removed by a later backup. ``None`` for a database that is not a
    file (PostgreSQL): there is nothing to copy."""
    database = file_path(engine)
    if database is None:
        return None
    backups.mkdir(parents=True, exist_ok=True)
    _remove_partial_backups(backups)
    target = _new_name(backups, database.stem, cause)
    partial = backups / f".{target.name}.{os.getpid()}{PARTIAL}"
    try:
        copy_database(engine, partial)
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync(backups)  # the rename itself survives a power cut
    return target


def copy_file(database: Path, backups: Path, cause: str) -> Path:
    """A byte copy of ``database`` (and its WAL, kept beside the copy so SQLite reads it with it):
    for a file that cannot be read as a database (damaged), whose bytes are kept all the same."""
    backups.mkdir(parents=True, exist_ok=True)
    target = _new_name(backups, database.stem, cause)
    partial = backups / f".{target.name}.{os.getpid()}{PARTIAL}"
    try:
        shutil.copyfile(database, partial)
        _fsync(partial)
        wal = Path(f"{database}-wal")
        if wal.is_file() and wal.stat().st_size:
            shutil.copyfile(wal, f"{target}-wal")
            _fsync(Path(f"{target}-wal"))
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync(backups)
    return target


def _new_name(backups: Path, stem: str, cause: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{stem}-{stamp}-{cause}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = backups / f"{stem}-{stamp}-{cause}.{n}{SUFFIX}"
    return target


def listed(backups: Path) -> list[BackupFile]:
    """Every complete backup in the folder, newest first."""
    found = []
    for path in backups.glob(f"*{SUFFIX}") if backups.is_dir() else ():
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        m = _NAME.match(path.name)
        if m is None:
            found.append((stat.st_mtime_ns, BackupFile(path, dt.datetime.fromtimestamp(stat.st_mtime), "",
                                                       stat.st_size)))
            continue
        taken = dt.datetime.strptime(m["day"] + m["time"], "%Y%m%d%H%M%S")
        found.append((stat.st_mtime_ns, BackupFile(path, taken, m["cause"], stat.st_size, int(m["n"] or 1))))
    # the same second: the copy made later first (its number, else the time the file was written)
    found.sort(key=lambda f: (f[1].taken, f[1].number, f[0]), reverse=True)
    return [b for _, b in found]


def find(backups: Path, name: str) -> BackupFile | None:
    """The backup called ``name`` (with or without ``.sqlite``; a bare file name, never a path)."""
    wanted = name.strip().removesuffix(SUFFIX)
    return next((b for b in listed(backups) if b.name == wanted), None)


def prune(backups: Path, keep: int, *, protect: tuple[Path, ...] = ()) -> list[Path]:
    """Delete the oldest backups beyond the newest ``keep``, but never the newest ``daily`` copy (a
    run of imports must not leave the profile without its start-of-day copy) nor ``protect``.
    Returns what was deleted."""
    every = listed(backups)
    newest_daily = next((b.path for b in every if b.cause == DAILY), None)
    kept = {b.path for b in every[:keep]} | set(protect) | ({newest_daily} if newest_daily else set())
    removed = []
    for b in every:
        if b.path not in kept:
            with contextlib.suppress(OSError):
                remove_file(b.path)
                removed.append(b.path)
    return removed


def _remove_partial_backups(backups: Path) -> None:
    now = time.time()
    for leftover in backups.glob(f".*{PARTIAL}"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _PARTIAL_AGE:
                leftover.unlink()


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # a folder cannot be opened on Windows: its entries are flushed with the file
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- restoring -----------------------------------------------------------------------------------

def staging_paths(database: Path) -> tuple[Path, Path]:
    """Where a restored copy is prepared (``.restoring``) and where it waits, complete (``.restored``)."""
    return database.with_name(database.name + RESTORING), database.with_name(database.name + RESTORED)


def stage(copy: Path, database: Path) -> Path:
    """Put a byte copy of the backup ``copy`` beside ``database`` as ``.restoring`` (replacing a
    leftover); the caller brings it up to date, then calls :func:`complete`."""
    staged, ready = staging_paths(database)
    for leftover in (staged, ready):
        remove_file(leftover)
    shutil.copyfile(copy, staged)
    if Path(f"{copy}-wal").is_file():  # a byte copy of a damaged file keeps its WAL beside it
        shutil.copyfile(f"{copy}-wal", f"{staged}-wal")
    return staged


def complete(database: Path) -> None:
    """The staged copy is ready: sync it, mark it complete, then move it over the database."""
    staged, ready = staging_paths(database)
    if Path(f"{staged}-wal").exists() and Path(f"{staged}-wal").stat().st_size:
        raise DomainError("恢复用的副本没有写完整，档案没有改动", where=str(staged))
    for end in ("-wal", "-shm"):
        Path(f"{staged}{end}").unlink(missing_ok=True)
    _fsync(staged)
    os.replace(staged, ready)
    _fsync(database.parent)
    finish_interrupted_restore(database)


def finish_interrupted_restore(database: Path) -> None:
    """Before opening: a complete restored copy waiting (``.restored``) is moved over the database
    (its old WAL and shared memory removed first: they belong to the old file); an incomplete one
    (``.restoring``) is removed, the database left as it was."""
    staged, ready = staging_paths(database)
    if ready.is_file():
        for end in ("-wal", "-shm", "-journal"):
            Path(f"{database}{end}").unlink(missing_ok=True)
        os.replace(ready, database)
        _fsync(database.parent)
    if staged.exists():
        for p in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            p.unlink(missing_ok=True)


@contextlib.contextmanager
def alone(engine: sa.Engine) -> Iterator[Any]:
    """Hold the database so no other program (or connection) can use it while a restore prepares:
    an exclusive lock on one driver connection, asked for without waiting, which is yielded (make
    the ``before-restore`` copy on it: :func:`make_on`). Yields None when the file cannot be read as
    a database at all (damaged: nothing to lock). Raises :class:`InUse` when another program has it
    open. Every connection of ``engine`` is closed afterwards."""
    engine.dispose()
    try:
        raw = engine.raw_connection()
    except Exception:  # the driver's error at connect (its set-up reads the file): not a database
        yield None
        return
    readable = True
    try:
        try:
            lock_exclusively(raw.driver_connection)
        except Exception as exc:  # the driver's own error classes (this module does not import the driver)
            if "locked" in str(exc) or "busy" in str(exc).lower():
                raise InUse() from None
            readable = False
        yield raw.driver_connection if readable else None
    finally:
        raw.close()
        engine.dispose()


def make_on(dbapi_connection: Any, database: Path, backups: Path, cause: str) -> Path:
    """:func:`make` on a driver connection the caller holds (:func:`alone`)."""
    backups.mkdir(parents=True, exist_ok=True)
    target = _new_name(backups, database.stem, cause)
    partial = backups / f".{target.name}.{os.getpid()}{PARTIAL}"
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("VACUUM INTO ?", (str(partial),))
        finally:
            cursor.close()
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync(backups)
    return target


class InUse(DomainError):
    """Another program has the database open: a restore would pull it from under it."""

    def __init__(self) -> None:
        super().__init__("档案正被另一个程序打开（另一个窗口或命令）。请先关闭它，再恢复备份。档案没有改动。")
