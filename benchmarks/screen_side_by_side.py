"""Batch screening, ours and OpenFisca's, side by side: same households, same machine, same run.

For 10,000 and 140,000 demo households (BENCH_280K=1 adds 280,000; BENCH_SIZES=10000,… picks
others), each in a profile of its own (``<bench dir>/side_by_side_<n>``, made once with
``fill_demo`` seed 1), four measurements, each in a fresh process:

* ``ours_in_process``: ``services.eligibility.screen`` (all programmes, read from the profile, results
  written) timed inside a process that has opened the profile, and a second one in the same process;
* ``ours_whole_process``: ``python -m advisor_app screen`` from start to exit;

the two run alternately BENCH_RUNS times (default 3): the median run is shown, with every run and
the slowest;
* ``io``: the screening's path without its per-household Python (the packed inputs read, frames
  built from them, every programme's formulas, the results written in their compact form; and the
  same results written as one row per result, as the former table held them), rolled back;
* ``peer``: the profile's households read by our reader (``store.screening.read_for_screening``), then
  handed to both: the OpenFisca peer (``openfisca_dibao.py``: its load = building its input arrays and
  simulation, its calculation = ``dibao_eligible`` and ``dibao_amount``) and our formulas
  (``rules.frame.frame_from_households`` and ``rules.dibao_formulas``) on the same list, with how many
  households the two agree on.

For each: wall seconds, CPU seconds of the process tree (``os.wait4``: the process and the children
it waited for), peak RSS (``ru_maxrss`` of the largest process, and the sum over the live process
tree sampled every 20 ms with psutil), and the 1-minute load average at the end. The peer needs the
optional extra ``bench`` (openfisca-core; it brings psutil), which scripts/bootstrap installs with the
other extras of the lock: no separate environment is needed (numpy 2.4 suits both).

Prints one figure per line (``name: value unit``), then a table. To measure an earlier version of
the app in the same conditions, run this script with ``PYTHONPATH`` pointing at an export of that
commit (``git archive <commit> advisor_app resources | tar -x -C DIR``): its processes then import
that version (the peer's figures stay; ours on the same input are left out when it has no frame).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _gui_profiles import TOP, bench_base

ON = dt.date(2026, 11, 1)
HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))  # processes of ours in-process and of the command, alternating


def sizes() -> list[int]:
    if os.environ.get("BENCH_SIZES"):
        return [int(s) for s in os.environ["BENCH_SIZES"].split(",")]
    return [10_000, 140_000, *([280_000] if os.environ.get("BENCH_280K") == "1" else [])]


def folder_for(households: int) -> Path:
    return bench_base() / f"side_by_side_{households}"


def ensure_profile(households: int) -> Path:
    folder = folder_for(households)
    done = folder / ".complete"
    if not done.exists():
        from advisor_app.services.demo import fill_demo
        from advisor_app.services.profile import open_profile

        start = time.perf_counter()
        profile = open_profile(folder)
        try:
            fill_demo(profile, households, seed=1)
        finally:
            profile.close()
        done.touch()
        print(f"# generated {households} households in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return folder


# --- the measured processes ---------------------------------------------------------------------

def child_ours(folder: Path) -> dict[str, Any]:
    from advisor_app.services import eligibility
    from advisor_app.services.profile import open_profile

    profile = open_profile(folder)
    try:
        summary, wall, cpu = _timed(eligibility.screen, profile, ON)
        _, second, _ = _timed(eligibility.screen, profile, ON)  # (the pages decrypted, the memory had)
        return {"screen_s": wall, "screen_cpu_s": cpu, "second_screen_s": second, "households": summary.households,
                "stored": summary.stored, **{f"{k}_s" if k != "objects" else k: v for k, v in summary.timings.items()}}
    finally:
        profile.close()


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, float]:
    """``fn(*args, **kwargs)``, its wall seconds and the CPU seconds of this process meanwhile."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - wall, time.process_time() - cpu


