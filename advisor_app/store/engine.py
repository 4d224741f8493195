"""The one place where a database engine is created.

Every connection gets foreign keys on, WAL journalling and ``synchronous=NORMAL`` (durable at each
checkpoint, safe against corruption on power loss). The database encryption planned for a later
release plugs in here and nowhere else.

Transactions: Python's sqlite3 module normally opens a transaction only before INSERT/UPDATE/DELETE,
so DDL (a migration, dropping an index for a bulk load) and reads would run outside it and could not
be rolled back. We switch that off and emit BEGIN ourselves when SQLAlchemy begins a transaction,
so everything inside ``with engine.begin()`` is atomic, schema changes included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver: see the module doc
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine(path: Path) -> sa.Engine:
    """An engine over the SQLite file at ``path`` (created if missing)."""
    engine = sa.create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
