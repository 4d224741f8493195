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

Alembic itself (about 0.2 s to import) is loaded only when a migration is due or a revision is not
one of ours. The check at every open needs neither: the database's revision is the one row of
``alembic_version`` (the table Alembic keeps it in, read with one query), and our revisions and the
head are read from the migration files' own ``revision = "…"`` / ``down_revision = "…"`` lines
(:func:`known_revisions`), the same lines Alembic reads them from. The two agree by construction — a
test compares them with Alembic's own view of the history — and when a file cannot be read that way
(or the history is not one line), Alembic is asked instead.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from advisor_app import __version__
from advisor_app.domain.errors import DomainError

from . import backups as backup_files
from .engine import for_writing, is_sqlite

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from alembic.config import Config

_MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
_REVISION_LINE = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']\s*$", re.M)
_DOWN_LINE = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|[\"']([^\"']+)[\"'])\s*$", re.M)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


@functools.cache
def known_revisions() -> tuple[frozenset[str], str] | None:
    """Our revision ids and the head, read from the files in ``migrations/versions`` without
    Alembic; ``None`` when a file does not state both lines plainly or the history is not a single
    line (then :func:`head_revision` and :func:`is_known` ask Alembic)."""
    parents: dict[str, str | None] = {}
    for path in sorted((_MIGRATIONS / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION_LINE.findall(text), _DOWN_LINE.findall(text)
        if len(revision) != 1 or len(down) != 1 or revision[0] in parents:
            return None
        parents[revision[0]] = down[0] or None
    heads = set(parents) - set(parents.values())
    roots = [r for r, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or any(p is not None and p not in parents for p in parents.values()):
        return None
    return frozenset(parents), heads.pop()


def head_revision() -> str:
    known = known_revisions()
    if known is not None:
        return known[1]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    """Whether ``revision`` is one of this release's migrations."""
    known = known_revisions()
    if known is not None:
        return revision in known[0]
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: sa.Engine) -> str | None:
    """The revision the database is at (the row Alembic keeps in ``alembic_version``), ``None``
    for a database without one."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:  # several heads: never written by our single-line history
        raise UnusableSchema(f"数据库的版本记录（{VERSION_TABLE}）有 {len(rows)} 条，本程序只写一条：它不是本程序"
                             "建立或升级的，或者已经损坏，没有打开，也没有改动。", where=_shown(engine))
    return str(rows[0]) if rows else None


def backup(engine: sa.Engine, backups: Path, label: str) -> Path | None:
    """Copy the SQLite database behind ``engine`` into ``backups`` (:func:`.backups.make`); ``None``
    for PostgreSQL."""
    return backup_files.make(engine, backups, label)


PARTIAL = backup_files.PARTIAL


def needs_upgrade(engine: sa.Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: sa.Engine, backups: Path | None, *, target: str = "head") -> Path | None:
    """Migrate to ``target`` (normally head) in one transaction.

    Returns the SQLite backup made first (``before-<revision>``), or ``None`` when nothing needed
    doing, the database was empty, it is not a file (PostgreSQL), or ``backups`` is None (a copy
    being restored: the backup it came from is its own pre-migration copy).
    """
    current = current_revision(engine)
    if current == (head_revision() if target == "head" else target):
        if target == "head":
            _pack_inputs(engine)
        return None
    refuse_unknown(engine, current)
    copy = None
    if current is not None and backups is not None:
        copy = backup(engine, backups, f"before-{current}")
    from alembic import command  # a migration is due: only now is Alembic loaded

    cfg = _config()
    with for_writing(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    if target == "head":
        _pack_inputs(engine)
    return copy


def _pack_inputs(engine: sa.Engine) -> None:
    """The rules' inputs packed again when their layout is not the stored one (a new input, an older
    profile, a restored backup): once, here, not in a screening."""
    from .household_inputs import ensure_layout

    with for_writing(engine).begin() as conn:
        seconds = ensure_layout(conn)
    if seconds is not None:
        log.info("rules' inputs packed again (layout changed) in %.2f s", seconds)


def has_tables(engine: sa.Engine) -> bool:
    """Whether the database holds any table but Alembic's own (empty after migrating down to nothing)."""
    return bool(set(sa.inspect(engine).get_table_names()) - {"alembic_version"})


class UnusableSchema(DomainError):
    """A database this release cannot migrate: nothing was changed and no backup was made."""


class NewerSchema(UnusableSchema):
    """The database was made (or upgraded) by a newer release: its revision is not one of ours."""


class UnversionedSchema(UnusableSchema):
    """The database has tables but no revision record: not made by this program, or damaged."""


def refuse_unknown(engine: sa.Engine, current: str | None) -> None:
    """Raise :class:`NewerSchema` for a revision this release does not know (checked before any
    backup is made, so a refused database does not leave a new copy on every start), and
    :class:`UnversionedSchema` for tables without a revision record."""
    where = _shown(engine)
    if current is not None:
        if not is_known(current):
            raise NewerSchema(f"这个档案是较新版本的程序建立或升级的（数据库版本 {current}），本程序"
                              f"（{__version__}）不认识，为免损坏没有打开，也没有改动。请使用新版本的程序。",
                              where=where)
        return
    if has_tables(engine):
        raise UnversionedSchema("数据库里已有数据表，却没有版本记录（alembic_version）：它不是本程序建立的，"
                                "或者已经损坏，没有打开，也没有改动。请从备份恢复，或者把这个文件移出数据文件夹后"
                                "重新打开（会建立一个新的空档案）。", where=where)


def _shown(engine: sa.Engine) -> str:
    return (engine.url.database or "") if is_sqlite(engine) else engine.url.render_as_string(hide_password=True)
