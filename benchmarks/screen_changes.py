"""Re-screening after edits: what a screening costs when few households changed since the last one.

A copy of ``screen_side_by_side``'s profile of BENCH_CHANGES_SIZE households (140,000; made there
if missing, ``fill_demo`` seed 1) is screened twice (the second run: nothing changed); then, for
each count in BENCH_CHANGES (10, 1000), that many households get a wage for their head (saved as
the editor saves) and the profile is screened again; last, it is screened on the next day (every
kept row gets the new date). Each screening is ``advisor-app screen`` as a whole process, timed from
outside (wall seconds) and inside (the run's own seconds, and how many households' stored rows it
wrote or deleted, as the command says). Prints one figure per line, then the load average.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from screen_side_by_side import ON, ensure_profile

SIZE = int(os.environ.get("BENCH_CHANGES_SIZE", "140000"))
COUNTS = [int(c) for c in os.environ.get("BENCH_CHANGES", "10,1000").split(",")]


def screen(folder: Path, on: dt.date) -> tuple[float, str]:
    """``advisor-app screen`` as a whole process: its wall seconds, and what it said."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "screen", "--on",
                           on.isoformat()], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    found = re.search(r"其中 (\d+) 户.*（([0-9.]+) 秒）", done.stdout)
    return wall, f"{found.group(2)} s inside, {found.group(1)} households' rows written" if found else done.stdout


def edit(folder: Path, count: int, seed: int) -> float:
    """Give ``count`` households' heads a wage; the seconds it took."""
    from advisor_app.domain.household import Income
    from advisor_app.services import households as household_service
    from advisor_app.services.profile import open_profile

    profile = open_profile(folder)
    try:
        ids = [h.id for h in household_service.list_households(profile)]
        start = time.perf_counter()
        for hid in ids[seed::max(1, len(ids) // count)][:count]:
            h = household_service.load_household(profile, hid)
            head = h.members[0]
            h.members[0] = dataclasses.replace(head, incomes=[*head.incomes, Income("wage", 2_000.0 + seed)])
            household_service.save_household(profile, h)
        return time.perf_counter() - start
    finally:
        profile.close()


def main() -> None:
    source = ensure_profile(SIZE)
    with tempfile.TemporaryDirectory(prefix="advisor-changes-") as tmp:
        folder = Path(tmp) / "profile"
        shutil.copytree(source, folder)
        wall, inside = screen(folder, ON)
        print(f"first screening of the copy: {wall:.2f} s whole process ({inside})")
        wall, inside = screen(folder, ON)
        print(f"again, nothing changed: {wall:.2f} s whole process ({inside})")
        for k, count in enumerate(COUNTS):
            took = edit(folder, count, k + 1)
            wall, inside = screen(folder, ON)
            print(f"after {count} households edited ({took:.1f} s of saves): {wall:.2f} s whole process "
                  f"({inside})")
        wall, inside = screen(folder, ON + dt.timedelta(days=1))
        print(f"the next day (every kept row dated again): {wall:.2f} s whole process ({inside})")
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
