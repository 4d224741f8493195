"""SQLite's own statements stay behind the dialect in ``store/engine.py`` and the cipher's in
``store/encryption.py``; nobody opens a database file with the plain ``sqlite3`` module, and only
the encryption module uses SQLCipher's driver directly (to encrypt, re-key and test a key)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "advisor_app"
ENGINE = PACKAGE / "store" / "engine.py"
ENCRYPTION = PACKAGE / "store" / "encryption.py"


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_pragmas_only_in_the_engine_module() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _sources() if p not in (ENGINE, ENCRYPTION)
                 and any(s.lstrip().upper().startswith("PRAGMA") for s in _strings(p))]
    assert offenders == []
    assert any(s.startswith("PRAGMA") for s in _strings(ENGINE))  # the check looks where they are


def test_no_module_imports_sqlite3() -> None:
    offenders = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "sqlite3" for n in names) or (
                    path != ENCRYPTION and any(n.split(".")[0] == "sqlcipher3" for n in names)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
