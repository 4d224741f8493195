"""services.batch.gc_paused: the collector is off inside and as before after; with ``keep_old`` the
objects made inside count as old ones, and garbage among them is still collected."""

from __future__ import annotations

import gc
import weakref

import pytest

from advisor_app.services.batch import gc_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.mark.parametrize("keep_old", [False, True])
def test_the_collector_is_paused_inside_and_back_after(keep_old: bool) -> None:
    assert gc.isenabled()
    with gc_paused(keep_old=keep_old):
        assert not gc.isenabled()
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        alive = weakref.ref(a)
        kept = [object() for _ in range(10_000)]
        del a, b
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing is left frozen
    if keep_old:
        assert gc.get_count()[0] < 1000  # the young generation does not hold what was made inside
    assert alive() is not None
    gc.collect()
    assert alive() is None
    assert len(kept) == 10_000
