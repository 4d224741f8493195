"""``advisor-app xlsx import FILE --kind KIND [--mapping FILE] [--dry-run] [--format json]`` — import a
roster or a department's list from a spreadsheet (xlsx, xlsm, xlsb, xls, ods or csv);
``advisor-app xlsx export households|members|needs|visits|screening --out FILE.xlsx [--village V]`` —
a ledger (:mod:`.xlsx_export`).

``--format json`` prints ``{"rows", "matched", "new", "changed", "unmatched", "invalid", "report"}``
(docs/excel.md). A file that cannot be read (not a spreadsheet, a password, no header, a column
missing) stops with one line on stderr and exit code 2; rows that cannot be imported are counted
as ``invalid`` and listed in the error report (exit code 0).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from . import xlsx_export
from .context import Context
from .output import add_format, emit

KINDS = ("roster", "disability", "medical", "monitoring", "pension", "employment")
SHOWN_ERRORS = 20


def register(sub: Any) -> None:
    p = sub.add_parser("xlsx", help="Excel：导入名册和部门名单，导出台账")
    cmds = p.add_subparsers(title="xlsx commands", metavar="ACTION", required=True)
    _register_import(cmds)
    xlsx_export.register(cmds)


def _register_import(cmds: Any) -> None:
    p = cmds.add_parser("import", help="导入户籍名册或部门名单（残联、医保、监测、养老、就业）")
    p.add_argument("file", metavar="FILE", help="表格文件（xlsx、xlsm、xlsb、xls、ods 或 csv）")
    p.add_argument("--kind", required=True, choices=KINDS,
                   help="名单种类：roster 户籍名册，disability 残联残疾人名册，medical 医保自付费用，"
                        "monitoring 防返贫监测对象，pension 养老金，employment 就业登记")
    p.add_argument("--mapping", metavar="FILE", help='表头对照表（JSON：{"表头": "字段"}），会记住供下次使用')
    p.add_argument("--dry-run", action="store_true", help="只检查，显示会导入什么，不写入档案")
    p.add_argument("--sheet", metavar="NAME", help="读哪个工作表（默认：第一个有表头的）")
    p.add_argument("--report-dir", metavar="DIR", help="错误报告放在哪个文件夹（默认：表格文件旁边）")
    add_format(p)
    p.set_defaults(run=_run_import)


def _run_import(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import xlsx_files

    opened = xlsx_files.read_ahead(args.file, args.sheet)  # parsed while the importer loads and the profile opens
    from advisor_app.services import xlsx_import

    mapping = xlsx_import.read_mapping_file(args.mapping) if args.mapping else None
    xlsx_import.fields_of(args.kind)  # a kind that cannot be imported stops before the profile opens

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r已读 {done}/{total} 行", end="", file=sys.stderr)
        return True

    summary = xlsx_import.import_sheet(ctx.profile, args.file, args.kind, mapping=mapping, dry_run=args.dry_run,
                                       progress=progress, sheet=args.sheet, report_dir=args.report_dir,
                                       opened=opened)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    head = "试导入（未写入）" if args.dry_run else "已导入"
    lines = [f"{head}：共 {summary.rows} 行，对上已登记成员 {summary.matched} 行，新增记录 {summary.new} 条，"
             f"与登记不同 {summary.changed} 行，未登记（线索）{summary.unmatched} 行，有错误 {summary.invalid} 行"]
    lines += [f"第 {e.row} 行：{e.message}" for e in summary.errors[:SHOWN_ERRORS]]
    if len(summary.errors) > SHOWN_ERRORS:
        lines.append(f"……还有 {len(summary.errors) - SHOWN_ERRORS} 处错误")
    lines += [f"提示：第 {w.row} 行：{w.message}" for w in summary.warnings[:SHOWN_ERRORS]]
    if len(summary.warnings) > SHOWN_ERRORS:
        lines.append(f"……还有 {len(summary.warnings) - SHOWN_ERRORS} 条提示")
    if summary.report:
        lines.append(f"错误报告：{summary.report}（改正后可以再导入这个文件）")
    emit(args, summary.as_json(), lines)
    return 0
