"""Household use cases: import, export, list, load, save, delete, archive and restore.

Every save goes through :mod:`advisor_app.domain.validation` first: a household or visit with a
problem is refused with :class:`InvalidRecord` (each problem names the member and the field) and
nothing is written. A member whose ID number is already in another live household is refused with
:class:`PersonInAnotherHousehold`, which names that household (a person belongs to one household).

Archiving (归档) takes a household out of every list, search, count, screening, notice and ledger
while keeping it in the database (see :mod:`advisor_app.store.archive`), with the reason
(``vocab.ARCHIVE_REASONS``), the day and the advisor. Its members count as registered nowhere, so
they can be registered again; restoring is refused while one of them is in another live household.

The household file format is imported by the functions that read or write files: listing households
does not load it (the start-up cost of ``advisor-app household list``, docs/startup.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from advisor_app.domain import validation, vocab
from advisor_app.domain.errors import DomainError, NotFound, PersonInAnotherHousehold, Problem
from advisor_app.domain.household import Household, Visit
from advisor_app.store import archive as archive_store
from advisor_app.store import households as store
from advisor_app.store import people
from advisor_app.store.archive import ArchivedHousehold as ArchivedHousehold  # re-exported for the GUI
from advisor_app.store.households import HouseholdSummary

from . import audit, backups, profile_settings
from .household_files import read_document as read_document  # re-exported: read, then saved
from .household_files import read_document_with_notes as read_document_with_notes
from .profile import Profile


def import_household(profile: Profile, path: str | Path) -> Household:
    """Create the household in the file, or update the one whose ``id`` it carries."""
    return import_household_with_notes(profile, path)[0]


def import_household_with_notes(profile: Profile, path: str | Path) -> tuple[Household, list[str]]:
    """:func:`import_household`, and the notes :func:`read_document_with_notes` gives."""
    household, notes = read_document_with_notes(path)
    return save_household(profile, household, imported=True), notes


def save_household(profile: Profile, household: Household, *, with_visits: bool = True,
                   imported: bool = False) -> Household:
    """Create or update ``household`` (tidied in place first: no surrounding spaces, capital X).

    Refused, with nothing written, when it breaks a rule (:class:`InvalidRecord`) or a member is
    already in another live household (:class:`PersonInAnotherHousehold`). ``with_visits=False``
    leaves the stored visits alone, and does not check the visits it carries either.
    ``imported=True``: it came from a household file (the audit log says ``import``); a backup
    (``before-import``) is made first.
    """
    validation.tidy(household)
    validation.check_household(household, with_visits=with_visits)
    if imported:
        profile.refuse_writes()  # a read-only or damaged profile: refused before a copy is made
        backups.backup_before(profile, "import")
    with profile.session(write=True) as session:
        return save_household_in(session, household, with_visits=with_visits, imported=imported, checked=True)


def save_household_in(session: Session, household: Household, *, with_visits: bool = True,
                      imported: bool = False, checked: bool = False) -> Household:
    """:func:`save_household` in the session's transaction (a service that writes more with it: an
    accepted roster difference). ``checked``: tidied and checked already."""
    if not checked:
        validation.tidy(household)
        validation.check_household(household, with_visits=with_visits)
    refuse_people_elsewhere(session, household)
    before = _stored(session, household.id, with_visits=with_visits)
    saved = store.save_household(session, household, with_visits=with_visits)
    audit.record_household_save(session, before, saved, with_visits=with_visits, imported=imported)
    return saved


def _stored(session: Session, household_id: str | None, *, with_visits: bool) -> Household | None:
    """The live household as stored (None: new, or deleted), for the audit log's comparison."""
    if not household_id:
        return None
    try:
        return store.load_household(session, household_id, with_visits=with_visits)
    except NotFound:
        return None


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
    with profile.session(write=True) as session:
        return save_visit_in(session, household_id, visit)


def save_visit_in(session: Session, household_id: str, visit: Visit) -> Visit:
    """Store one (checked) visit in the session's transaction, with its audit entries."""
    before = next((v for v in store.load_visits(session, household_id) if visit.id and v.id == visit.id), None)
    saved = store.save_visit(session, household_id, visit)
    audit.record_visit_save(session, household_id, before, saved)
    return saved


