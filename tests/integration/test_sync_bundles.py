"""Sync by bundle files between three real profiles in temporary folders — an office and two advisors,
王老师 (七星村) and 李老师 (丰收村) — through the command line only (``advisor_app.cli.main``, the
program ``advisor-app`` runs): ``profile init --role``, ``enrol``, ``bundle export`` into a folder,
the files carried over, ``bundle import``, ``conflicts``, ``household assign``, and ``sync status``,
whose digests say after each step who agrees with whom. The office runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import os
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pg_cluster
import pytest
import sqlalchemy as sa

from advisor_app.cli import main
from advisor_app.domain import idcard, interchange
from advisor_app.services import demo
from advisor_app.services import households as hh
from advisor_app.services.profile import Profile, open_profile
from advisor_app.sync.bundle_header import EXTENSION

_numbers = itertools.count(1)


@dataclass
class Side:
    name: str
    folder: Path
    url: str | None = None  # the office's PostgreSQL database

    def run(self, *args: str, code: int | None = 0) -> tuple[int, str, str]:
        """``advisor-app --data-dir FOLDER [--database-url URL] ARGS``: exit code, stdout, stderr."""
        argv = ["--data-dir", str(self.folder), *(["--database-url", self.url] if self.url else []), *args]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            got = main(argv)
        if code is not None:
            assert got == code, f"{args}: exit {got}\n{out.getvalue()}\n{err.getvalue()}"
        return got, out.getvalue(), err.getvalue()

    def json(self, *args: str, code: int | None = 0) -> Any:
        return json.loads(self.run(*args, "--format", "json", code=code)[1])

    @contextlib.contextmanager
    def profile(self) -> Iterator[Profile]:
        p = open_profile(self.folder, database_url=self.url)
        try:
            yield p
        finally:
            p.close()

    def status(self) -> dict[str, Any]:
        return dict(self.json("sync", "status"))

    def shared_digest(self, other: Side) -> str:
        return next(str(p["digest"]) for p in self.status()["peers"] if p["name"] == other.name)

    def export(self, out: Path, *extra: str) -> dict[str, Any]:
        return dict(self.json("bundle", "export", "--out", str(out), *extra))

    def import_(self, *files: str | Path, code: int = 0) -> dict[str, Any]:
        return dict(self.json("bundle", "import", *map(str, files), code=code))


@dataclass
class Trio:
    office: Side
    a: Side
    b: Side
    carry: Path  # the USB stick

    def agreeing(self) -> set[str]:
        """Which advisors hold the same records as the office of the households they share."""
        return {s.name for s in (self.a, self.b) if self.office.shared_digest(s) == s.shared_digest(self.office)}

    def send(self, src: Side, dst: Side) -> dict[str, Any]:
        """Export from ``src`` to ``dst`` onto the stick, import there; the import's JSON result."""
        stick = self.carry / f"{src.name}-{next(_numbers)}"
        done = src.export(stick, *(["--to", dst.name] if src is self.office else []))
        result = dst.import_(*done["files"])
        assert [r["status"] for r in result["results"]] == ["imported"] * len(done["files"]), result
        return result


def make_trio(tmp_path: Path, office_url: str | None) -> Trio:
    office = Side("莲花镇", tmp_path / "office", office_url)
    a, b = Side("王老师", tmp_path / "wang"), Side("李老师", tmp_path / "li")
    office.run("profile", "init", "--role", "office", "--name", office.name, "--region", "340104")
    for advisor, village in ((a, "七星村"), (b, "丰收村")):
        advisor.run("profile", "init", "--role", "advisor", "--name", advisor.name, "--villages", village)
        enrol(office, advisor, village, tmp_path)
    return Trio(office, a, b, tmp_path / "stick")


