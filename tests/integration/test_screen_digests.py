"""A screening compares only the ranges of households whose results' digest changed, and leaves the
table a screening comparing every stored row leaves (store/result_updates.py). On PostgreSQL, where
every stored row is compared, the tables are checked the same way."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.domain.household import Income
from advisor_app.services import eligibility, screening_parts
from advisor_app.services import households as household_service
from advisor_app.services.profile import Profile
from advisor_app.store import purge
from advisor_app.store.result_updates import ResultUpdate
from advisor_app.store.screening_results import DIGESTS_KEY, replace_results
from advisor_app.store.settings import delete_setting

ON = dt.date(2026, 11, 1)
_ALL = "SELECT household_id, eligible, results, member_ids, on_date FROM screening_results"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, demo_profile: Profile) -> list[Any]:
    """Batches of 8 rowids holding ranges of 4 (the demo's 60 households: 15 ranges), and what each
    screening read of the stored rows: ``None`` for all of them, else the set of households asked for."""
    monkeypatch.setattr(eligibility, "BATCH", 8)
    monkeypatch.setattr(screening_parts, "DIGEST_SPAN", 4)
    seen: list[Any] = []
    original = ResultUpdate._stored

    def stored(self: ResultUpdate, household_ids: Iterable[str] | None) -> Any:
        household_ids = None if household_ids is None else set(household_ids)
        seen.append(household_ids)
        return original(self, household_ids)

    monkeypatch.setattr(ResultUpdate, "_stored", stored)
    return seen


def by_range(profile: Profile) -> bool:
    return profile.engine.dialect.name == "sqlite"


def table(profile: Profile) -> list[tuple[Any, ...]]:
    with profile.connection() as conn:
        return sorted((h, e, bytes(r), m, str(d)) for h, e, r, m, d in conn.execute(sa.text(_ALL)))


def screen(profile: Profile, on: dt.date = ON) -> int:
    """Screen; the rows written."""
    return int(eligibility.screen(profile, on).timings["written"])


def rows_a_full_compare_writes(profile: Profile, on: dt.date = ON) -> int:
    """Screen again with every stored row read and compared (the digests forgotten): how many rows
    that writes — none when the table was already right."""
    with profile.connection(write=True) as conn:
        delete_setting(conn, DIGESTS_KEY)
    return screen(profile, on)


def rowid(profile: Profile, household_id: str) -> int:
    with profile.connection() as conn:
        return int(conn.exec_driver_sql("SELECT rowid FROM household_inputs WHERE household_id = ?",
                                        (household_id,)).scalar_one())


def richer(profile: Profile, household_id: str) -> None:
    """Give the household's head a wage that ends its 低保 (its results change)."""
    h = household_service.load_household(profile, household_id)
    head = h.members[0]
    h.members[0] = dataclasses.replace(head, incomes=[*head.incomes, Income("wage", 30_000.0)])
    household_service.save_household(profile, h)


def test_an_unchanged_profile_reads_no_stored_row(demo_profile: Profile, reads: list[Any]) -> None:
    first = screen(demo_profile)
    assert first > 0 and reads == [None]  # no digests yet: every row read
    before = table(demo_profile)
    assert screen(demo_profile) == 0
    assert reads == ([None] if by_range(demo_profile) else [None, None])  # every range as it was: nothing read
    assert table(demo_profile) == before
    assert rows_a_full_compare_writes(demo_profile) == 0


def test_an_edit_compares_its_range_only(demo_profile: Profile, reads: list[Any]) -> None:
    screen(demo_profile)
    ids = [h.id for h in household_service.list_households(demo_profile)]
    screened = {r[0] for r in table(demo_profile)}
    target = next(h for h in ids[20:] if h in screened)
    where = rowid(demo_profile, target) if by_range(demo_profile) else 0
    richer(demo_profile, target)
    if by_range(demo_profile):
        assert rowid(demo_profile, target) == where  # a save updates the packed row where it is
    before = {r[0]: r for r in table(demo_profile)}
    reads.clear()
    assert screen(demo_profile) >= 1
    if by_range(demo_profile):
        asked = reads[0]
        assert target in asked and len(asked) <= 4  # the households of one range
    after = {r[0]: r for r in table(demo_profile)}
    assert after.get(target) != before[target]
    assert {h: r for h, r in after.items() if h != target} == {h: r for h, r in before.items() if h != target}
    assert rows_a_full_compare_writes(demo_profile) == 0


def test_removed_archived_restored_and_new_households(demo_profile: Profile, reads: list[Any]) -> None:
    screen(demo_profile)
    with_row = [r[0] for r in table(demo_profile)]
    deleted, archived, purged = with_row[3], with_row[10], with_row[20]
    household_service.delete_household(demo_profile, deleted)
    household_service.archive_household(demo_profile, archived, "moved", "迁往县城")
    screen(demo_profile)
    kept = {r[0] for r in table(demo_profile)}
    assert deleted not in kept and archived not in kept
    assert rows_a_full_compare_writes(demo_profile) == 0

    household_service.restore_household(demo_profile, archived)  # packed again: a new rowid, a new range
    new = household_service.load_household(demo_profile, with_row[30])
    new = dataclasses.replace(new, id=None, members=[dataclasses.replace(m, id=None) for m in new.members], visits=[])
    household_service.delete_household(demo_profile, with_row[30])  # (its people move to the new household)
    household_service.save_household(demo_profile, new)
    screen(demo_profile)
    assert archived in {r[0] for r in table(demo_profile)}
    assert rows_a_full_compare_writes(demo_profile) == 0

    household_service.delete_household(demo_profile, purged)
    with demo_profile.connection(write=True) as conn:  # removed for good before a screening: its row goes with it
        purge.remove_households(conn, [purged])
    reads.clear()
    screen(demo_profile)
    assert reads and (reads[0] is not None) == by_range(demo_profile)  # its range compared, not the whole table
    assert purged not in {r[0] for r in table(demo_profile)}
    assert rows_a_full_compare_writes(demo_profile) == 0


def test_rows_written_elsewhere_forget_the_digests(demo_profile: Profile, reads: list[Any]) -> None:
    screen(demo_profile)
    rows = table(demo_profile)
    with demo_profile.connection(write=True) as conn:  # a stored row changed behind the screening's back
        replace_results(conn, [(h, e, r, m) for h, e, r, m, _d in rows[1:]], ON, "2026-11-01T00:00:00Z",
                        clear=True)
    reads.clear()
    assert screen(demo_profile) == 1  # every row compared: the one missing written again
    assert reads == [None]
    assert table(demo_profile) == rows


def test_a_new_date_dates_every_row(demo_profile: Profile, reads: list[Any]) -> None:
    screen(demo_profile)
    later = dt.date(2026, 11, 2)
    screen(demo_profile, later)
    assert {r[4] for r in table(demo_profile)} == {later.isoformat()}
    screen(demo_profile, later)
    assert {r[4] for r in table(demo_profile)} == {later.isoformat()}
    assert rows_a_full_compare_writes(demo_profile, later) == 0
