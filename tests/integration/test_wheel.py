"""The built wheel carries everything the app reads: installed from it into a fresh virtual
environment (not editable), ``advisor-app check``, ``policy show`` and ``form`` work from a folder
outside the checkout.

The new environment sees the project environment's third-party packages through a ``.pth`` line
(nothing is downloaded); ``advisor_app`` itself must come from the new environment's own copy,
which the test checks, so a file missing from the wheel cannot be found in the checkout instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "household_wu.json"
ON = "2026-11-29"
SOURCES = ("pyproject.toml", "README.md", "advisor_app", "resources", "forms")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def _shipped_files() -> set[str]:
    """What the wheel must hold: every module and every data file, under its installed name."""
    want = {str(p.relative_to(ROOT)) for p in (ROOT / "advisor_app").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    for folder in ("resources", "forms"):
        want |= {f"advisor_app/{p.relative_to(ROOT)}" for p in (ROOT / folder).rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    return want


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (the checkout's own build/ folder is not used)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=SKIP)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    dist = work / "dist"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--no-index", "-q", "-w", str(dist), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = dist.glob("advisor_app-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin folder."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                             "--no-index", "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    # Third-party packages (PySide6, SQLAlchemy …) from the project environment, after our own.
    (Path(own) / "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return env_dir / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> dict[str, object]:
    """Arguments for subprocess.run: a working folder outside the checkout and a fresh data folder."""
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["ADVISOR_APP_HOME"] = str(tmp_path / "home")
    return {"cwd": cwd, "env": env, "capture_output": True, "text": True, "timeout": 120}


def test_the_wheel_holds_every_module_and_data_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = sorted(_shipped_files() - names)
    assert missing == []
    assert {"advisor_app/resources/policy/regions.csv", "advisor_app/forms/notice.toml",
            "advisor_app/resources/i18n/advisor_en.qm"} <= names


def test_the_installed_package_is_its_own_copy(installed: Path, elsewhere: dict[str, object]) -> None:
    code = ("import json, advisor_app, advisor_app.cli\n"
            "from advisor_app import shipped\n"
            "print(json.dumps([advisor_app.__file__, str(shipped.policy_dir()), str(shipped.forms_dir()),"
            " str(shipped.translations_dir())]))\n")
    result = subprocess.run([str(installed / "python"), "-c", code], **elsewhere)  # type: ignore[call-overload]
    assert result.returncode == 0, result.stderr
    env_root = installed.parent.resolve()
    for found in json.loads(result.stdout):
        path = Path(found).resolve()
        assert path.is_relative_to(env_root), f"{found} is not inside the new environment"
        assert not path.is_relative_to(ROOT)
        assert path.exists()


def test_installed_cli_checks_shows_policy_and_prints_a_form(installed: Path, elsewhere: dict[str, object]) -> None:
    app = str(installed / "advisor-app")

    def run(*argv: str) -> str:
        result = subprocess.run([app, *argv], **elsewhere)  # type: ignore[call-overload]
        assert result.returncode == 0, f"advisor-app {' '.join(argv)}:\n{result.stderr}"
        return str(result.stdout)

    checked = run("check", str(SAMPLE), "--on", ON)
    assert "低保标准：924 元/人/月" in checked and "【低保】" in checked  # the shipped Hefei table was read

    shown = run("policy", "show", "340104", "--on", ON)
    assert "合肥市蜀山区" in shown and "dibao_standard" in shown

    household_id = run("household", "import", str(SAMPLE)).strip()
    out = Path(str(elsewhere["cwd"])) / "authorization.pdf"
    printed = run("form", "authorization", "--household", household_id, "--on", ON, "--out", str(out))
    assert str(out) in printed
    text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(out).pages).replace(" ", "")
    assert "家庭经济状况核对授权书" in text and "吴晓霞" in text
