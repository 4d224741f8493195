"""Sync payloads at scale: an advisor's export, an office importing 100 advisors, a re-import.

Targets: export of 10,000 changed households ≤ 2 s; an office importing 100 advisors' payloads
holding 100,000 households in total ≤ 30 s on SQLite (PostgreSQL given too); re-importing a
bundle ≤ 0.5 s. Everything goes through ``build_payload`` / ``apply_payload`` on encrypted
profiles (BENCH_PLAINTEXT=1: their plaintext twins); the bundle file layer adds about 0.13 s to
seal and 0.04 s to open per 10,000 households (docs/sync.md, "A bundle file"), measured apart.

* **export**: a copy of the cached demo profile of ``BENCH_EXPORT`` households (10,000), given an
  advisor identity and an office peer, exports everything (every household is a change not yet
  sealed). Median of BENCH_RUNS copies (default 3).
* **office import**: one advisor export of ``BENCH_OFFICE`` households (100,000; not timed) is cut
  into ``BENCH_ADVISORS`` (100) payloads of whole households, each sent by its own enrolled
  advisor; a new office profile imports them all — ``batch``: as ``bundle import`` of many files and
  the app's 导入数据包 do, in one transaction with a savepoint per payload (``apply_payloads``);
  ``one_by_one``: a transaction per payload (``apply_payload``), for comparison. BENCH_OFFICE_WAYS
  (default ``batch,one_by_one``) and BENCH_PG_WAYS (default ``batch``) choose. One demo profile is used because
  100 demo profiles of different seeds would share ID numbers, which the office rightly refuses.
* **re-import**: the first advisor's payload again (``already_imported``).
* **PostgreSQL**: the same office import into a throw-away server started as the test suite does
  (``tests/integration/pg_cluster.py``); skipped with the reason printed when it cannot start.

The demo profiles are cached under the benchmark folder (``_gui_profiles``); the copies and the
office profiles are temporary. Each figure is followed by the CPU time this process spent on it and
the machine's load average (1 minute) when it was taken: on a shared machine the wall time follows
the load, the CPU time much less.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _gui_profiles as profiles

from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_import import ALREADY_IMPORTED, IMPORTED, ImportReport, apply_payload, apply_payloads
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import enrol_peer, set_up_identity

EXPORT = int(os.environ.get("BENCH_EXPORT", "10000"))
OFFICE = int(os.environ.get("BENCH_OFFICE", "100000"))
ADVISORS = int(os.environ.get("BENCH_ADVISORS", "100"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WAYS = [w for w in os.environ.get("BENCH_OFFICE_WAYS", "batch,one_by_one").split(",") if w]
PG_WAYS = [w for w in os.environ.get("BENCH_PG_WAYS", "batch").split(",") if w]
PLACEHOLDER_OFFICE = "00000000-0000-4000-8000-ffffffffffff"


def copy_profile(households: int, into: Path) -> Profile:
    """A copy of the cached demo profile (the export writes sync state into it)."""
    source = profiles.demo_profile_folder(households)
    shutil.copytree(source, into, ignore=shutil.ignore_patterns("backups", ".complete"))
    url = None
    if profiles.PLAINTEXT:
        twin = into.with_name(into.name + "-plaintext.sqlite")
        shutil.copyfile(profiles.plaintext_url(source).removeprefix("sqlite:///"), twin)
        url = f"sqlite:///{twin}"
    return open_profile(into, passphrase=profiles.passphrase(), database_url=url)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def advisor_export(households: int, folder: Path, office_device: str) -> tuple[dict[str, Any], float, float]:
    """The payload, the wall and the CPU time of its export."""
    advisor = copy_profile(households, folder)
    try:
        me = set_up_identity(advisor, role="advisor", name="王老师")
        enrol_peer(advisor, office_device, "乡镇", "office", "keys-office")
        start, cpu = time.perf_counter(), time.process_time()
        payload = build_payload(advisor, office_device)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        payload["sender"] = me.device_id
        return payload, elapsed, cpu
    finally:
        advisor.close()


def split(payload: dict[str, Any], parts: int, senders: list[str]) -> list[dict[str, Any]]:
    """The payload's records cut into ``parts`` payloads of whole households, one per sender."""
    households = sorted({r["household"] for r in payload["records"]})
    size = -(-len(households) // parts)
    part_of = {hid: i // size for i, hid in enumerate(households)}
    records: list[list[dict[str, Any]]] = [[] for _ in range(parts)]
    for r in payload["records"]:
        records[part_of[r["household"]]].append(r)
    out = []
    for sender, mine in zip(senders, records, strict=True):
        counts: dict[str, int] = {}
        for r in mine:
            counts[r["kind"]] = counts.get(r["kind"], 0) + 1
        out.append({**payload, "sender": sender, "sequence": 1, "builds_on": 0, "acknowledges": 0,
                    "counts": counts, "records": mine})
    return out


def office_payloads(source: Path) -> list[dict[str, Any]]:
    """The ``ADVISORS`` payloads of the office import (addressed to no office yet: see :func:`office_import`)."""
    payload, _elapsed, _cpu = advisor_export(OFFICE, source, PLACEHOLDER_OFFICE)
    senders = [f"00000000-0000-4000-8000-{i:012d}" for i in range(ADVISORS)]
    return split(payload, ADVISORS, senders)


def office_import(folder: Path, url: str | None, payloads: list[dict[str, Any]], way: str,
                  report: Callable[[str], None]) -> None:
    """A new office enrols the advisors and imports their payloads: ``batch`` as ``bundle import``
    of many files does (one transaction, a savepoint per payload: ``apply_payloads``), or
    ``one_by_one`` (a transaction per payload: ``apply_payload``, as before)."""
    office = open_profile(folder, passphrase=profiles.passphrase(), database_url=url)
    try:
        me = set_up_identity(office, role="office", name="乡镇")
        for i, one in enumerate(payloads):
            enrol_peer(office, one["sender"], f"辅导员{i + 1}", "advisor", "keys", [])
        mine = [{**one, "addressee": me.device_id} for one in payloads]
        start, cpu = time.perf_counter(), time.process_time()
        if way == "batch":
            results = apply_payloads(office, [(one["sender"], 1, one) for one in mine])
        else:
            results = [apply_payload(office, one["sender"], 1, one) for one in mine]
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        records = sum(r.new for r in results if isinstance(r, ImportReport))
        assert all(isinstance(r, ImportReport) and r.status == IMPORTED for r in results), results
        report(f"{elapsed:.2f} s ({ADVISORS} payloads, {OFFICE} households, {records} records; "
               f"CPU {cpu:.1f} s; {load()})")
        first = mine[0]
        start = time.perf_counter()
        again = apply_payload(office, first["sender"], 1, first)
        reimport = time.perf_counter() - start
        assert again.status == ALREADY_IMPORTED
        report(f"reimport:{reimport:.3f} s ({len(first['records'])} records; {load()})")
    finally:
        office.close()


def postgresql_url(tmp: Path) -> tuple[Any, str] | str:
    """(the cluster, a new database's URL), or why there is none."""
    sys.path.insert(0, str(profiles.TOP / "tests" / "integration"))
    try:
        import pg_cluster
    except ImportError as exc:
        return f"the test suite's PostgreSQL helper cannot be imported ({exc})"
    try:
        cluster = pg_cluster.start_cluster()
    except pg_cluster.ClusterError as exc:
        return str(exc).splitlines()[0]
    return cluster, cluster.create_database()


def main() -> None:
    variant = profiles.variant()
    print(f"load_average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min; {os.cpu_count()} cores)")
    times, cpus = [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            payload, elapsed, cpu = advisor_export(EXPORT, Path(tmp) / "advisor", PLACEHOLDER_OFFICE)
            times.append(elapsed)
            cpus.append(cpu)
    records = len(payload["records"])
    print(f"sync_export_{EXPORT}_households: {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}; {records} records; {variant}; "
          f"CPU {statistics.median(cpus):.2f} s; {load()})")

    with tempfile.TemporaryDirectory() as tmp:
        payloads = office_payloads(Path(tmp) / "advisor")
    for way in WAYS:
        def sqlite_line(text: str, way: str = way) -> None:
            if text.startswith("reimport:"):
                print(f"sync_reimport_one_bundle: {text.removeprefix('reimport:')} ({variant} SQLite, {way})")
            else:
                print(f"sync_office_import_{OFFICE}_households_sqlite_{way}: {text} ({variant})")

        with tempfile.TemporaryDirectory() as tmp:
            office_import(Path(tmp) / "office", None, payloads, way, sqlite_line)

    with tempfile.TemporaryDirectory() as tmp:
        found = postgresql_url(Path(tmp))
        if isinstance(found, str):
            print(f"# sync_office_import_{OFFICE}_households_postgresql: skipped: {found}")
            return
        cluster, url = found
        try:
            for number, way in enumerate(PG_WAYS):
                def pg_line(text: str, way: str = way) -> None:
                    if text.startswith("reimport:"):
                        print(f"sync_reimport_one_bundle_postgresql: {text.removeprefix('reimport:')} ({way})")
                    else:
                        print(f"sync_office_import_{OFFICE}_households_postgresql_{way}: {text}")

                office_import(Path(tmp) / f"office-{way}", url if number == 0 else cluster.create_database(),
                              payloads, way, pg_line)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
