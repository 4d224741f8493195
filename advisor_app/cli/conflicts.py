"""``advisor-app conflicts list|resolve``: the same field changed on both sides, or a record deleted
on one side and edited on the other (docs/sync.md, "Versions, merges and conflicts").

* ``list``: JSON list of ``{"id", "kind", "record_id", "field", "mine", "theirs"}``.
* ``resolve ID --keep mine|theirs``: once every conflicting field of a record has a choice, the
  record is written with the values chosen; the next bundle carries it to the other side.
"""

from __future__ import annotations

import argparse
from typing import Any

from .context import Context
from .output import add_format, emit


def register(sub: Any) -> None:
    parser = sub.add_parser("conflicts", help="同步冲突：两边都改了同一项时，列出并选择保留哪一边")
    cmds = parser.add_subparsers(title="conflicts commands", metavar="ACTION", required=True)

    p = cmds.add_parser("list", help="列出未解决的冲突：编号、记录、项目、本机的值、对方的值")
    add_format(p)
    p.set_defaults(run=_list, reads_only=True)

    p = cmds.add_parser("resolve", help="解决一个冲突：保留本机的值（mine）或对方的值（theirs）")
    p.add_argument("id", metavar="ID", help="冲突的编号（conflicts list 的第一列）")
    p.add_argument("--keep", required=True, choices=("mine", "theirs"), help="mine：本机的值；theirs：对方的值")
    add_format(p)
    p.set_defaults(run=_resolve)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import conflicts_view, sync_conflicts

    found = sync_conflicts.list_conflicts(ctx.profile)
    lines: list[str] = []
    if getattr(args, "format", "text") != "json":  # the same words as the conflicts view
        for r in conflicts_view.open_conflicts(ctx.profile):
            head = f"{r.head_name}（{r.village}）" if r.village else (r.head_name or r.household_id)
            lines.append(f"{r.id}\t{head}\t{r.record.zh}：{r.field.zh}\t本机：{r.mine.zh}\t{r.peer_name}：{r.theirs.zh}")
    emit(args, [c.to_dict() for c in found], lines or ["没有未解决的冲突"])
    return 0


def _resolve(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_conflicts

    still = sync_conflicts.resolve_conflict(ctx.profile, args.id, args.keep)
    open_ = [c for c in still if c.chosen is None]
    lines = ([f"已选择；这条记录还有 {len(open_)} 处冲突要选择：" + "、".join(c.label for c in open_)] if open_
             else ["冲突已解决；下次导出数据包时会带给对方"])
    emit(args, {"id": args.id, "keep": args.keep, "resolved": not open_, "open": [c.to_dict() for c in open_]}, lines)
    return 0