def load_household(profile: Profile, household_id: str) -> Household:
    with profile.session() as session:
        return store.load_household(session, household_id)


def export_household(profile: Profile, household_id: str) -> str:
    """The household as ``advisor-household/2`` JSON text; the audit log records the export."""
    from advisor_app.domain import interchange

    with profile.session(write=True) as session:
        household = store.load_household(session, household_id)
        audit.record(session, action="export", kind="household", record_id=household_id,
                     household_id=household_id)
    return interchange.household_to_json(household)


def list_households(profile: Profile, *, village: str | None = None, name: str | None = None,
                    limit: int | None = None) -> list[HouseholdSummary]:
    with profile.session() as session:
        return store.list_households(session, village=village, name=name, limit=limit)


def delete_household(profile: Profile, household_id: str) -> None:
    with profile.session(write=True) as session:
        store.delete_household(session, household_id)
        audit.record(session, action="delete", kind="household", record_id=household_id,
                     household_id=household_id)


def count_households(profile: Profile) -> int:
    with profile.session() as session:
        return store.count_households(session)


# --- archiving (归档) -------------------------------------------------------------------------------

def archive_reason_problem(reason: str | None, note: str = "") -> str | None:
    """What is wrong with this archive reason (None when it will do): a code of
    ``vocab.ARCHIVE_REASONS``, and for 其他 the reason in words."""
    if not reason:
        return "请选择归档原因（迁出、重复登记、死亡或其他）"
    if reason not in vocab.ARCHIVE_REASONS:
        codes = "、".join(f"{code}（{label}）" for code, label in vocab.ARCHIVE_REASONS.items())
        return f"没有“{reason}”这种归档原因，可选：{codes}"
    if reason == "other" and not note.strip():
        return "归档原因选“其他”时，请写明是什么原因"
    return None


def archive_household(profile: Profile, household_id: str, reason: str, note: str = "", *,
                      by: str | None = None, on: dt.date | None = None) -> None:
    """Archive the household (why: ``reason``, a ``vocab.ARCHIVE_REASONS`` code, and ``note``; who:
    ``by``, the profile's advisor unless given; when: ``on``, today unless given). Refused with a
    plain message when the reason will not do, or there is no such live household."""
    problem = archive_reason_problem(reason, note)
    if problem:
        raise DomainError(problem)
    with profile.session(write=True) as session:
        who = by if by is not None else profile_settings.advisor_in(session.connection())
        archive_store.archive_household(session, household_id, reason=reason, note=note.strip(),
                                        on=on or dt.date.today(), by=who.strip())
        audit.record(session, action="archive", kind="household", record_id=household_id,
                     household_id=household_id, detail=reason)  # the reason's code, not its note


def restore_household(profile: Profile, household_id: str) -> None:
    """Make an archived household live again, with the members, visits and needs archived with it.

    Refused (:class:`PersonInAnotherHousehold`, nothing written) when one of those members is now
    in another live household: a person belongs to one household."""
    with profile.session(write=True) as session:
        members = archive_store.archived_members(session, household_id)
        found = people.registrations(session, (m.id_number for m in members), other_than=household_id)
        if found:
            first: dict[str, people.Registration] = {}
            for one in found:
                first.setdefault(one.id_number, one)
            problems = [_restore_blocked(i, m.name, r) for i, m in enumerate(members)
                        if (r := first.get(m.id_number)) is not None]
            raise PersonInAnotherHousehold(problems)
        archive_store.restore_household(session, household_id)
        audit.record(session, action="restore", kind="household", record_id=household_id,
                     household_id=household_id)


def _restore_blocked(index: int, name: str, r: people.Registration) -> Problem:
    where = f"户主“{r.head_name or '—'}”" + (f"，{r.village}" if r.village else "")
    return Problem(("members", index, "id_number"),
                   f"无法恢复：{name or '一位成员'}现在登记在另一户家庭（{where}）。一个人只能属于一户家庭，"
                   "请先到那一户核实并移出此人，再恢复这户", r.household_id)


def archived_households(profile: Profile, text: str = "") -> list[ArchivedHousehold]:
    """The archived households (most recent first), or those whose head, village or town has ``text``."""
    with profile.session() as session:
        return archive_store.list_archived(session, text.strip())
