"""The ``advisor-app`` process's entry: the command's exit code, and what is left frozen for the exit."""

from __future__ import annotations

import gc

import pytest

import advisor_app.cli as cli


def test_the_entry_returns_the_commands_code_and_freezes_what_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []

    def main() -> int:
        order.append("main")
        return 3

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(gc, "freeze", lambda: order.append("freeze"))
    assert cli.entry() == 3
    assert order == ["main", "freeze"]


def test_the_installed_command_and_python_m_use_the_entry() -> None:
    import tomllib
    from pathlib import Path

    top = Path(cli.__file__).resolve().parents[2]
    scripts = tomllib.loads((top / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["advisor-app"] == "advisor_app.cli:entry"
    assert "raise SystemExit(entry())" in (top / "advisor_app" / "__main__.py").read_text(encoding="utf-8")
