"""Visit history and the needs list of a household: what was found on each visit, and what became
of each need.

* :func:`visit_history` — the household with its visits newest first and its needs list, for the
  走访记录 dialog (one read).
* :func:`change_need_status` — 待办 → 已转介 → 已满足 (or back), with the day and who; checked by
  :func:`advisor_app.domain.needs.check_status_change`, refused with :class:`InvalidRecord` and
  nothing written. Who did it defaults to the profile's advisor (setting
  :func:`.profile_settings.advisor_in`, when the profile has one).
* :func:`print_visit_record` / :func:`print_blank_visit_record` — the 走访记录表 of a past visit, or a
  blank one for the next visit with the household filled in.

A past visit is a record of what was seen and said on that day (the family may have signed the
printed form): it is shown read-only and not edited afterwards. What changes later is what became of
its needs, and that is recorded here as new facts (a status change with its day and who), not as
an edit of the visit. A change of status leaves the household's stored screening result current:
needs are not read by the eligibility checks (:mod:`advisor_app.rules.freshness`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from advisor_app.domain import needs as need_rules
from advisor_app.domain.household import Household, Visit
from advisor_app.domain.needs import NeedEntry, NeedStatusChange
from advisor_app.store import households as store
from advisor_app.store import needs as need_store

from . import audit, documents, profile_settings
from .profile import Profile

"""The profile's own advisor (顾问姓名), the default 经办人 of a status change; empty when unset."""

VISIT_RECORD = "visit-record"


@dataclass(slots=True)
class VisitHistory:
    """A household as the 走访记录 dialog shows it: the household (members, address …; its
    ``visits`` oldest first, as stored), the visits newest first, and its needs list."""

    household: Household
    visits: list[Visit] = field(default_factory=list)
    needs: list[NeedEntry] = field(default_factory=list)

    def needs_of(self, visit_id: str | None) -> list[NeedEntry]:
        return [n for n in self.needs if n.visit_id == visit_id]


def visit_history(profile: Profile, household_id: str) -> VisitHistory:
    """The household's visits, newest first (the same day: the later recorded first), and its needs."""
    with profile.session() as session:
        household = store.load_household(session, household_id)
        needs = need_store.household_needs(session, household_id)
    return VisitHistory(household, list(reversed(household.visits)), needs)


def household_needs(profile: Profile, household_id: str) -> list[NeedEntry]:
    """The needs of the household's visits, newest visit first, each with its status changes."""
    with profile.session() as session:
        store.load_household(session, household_id)  # NotFound for a household that is gone
        return need_store.household_needs(session, household_id)


def advisor_name(profile: Profile) -> str:
    """The profile's advisor name (empty when the profile has none)."""
    with profile.connection() as conn:
        return profile_settings.advisor_in(conn)


def change_need_status(profile: Profile, need_id: str, status: str, *, on: dt.date | None = None,
                       by: str | None = None, note: str = "") -> NeedStatusChange:
    """Change a need's status on ``on`` (default today) by ``by`` (default: the profile's advisor)."""
    on = on or dt.date.today()
    note = note.strip()
    with profile.session(write=True) as session:
        who = (by if by is not None else _advisor_in(session)).strip()
        entry = need_store.need_entry(session, need_id)
        need_rules.check_status_change(entry, status, on, who, note)
        change = need_store.change_status(session, need_id, status, on=on, by=who, note=note)
        audit.record(session, action="change", kind="need", record_id=need_id,
                     household_id=need_store.household_of(session, need_id), fields=("status",))
        return change


def _advisor_in(session: Session) -> str:
    return profile_settings.advisor_in(session.connection())


def print_visit_record(profile: Profile, household_id: str, visit_id: str, on: dt.date | None = None) -> bytes:
    """The 走访记录表 of one past visit (PDF bytes)."""
    return documents.render_form(profile, VISIT_RECORD, household_id, visit_id, on=on)


def print_blank_visit_record(profile: Profile, household_id: str, on: dt.date | None = None) -> bytes:
    """A 走访记录表 for the next visit: the household (head, address, members) filled in, the visit blank."""
    return documents.render_form(profile, VISIT_RECORD, household_id, on=on, blank=True)
