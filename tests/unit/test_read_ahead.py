"""Batch screening's scan of the packed inputs reads the next range's pages ahead in a thread
(store/read_ahead.py): the scan gives the same rows, the thread visits each next range once, and
neither leaving the scan early nor a failing read-ahead leaves a thread behind or breaks the scan."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.services.profile import Profile
from advisor_app.store import household_inputs
from advisor_app.store.read_ahead import ReadAhead

BATCH = 8  # rowids per range: the demo's 60 households are 8 ranges


@pytest.fixture
def conn(demo_profile: Profile) -> Iterator[sa.Connection]:
    with demo_profile.engine.connect() as c:
        yield c


def traced(conn: sa.Connection) -> list[str]:
    """The statements run on the connection from now on (from any thread), with their values."""
    seen: list[str] = []
    conn.connection.driver_connection.set_trace_callback(seen.append)  # type: ignore[union-attr]
    return seen


def read_ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "advisor-read-ahead"]


def test_the_scan_gives_every_row_once_in_rowid_order(conn: sa.Connection) -> None:
    scanned = [row for part in household_inputs.iter_packed(conn, BATCH) for row in part]
    stored = conn.exec_driver_sql(
        f"SELECT {', '.join(household_inputs.COLUMNS)}, rowid FROM household_inputs ORDER BY rowid").fetchall()
    assert len(stored) == 60
    assert [tuple(r) for r in scanned] == [tuple(r) for r in stored]
    assert all(len(part) <= BATCH for part in household_inputs.iter_packed(conn, BATCH))


def test_each_next_range_is_read_ahead_once_while_the_caller_has_this_one(conn: sa.Connection) -> None:
    end = conn.exec_driver_sql("SELECT max(rowid) FROM household_inputs").scalar_one()
    seen = traced(conn)
    parts = household_inputs.iter_packed(conn, BATCH)
    next(parts)
    # while the caller holds the first batch, the second range is being (or has been) read ahead
    for t in read_ahead_threads():
        t.join()
    ahead = [s for s in seen if s.startswith("SELECT count(*) FROM household_inputs")]
    assert ahead == [f"SELECT count(*) FROM household_inputs WHERE rowid >= {BATCH} AND rowid < {2 * BATCH}"]
    list(parts)
    ahead = [s for s in seen if s.startswith("SELECT count(*) FROM household_inputs")]
    starts = list(range(BATCH, end + 1, BATCH))
    assert ahead == [f"SELECT count(*) FROM household_inputs WHERE rowid >= {s} AND rowid < {s + BATCH}"
                     for s in starts]
    assert not read_ahead_threads()


def test_leaving_the_scan_early_waits_for_the_read_ahead(conn: sa.Connection,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()
    release = threading.Event()
    original = ReadAhead._run

    def slow(self: ReadAhead, sql: str, parameters: tuple[Any, ...]) -> None:
        started.set()
        release.wait(5)
        original(self, sql, parameters)

    monkeypatch.setattr(ReadAhead, "_run", slow)
    parts = household_inputs.iter_packed(conn, BATCH)
    next(parts)
    assert started.wait(5)
    assert read_ahead_threads()
    threading.Timer(0.2, release.set).start()
    parts.close()  # a cancelled screening: the connection goes back to its owner only after the thread
    assert release.is_set()
    assert not read_ahead_threads()


def test_a_failing_read_ahead_leaves_the_scan_whole(conn: sa.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(household_inputs, "_VISIT", "SELECT count(*) FROM no_such_table WHERE ? < ?")
    raised: list[Any] = []
    monkeypatch.setattr(threading, "excepthook", raised.append)
    scanned = [row[0] for part in household_inputs.iter_packed(conn, BATCH) for row in part]
    assert len(scanned) == len(set(scanned)) == 60
    assert not raised
    assert not read_ahead_threads()
