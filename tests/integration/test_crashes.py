"""Crash tests: a process saving visits, importing households, screening, migrating, changing the
passphrase or encrypting a plaintext profile is killed with SIGKILL at many points spread over the
operation (``crash_child.py`` says how the points are chosen). After every kill the profile opens,
``profile check`` exits 0, and the operation is wholly there or wholly absent: a visit with all its
needs or none, an imported household with all its members, visits and needs or none, a screening
run's results all from one run, a file readable with exactly one of the passphrases, and audit
entries exactly matching the changes present.

Each operation first runs once without a kill, to count its kill points; the kills are then spread
evenly over them (and over its measured duration). :data:`KILLS` says how many each operation gets."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import crash_child as op
import pytest
import sqlalchemy as sa
from alembic import command

from advisor_app.cli import main
from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain import interchange
from advisor_app.services import audit, demo, drafts, eligibility, households
from advisor_app.services import passphrase as keys
from advisor_app.services.profile import PlaintextProfile, open_profile
from advisor_app.store import damage, encryption, migrate, purge
from advisor_app.store import engine as store_engine
from advisor_app.store.screening import stored_results

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash child forks (POSIX)")

KILLS = {"visits": 10, "import": 8, "screen": 7, "migrate": 9, "rekey": 7, "encrypt": 9}
"""The least number of SIGKILLs each operation must receive: its deterministic kill points (a run
killed at a moment in time may finish first, and then does not count)."""

killed: Counter[str] = Counter()


def test_the_plan_kills_at_least_50_times() -> None:
    assert sum(KILLS.values()) >= 50


# --- the child, kill points, copies -----------------------------------------------------------------

class Child:
    def __init__(self, log_dir: Path) -> None:
        env = {**os.environ, "ADVISOR_APP_PASSPHRASE": op.OLD_PASSPHRASE, "ADVISOR_APP_CHECK_WRITES": "1",
               "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
        env.pop("ADVISOR_APP_DATABASE_URL", None)
        self.proc = subprocess.Popen([sys.executable, str(Path(op.__file__))], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, text=True)
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "ready"
        self.log_dir, self.runs = log_dir, 0

    def run(self, name: str, folder: Path, kill: tuple[str, float] | None = None,
            args: dict[str, Any] | None = None) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.runs += 1
        log = self.log_dir / f"{name}-{self.runs}.log"
        request = {"op": name, "dir": str(folder), "args": args or {}, "log": str(log),
                   "kill": {"mode": kill[0], "at": kill[1]} if kill else None}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        result: dict[str, Any] = json.loads(self.proc.stdout.readline())
        result["log"] = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if not result["killed"]:
            assert result["code"] == 0, result["log"]
        return result

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def child(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Child]:
    c = Child(tmp_path_factory.mktemp("crash-logs"))
    yield c
    c.close()




def spread(total: int, n: int) -> list[int]:
    """``n`` kill points spread evenly over 1 … ``total`` (fewer when there are fewer points)."""
    return sorted({max(1, round(total * (i + 0.5) / n)) for i in range(n)}) if total else []


def plan(measured: dict[str, Any], **n: int) -> list[tuple[str, float]]:
    """Kill points: ``tick=…``, ``commit=…``, ``step=…`` spread over the counts of the measured run,
    ``time=…`` over its duration."""
    points: list[tuple[str, float]] = []
    for mode, count in n.items():
        if mode == "time":
            points += [("time", measured["seconds"] * (i + 0.5) / count) for i in range(count)]
        else:
            points += [(mode, k) for k in spread(measured["counts"][mode], count)]
    return points


def crash_runs(child: Child, name: str, seed: Path, work: Path, points: list[tuple[str, float]],
               check: Callable[[Path], None], args: dict[str, Any] | None = None) -> int:
    """Run ``name`` on a fresh copy of ``seed`` for each kill point, then ``check`` the copy; returns
    the number of real kills (and counts them in :data:`killed`)."""
    kills = 0
    for i, point in enumerate(points):
        folder = work / f"{name}-{i}"
        shutil.copytree(seed, folder)
        result = child.run(name, folder, point, args)
        kills += result["killed"]
        try:
            check(folder)
        except AssertionError as exc:
            raise AssertionError(f"after a kill at {point}: {exc}\n{result['log']}") from exc
        shutil.rmtree(folder)
    killed[name] += kills
    assert kills >= KILLS[name], f"{name}: only {kills} of {len(points)} runs were killed"
    return kills


def measure(child: Child, name: str, seed: Path, work: Path, args: dict[str, Any] | None = None
            ) -> tuple[dict[str, Any], Path]:
    folder = work / f"{name}-measured"
    shutil.copytree(seed, folder)
    result = child.run(name, folder, None, args)
    assert not result["killed"] and result["counts"], result["log"]
    return result, folder


def profile_check_passes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(folder), "profile", "check"])
    out, err = capsys.readouterr()
    assert code == 0, out + err


def demo_seed(folder: Path, households_: int) -> None:
    profile = open_profile(folder)
    try:
        demo.fill_demo(profile, households_, seed=5)
    finally:
        profile.close()


# --- saving visits --------------------------------------------------------------------------------

def test_saving_visits_killed_anywhere_keeps_each_visit_whole(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    demo_seed(seed, 40)

    def check(folder: Path) -> None:
        profile = open_profile(folder)
        try:
            ids = sorted(h.id for h in households.list_households(profile))[:op.VISITS]
            saved: list[int] = []
            visit_ids, need_ids = set(), set()
            for i, hid in enumerate(ids):
                new = [v for v in households.load_household(profile, hid).visits
                       if v.notes.startswith("崩溃测试回访")]
                assert len(new) <= 1
                if not new:
                    continue
                visit = new[0]
                assert visit.notes == f"崩溃测试回访{i}"
                assert sorted(n.description for n in visit.needs) == [
                    f"崩溃测试需求{i}-{j}" for j in range(op.NEEDS_PER_VISIT)]  # all its needs, or no visit
                assert drafts.find_visit_draft(profile, hid) is None  # saved: its draft went with it
                saved.append(i)
                visit_ids.add(visit.id)
                need_ids |= {n.id for n in visit.needs}
            assert saved == list(range(len(saved)))  # one after another: nothing later without the earlier
            entries = audit.list_entries(profile)
            assert {e.record_id for e in entries if (e.action, e.kind) == ("create", "visit")} == visit_ids
            assert {e.record_id for e in entries if (e.action, e.kind) == ("create", "need")} == need_ids
            assert len(entries) == len(visit_ids) + len(need_ids)
        finally:
            profile.close()
        profile_check_passes(folder, capsys)

    measured, done = measure(child, "visits", seed, tmp_path)
    check(done)
    profile = open_profile(done)
    assert len(audit.list_entries(profile)) == op.VISITS * (1 + op.NEEDS_PER_VISIT)  # every visit saved
    profile.close()
    crash_runs(child, "visits", seed, tmp_path, plan(measured, tick=7, commit=3, time=1), check)


# --- importing households -------------------------------------------------------------------------

def household_files(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    files = []
    generator = DemoGenerator(seed=23, today=dt.date(2026, 6, 1))
    while len(files) < n:
        household = generator.household()
        if len(household.members) < 2 or not household.visits:
            continue  # several members and visits: an import that is more than one row
        path = folder / f"household-{len(files)}.json"
        path.write_text(interchange.household_to_json(household), encoding="utf-8")
        files.append(path)
    return files


def test_importing_households_killed_anywhere_imports_each_whole_or_not_at_all(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    open_profile(seed).close()
    files = household_files(tmp_path / "files", 4)
    expected = [interchange.household_from_json(f.read_text(encoding="utf-8")) for f in files]
    args = {"files": [str(f) for f in files]}

    def check(folder: Path) -> None:
        profile = open_profile(folder)
        try:
            stored = {h.id: households.load_household(profile, h.id) for h in households.list_households(profile)}
            by_person = {m.id_number: h for h in stored.values() for m in h.members}
            present: list[int] = []
            want: set[tuple[str, str | None]] = set()
            for i, household in enumerate(expected):
                found = {id(by_person[m.id_number]) for m in household.members if m.id_number in by_person}
                if not found:
                    continue
                assert len(found) == 1
                h = by_person[household.members[0].id_number]
                assert sorted(m.id_number for m in h.members) == sorted(m.id_number for m in household.members)
                assert len(h.visits) == len(household.visits)
                assert sorted(len(v.needs) for v in h.visits) == sorted(len(v.needs) for v in household.visits)
                present.append(i)
                want |= {("household", h.id)} | {("member", m.id) for m in h.members}
                want |= {("visit", v.id) for v in h.visits} | {("need", n.id) for v in h.visits for n in v.needs}
            assert present == list(range(len(present))) and len(stored) == len(present)
            entries = audit.list_entries(profile)
            assert sorted((e.kind, e.record_id) for e in entries) == sorted(want)  # one entry each, no more
            assert [e.record_id for e in entries if e.action == "import"] == [
                by_person[expected[i].members[0].id_number].id for i in present]
        finally:
            profile.close()
        profile_check_passes(folder, capsys)

    measured, done = measure(child, "import", seed, tmp_path, args)
    check(done)
    profile = open_profile(done)
    assert households.count_households(profile) == len(files)
    profile.close()
    crash_runs(child, "import", seed, tmp_path, plan(measured, tick=5, commit=3, time=1), check, args)


# --- screening ------------------------------------------------------------------------------------

def results(folder: Path) -> tuple[set[tuple[Any, ...]], set[str], set[str], str | None, list[str]]:
    """(result rows without their run, the rows' check dates, their write times, the run record,
    screen entries). A row a run found unchanged keeps its write time and takes the run's date."""
    profile = open_profile(folder)
    try:
        with profile.connection() as conn:
            at = dict(conn.exec_driver_sql("SELECT household_id, screened_at FROM screening_results").all())
            rows = [(*r, at[r[0]]) for r in stored_results(conn)]
            run = conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'screening.last'").scalar()
        entries = [e.detail for e in audit.list_entries(profile) if e.action == "screen"]
    finally:
        profile.close()
    return {tuple(r[:6]) for r in rows}, {str(r[6]) for r in rows}, {str(r[7]) for r in rows}, run, entries


