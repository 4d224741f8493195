"""``advisor-app xlsx export households|members|needs|visits|screening --out FILE.xlsx [--village V]
[--by-village]``: a ledger (台账) as an Excel file (docs/excel.md, "Export")."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .context import Context

# The ledgers, as services.ledgers.LEDGERS names them (repeated here: building the parser loads no service).
LEDGERS = {"households": "救助帮扶台账", "members": "成员台账", "needs": "需求台账", "visits": "走访台账",
           "screening": "筛查结果"}


def register(cmds: Any) -> None:
    names = "，".join(f"{k}={v}" for k, v in LEDGERS.items())
    e = cmds.add_parser("export", help=f"导出台账（{names}）",
                        description=f"把台账写成 Excel 文件：{names}。"
                                    "身份证号存为文本，日期为日期格式，金额保留两位小数。")
    e.add_argument("ledger", choices=tuple(LEDGERS), metavar="LEDGER", help="households|members|needs|visits|screening")
    e.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="保存到哪个文件（.xlsx）")
    e.add_argument("--village", metavar="V", help="只导出这个村（社区）的家庭")
    e.add_argument("--by-village", action="store_true", help="每个村（社区）一个工作表")
    e.set_defaults(run=_export)


def _export(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import ledgers

    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> bool:
        if tty:
            print(f"\r已写入 {done}/{total} 行", end="", file=sys.stderr)
        return True

    written = ledgers.export_ledger(ctx.profile, args.ledger, args.out, village=args.village,
                                    sheet_per_village=args.by_village, progress=progress)
    if tty:
        print(file=sys.stderr)
    print(f"已导出{LEDGERS[args.ledger]} {written.rows} 行到 {written.path}")
    if len(written.sheets) > 1:
        shown = "、".join(written.sheets[:10]) + ("…" if len(written.sheets) > 10 else "")
        print(f"共 {len(written.sheets)} 个工作表：{shown}")
    if written.left_out:
        print(f"有 {written.left_out} 户在筛查之后有改动，结果未导出（见“未列入”工作表），请重新筛查")
    return 0