def enrol(office: Side, advisor: Side, villages: str, tmp_path: Path) -> None:
    request, answer = tmp_path / f"{advisor.name}-request.json", tmp_path / f"{advisor.name}-answer.json"
    asked = advisor.json("enrol", "request", "--out", str(request))
    approved = office.json("enrol", "approve", str(request), "--villages", villages, "--out", str(answer))
    assert approved["fingerprint"] == asked["fingerprint"]  # what the clerk compares on the phone
    accepted = advisor.json("enrol", "accept", str(answer))
    office_fp = next(p["fingerprint"] for p in office.json("enrol", "list") if p["name"] == advisor.name)
    assert office_fp == asked["fingerprint"] and accepted["name"] == office.name
    assert accepted["villages"] == villages.split(",")


@pytest.fixture
def trio(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Trio:
    url = None
    if backend == "postgresql":
        cluster: pg_cluster.Cluster = request.getfixturevalue("postgres")
        url = cluster.create_database()
    return make_trio(tmp_path, url)


@pytest.fixture
def local_trio(tmp_path: Path) -> Trio:
    """The office on SQLite only (what is tested is the files, not the office's database)."""
    return make_trio(tmp_path, None)


def household_file(folder: Path, village: str, head: str, *, others: tuple[str, ...] = ()) -> Path:
    members = [{"name": head, "relation": "head", "id_number": idcard.make("340104", dt.date(1970, 1, 1),
                                                                            next(_numbers))}]
    members += [{"name": n, "relation": "child", "id_number": idcard.make("340104", dt.date(2000, 1, 1),
                                                                           next(_numbers))} for n in others]
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "address": f"{village}1号",
           "village": village, "town": "莲花镇", "members": [
               {**m, "disability": None, "serious_illness": False, "self_care_lost": 0, "student": False,
                "whereabouts": "home", "months_away": 0, "incomes": []} for m in members],
           "assets": {"financial": 100.0, "vehicles": 0, "extra_houses": 0}, "supporters": [],
           "expenses": {"medical_selfpaid_12m": 0.0, "education_12m": 0.0}, "emergency": None}
    path = folder / f"household-{next(_numbers)}.json"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def new_household(side: Side, village: str, head: str, *, others: tuple[str, ...] = ()) -> str:
    return side.run("household", "import", str(household_file(side.folder.parent / "docs", village, head,
                                                               others=others)))[1].strip()


def edit(side: Side, household_id: str, **changes: Any) -> None:
    with side.profile() as p:
        household = hh.load_household(p, household_id)
        for name, value in changes.items():
            setattr(household, name, value)
        hh.save_household(p, household)


def phone(side: Side, household_id: str) -> str:
    with side.profile() as p:
        return hh.load_household(p, household_id).phone


def ids(side: Side) -> set[str]:
    return {line.split("\t")[0] for line in side.run("household", "list")[1].splitlines() if line}


def table_counts(side: Side) -> dict[str, int]:
    with side.profile() as p, p.connection() as conn:
        return {t: int(conn.execute(sa.text(f"select count(*) from {t}")).scalar_one())
                for t in sorted(sa.inspect(conn).get_table_names()) if t != "alembic_version"}


# --- the whole round -------------------------------------------------------------------------------

