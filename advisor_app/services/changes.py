"""What a write changed, announced once, typed (in the manner of Anki's ``OpChanges``).

Every write the GUI runs says what it changed with a :class:`Changes`; the GUI emits it once, and each
screen decides from it whether it must refresh (the household list, an open editor, the eligibility
panel). A service that knows best what it changed may return one. Plain data: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Which households and which kinds of data a write changed.

    ``households``: ids of households created, edited or deleted (their facts or members);
    ``visits``: ids of households whose visits changed; ``all_households``: too many to name (demo data,
    an import), every household counts as changed; ``screening``: stored screening results;
    ``policy``: the policy tables; ``drafts``: autosaved drafts.
    """

    households: frozenset[str] = frozenset()
    visits: frozenset[str] = frozenset()
    all_households: bool = False
    screening: bool = False
    policy: bool = False
    drafts: bool = False

    @classmethod
    def of_households(cls, household_ids: Iterable[str | None]) -> Changes:
        """The facts of these households changed (``None`` ids, of nothing stored, are left out)."""
        return cls(households=frozenset(h for h in household_ids if h))

    @classmethod
    def of_visits(cls, household_ids: Iterable[str | None], *, drafts: bool = False) -> Changes:
        """The visits of these households changed (and their drafts, with ``drafts=True``)."""
        return cls(visits=frozenset(h for h in household_ids if h), drafts=drafts)

    def __or__(self, other: Changes) -> Changes:
        return Changes(households=self.households | other.households, visits=self.visits | other.visits,
                       all_households=self.all_households or other.all_households,
                       screening=self.screening or other.screening, policy=self.policy or other.policy,
                       drafts=self.drafts or other.drafts)

    def __bool__(self) -> bool:
        return bool(self.households or self.visits or self.all_households or self.screening or self.policy
                    or self.drafts)

    def household_changed(self, household_id: str | None) -> bool:
        """Whether the facts of this household (not only its visits) may have changed."""
        return household_id is not None and (self.all_households or household_id in self.households)

    def touches_household(self, household_id: str | None) -> bool:
        """Whether anything stored about this household (facts, members or visits) may have changed."""
        return self.household_changed(household_id) or (household_id is not None and household_id in self.visits)

    def households_listed(self) -> bool:
        """Whether which households exist, or what the list searches and sorts by, may have changed."""
        return self.all_households or bool(self.households)