def child_io(folder: Path) -> dict[str, Any]:
    """The screening's path without its per-household Python: the packed inputs read (one query), the
    frames built from them and every programme's formulas run, the stored results (as the last
    screening left them) written in their compact form — and, for comparison, the same results
    written as the rows of the former table (one per result), in a transaction rolled back."""
    import numpy as np
    import sqlalchemy as sa

    from advisor_app.rules.check import formulas
    from advisor_app.services.policy import tables_for
    from advisor_app.services.profile import open_profile
    from advisor_app.services.screening_parts import BATCH, frame_of
    from advisor_app.store import household_inputs
    from advisor_app.store import screening_results as codes
    from advisor_app.store.screening import replace_results, stored_results

    out: dict[str, Any] = {}
    profile = open_profile(folder)
    try:
        tables = tables_for(profile)
        with profile.engine.connect() as conn, conn.begin() as transaction:
            packed, out["read_packed_s"], out["read_packed_cpu_s"] = _timed(household_inputs.read_packed, conn)
            frames, out["frame_from_packed_s"], out["frame_from_packed_cpu_s"] = _timed(
                lambda: [frame_of(packed[lo:lo + BATCH], ON, tables) for lo in range(0, len(packed), BATCH)])
            _, out["all_formulas_s"], out["all_formulas_cpu_s"] = _timed(lambda: [formulas(f) for f in frames])
            results = stored_results(conn)
            ids: list[str] = []  # the results as arrays, as the formulas give them (codes, indexes)
            members: list[list[str]] = []
            arrays: list[tuple[int, ...]] = []
            for hid, member, program, status, fen, detail, _on in results:
                if not ids or ids[-1] != hid:
                    ids.append(hid)
                    members.append([])
                position = codes.NO_MEMBER
                if member is not None:
                    if member not in members[-1]:
                        members[-1].append(member)
                    position = members[-1].index(member)
                arrays.append((len(ids) - 1, codes.PROGRAM_CODE[program], codes.STATUS_CODE[status], position,
                               codes.DETAIL_CODE[detail], codes.NO_AMOUNT if fen is None else fen))
            c = np.array(arrays, np.int64).T
            texts = [" ".join(m) for m in members]
            (rows, _ranges), out["pack_results_s"], out["pack_results_cpu_s"] = _timed(
                codes.pack_results, ids, texts, c[0], c[1], c[2], c[3], c[4], c[5])
            _, out["write_compact_s"], out["write_compact_cpu_s"] = _timed(
                replace_results, conn, rows, ON, "2026-11-01T00:00:00Z", clear=True)
            conn.execute(sa.text(
                "CREATE TABLE former_results (id INTEGER PRIMARY KEY, household_id VARCHAR(36) NOT NULL, "
                "member_id VARCHAR(36), program VARCHAR(32) NOT NULL, status VARCHAR(16) NOT NULL, amount_fen "
                "INTEGER, detail TEXT NOT NULL, on_date DATE NOT NULL, screened_at VARCHAR(32) NOT NULL)"))
            conn.execute(sa.text("CREATE INDEX ix_former_household ON former_results (household_id)"))
            conn.execute(sa.text("CREATE INDEX ix_former_program_status ON former_results (program, status)"))
            _, out["write_former_rows_s"], out["write_former_rows_cpu_s"] = _timed(
                conn.exec_driver_sql,
                "INSERT INTO former_results (household_id, member_id, program, status, amount_fen, detail, on_date, "
                "screened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*r[:6], "2026-11-01", "2026-11-01T00:00:00Z") for r in results])
            out.update(households=len(packed), results=len(results), compact_rows=len(rows))
            transaction.rollback()
    finally:
        profile.close()
    return out


def child_peer(folder: Path) -> dict[str, Any]:
    import numpy as np
    import openfisca_dibao as peer

    try:
        from advisor_app.rules.dibao_formulas import dibao_formulas
        from advisor_app.rules.frame import frame_from_households
    except ImportError:
        frame_from_households = None
    from advisor_app.rules.snapshot import policy_for
    from advisor_app.services.policy import tables_for
    from advisor_app.services.profile import open_profile
    from advisor_app.store.screening import read_for_screening, sql_runner

    out: dict[str, Any] = {}
    profile = open_profile(folder)
    try:
        tables = tables_for(profile)
        start = time.perf_counter()
        with profile.connection() as conn:
            households = [h for batch in read_for_screening(sql_runner(conn)) for h in batch]
        out["read_s"] = time.perf_counter() - start
    finally:
        profile.close()
    out["households"] = len(households)

    def limits(region: str, area: str) -> tuple[Any, ...]:
        p = policy_for(tables, region, area, ON)
        return p.standard_fen, p.asset_months_milli, p.vehicles_max, p.houses_max

    def load() -> Any:
        return peer.simulate(peer.system(), peer.peer_input(households, ON, limits), ON)

    (sim, month), out["peer_load_s"], out["peer_load_cpu_s"] = _timed(load)
    (eligible, amount), out["peer_calc_s"], out["peer_calc_cpu_s"] = _timed(peer.calculate, sim, month)

    if frame_from_households is None:  # an earlier version of the app (measuring "before")
        out.update(ours_frame_s=float("nan"), ours_formulas_s=float("nan"), ours_frame_cpu_s=float("nan"),
                   ours_formulas_cpu_s=float("nan"), agree_status=0, agree_amount=0,
                   compared=0, eligible=int(np.sum(eligible)))
        return out
    frame, out["ours_frame_s"], out["ours_frame_cpu_s"] = _timed(frame_from_households, households, ON, tables)
    trace, out["ours_formulas_s"], out["ours_formulas_cpu_s"] = _timed(dibao_formulas, frame)
    ours_eligible = trace.dibao_status == 1
    plain = ~trace.exit_applies  # the peer has no 渐退期
    out["agree_status"] = int(np.sum((ours_eligible == eligible) & plain))
    out["agree_amount"] = int(np.sum((ours_eligible == eligible) & plain
                                     & (np.where(ours_eligible, trace.dibao_amount, 0) == amount)))
    out["compared"] = int(np.sum(plain))
    out["eligible"] = int(np.sum(ours_eligible))
    return out


# --- measuring a process ------------------------------------------------------------------------

def _sample_tree(pid: int, stop: threading.Event, peak: list[int], cpu: dict[int, float]) -> None:
    """Every 20 ms: the RSS summed over the live process tree (its peak kept in ``peak[0]``) and the
    CPU seconds of every process seen (worker processes of a forkserver are not reaped by the
    measured process, so ``os.wait4`` does not count them)."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
        except psutil.Error:
            break
        peak[0] = max(peak[0], total)
        stop.wait(0.02)


def measure(args: list[str]) -> dict[str, Any]:
    """Run ``args``; wall time, CPU of the process and its reaped children, peak RSS, load."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=TOP, stdout=subprocess.PIPE, env=os.environ)
    stop, peak, cpu = threading.Event(), [0], dict[int, float]()
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, peak, cpu), daemon=True)
    sampler.start()
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed ({proc.returncode})")
    text = output.decode().strip().splitlines()
    result = json.loads(text[-1]) if text and text[-1].startswith("{") else {}
    own = usage.ru_utime + usage.ru_stime  # the process and the children it reaped
    unreaped = sum(v for pid, v in cpu.items() if pid != proc.pid)  # children, sampled (an upper bound
    # when the process reaped them too: then their time is in ``own`` as well; take the larger)
    result.update(wall_s=wall, cpu_s=max(own, cpu.get(proc.pid, 0.0) + unreaped), maxrss_mb=usage.ru_maxrss / 1024,
                  tree_rss_mb=peak[0] / 2**20, load=os.getloadavg()[0])
    return result


