"""A damaged SQLite file, found at open: the cheap checks, SQLite's quick check, and telling a
damaged page from other database errors.

Measured on the encrypted 100,000-household demo profile (242 MB): ``PRAGMA quick_check`` takes
1.2–1.3 s, ``integrity_check`` 17 s, a backup (``VACUUM INTO``) 2.5 s. The quick check at every open
would cost the start-up target, so a file larger than :data:`QUICK_CHECK_MAX_BYTES` gets only the
cheap checks at open (size against page count: truncation; the schema readable; the first page's
SQLCipher checksum, which the connection itself checks) and the full quick check once a day, before
the daily backup. An advisor's own profile (a few thousand households, a few MB) is far below the
limit: quick-checked at open — 0.06–0.07 s for 5,000 households (18 MB), a tenth of a command's
start-up budget, so not again while the file has not changed since the last check that passed:

**Checked once per change, and once a day.** After a quick check at open finds nothing, a record
of the file as it was then (inode, size, modification and change times, of the database and of its
WAL unless it is empty) and the day is written beside it (``advisor.sqlite.checked``, :func:`record_path`). An open
that finds the same file on the same day skips the quick check; the cheap checks still run. Any
write, by this program or another, a copy or restore over it, a truncation, changes what is
recorded (the change time cannot be set back by any tool), so the next open checks again, and a
new day checks again whatever the file. Only encrypted files skip: every page SQLCipher reads is
authenticated (HMAC-SHA512), so a page damaged without the file being written — the disk's own
decay — is still refused the moment anything reads it, and a plaintext file keeps its check at
every open. A file modified within :data:`SETTLE_SECONDS` of the check is not recorded (a write in
the same tick of the file system's clock could leave the times unchanged: the "racily clean" file
that git also guards against). The daily backup runs its own quick check before copying, whatever
this record says.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import sqlalchemy as sa

from .engine import file_path, is_encrypted, is_sqlite, page_geometry, quick_check

SETTLE_SECONDS = 2.0
"""A file modified this recently when it is checked gets no record (some file systems keep times to
the second or two; most to a clock tick of a few milliseconds)."""


def _now() -> float:
    return time.time()  # tests move the clock through this


def record_path(path: Path) -> Path:
    """The record of the last quick check that found ``path`` sound."""
    return path.with_name(path.name + ".checked")


def _state(path: Path) -> tuple[str, float] | None:
    """What identifies the file's contents without reading them, and when it last changed; None when
    it cannot be read."""
    parts, latest = [], 0.0
    for p in (path, Path(f"{path}-wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        except OSError:
            return None
        if p != path and st.st_size == 0:  # an empty WAL (made anew by each connection) holds nothing
            parts.append("-")
            continue
        parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
        latest = max(latest, st.st_mtime, st.st_ctime)
    return " ".join(parts), latest


def _today() -> str:
    return dt.date.fromtimestamp(_now()).isoformat()


def _recorded(path: Path, state: str) -> bool:
    try:
        return record_path(path).read_text(encoding="ascii") == f"{_today()} {state}"
    except (OSError, UnicodeDecodeError):
        return False


def _record(path: Path, state: str | None) -> None:
    """Write (``state``) or remove (None) the record; a record that cannot be written is no record."""
    target = record_path(path)
    try:
        if state is None:
            target.unlink(missing_ok=True)
            return
        staged = target.with_name(target.name + ".new")
        staged.write_text(f"{_today()} {state}", encoding="ascii")
        os.replace(staged, target)
    except OSError:
        pass

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


def open_problems(engine: sa.Engine, *, remember: bool = True) -> list[str]:
    """What is wrong with the SQLite file behind ``engine``, found cheaply at open ([] = nothing):
    a file whose size is not a whole number of pages, or shorter than its page count (truncated),
    the schema unreadable, and for a file up to :data:`QUICK_CHECK_MAX_BYTES` SQLite's quick check
    (every page and index of the b-trees, not the contents of each row) — unless the file is
    encrypted and unchanged since a check that passed today (see the module doc). ``remember``:
    write that record after a check that passes (not for a folder opened read-only). PostgreSQL: []."""
    path = file_path(engine)
    if path is None:
        return []
    found = _state(path) if is_encrypted(engine) else None
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
            if found is not None and _recorded(path, found[0]):
                return []
            rows = quick_check(conn)
    except sa.exc.DatabaseError as exc:
        if remember:
            _record(path, None)
        return [str(exc.orig).strip()]
    except OSError as exc:
        return [exc.strerror or str(exc)]
    if rows != ["ok"]:
        if remember:
            _record(path, None)
        return rows
    if remember and found is not None and _now() - found[1] >= SETTLE_SECONDS:
        _record(path, found[0])
    return []


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
