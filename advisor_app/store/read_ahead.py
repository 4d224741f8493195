"""Pages read ahead into a SQLite connection's page cache by a thread, while the caller works.

A page of an encrypted profile is decrypted when the connection first reads it (SQLCipher, in C);
read again, it comes from the connection's own page cache (``engine.ENCRYPTED_CACHE_KIB``). A
scan that reads a table range by range — batch screening reads ``household_inputs`` 5,000 rowids
at a time, then checks them in numpy — can have the next range's pages read by a thread while it
checks this one: the thread runs one statement that visits every row of the range without making
a Python value of any (``count(*)`` over a range of rowids), inside SQLite's step, where the driver
lets go of Python's lock; when the scan comes to the range, its pages are in the cache.

It uses the same connection: the page cache belongs to it. SQLite is built serialized (its own
mutex around each call on a connection) and the engine opens connections with
``check_same_thread`` off, so a statement of the caller waits for the thread's, and the other way
round. The thread only reads. Whatever goes wrong in it is dropped: the scan then reads the pages
itself, and meets any real error there. Nothing on that connection may call back into Python while
a read runs ahead (a progress handler such as ``engine.abandoned_when``'s, a trace): the thread would
wait for Python's lock inside SQLite's mutex while the caller, holding Python's lock, waits for the
mutex. Batch screening's write connection has none.
"""

from __future__ import annotations

import threading
from typing import Any

import sqlalchemy as sa


class ReadAhead:
    """At most one statement run ahead on ``conn``'s driver connection (see the module doc)."""

    def __init__(self, conn: sa.Connection) -> None:
        self._driver: Any = conn.connection.driver_connection
        self._thread: threading.Thread | None = None

    def start(self, sql: str, parameters: tuple[Any, ...]) -> None:
        """Run ``sql`` (a query giving one row) in a thread, after the one started before is done."""
        self.wait()
        self._thread = threading.Thread(target=self._run, args=(sql, parameters), name="advisor-read-ahead",
                                        daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the statement started last is done (at once when none is running)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self, sql: str, parameters: tuple[Any, ...]) -> None:
        try:
            self._driver.execute(sql, parameters).fetchone()
        except Exception:  # only a hint: the caller's own read meets any real error
            return


__all__ = ["ReadAhead"]
