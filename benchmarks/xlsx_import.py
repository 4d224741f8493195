"""Excel import of a department list: 100,000 rows × 15 columns, target ≤ 3 s for the whole import
(read, validate, match, store), side by side with the reading alone and with openpyxl's read-only
mode reading the same file (the peer), and the load average at the time.

Two lists, each made once with XlsxWriter under ``<bench dir>/xlsx_import/`` (ADVISOR_BENCH_DIR
sets the bench dir): a 残联 register (``disability_<rows>.xlsx``: title row, text ID numbers, kinds,
grades, date cells) and a 医保 self-paid list (``medical_<rows>.xlsx``: periods, money). Each names
10 % people of a demo profile of its own with 1,000 households (``profile_1000``; matched:
evidence) and 90 % people nobody recorded (leads).

Every run imports into a fresh copy of the profile (a file imported once adds nothing the second
time): a dry run, then the import, in this process; then the same import as the user waits for it
on the command line (``advisor-app xlsx import … --format json``: a new process, its start, the
profile opened with its key, the import). Figures are medians of BENCH_RUNS runs (default 5), as
wall-clock seconds and as the CPU seconds the process (or the command's process) used: the machine
is shared, and CPU time says what the import costs whatever else runs.

    .venv/bin/python benchmarks/xlsx_import.py [ROWS]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gui_profiles import TOP, bench_base

from advisor_app.domain import idcard

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
KINDS = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
HEADERS = {
    "disability": ["序号", "姓名", "性别", "公民身份号码", "残疾类别", "残疾等级", "残疾证号", "发证日期", "联系电话",
                   "住址", "监护人", "乡镇", "村（社区）", "有效期至", "备注"],
    "medical": ["序号", "姓名", "性别", "公民身份号码", "结算期间", "医疗总费用", "自付金额", "参保类型", "疾病名称",
                "联系电话", "住址", "乡镇", "村（社区）", "结算日期", "备注"],
}


def make_list(path: Path, kind: str, rows: int, known: list[str]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("名册")
    as_date = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_string(0, 0, "某县残疾人联合会 持证残疾人名册" if kind == "disability" else "某县医疗保障局 个人自付费用")
    ws.write_row(1, 0, HEADERS[kind])
    first = dt.date(1940, 1, 1)
    for i in range(rows):
        number = known[i // 10] if i % 10 == 0 and i // 10 < len(known) else \
            idcard.make("341222", first + dt.timedelta(days=i % 25000), i // 25000 % 1000)
        r = i + 2
        ws.write_number(r, 0, i + 1)
        ws.write_string(r, 1, "张桂英" if i % 2 else "李建国")
        ws.write_string(r, 2, "女" if i % 2 else "男")
        ws.write_string(r, 3, number)
        if kind == "disability":
            ws.write_string(r, 4, KINDS[i % 7])
            ws.write_string(r, 5, "一二三四"[i % 4] + "级")
            ws.write_string(r, 6, f"{number}{i % 7 + 1}{i % 4 + 1}")
            ws.write_datetime(r, 7, dt.datetime(2015 + i % 9, 1 + i % 12, 1 + i % 28), as_date)
        else:
            ws.write_string(r, 4, f"2024年{1 + i % 12}月")
            ws.write_number(r, 5, 1000 + i % 5000 + (i % 100) / 100)
            ws.write_string(r, 6, f"{300 + i % 900}.{i % 100:02d}" if i % 3 else f"¥{1 + i % 9},{i % 1000:03d}.50")
            ws.write_string(r, 7, "城乡居民医保" if i % 4 else "职工医保")
            ws.write_string(r, 8, ("高血压", "糖尿病", "脑梗死", "肺癌", "尿毒症")[i % 5])
        ws.write_string(r, 9 if kind == "medical" else 8, f"139{i:08d}")
        ws.write_string(r, 10 if kind == "medical" else 9, f"太和县旧县镇第{i % 40}村民组{i % 200}号")
        if kind == "disability":
            ws.write_string(r, 10, "" if i % 3 else "张大山")
        ws.write_string(r, 11, "旧县镇")
        ws.write_string(r, 12, f"第{i % 40}村")
        ws.write_datetime(r, 13, dt.datetime(2030 if kind == "disability" else 2024, 1 + i % 12, 1), as_date)
        ws.write_string(r, 14, "")
    book.close()


def known_ids(folder: Path) -> list[str]:
    from advisor_app.services.profile import open_profile

    profile = open_profile(folder)
    try:
        with profile.connection() as conn:
            from sqlalchemy import text

            return [r[0] for r in conn.execute(text("select id_number from members where deleted_at is null"))]
    finally:
        profile.close()


def own_profile(folder: Path, households: int) -> Path:
    """A demo profile of its own (not the other benchmarks' shared ones: this one gets evidence)."""
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "demo", "--households",
                        str(households)], check=True, cwd=TOP, stdout=subprocess.DEVNULL, env=os.environ)
        (folder / ".complete").touch()
    return folder


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, the result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(copy: Path, path: Path, kind: str, reports: Path, *, dry_run: bool) -> tuple[float, float, object]:
    """The import on the command line: wall seconds, the command's CPU seconds, its JSON."""
    args = [sys.executable, "-m", "advisor_app", "--data-dir", str(copy), "xlsx", "import", str(path), "--kind", kind,
            "--report-dir", str(reports), "--format", "json", *(["--dry-run"] if dry_run else [])]
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(args, check=True, cwd=TOP, capture_output=True, text=True, env=os.environ)
    return time.perf_counter() - start, children_cpu() - cpu, json.loads(done.stdout)