def median_run(results: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The run whose ``key`` is the median (the lower one of an even number)."""
    return sorted(results, key=lambda r: r[key])[(len(results) - 1) // 2]


def runs(results: list[dict[str, Any]], key: str) -> str:
    """``N runs: a, b, c s; slowest x s``."""
    values = [r.get(key, float("nan")) for r in results]
    return f"{len(values)} runs: {', '.join(f'{v:.2f}' for v in values)} s; slowest {max(values):.2f} s"


def main() -> int:
    me = [sys.executable, str(Path(__file__).resolve())]
    rows = []
    for n in sizes():
        folder = ensure_profile(n)
        ours_runs, cli_runs = [], []
        for _ in range(RUNS):  # alternating: both see the same conditions
            ours_runs.append(measure([*me, "--child", "ours", str(folder)]))
            cli_runs.append(measure([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "screen",
                                     "--on", ON.isoformat()]))
        ours, cli = median_run(ours_runs, "screen_s"), median_run(cli_runs, "wall_s")
        peer = measure([*me, "--child", "peer", str(folder)])
        io = measure([*me, "--child", "io", str(folder)])
        k = f"{n // 1000}k"
        nan = float("nan")
        peer_cpu = peer.get("peer_load_cpu_s", nan) + peer.get("peer_calc_cpu_s", nan)
        figures = [
            (f"ours_in_process_parts_{k}", ours.get("read_s", float("nan")),
             f"s read packed, {ours.get('check_s', float('nan')):.2f} s check, {ours.get('write_s', float('nan')):.2f} "
             f"s write; {ours.get('objects', 0):.0f} households read as objects"),
            *[(f"io_{name}_{k}", io[f"{name}_s"], f"s wall, {io[f'{name}_cpu_s']:.2f} s CPU ({what})")
              for name, what in (("read_packed", "one query"), ("frame_from_packed", "np.frombuffer, no objects"),
                                 ("all_formulas", "低保, 边缘, 临时救助, 刚性支出, 单人保"),
                                 ("pack_results", f"{io['results']} results from arrays, {io['compact_rows']} rows"),
                                 ("write_compact", "one row per household"),
                                 ("write_former_rows", "one row per result, as before"))],
            (f"io_process_{k}", io["wall_s"], f"s wall, {io['cpu_s']:.2f} s CPU, {io['tree_rss_mb']:.0f} MB tree"),
            (f"ours_in_process_screen_{k}", ours["screen_s"], f"s wall, {ours.get('screen_cpu_s', nan):.2f} s CPU; "
             f"median of {runs(ours_runs, 'screen_s')} (the first screening after opening)"),
            (f"ours_in_process_second_screen_{k}", ours.get("second_screen_s", nan),
             f"s wall (the next one in the same process; {runs(ours_runs, 'second_screen_s')})"),
            (f"ours_in_process_cpu_{k}", ours["cpu_s"], "s (process tree)"),
            (f"ours_in_process_peak_rss_{k}", ours["tree_rss_mb"],
             f"MB tree (largest process {ours['maxrss_mb']:.0f})"),
            (f"ours_whole_process_screen_{k}", cli["wall_s"], f"s, median of {runs(cli_runs, 'wall_s')}"),
            (f"ours_whole_process_cpu_{k}", cli["cpu_s"], "s"),
            (f"ours_whole_process_peak_rss_{k}", cli["tree_rss_mb"],
             f"MB tree (largest process {cli['maxrss_mb']:.0f})"),
            (f"read_households_{k}", peer["read_s"], "s (our reader, handed to both)"),
            (f"peer_openfisca_load_{k}", peer["peer_load_s"], f"s wall, {peer.get('peer_load_cpu_s', nan):.2f} s CPU"),
            (f"peer_openfisca_calculation_{k}", peer["peer_calc_s"],
             f"s wall, {peer.get('peer_calc_cpu_s', nan):.3f} s CPU"),
            (f"ours_frame_{k}", peer["ours_frame_s"],
             f"s wall, {peer.get('ours_frame_cpu_s', nan):.2f} s CPU (same households into columns)"),
            (f"ours_dibao_formulas_{k}", peer["ours_formulas_s"],
             f"s wall, {peer.get('ours_formulas_cpu_s', nan):.3f} s CPU"),
            (f"ours_screen_vs_peer_cpu_{k}", ours.get("screen_cpu_s", nan), f"s CPU, our whole screening in-process "
             f"(every programme, read from the profile, results written; the first run after opening) against "
             f"{peer_cpu:.2f} s CPU of the peer's 低保 alone (load + calculation)"),
            (f"ours_packed_vs_peer_cpu_{k}", io["frame_from_packed_cpu_s"] + io["all_formulas_cpu_s"],
             f"s CPU, our frames from the packed inputs and every programme's formulas, against {peer_cpu:.2f} s "
             "CPU of the peer's load and calculation of 低保"),
            (f"peer_process_cpu_{k}", peer["cpu_s"], "s (read + peer + ours)"),
            (f"peer_process_peak_rss_{k}", peer["tree_rss_mb"], "MB"),
            (f"agreement_{k}", peer["agree_amount"], f"of {peer['compared']} households same status and amount "
             f"({peer['agree_status']} same status; {peer['eligible']} eligible)"),
            (f"load_average_1min_{k}", (ours["load"] + cli["load"] + peer["load"]) / 3, "processes"),
        ]
        for name, value, unit in figures:
            print(f"{name}: {value:.2f} {unit}", flush=True)
        rows.append((n, ours, cli, peer))
    print()
    print("| households | ours in-process (first / second) | ours `advisor-app screen` | peer load + calc "
          "| ours frame + formulas (same input) | CPU ours / CLI / peer run | peak RSS ours / CLI (MB) | load |")
    print("|---|---|---|---|---|---|---|---|")
    for n, ours, cli, peer in rows:
        second = ours.get("second_screen_s", float("nan"))
        print(f"| {n:,} | {ours['screen_s']:.2f} / {second:.2f} s | {cli['wall_s']:.2f} s | "
              f"{peer['peer_load_s']:.2f} + "
              f"{peer['peer_calc_s']:.3f} s | {peer['ours_frame_s']:.2f} + {peer['ours_formulas_s']:.3f} s | "
              f"{ours['cpu_s']:.1f} / {cli['cpu_s']:.1f} / {peer['cpu_s']:.1f} s | {ours['tree_rss_mb']:.0f} / "
              f"{cli['tree_rss_mb']:.0f} | {peer['load']:.1f} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.path.insert(0, str(HERE))
        child = {"ours": child_ours, "peer": child_peer, "io": child_io}[sys.argv[2]]
        result = child(Path(sys.argv[3]))
        print(json.dumps(result))
        sys.exit(0)
    sys.exit(main())
