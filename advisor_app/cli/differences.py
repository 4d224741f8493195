"""``advisor-app differences list|accept|reject``: what a roster import (名册) found that differs from
what the advisor recorded (docs/roster.md).

* ``list``: one line per pending difference (编号, household, member, field, 现有值, 名册值, file);
  ``--format json``: a list of ``{"id", "household_id", "head_name", "village", "member",
  "member_id_number", "field", "existing", "roster", "source"}``.
* ``accept ID``: the roster's value is written (the ordinary save: validation, audit log).
* ``reject ID``: the recorded value stays; the same roster value is not listed again.
"""

from __future__ import annotations

import argparse
from typing import Any

from .context import Context
from .output import add_format, emit


def register(sub: Any) -> None:
    parser = sub.add_parser("differences", help="名册差异：导入名册时与已登记内容不同的项，逐条接受或保留现有")
    cmds = parser.add_subparsers(title="differences commands", metavar="ACTION", required=True)

    p = cmds.add_parser("list", help="列出待处理的名册差异：编号、家庭、成员、项目、现有值、名册值、来源文件")
    add_format(p)
    p.set_defaults(run=_list, reads_only=True)

    for action, words in (("accept", "接受名册的值（按正常保存写入，记入审计记录）"),
                          ("reject", "保留现有的值（同一名册再次导入时不再列出）")):
        p = cmds.add_parser(action, help=words)
        p.add_argument("id", metavar="ID", help="差异的编号（differences list 的第一列）")
        add_format(p)
        p.set_defaults(run=_answer, action=action)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import roster_differences

    found = roster_differences.list_differences(ctx.profile)
    lines = []
    for d in found:
        head = f"{d.head_name}（{d.village}）" if d.village else (d.head_name or d.household_id)
        who = f"{d.member_name}：" if d.member_name else ""
        lines.append(f"{d.id}\t{head}\t{who}{d.field_words}\t现有：{d.existing_words}\t名册：{d.roster_words}"
                     f"\t{d.source}")
    emit(args, [d.to_dict() for d in found], lines or ["没有待处理的名册差异"])
    return 0


def _answer(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import roster_differences

    if args.action == "accept":
        done = roster_differences.accept(ctx.profile, args.id)
        line = "已接受：名册的值已保存"
    else:
        done = roster_differences.reject(ctx.profile, args.id)
        line = "已保留现有的值"
    emit(args, {"id": args.id, "household_id": done.household_id, "choice": done.choice}, [line])
    return 0