def test_enrolment_export_transfer_import_and_back(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "张三", others=("张小",))
    assert t.a.status()["unsent"] == {"household": 1, "member": 2}
    assert t.agreeing() == {"李老师"}  # 王老师 has a household the office has not seen
    stick = t.carry / "first"
    done = t.a.export(stick)
    assert (done["sequence"], done["records"]) == (1, {"household": 1, "member": 2})
    assert [Path(f).name for f in done["files"]] == [f"王老师-莲花镇-1{EXTENSION}"]
    assert sorted(p.name for p in stick.iterdir()) == [f"王老师-莲花镇-1{EXTENSION}"]  # no temporary left
    result = t.office.import_(*done["files"])
    totals = result.pop("totals")  # an extra key beside the contract's
    assert result == {"results": [{"file": done["files"][0], "status": "imported", "reason": result["results"][0]
                                   ["reason"]}], "conflicts": 0}
    assert totals == {"households_new": 1, "households_changed": 0, "new": 3, "changed": 0, "merged": 0,
                      "conflicts": 0, "closed": 0, "dropped": 0, "files_imported": 1, "files_already_imported": 0,
                      "files_held": 0, "files_refused": 0}
    assert "来自王老师的第 1 号数据包" in result["results"][0]["reason"]
    assert t.agreeing() == {"王老师", "李老师"}
    assert made in ids(t.office)

    edit(t.office, made, phone="13800000000")
    assert t.agreeing() == {"李老师"}
    t.send(t.office, t.a)
    assert phone(t.a, made) == "13800000000"
    assert t.agreeing() == {"王老师", "李老师"}
    assert t.a.status()["digest"] == t.office.status()["digest"]  # the office holds only 王老师's household
    assert made not in ids(t.b)
    back = t.send(t.office, t.b)  # 李老师 gets nothing of 七星村
    assert back["conflicts"] == 0 and ids(t.b) == set()
    status = t.office.status()
    wang = next(p for p in status["peers"] if p["name"] == "王老师")
    assert (wang["last_sent"], wang["last_received"], wang["gaps"]) == (1, 1, [])
    text = t.office.run("sync", "status")[1]
    assert "王老师" in text and "李老师" in text


def test_edits_merge_and_the_same_field_is_a_conflict_resolved_by_a_person(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "钱五")
    t.send(t.a, t.office)
    t.send(t.office, t.a)
    edit(t.a, made, phone="111", notes="王老师记的")
    edit(t.office, made, phone="222", address="七星村2号")
    result = t.send(t.a, t.office)
    assert result["conflicts"] == 1
    (c,) = t.office.json("conflicts", "list")
    assert set(c) == {"id", "kind", "record_id", "field", "mine", "theirs"}
    assert (c["kind"], c["record_id"], c["field"], c["mine"], c["theirs"]) == ("household", made, "phone", "222", "111")
    assert t.send(t.office, t.a)["conflicts"] == 1
    (mirror,) = t.a.json("conflicts", "list")
    assert (mirror["mine"], mirror["theirs"]) == ("111", "222")
    assert t.agreeing() == {"李老师"}
    with t.a.profile() as p:
        stored = hh.load_household(p, made)
        assert (stored.phone, stored.notes, stored.address) == ("111", "王老师记的", "七星村1号")  # open: mine kept
    t.office.run("conflicts", "resolve", c["id"], "--keep", "theirs")
    assert t.office.json("conflicts", "list") == []
    t.send(t.office, t.a)
    assert t.a.json("conflicts", "list") == []  # the office's resolution closes it here too
    for side in (t.a, t.office):
        with side.profile() as p:
            stored = hh.load_household(p, made)
            assert (stored.phone, stored.notes, stored.address) == ("111", "王老师记的", "七星村2号")
    t.send(t.a, t.office)
    assert t.agreeing() == {"王老师", "李老师"}
    assert t.a.status()["digest"] == t.office.status()["digest"]


def test_a_deletion_against_an_edit_is_a_conflict(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "孙六", others=("孙小",))
    t.send(t.a, t.office)
    t.send(t.office, t.a)
    with t.a.profile() as p:
        here = hh.load_household(p, made)
        child = str(here.members[1].id)
        here.members = here.members[:1]
        hh.save_household(p, here)  # the child removed on the laptop
    with t.office.profile() as p:
        there = hh.load_household(p, made)
        there.members[1].occupation = "学生"
        hh.save_household(p, there)  # and edited at the office
    assert t.send(t.a, t.office)["conflicts"] == 1
    assert t.send(t.office, t.a)["conflicts"] == 1
    (c,) = t.a.json("conflicts", "list")
    assert (c["kind"], c["record_id"], c["field"], c["mine"], c["theirs"]) == ("member", child, "deleted", True, False)
    shown = t.a.run("conflicts", "list")[1]  # in the advisor's words, as the conflicts view says it
    assert "家庭成员" in shown and "：删除\t本机：已删除\t莲花镇：未删除" in shown, shown
    t.a.run("conflicts", "resolve", c["id"], "--keep", "mine")
    t.send(t.a, t.office)
    assert t.office.json("conflicts", "list") == []
    with t.office.profile() as p:
        assert [m.name for m in hh.load_household(p, made).members] == ["孙六"]
    assert t.agreeing() == {"王老师", "李老师"}


