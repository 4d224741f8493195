"""Helpers for jobs over many records (demo data, batch screening)."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import sys
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def gc_paused(*, keep_old: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects that form no cycles.

    Generating 100,000 households or checking 140,000 allocates millions of short-lived objects; the
    collector's repeated scans of the live ones cost a quarter to a third of the time and free nothing.

    ``keep_old``: the objects still alive at the end (a bundle's payload, handed back) are counted
    as old ones at once (``gc.freeze`` then ``gc.unfreeze``: two list moves) instead of being scanned
    by the young generation's first collection after the pause, which followed every object of the
    payload (a quarter of a second for 10,000 households) and freed nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep_old:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


# glibc's mallopt parameters and the defaults its manual gives
_TRIM_THRESHOLD, _TOP_PAD, _MMAP_THRESHOLD = -1, -2, -3
_DEFAULT = 128 * 1024


@functools.cache
def _glibc() -> Any:
    """The C library when it is glibc (Linux), else ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


@contextlib.contextmanager
def memory_kept() -> Iterator[None]:
    """Keep the memory a batch job frees for its next batch (glibc), and give it back at the end.

    Each batch of a screening allocates the same large arrays and frees them again. glibc's
    allocator hands a freed large block (over 128 KiB at first) back to the system and, when the
    top of its heap is free, trims it; the next batch then asks for the memory again and the system
    clears every page of it on first touch. At 140,000 households that churn was 0.1 s of a 1.1 s
    first screening (later runs in the process did not pay it: glibc raises its thresholds as it
    goes). During the job large blocks come from the heap and free memory at its top is kept; at the
    end the thresholds are set back to glibc's defaults and what is free is given back
    (``malloc_trim``). Elsewhere (Windows, macOS) this does nothing.
    """
    libc = _glibc()
    if libc is None:
        yield
        return
    libc.mallopt(_MMAP_THRESHOLD, 32 * 1024 * 1024)  # (glibc's own upper bound of the threshold)
    libc.mallopt(_TRIM_THRESHOLD, 1024 * 1024 * 1024)
    libc.mallopt(_TOP_PAD, 64 * 1024 * 1024)
    try:
        yield
    finally:
        for parameter in (_MMAP_THRESHOLD, _TRIM_THRESHOLD, _TOP_PAD):
            libc.mallopt(parameter, _DEFAULT)
        libc.malloc_trim(0)
