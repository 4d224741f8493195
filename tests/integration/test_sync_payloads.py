"""Sync between three real profiles — an office and two advisors — passing payload dicts (the bundle
file's contents before it is compressed, encrypted and signed), on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pg_cluster
import pytest
import sqlalchemy as sa
from list_columns_check import stale_list_columns

from advisor_app.domain import idcard, interchange
from advisor_app.domain.errors import NotFound
from advisor_app.domain.household import Household
from advisor_app.services import audit
from advisor_app.services import households as hh
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_conflicts import list_conflicts, resolve_conflict
from advisor_app.services.sync_import import (
    ALREADY_IMPORTED,
    ImportReport,
    PayloadRefused,
    apply_payload,
    apply_payloads,
)
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import assign_household, enrol_peer, set_up_identity
from advisor_app.services.sync_status import sync_status

_numbers = itertools.count(1)


@dataclass
class Side:
    profile: Profile
    device: str
    name: str


@dataclass
class Trio:
    office: Side
    a: Side
    b: Side


@pytest.fixture
def trio(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Trio]:
    sides = []
    for name, role in (("乡镇", "office"), ("王老师", "advisor"), ("李老师", "advisor")):
        url = None
        if backend == "postgresql":
            cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
            url = cluster.create_database(pg_cluster.TEMPLATE)
        profile = open_profile(tmp_path / name, database_url=url)
        sides.append(Side(profile, set_up_identity(profile, role=role, name=name).device_id, name))
    office, a, b = sides
    enrol_peer(office.profile, a.device, a.name, "advisor", "keys-a", ["七星村"])
    enrol_peer(office.profile, b.device, b.name, "advisor", "keys-b", ["丰收村"])
    for advisor in (a, b):
        enrol_peer(advisor.profile, office.device, office.name, "office", "keys-office")
    yield Trio(office, a, b)
    for side in sides:
        side.profile.close()


def new_household(side: Side, village: str, head: str, *, others: tuple[str, ...] = ()) -> Household:
    members = [{"name": head, "relation": "head",
                "id_number": idcard.make("340104", dt.date(1970, 1, 1), next(_numbers))}]
    members += [{"name": n, "relation": "child",
                 "id_number": idcard.make("340104", dt.date(2000, 1, 1), next(_numbers))} for n in others]
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "address": f"{village}1号",
           "village": village, "town": "莲花镇", "members": [
               {**m, "disability": None, "serious_illness": False, "self_care_lost": 0, "student": False,
                "whereabouts": "home", "months_away": 0, "incomes": []} for m in members],
           "assets": {"financial": 100.0, "vehicles": 0, "extra_houses": 0}, "supporters": [],
           "expenses": {"medical_selfpaid_12m": 0.0, "education_12m": 0.0}, "emergency": None}
    return hh.save_household(side.profile, interchange.household_from_dict(doc))


def edit(side: Side, household_id: str, **changes: Any) -> None:
    household = hh.load_household(side.profile, household_id)
    for name, value in changes.items():
        setattr(household, name, value)
    hh.save_household(side.profile, household)


def send(src: Side, dst: Side) -> ImportReport:
    payload = build_payload(src.profile, dst.device)
    return apply_payload(dst.profile, src.device, payload["sequence"], payload)


def shared_digest(side: Side, other: Side) -> str:
    peer = next(p for p in sync_status(side.profile)["peers"] if p["device_id"] == other.device)
    return str(peer["digest"])


def agree(t: Trio, advisor: Side) -> bool:
    return shared_digest(t.office, advisor) == shared_digest(advisor, t.office)


def test_a_new_household_reaches_the_office_and_an_office_edit_comes_back(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "张三", others=("张小",))
    assert sync_status(t.a.profile)["unsent"] == {"household": 1, "member": 2}
    report = send(t.a, t.office)
    assert (report.new, report.changed, report.conflicts) == (3, 0, 0)
    at_office = hh.load_household(t.office.profile, str(made.id))
    assert [m.name for m in at_office.members] == ["张三", "张小"]
    assert agree(t, t.a)
    assert sync_status(t.a.profile)["unsent"] == {}  # sent (the office acknowledges it in its next bundle)

    edit(t.office, str(made.id), phone="13800000000")
    report = send(t.office, t.a)
    assert (report.changed, report.conflicts) == (1, 0)
    assert hh.load_household(t.a.profile, str(made.id)).phone == "13800000000"
    assert agree(t, t.a)
    assert sync_status(t.a.profile)["digest"] == sync_status(t.office.profile)["digest"]
    # Imported changes are not local changes: nothing goes back, and the next bundle carries nothing.
    assert sync_status(t.a.profile)["unsent"] == {}
    assert build_payload(t.a.profile, t.office.device)["records"] == []
    # B's villages: B gets nothing of A's household.
    assert send(t.office, t.b).new == 0


def test_edits_of_different_fields_merge_on_both_sides(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "赵四")
    send(t.a, t.office)
    send(t.office, t.a)
    edit(t.a, str(made.id), phone="13900000001")
    edit(t.office, str(made.id), notes="乡镇核实过")
    report = send(t.a, t.office)
    assert (report.merged, report.conflicts) == (1, 0)
    back = send(t.office, t.a)
    assert back.changed == 1
    for side in (t.a, t.office):
        stored = hh.load_household(side.profile, str(made.id))
        assert (stored.phone, stored.notes) == ("13900000001", "乡镇核实过")
    assert agree(t, t.a)
    assert send(t.a, t.office).unchanged == 0  # nothing more to say either way


def test_the_same_field_becomes_a_conflict_on_both_sides_resolved_on_one(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "钱五")
    send(t.a, t.office)
    send(t.office, t.a)
    edit(t.a, str(made.id), phone="111")
    edit(t.office, str(made.id), phone="222")
    assert send(t.a, t.office).conflicts == 1
    assert send(t.office, t.a).conflicts == 1
    for side, mine, theirs in ((t.office, "222", "111"), (t.a, "111", "222")):
        (c,) = list_conflicts(side.profile)
        assert (c.kind, c.record_id, c.field, c.mine, c.theirs) == ("household", made.id, "phone", mine, theirs)
        assert hh.load_household(side.profile, str(made.id)).phone == mine  # nothing overwritten
    assert not agree(t, t.a)
    # The same copies arriving again open nothing new.
    assert send(t.a, t.office).conflicts == 0
    (c,) = list_conflicts(t.office.profile)
    assert resolve_conflict(t.office.profile, c.id, "theirs") == []
    assert hh.load_household(t.office.profile, str(made.id)).phone == "111"
    report = send(t.office, t.a)
    assert report.closed == 1
    assert list_conflicts(t.a.profile) == [] and list_conflicts(t.office.profile) == []
    assert hh.load_household(t.a.profile, str(made.id)).phone == "111"
    assert agree(t, t.a)
    send(t.a, t.office)
    assert agree(t, t.a) and list_conflicts(t.office.profile) == []


def test_a_deletion_against_an_edit_is_a_conflict(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "孙六", others=("孙小",))
    send(t.a, t.office)
    send(t.office, t.a)
    child = made.members[1]
    here = hh.load_household(t.a.profile, str(made.id))
    here.members = here.members[:1]
    hh.save_household(t.a.profile, here)  # the child removed on the laptop
    there = hh.load_household(t.office.profile, str(made.id))
    there.members[1].occupation = "学生"
    hh.save_household(t.office.profile, there)  # and edited at the office
    assert send(t.a, t.office).conflicts == 1
    assert send(t.office, t.a).conflicts == 1
    (c,) = list_conflicts(t.a.profile)
    assert (c.kind, c.record_id, c.field, c.mine, c.theirs) == ("member", child.id, "deleted", True, False)
    resolve_conflict(t.a.profile, c.id, "mine")
    assert send(t.a, t.office).closed == 1
    assert [m.name for m in hh.load_household(t.office.profile, str(made.id)).members] == ["孙六"]
    assert agree(t, t.a)


def test_a_deleted_household_travels_as_a_tombstone(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "周七")
    send(t.a, t.office)
    hh.archive_household(t.a.profile, str(made.id), "moved")
    send(t.a, t.office)
    with pytest.raises(NotFound):
        hh.load_household(t.office.profile, str(made.id))
    (archived,) = hh.archived_households(t.office.profile)
    assert (archived.id, archived.reason) == (made.id, "moved")
    assert agree(t, t.a)


def test_replay_and_an_older_payload_after_a_newer_one_change_nothing(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "吴八")
    first = build_payload(t.a.profile, t.office.device)
    edit(t.a, str(made.id), phone="123")
    second = build_payload(t.a.profile, t.office.device)  # carries the household again, newer
    report = apply_payload(t.office.profile, t.a.device, 2, second)
    assert report.gaps == (1,)
    before = sync_status(t.office.profile)["digest"]
    late = apply_payload(t.office.profile, t.a.device, 1, first)
    assert (late.new, late.changed, late.merged, late.unchanged, late.gaps) == (0, 0, 0, 2, ())
    assert hh.load_household(t.office.profile, str(made.id)).phone == "123"
    again = apply_payload(t.office.profile, t.a.device, 2, second)
    assert again.status == ALREADY_IMPORTED and "已经导入过" in again.message
    assert sync_status(t.office.profile)["digest"] == before
    forged = copy.deepcopy(second)
    forged["records"][0]["values"]["phone"] = "999"
    with pytest.raises(PayloadRefused, match="内容却不同"):
        apply_payload(t.office.profile, t.a.device, 2, forged)


def test_a_lost_payloads_records_come_again_in_the_next(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "郑九")
    lost = build_payload(t.a.profile, t.office.device)
    assert lost["counts"] == {"household": 1, "member": 1}
    report = send(t.a, t.office)
    assert (report.sequence, report.new, report.gaps) == (2, 2, (1,))
    assert "第 1 号数据包没有导入" in report.message
    assert hh.load_household(t.office.profile, str(made.id)).members[0].name == "郑九"
    send(t.office, t.a)  # acknowledges 2: nothing is resent after that
    assert build_payload(t.a.profile, t.office.device)["records"] == []


def test_a_household_reassigned_leaves_the_first_laptop_only_after_its_change_arrived(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "冯十")
    send(t.a, t.office)
    send(t.office, t.a)
    edit(t.a, str(made.id), phone="555")  # not sent yet
    assign_household(t.office.profile, str(made.id), t.b.device)
    kept = send(t.office, t.a)
    assert kept.dropped == 0 and hh.load_household(t.a.profile, str(made.id)).phone == "555"
    arrived = send(t.office, t.b)
    assert arrived.new == 2 and hh.load_household(t.b.profile, str(made.id)).phone == ""
    send(t.a, t.office)  # the change reaches the office
    assert send(t.office, t.a).dropped == 1
    with pytest.raises(NotFound):
        hh.load_household(t.a.profile, str(made.id))
    assert hh.archived_households(t.a.profile) == []  # dropped, not a tombstone
    assert send(t.a, t.office).new == 0 and hh.load_household(t.office.profile, str(made.id)).phone == "555"
    assert send(t.office, t.b).changed == 1
    assert hh.load_household(t.b.profile, str(made.id)).phone == "555"
    assert agree(t, t.a) and agree(t, t.b)


def test_a_payload_with_an_invalid_household_is_refused_whole(trio: Trio) -> None:
    t = trio
    new_household(t.a, "七星村", "陈一")
    bad = new_household(t.a, "七星村", "陈二")
    payload = build_payload(t.a.profile, t.office.device)
    broken = copy.deepcopy(payload)
    for r in broken["records"]:
        if r["kind"] == "member" and r["household"] == bad.id:
            r["values"]["id_number"] = "123"
            r["history"].append({"id": "forged:1", "parents": [v["id"] for v in r["history"]],
                                 "fields": ["id_number"]})
    with pytest.raises(PayloadRefused, match="七星村户主“陈二”"):
        apply_payload(t.office.profile, t.a.device, payload["sequence"], broken)
    assert hh.count_households(t.office.profile) == 0
    assert sync_status(t.office.profile)["records"] == 0
    report = apply_payload(t.office.profile, t.a.device, payload["sequence"], payload)
    assert report.new == 4 and hh.count_households(t.office.profile) == 2


# --- many payloads in one transaction --------------------------------------------------------------

def broken_copy(payload: dict[str, Any], household_id: str) -> dict[str, Any]:
    """The payload with one member of that household given an ID number the checks refuse."""
    broken = copy.deepcopy(payload)
    for r in broken["records"]:
        if r["kind"] == "member" and r["household"] == household_id:
            r["values"]["id_number"] = "123"
            r["history"].append({"id": "forged:1", "parents": [v["id"] for v in r["history"]],
                                 "fields": ["id_number"]})
    return broken


def table_counts(profile: Profile) -> dict[str, int]:
    with profile.connection() as conn:
        return {t: int(conn.execute(sa.text(f"select count(*) from {t}")).scalar_one())
                for t in sorted(sa.inspect(conn).get_table_names()) if t not in ("alembic_version", "audit_log")}


def comparable(status: dict[str, Any]) -> dict[str, Any]:
    """``sync status`` without what names the office itself (its device id and name)."""
    return {**{k: v for k, v in status.items() if k not in ("device_id", "name")},
            "peers": sorted((p["device_id"], p["last_received"], p["last_acknowledged"], tuple(p["gaps"]),
                             p["digest"]) for p in status["peers"])}


def test_many_payloads_in_one_transaction_are_imported_as_one_by_one_and_a_refused_one_leaves_nothing(
        trio: Trio, backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    t = trio
    url = None
    if backend == "postgresql":
        cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
        url = cluster.create_database(pg_cluster.TEMPLATE)
    twin = open_profile(tmp_path / "twin", database_url=url)  # imports the same payloads one at a time
    try:
        set_up_identity(twin, role="office", name="乡镇")
        enrol_peer(twin, t.a.device, t.a.name, "advisor", "keys-a", ["七星村"])
        enrol_peer(twin, t.b.device, t.b.name, "advisor", "keys-b", ["丰收村"])
        made = new_household(t.a, "七星村", "陈一", others=("陈小一",))
        a1 = build_payload(t.a.profile, t.office.device)
        edit(t.a, str(made.id), phone="13800000000")
        new_household(t.a, "七星村", "陈二")
        a2 = build_payload(t.a.profile, t.office.device)
        new_household(t.b, "丰收村", "何一")
        bad = new_household(t.b, "丰收村", "何二", others=("何小二",))
        b1 = build_payload(t.b.profile, t.office.device)
        given = [(t.a.device, 1, a1), (t.b.device, 1, broken_copy(b1, str(bad.id))), (t.a.device, 2, a2),
                 (t.a.device, 1, a1), (t.b.device, 2, build_payload(t.b.profile, t.office.device))]

        results = apply_payloads(t.office.profile, given)
        one_by_one: list[ImportReport | PayloadRefused] = []
        for sender, sequence, payload in given:
            try:
                elsewhere = {k: v for k, v in payload.items() if k != "addressee"}  # the twin is another device
                one_by_one.append(apply_payload(twin, sender, sequence, elsewhere))
            except PayloadRefused as exc:
                one_by_one.append(exc)
        assert [type(r) for r in results] == [ImportReport, PayloadRefused, ImportReport, ImportReport, ImportReport]
        assert "丰收村户主“何二”" in str(results[1])
        assert [r.status for r in results if isinstance(r, ImportReport)] == [
            "imported", "imported", ALREADY_IMPORTED, "imported"]
        assert [str(r) if isinstance(r, PayloadRefused) else r for r in results] == [
            str(r) if isinstance(r, PayloadRefused) else r for r in one_by_one]
        assert results[4].gaps == (1,)  # type: ignore[union-attr]
        assert comparable(sync_status(t.office.profile)) == comparable(sync_status(twin))
        assert table_counts(t.office.profile) == table_counts(twin)
        assert hh.count_households(t.office.profile) == 4
        entries = [(e.action, e.kind, e.record_id) for e in audit.list_entries(t.office.profile)
                   if e.kind == "bundle"]
        assert entries == [("import", "bundle", f"{t.a.device}:1"), ("import", "bundle", f"{t.a.device}:2"),
                           ("import", "bundle", f"{t.b.device}:2")]
        assert stale_list_columns(t.office.profile) == [] and stale_list_columns(twin) == []
        assert agree(t, t.a) and agree(t, t.b)
    finally:
        twin.close()


def test_a_refused_payload_beside_others_keeps_the_marks_they_changed(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "吴一")
    send(t.a, t.office)
    edit(t.office, str(made.id), phone="13900000000")
    send(t.office, t.a)  # at the office: 待确认 until 王老师 acknowledges it
    acknowledging = build_payload(t.a.profile, t.office.device)
    bad = new_household(t.b, "丰收村", "何三")
    broken = broken_copy(build_payload(t.b.profile, t.office.device), str(bad.id))
    results = apply_payloads(t.office.profile, [(t.a.device, 2, acknowledging), (t.b.device, 1, broken)])
    assert isinstance(results[0], ImportReport) and isinstance(results[1], PayloadRefused)
    assert stale_list_columns(t.office.profile) == []  # the acknowledgement's marks, after the savepoint rolled back
    assert hh.count_households(t.office.profile) == 1
    assert agree(t, t.a)


def test_the_import_s_larger_page_cache_ends_with_its_transaction(trio: Trio, backend: str) -> None:
    from advisor_app.services.sync_import import import_batch
    from advisor_app.store.engine import IMPORT_CACHE_KIB

    if backend != "sqlite":  # PostgreSQL has no such setting: the batch opens and ends as any transaction
        with import_batch(trio.office.profile) as batch:
            assert batch.session.connection().dialect.name == "postgresql"
        return

    def cache_size(conn: sa.Connection) -> int:
        return int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())

    office = trio.office.profile
    with office.connection() as conn:
        usual = cache_size(conn)
    assert usual != -IMPORT_CACHE_KIB
    with import_batch(office) as batch:
        assert cache_size(batch.session.connection()) == -IMPORT_CACHE_KIB
    for _ in range(3):  # whichever connection of the pool comes next
        with office.connection() as conn:
            assert cache_size(conn) == usual


def test_a_long_import_brings_the_planner_s_statistics_up_to_date_as_its_rows_double(
        trio: Trio, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.services import sync_import

    seen: list[int] = []
    real = sync_import.refresh_statistics
    monkeypatch.setattr(sync_import, "_STATISTICS_FROM", 2)
    monkeypatch.setattr(sync_import, "refresh_statistics", lambda conn: (seen.append(1), real(conn)))
    t = trio
    payloads = []
    for n in range(6):  # each a household with its head: 2 records new
        new_household(t.a, "七星村", f"冯{n}")
        payloads.append(build_payload(t.a.profile, t.office.device))
        payloads[-1]["acknowledges"] = 0
    reports = apply_payloads(t.office.profile, [(t.a.device, n + 1, p) for n, p in enumerate(payloads)])
    assert [r.new for r in reports if isinstance(r, ImportReport)] == [2, 2, 2, 2, 2, 2]
    assert len(seen) == 2  # before the payload after 4 records written (2 × 2), then after 8; not again before 16
    assert hh.count_households(t.office.profile) == 6
    seen.clear()
    new_household(t.a, "七星村", "冯7")
    more = build_payload(t.a.profile, t.office.device)
    assert apply_payload(t.office.profile, t.a.device, more["sequence"], more).new == 2
    assert seen == []  # one payload alone: its transaction ends with it