def test_a_household_reassigned_moves_to_the_other_advisor_after_its_changes_arrived(trio: Trio) -> None:
    t = trio
    made = new_household(t.a, "七星村", "冯十")
    t.send(t.a, t.office)
    t.send(t.office, t.a)
    edit(t.a, made, phone="555")  # not sent yet
    t.office.run("household", "assign", made, "--to", "李老师")
    t.send(t.office, t.a)
    assert phone(t.a, made) == "555"  # an unsent change keeps it on the laptop
    t.send(t.office, t.b)
    assert made in ids(t.b) and phone(t.b, made) == ""
    t.send(t.a, t.office)  # the change reaches the office
    t.send(t.office, t.a)
    assert made not in ids(t.a)
    t.send(t.office, t.b)
    assert phone(t.b, made) == "555"
    assert t.agreeing() == {"王老师", "李老师"}
    assert t.b.status()["digest"] == t.office.status()["digest"] != t.a.status()["digest"]
    _, _, err = t.office.run("household", "assign", made, "--to", "赵老师", code=2)
    assert "赵老师" in err and err.count("\n") == 1


# --- order, replay, parts ------------------------------------------------------------------------

def test_replay_reordering_and_gaps(local_trio: Trio) -> None:
    t = local_trio
    made = new_household(t.a, "七星村", "吴八")
    first = t.a.export(t.carry / "1")
    edit(t.a, made, phone="123")
    second = t.a.export(t.carry / "2")
    new_household(t.a, "七星村", "郑九")
    third = t.a.export(t.carry / "3")
    assert [b["sequence"] for b in (first, second, third)] == [1, 2, 3]
    assert third["records"] == {"household": 2, "member": 2}  # nothing acknowledged: all again

    late = t.office.import_(*third["files"])
    assert "第 1、2 号数据包没有导入" in late["results"][0]["reason"]
    wang = next(p for p in t.office.status()["peers"] if p["name"] == "王老师")
    assert wang["gaps"] == [1, 2]
    assert t.agreeing() == {"王老师", "李老师"}  # the newest carries everything
    before = t.office.status()["digest"]
    older = t.office.import_(*second["files"], *first["files"])  # given out of order: applied 1, then 2
    assert [r["status"] for r in older["results"]] == ["imported", "imported"]
    assert [r["file"] for r in older["results"]] == [*second["files"], *first["files"]]
    assert t.office.status()["digest"] == before and phone(t.office, made) == "123"
    again = t.office.import_(*third["files"])
    assert again["results"][0]["status"] == "already_imported" and "已经导入过" in again["results"][0]["reason"]
    assert t.office.status()["digest"] == before
    assert next(p for p in t.office.status()["peers"] if p["name"] == "王老师")["gaps"] == []


