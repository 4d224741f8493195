"""Noticing that the database changed, cheaply enough to ask every second.

The household list must show what another program wrote (the CLI, a bundle import in another
window). :class:`ChangeWatch` keeps one connection of the engine's pool for itself and asks SQLite's
``data_version`` on it (:func:`.engine.data_version`): a few microseconds, no lock, no read of the
tables. Its value changes when any other connection commits a change — another process, or another
connection of this one: the app's own writes are seen too (the screens have already refreshed for
those; one more refresh costs one list query).

PostgreSQL has no such counter: :meth:`ChangeWatch.changed` is always False there (the office hub's
list refreshes after its own writes only).
"""

from __future__ import annotations

import threading
from typing import Any

import sqlalchemy as sa

from . import engine as store_engine


class ChangeWatch:
    """``changed()`` is True when the database changed since the previous call (the first call only
    takes note). Thread-safe; :meth:`close` gives the connection back."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._raw: Any = None
        self._seen: int | None = None
        self._lock = threading.Lock()
        self._closed = False

    def changed(self) -> bool:
        if not store_engine.is_sqlite(self._engine):
            return False
        with self._lock:
            if self._closed:
                return False
            if self._raw is None:
                self._raw = self._engine.raw_connection()
            now = store_engine.data_version(self._raw.driver_connection)
            before, self._seen = self._seen, now
            return before is not None and before != now

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._raw is not None:
                self._raw.close()
                self._raw = None
