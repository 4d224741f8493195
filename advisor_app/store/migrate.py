"""Bring a profile's database to the current schema, after a backup copy of the file.

Alembic keeps the schema history in ``store/migrations/versions``. A database that is already at the
head revision costs one small query at start-up; otherwise the file is copied to the backups folder
(with SQLite's online backup, safe under WAL) before any migration runs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

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


def backup(database: Path, backups: Path, label: str) -> Path:
    """Copy ``database`` to ``backups`` with SQLite's backup API; returns the copy's path."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{database.stem}-{stamp}-{label}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = backups / f"{database.stem}-{stamp}-{label}-{n}.sqlite"
    src = sqlite3.connect(database)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: sa.Engine, database: Path, backups: Path) -> Path | None:
    """Migrate to head. Returns the backup made, or ``None`` when nothing needed doing."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    copy = None
    if current is not None or _has_tables(engine):
        copy = backup(database, backups, f"before-{current or 'unversioned'}")
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy


def _has_tables(engine: sa.Engine) -> bool:
    return bool(sa.inspect(engine).get_table_names())
