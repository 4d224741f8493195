"""The command line starts at once: each command imports only what it needs (docs/startup.md).

Checked without timing, in a fresh interpreter per command: the child runs ``advisor_app.cli.main``
in-process and reports the top-level packages in ``sys.modules`` afterwards. ``--version`` and
``--help`` load no database, spreadsheet, PDF, pinyin or Qt library; listing households and checking
a file load no Alembic (the profile is at the current revision), spreadsheet, PDF, pinyin or Qt;
listing loads no numpy (no rule is run), checking a file no SQLAlchemy (no profile is opened).
An outdated profile still gets Alembic and its migration.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from advisor_app.cli import main
from advisor_app.store import migrate

DATA = Path(__file__).parents[1] / "data"
SAMPLE = DATA / "household_wu.json"
RELEASE = Path(__file__).parents[1] / "fixtures" / "release-0.1.0-profile.sqlite"  # plaintext, revision 0007

HEAVY = ("sqlalchemy", "alembic", "pypinyin", "openpyxl", "python_calamine", "xlsxwriter", "reportlab", "PySide6")
NOT_FOR_READING = ("alembic", "pypinyin", "openpyxl", "reportlab", "PySide6")

CHILD = r"""
import json, sys
from advisor_app.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:  # --version and --help end through argparse
    code = exc.code
sys.stdout.flush()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"code": code, "loaded": sorted({name.split(".")[0] for name in sys.modules})}, f)
"""


def run_child(tmp_path: Path, *argv: str) -> tuple[int, set[str], str, str]:
    """Run the CLI in a fresh interpreter: exit code, top-level packages loaded, stdout, stderr."""
    report = tmp_path / "loaded.json"
    result = subprocess.run([sys.executable, "-c", CHILD, str(report), *argv], capture_output=True, text=True,
                            env=os.environ, timeout=120, check=False)
    assert report.exists(), result.stderr
    found: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return int(found["code"] or 0), set(found["loaded"]), result.stdout, result.stderr


def loaded(names: tuple[str, ...], modules: set[str]) -> list[str]:
    return [n for n in names if n in modules]


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("household", "--help"), ("check", "--help"),
                                  ("xlsx", "import", "--help")])
def test_version_and_help_load_no_library(tmp_path: Path, argv: tuple[str, ...]) -> None:
    code, modules, out, err = run_child(tmp_path, *argv)
    assert code == 0, err
    assert ("advisor-app 0.1.0" in out) if argv == ("--version",) else ("usage: advisor-app" in out)
    assert loaded(HEAVY, modules) == []
    assert "advisor_app" in modules and "argparse" in modules  # the child did report its own modules


def test_the_child_sees_what_a_command_loads(tmp_path: Path) -> None:
    """The probe is not blind: a command that writes a spreadsheet does load openpyxl."""
    code, modules, _, _ = run_child(tmp_path, "policy", "template", str(tmp_path / "blank.xlsx"))
    assert code == 0 and (tmp_path / "blank.xlsx").exists()
    assert "openpyxl" in modules and "sqlalchemy" in modules


def test_household_list_and_check_load_only_what_they_read_with(tmp_path: Path, data_dir: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "init", "--name", "王芳"]) == 0
    assert main(["household", "import", str(SAMPLE)]) == 0
    capsys.readouterr()

    code, modules, out, err = run_child(tmp_path, "household", "list", "--limit", "5")
    assert code == 0, err
    assert "吴晓霞" in out
    assert "sqlalchemy" in modules  # it did open the profile
    assert loaded((*NOT_FOR_READING, "numpy"), modules) == []  # no rules are run to list

    code, modules, out, err = run_child(tmp_path, "check", str(SAMPLE), "--on", "2023-09-01")
    assert code == 0, err
    assert "【低保】：符合" in out
    assert loaded(NOT_FOR_READING, modules) == []
    assert "sqlalchemy" not in modules, "checking a file opens no profile: no database library"
    assert "numpy" in modules  # the probe sees the rules it did load

    code, modules, out, err = run_child(tmp_path, "screen", "--on", "2023-09-01")
    assert code == 0, err
    assert "共 1 户" in out
    assert loaded((*NOT_FOR_READING, "xlsxwriter"), modules) == []  # no sheet asked for: no spreadsheet library
    assert "numpy" in modules and "sqlalchemy" in modules


def test_an_outdated_profile_is_still_migrated(tmp_path: Path, data_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    shutil.copyfile(RELEASE, data_dir / "advisor.sqlite")
    assert main(["profile", "encrypt"]) == 0  # the release's profile was plaintext, at revision 0007
    capsys.readouterr()

    code, modules, out, err = run_child(tmp_path, "household", "list")
    assert code == 0, err
    assert "alembic" in modules and "数据库已升级" in err
    assert out.strip(), "the release's households are listed from the migrated profile"
    backups = list((data_dir / "backups").glob("*before-0007_format2*"))
    assert backups, "the copy made before migrating"

    code, modules, _, err = run_child(tmp_path, "household", "list")  # now current: no Alembic
    assert code == 0, err
    assert "alembic" not in modules and "数据库已升级" not in err


def test_the_revisions_read_from_the_files_are_alembics() -> None:
    """The cheap check at every open and Alembic agree on our revisions and the head."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    known = migrate.known_revisions()
    assert known is not None, "every migration file states revision and down_revision plainly"
    revisions, head = known
    assert revisions == {r.revision for r in scripts.walk_revisions()}
    assert head == scripts.get_current_head() == migrate.head_revision()
    assert migrate.is_known(head) and not migrate.is_known("9999_from_a_newer_release")


def test_a_history_the_files_cannot_show_is_left_to_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two heads (or a file without plain revision lines): the cheap reading gives up, Alembic answers."""
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    for name, text in {"a.py": 'revision = "a"\ndown_revision = None\n',
                       "b.py": 'revision = "b"\ndown_revision = "a"\n',
                       "c.py": 'revision = "c"\ndown_revision = "a"\n'}.items():
        (versions / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(migrate, "_MIGRATIONS", tmp_path / "migrations")
    migrate.known_revisions.cache_clear()
    try:
        assert migrate.known_revisions() is None
        (versions / "c.py").unlink()
        migrate.known_revisions.cache_clear()
        assert migrate.known_revisions() == (frozenset({"a", "b"}), "b")
        (versions / "b.py").write_text('revision = compute()\ndown_revision = "a"\n', encoding="utf-8")
        migrate.known_revisions.cache_clear()
        assert migrate.known_revisions() is None
    finally:
        monkeypatch.undo()
        migrate.known_revisions.cache_clear()
