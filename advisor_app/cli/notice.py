"""``advisor-app notice (--village NAME | --town NAME) --phone N --out FILE.pdf [--on DATE] [--until DATE]``:
the public notice, one line per household. A notice needs a 监督电话: ``--phone`` or the saved one."""

from __future__ import annotations

import argparse
from typing import Any

from advisor_app.domain.errors import DomainError

from .context import Context
from .form import parse_date, write_pdf


def register(sub: Any) -> None:
    p = sub.add_parser("notice", help="打印公示名单（PDF，每户一行，姓名和身份证号已遮挡）")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", metavar="NAME", help="村（社区）名称")
    where.add_argument("--town", metavar="NAME", help="乡镇（街道）名称")
    p.add_argument("--in-town", metavar="NAME", dest="in_town",
                   help="村名在多个乡镇重复时，指定所在乡镇")
    p.add_argument("--region", metavar="CODE", help="同名乡镇或村在多个县（区）时，指定 6 位县（区）代码")
    p.add_argument("--phone", metavar="TEXT", help="监督电话（默认用已保存的；都没有时不能打印）")
    p.add_argument("--save-phone", action="store_true", help="把 --phone 保存为以后公示的默认监督电话")
    p.add_argument("--period", metavar="TEXT", default="", help="期别，如“2026年第四季度”（默认：公示日期所在月份）")
    p.add_argument("--on", type=parse_date, metavar="DATE", help="公示期第一天（默认今天）")
    p.add_argument("--until", type=parse_date, metavar="DATE",
                   help="公示期最后一天（默认从 --on 起第 7 天；公示期不少于 7 天）")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import documents

    if args.phone is None and not documents.complaint_phone(ctx.profile):
        raise DomainError("公示名单必须印有监督电话：请用 --phone 号码 指定（加 --save-phone，以后默认使用）")
    pdf = documents.render_notice(ctx.profile, village=args.village, town=args.town or args.in_town,
                                   on=args.on, region=args.region, phone=args.phone,
                                   period=args.period, until=args.until)
    write_pdf(args.out, pdf)
    if args.save_phone and args.phone is not None:  # only once the notice printed
        documents.set_complaint_phone(ctx.profile, args.phone)
    return 0
