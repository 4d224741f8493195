"""Roster import (名册): 10,000 rows (2,500 households of 4 people) into a new profile, then the same
roster again into the filled one (every household matched and compared, nothing to write), and a
village's roster (1,200 rows) on its own.

Target: a village's roster (200–500 households, 1,000+ rows) well under a second or two. The first
figures build the rows in memory (the roster's own work); the village's roster is then also written
to an .xlsx file (a title row, as the provincial system exports it) and imported as the user waits
for it: ``xlsx_import.import_sheet`` in this process, and ``advisor-app xlsx import FILE --kind
roster`` on the command line (a new process: its start, the profile's key, the backup before the
import), as wall-clock and CPU seconds. Prints the median of the runs (default 3; BENCH_RUNS to
change) and the machine's load average, which says how much the figures were shared with other work.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from advisor_app.domain import idcard
from advisor_app.services import profile_settings, xlsx_import
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.roster_import import import_roster
from advisor_app.sheets.model import ImportSummary, SheetRow

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
RELATIONS = ("户主", "配偶", "子女", "母亲")
os.environ.setdefault("ADVISOR_APP_PASSPHRASE", "benchmark-passphrase")  # as run.py sets it


def roster(households: int, members: int = 4) -> list[SheetRow]:
    rows: list[SheetRow] = []
    for h in range(households):
        for m in range(members):
            born = dt.date(1950 + m * 9, 1, 1) + dt.timedelta(days=h // 1000)
            values: dict[str, Any] = {
                "household_no": f"H{h:06d}", "name": f"村民{h}之{m}",
                "id_number": idcard.make("340104", born, h % 1000),
                "relation": RELATIONS[m], "village": f"{h % 9}村", "group": f"{h % 5 + 1}组",
                "phone": f"139{h:08d}", "health": "健康", "monthly_income": 300 + m * 10,
                "disability_kind": "肢体残疾" if m == 3 else "", "disability_grade": "二级" if m == 3 else ""}
            if h % 3 == 0:
                values.update(program="农村低保", amount="480.00", since="2023-05-01")
            rows.append(SheetRow(len(rows) + 2, values, list(values.values())))
    return rows


ROSTER_HEADER = ["户编号", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "村（社区）", "组", "联系电话",
                 "健康状况", "月收入", "残疾类别", "残疾等级", "保障类别", "保障金额", "保障起始日期"]
KEYS = ["household_no", "head_name", "head_id", "name", "id_number", "relation", "village", "group", "phone", "health",
        "monthly_income", "disability_kind", "disability_grade", "program", "amount", "since"]


def roster_file(path: Path, households: int) -> Path:
    """The village's roster as a file: a title row, the header, one row per person (the head first)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("花名册")
    ws.write_string(0, 0, "桃园村家庭成员花名册")
    ws.write_row(1, 0, ROSTER_HEADER)
    head: dict[str, object] = {}
    for r, row in enumerate(roster(households), start=2):
        if row.values["relation"] == "户主":
            head = row.values
        values = {**row.values, "head_id": head["id_number"], "head_name": head["name"]}
        for c, key in enumerate(KEYS):
            value = values.get(key)
            if isinstance(value, str):
                ws.write_string(r, c, value)
            elif value is not None:
                ws.write(r, c, value)
    book.close()
    return path


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def village_file_run(folder: Path, path: Path) -> tuple[float, float, float, float]:
    """The village's file imported in this process and on the command line: (wall, CPU) each."""
    here = open_profile(folder / "file_here")
    profile_settings.set_up_own_profile(here, region="340104", villages=["桃园村"], advisor="测试")
    start, cpu = time.perf_counter(), time.process_time()
    summary = xlsx_import.import_sheet(here, path, "roster", report_dir=folder)
    wall_here, cpu_here = time.perf_counter() - start, time.process_time() - cpu
    here.close()
    assert summary.new == 300 and summary.invalid == 0, summary.errors[:3]
    there = open_profile(folder / "file_cli")
    profile_settings.set_up_own_profile(there, region="340104", villages=["桃园村"], advisor="测试")
    there.close()
    args = [sys.executable, "-m", "advisor_app", "--data-dir", str(folder / "file_cli"), "xlsx", "import", str(path),
            "--kind", "roster", "--report-dir", str(folder), "--format", "json"]
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=os.environ)
    wall_cli, cpu_cli = time.perf_counter() - start, children_cpu() - cpu
    assert json.loads(done.stdout)["new"] == 300, done.stdout
    return wall_here, cpu_here, wall_cli, cpu_cli


def timed(profile: Profile, rows: list[SheetRow]) -> tuple[float, ImportSummary]:
    start = time.perf_counter()
    summary = import_roster(profile, rows, ImportSummary(), dry_run=False, source="bench.xlsx")
    return time.perf_counter() - start, summary


def one_run(folder: Path) -> tuple[float, float, float]:
    profile = open_profile(folder / "big")
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="测试")
    rows = roster(ROWS // 4)
    first, summary = timed(profile, rows)
    assert summary.new == ROWS // 4 and summary.invalid == 0, summary.errors[:3]
    again, summary = timed(profile, rows)
    assert summary.new == 0 and summary.matched == len(rows) and summary.changed == 0
    profile.close()
    village = open_profile(folder / "village")
    profile_settings.set_up_own_profile(village, region="340104", villages=["桃园村"], advisor="测试")
    one_village, _summary = timed(village, roster(300))
    village.close()
    return first, again, one_village


def main() -> None:
    runs = []
    files = []
    with tempfile.TemporaryDirectory() as made:
        path = roster_file(Path(made) / "桃园村花名册.xlsx", 300)
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as tmp:
                runs.append(one_run(Path(tmp)))
            with tempfile.TemporaryDirectory() as tmp:
                files.append(village_file_run(Path(tmp), path))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    for label, i in ((f"roster_import_{ROWS}_rows_new", 0), (f"roster_import_{ROWS}_rows_again", 1),
                     ("roster_import_1200_rows_village", 2)):
        times = [r[i] for r in runs]
        print(f"{label}: {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
    village = "roster_file_1200_rows_village"
    for label, i in ((f"{village}_wall", 0), (f"{village}_cpu", 1), (f"{village}_command_wall", 2),
                     (f"{village}_command_cpu", 3)):
        times = [r[i] for r in files]
        print(f"{label}: {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"load average (1, 5, 15 min): {load}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
