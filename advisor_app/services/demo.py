"""Filling a profile with synthetic demo households, and resetting the demo.

Demo households go only into a demo profile (:mod:`.profile_settings`): :func:`fill_demo` refuses
the advisor's own profile (:class:`~.profile_settings.ProfileKindError`) and marks any other profile
as a demo. :func:`reset_demo` removes every household of a demo profile and generates them again
(the same count and seed as the last fill, unless told otherwise), in one transaction.

Large fills may generate households in worker processes (each part of the data has its own seed and
its own class of ID sequence numbers, so the result is the same however many processes run) while
this process inserts them, all in one transaction: a cancel leaves the profile as it was. Only a
caller that asks gets them (``processes=AUTO`` or a number: the command line and the desktop app,
whose entry points have the ``__main__`` guard that spawned workers need); a script calling
:func:`fill_demo` gets one process, so that an unguarded script cannot start workers that start
workers again.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Callable, Iterable

import sqlalchemy as sa

from advisor_app.demo.generator import PARTS, DemoGenerator
from advisor_app.demo.places import REGIONS
from advisor_app.domain.errors import Cancelled
from advisor_app.store import purge
from advisor_app.store.bulk import TableRows, bulk_load, household_rows, insert_rows
from advisor_app.store.settings import get_setting, set_setting

from . import profile_settings
from .batch import gc_paused
from .profile import Profile

Progress = Callable[[int, int], bool]
"""Called with (done, total); return False to cancel: nothing is kept then."""

PARALLEL_FROM = 20_000  # below this, starting worker processes costs more than it saves
AUTO = 0  # ``processes=AUTO``: two worker processes from PARALLEL_FROM households on, else none
DEFAULT_HOUSEHOLDS = 200  # what a new demo profile is filled with
SETTING_HOUSEHOLDS = "demo.households"
SETTING_SEED = "demo.seed"


def _generate_part(spec: tuple[int, int, int]) -> tuple[int, list[TableRows]]:
    seed, part, count = spec
    with gc_paused():
        households = list(DemoGenerator(seed, part=part).households(count))
        return count, household_rows(households)


def _parts(households: int, seed: int) -> list[tuple[int, int, int]]:
    size = max(5000, math.ceil(households / PARTS))
    return [(seed, i, min(size, households - start)) for i, start in enumerate(range(0, households, size))]


def fill_demo(profile: Profile, households: int, *, seed: int = 1, progress: Progress | None = None,
              processes: int = 1) -> int:
    """Generate and insert ``households`` demo households; returns how many were inserted.

    Refused (nothing written) on the advisor's own profile."""
    with profile.connection(write=True) as conn:
        profile_settings.mark_demo(conn)  # refuses first, before any worker starts
        return _fill(conn, households, seed, progress, processes)


def is_empty_demo(profile: Profile) -> bool:
    """A demo profile without households yet (new, or just chosen on the first start): one cheap query."""
    with profile.connection() as conn:
        return profile_settings.read_info(conn).is_demo and purge.live_household_count(conn) == 0


def reset_demo(profile: Profile, households: int | None = None, *, seed: int | None = None,
               progress: Progress | None = None, processes: int = 1) -> int:
    """Remove every household of the demo profile and generate them anew (all or nothing: a cancel
    leaves the demo as it was); returns how many there are now. Refused on the advisor's own profile."""
    with profile.connection(write=True) as conn:
        profile_settings.require_demo(conn)
        count = (households if households is not None else _stored_int(conn, SETTING_HOUSEHOLDS)
                 or purge.live_household_count(conn) or DEFAULT_HOUSEHOLDS)
        seed = seed if seed is not None else _stored_int(conn, SETTING_SEED) or profile_settings.LEGACY_SEED
        profile_settings.mark_demo(conn)
        purge.remove_all_households(conn)
        return _fill(conn, count, seed, progress, processes)


def _stored_int(conn: sa.Connection, key: str) -> int | None:
    value = get_setting(conn, key)
    return int(value) if value is not None and value.isdigit() else None


def _fill(conn: sa.Connection, households: int, seed: int, progress: Progress | None,
          processes: int) -> int:
    specs = _parts(households, seed)
    if processes == AUTO:
        processes = min(2, os.cpu_count() or 1) if households >= PARALLEL_FROM else 1
    done = 0
    with contextlib.ExitStack() as stack:
        results: Iterable[tuple[int, list[TableRows]]]
        if processes > 1:
            pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(processes))
            results = pool.imap(_generate_part, specs)
        else:
            results = map(_generate_part, specs)
        stack.enter_context(bulk_load(conn))
        stack.enter_context(gc_paused())
        for count, rows in results:
            insert_rows(conn, rows)
            done += count
            if progress is not None and not progress(done, households):
                raise Cancelled()  # rolls the whole transaction back
    total = purge.live_household_count(conn)
    set_setting(conn, SETTING_HOUSEHOLDS, str(total))
    set_setting(conn, SETTING_SEED, str(seed))
    return done


def demo_regions() -> list[tuple[str, str]]:
    """(code, name) of the counties and districts the demo households live in, by code (what a region
    picker can offer when the policy tables cannot be read)."""
    return [(code, city + county) for code, (city, county, _share) in sorted(REGIONS.items())]
