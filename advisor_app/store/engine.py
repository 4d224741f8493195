"""The one place where a database engine is created, and where each dialect's particulars live.

Every engine is opened from a URL. The laptop's database is a SQLite file in the profile's data
folder (:func:`sqlite_url`); the office hub will use PostgreSQL through psycopg 3
(``postgresql+psycopg://user@host/dbname``, or ``postgresql://…``, which means the same here).
An encrypted profile is a SQLCipher file (``sqlite+pysqlcipher``, :func:`sqlcipher_url`, the key
from :mod:`.encryption`): the same SQLite engine with SQLCipher's driver; nothing else in the code
knows the difference.

Every engine hides the values of an SQL statement (``hide_parameters``): a failed statement's
error, and so any traceback or log, names the statement but never the names and ID numbers it
carried.

SQLite connections get foreign keys on, WAL journalling and ``synchronous=FULL``: the WAL is
flushed to the disk at every commit, so a visit the advisor saw saved survives a power cut
(``NORMAL`` is safe against corruption but may lose the last commits; one flush per save costs a few
milliseconds, and bulk work is one transaction, one flush), a busy timeout, and temporary tables and
indexes (a big sort, ``VACUUM``) in memory (``temp_store=MEMORY``: SQLite writes no temporary file
beside or outside the encrypted database, whatever the library was built with). Transactions: Python's
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
:func:`tune_for_bulk_load`, :func:`tune_for_import`, :func:`refresh_statistics`); no PRAGMA or server
setting is issued anywhere else.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
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


def read_only_url(url: str | sa.URL, *, immutable: bool = False) -> sa.URL:
    """The URL of the same SQLite file opened read-only (SQLite's ``mode=ro``; SQLCipher too).
    ``immutable``: for a file in a folder nobody can write, where SQLite cannot make the WAL's
    shared-memory file (nothing else can write it either)."""
    parsed = sa.make_url(url)
    path = Path(str(parsed.database)).absolute()
    query = {"mode": "ro", "uri": "true", **({"immutable": "1"} if immutable else {})}
    return parsed.set(database=path.as_uri(), query=query)


def file_path(engine: sa.Engine) -> Path | None:
    """The SQLite file behind ``engine`` (read-only URLs too); None for PostgreSQL or in memory."""
    database = engine.url.database
    if not is_sqlite(engine) or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        from urllib.parse import unquote, urlparse

        return Path(unquote(urlparse(database).path))
    return Path(database)


def is_read_only(bind: sa.Engine | sa.Connection) -> bool:
    return bind.dialect.name == SQLITE and bind.engine.url.query.get("mode") == "ro"


def create_engine(url: str | sa.URL) -> sa.Engine:
    """An engine for ``url``: a SQLite file (created if missing; read-only with
    :func:`read_only_url`) or a PostgreSQL database."""
    parsed = sa.make_url(url)
    backend = parsed.get_backend_name()
    if backend == SQLITE:
        if parsed.query.get("mode") == "ro":
            engine = sa.create_engine(parsed, connect_args={"check_same_thread": False}, poolclass=sa.pool.QueuePool)
            event.listen(engine, "connect", _on_read_only_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
            return engine
        # SQLAlchemy's pysqlcipher dialect keeps one connection per thread (SingletonThreadPool), for
        # SQLCipher's slow PBKDF2 at each connect; our raw key costs nothing to apply, and nested
        # connections of one thread (a read beside a write) need connections of their own: the
        # same pool as plain SQLite files. Last in, first out: the connection used last, whose page
        # cache holds what was just read, serves the next query (see ENCRYPTED_CACHE_KIB).
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False},
                                  poolclass=sa.pool.QueuePool, pool_use_lifo=True, hide_parameters=True)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        event.listen(engine, "checkin", _on_sqlite_checkin)
        return engine
    if backend == POSTGRESQL:
        if parsed.drivername == POSTGRESQL:
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_driver_name() != "psycopg":
            raise UnsupportedDatabase(
                f"PostgreSQL 只支持 psycopg 驱动（postgresql+psycopg://…），不支持 {parsed.drivername}")
        try:
            return sa.create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
        except ModuleNotFoundError as exc:
            raise UnsupportedDatabase(
                "连接 PostgreSQL 需要先安装 psycopg：pip install 'advisor-app[postgresql]'") from exc
    raise UnsupportedDatabase(f"不支持这种数据库：{parsed.drivername}（只能用 SQLite 或 PostgreSQL）")


ENCRYPTED_CACHE_KIB = 256 * 1024
"""Page cache of a connection to an encrypted file, at most (it grows only as pages are read).
A page read from an encrypted file is decrypted into this cache; once pushed out it must be read
and decrypted again, where a plaintext file's page comes back from the operating system's file
cache almost for free. With SQLite's default 8 MB, a search of the 200,000-household list re-read
its pages every keystroke: 200–230 ms against 40–90 ms for the same plaintext file; with 256 MiB,
45–70 ms (benchmarks/encryption_cost.py). The memory is what the plaintext file would occupy in the
system's file cache, moved into the process."""


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver: see the module doc
    cursor = dbapi_connection.cursor()
    if type(dbapi_connection).__module__.startswith("sqlcipher3"):
        cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr noise
        cursor.execute(f"PRAGMA cache_size=-{ENCRYPTED_CACHE_KIB}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _on_read_only_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    if type(dbapi_connection).__module__.startswith("sqlcipher3"):
        cursor.execute("PRAGMA cipher_log_level = NONE")
    cursor.execute("PRAGMA query_only=1")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# --- Transactions that write (SQLite) --------------------------------------------------------------

WRITE = "advisor_app_write"
"""Execution option of a connection whose transaction will write: see :func:`for_writing`."""

CHECK_WRITES = "ADVISOR_APP_CHECK_WRITES"
"""Environment variable: ``1`` makes every transaction not begun for writing read-only (the tests set
it, so a write path that forgot to say it writes fails its test instead of failing, rarely, for a user)."""


class DatabaseBusy(DomainError):
    """Another program held the database's write lock for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__("数据库正被另一个程序使用（可能是另一个窗口或命令正在导入、筛查或生成数据），"
                         "等了一会儿仍未轮到。没有保存任何改动，请等它完成后再试一次。")


def for_writing(engine: sa.Engine) -> sa.Engine:
    """The same engine (same pool, same events) whose transactions begin for writing.

    On SQLite a transaction normally begins deferred: it takes the write lock only at its first write.
    A transaction that reads first and then writes can then fail at once with "database is locked"
    when another process wrote in between (its snapshot is stale; waiting would not help). One begun
    for writing takes the write lock at ``BEGIN IMMEDIATE``, waiting up to the busy timeout for another
    writer to finish; when it cannot get it, :class:`DatabaseBusy` is raised before anything is read
    or written. Reads stay deferred: they never wait for a writer (WAL). PostgreSQL: no difference.
    """
    return engine.execution_options(**{WRITE: True})


def is_writing(conn: sa.Connection) -> bool:
    """Whether ``conn``'s transaction was begun for writing (:func:`for_writing`)."""
    return bool(conn.get_execution_options().get(WRITE))


def _on_sqlite_begin(conn: sa.Connection) -> None:
    write = is_writing(conn) and not is_read_only(conn)
    if os.environ.get(CHECK_WRITES) == "1" and not is_read_only(conn):
        conn.exec_driver_sql(f"PRAGMA query_only={0 if write else 1}")
    if not write:
        conn.exec_driver_sql("BEGIN")
        return
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except sa.exc.OperationalError as exc:
        if is_busy(exc):
            raise DatabaseBusy() from None
        raise


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (SQLITE_BUSY, any extended code)."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == _SQLITE_BUSY


_SQLITE_BUSY = 5  # the primary result code (sqlite3.SQLITE_BUSY; nothing here imports the driver)


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def check_database(engine: sa.Engine) -> None:
    """Connect once. A database that cannot be reached, or a PostgreSQL database whose text order is
    not byte order (see the module doc), is refused with a message that says what to do."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name != POSTGRESQL:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()  # the first page: the key
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

    SQLite: memory-mapped reads, fewer system calls per page, and a 64 MiB page cache. The reader
    walks two tables side by side (households and members in id order); with the default 8 MB
    cache their pages push each other out and are read again — on an encrypted profile each such
    read is a decryption: 140,000 households read in 27 s instead of 9 s (same machine, same run).
    PostgreSQL: nothing to do.
    """
    if is_sqlite(conn):
        conn.exec_driver_sql("PRAGMA mmap_size=1073741824")
        conn.exec_driver_sql("PRAGMA cache_size=-65536")


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


IMPORT_CACHE_KIB = 1536 * 1024
"""Page cache of the connection of an import of many bundles (``services.sync_import.import_batch``),
at most, until its transaction ends. The import is one transaction; once the pages it changed
outgrow the usual cache, SQLite writes them to the WAL before the commit (a spill), reads them back
(decrypting them) when they are touched again and writes them again: 100 bundles of 1,000
households each had written more than 580 MB of WAL before their commit with the usual 256 MiB,
about 1 MB with this one (the commit then writes every changed page once). Only
pages read or changed take memory; the usual size is set again when the connection goes back to
the pool, which frees what is above it."""

_CACHE_BEFORE = "advisor_app_cache_size_before"  # connection record info: the size to set again


def tune_for_import(conn: sa.Connection) -> None:
    """A page cache of :data:`IMPORT_CACHE_KIB` for ``conn`` until it goes back to the pool (its
    transaction ended). PostgreSQL: nothing to do (the server's buffers are its own)."""
    if not is_sqlite(conn):
        return
    info = conn.connection.info
    if _CACHE_BEFORE not in info:
        info[_CACHE_BEFORE] = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")


def refresh_statistics(conn: sa.Connection) -> None:
    """PostgreSQL: ``ANALYZE`` the database inside the caller's transaction, which counts the rows
    it wrote itself. A long transaction that fills tables (an import of many bundles) is otherwise
    planned with the statistics of the tables as they were before it — empty for a new office —
    and its look-ups by key become scans of the whole table: importing 100 bundles of 1,000
    households into a new office in one transaction had not finished after 14 minutes (7 minutes
    with a transaction per bundle, autovacuum analysing the tables between the commits). SQLite:
    nothing to do (without ``ANALYZE`` its planner keeps using the indexes)."""
    if conn.dialect.name == POSTGRESQL:
        conn.exec_driver_sql("ANALYZE")


def _on_sqlite_checkin(dbapi_connection: Any, record: Any) -> None:
    before = record.info.pop(_CACHE_BEFORE, None) if record is not None else None
    if before is None or dbapi_connection is None:
        return
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA cache_size={int(before)}")
    cursor.close()


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


def copy_database(engine: sa.Engine, target: Path) -> None:
    """A consistent copy of the SQLite database behind ``engine`` at ``target`` (a new file), made by
    ``VACUUM INTO`` on one of the engine's own connections (safe under WAL while others are open)."""
    raw = engine.raw_connection()  # the driver's own connection: VACUUM must run outside a transaction
    try:
        cursor = raw.cursor()
        try:
            if os.environ.get(CHECK_WRITES) == "1":
                cursor.execute("PRAGMA query_only=0")  # left on by a read transaction; this writes a copy
            cursor.execute("VACUUM INTO ?", (str(target),))
        finally:
            cursor.close()
    finally:
        raw.close()


class Abandoned(Exception):
    """A query given up because whoever asked no longer wants its answer (:func:`abandoned_when`)."""


PROGRESS_STEPS = 10_000  # SQLite virtual-machine steps between two looks at whether to give up (≈ 0.1 ms)


@contextlib.contextmanager
def abandoned_when(conn: sa.Connection, stop: Callable[[], bool] | None) -> Iterator[None]:
    """Inside, a read on ``conn`` gives up soon after ``stop()`` becomes true and raises
    :class:`Abandoned` (SQLite's progress handler, asked every :data:`PROGRESS_STEPS` steps, in the
    thread that runs the query). On PostgreSQL, or without ``stop``, queries run to their end. Only
    for reads: a write given up would undo its transaction."""
    if stop is None or not is_sqlite(conn):
        yield
        return
    raw: Any = conn.connection.driver_connection
    raw.set_progress_handler(lambda: 1 if stop() else 0, PROGRESS_STEPS)
    try:
        yield
    except (sa.exc.OperationalError, conn.dialect.loaded_dbapi.OperationalError) as exc:
        if stop() and "interrupt" in str(exc):
            raise Abandoned() from None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def data_version(dbapi_connection: Any) -> int:
    """SQLite's ``data_version`` on this driver connection: a number that changes whenever another
    connection (of any process) commits a change, and only then; see :mod:`.watch`."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA data_version")
        return int(cursor.fetchone()[0])
    finally:
        cursor.close()



def page_geometry(conn: sa.Connection) -> tuple[int, int]:
    """SQLite's page size and page count (the file's expected size is their product)."""
    return (int(conn.exec_driver_sql("PRAGMA page_size").scalar_one()),
            int(conn.exec_driver_sql("PRAGMA page_count").scalar_one()))


def quick_check(conn: sa.Connection) -> list[str]:
    """SQLite's ``quick_check`` rows (``["ok"]`` when sound); see :mod:`.damage`."""
    return [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]


def lock_exclusively(dbapi_connection: Any) -> None:
    """Take an exclusive lock on the file, without waiting, kept until the connection closes (no other
    connection, of any process, may then use the database; one already open makes this fail with
    "database is locked"): see :func:`.backups.alone`."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout=0")
        cursor.execute("PRAGMA query_only=0")
        cursor.execute("PRAGMA locking_mode=EXCLUSIVE")
        cursor.execute("BEGIN EXCLUSIVE")
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cursor.execute("COMMIT")
    finally:
        cursor.close()
