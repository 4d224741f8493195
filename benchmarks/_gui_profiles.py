"""Cached demo profiles for the GUI benchmarks (generated once, reused).

``<temp>/advisor-bench/gui_demo_<n>`` (ADVISOR_BENCH_DIR to put them elsewhere); delete a folder to
generate it again. The profile is brought to the current schema before use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]


def bench_folder(households: int) -> Path:
    base = Path(os.environ.get("ADVISOR_BENCH_DIR") or Path(tempfile.gettempdir()) / "advisor-bench")
    return base / f"gui_demo_{households}"


def demo_profile_folder(households: int) -> Path:
    """The folder of a profile with ``households`` demo households (seed 1), made if missing."""
    folder = bench_folder(households)
    done = folder / ".complete"
    if not done.exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "demo",
                        "--households", str(households)], check=True, cwd=TOP, stdout=subprocess.DEVNULL)
        print(f"# generated {households} demo households in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
        done.touch()
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import mark_demo, read_info

    profile = open_profile(folder)  # migrate now, not inside a timed start
    with profile.connection() as conn:
        if read_info(conn).needs_setup:  # cached by an older version: it is a demo, not a first start
            mark_demo(conn)
    profile.close()
    for old in (folder / "backups").glob("*.sqlite"):
        old.unlink()  # copies made before migrating a cached benchmark profile are not needed
    return folder
