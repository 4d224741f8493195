"""Start-up of the desktop app on a 100,000-household profile, and its peak memory.

Measured in a fresh process each time (offscreen): from just before the process is started until
the main window is shown and the first page of list rows has been fetched — the same path as
``advisor-app`` (``run_app``). Median of 3 runs. Then, in one more process, the peak resident memory
(ru_maxrss) after start-up, a few searches and scrolling the list from top to bottom.

Targets: start-up ≤ 2 s; peak memory ≤ 400 MB. Prints ``name: value unit`` lines.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _gui_profiles import TOP, database_url, demo_profile_folder, variant

HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

# Runs the real run_app; a timer reports once the window shows rows, then quits.
CHILD = r"""
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from advisor_app.gui import app as gui_app
from advisor_app.gui.main_window import MainWindow

exercise = sys.argv[2] == "exercise"

def ready_window():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.model.rowCount() and w.model.fetches:
            return w
    return None

def exercise_window(w):
    for text in ("w", "wx", "吴", "吴晓", "0026", "村", ""):
        w.search.setText(text)
        w.run_search()
        w.operations.wait_idle(60000)
        w.model.data(w.model.index(0, 0))
    step = max(1, w.model.rowCount() // 400)
    for row in range(0, w.model.rowCount(), step):
        w.table.scrollTo(w.model.index(row, 0))
        QApplication.processEvents()

def poll():
    w = ready_window()
    if w is None:
        return
    timer.stop()
    print("ready", flush=True)
    if exercise:
        exercise_window(w)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"maxrss_kb {rss}", flush=True)
    w.close()
    QApplication.quit()

app = gui_app.application()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
sys.exit(gui_app.run_app(sys.argv[1]))
"""


def run_child(folder: str, mode: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    url = database_url(Path(folder))
    if url:
        env["ADVISOR_APP_DATABASE_URL"] = url
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, folder, mode], cwd=TOP, env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    ready = None
    rss = 0
    for line in proc.stdout:
        if line.startswith("ready") and ready is None:
            ready = time.perf_counter() - start
        elif line.startswith("maxrss_kb"):
            rss = int(line.split()[1])
    if proc.wait() != 0 or ready is None:
        raise SystemExit(f"the app did not start (exit code {proc.returncode})")
    return ready, rss


def main() -> int:
    folder = str(demo_profile_folder(HOUSEHOLDS))
    run_child(folder, "start")  # warm the file cache once, as on a laptop used daily
    times = [run_child(folder, "start")[0] for _ in range(RUNS)]
    _, rss_kb = run_child(folder, "exercise")
    n = f"{HOUSEHOLDS // 1000}k"
    print(f"gui_startup_{n}: {statistics.median(times):.2f} s  ({variant()})")
    print(f"gui_peak_memory_{n}: {rss_kb / 1024:.0f} MB  ({variant()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
