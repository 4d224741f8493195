"""The bulk paths of sync — sealing and reading many households at once, new households of an import
inserted together — give what the one-household-at-a-time paths give, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pg_cluster
import pytest
import sqlalchemy as sa
from test_household_format_2 import full_household
from test_household_inputs import packed

from advisor_app.domain import idcard, interchange
from advisor_app.domain.household import Disability, Emergency, Income, Need, Visit
from advisor_app.services import households as hh
from advisor_app.services import sync_import
from advisor_app.services.demo import fill_demo
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_import import PayloadRefused, apply_payload
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_records import dumps
from advisor_app.services.sync_row_records import records_of_rows
from advisor_app.services.sync_setup import enrol_peer, set_up_identity
from advisor_app.services.sync_status import sync_status
from advisor_app.store import households as store
from advisor_app.store import sync_rows
from advisor_app.store.sync_models import SyncRecordRow
from advisor_app.store.sync_records import household_head
from advisor_app.sync.kinds import split_household

Maker = Callable[[str, str], tuple[Profile, str]]


@pytest.fixture
def make(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Maker]:
    opened: list[Profile] = []

    def one(name: str, role: str) -> tuple[Profile, str]:
        url = None
        if backend == "postgresql":
            cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
            url = cluster.create_database(pg_cluster.TEMPLATE)
        profile = open_profile(tmp_path / name, database_url=url)
        opened.append(profile)
        return profile, set_up_identity(profile, role=role, name=name).device_id

    yield one
    for profile in opened:
        profile.close()


def states(profile: Profile) -> list[tuple[Any, ...]]:
    s = SyncRecordRow.__table__
    with profile.session() as session:
        rows = session.execute(sa.select(s.c.kind, s.c.record_id, s.c.household_id, s.c.history, s.c.sealed_values,
                                         s.c.heads, s.c.row_version))
        return sorted((*r[:6], r[6] is None) for r in rows)


def documents(profile: Profile) -> dict[str, dict[str, Any]]:
    return {s.id: interchange.household_to_dict(hh.load_household(profile, s.id))
            for s in hh.list_households(profile)}


def test_households_read_together_are_those_read_one_by_one(make: Maker) -> None:
    profile, _device = make("王老师", "advisor")
    fill_demo(profile, 30, seed=7)
    ids = [s.id for s in hh.list_households(profile)]
    shrunk = hh.load_household(profile, ids[0])
    shrunk.members = shrunk.members[:1]  # the others become tombstones
    shrunk.visits = shrunk.visits[1:]
    hh.save_household(profile, shrunk)
    hh.archive_household(profile, ids[1], "moved")
    with profile.session() as session:
        stored = sync_rows.stored_households(session, [*ids, "no-such-household"])
        assert stored["no-such-household"].head is None and stored["no-such-household"].versions == {}
        for hid in ids[2:] + ids[:1]:
            one = stored[hid]
            assert one.head is not None and not one.head.deleted
            assert (interchange.household_to_dict(one.head.household)
                    == interchange.household_to_dict(store.load_household(session, hid)))
        archived = stored[ids[1]].head
        assert archived is not None and archived.deleted and archived.archive is not None
        assert archived.archive["reason"] == "moved"
        for hid in ids[:2]:
            expected = {}
            for kind, table in (("household", "households"), ("member", "members"), ("visit", "visits"),
                                ("need", "needs")):
                column = "id" if kind == "household" else "household_id"
                for rid, version in session.execute(sa.text(f"SELECT id, version FROM {table} WHERE {column} = :h"),
                                                    {"h": hid}):
                    expected[(kind, rid)] = version
            assert stored[hid].versions == expected
            assert any(k[0] == "member" for k in expected)


def test_sealing_many_households_gives_each_record_one_version_of_its_values(make: Maker) -> None:
    advisor, _a = make("王老师", "advisor")
    _office, office_device = make("乡镇", "office")
    fill_demo(advisor, 25, seed=8)
    enrol_peer(advisor, office_device, "乡镇", "office", "keys-office")
    payload = build_payload(advisor, office_device)
    expected = {}
    with advisor.session() as session:
        for s in hh.list_households(advisor):
            for r in split_household(interchange.household_to_dict(store.load_household(session, s.id))):
                expected[(r.kind, r.id)] = r.values
    got = {(r["kind"], r["id"]): r for r in payload["records"]}
    assert set(got) == set(expected)
    version_ids = set()
    for key, record in got.items():
        assert {k: v for k, v in record["values"].items() if k != "archive"} == expected[key]
        (version,) = record["history"]
        assert version["parents"] == [] and version["fields"] == sorted(record["values"])
        version_ids.add(version["id"])
    assert len(version_ids) == len(got)
    resent = build_payload(advisor, office_device)  # not acknowledged yet: the same records, nothing sealed anew
    assert {(r["kind"], r["id"]): r["history"] for r in resent["records"]} == {k: r["history"] for k, r in got.items()}
    visited = next(s.id for s in hh.list_households(advisor)
                   if hh.load_household(advisor, s.id).visits)
    edited = hh.load_household(advisor, visited)
    edited.phone = "13700000000"
    edited.visits[0].notes = "再次走访"
    hh.save_household(advisor, edited)
    again = build_payload(advisor, office_device)
    changed = {(r["kind"], r["id"]): r["history"][-1]["fields"] for r in again["records"]
               if len(r["history"]) == 2}
    assert changed == {("household", visited): ["phone"], ("visit", edited.visits[0].id): ["notes"]}


def test_new_households_imported_together_equal_those_imported_one_by_one(
        make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    advisor, advisor_device = make("王老师", "advisor")
    together, together_device = make("乡镇甲", "office")
    one_by_one, one_by_one_device = make("乡镇乙", "office")
    fill_demo(advisor, 40, seed=9)
    for office in (together, one_by_one):
        enrol_peer(office, advisor_device, "王老师", "advisor", "keys-a", [])
    enrol_peer(advisor, together_device, "乡镇甲", "office", "keys-office")
    payload = build_payload(advisor, together_device)
    written: list[int] = []
    bulk = sync_import.write_new_households

    def counting(session: Any, households: Any) -> dict[str, Any]:
        done = bulk(session, households)
        written.append(len(done))
        return done

    monkeypatch.setattr(sync_import, "write_new_households", counting)
    first = apply_payload(together, advisor_device, 1, payload)
    assert written == [40]
    monkeypatch.setattr(sync_import, "write_new_households", lambda session, households: {})
    second = apply_payload(one_by_one, advisor_device, 1, {**copy.deepcopy(payload), "addressee": one_by_one_device})
    assert (first.new, first.changed, first.merged, first.conflicts) == (second.new, 0, 0, 0)
    assert first.new == len(payload["records"])
    assert documents(together) == documents(one_by_one) != {}
    assert hh.list_households(together) == hh.list_households(one_by_one)  # head name, member count …
    assert states(together) == states(one_by_one)
    status = [sync_status(p) for p in (together, one_by_one)]
    assert status[0]["digest"] == status[1]["digest"] == sync_status(advisor)["digest"]
    assert status[0]["unsent"] == status[1]["unsent"] == {}


def test_a_new_household_with_a_person_registered_elsewhere_is_refused_as_one_by_one(
        make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    advisor, advisor_device = make("王老师", "advisor")
    office, office_device = make("乡镇", "office")
    fill_demo(advisor, 12, seed=10)
    enrol_peer(office, advisor_device, "王老师", "advisor", "keys-a", [])
    enrol_peer(advisor, office_device, "乡镇", "office", "keys-office")
    payload = build_payload(advisor, office_device)
    taken = next(r for r in payload["records"] if r["kind"] == "member")["values"]["id_number"]
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "village": "七星村",
           "members": [{"name": "周一", "relation": "head", "id_number": taken},
                       {"name": "周二", "relation": "child",
                        "id_number": idcard.make("340104", dt.date(2001, 1, 1), 7)}]}
    hh.save_household(office, interchange.household_from_dict(doc))
    before = (hh.count_households(office), sync_status(office)["records"])
    with pytest.raises(PayloadRefused) as together:
        apply_payload(office, advisor_device, 1, payload)
    monkeypatch.setattr(sync_import, "write_new_households", lambda session, households: {})
    with pytest.raises(PayloadRefused) as one_by_one:
        apply_payload(office, advisor_device, 1, payload)
    assert str(together.value) == str(one_by_one.value)
    assert "已登记在另一户家庭" in str(together.value) and "周一" in str(together.value)
    assert (hh.count_households(office), sync_status(office)["records"]) == before


def test_the_driver_cursor_reads_households_as_the_portable_path_does(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    profile = open_profile(tmp_path / "advisor")
    try:
        fill_demo(profile, 30, seed=11)
        ids = [s.id for s in hh.list_households(profile)]
        hh.archive_household(profile, ids[0], "moved")
        edited = hh.load_household(profile, ids[1])
        edited.members = edited.members[:1]
        hh.save_household(profile, edited)

        def read() -> dict[str, Any]:
            with profile.session() as session:
                stored = sync_rows.stored_households(session, ids)
            return {hid: (interchange.household_to_dict(one.head.household), one.head.deleted, one.head.archive,
                          one.versions) for hid, one in stored.items() if one.head is not None}

        fast = read()
        monkeypatch.setattr(sync_rows, "DRIVER_CURSOR", False)
        portable = read()
        assert fast == portable
        assert len(fast) == 30 and fast[ids[0]][1] and fast[ids[0]][2] is not None
        assert any(d["emergency"] or d.get("visits") for d, *_ in fast.values())
    finally:
        profile.close()


def editor_records(session: Any, household_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The household's records the way the editor loads it: the stored household, its document, split
    (only its own record when it is deleted), the own record carrying the archive state."""
    head = household_head(session, household_id)
    assert head is not None
    household = head.household if head.deleted else store.load_household(session, household_id)
    records = split_household(interchange.household_to_dict(household), deleted=head.deleted)
    if head.deleted:
        records = records[:1]
    out = [(r.kind, r.id, dict(r.values)) for r in records]
    out[0][2]["archive"] = head.archive
    return out


