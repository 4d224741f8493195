"""Policy tables: load time of the shipped tables and lookup speed (medians of several runs)."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from advisor_app.rules.policy import PolicyTables


def median_seconds(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    load = median_seconds(PolicyTables.load, 15)
    print(f"policy_load_shipped: {load * 1000:.2f} ms")
    tables = PolicyTables.load()
    regions = [code for code, _ in tables.regions()] + ["340803", "341802"]
    on = dt.date(2024, 3, 1)
    n = 20_000

    def lookups() -> None:
        for i in range(n):
            tables.lookup(regions[i % len(regions)], "dibao_standard", on, "rural" if i % 2 else "urban")

    per = median_seconds(lookups, 5) / n
    print(f"policy_lookup: {per * 1e6:.2f} us")

    def in_force() -> None:
        for i in range(1000):
            tables.values_in_force(regions[i % len(regions)], on, "urban")

    print(f"policy_values_in_force: {median_seconds(in_force, 5) / 1000 * 1e6:.1f} us")


if __name__ == "__main__":
    main()
