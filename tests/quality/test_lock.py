"""packaging/requirements.lock covers what pyproject.toml asks for, and the environment is consistent.

When a dependency is added to pyproject.toml without refreshing the lock, bootstrap (which installs
the lock, then the project with --no-deps) would leave it out; this test says so and how to fix it.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def locked() -> dict[str, str]:
    text = (ROOT / "packaging" / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    return [Requirement(line) for line in lines]


def extra_packages(req: Requirement) -> list[tuple[str, Requirement]]:
    """What the extras of ``req`` add (psycopg[binary] -> psycopg-binary), from the installed metadata."""
    try:
        declared = [Requirement(line) for line in importlib.metadata.requires(req.name) or []]
    except importlib.metadata.PackageNotFoundError:
        return []  # not installed: reported as missing from the lock or by pip check
    return [(extra, dep) for extra in sorted(req.extras) for dep in declared
            if dep.marker is not None and dep.marker.evaluate({"extra": extra})
            and not dep.marker.evaluate({"extra": ""})]


def test_the_lock_pins_every_requirement_of_pyproject() -> None:
    pins = locked()
    assert len(pins) > 20 and "pyside6-essentials" in pins  # the lock was read
    problems = []
    for req in wanted():
        version = pins.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"{req} is not in the lock")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req}: the lock has {version}")
        problems += [f"{req}: {dep} (for [{extra}]) is not in the lock" for extra, dep in extra_packages(req)
                     if canonicalize_name(dep.name) not in pins]
    assert not problems, "refresh packaging/requirements.lock with scripts/lock:\n" + "\n".join(problems)


def test_installed_packages_fit_each_other() -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
