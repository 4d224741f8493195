"""Household use cases: import, export, list, load, save, delete."""

from __future__ import annotations

from pathlib import Path

from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household, Visit
from advisor_app.store import households as store
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
    with profile.session() as session:
        return store.save_household(session, household, with_visits=with_visits)


def save_visit(profile: Profile, household_id: str, visit: Visit) -> Visit:
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
