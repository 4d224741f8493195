"""``advisor-app audit verify|list`` — check the audit log's hash chain, list its entries.

``verify`` exits 0 when the chain holds and 1, with one line naming the first broken entry, when it
does not. ``list [--household ID] [--since DATE] [--format text|json]``: a text table (times in the
computer's time zone) or a JSON list of objects with the keys of
:data:`advisor_app.services.audit.JSON_KEYS` (docs/audit.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from advisor_app.domain.errors import DomainError

from .context import Context


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="审计记录：检查是否被改动，列出谁在何时做了什么")
    cmds = parser.add_subparsers(title="audit commands", metavar="ACTION", required=True)

    p = cmds.add_parser("verify", help="检查审计记录的哈希链：完好时退出码 0，否则 1 并指出第一条出问题的记录")
    p.set_defaults(run=_verify, reads_only=True)

    p = cmds.add_parser("list", help="列出审计记录（最早的在前）")
    p.add_argument("--household", metavar="ID", help="只列出这户家庭的记录")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="只列出这一天（本机时区）及以后的记录")
    p.add_argument("--limit", type=int, help="最多列出多少条")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    p.set_defaults(run=_list, reads_only=True)


def _verify(_args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import audit

    check = audit.verify(ctx.profile)
    print(check.message, file=sys.stdout if check.holds else sys.stderr)
    return 0 if check.holds else 1


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import audit

    since = _day(args.since) if args.since else None
    found = audit.list_entries(ctx.profile, household_id=args.household, since=since, limit=args.limit)
    if args.format == "json":
        json.dump([audit.entry_dict(e) for e in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print("序号\t时间\t经办人\t操作\t对象\t编号\t家庭\t改动的项目\t说明")
    for e in found:
        print("\t".join([str(e.seq), audit.local_time(e.at), e.who or "—", audit.ACTIONS.get(e.action, e.action),
                         audit.KINDS.get(e.kind, e.kind), e.record_id or "", e.household_id or "",
                         "、".join(e.field_names), e.detail]))
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"日期“{text}”无效，应写成 YYYY-MM-DD", where="--since") from None
