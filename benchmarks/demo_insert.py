"""Demo generation + insert of 100,000 households (≈ 280,000 members) into a new profile.

Target: ≤ 15 s on a 2-core machine. Prints the median of the runs (default 3; BENCH_RUNS to change)
and, for scale, how long SQLite itself takes to insert 100,000 plain rows.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from advisor_app.services.demo import fill_demo
from advisor_app.services.profile import open_profile

HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def plain_sqlite(folder: Path) -> float:
    con = sqlite3.connect(folder / "plain.sqlite")
    con.execute("create table t (id text primary key, a text, b integer)")
    rows = [(f"{i:032x}", "x" * 20, i) for i in range(100_000)]
    start = time.perf_counter()
    with con:
        con.executemany("insert into t values (?, ?, ?)", rows)
    con.close()
    return time.perf_counter() - start


def one_run(folder: Path) -> tuple[float, int]:
    start = time.perf_counter()
    profile = open_profile(folder)
    fill_demo(profile, HOUSEHOLDS, seed=1)
    elapsed = time.perf_counter() - start
    with profile.connection() as conn:
        members = conn.exec_driver_sql("select count(*) from members").scalar() or 0
    profile.close()
    return elapsed, members


def main() -> None:
    times = []
    members = 0
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            elapsed, members = one_run(Path(tmp))
            times.append(elapsed)
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_sqlite(Path(tmp))
    print(f"demo_generate_insert_{HOUSEHOLDS}_households: {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}; {members} members)")
    print(f"sqlite_plain_insert_100000_rows: {plain:.2f} s")


if __name__ == "__main__":
    main()
