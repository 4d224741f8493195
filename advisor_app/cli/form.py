"""``advisor-app form KIND --household ID [--visit ID] --out FILE.pdf``: print a pre-filled form."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from advisor_app.domain.errors import DomainError
from advisor_app.services.form_kinds import FORM_KINDS

from .context import Context


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2026-11-29（现为“{text}”）") from None


def write_pdf(path: str, pdf: bytes) -> None:
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror}", where=path) from None
    print(f"已生成 {path}")


def register(sub: Any) -> None:
    kinds = "，".join(f"{k}={v}" for k, v in FORM_KINDS.items())
    p = sub.add_parser("form", help="打印预填的表格（PDF）：申请书、授权书、入户调查表、走访记录表",
                       description=f"表格类型：{kinds}")
    p.add_argument("kind", choices=list(FORM_KINDS), metavar="KIND", help=kinds)
    p.add_argument("--household", required=True, metavar="ID", help="家庭编号")
    p.add_argument("--visit", metavar="ID", help="走访记录编号（默认最近一次）")
    p.add_argument("--blank", action="store_true",
                   help="空白走访记录表：只填家庭情况，供下次走访时手写（仅 visit-record）")
    p.add_argument("--on", type=parse_date, metavar="DATE", help="打印日期（默认今天），年龄和资格按此日期计算")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import documents

    pdf = documents.render_form(ctx.profile, args.kind, args.household, args.visit, on=args.on,
                                blank=args.blank)
    write_pdf(args.out, pdf)
    return 0
