"""Household use cases: import, export, list, load, save, delete.

Every save goes through :mod:`advisor_app.domain.validation` first: a household or visit with a
problem is refused with :class:`InvalidRecord` (each problem names the member and the field) and
nothing is written. A member whose ID number is already in another live household is refused with
:class:`PersonInAnotherHousehold`, which names that household (a person belongs to one household).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from advisor_app.domain import interchange, validation
from advisor_app.domain.errors import DomainError, PersonInAnotherHousehold
from advisor_app.domain.household import Household, Visit
from advisor_app.store import households as store
from advisor_app.store import people
from advisor_app.store.households import HouseholdSummary

from .profile import Profile


def read_document(path: str | Path) -> Household:
    """Parse and validate an ``advisor-household/1`` file (or ``-`` for standard input)."""
    try:
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(f"无法读取文件：{exc.strerror}", where=str(path)) from None
    return interchange.household_from_json(data)


def import_household(profile: Profile, path: str | Path) -> Household:
    """Create the household in the file, or update the one whose ``id`` it carries."""
    household = read_document(path)
    return save_household(profile, household)


def save_household(profile: Profile, household: Household, *, with_visits: bool = True) -> Household:
    """Create or update ``household`` (tidied in place first: no surrounding spaces, capital X).

    Refused, with nothing written, when it breaks a rule (:class:`InvalidRecord`) or a member is
    already in another live household (:class:`PersonInAnotherHousehold`). ``with_visits=False``
    leaves the stored visits alone, and does not check the visits it carries either.
    """
    validation.tidy(household)
    validation.check_household(household, with_visits=with_visits)
    with profile.session() as session:
        refuse_people_elsewhere(session, household)
        return store.save_household(session, household, with_visits=with_visits)


def refuse_people_elsewhere(session: Session, household: Household) -> None:
    """Raise :class:`PersonInAnotherHousehold` when a member is already in another live household."""
    found = people.registrations(session, (m.id_number for m in household.members), other_than=household.id)
    if not found:
        return
    first: dict[str, people.Registration] = {}
    for found_one in found:
        first.setdefault(found_one.id_number, found_one)
    problems = [validation.registered_elsewhere(i, m, r.household_id, r.head_name, r.village)
                for i, m in enumerate(household.members) if (r := first.get(m.id_number)) is not None]
    raise PersonInAnotherHousehold(problems)


def save_visit(profile: Profile, household_id: str, visit: Visit) -> Visit:
    """Create or update one visit of a stored household; refused (:class:`InvalidRecord`) when it
    breaks a rule (入户调查 with fewer than two investigators, next visit before the visit …)."""
    validation.tidy_visit(visit)
    validation.check_visit(visit)
    with profile.session() as session:
        return store.save_visit(session, household_id, visit)


def load_household(profile: Profile, household_id: str) -> Household:
    with profile.session() as session:
        return store.load_household(session, household_id)


def export_household(profile: Profile, household_id: str) -> str:
    return interchange.household_to_json(load_household(profile, household_id))


def list_households(profile: Profile, *, village: str | None = None, name: str | None = None,
                    limit: int | None = None) -> list[HouseholdSummary]:
    with profile.session() as session:
        return store.list_households(session, village=village, name=name, limit=limit)


def delete_household(profile: Profile, household_id: str) -> None:
    with profile.session() as session:
        store.delete_household(session, household_id)


def count_households(profile: Profile) -> int:
    with profile.session() as session:
        return store.count_households(session)