def test_records_made_straight_from_the_rows_are_those_of_the_editors_load(
        make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    profile, _device = make("王老师", "advisor")
    fill_demo(profile, 40, seed=5)
    rich = full_household()  # every optional field of the document set
    rich.registered_address, rich.phone, rich.notes = "户籍地址 1 号", "13900000001", "备注"
    rich.emergency = Emergency("fire", dt.date(2024, 2, 3))
    rich.members[0].self_care_items, rich.members[0].self_care_lost = ["eating", "dressing"], 2
    rich.members[0].disability = Disability("physical", 2)
    rich.members[0].incomes = [Income("wage", 1200.5)]
    rich.members[0].serious_illness = True
    needs = [Need("cash", "医药费"), Need("goods", "被子", "fulfilled")]
    rich.visits = [Visit("investigation", dt.date(2024, 3, 1), ["王老师", "李老师"], "看望", needs, dt.date(2024, 6, 1),
                         follow_up="下月再来"), Visit("review", dt.date(2024, 1, 5), ["王老师"])]
    rich_id = str(hh.save_household(profile, rich).id)
    ids = [s.id for s in hh.list_households(profile)]
    shrunk = hh.load_household(profile, ids[0])
    shrunk.members = shrunk.members[:1]  # removed members and visits are no longer among the records
    shrunk.visits = shrunk.visits[1:]
    hh.save_household(profile, shrunk)
    hh.archive_household(profile, ids[1], "moved")
    hh.delete_household(profile, ids[2])

    def straight() -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
        with profile.session() as session:
            rows = sync_rows.household_rows(session, [*ids, "no-such-household"])
        assert rows["no-such-household"].head is None and rows["no-such-household"].versions == {}
        return {hid: [(r.kind, r.id, dict(r.values)) for r in records_of_rows(hid, rows[hid])] for hid in ids}

    fast = straight()
    with profile.session() as session:
        expected = {hid: editor_records(session, hid) for hid in ids}
    assert fast == expected
    assert {k for k, *_ in fast[rich_id]} == {"household", "member", "visit", "need"}
    assert fast[ids[1]][0][2]["archive"] is not None and len(fast[ids[1]]) == 1
    assert dumps(fast) == dumps(expected)  # the same canonical texts: the same digests
    monkeypatch.setattr(sync_rows, "DRIVER_CURSOR", False)
    assert straight() == expected
def test_any_stored_finds_an_id_of_each_table_in_one_query(make: Maker) -> None:
    advisor, _device = make("王老师", "advisor")
    fill_demo(advisor, 3, seed=12)
    household = hh.load_household(advisor, hh.list_households(advisor)[0].id)
    visit = next(v for v in household.visits if v.needs) if any(v.needs for v in household.visits) else None
    stored = [str(household.id), str(household.members[-1].id)]
    if visit is not None:
        stored += [str(visit.id), str(visit.needs[0].id)]
    hh.delete_household(advisor, str(household.id))  # tombstones count too
    unknown = [f"00000000-0000-4000-8000-{i:012d}" for i in range(1200)]  # more than one chunk of ids
    with advisor.session() as session:
        assert not sync_rows.any_stored(session, unknown)
        assert not sync_rows.any_stored(session, [])
        for one in stored:
            assert sync_rows.any_stored(session, [*unknown[:700], one, *unknown[700:]]), one


def test_changed_households_imported_together_equal_those_imported_one_by_one(
        make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    advisor, advisor_device = make("王老师", "advisor")
    together, together_device = make("乡镇甲", "office")
    one_by_one, _one_by_one_device = make("乡镇乙", "office")
    fill_demo(advisor, 30, seed=13)
    for office in (together, one_by_one):
        enrol_peer(office, advisor_device, "王老师", "advisor", "keys-a", [])
    enrol_peer(advisor, together_device, "乡镇甲", "office", "keys-office")
    first = build_payload(advisor, together_device)
    apply_payload(together, advisor_device, 1, copy.deepcopy(first))
    apply_payload(one_by_one, advisor_device, 1, {**copy.deepcopy(first), "addressee": _one_by_one_device})
    ids = sorted(s.id for s in hh.list_households(advisor))
    for n, hid in enumerate(ids[:12]):
        edited = hh.load_household(advisor, hid)
        edited.phone = f"1370000{n:04d}"
        if n % 3 == 0 and len(edited.members) > 1:
            edited.members = edited.members[:-1]  # a member removed
        if n % 3 == 1:
            edited.members[0].occupation = "务农"
        if n % 3 == 2 and edited.visits:
            edited.visits[0].notes = "再次走访"
        hh.save_household(advisor, edited)
    second = build_payload(advisor, together_device)
    batches: list[bool] = []
    real = sync_import.write_changed_households

    def counting(session: Any, households: Any) -> bool:
        done = real(session, households)
        batches.append(done and len(households) == 12)
        return done

    monkeypatch.setattr(sync_import, "write_changed_households", counting)
    a = apply_payload(together, advisor_device, 2, copy.deepcopy(second))
    assert batches == [True]
    monkeypatch.setattr(sync_import, "write_changed_households", lambda session, households: False)
    b = apply_payload(one_by_one, advisor_device, 2, {**copy.deepcopy(second), "addressee": _one_by_one_device})
    assert (a.new, a.changed, a.merged, a.conflicts, a.households_changed) == (
        b.new, b.changed, b.merged, b.conflicts, b.households_changed)
    assert a.households_changed == 12 and a.changed >= 12
    assert documents(together) == documents(one_by_one) == documents(advisor)
    assert hh.list_households(together) == hh.list_households(one_by_one)  # head name, member count …
    assert states(together) == states(one_by_one)
    status = [sync_status(p) for p in (together, one_by_one)]
    assert status[0]["digest"] == status[1]["digest"] == sync_status(advisor)["digest"]
    assert status[0]["unsent"] == status[1]["unsent"] == {}
    assert packed(together) == packed(one_by_one) == packed(advisor)  # the rules' inputs follow the writes


def test_a_person_moving_to_another_household_in_one_payload_is_written_as_one_by_one(
        make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    advisor, advisor_device = make("王老师", "advisor")
    office, office_device = make("乡镇", "office")
    fill_demo(advisor, 10, seed=14)
    enrol_peer(office, advisor_device, "王老师", "advisor", "keys-a", [])
    enrol_peer(advisor, office_device, "乡镇", "office", "keys-office")
    apply_payload(office, advisor_device, 1, build_payload(advisor, office_device))
    big = sorted(s.id for s in hh.list_households(advisor) if s.member_count > 1)  # moving to a later id
    source, target = hh.load_household(advisor, big[0]), hh.load_household(advisor, big[1])
    moving = source.members.pop()
    hh.save_household(advisor, source)
    moving.id, moving.relation = None, "other"
    target.members.append(moving)
    hh.save_household(advisor, target)
    batched: list[bool] = []
    real = sync_import.write_changed_households
    monkeypatch.setattr(sync_import, "write_changed_households",
                        lambda session, households: batched.append(real(session, households)) or batched[-1])
    apply_payload(office, advisor_device, 2, build_payload(advisor, office_device))
    assert documents(office) == documents(advisor)
    assert batched == [False]  # the person is still registered in the first household: one by one
