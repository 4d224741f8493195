"""``advisor-app xlsx …``: Excel files in and out (docs/excel.md)."""

from __future__ import annotations

from typing import Any

from . import xlsx_export


def register(sub: Any) -> None:
    p = sub.add_parser("xlsx", help="Excel：导出台账")
    cmds = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    xlsx_export.register(cmds)
