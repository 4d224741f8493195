"""``advisor-app household import|export|list|archive|restore|assign|delete`` (``assign``: at the
office, docs/sync.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from advisor_app.domain import vocab
from advisor_app.domain.errors import DomainError

from .context import Context

# Each handler imports the services it calls (the parser is built without them: advisor_app.cli).


def register(sub: Any) -> None:
    parser = sub.add_parser("household", help="家庭档案：导入、导出、列表（advisor-household/2 JSON，也读旧版 /1）")
    cmds = parser.add_subparsers(title="household commands", metavar="ACTION", required=True)

    p = cmds.add_parser("import", help="导入一个家庭（文件带 id 时更新该家庭），输出其编号")
    p.add_argument("file", help="advisor-household/2（或 /1）JSON 文件，- 表示标准输入")
    p.set_defaults(run=_import)

    p = cmds.add_parser("export", help="输出一个家庭的 JSON")
    p.add_argument("id", help="家庭编号")
    p.add_argument("--out", help="写入文件，而不是标准输出")
    p.set_defaults(run=_export)

    p = cmds.add_parser("list", help="每户一行：编号、户主姓名、村（社区）")
    p.add_argument("--village", help="只列出村名包含此文字的家庭")
    p.add_argument("--name", help="成员姓名的一部分，或户主姓名的拼音首字母（如 wxx）")
    p.add_argument("--limit", type=int, help="最多列出多少户")
    p.add_argument("--archived", action="store_true",
                   help="列出已归档的家庭：编号、户主姓名、村（社区）、归档日期、原因、经办人")
    p.set_defaults(run=_list, reads_only=True)

    reasons = "、".join(f"{code}={label}" for code, label in vocab.ARCHIVE_REASONS.items())
    p = cmds.add_parser("archive", help="归档（删除）一个家庭：不再出现在列表、公示和台账中，数据保留，可以恢复")
    p.add_argument("id", help="家庭编号")
    p.add_argument("--reason", required=True, metavar="CODE", help=f"归档原因：{reasons}")
    p.add_argument("--note", default="", help="原因说明（原因为 other 时必填）")
    p.add_argument("--by", default="", help="经办人姓名")
    p.set_defaults(run=_archive)

    p = cmds.add_parser("restore", help="恢复一个已归档的家庭")
    p.add_argument("id", help="家庭编号")
    p.set_defaults(run=_restore)

    p = cmds.add_parser("assign", help="乡镇：把一个家庭分配给另一位救助顾问（原救助顾问的未发送改动收到后才移走）")
    p.add_argument("id", help="家庭编号")
    p.add_argument("--to", required=True, metavar="NAME", help="救助顾问的名字（或 enrol list 中的设备编号）")
    p.set_defaults(run=_assign)

    p = cmds.add_parser("delete", help="删除一个家庭而不记录原因（保留删除记录以便同步）；请优先用 archive")
    p.add_argument("id", help="家庭编号")
    p.set_defaults(run=_delete)


def _import(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    household, notes = households.read_document_with_notes(args.file)  # validate before touching the profile
    saved = households.save_household(ctx.profile, household, imported=True)
    for note in notes:  # what an older file left undecided: saved anyway, for the advisor to complete
        print(f"注意：{note}", file=sys.stderr)
    print(saved.id)
    return 0


def _export(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    text = households.export_household(ctx.profile, args.id)
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as exc:
            raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=args.out) from None
    else:
        sys.stdout.write(text)
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    if args.archived:
        for a in households.archived_households(ctx.profile, args.name or args.village or "")[:args.limit]:
            reason = vocab.ARCHIVE_REASONS.get(a.reason or "", "未记录原因")
            if a.note:
                reason += f"：{a.note}"
            day = a.archived_on.isoformat() if a.archived_on else ""
            print(f"{a.id}\t{a.head_name}\t{a.village}\t{day}\t{reason}\t{a.archived_by}")
        return 0
    for h in households.list_households(ctx.profile, village=args.village, name=args.name, limit=args.limit):
        print(f"{h.id}\t{h.head_name}\t{h.village}")
    return 0


def _archive(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    households.archive_household(ctx.profile, args.id, args.reason, args.note, by=args.by)
    print(f"已归档 {args.id}（{vocab.ARCHIVE_REASONS[args.reason]}），可用 household restore 恢复")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    households.restore_household(ctx.profile, args.id)
    print(f"已恢复 {args.id}")
    return 0


def _assign(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment
    from advisor_app.services.sync_setup import ADVISOR, assign_household

    advisor = sync_enrolment.find_peer(ctx.profile, args.to, role=ADVISOR)
    assign_household(ctx.profile, args.id, advisor.device_id)
    print(f"已把家庭 {args.id} 分配给{advisor.name}：下次导出给{advisor.name}的数据包会带上它")
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import households

    households.delete_household(ctx.profile, args.id)
    print(f"已删除 {args.id}")
    return 0
