"""Roster import (名册): 10,000 rows (2,500 households of 4 people) into a new profile, then the same
roster again into the filled one (every household matched and compared, nothing to write), and a
village's roster (1,200 rows) on its own.

Target: a village's roster (200–500 households, 1,000+ rows) well under a second or two. The rows
are built in memory (reading the file is the spreadsheet reader's figure, not this one's). Prints
the median of the runs (default 3; BENCH_RUNS to change) and the machine's load average, which
says how much the figures were shared with other work.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from advisor_app.domain import idcard
from advisor_app.services import profile_settings
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
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(one_run(Path(tmp)))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    for label, i in ((f"roster_import_{ROWS}_rows_new", 0), (f"roster_import_{ROWS}_rows_again", 1),
                     ("roster_import_1200_rows_village", 2)):
        times = [r[i] for r in runs]
        print(f"{label}: {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"load average (1, 5, 15 min): {load}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