def test_screening_killed_anywhere_keeps_one_whole_run(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    demo_seed(seed, 2000)
    profile = open_profile(seed)
    first = eligibility.screen(profile, dt.date(2026, 1, 15))
    profile.close()
    before = results(seed)
    assert first.stored > 0 and len(before[1]) == len(before[2]) == 1 and len(before[4]) == 1

    measured, done = measure(child, "screen", seed, tmp_path)
    after = results(done)
    assert after[1] != before[1] and len(after[1]) == 1 and len(after[4]) == 2
    assert after[2] - before[2], "the second run wrote the rows that changed"

    def check(folder: Path) -> None:
        now = results(folder)
        assert now in (before, after) or (now[0], now[1], now[4]) == (after[0], after[1], after[4])
        (on,) = now[1]
        run = json.loads(now[3] or "{}")
        assert run["on"] == on  # the run record is of the same run
        assert now[2] <= before[2] | {run["screened_at"]}  # each row written by that run or kept from the one before
        assert now[4][-1] == f"on={on} households={run['households']} results={len(now[0])}"
        profile_check_passes(folder, capsys)

    check(done)
    crash_runs(child, "screen", seed, tmp_path, plan(measured, tick=6, commit=1, time=2), check)


# --- migrating ------------------------------------------------------------------------------------

def record_ids(engine: sa.Engine) -> dict[str, set[str]]:
    with engine.connect() as conn:
        return {t: {r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {t}")}
                for t in ("households", "members", "visits", "needs")}


def test_migrating_killed_anywhere_ends_at_head_with_every_record(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    demo_seed(seed, 200)
    profile = open_profile(seed, daily_backup=False)  # the test's own look: no day's copy in the seed
    cfg = migrate._config()
    with store_engine.for_writing(profile.engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")  # a database of the first release's schema, its records kept
    ids = record_ids(profile.engine)
    url = profile.engine.url
    profile.close()
    assert all(ids.values()) and list((seed / "backups").glob("*.sqlite")) == []

    def check(folder: Path) -> None:
        profile = open_profile(folder)  # the next start: migrates what was not migrated
        try:
            assert migrate.current_revision(profile.engine) == migrate.head_revision()
            assert record_ids(profile.engine) == ids
        finally:
            profile.close()
        for copy in (folder / "backups").glob("*.sqlite"):  # only whole copies look like backups
            engine = store_engine.create_engine(url.set(database=str(copy)))
            try:
                assert store_engine.integrity_problems(engine) == [] and record_ids(engine) == ids
            finally:
                engine.dispose()
        profile_check_passes(folder, capsys)

    measured, done = measure(child, "migrate", seed, tmp_path)
    check(done)
    crash_runs(child, "migrate", seed, tmp_path, plan(measured, tick=7, commit=1, step=1, time=1), check)


# --- changing the passphrase ----------------------------------------------------------------------

def opens_with(path: Path) -> list[str]:
    salt = encryption.salt_of(path)
    assert salt is not None, path
    return [p for p in (op.OLD_PASSPHRASE, op.NEW_PASSPHRASE)
            if encryption.opens(path, encryption.derive_key(p, salt), salt)]


def test_changing_the_passphrase_killed_anywhere_leaves_every_file_with_one_passphrase(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seed = tmp_path / "seed"
    demo_seed(seed, 150)
    profile = open_profile(seed)
    for _ in range(2):
        migrate.backup(profile.engine, profile.data.backups, "manual")
    profile.close()
    files = ["advisor.sqlite", *sorted(p.relative_to(seed).as_posix() for p in (seed / "backups").glob("*.sqlite"))]

    def counts(path: Path, passphrase: str) -> dict[str, int]:
        salt = encryption.salt_of(path)
        assert salt is not None
        key = encryption.derive_key(passphrase, salt)
        return store_engine.table_counts(store_engine.sqlcipher_url(path, key, salt))

    expected = {f: counts(seed / f, op.OLD_PASSPHRASE) for f in files}

    def check(folder: Path) -> None:
        found = sorted(p.relative_to(folder).as_posix() for p in (folder / "backups").glob("*.sqlite"))
        assert ["advisor.sqlite", *found] == files  # nothing lost, nothing added
        which = {}
        for f in files:
            passphrases = opens_with(folder / f)
            assert len(passphrases) == 1, f"{f} opens with {passphrases}"
            which[f] = passphrases[0]
            assert counts(folder / f, which[f]) == expected[f]
        current = which["advisor.sqlite"]
        monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", current)
        profile_check_passes(folder, capsys)
        if current == op.OLD_PASSPHRASE:  # not changed: the advisor changes it again, and it takes
            profile = open_profile(folder)
            keys.change_passphrase(profile, op.OLD_PASSPHRASE, op.NEW_PASSPHRASE)
            profile.close()
        assert {f: opens_with(folder / f) for f in files} == {f: [op.NEW_PASSPHRASE] for f in files}
        monkeypatch.setenv("ADVISOR_APP_PASSPHRASE", op.OLD_PASSPHRASE)

    measured, done = measure(child, "rekey", seed, tmp_path)
    check(done)
    crash_runs(child, "rekey", seed, tmp_path, plan(measured, tick=2, step=5, time=2), check)


# --- encrypting a plaintext profile ---------------------------------------------------------------

def test_encrypting_killed_anywhere_leaves_one_whole_profile_and_no_plaintext(
        child: Child, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    profile = open_profile(seed, database_url=store_engine.sqlite_url(seed / "advisor.sqlite"))  # as 0.1.0 did
    demo.fill_demo(profile, 100, seed=5)
    for _ in range(2):
        migrate.backup(profile.engine, profile.data.backups, "manual")
    with profile.connection() as conn:
        people = [str(r[0]) for r in conn.exec_driver_sql("SELECT name || '|' || id_number FROM members LIMIT 30")]
        live = purge.live_household_count(conn)
    profile.close()
    secrets = [s for p in people for s in p.split("|")]
    assert encryption.is_plaintext(seed / "advisor.sqlite")

    def check(folder: Path) -> None:  # the test's own opens make no day's copy: the copies are the two made
        try:
            open_profile(folder, daily_backup=False).close()
        except PlaintextProfile:  # killed before the swap: still plaintext, and the advisor is asked again
            keys.encrypt_profile(folder, op.OLD_PASSPHRASE)
        profile = open_profile(folder, daily_backup=False)
        try:
            with profile.connection() as conn:
                assert purge.live_household_count(conn) == live
        finally:
            profile.close()
        profile_check_passes(folder, capsys)
        checked = damage.record_path(Path("advisor.sqlite")).name  # sizes and times of a sound check, nothing else
        names = sorted(n for p in folder.rglob("*")
                       if p.is_file() and (n := p.relative_to(folder).as_posix()) != checked)
        assert [n for n in names if not n.startswith("backups/")] == ["advisor.sqlite"], names
        copies = [folder / n for n in names if n.startswith("backups/")]
        assert len(copies) == 2 and all(n.endswith(".sqlite") for n in names), names
        for copy in copies:
            assert opens_with(copy) == [op.OLD_PASSPHRASE]
        raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
        assert [s for s in secrets if any(s.encode(c) in raw for c in ("utf-8", "utf-16-le", "utf-16-be")
                                          if len(s.encode(c)) >= 6)] == []  # fewer bytes: found by chance

    measured, done = measure(child, "encrypt", seed, tmp_path)
    check(done)
    crash_runs(child, "encrypt", seed, tmp_path, plan(measured, tick=5, step=4, time=1), check)
