"""下次核查 (a household's next review): the date agreed at a visit that is still to come.

A visit may agree the next one (``Visit.next_visit``, 约定下次走访); a visit that agrees nothing
leaves the date agreed earlier in force. The household's next review is the ``next_visit`` of the
latest visit that set one, unless a visit after that one took place on or after the agreed date:
then the agreement is fulfilled and no review is pending (``None``).

The household list computes the same rule in SQL (``store.household_list``) to sort 200,000
households; tests check the two against each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .household import Visit


def next_review(visits: Sequence[Visit]) -> dt.date | None:
    """The pending next review of a household whose ``visits`` are given in the order they took place
    (by date, then as recorded: the order ``Household.visits`` holds them in)."""
    for i in range(len(visits) - 1, -1, -1):
        agreed = visits[i].next_visit
        if agreed is not None:
            fulfilled = any(later.date >= agreed for later in visits[i + 1:])
            return None if fulfilled else agreed
    return None