def median(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f}"


def bench_kind(kind: str, rows: int, work: Path, profile_folder: Path) -> None:
    from advisor_app.services import xlsx_import
    from advisor_app.services.profile import open_profile

    path = work / f"{kind}_{rows}.xlsx"
    if not path.exists():
        made, _cpu, _ = timed(lambda: make_list(path, kind, rows, known_ids(profile_folder)))
        print(f"(made {path.name}: {made:.1f} s)")
    figures: dict[str, tuple[list[float], list[float]]] = {}

    def note(label: str, wall: float, cpu: float) -> None:
        walls, cpus = figures.setdefault(label, ([], []))
        walls.append(wall)
        cpus.append(cpu)

    results: dict[str, object] = {}
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            copy, report = Path(tmp) / "profile", Path(tmp) / "reports"
            shutil.copytree(profile_folder, copy)
            report.mkdir()
            profile = open_profile(copy, daily_backup=False)
            try:
                for dry_run in (True, False):
                    wall, cpu, summary = timed(lambda d=dry_run, p=profile, r=report: xlsx_import.import_sheet(  # type: ignore[misc]
                        p, path, kind, dry_run=d, report_dir=r))
                    note("dry run (the same, no writes)" if dry_run else "import (read, check, match, store)",
                         wall, cpu)
                    results[f"in-process {dry_run}"] = summary.as_json()  # type: ignore[attr-defined]
            finally:
                profile.close()
            copy3 = Path(tmp) / "profile3"  # the app: the file chosen (preview), then 导入 (the sheet parsed once)
            shutil.copytree(profile_folder, copy3)
            profile = open_profile(copy3, daily_backup=False)
            try:
                wall, cpu, shown = timed(lambda p=profile: xlsx_import.preview(path, kind, profile=p))  # type: ignore[misc]
                note("app: preview (file chosen)", wall, cpu)
                wall, cpu, summary = timed(lambda p=profile, r=report, s=shown: xlsx_import.import_sheet(  # type: ignore[misc]
                    p, path, kind, report_dir=r, opened=s.opened))
                note("app: import after the preview", wall, cpu)
                results["app"] = summary.as_json()  # type: ignore[attr-defined]
            finally:
                profile.close()
            copy2 = Path(tmp) / "profile2"
            shutil.copytree(profile_folder, copy2)
            for dry_run in (True, False):
                wall, cpu, out = command(copy2, path, kind, report, dry_run=dry_run)
                note("command line, dry run" if dry_run else "command line, import", wall, cpu)
                results[f"command {dry_run}"] = out
    for dry_run in (True, False):  # the same counts in this process and on the command line
        a, b = dict(results[f"in-process {dry_run}"]), dict(results[f"command {dry_run}"])  # type: ignore[call-overload]
        assert {**a, "report": None} == {**b, "report": None}, (a, b)
    assert {**dict(results["app"]), "report": None} == {**dict(results["in-process False"]), "report": None}  # type: ignore[call-overload]

    def calamine_read() -> None:
        from python_calamine import CalamineWorkbook

        for _row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows():
            pass

    for _ in range(RUNS):
        wall, cpu, _ = timed(calamine_read)
        note("reading alone, python-calamine", wall, cpu)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"xlsx_import {kind}: {rows} rows × {len(HEADERS[kind])} columns, medians of {RUNS} "
          f"(load average {load}, {os.cpu_count()} cores)")
    print(f"  {results['in-process False']}")
    print(f"  {'':38} {'wall s':>6}  {'CPU s':>6}")
    for label, (walls, cpus) in figures.items():
        target = "   target ≤ 3 s" if label.startswith(("import", "command line, import", "app: import")) else ""
        print(f"  {label:38} {median(walls)}  {median(cpus)}{target}")


def openpyxl_read(path: Path) -> float:
    from openpyxl import load_workbook

    def read() -> None:
        book = load_workbook(path, read_only=True, data_only=True)
        for _row in book.worksheets[0].iter_rows(values_only=True):
            pass
        book.close()

    return timed(read)[1]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    work = bench_base() / "xlsx_import"
    work.mkdir(parents=True, exist_ok=True)
    profile_folder = own_profile(work / "profile_1000", 1000)
    for kind in HEADERS:
        bench_kind(kind, rows, work, profile_folder)
    if os.environ.get("BENCH_PEER", "1") != "0":
        cpu = openpyxl_read(work / f"disability_{rows}.xlsx")
        print(f"  reading alone, openpyxl read-only (the peer, one run): {cpu:6.2f} CPU s "
              f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
