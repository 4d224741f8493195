import datetime as dt

import pytest
import sqlalchemy as sa

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain import interchange
from advisor_app.domain.errors import NotFound
from advisor_app.domain.household import Income, Need, Visit
from advisor_app.services import households as svc
from advisor_app.store import bulk
from advisor_app.store import households as store


def _sample(household_json: str):
    return interchange.household_from_json(household_json)


def test_saved_household_loads_back_equal(profile, household_json: str) -> None:
    saved = svc.save_household(profile, _sample(household_json))
    assert saved.id and saved.version == 1 and all(m.id for m in saved.members)
    loaded = svc.load_household(profile, saved.id)
    assert loaded == saved


def test_records_carry_uuid_timestamps_version_and_unsent(profile, household_json: str) -> None:
    saved = svc.save_household(profile, _sample(household_json))
    with profile.connection(write=True) as conn:
        row = conn.execute(sa.text(
            "select id, created_at, updated_at, version, deleted_at, unsent from households")).one()
    assert row[0] == saved.id and len(row[0]) == 36
    assert row[1].endswith("Z") and row[3] == 1 and row[4] is None and row[5] == 1


def test_sqlite_files_are_in_wal_mode(tmp_path) -> None:
    from advisor_app.services.profile import open_profile

    profile = open_profile(tmp_path)
    try:
        with profile.connection(write=True) as conn:
            assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
    finally:
        profile.close()


def test_update_raises_version_only_when_something_changed(profile, household_json: str) -> None:
    h = svc.save_household(profile, _sample(household_json))
    assert svc.save_household(profile, h).version == 1  # unchanged
    h.members[0].incomes.append(Income("business", 150.0))
    assert svc.save_household(profile, h).version == 2
    h.address = "新地址"
    assert svc.save_household(profile, h).version == 3


def test_a_member_change_in_a_document_without_version_marks_the_household(profile, household_json: str) -> None:
    stored = svc.save_household(profile, _sample(household_json))
    with profile.connection(write=True) as conn:
        before = conn.execute(sa.text("select updated_at from households where id = :id"), {"id": stored.id}).scalar()
    again = _sample(household_json)  # the same document re-imported by id, version left out (0)
    again.id, again.version = stored.id, 0
    again.members[0].incomes.append(Income("business", 150.0))
    assert svc.save_household(profile, again).version == 2
    with profile.connection(write=True) as conn:
        after = conn.execute(sa.text("select updated_at from households where id = :id"), {"id": stored.id}).scalar()
    assert after > before


def test_removed_member_becomes_a_tombstone(profile, household_json: str) -> None:
    h = svc.save_household(profile, _sample(household_json))
    gone = h.members.pop()
    svc.save_household(profile, h)
    assert [m.name for m in svc.load_household(profile, h.id).members] == ["吴晓霞"]
    with profile.connection(write=True) as conn:
        deleted_at, version = conn.execute(sa.text("select deleted_at, version from members where id = :id"),
                                           {"id": gone.id}).one()
    assert deleted_at is not None and version == 2


def test_member_identity_is_kept_by_id_number_when_ids_are_missing(profile, household_json: str) -> None:
    first = svc.save_household(profile, _sample(household_json))
    doc = interchange.household_to_dict(first)
    for m in doc["members"]:
        del m["id"]
    again = svc.save_household(profile, interchange.household_from_dict(doc))
    assert [m.id for m in again.members] == [m.id for m in first.members]


def test_visits_and_needs_round_trip(profile, household_json: str) -> None:
    h = _sample(household_json)
    h.visits = [Visit("investigation", dt.date(2026, 11, 2), ["周明", "孙丽"], "轮椅已旧",
                      [Need("goods", "需要轮椅一台"), Need("service", "孩子课业辅导", "referred")],
                      dt.date(2027, 5, 2), "半年后回访")]
    saved = svc.save_household(profile, h)
    loaded = svc.load_household(profile, saved.id)
    assert loaded.visits == saved.visits
    assert [n.description for n in loaded.visits[0].needs] == ["需要轮椅一台", "孩子课业辅导"]


def test_saving_without_visits_leaves_visits_alone(profile, household_json: str) -> None:
    h = _sample(household_json)
    h.visits = [Visit("return", dt.date(2026, 10, 1), ["周明"])]
    saved = svc.save_household(profile, h)
    saved.visits = []
    svc.save_household(profile, saved, with_visits=False)
    assert len(svc.load_household(profile, saved.id).visits) == 1


def test_save_visit_adds_to_a_stored_household(profile, household_json: str) -> None:
    h = svc.save_household(profile, _sample(household_json))
    visit = Visit("care", dt.date(2026, 11, 20), ["王芳"], needs=[Need("cash", "取暖费")])
    visit = svc.save_visit(profile, h.id, visit)
    assert visit.id and visit.version == 1
    assert svc.load_household(profile, h.id).visits[0].needs[0].description == "取暖费"
    with pytest.raises(NotFound):
        svc.save_visit(profile, "00000000-0000-4000-8000-000000000000", Visit("care", dt.date(2026, 1, 1), ["王芳"]))


def test_delete_is_a_tombstone_and_hides_the_household(profile, household_json: str) -> None:
    h = svc.save_household(profile, _sample(household_json))
    svc.delete_household(profile, h.id)
    with pytest.raises(NotFound):
        svc.load_household(profile, h.id)
    assert svc.list_households(profile) == []
    with profile.connection(write=True) as conn:
        assert conn.execute(sa.text("select count(*) from members where deleted_at is not null")).scalar() == 2


def test_list_filters_by_village_name_and_pinyin_initials(profile, household_json: str) -> None:
    svc.save_household(profile, _sample(household_json))
    other = _sample(household_json)
    other.village = "杏花村"
    other.members = other.members[1:]
    other.members[0].relation = "head"
    other.members[0].id_number = "340104200905200118"  # another person of the same name
    svc.save_household(profile, other)
    assert [h.head_name for h in svc.list_households(profile, village="莲花")] == ["吴晓霞"]
    assert [h.head_name for h in svc.list_households(profile, name="wxx")] == ["吴晓霞"]
    assert {h.head_name for h in svc.list_households(profile, name="小诚")} == {"吴晓霞", "吴小诚"}
    assert svc.count_households(profile) == 2


def test_bulk_insert_and_bulk_read_agree_with_the_orm_path(profile) -> None:
    households = list(DemoGenerator(seed=11).households(40))
    with profile.connection(write=True) as conn:
        bulk.insert_many(conn, households)
    with profile.connection(write=True) as conn:
        read = [h for batch in store.iter_households(conn, batch=7) for h in batch]
    assert len(read) == 40
    by_id = {h.id: h for h in households}
    for h in read:
        expected = by_id[h.id]
        assert h.members == expected.members
        assert (h.region, h.assets, h.supporters, h.expenses, h.emergency) == (
            expected.region, expected.assets, expected.supporters, expected.expenses, expected.emergency)
        assert svc.load_household(profile, h.id) == expected  # ORM read of bulk-written rows


def test_foreign_keys_are_enforced(profile) -> None:
    with pytest.raises(sa.exc.IntegrityError), profile.connection(write=True) as conn:
        conn.exec_driver_sql(
            "insert into visits (id, household_id, type, date, investigators, notes, follow_up, created_at,"
            " updated_at, version, unsent) values ('v', 'missing', 'care', '2026-01-01', '[]', '', '', '', '', 1,"
            " true)")
