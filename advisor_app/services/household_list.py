"""The household list screen's use cases: search, sort and page through households.

``ids(profile, text, sort)`` gives the ordered ids of the matching households (the list model keeps
only these); ``rows(profile, ids)`` the columns for one page of them; ``count`` and ``page`` serve
scripts and reports. See :mod:`advisor_app.store.household_list` for the search syntax.
``watch_changes(profile)`` tells the list when another program changed the database
(:mod:`advisor_app.store.watch`), so it can refresh without a click.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from advisor_app.domain import vocab
from advisor_app.domain.idcard import mask
from advisor_app.rules.results import PROTECTION_ORDER
from advisor_app.store import household_list as store
from advisor_app.store.engine import Abandoned, abandoned_when
from advisor_app.store.sync_marks import NOTHING as NOTHING  # the values of HouseholdListRow.mark
from advisor_app.store.sync_marks import UNCONFIRMED as UNCONFIRMED
from advisor_app.store.sync_marks import UNSENT as UNSENT
from advisor_app.store.watch import ChangeWatch

from . import profile_settings
from .eligibility import ResultFreshness, result_freshness
from .profile import Profile

SORT_KEYS = store.SORT_KEYS
DEFAULT_SORT = store.DEFAULT_SORT

# Short Chinese labels for the "current status" (当前状态) column: the eligible programmes of a current
# stored screening result (rules.freshness), most protective first (rules.results.PROTECTION_ORDER).
# Both languages: domain.vocab, vocabulary "program_short".
STATUS_LABELS: dict[str, str] = {str(k): v for k, v in vocab.labels("program_short").items()}


@dataclass(frozen=True, slots=True)
class HouseholdListRow:
    id: str
    head_name: str
    head_id_number: str
    village: str
    town: str
    member_count: int
    status: str  # "低保、边缘", "" when not screened or nothing eligible (Chinese)
    last_visit: dt.date | None
    next_review: dt.date | None  # 下次核查: domain.review.next_review of its visits
    # UNSENT (未发送): changes not yet in a bundle to its peer; UNCONFIRMED (待确认): exported, not yet
    # acknowledged; NOTHING: the peer has it all (store.sync_marks)
    mark: int
    programs: tuple[str, ...] = ()  # the codes behind ``status``, most protective first

    @property
    def unsent(self) -> bool:
        return self.mark == UNSENT

    @property
    def head_id_masked(self) -> str:
        return mask(self.head_id_number) if self.head_id_number else ""


def _label(row: store.ListRow, fresh: ResultFreshness) -> HouseholdListRow:
    programs = row.programs if fresh.is_current(row.changed_at) else ()
    return HouseholdListRow(
        id=row.id, head_name=row.head_name, head_id_number=row.head_id_number, village=row.village,
        town=row.town, member_count=row.member_count,
        status=vocab.label_list("program_short", programs),
        last_visit=row.last_visit, next_review=row.next_review, mark=row.mark, programs=tuple(programs))


def _status(fresh: ResultFreshness) -> store.StatusQuery:
    return store.StatusQuery(ranking=PROTECTION_ORDER, since=fresh.since)


def ids(profile: Profile, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False, *,
        wanted: Callable[[], bool] | None = None) -> list[str] | None:
    """The ids of the matching households in list order. ``wanted``: asked as the query runs (from
    its thread); once it says False the query is given up and ``None`` returned (a list search that
    a newer one replaced: 200,000 ids take 0.1–0.2 s, which the new search would wait for)."""
    with profile.connection() as conn:
        status = _status(result_freshness(profile, conn)) if sort == "status" else store.StatusQuery()
        try:
            with abandoned_when(conn, None if wanted is None else lambda: not wanted()):
                return store.ids(conn, text, sort, descending, status=status)
        except Abandoned:
            return None


def first_ids(profile: Profile, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False, *,
              limit: int) -> list[str] | None:
    """The first ``limit`` of :func:`ids` when they come much sooner than the whole list, else ``None``."""
    with profile.connection() as conn:
        return store.first_ids(conn, text, sort, descending, limit=limit)


def count(profile: Profile, text: str = "") -> int:
    with profile.connection() as conn:
        return store.count(conn, text)


def rows(profile: Profile, household_ids: Sequence[str]) -> list[HouseholdListRow]:
    with profile.connection() as conn:
        fresh = result_freshness(profile, conn)
        ranking = PROTECTION_ORDER if fresh.since is not None else None  # None: nothing stored is current
        return [_label(r, fresh) for r in store.rows(conn, household_ids, ranking=ranking)]


def page(profile: Profile, text: str = "", sort: str = DEFAULT_SORT, descending: bool = False,
         offset: int = 0, limit: int = 100) -> list[HouseholdListRow]:
    with profile.connection() as conn:
        fresh = result_freshness(profile, conn)
        return [_label(r, fresh) for r in store.page(conn, text, sort, descending, offset, limit,
                                                     status=_status(fresh))]


def is_demo_profile(profile: Profile) -> bool:
    """True when the profile holds synthetic demo data (the window title says 演示数据)."""
    return profile_settings.profile_info(profile).is_demo


def watch_changes(profile: Profile) -> ChangeWatch:
    """A watch on the profile's database: ``changed()`` (cheap: ask it every second, off the GUI
    thread) is True when a change was committed since it was last asked; ``close()`` when done."""
    return ChangeWatch(profile.engine)
