"""Start-up of the command line: whole processes, next to Python's own start-up, in the same run.

Each command runs ``BENCH_RUNS`` times (default 10) in a fresh process, the commands taking turns
(so a burst of load on the shared machine falls on all of them alike); printed are the median and
the slowest run of each, with two baselines measured in the same rounds: ``python -c pass`` (the
interpreter alone) and ``python -c "import sqlalchemy"`` (the database library every command that
opens a profile needs). The profile is an encrypted demo profile of ``BENCH_HOUSEHOLDS`` households
(default 5,000, an advisor's own profile is a few thousand; ``_gui_profiles.py`` caches it), opened
with ADVISOR_APP_PASSPHRASE, as a script would; ``household_list_demo`` lists the demo profile
(``--demo``, the published passphrase, the same number of invented households) in the same rounds.

The children may write bytecode caches (``PYTHONDONTWRITEBYTECODE`` is dropped for them): an
installed package has its ``.pyc`` files, and so, after its first run, has a checkout; without them
every run would compile the package's sources again (about 0.1 s here), which no user meets.

The key derivation (argon2id, docs/security.md) is part of every open of an encrypted profile; its
own cost is measured in-process (median of the same number of runs) and printed beside the figures,
with the demo's (its published passphrase gets a token cost, docs/security.md).

Targets: ``--version`` ≤ 0.15 s; ``household list --limit 5`` (own and demo profile) and ``check FILE``
≤ 0.6 s.
Prints ``name: value unit`` lines, and the load average before and after.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _gui_profiles import TOP, demo_profile_folder, passphrase

HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "5000"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
HOUSEHOLD_FILE = TOP / "tests" / "data" / "household_wu.json"
TARGETS = {"version": 0.15, "household_list": 0.6, "household_list_demo": 0.6, "check": 0.6}


def advisor_app() -> list[str]:
    """The installed ``advisor-app`` script (what an advisor or a script runs), else ``-m``."""
    script = Path(sys.executable).with_name("advisor-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "advisor_app"]


def commands(folder: Path) -> dict[str, list[str]]:
    app = [*advisor_app(), "--data-dir", str(folder)]
    return {
        "python_pass": [sys.executable, "-c", "pass"],
        "python_import_sqlalchemy": [sys.executable, "-c", "import sqlalchemy"],
        "version": [*app, "--version"],
        "household_list": [*app, "household", "list", "--limit", "5"],
        "household_list_demo": [*app, "--demo", "household", "list", "--limit", "5"],
        "check": [*app, "check", str(HOUSEHOLD_FILE)],
    }


def wall_time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=TOP, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
    return seconds


def demo_folder(folder: Path) -> Path:
    """The demo profile inside the benchmark's data folder, with as many households, made if missing."""
    done = folder / "demo" / ".complete"
    if not done.exists():
        subprocess.run([*advisor_app(), "--data-dir", str(folder), "--demo", "demo", "reset", "--households",
                        str(HOUSEHOLDS)], check=True, cwd=TOP, stdout=subprocess.DEVNULL)
        done.touch()
    return folder / "demo"


def key_derivation_seconds(folder: Path, secret: str) -> float:
    """The argon2id derivation an open of this profile performs, measured on its own."""
    from advisor_app.store import encryption, paths

    salt = encryption.salt_of(paths.resolve(folder).database)
    assert salt is not None, "the benchmark profile is encrypted"
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        encryption.derive_key(secret, salt)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def main() -> int:
    folder = demo_profile_folder(HOUSEHOLDS)
    env = {**os.environ, "ADVISOR_APP_PASSPHRASE": passphrase()}
    env.pop("ADVISOR_APP_DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmds = commands(folder)
    demo = demo_folder(folder)
    print(f"cli_startup_load_average_before: {load()} (1, 5, 15 min)", flush=True)
    for argv in cmds.values():
        wall_time(argv, env)  # once each first: the files in the page cache, .pyc written
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(RUNS):
        for name, argv in cmds.items():
            times[name].append(wall_time(argv, env))
    kdf = key_derivation_seconds(folder, passphrase())
    from advisor_app.store.encryption import DEMO_PASSPHRASE

    demo_kdf = key_derivation_seconds(demo, DEMO_PASSPHRASE)
    print(f"cli_startup_load_average_after: {load()} (1, 5, 15 min)")
    print(f"cli_startup_runs: {RUNS} per command, profile of {HOUSEHOLDS} households")
    for name, found in times.items():
        target = TARGETS.get(name)
        aim = f" (target ≤ {target} s)" if target else ""
        print(f"cli_startup_{name}_median: {statistics.median(found):.3f} s{aim}")
        print(f"cli_startup_{name}_max: {max(found):.3f} s")
    share = kdf / statistics.median(times["household_list"])
    print(f"cli_startup_key_derivation: {kdf:.3f} s (argon2id at every open of an encrypted profile; "
          f"{share:.0%} of household list's median)")
    print(f"cli_startup_key_derivation_demo: {demo_kdf:.4f} s (the demo's published passphrase)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
