"""名册差异: what a roster import found that differs from what the advisor recorded, listed for a
person to accept (the roster's value is written) or reject (the recorded value stays).

The shape is that of sync conflicts (a field, the value here, the other value, keep one), but these
are not sync's records: a roster is no peer and has no history, so they have their own table
(:mod:`advisor_app.store.roster_differences`). Accepting writes through the editor's save path
(:func:`.households.save_household_in`: the same validation, the audit entries of the change);
rejecting only records the answer, so the same roster imported again does not ask again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor_app.domain import roster_merge
from advisor_app.domain.errors import DomainError
from advisor_app.store import households as store
from advisor_app.store import roster_differences as difference_store

from .households import save_household_in
from .profile import Profile

ACCEPT, REJECT = "accept", "reject"


@dataclass(frozen=True, slots=True)
class DifferenceView:
    """One pending difference, in the advisor's words (and its plain values, for scripts)."""

    id: str
    household_id: str
    head_name: str
    village: str
    member_name: str  # "" for the household's own fields
    member_id_number: str
    field: str
    field_words: str
    existing_words: str  # 现有值
    roster_words: str  # 名册值
    existing: Any
    roster: Any
    source: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "household_id": self.household_id, "head_name": self.head_name,
                "village": self.village, "member": self.member_name, "member_id_number": self.member_id_number,
                "field": self.field, "existing": self.existing, "roster": self.roster, "source": self.source}


@dataclass(frozen=True, slots=True)
class Answered:
    household_id: str
    choice: str  # accept | reject


def list_differences(profile: Profile) -> list[DifferenceView]:
    """The pending differences, by village, head and household, in the order they were found."""
    with profile.session() as session:
        out = []
        for row, head, village in difference_store.pending(session):
            d = difference_store.difference_of(row)
            out.append(DifferenceView(row.id, row.household_id, head, village, row.member_name, row.member_id_number,
                                      row.field, roster_merge.field_words(row.field),
                                      roster_merge.value_words(row.field, d.existing),
                                      roster_merge.value_words(row.field, d.roster), d.existing, d.roster,
                                      row.source, row.created_at))
        return out


def pending_count(profile: Profile) -> int:
    with profile.session() as session:
        return difference_store.pending_count(session)


def accept(profile: Profile, difference_id: str) -> Answered:
    """Write the roster's value through the ordinary save (validation, audit); the difference is closed."""
    with profile.session(write=True) as session:
        row = difference_store.get_pending(session, difference_id)
        household = store.load_household(session, row.household_id, with_visits=False)
        try:
            roster_merge.apply(household, difference_store.difference_of(row))
        except LookupError:
            raise DomainError(f"“{row.member_name}”已经不在这一户了：这条名册差异无法接受，"
                              "可以选择“保留现有”") from None
        save_household_in(session, household, with_visits=False)
        difference_store.close(session, [row], difference_store.ACCEPTED)
        return Answered(row.household_id, ACCEPT)


def reject(profile: Profile, difference_id: str) -> Answered:
    """Keep the recorded value; the same roster value is not listed again."""
    with profile.session(write=True) as session:
        row = difference_store.get_pending(session, difference_id)
        difference_store.close(session, [row], difference_store.REJECTED)
        return Answered(row.household_id, REJECT)


__all__ = ["ACCEPT", "REJECT", "Answered", "DifferenceView", "accept", "list_differences", "pending_count", "reject"]
