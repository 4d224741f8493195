"""Run the benchmarks and print every figure as one line (``name: value unit``).

    .venv/bin/python benchmarks/run.py            # all of them
    .venv/bin/python benchmarks/run.py demo forms # those whose file name contains a word given

Each benchmark is a script in this folder that prints its own figures; they run one after another
in fresh processes, so one's caches and memory do not flatter the next. Figures are medians where a
benchmark repeats itself; the machine may be shared, so compare ratios rather than single runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
PASSPHRASE = "benchmark-passphrase"
"""The benchmark profiles are encrypted like every profile (ADVISOR_APP_PASSPHRASE, unless set)."""


def main(words: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name != "run.py" and not p.name.startswith("_"))
    if words:
        scripts = [p for p in scripts if any(w in p.stem for w in words)]
    failed = 0
    for script in scripts:
        print(f"# {script.name}", flush=True)
        env = {**os.environ, "ADVISOR_APP_PASSPHRASE": os.environ.get("ADVISOR_APP_PASSPHRASE", PASSPHRASE)}
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False, env=env)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