def test_a_missing_part_holds_the_bundle_until_it_arrives(local_trio: Trio) -> None:
    t = local_trio
    words = random.Random(4)
    for n in range(5):  # notes that do not compress: the bundle needs several 4 KB files
        made = new_household(t.a, "七星村", f"陈{n}", others=(f"陈小{n}",))
        edit(t.a, made, notes="".join(chr(0x4E00 + words.randrange(20000)) for _ in range(1200)))
    done = t.a.export(t.carry / "parts", "--max-size", "4KB")
    files = done["files"]
    assert len(files) >= 3 and all(os.path.getsize(f) <= 4096 for f in files)
    assert Path(files[1]).name == f"王老师-莲花镇-1-part-2-of-{len(files)}{EXTENSION}"
    before, counts = t.office.status()["digest"], table_counts(t.office)
    held = t.office.import_(files[0], *files[2:])
    assert {r["status"] for r in held["results"]} == {"held"}
    assert f"第 2 部分（共 {len(files)} 部分）还没有导入" in held["results"][0]["reason"]
    assert t.office.status()["digest"] == before and t.agreeing() == {"李老师"}
    assert "暂存" in t.office.run("sync", "status")[1]
    counts["sync_held_parts"] += len(files) - 1
    assert table_counts(t.office) == counts  # only the parts kept, nothing applied
    again = t.office.import_(files[2])  # a part given again: still held, kept once
    assert again["results"][0]["status"] == "held" and table_counts(t.office) == counts
    complete = t.office.import_(files[1])  # another day, the last part
    assert complete["results"][0]["status"] == "imported"
    assert t.agreeing() == {"王老师", "李老师"}
    assert table_counts(t.office)["sync_held_parts"] == 0
    late = t.office.import_(files[0])
    assert late["results"][0]["status"] == "already_imported"
    assert table_counts(t.office)["sync_held_parts"] == 0


# --- refusals: nothing changes -------------------------------------------------------------------

