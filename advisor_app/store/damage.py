"""A damaged SQLite file, found at open: the cheap checks, SQLite's quick check, and telling a
damaged page from other database errors.

Measured on the encrypted 100,000-household demo profile (242 MB): ``PRAGMA quick_check`` takes
1.2–1.3 s, ``integrity_check`` 17 s, a backup (``VACUUM INTO``) 2.5 s. The quick check at every open
would cost the start-up target, so a file larger than :data:`QUICK_CHECK_MAX_BYTES` gets only the
cheap checks at open (size against page count: truncation; the schema readable; the first page's
SQLCipher checksum, which the connection itself checks) and the full quick check once a day, before
the daily backup. An advisor's own profile (a few thousand households, a few MB) is far below the
limit: quick-checked at every open, in milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from .engine import file_path, is_sqlite, page_geometry, quick_check

_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database disk image is malformed" or "file is not a database"
    (a damaged page, or one whose SQLCipher checksum fails)."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


QUICK_CHECK_MAX_BYTES = 48 * 1024 * 1024
"""Files up to this size get SQLite's ``quick_check`` at every open (about 5 ms per MB encrypted:
0.25 s here); larger ones only the cheap checks of :func:`open_problems` (the full quick check runs
once a day, before the daily backup: :func:`quick_check_problems`)."""


def open_problems(engine: sa.Engine) -> list[str]:
    """What is wrong with the SQLite file behind ``engine``, found cheaply at open ([] = nothing):
    a file whose size is not a whole number of pages, or shorter than its page count (truncated),
    the schema unreadable, and for a file up to :data:`QUICK_CHECK_MAX_BYTES` SQLite's quick check
    (every page and index of the b-trees, not the contents of each row). PostgreSQL: []."""
    path = file_path(engine)
    if path is None:
        return []
    try:
        size = path.stat().st_size
        wal = Path(f"{path}-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
        with engine.connect() as conn:
            page_size, pages = page_geometry(conn)
            if size % page_size or (not wal_size and size < pages * page_size):
                return [f"文件不完整：应有 {pages * page_size} 字节，只有 {size} 字节（被截断）"]
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            if size > QUICK_CHECK_MAX_BYTES:
                return []
            rows = quick_check(conn)
    except sa.exc.DatabaseError as exc:
        return [str(exc.orig).strip()]
    except OSError as exc:
        return [exc.strerror or str(exc)]
    return [] if rows == ["ok"] else rows


def quick_check_problems(engine: sa.Engine) -> list[str]:
    """SQLite's ``quick_check`` whatever the size ([] = sound; PostgreSQL: [])."""
    if not is_sqlite(engine):
        return []
    try:
        with engine.connect() as conn:
            rows = quick_check(conn)
    except sa.exc.DatabaseError as exc:
        return [str(exc.orig).strip()]
    return [] if rows == ["ok"] else rows
