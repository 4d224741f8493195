"""``advisor-app check HOUSEHOLD.json [--on DATE] [--format text|json]`` — no profile needed.

Text (default) is the explanation for the family (``services.explanation``: summary, what to apply
for, reasons with their regulations, the default-value note once); ``json`` is the
``advisor-check/1`` document (conventions in ``advisor_app.rules.results``) plus the keys
``summary``, ``recommendation``, ``default_note`` and ``outdated_note`` (docs/eligibility.md).
An invalid household document exits with code 2 and a message naming the member and field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from advisor_app.domain.errors import DomainError

from .context import Context


def parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"日期“{text}”无效，应写成 YYYY-MM-DD", where="--on") from None


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="核对一个家庭可申请哪些救助（低保、特困、临时救助等），并说明理由")
    p.add_argument("file", help="advisor-household/2（或 /1）JSON 文件，- 表示标准输入")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="按哪一天的政策核对（默认今天）")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text：中文说明（默认）；json：advisor-check/1 文档")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import explanation, household_check
    from advisor_app.services.household_files import read_document_with_notes

    on = parse_day(args.on)
    household, notes = read_document_with_notes(args.file)
    for note in notes:
        print(f"注意：{note}", file=sys.stderr)
    result = household_check.check(household, on)
    explained = explanation.explain(household, result)
    if args.format == "json":
        doc = result.to_dict() | explained.to_dict()  # the advisor-check/1 keys first, unchanged
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explained.text())
    return 0
