"""The house's import rules: only advisor_app.gui may import Qt (the services, store, rules … must run
without it), and the layers contract with no import cycles (below)."""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

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


# ---------------------------------------------------------------------------------------------------
# The layers contract: data flows one way, gui/cli -> services -> rules/store/documents/sync/demo ->
# domain. Checked on the source (every import statement, also inside functions and under
# TYPE_CHECKING, and importlib.import_module("...") with a literal name), without importing anything.
# An own scan rather than import-linter: no extra dependency (and lock entry) for ~100 lines, the
# contract and its exceptions read as plain data with their reasons, module-level cycles are checked
# across the whole package, and a failure names the file and line.

MAY_IMPORT: dict[str, frozenset[str]] = {
    # The screens and the command line reach rules, store and demo data only through services.
    "gui": frozenset({"services", "domain", "shipped"}),
    "cli": frozenset({"services", "domain", "shipped"}),
    # One function per thing a user does, built on the layer below.
    "services": frozenset({"rules", "store", "documents", "sync", "demo", "sheets", "domain", "shipped"}),
    # The middle layer: independent of each other (exceptions below), all on domain.
    "rules": frozenset({"domain", "shipped"}),
    "store": frozenset({"domain", "shipped"}),
    "documents": frozenset({"domain", "shipped"}),
    "sync": frozenset({"domain", "shipped"}),
    "demo": frozenset({"domain", "shipped"}),
    "sheets": frozenset({"domain", "shipped"}),
    # The bottom: plain values and the shipped data files; they import nothing of ours.
    "domain": frozenset(),
    "shipped": frozenset(),
    "__main__": frozenset({"cli"}),
}

# (importing module, imported module) -> why it is allowed although the table above says no.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("advisor_app.documents.bindings", "advisor_app.rules.facts"):
        "printed forms mark each income 计入/不计入 and each member counted or not by the very rule the "
        "eligibility check uses (one rule in one place); rules.facts is pure functions of domain values",
    ("advisor_app.cli", "advisor_app.gui.app"):
        "the one entry point: `advisor-app` without a subcommand opens the desktop app; imported lazily, "
        "so scripting never loads Qt",
}


@dataclass(frozen=True, slots=True)
class Edge:
    source: str  # dotted module name
    target: str
    where: str  # file:line


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def edges(known: dict[str, Path]) -> list[Edge]:
    """Every import of one of our modules, by one of our modules."""
    found = []
    for source, path in known.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = source.split(".") if is_package else source.split(".")[:-1]
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # ``from x import y`` imports the module x.y when there is one, else a name of x.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", ""))
                  in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)):
                targets = [str(node.args[0].value)]
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            for target in targets:
                while target and target not in known and "." in target:
                    target = target.rsplit(".", 1)[0]  # a name inside a module: the module
                if target in known and target != source:
                    found.append(Edge(source, target, where))
    return found


def part(module: str) -> str:
    """The top-level part of advisor_app a module belongs to: gui, services, shipped …"""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def violations(found: list[Edge]) -> list[str]:
    out = []
    for e in found:
        src, dst = part(e.source), part(e.target)
        if src == dst or dst == "" or (e.source, e.target) in EXCEPTIONS:
            continue  # within one part, or advisor_app/__init__.py (the version)
        if dst not in MAY_IMPORT.get(src, frozenset()):
            out.append(f"{e.where}: {e.source} imports {e.target} ({src} may import only "
                       f"{', '.join(sorted(MAY_IMPORT.get(src, ()))) or 'nothing of ours'})")
    return sorted(set(out))


def cycles(found: list[Edge]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for e in found:
        graph.setdefault(e.source, set()).add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups)


def test_the_contract_flows_one_way() -> None:
    """The table itself has no loop, and every part of the package has its place in it."""
    parts = {part(m) for m in modules()} - {""}
    assert parts == set(MAY_IMPORT), "a new part of advisor_app needs its line in MAY_IMPORT"
    table = [Edge(f"advisor_app.{a}", f"advisor_app.{b}", "MAY_IMPORT") for a, bs in MAY_IMPORT.items() for b in bs]
    assert cycles(table) == []


def test_the_scan_resolves_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "advisor_app"
    for name, text in {
        "__init__.py": "",
        "gui/__init__.py": "",
        "gui/panel.py": "from advisor_app.rules.results import CheckResult\nfrom . import util\n",
        "gui/util.py": "def f():\n    import importlib\n    importlib.import_module('advisor_app.store.db')\n",
        "rules/__init__.py": "from .results import CheckResult\n",
        "rules/results.py": "def explain():\n    from .explain import text\n",
        "rules/explain.py": "from .results import CheckResult\nfrom ..domain import vocab\n",
        "store/db.py": "",
        "domain/vocab.py": "",
    }.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    found = edges(modules())
    assert {(e.source, e.target) for e in found} == {
        ("advisor_app.gui.panel", "advisor_app.rules.results"), ("advisor_app.gui.panel", "advisor_app.gui.util"),
        ("advisor_app.gui.util", "advisor_app.store.db"), ("advisor_app.rules", "advisor_app.rules.results"),
        ("advisor_app.rules.results", "advisor_app.rules.explain"),
        ("advisor_app.rules.explain", "advisor_app.rules.results"),
        ("advisor_app.rules.explain", "advisor_app.domain.vocab")}
    assert [v.split(": ")[0] for v in violations(found)] == ["advisor_app/gui/panel.py:1", "advisor_app/gui/util.py:3"]
    assert cycles(found) == [["advisor_app.rules.explain", "advisor_app.rules.results"]]


@functools.cache
def package_edges() -> tuple[Edge, ...]:
    known = modules()
    assert len(known) > 50  # the scan did look at the package
    return tuple(edges(known))


def test_every_import_follows_the_layers() -> None:
    found = violations(list(package_edges()))
    assert not found, "imports against the layers contract:\n" + "\n".join(found)


def test_no_import_cycles() -> None:
    found = cycles(list(package_edges()))
    assert not found, "modules that import each other:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_every_exception_is_still_needed() -> None:
    """An exception nobody uses any more is taken out of the contract."""
    used = {(e.source, e.target) for e in package_edges()}
    assert sorted(set(EXCEPTIONS) - used) == []
