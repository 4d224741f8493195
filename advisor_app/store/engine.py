"""The one place where a database engine is created, and where each dialect's particulars live.

Every engine is opened from a URL. The laptop's database is a SQLite file in the profile's data
folder (:func:`sqlite_url`); the office hub will use PostgreSQL through psycopg 3
(``postgresql+psycopg://user@host/dbname``, or ``postgresql://…``, which means the same here).
An encrypted profile is a SQLCipher file (``sqlite+pysqlcipher``, :func:`sqlcipher_url`, the key
from :mod:`.encryption`): the same SQLite engine with SQLCipher's driver; nothing else in the code
knows the difference.

SQLite connections get foreign keys on, WAL journalling and ``synchronous=NORMAL`` (durable at
each checkpoint, safe against corruption on power loss), and a busy timeout. Transactions: Python's
sqlite3 module normally opens a transaction only before INSERT/UPDATE/DELETE, so DDL (a migration,
dropping an index for a bulk load) and reads would run outside it and could not be rolled back. We
switch that off and emit BEGIN ourselves when SQLAlchemy begins a transaction, so everything inside
``with engine.begin()`` is atomic, schema changes included. PostgreSQL needs none of this: its
driver begins transactions itself and its DDL is transactional.

PostgreSQL databases must use the C collation (byte order, like SQLite's): the store reads ids in
sorted order from two queries and merges them in Python, and the household list sorts names the
same way on both. :func:`check_database` refuses any other collation with a message that says how
to create the database.

Dialect-specific speed-ups are the small helpers at the end (:func:`tune_for_reading`,
:func:`tune_for_bulk_load`); no PRAGMA or server setting is issued anywhere else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from advisor_app.domain.errors import DomainError

from .encryption import WrongPassphrase, raw_key

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class UnsupportedDatabase(DomainError):
    """A database URL this program cannot use (unknown kind, missing driver, wrong collation)."""


class DatabaseUnavailable(DomainError):
    """The database cannot be opened (server down, wrong name or password, unreadable file)."""


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at ``path`` (any characters in the path are kept as they are)."""
    return sa.URL.create("sqlite+pysqlite", database=str(path)).render_as_string()


def sqlcipher_url(path: Path, key: bytes, salt: bytes) -> str:
    """The URL of the SQLCipher file at ``path`` opened with ``key`` (see :mod:`.encryption`). The
    key is the URL's password: SQLAlchemy hides it whenever a URL is shown; a worker process that
    must open the same database gets the whole URL (``Profile.database_url``), never a file."""
    return sa.URL.create("sqlite+pysqlcipher", username="", password=raw_key(key, salt), database=str(path)
                         ).render_as_string(hide_password=False)


def is_encrypted(bind: sa.Engine | sa.Connection) -> bool:
    return bind.dialect.name == SQLITE and bind.dialect.driver == "pysqlcipher"


def is_sqlite(bind: sa.Engine | sa.Connection) -> bool:
    return bind.dialect.name == SQLITE


def create_engine(url: str | sa.URL) -> sa.Engine:
    """An engine for ``url``: a SQLite file (created if missing) or a PostgreSQL database."""
    parsed = sa.make_url(url)
    backend = parsed.get_backend_name()
    if backend == SQLITE:
        # SQLAlchemy's pysqlcipher dialect keeps one connection per thread (SingletonThreadPool), for
        # SQLCipher's slow PBKDF2 at each connect; our raw key costs nothing to apply, and nested
        # connections of one thread (a read beside a write) need connections of their own: the
        # same pool as plain SQLite files.
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False}, poolclass=sa.pool.QueuePool)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if backend == POSTGRESQL:
        if parsed.drivername == POSTGRESQL:
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_driver_name() != "psycopg":
            raise UnsupportedDatabase(
                f"PostgreSQL 只支持 psycopg 驱动（postgresql+psycopg://…），不支持 {parsed.drivername}")
        try:
            return sa.create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise UnsupportedDatabase(
                "连接 PostgreSQL 需要先安装 psycopg：pip install 'advisor-app[postgresql]'") from exc
    raise UnsupportedDatabase(f"不支持这种数据库：{parsed.drivername}（只能用 SQLite 或 PostgreSQL）")


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver: see the module doc
    cursor = dbapi_connection.cursor()
    if type(dbapi_connection).__module__.startswith("sqlcipher3"):
        cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr noise
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def check_database(engine: sa.Engine) -> None:
    """Connect once. A database that cannot be reached, or a PostgreSQL database whose text order is
    not byte order (see the module doc), is refused with a message that says what to do."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name != POSTGRESQL:
                return
            row = conn.execute(sa.text("SELECT * FROM pg_database WHERE datname = current_database()")
                               ).mappings().one()
    except sa.exc.DatabaseError as exc:
        if is_encrypted(engine) and "not a database" in str(exc.orig):
            raise WrongPassphrase("口令不对，打不开这个档案（如果确定口令没错，档案文件可能已损坏，可以从备份恢复）"
                                  ) from exc
        shown = engine.url.render_as_string(hide_password=True)
        raise DatabaseUnavailable(f"打不开数据库 {shown}：{str(exc.orig).strip()}") from exc
    # libc's C, POSIX and C.UTF-8 and the builtin provider (PostgreSQL 17) sort by byte / code point,
    # which is the same order for UTF-8; ICU collations do not.
    provider = str(row.get("datlocprovider") or "c")
    collation = str(row["datcollate"])
    if provider == "b" or (provider == "c" and collation in _BYTE_ORDER):
        return
    name = engine.url.database
    shown = collation if provider == "c" else f"ICU {row.get('daticulocale') or row.get('datlocale') or ''}".strip()
    raise UnsupportedDatabase(
        f"数据库 {name} 的排序规则是 {shown}，本程序需要按字节排序（C）。请这样新建数据库："
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER libc LOCALE 'C'")


_BYTE_ORDER = ("C", "POSIX", "C.UTF-8", "C.utf8")


# --- Dialect-specific speed-ups -----------------------------------------------------------------

def tune_for_reading(conn: sa.Connection) -> None:
    """Faster long reads on a connection that only reads (batch screening's worker processes).

    SQLite: memory-mapped reads, fewer system calls per page. PostgreSQL: nothing to do.
    """
    if is_sqlite(conn):
        conn.exec_driver_sql("PRAGMA mmap_size=1073741824")


@contextlib.contextmanager
def tune_for_bulk_load(conn: sa.Connection) -> Iterator[None]:
    """More memory for a large insert and the index builds after it, in the caller's transaction.

    SQLite: a 64 MiB page cache for the duration (restored after). PostgreSQL: more memory for
    building indexes, until the transaction ends (``SET LOCAL``).
    """
    if is_sqlite(conn):
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql("PRAGMA cache_size=-65536")  # 64 MiB
        try:
            yield
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous or -2000)}")
        return
    if conn.dialect.name == POSTGRESQL:
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    yield


def table_counts(url: str) -> dict[str, int]:
    """Rows in every table of the database at ``url`` (to compare a copy with its original)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = [r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {n: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar_one()) for n in names}
    finally:
        engine.dispose()


def integrity_problems(engine: sa.Engine) -> list[str]:
    """SQLite's ``integrity_check`` (every page, index and constraint): [] when the file is sound.
    PostgreSQL checks its own pages; nothing to report here."""
    if not is_sqlite(engine):
        return []
    with engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        rows += [f"外键：{r[0]} 第 {r[1]} 行" for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return [] if rows == ["ok"] else [r for r in rows if r != "ok"]
