"""The household list's 未发送 / 待确认 marks from the sync tables, their sort, and the office's counts
per advisor — on SQLite (both SQL paths) and PostgreSQL; the conflicts' words."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pg_cluster
import pytest
import sqlalchemy as sa
from list_columns_check import stale_list_columns

from advisor_app.domain import idcard, interchange
from advisor_app.domain.household import Household, Visit
from advisor_app.services import advisors_view, conflicts_view
from advisor_app.services import household_list as hl
from advisor_app.services import households as hh
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_import import apply_payload
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import assign_household, enrol_peer, set_up_identity
from advisor_app.store import household_list as list_store

_numbers = itertools.count(1)
Pair = tuple[Profile, str, Profile, str, Profile, str]  # office, its id, advisor A, id, advisor B, id


@pytest.fixture
def trio(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pair]:
    made: list[Profile | str] = []
    for name, role in (("乡镇", "office"), ("王老师", "advisor"), ("李老师", "advisor")):
        url = None
        if backend == "postgresql":
            cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
            url = cluster.create_database(pg_cluster.TEMPLATE)
        profile = open_profile(tmp_path / name, database_url=url)
        made += [profile, set_up_identity(profile, role=role, name=name).device_id]
    office, o, a, ad, b, bd = made
    assert isinstance(office, Profile) and isinstance(a, Profile) and isinstance(b, Profile)
    assert isinstance(o, str) and isinstance(ad, str) and isinstance(bd, str)
    yield office, o, a, ad, b, bd
    for p in (office, a, b):
        assert stale_list_columns(p) == []  # the kept marks followed every export and import
        p.close()


def household(profile: Profile, village: str, head: str) -> Household:
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "address": "1号", "village": village,
           "members": [{"name": head, "relation": "head", "id_number": idcard.make("340104", dt.date(1970, 1, 1),
                                                                                  next(_numbers)),
                        "disability": None, "serious_illness": False, "self_care_lost": 0, "student": False,
                        "whereabouts": "home", "months_away": 0, "incomes": []}],
           "assets": {"financial": 0.0, "vehicles": 0, "extra_houses": 0}, "supporters": [],
           "expenses": {"medical_selfpaid_12m": 0.0, "education_12m": 0.0}, "emergency": None}
    return hh.save_household(profile, interchange.household_from_dict(doc))


def send(src: Profile, dst: Profile, src_id: str, dst_id: str) -> None:
    payload = build_payload(src, dst_id)
    apply_payload(dst, src_id, payload["sequence"], payload)


def marks(profile: Profile) -> dict[str, int]:
    return {r.head_name: r.mark for r in hl.rows(profile, hl.ids(profile))}


def edit(profile: Profile, household_id: str, **values: object) -> None:
    stored = hh.load_household(profile, household_id)
    for k, v in values.items():
        setattr(stored, k, v)
    hh.save_household(profile, stored)


@pytest.mark.parametrize("speedups", [True, False], ids=["fast", "portable"])
def test_marks_follow_export_acknowledgement_and_reassignment(
        trio: Pair, speedups: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_store, "SQLITE_SPEEDUPS", speedups)
    office, o, a, ad, b, bd = trio
    first = household(a, "七星村", "张三")
    assert marks(a) == {"张三": hl.UNSENT}  # no office enrolled: the flags alone
    enrol_peer(office, ad, "王老师", "advisor", "keys-a", ["七星村"])
    enrol_peer(office, bd, "李老师", "advisor", "keys-b", ["丰收村"])
    enrol_peer(a, o, "乡镇", "office", "keys-o")
    enrol_peer(b, o, "乡镇", "office", "keys-o")
    household(a, "七星村", "李四")
    assert marks(a) == {"张三": hl.UNSENT, "李四": hl.UNSENT}
    send(a, office, ad, o)
    assert marks(a) == {"张三": hl.UNCONFIRMED, "李四": hl.UNCONFIRMED}
    assert marks(office) == {"张三": hl.NOTHING, "李四": hl.NOTHING}  # taken from the advisor: it has them
    send(office, a, o, ad)
    assert marks(a) == {"张三": hl.NOTHING, "李四": hl.NOTHING}

    edit(office, str(first.id), phone="13900000000")
    assert marks(office)["张三"] == hl.UNSENT
    build_payload(office, ad)  # sent, the advisor has not imported it yet
    assert marks(office)["张三"] == hl.UNCONFIRMED
    assign_household(office, str(first.id), bd)  # 李老师 has never been sent it
    assert marks(office) == {"张三": hl.UNSENT, "李四": hl.NOTHING}
    assert [r.head_name for r in hl.rows(office, hl.ids(office, sort="unsent", descending=True))] == ["张三", "李四"]
    counts = {r.name: (r.households, r.unsent, r.unconfirmed) for r in advisors_view.advisors(office)}
    assert counts == {"王老师": (1, 0, 0), "李老师": (1, 1, 0)}
    page = {r.head_name: r.mark for r in hl.page(office, sort="unsent")}
    assert page == {"张三": hl.UNSENT, "李四": hl.NOTHING}


def test_an_imported_member_change_is_not_a_local_change(trio: Pair) -> None:
    office, o, a, ad, _b, _bd = trio
    enrol_peer(office, ad, "王老师", "advisor", "keys-a", ["七星村"])
    enrol_peer(a, o, "乡镇", "office", "keys-o")
    made = household(a, "七星村", "张三")
    send(a, office, ad, o)
    send(office, a, o, ad)
    stored = hh.load_household(office, str(made.id))
    stored.members[0].phone = "13700000000"  # a member's change marks its household row too
    hh.save_household(office, stored)
    send(office, a, o, ad)
    with a.connection() as conn:  # the store flagged the household row as it saved the member …
        assert conn.exec_driver_sql("SELECT unsent FROM households").scalar()
    assert marks(a) == {"张三": hl.NOTHING}  # … but an import's writes are not local changes
    edit(a, str(made.id), phone="13900000003")
    assert marks(a) == {"张三": hl.UNSENT}


def test_conflicts_are_named_in_the_advisors_words(trio: Pair) -> None:
    office, o, a, ad, _b, _bd = trio
    enrol_peer(office, ad, "王老师", "advisor", "keys-a", ["七星村"])
    enrol_peer(a, o, "乡镇", "office", "keys-o")
    made = household(a, "七星村", "张三")
    send(a, office, ad, o)
    send(office, a, o, ad)
    edit(a, str(made.id), phone="13900000001")
    edit(office, str(made.id), phone="13900000002", area="urban")
    send(a, office, ad, o)
    rows = conflicts_view.open_conflicts(office)
    assert [(r.head_name, r.village, r.peer_name, r.record.zh, r.field.zh, r.mine.zh, r.theirs.zh) for r in rows] == [
        ("张三", "七星村", "王老师", "家庭", "联系电话", "13900000002", "13900000001")]
    assert (rows[0].field.en, rows[0].record.en) == ("Phone", "Household")
    assert conflicts_view.open_count(office) == 1

    # Deleted at the office, edited on the laptop: the deletion is a conflict of its own, named so.
    resolved = conflicts_view.resolve(office, rows[0].id, conflicts_view.THEIRS)
    assert (resolved.household_id, resolved.still_open) == (str(made.id), 0)
    send(office, a, o, ad)
    hh.delete_household(office, str(made.id))
    edit(a, str(made.id), notes="搬家了")
    send(a, office, ad, o)
    rows = conflicts_view.open_conflicts(office)
    assert [(r.head_name, r.field.zh, r.mine.zh, r.theirs.zh) for r in rows] == [("张三", "删除", "已删除", "未删除")]


def test_an_export_writes_the_marks_of_what_it_sent_as_a_recompute_gives_them(trio: Pair) -> None:
    office, o, a, ad, _b, bd = trio
    enrol_peer(office, ad, "王老师", "advisor", "keys-a", ["七星村"])
    enrol_peer(office, bd, "李老师", "advisor", "keys-b", ["丰收村"])
    enrol_peer(a, o, "乡镇", "office", "keys-o")
    first = household(a, "七星村", "张三")
    household(a, "七星村", "李四")
    visited = hh.load_household(a, str(first.id))
    visited.visits = [Visit("review", dt.date(2024, 3, 1), ["王老师"])]
    visited = hh.save_household(a, visited)
    visited.visits = []  # deleted before it was ever sealed: it never travels, its flag stays
    hh.save_household(a, visited)
    payload = build_payload(a, o)
    assert stale_list_columns(a) == []
    assert marks(a) == {"张三": hl.UNSENT, "李四": hl.UNCONFIRMED}
    assert {r["kind"] for r in payload["records"]} == {"household", "member"}
    with a.connection() as conn:  # every row that went out is no longer flagged; the deleted visit is
        flagged = conn.execute(sa.text("SELECT 'visit', count(*) FROM visits WHERE unsent UNION ALL "
                                       "SELECT 'member', count(*) FROM members WHERE unsent UNION ALL "
                                       "SELECT 'household', count(*) FROM households WHERE unsent")).all()
    assert sorted(flagged) == [("household", 0), ("member", 0), ("visit", 1)]

    apply_payload(office, ad, payload["sequence"], payload)
    household(office, "丰收村", "王五")  # 李老师's, changed at the office
    edit(office, str(first.id), phone="13900000000")
    build_payload(office, ad)  # only 王老师's households go, and only theirs change mark
    assert stale_list_columns(office) == []
    assert marks(office) == {"张三": hl.UNCONFIRMED, "李四": hl.NOTHING, "王五": hl.UNSENT}

    enrol_peer(a, bd, "另一个乡镇", "office", "keys-x")  # the laptop's marks are about the office enrolled last
    edit(a, str(first.id), phone="13700000000")
    build_payload(a, o)
    assert stale_list_columns(a) == []
    assert marks(a)["张三"] == hl.UNSENT  # sent to the first office, never to the one the marks are about
