"""Filling a profile with synthetic demo households.

Large fills generate households in worker processes (each part of the data has its own seed and its
own class of ID sequence numbers, so the result is the same however many processes run) while this
process inserts them, all in one transaction: a cancel leaves the profile as it was.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Callable, Iterable

from advisor_app.demo.generator import PARTS, DemoGenerator
from advisor_app.demo.places import REGIONS
from advisor_app.domain.errors import Cancelled
from advisor_app.store.bulk import TableRows, bulk_load, household_rows, insert_rows
from advisor_app.store.settings import set_setting

from .batch import gc_paused
from .profile import Profile

Progress = Callable[[int, int], bool]
"""Called with (done, total); return False to cancel: nothing is kept then."""

PARALLEL_FROM = 20_000  # below this, starting worker processes costs more than it saves


def _generate_part(spec: tuple[int, int, int]) -> tuple[int, list[TableRows]]:
    seed, part, count = spec
    with gc_paused():
        households = list(DemoGenerator(seed, part=part).households(count))
        return count, household_rows(households)


def _parts(households: int, seed: int) -> list[tuple[int, int, int]]:
    size = max(5000, math.ceil(households / PARTS))
    return [(seed, i, min(size, households - start)) for i, start in enumerate(range(0, households, size))]


def fill_demo(profile: Profile, households: int, *, seed: int = 1, progress: Progress | None = None,
              processes: int | None = None) -> int:
    """Generate and insert ``households`` demo households; returns how many were inserted."""
    specs = _parts(households, seed)
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if households >= PARALLEL_FROM else 1
    done = 0
    with contextlib.ExitStack() as stack:
        results: Iterable[tuple[int, list[TableRows]]]
        if processes > 1:
            pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(processes))
            results = pool.imap(_generate_part, specs)
        else:
            results = map(_generate_part, specs)
        conn = stack.enter_context(profile.connection())
        stack.enter_context(bulk_load(conn))
        stack.enter_context(gc_paused())
        for count, rows in results:
            insert_rows(conn, rows)
            done += count
            if progress is not None and not progress(done, households):
                raise Cancelled()  # rolls the whole transaction back
        set_setting(conn, "profile.demo", "true")
    return done


def demo_regions() -> list[tuple[str, str]]:
    """(code, name) of the counties and districts the demo households live in, by code (what a region
    picker can offer when the policy tables cannot be read)."""
    return [(code, city + county) for code, (city, county, _share) in sorted(REGIONS.items())]
