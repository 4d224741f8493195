"""CPU seconds of one batch screening in a process that has opened the profile: the first run after
opening (its pages decrypted from the file) and the runs after it (from SQLCipher's page cache).

Uses the 140,000-household profile of ``screen_side_by_side.py`` (``<bench dir>/side_by_side_140000``,
made by that script; ``BENCH_HOUSEHOLDS`` picks another of its sizes) and ``BENCH_RUNS`` runs (4).
Each run is ``services.eligibility.screen`` on 2026-11-01: every programme, the packed inputs read,
the results compared with the stored ones and written where they changed, committed. Prints one
figure per line (``name: value unit``): the CPU seconds of each run (``time.process_time``), the
median of the runs after the first, their wall seconds, the parts the summary times (read, check,
write), the peak RSS and the 1-minute load average. To compare with an earlier version, run it with
``PYTHONPATH`` at an export of that commit, interleaved with runs of this one (the machine is shared).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import sys
import time

from _gui_profiles import bench_base

ON = dt.date(2026, 11, 1)


def main() -> int:
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "140000"))
    runs = int(os.environ.get("BENCH_RUNS", "4"))
    folder = bench_base() / f"side_by_side_{households}"
    if not (folder / ".complete").exists():
        print(f"make the profile first: BENCH_SIZES={households} python benchmarks/screen_side_by_side.py",
              file=sys.stderr)
        return 1
    from advisor_app.services import eligibility
    from advisor_app.services.profile import open_profile

    profile = open_profile(folder)
    cpu, wall, parts = [], [], []
    try:
        for _ in range(runs):
            c, w = time.process_time(), time.perf_counter()
            summary = eligibility.screen(profile, ON)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
            parts.append(summary.timings)
    finally:
        profile.close()
    k = f"{households // 1000}k"
    print(f"screen_cpu_first_run_{k}: {cpu[0]:.2f} s (wall {wall[0]:.2f} s)")
    for i, (c, w) in enumerate(zip(cpu[1:], wall[1:], strict=True), 2):
        print(f"screen_cpu_run{i}_{k}: {c:.2f} s (wall {w:.2f} s)")
    if runs > 1:
        print(f"screen_cpu_median_after_first_{k}: {statistics.median(cpu[1:]):.2f} s")
    last = parts[-1]
    print(f"screen_parts_last_run_{k}: {last.get('read', 0):.2f} s read, {last.get('check', 0):.2f} s check, "
          f"{last.get('write', 0):.2f} s write (wall); {last.get('written', 0):.0f} rows written")
    print(f"peak_rss: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"load_average_1min: {os.getloadavg()[0]:.2f} processes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
