"""Bring a profile's database to the current schema, safely.

Alembic keeps the schema history in ``store/migrations/versions``; the same migrations run on
SQLite and PostgreSQL. A database that is already at the head revision costs one small query at
start-up. Otherwise every migration runs in ONE transaction (``with engine.begin()``), so a
migration that fails half-way leaves the schema and the data as they were, on both databases: on
PostgreSQL because its DDL is transactional, on SQLite because ``store.engine`` begins the
transaction itself (the driver would otherwise commit before each DDL statement).

SQLite: before migrating a database that already holds tables, a copy of the file goes to the
profile's backups folder — made through the engine with ``VACUUM INTO`` (a consistent snapshot,
safe under WAL while other connections are open), so an encrypted database is copied by the same
connection that can read it. PostgreSQL: no file copy is made (the server's own backups are the
office's business); the single transaction is what keeps a failed migration from doing harm.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .engine import copy_database, for_writing, is_sqlite

_MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup(engine: sa.Engine, backups: Path, label: str) -> Path | None:
    """Copy the SQLite database behind ``engine`` into ``backups``; returns the copy's path.

    The copy is written under a temporary name (``.<name>.partial``) and renamed when it is complete,
    so a backup that was cut short (the program killed, the disk full) never looks like a good one;
    such a leftover is removed by a later backup. ``None`` for a database that is not a file
    (PostgreSQL): there is nothing to copy.
    """
    database = engine.url.database
    if not is_sqlite(engine) or not database or database == ":memory:":
        return None
    stem = Path(database).stem
    backups.mkdir(parents=True, exist_ok=True)
    _remove_partial_backups(backups)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{stem}-{stamp}-{label}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = backups / f"{stem}-{stamp}-{label}-{n}.sqlite"
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


PARTIAL = ".partial"
"""The ending of a backup still being written (never a usable copy)."""

_PARTIAL_AGE = 3600  # seconds: an older partial copy is a leftover, not one another start is writing


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


def upgrade(engine: sa.Engine, backups: Path, *, target: str = "head") -> Path | None:
    """Migrate to ``target`` (normally head) in one transaction.

    Returns the SQLite backup made first, or ``None`` when nothing needed doing, the database was
    empty, or it is not a file (PostgreSQL).
    """
    current = current_revision(engine)
    if current == (head_revision() if target == "head" else target):
        return None
    copy = None
    if current is not None or has_tables(engine):
        copy = backup(engine, backups, f"before-{current or 'unversioned'}")
    cfg = _config()
    with for_writing(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return copy


def has_tables(engine: sa.Engine) -> bool:
    return bool(sa.inspect(engine).get_table_names())
