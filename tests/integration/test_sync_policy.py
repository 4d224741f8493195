"""Policy tables from the office to an advisor through bundles (kind ``policy_table``), and a
need's status history both ways (kind ``need_status_change``). Policy tables: the office
imports a county's sheet and exports; the laptop takes the office's table for that region (its
checks use it, ``policy show`` says where it came from), a second import changes nothing, a table in
an advisor's bundle is refused, and a reset at the office puts the laptop back on the shipped table.
The office runs on SQLite and on PostgreSQL, through the command line as in ``test_sync_bundles``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pg_cluster
import pytest
from test_policy_cli import sheet
from test_sync_bundles import Side, Trio, make_trio, new_household, table_counts

from advisor_app.domain.household import Need, Visit
from advisor_app.services import audit, eligibility, policy, visits
from advisor_app.services import households as hh
from advisor_app.sync.kinds import BOTH, KINDS

ON = dt.date(2025, 1, 1)
SHIPPED = 924  # 合肥市蜀山区's 低保标准 from 2023-07-01 in the shipped table
OFFICE_STANDARD = 1111


@pytest.fixture
def trio(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Trio:
    url = None
    if backend == "postgresql":
        cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
        url = cluster.create_database()
    return make_trio(tmp_path, url)


def county_sheet(folder: Path, standard: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return sheet(folder / f"蜀山区-{standard}.xlsx", [
        ["340104", "合肥市蜀山区", "dibao_standard", "", SHIPPED, "元/人/月", "2023-07-01", None, "否", "县通知 2023"],
        ["340104", "合肥市蜀山区", "dibao_standard", "", standard, "元/人/月", "2024-07-01", None, "否", "县通知 2024"],
    ])


def standard_used(side: Side, household_id: str) -> float:
    """The 低保标准 the laptop's check of the household uses on ``ON`` (as the app's panel asks)."""
    with side.profile() as p:
        result = eligibility.check(hh.load_household(p, household_id), ON, profile=p)
        return result.policy["dibao_standard"].value


def policy_entries(side: Side) -> list[tuple[str, str | None]]:
    with side.profile() as p:
        return [(e.action, e.record_id) for e in audit.list_entries(p) if e.kind == "policy"]


def export_import(src: Side, dst: Side, stick: Path, *extra: str) -> tuple[dict[str, Any], dict[str, Any]]:
    done = src.export(stick, *extra)
    return done, dst.import_(*done["files"])


def test_the_offices_table_reaches_the_advisor_and_wins(trio: Trio, tmp_path: Path) -> None:
    t = trio
    made = new_household(t.a, "七星村", "张三")
    t.send(t.a, t.office)
    assert standard_used(t.a, made) == SHIPPED

    # The advisor's own earlier import of that region: the office's table replaces it.
    t.a.run("policy", "import", str(county_sheet(tmp_path / "wang", 1000)), "--yes")
    assert standard_used(t.a, made) == 1000
    t.office.run("policy", "import", str(county_sheet(tmp_path / "office", OFFICE_STANDARD)), "--yes")
    assert t.office.status()["unsent"] == {"policy_table": 1}
    assert t.agreeing() == set()  # neither has the office's table yet

    done, result = export_import(t.office, t.a, t.carry / "1", "--to", t.a.name)
    assert done["records"].get("policy_table") == 1
    assert result["results"][0]["status"] == "imported"
    assert standard_used(t.a, made) == OFFICE_STANDARD
    shown = t.a.run("policy", "show", "340104", "--on", ON.isoformat())[1]
    office_fp = next(p["fingerprint"] for p in t.a.json("enrol", "list") if p["name"] == t.office.name)
    assert f"{OFFICE_STANDARD} 元/人/月" in shown and "来自乡镇“莲花镇”" in shown and office_fp in shown
    assert "收到" in shown
    with t.a.profile() as p:
        (source,) = policy.table_sources(p).values()
        assert (source.region, source.source, source.office_fingerprint) == ("340104", "office", office_fp)
        assert source.received_at
    assert policy_entries(t.a)[-1] == ("import", "340104")  # the replacement is audited

    # The same files again: nothing changes, and says so.
    before, entries = table_counts(t.a), policy_entries(t.a)
    again = t.a.import_(*done["files"])
    assert [r["status"] for r in again["results"]] == ["already_imported"]
    assert table_counts(t.a) == before and policy_entries(t.a) == entries

    # The advisor's bundle never carries a table; its acknowledgement stops the office resending it.
    back, _ = export_import(t.a, t.office, t.carry / "2")
    assert "policy_table" not in back["records"]
    assert t.agreeing() == {"王老师"}  # 李老师 has not had the office's table yet
    done, result = export_import(t.office, t.a, t.carry / "3", "--to", t.a.name)
    assert "policy_table" not in done["records"]
    t.send(t.office, t.b)
    assert t.agreeing() == {"王老师", "李老师"}

    # A reset at the office travels as a tombstone: the laptop is back on the shipped table.
    t.office.run("policy", "reset", "340104", "--yes")
    assert t.office.status()["unsent"] == {"policy_table": 1}
    done, result = export_import(t.office, t.a, t.carry / "4", "--to", t.a.name)
    assert done["records"].get("policy_table") == 1
    assert standard_used(t.a, made) == SHIPPED
    with t.a.profile() as p:
        assert policy.table_sources(p) == {}
    assert policy_entries(t.a)[-1] == ("reset", "340104")
    assert "来自乡镇" not in t.a.run("policy", "show", "340104", "--on", ON.isoformat())[1]
    t.send(t.a, t.office)
    assert t.a.shared_digest(t.office) == t.office.shared_digest(t.a)


def test_a_table_in_an_advisors_bundle_is_refused(trio: Trio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    t = trio
    t.a.run("policy", "import", str(county_sheet(tmp_path / "wang", 1000)), "--yes")
    with monkeypatch.context() as m:  # a laptop made to send its table, as a tampered release would
        m.setitem(KINDS, "policy_table", dataclasses.replace(KINDS["policy_table"], senders=BOTH))
        done = t.a.export(t.carry / "1")
    assert done["records"].get("policy_table") == 1
    before, status = table_counts(t.office), t.office.status()
    result = t.office.import_(*done["files"], code=2)
    (refused,) = result["results"]
    assert refused["status"] == "refused"
    assert "政策标准表" in refused["reason"] and "王老师" in refused["reason"] and "只能由乡镇发出" in refused["reason"]
    assert table_counts(t.office) == before and t.office.status() == status
    assert policy_entries(t.office) == []


# --- a need's status history (kind need_status_change) ----------------------------------------------

def history(side: Side, household_id: str) -> list[tuple[str, str, str, str, str, str | None]]:
    """Every entry of the household's needs' histories: (need, old, new, day, who, note), oldest first."""
    with side.profile() as p:
        return [(n.description, c.old_status, c.new_status, c.on.isoformat(), c.by, c.note)
                for n in visits.household_needs(p, household_id) for c in n.changes]


def test_a_needs_status_history_travels_both_ways_and_only_adds_up(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "赵四")
    with t.a.profile() as p:
        hh.save_visit(p, made, Visit("return", dt.date(2026, 10, 1), ["王老师"], "",
                                     needs=[Need("service", "轮椅"), Need("cash", "医药费")]))
        wheelchair, medicine = (n.id for n in visits.household_needs(p, made))
        visits.change_need_status(p, medicine, "referred", on=dt.date(2026, 10, 2), by="王老师", note="转县医保局")
    t.send(t.a, t.office)
    assert history(t.office, made) == [("医药费", "open", "referred", "2026-10-02", "王老师", "转县医保局")]

    # The office's decision with its day, clerk and note; the laptop meanwhile records its own.
    with t.office.profile() as p:
        visits.change_need_status(p, wheelchair, "referred", on=dt.date(2026, 10, 5), by="乡镇李干事", note="转县残联")
    with t.a.profile() as p:
        visits.change_need_status(p, medicine, "fulfilled", on=dt.date(2026, 10, 6), by="王老师", note="已报销")
    result = t.send(t.office, t.a)
    assert result["conflicts"] == 0
    t.send(t.a, t.office)
    expected = [("轮椅", "open", "referred", "2026-10-05", "乡镇李干事", "转县残联"),
                ("医药费", "open", "referred", "2026-10-02", "王老师", "转县医保局"),
                ("医药费", "referred", "fulfilled", "2026-10-06", "王老师", "已报销")]
    for side in (t.a, t.office):
        assert sorted(history(side, made)) == sorted(expected), side.name  # no entry lost, none doubled
        with side.profile() as p:
            assert {n.description: n.status for n in visits.household_needs(p, made)} == {
                "轮椅": "referred", "医药费": "fulfilled"}
    assert t.agreeing() == {"王老师", "李老师"}
    assert t.a.status()["unsent"] == {} and t.office.status()["unsent"] == {}
    before = table_counts(t.a)
    t.send(t.office, t.a)  # nothing new: nothing changes but the bundle's own bookkeeping
    assert table_counts(t.a) == {**before, "sync_bundles": before["sync_bundles"] + 1,
                                 "audit_log": before["audit_log"] + 1}
    assert sorted(history(t.a, made)) == sorted(expected)
