"""What encryption costs the advisor: each figure with and without it, measured in one run.

Runs the start-up (100,000 households), search-keystroke (200,000) and screening (140,000)
benchmarks twice each, alternating: on the encrypted profile, and on its plaintext twin (the same
records decrypted once into a plain SQLite file, opened by database URL; ``_gui_profiles.py``).
Each benchmark takes its own medians; this prints them side by side with the ratio.

Targets with the encrypted profile: start-up ≤ 2 s, slowest keystroke ≤ 100 ms, screening ≤ 5 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHMARKS = ("gui_startup.py", "gui_search.py", "screen_140k.py")
KEPT = {"gui_startup_": "s", "gui_peak_memory_": "MB", "gui_search_keystroke_": "ms", "screen_140k_households": "s"}


def figures(script: str, plaintext: bool) -> dict[str, float]:
    env = {**os.environ, "BENCH_PLAINTEXT": "1" if plaintext else "0"}
    env.setdefault("ADVISOR_APP_PASSPHRASE", "benchmark-passphrase")
    out = subprocess.run([sys.executable, str(HERE / script)], cwd=HERE.parent, env=env, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    found = {}
    for line in out.splitlines():
        name, _, rest = line.partition(": ")
        if name.startswith(tuple(KEPT)) and rest:
            found[name] = float(rest.split()[0])
    return found


def main() -> int:
    for script in BENCHMARKS:
        encrypted = figures(script, plaintext=False)
        plain = figures(script, plaintext=True)
        for name, value in encrypted.items():
            unit = next(u for prefix, u in KEPT.items() if name.startswith(prefix))
            other = plain.get(name)
            ratio = f"  ×{value / other:.2f}" if other else ""
            print(f"{name}: {value:g} {unit} encrypted, {other:g} {unit} plaintext{ratio}", flush=True)
    if hasattr(os, "getloadavg"):
        print(f"load_average_1min: {os.getloadavg()[0]:.2f} processes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
