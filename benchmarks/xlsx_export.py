"""导出台账: the ledger of 100,000 households (target ≤ 5 s), and openpyxl's write-only mode writing
the same rows, side by side.

The profile (``<bench dir>/xlsx_export_<n>``, ``BENCH_HOUSEHOLDS`` to change n) is made once with
``services.demo.fill_demo`` (seed 1) and screened once (so the ledger carries programmes and
amounts), then reused; delete the folder to make it again.

Figures (medians of ``BENCH_REPEAT``, default 3; wall seconds, and in brackets the CPU seconds):

* ``households_export_s``: ``services.ledgers.export_ledger(profile, "households", …)`` — the whole
  export: the rows read from the profile (encrypted), put into words, written, the file renamed;
* ``members_export_s``: the same for the member ledger (one row per person);
* ``command_line_households_s``: ``advisor-app xlsx export households --out FILE`` as a whole
  process (its start, the profile opened with its key, the export);
* ``write_ours_s`` and ``write_openpyxl_s``: only the writing of the household ledger's rows (read
  once beforehand) — ours (``sheets.write``: XlsxWriter in constant_memory mode, rows as XML) and
  openpyxl's write-only mode with the same cell formats (text format for ID numbers, date and money
  formats: ``WriteOnlyCell``s), each to a file of its own; ``openpyxl_ratio``: how many times longer
  openpyxl takes;
* ``loadavg_1m``: the machine's 1-minute load average at the end (the machine may be shared).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _gui_profiles import bench_base, passphrase

HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
ON = dt.date(2026, 11, 1)


def ensure_profile(households: int) -> Path:
    folder = bench_base() / f"xlsx_export_{households}"
    done = folder / ".complete"
    if not done.exists():
        import shutil

        from advisor_app.services import eligibility
        from advisor_app.services.demo import fill_demo
        from advisor_app.services.profile import open_profile

        if folder.exists():
            shutil.rmtree(folder)
        start = time.perf_counter()
        profile = open_profile(folder, passphrase=passphrase())
        try:
            fill_demo(profile, households, seed=1)
            eligibility.screen(profile, ON)
        finally:
            profile.close()
        done.touch()
        print(f"# generated and screened {households} households in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
    return folder


CPU: dict[str, float] = {}  # the median CPU seconds of each figure, by its name


def median_of(fn: Callable[[], Any], name: str = "") -> float:
    """The median wall seconds of REPEAT runs (their median CPU seconds in CPU[name])."""
    times, cpus = [], []
    for _ in range(REPEAT):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    CPU[name] = statistics.median(cpus)
    return statistics.median(times)


def command_line(folder: Path, out: Path) -> tuple[float, float]:
    """``advisor-app xlsx export households`` as a whole process: median wall and CPU seconds."""
    import resource
    import subprocess

    walls, cpus = [], []
    for _ in range(REPEAT):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "xlsx", "export",
                        "households", "--out", str(out)], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "ADVISOR_APP_PASSPHRASE": passphrase()})
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def write_ours(rows: Sequence[Sequence[object]], path: Path) -> None:
    from advisor_app.services.ledger_kinds import HOUSEHOLDS as KIND
    from advisor_app.sheets.write import LedgerBook

    book = LedgerBook(path, tmpdir=path.parent)
    sheet = book.sheet(KIND.title, KIND.columns, KIND.title)
    for row in rows:
        sheet.append(row)
    book.close()


def write_openpyxl(rows: Sequence[Sequence[object]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from advisor_app.services.ledger_kinds import HOUSEHOLDS as KIND

    formats = {"id_number": "@", "date": "yyyy-mm-dd", "money": "0.00", "count": "0"}
    book = Workbook(write_only=True)
    ws = book.create_sheet(KIND.title)
    ws.freeze_panes = "A3"
    ws.append([KIND.title])
    header = []
    for column in KIND.columns:
        cell = WriteOnlyCell(ws, column.header)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    kinds = [formats.get(c.kind) for c in KIND.columns]
    for row in rows:
        out: list[Any] = []
        for value, fmt in zip(row, kinds, strict=True):
            if fmt is None or value is None or value == "":
                out.append(None if value == "" else value)
            else:
                cell = WriteOnlyCell(ws, value)
                cell.number_format = fmt
                out.append(cell)
        ws.append(out)
    ws.auto_filter.ref = f"A2:P{len(rows) + 2}"
    book.save(path)


def main() -> int:
    folder = ensure_profile(HOUSEHOLDS)
    from advisor_app.services import ledgers
    from advisor_app.services.ledger_kinds import HOUSEHOLDS as KIND
    from advisor_app.services.profile import open_profile
    from advisor_app.services.scratch import scratch_beside

    profile = open_profile(folder, passphrase=passphrase())
    try:
        with tempfile.TemporaryDirectory(prefix="xlsx-bench-", dir=bench_base()) as scratch:
            out = Path(scratch)
            written: list[int] = []
            households_s = median_of(lambda: written.append(
                ledgers.export_ledger(profile, "households", out / "households.xlsx").rows), "households")
            print(f"households_rows: {written[-1]} rows")
            print(f"households_export_s: {households_s:.2f} s (CPU {CPU['households']:.2f} s)")
            print(f"households_file_mb: {(out / 'households.xlsx').stat().st_size / 1e6:.1f} MB")
            members: list[int] = []
            members_s = median_of(lambda: members.append(
                ledgers.export_ledger(profile, "members", out / "members.xlsx").rows), "members")
            print(f"members_rows: {members[-1]} rows")
            print(f"members_export_s: {members_s:.2f} s (CPU {CPU['members']:.2f} s)")
            with profile.connection() as conn:
                rows = [tuple(r) for r in KIND.source(profile, conn, None, dt.date.today()).rows]
            with scratch_beside(out / "x.xlsx"):  # openpyxl's temporary files beside the target, as ours
                ours = median_of(lambda: write_ours(rows, out / "ours.xlsx"), "ours")
                peer = median_of(lambda: write_openpyxl(rows, out / "peer.xlsx"), "openpyxl")
            print(f"write_ours_s: {ours:.2f} s (CPU {CPU['ours']:.2f} s)")
            print(f"write_openpyxl_s: {peer:.2f} s (CPU {CPU['openpyxl']:.2f} s)")
            print(f"openpyxl_ratio: {peer / ours:.1f} x")
    finally:
        profile.close()
    with tempfile.TemporaryDirectory(prefix="xlsx-bench-", dir=bench_base()) as scratch:
        wall, cpu = command_line(folder, Path(scratch) / "households.xlsx")
        print(f"command_line_households_s: {wall:.2f} s (CPU {cpu:.2f} s; advisor-app xlsx export households)")
    print(f"loadavg_1m: {os.getloadavg()[0]:.2f}")
    target = 5.0
    print(f"# households export {households_s:.2f} s for {written[-1]} households (target ≤ {target:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
