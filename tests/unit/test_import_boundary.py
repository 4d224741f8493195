"""Only advisor_app.gui may import Qt: the services, store, rules … must run without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "advisor_app"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def qt_imports(path: Path) -> list[str]:
    """The Qt modules ``path`` imports (anywhere in the file, also inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant)):
            names = [str(node.args[0].value)]
        found += [n for n in names if n.split(".")[0] in QT_MODULES]
    return found


def test_the_scan_finds_qt_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\ndef f():\n    from PySide6.QtCore import QObject\n"
                      "import importlib\nimportlib.import_module('PySide6.QtGui')\n", encoding="utf-8")
    assert qt_imports(sample) == ["PySide6.QtCore", "PySide6.QtGui"]


def test_no_module_outside_gui_imports_qt() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "gui":
            continue
        if found := qt_imports(path):
            offenders[str(relative)] = found
    assert offenders == {}
    assert len(list(PACKAGE.rglob("*.py"))) > 20  # the scan did look at the package


def test_cli_and_services_load_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import advisor_app.cli, advisor_app.services\n"
        "from advisor_app.cli import build_parser\n"
        "build_parser()\n"
        "for m in pkgutil.iter_modules(advisor_app.services.__path__):\n"
        "    importlib.import_module('advisor_app.services.' + m.name)\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