def test_bit_flips_and_truncation_are_refused_and_change_nothing(local_trio: Trio, tmp_path: Path) -> None:
    t = local_trio
    made = new_household(t.a, "七星村", "林一", others=("林二", "林三"))
    t.send(t.a, t.office)
    edit(t.a, made, phone="777")
    (good,) = t.a.export(t.carry / "flip")["files"]
    data = Path(good).read_bytes()
    before, counts = t.office.status(), table_counts(t.office)
    bad = tmp_path / f"bad{EXTENSION}"
    offsets = sorted({0, 7, 8, 11, 12, 40, 200, len(data) - 65, len(data) - 64, len(data) - 1,
                      *range(300, len(data) - 64, max(1, (len(data) - 364) // 30))})
    for offset in offsets:
        flipped = bytearray(data)
        flipped[offset] ^= 1 << (offset % 8)
        bad.write_bytes(bytes(flipped))
        code, out, _err = t.office.run("bundle", "import", str(bad), "--format", "json", code=None)
        (r,) = json.loads(out)["results"]
        assert (code, r["status"]) == (2, "refused"), f"offset {offset}: {r}"
        assert "没有导入" in r["reason"], r
    for length in (0, 5, 8, 13, 100, len(data) // 2, len(data) - 64, len(data) - 1):
        bad.write_bytes(data[:length])
        (r,) = t.office.import_(bad, code=2)["results"]
        assert r["status"] == "refused" and r["reason"], length
    bad.write_bytes(data + b"\0")
    assert t.office.import_(bad, code=2)["results"][0]["status"] == "refused"
    assert t.office.status() == before and table_counts(t.office) == counts
    assert phone(t.office, made) == ""
    _, _, err = t.office.run("bundle", "import", str(bad), code=2)
    assert "被拒收" in err
    t.office.import_(good)  # the genuine file still imports
    assert phone(t.office, made) == "777" and t.agreeing() == {"王老师", "李老师"}


def test_a_bundle_for_the_other_advisor_an_unknown_sender_and_a_revoked_advisor(local_trio: Trio) -> None:
    t = local_trio
    made = new_household(t.a, "七星村", "黄一")
    t.send(t.a, t.office)
    edit(t.office, made, phone="888")
    for_wang = t.office.export(t.carry / "to-wang", "--to", "王老师")["files"]
    before = t.b.status()
    (r,) = t.b.import_(*for_wang, code=2)["results"]
    assert r["status"] == "refused" and "不是发给本机" in r["reason"]
    wang_to_office = t.a.export(t.carry / "wang")["files"]
    (r,) = t.b.import_(*wang_to_office, code=2)["results"]  # 李老师 does not know 王老师's keys
    assert r["status"] == "refused" and "没有登记的设备" in r["reason"]
    assert t.b.status() == before
    (r,) = t.a.import_(*wang_to_office, code=2)["results"]  # carried to the wrong computer: its own
    assert r["status"] == "refused" and "本机自己导出" in r["reason"]

    li = new_household(t.b, "丰收村", "何二")
    from_li = t.b.export(t.carry / "li")["files"]
    t.office.run("enrol", "revoke", "李老师")
    before, counts = t.office.status(), table_counts(t.office)
    (r,) = t.office.import_(*from_li, code=2)["results"]
    assert r["status"] == "refused" and "李老师已被注销" in r["reason"]
    assert t.office.status() == before and table_counts(t.office) == counts
    assert li not in ids(t.office)
    _, _, err = t.office.run("bundle", "export", "--out", str(t.carry / "x"), "--to", "李老师", code=2)
    assert "注销" in err
    revoked = next(p for p in t.office.json("enrol", "list") if p["name"] == "李老师")
    assert revoked["revoked"] is True
    t.a.import_(*for_wang)  # 王老师's own bundle is fine
    assert phone(t.a, made) == "888" and "王老师" in t.agreeing()


def test_sync_commands_need_an_identity_and_say_so(tmp_path: Path) -> None:
    plain = Side("无名", tmp_path / "plain")
    plain.run("profile", "init")
    _, _, err = plain.run("enrol", "request", "--out", str(tmp_path / "r.json"), code=2)
    assert "profile init --role" in err
    named = Side("周老师", tmp_path / "named")
    named.run("profile", "init", "--name", "周老师")
    assert named.json("enrol", "request", "--out", str(tmp_path / "r.json"))["fingerprint"]
    assert named.status()["role"] == "advisor"  # made the first time a command needed it
    _, _, err = named.run("profile", "init", "--role", "office", "--name", "乡镇", code=2)
    assert "已经设置了同步身份" in err
    _, _, err = named.run("bundle", "export", "--out", str(tmp_path / "o"), code=2)
    assert "enrol" in err


# --- kill -9 during an import --------------------------------------------------------------------

def test_an_import_killed_anywhere_leaves_the_office_as_before_or_fully_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import test_crashes as crashes

    wang = Side("王老师", tmp_path / "wang")
    with wang.profile() as p:
        demo.fill_demo(p, 60, seed=3)
    wang.run("profile", "init", "--role", "advisor", "--name", wang.name)  # the existing profile gets its role
    office = Side("莲花镇", tmp_path / "office")
    office.run("profile", "init", "--role", "office", "--name", office.name)
    enrol(office, wang, "七星村", tmp_path)
    (bundle,) = wang.export(tmp_path / "stick")["files"]
    seed = tmp_path / "seed"
    shutil.copytree(office.folder, seed)
    before = office.status()["digest"]
    imported = Side(office.name, tmp_path / "measured")
    (tmp_path / "logs").mkdir()
    child = crashes.Child(tmp_path / "logs")
    try:
        shutil.copytree(seed, imported.folder)
        measured = child.run("bundle_import", imported.folder, None, {"files": [bundle]})
        assert not measured["killed"] and measured["counts"]["commit"] >= 1, measured["log"]
        after = imported.status()["digest"]
        assert after == wang.status()["digest"] != before
        points = crashes.plan(measured, tick=3, commit=2, time=1)
        kills = 0
        for i, point in enumerate(points):
            copy = Side(office.name, tmp_path / f"killed-{i}")
            shutil.copytree(seed, copy.folder)
            result = child.run("bundle_import", copy.folder, point, {"files": [bundle]})
            kills += result["killed"]
            crashes.profile_check_passes(copy.folder, capsys)
            status = copy.status()
            wang_seen = next(p for p in status["peers"] if p["name"] == "王老师")["last_received"]
            assert (status["digest"], wang_seen) in ((before, 0), (after, 1)), point
            if wang_seen == 0:  # as before: the same file imports in full now
                (r,) = copy.import_(bundle)["results"]
                assert r["status"] == "imported" and copy.status()["digest"] == after
            shutil.rmtree(copy.folder)
        assert kills >= 4, f"only {kills} of {len(points)} runs were killed"
    finally:
        child.close()


def test_an_import_of_several_files_killed_anywhere_leaves_all_of_them_or_none(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two advisors' bundles, a later bundle of one of them in parts (one part missing: held) in one
    ``bundle import``: killed anywhere, the office is as before, or has both bundles and the held parts."""
    sys.path.insert(0, str(Path(__file__).parent))
    import test_crashes as crashes

    wang = Side("王老师", tmp_path / "wang")
    with wang.profile() as p:
        demo.fill_demo(p, 30, seed=3)
    wang.run("profile", "init", "--role", "advisor", "--name", wang.name)
    li = Side("李老师", tmp_path / "li")
    li.run("profile", "init", "--role", "advisor", "--name", li.name)
    office = Side("莲花镇", tmp_path / "office")
    office.run("profile", "init", "--role", "office", "--name", office.name)
    enrol(office, wang, "七星村", tmp_path)
    enrol(office, li, "丰收村", tmp_path)
    new_household(li, "丰收村", "何一", others=("何小一",))
    files = wang.export(tmp_path / "stick-wang")["files"] + li.export(tmp_path / "stick-li-1")["files"]
    words = random.Random(5)
    made = new_household(li, "丰收村", "何二")
    edit(li, made, notes="".join(chr(0x4E00 + words.randrange(20000)) for _ in range(3000)))
    parts = li.export(tmp_path / "stick-li-2", "--max-size", "4KB")["files"]
    assert len(parts) >= 3
    files += parts[:-1]
    seed = tmp_path / "seed"
    shutil.copytree(office.folder, seed)
    before = office.status()["digest"]

    def state(side: Side) -> tuple[str, int, int, int]:
        status = side.status()
        seen = {p["name"]: p["last_received"] for p in status["peers"]}
        return status["digest"], seen["王老师"], seen["李老师"], table_counts(side)["sync_held_parts"]

    (tmp_path / "logs").mkdir()
    child = crashes.Child(tmp_path / "logs")
    try:
        measured_side = Side(office.name, tmp_path / "measured")
        shutil.copytree(seed, measured_side.folder)
        measured = child.run("bundle_import", measured_side.folder, None, {"files": files})
        assert not measured["killed"], measured["log"]
        after = state(measured_side)
        assert after[0] != before and after[1:] == (1, 1, len(parts) - 1)
        assert ids(measured_side) == ids(wang) | {h for h in ids(li) if h != made}
        points = crashes.plan(measured, tick=4, commit=2, time=1)
        kills = 0
        for i, point in enumerate(points):
            copy = Side(office.name, tmp_path / f"killed-{i}")
            shutil.copytree(seed, copy.folder)
            result = child.run("bundle_import", copy.folder, point, {"files": files})
            kills += result["killed"]
            crashes.profile_check_passes(copy.folder, capsys)
            got = state(copy)
            assert got in ((before, 0, 0, 0), after), point
            if got[1] == 0:  # as before: the same files import in full now
                done = copy.import_(*files)
                assert [r["status"] for r in done["results"]] == ["imported"] * 2 + ["held"] * (len(parts) - 1)
                assert state(copy) == after
            shutil.rmtree(copy.folder)
        assert kills >= 4, f"only {kills} of {len(points)} runs were killed"
    finally:
        child.close()


def test_several_files_one_refused_the_others_imported_as_one_by_one(local_trio: Trio, tmp_path: Path) -> None:
    """A bundle refused after it was opened (a member already registered in a household an earlier
    bundle of the same import brought) changes nothing; the others are imported as they would be
    one by one, and the exit code is 2."""
    t = local_trio
    wang_made = new_household(t.a, "七星村", "孙一", others=("孙小一",))
    wang_files = t.a.export(t.carry / "wang")["files"]
    with t.a.profile() as p:
        taken = hh.load_household(p, wang_made).members[1].id_number
    doc = json.loads(household_file(tmp_path / "docs", "丰收村", "钱一").read_text(encoding="utf-8"))
    doc["members"].append({**doc["members"][0], "name": "钱小一", "relation": "child", "id_number": taken})
    (tmp_path / "docs" / "clash.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    t.b.run("household", "import", str(tmp_path / "docs" / "clash.json"))
    li_files = t.b.export(t.carry / "li")["files"]
    twin = Side(t.office.name, tmp_path / "twin")
    shutil.copytree(t.office.folder, twin.folder)
    before = twin.status()

    code, out, _err = t.office.run("bundle", "import", *wang_files, *li_files, "--format", "json", code=None)
    together = json.loads(out)
    assert code == 2  # 李老师's applied before 王老师's (by name), whose 孙小一 it already registered
    assert [r["status"] for r in together["results"]] == ["refused", "imported"]
    assert "孙一" in together["results"][0]["reason"]
    one = twin.import_(*li_files)
    other = twin.json("bundle", "import", *wang_files, code=2)
    assert together["results"][1]["reason"] == one["results"][0]["reason"]
    assert together["results"][0]["reason"] == other["results"][0]["reason"]
    assert together["totals"] == {**one["totals"], "files_refused": 1}
    assert t.office.status() == twin.status()  # a copy of the office: the same device id
    assert table_counts(t.office) == table_counts(twin)
    wang_seen = next(p for p in t.office.status()["peers"] if p["name"] == "王老师")
    assert wang_seen["last_received"] == 0 and before != twin.status() and wang_made not in ids(t.office)


def test_an_import_cancelled_while_its_files_are_checked_writes_nothing(local_trio: Trio) -> None:
    from advisor_app.domain.errors import Cancelled
    from advisor_app.services import bundles

    t = local_trio
    new_household(t.a, "七星村", "张三")
    files = t.a.export(t.carry / "one")["files"] + t.b.export(t.carry / "two")["files"]
    before = t.office.status()
    backups = t.office.folder / "backups"
    kept = sorted(backups.iterdir()) if backups.exists() else []
    asked: list[tuple[int, int]] = []

    def cancel_at(step: int) -> Any:
        def progress(done: int, total: int) -> bool:
            asked.append((done, total))
            return done < step
        return progress

    with t.office.profile() as p:
        with pytest.raises(Cancelled, match="没有改动任何数据"):
            bundles.import_bundles(p, files, progress=cancel_at(1))  # at the second file's check
        assert asked == [(0, 2), (1, 2)]
        with pytest.raises(Cancelled):  # the last moment: the checks done, nothing written yet
            bundles.import_bundles(p, files, progress=cancel_at(3), applying=lambda: False)
    assert t.office.status() == before
    assert (sorted(backups.iterdir()) if backups.exists() else []) == kept  # not even the backup

    asked.clear()
    applying: list[int] = []

    def go_on() -> bool:
        applying.append(len(asked))
        return True

    with t.office.profile() as p:
        done = bundles.import_bundles(p, files, progress=cancel_at(3), applying=go_on)
    assert [r.status for r in done.results] == ["imported", "imported"] and applying == [3]  # after the checks
    assert asked == [(0, 2), (1, 2), (2, 2), (0, 2), (1, 2)]  # each file checked, then each bundle applied
    assert done.totals["households_new"] == 1 and done.totals["files_imported"] == 2
    assert t.agreeing() == {"王老师", "李老师"}
