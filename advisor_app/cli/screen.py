"""``advisor-app screen [--on DATE] [--xlsx OUT.xlsx]`` — re-check every household of the profile."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .check import parse_day
from .context import Context


def register(sub: Any) -> None:
    p = sub.add_parser("screen", help="按某一天的政策重新筛查所有家庭，保存结果，可导出 Excel")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="按哪一天的政策筛查（默认今天）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="把结果写入 Excel 文件（身份证号已遮盖）")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import eligibility

    on = parse_day(args.on)
    if args.xlsx:  # before the stored results are replaced: a sheet that cannot be written changes nothing
        from advisor_app.services.screening_export import check_writable  # (XlsxWriter: only for a sheet)

        check_writable(args.xlsx)

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r已筛查 {done}/{total} 户", end="", file=sys.stderr)
        return True

    summary = eligibility.screen(ctx.profile, on, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    changed = int(summary.timings.get("written", 0))
    print(f"筛查日期 {summary.on.isoformat()}：共 {summary.households} 户，保存结果 {summary.stored} 条，"
          f"其中 {changed} 户的结果与上次保存的不同（{summary.seconds:.1f} 秒）")
    for line in summary.lines():
        print(line)
    if args.xlsx:
        from advisor_app.services.screening_export import export_xlsx

        written = export_xlsx(ctx.profile, args.xlsx)
        print(f"已导出 {written.rows} 行到 {args.xlsx}")
        if written.left_out:
            print(f"有 {written.left_out} 户在筛查之后有改动，结果未导出（见“未列入”工作表），请重新筛查")
    return 0
