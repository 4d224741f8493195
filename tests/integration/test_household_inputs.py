"""Every way of writing a household leaves its packed inputs (store.household_inputs) equal to a
fresh extraction from the household as stored: bulk inserts (demo data, a sync import's new
households), saves (facts, members added, changed and removed), deletes, archives and their restore,
removals, a sync import's changes, a restored backup, and a new layout packed when the profile opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.domain import idcard
from advisor_app.domain.household import Income, Member, Receipt
from advisor_app.domain.inputs import LAYOUT
from advisor_app.services import eligibility, restore
from advisor_app.services import households as hh
from advisor_app.services.backups import backup_before, list_backups
from advisor_app.services.demo import fill_demo
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_import import apply_payload
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import enrol_peer, set_up_identity
from advisor_app.store import household_inputs, migrate, purge
from advisor_app.store.settings import set_setting


def packed(profile: Profile) -> dict[str, tuple[Any, ...]]:
    with profile.connection() as conn:
        return {r[0]: (r[1], r[2], bytes(r[3]), bytes(r[4]), bytes(r[5]), bytes(r[6]), r[7])
                for r in household_inputs.read_packed(conn)}


def fresh(profile: Profile) -> dict[str, tuple[Any, ...]]:
    """The rows a fresh extraction gives, from each live household loaded in full."""
    out = {}
    for summary in hh.list_households(profile):
        row = household_inputs.packed_row(hh.load_household(profile, summary.id))
        out[row[0]] = row[1:]
    return out


def assert_current(profile: Profile) -> None:
    assert packed(profile) == fresh(profile)


def test_every_local_write_keeps_the_packed_inputs(demo_profile: Profile) -> None:
    assert_current(demo_profile)  # the demo's bulk insert
    ids = [s.id for s in hh.list_households(demo_profile)]
    h = hh.load_household(demo_profile, ids[0])
    h.assets.financial += 1234.5
    h.receiving.append(Receipt("dibao", dt.date(2026, 5, 1), 450.0))
    h.members[0].incomes.append(Income("wage", 1800.4))
    hh.save_household(demo_profile, h)  # the household's facts and a member changed
    h = hh.load_household(demo_profile, ids[1])
    h.members.append(Member("吴小宝", idcard.make("340104", dt.date(2018, 5, 6), 771), "grandchild"))
    hh.save_household(demo_profile, h)  # a member added
    h = next(h for h in (hh.load_household(demo_profile, i) for i in ids[10:]) if len(h.members) > 1)
    del h.members[-1]
    hh.save_household(demo_profile, h)  # a member removed
    new = hh.load_household(demo_profile, ids[3])
    new.id = None
    for k, m in enumerate(new.members):
        m.id = None
        m.id_number = idcard.make("340104", dt.date(1960 + k, 3, 4), 881 + k)
    new.visits = []
    hh.delete_household(demo_profile, ids[3])
    created = hh.save_household(demo_profile, new)  # a new household, saved one by one
    assert_current(demo_profile)
    hh.delete_household(demo_profile, ids[4])
    hh.archive_household(demo_profile, ids[5], "moved", "搬去城里")
    assert_current(demo_profile)
    assert ids[4] not in packed(demo_profile) and ids[5] not in packed(demo_profile)
    hh.restore_household(demo_profile, ids[5])
    assert_current(demo_profile)
    assert ids[5] in packed(demo_profile) and created.id in packed(demo_profile)
    with demo_profile.connection(write=True) as conn:
        purge.remove_households(conn, ids[6:9])
    assert_current(demo_profile)
    assert len(packed(demo_profile)) == 60 - 1 - 3  # deleted, archived and restored, new, removed


def test_a_sync_import_keeps_the_packed_inputs(tmp_path: Path) -> None:
    advisor, office = open_profile(tmp_path / "a"), open_profile(tmp_path / "o")
    try:
        a = set_up_identity(advisor, role="advisor", name="王老师").device_id
        o = set_up_identity(office, role="office", name="乡镇").device_id
        enrol_peer(office, a, "王老师", "advisor", "keys-a", [])
        enrol_peer(advisor, o, "乡镇", "office", "keys-office")
        fill_demo(advisor, 12, seed=3)
        apply_payload(office, a, 1, build_payload(advisor, o))  # new households, inserted together
        assert_current(office)
        assert len(packed(office)) == 12
        ids = [s.id for s in hh.list_households(advisor)]
        h = hh.load_household(advisor, ids[0])
        h.members[-1].incomes = [Income("business", 999.0)]
        hh.save_household(advisor, h)
        hh.delete_household(advisor, ids[1])
        apply_payload(office, a, 2, build_payload(advisor, o))  # a change and a delete
        assert_current(office)
        assert packed(office) == packed(advisor) and len(packed(office)) == 11
    finally:
        advisor.close()
        office.close()


def test_a_new_layout_or_a_restored_backup_is_packed_when_the_profile_opens(data_dir: Path) -> None:
    profile = open_profile(data_dir)
    fill_demo(profile, 20, seed=5)
    good = packed(profile)
    backup_before(profile, "manual")
    ids = list(good)
    hh.delete_household(profile, ids[0])
    with profile.connection(write=True) as conn:  # another layout, and a row nobody kept current
        set_setting(conn, household_inputs.LAYOUT_KEY, "older")
        conn.execute(sa.text("UPDATE household_inputs SET members = :b WHERE household_id = :h"),
                     {"b": b"", "h": ids[1]})
    migrate.upgrade(profile.engine, None)  # what opening the profile does
    assert packed(profile) == fresh(profile) and ids[0] not in packed(profile)
    with profile.connection() as conn:
        assert conn.execute(sa.text("SELECT value FROM settings WHERE key = :k"),
                            {"k": household_inputs.LAYOUT_KEY}).scalar_one() == LAYOUT
    profile.close()
    name = list_backups(data_dir)[0].name
    restore.restore_backup(data_dir, name, "test-passphrase")
    profile = open_profile(data_dir)
    try:
        assert packed(profile) == good == fresh(profile)
    finally:
        profile.close()


def test_screening_packs_a_household_written_behind_the_stores_back(demo_profile: Profile,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = eligibility.screen(demo_profile, dt.date(2026, 11, 1))
    with demo_profile.connection(write=True) as conn:
        conn.execute(sa.text("DELETE FROM household_inputs WHERE household_id IN "
                             "(SELECT household_id FROM household_inputs ORDER BY household_id LIMIT 3)"))
    again = eligibility.screen(demo_profile, dt.date(2026, 11, 1))
    assert again.households == before.households == 60 and again.counts == before.counts
    assert_current(demo_profile)
