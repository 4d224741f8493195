"""Output shared by the sync commands: ``--format text`` (short Chinese lines, the default) or
``--format json`` (one JSON value on standard output, for scripts)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from advisor_app.domain.errors import DomainError


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")


def emit(args: argparse.Namespace, value: Any, lines: Iterable[str]) -> None:
    """``value`` as JSON with ``--format json``, else ``lines``."""
    if getattr(args, "format", "text") == "json":
        json.dump(value, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for line in lines:
            print(line)


def write_file(path: str, data: bytes) -> None:
    """Write a small file (an enrolment request or answer); a message when it cannot be written."""
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=path) from None


def read_file(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise DomainError(f"读不了文件：{exc.strerror or exc}", where=path) from None
    return data
