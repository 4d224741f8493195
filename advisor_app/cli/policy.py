"""``advisor-app policy show|import|template|regions``: the dated policy tables (低保标准 …)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor_app.domain.errors import Cancelled

from .context import Context

if TYPE_CHECKING:
    from advisor_app.services.policy import ImportPreview, PolicyRow, TableSource

_KIND = {"added": "新增", "changed": "修改", "removed": "删除"}


def register(sub: Any) -> None:
    p = sub.add_parser("policy", help="政策标准表：查看某地某日的标准，导入县里的 Excel 表"
                                      "（本地的表保存在档案里；乡镇下发的表随数据包到来，以乡镇的为准）")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)

    s = actions.add_parser("show", help="显示某地区在某日起作用的全部标准，以及本地的表是本机导入的还是乡镇下发的")
    s.add_argument("region", metavar="REGION", help="6 位地区代码，或地区名称（如 蜀山区）")
    s.add_argument("--on", type=_date, metavar="DATE", help="日期 YYYY-MM-DD（默认今天）")
    s.add_argument("--area", choices=("urban", "rural"), help="只看城镇(urban)或农村(rural)")
    s.set_defaults(run=_show, reads_only=True)

    i = actions.add_parser("import", help="导入县里维护的 Excel 政策标准表（先显示变更预览）")
    i.add_argument("file", type=Path, metavar="FILE.xlsx")
    i.add_argument("--yes", action="store_true", help="不再询问，直接导入")
    i.add_argument("--dry-run", action="store_true", help="只检查并显示预览，不导入")
    i.set_defaults(run=_import)

    t = actions.add_parser("template", help="生成可填写的 Excel 表（可带某地区现有的数值）")
    t.add_argument("out", type=Path, metavar="OUT.xlsx")
    t.add_argument("--region", metavar="REGION", help="填入该地区现有的数值")
    t.set_defaults(run=_template)

    z = actions.add_parser("reset", help="删除某地区导入的本地标准，恢复软件自带的标准"
                                         "（在乡镇做的恢复随下一个数据包发给救助顾问）")
    z.add_argument("region", metavar="REGION", help="6 位地区代码或地区名称")
    z.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    z.set_defaults(run=_reset, dry_run=False)

    r = actions.add_parser("regions", help="列出有政策标准的地区")
    r.set_defaults(run=_regions, reads_only=True)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2024-01-01") from None


def _show(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import policy as service
    from advisor_app.services.policy import area_label, number_text

    shown = service.show(args.region, on=args.on, area=args.area, profile=ctx.profile)
    area = f"（{area_label(args.area)}）" if args.area else ""
    print(f"{shown.name}（{shown.region}）{area}在 {shown.on} 有效的政策标准：")
    tables = service.tables_for(ctx.profile)
    for line in shown.values:
        v = line.value
        marker = "  【默认值】" if v.is_default else ""
        area_text = area_label(line.area)
        until = f"至 {v.effective_to}" if v.effective_to else "起"
        print(f"  {v.label}（{v.key}）：{number_text(v.value)} {v.unit}  [{area_text}]{marker}")
        print(f"      地区 {v.region} {tables.name(v.region)}，"
              f"{v.effective_from} {until}；依据：{v.source}" + (f"；备注：{v.note}" if v.note else ""))
    for code, src in sorted(shown.sources.items()):
        print(f"  {tables.name(code)}（{code}）的标准{_origin(src)}")
    if not shown.has_standard:
        print(f"没有该地区在 {shown.on} 的低保标准（no policy table for this region and date）。"
              "资格核对将提示“需要补充政策标准”；县里可用 advisor-app policy import 导入本地标准。")
    return 0


def _origin(src: TableSource) -> str:
    """来自乡镇“莲花镇”（指纹 …），2026-12-02 21:40 收到 / 是本机导入的."""
    from advisor_app.services.audit import local_time

    if src.from_office:
        return (f"来自乡镇“{src.office_name}”（指纹 {src.office_fingerprint}），"
                f"{local_time(src.received_at or src.changed_at)} 收到，以乡镇的表为准")
    return f"是本机导入的（{local_time(src.changed_at)}）"


def _describe(row: PolicyRow) -> str:
    from advisor_app.services.policy import area_label, key_label, number_text

    area = area_label(row.area)
    until = f"至 {row.effective_to}" if row.effective_to else "起"
    default = "，默认值" if row.is_default else ""
    return (f"{row.region} {key_label(row.key)}（{row.key}）[{area}] {row.effective_from} {until}："
            f"{number_text(row.value)} {row.unit}{default}")


def _import(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import policy as service

    preview = service.preview_import(ctx.profile, args.file)
    print(f"检查通过：{args.file.name} 共 {len(preview.rows)} 行，涉及地区 {'、'.join(preview.regions)}。")
    print("导入后，这些地区的全部数值以此表为准。与现行表相比：")
    return _confirm_and_apply(args, ctx, preview, "导入")


def _reset(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import policy as service

    preview = service.preview_reset(ctx.profile, args.region)
    print(f"恢复 {'、'.join(preview.regions)} 为软件自带的标准。与现行表相比：")
    return _confirm_and_apply(args, ctx, preview, "恢复")


def _confirm_and_apply(args: argparse.Namespace, ctx: Context, preview: ImportPreview,
                       verb: str) -> int:
    from advisor_app.services import policy as service
    from advisor_app.services.policy import number_text

    for change in preview.changes:
        if change.kind == "changed" and change.before and change.after:
            print(f"  修改  {_describe(change.before)}  →  {number_text(change.after.value)} "
                  f"{change.after.unit}（依据：{change.after.source}）")
        else:
            print(f"  {_KIND[change.kind]}  {_describe(change.row)}")
    counts = {kind: sum(1 for c in preview.changes if c.kind == kind) for kind in _KIND}
    print(f"  不变 {preview.unchanged} 行；新增 {counts['added']}，修改 {counts['changed']}，"
          f"删除 {counts['removed']}。")
    if not preview.has_changes and verb == "导入":
        print(f"没有变化，无需{verb}。")
        return 0
    if args.dry_run:
        print(f"只做了预览，没有{verb}。")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"未{verb}：确认请加 --yes。", file=sys.stderr)
            return 1
        answer = input(f"确认{verb}？输入 y 确认，其他键取消：").strip().lower()
        if answer not in ("y", "yes", "是"):
            raise Cancelled("已取消，政策表保持原样。")
    regions = service.apply_import(ctx.profile, preview)
    print(f"已{verb}：{'、'.join(regions)} 的本地政策表已保存在档案里（随档案加密和备份）")
    return 0


def _template(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import policy as service

    n = service.write_template(args.out, args.region, profile=ctx.profile)
    filled = f"，已填入 {n} 行现有数值" if n else "（空表，第二页是项目说明）"
    print(f"已生成 {args.out}{filled}")
    if args.region and not n:
        print("该地区没有自己的数值：它现在用上级（市或省）的标准，可用 advisor-app policy show 查看。")
    return 0


def _regions(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import policy as service

    for code, name in service.tables_for(ctx.profile).regions():
        print(f"{code}  {name}")
    return 0
