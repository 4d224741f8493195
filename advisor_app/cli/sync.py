"""``advisor-app sync status``: what is not sent yet, where each peer stands, and the digest that
shows who agrees with whom (docs/sync.md, "Agreement: the digest"; the JSON keys:
:mod:`advisor_app.services.sync_status`)."""

from __future__ import annotations

import argparse
from typing import Any

from .context import Context
from .output import add_format, emit


def register(sub: Any) -> None:
    parser = sub.add_parser("sync", help="同步状态：未发送的记录、与各方的数据包编号、数据摘要")
    cmds = parser.add_subparsers(title="sync commands", metavar="ACTION", required=True)
    p = cmds.add_parser("status", help="未发送的记录数、发出/收到/确认的数据包编号、缺少的数据包、数据摘要")
    add_format(p)
    p.set_defaults(run=_status, reads_only=True)


def _counts(counts: dict[str, int]) -> str:
    return "、".join(f"{kind} {n} 条" for kind, n in counts.items()) or "没有"


def _status(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import bundles
    from advisor_app.services.sync_setup import ROLES
    from advisor_app.services.sync_status import sync_status

    status = sync_status(ctx.profile)
    lines = [f"本机：{ROLES.get(status['role'], status['role'])} {status['name']}",
             f"未发送：{_counts(status['unsent'])}；未解决的冲突：{status['conflicts']}",
             f"数据摘要：{status['digest'][:16]}（{status['records']} 条记录）"]
    for p in status["peers"]:
        gaps = f"；缺少第 {'、'.join(str(n) for n in p['gaps'])} 号" if p["gaps"] else ""
        lines.append(f"{p['name']}{'（已注销）' if p['revoked'] else ''}：发出第 {p['last_sent']} 号，"
                     f"对方已确认第 {p['last_acknowledged']} 号，收到第 {p['last_received']} 号{gaps}；"
                     f"未发送：{_counts(p['unsent'])}；共有数据摘要 {p['digest'][:16]}")
    for name, sequence, parts, have in bundles.held_bundles(ctx.profile):
        lines.append(f"暂存：来自{name}的第 {sequence} 号数据包，已收到 {len(have)} 部分（共 {parts} 部分）")
    emit(args, status, lines)
    return 0
