"""``advisor-app bundle export|import``: bundle files for a USB stick or an email (docs/sync.md).

* ``export --out DIR [--to NAME] [--max-size 20MB]``: the next bundle for NAME (a laptop has one
  peer, the office, and needs no ``--to``; an office with several advisors names one), cut into
  parts of at most ``--max-size`` each. JSON: ``{"files": [paths], "sequence": N, "records":
  {kind: count}}``.
* ``import FILE...``: JSON ``{"results": [{"file", "status", "reason"}], "conflicts": N}``, status
  ``imported`` | ``already_imported`` | ``held`` | ``refused``; exit code 2 when any file was refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from advisor_app.domain.errors import DomainError

from .context import Context
from .output import add_format, emit

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", re.IGNORECASE)


def register(sub: Any) -> None:
    parser = sub.add_parser("bundle", help="数据包：导出给乡镇（或救助顾问）、导入收到的数据包")
    cmds = parser.add_subparsers(title="bundle commands", metavar="ACTION", required=True)

    p = cmds.add_parser("export", help="把对方还没有确认收到的记录导出为数据包文件（加密、签名；"
                                       "乡镇导出的还带有乡镇的政策标准表）")
    p.add_argument("--out", required=True, metavar="DIR", help="写入数据包的文件夹（如 U 盘）")
    p.add_argument("--to", metavar="NAME", help="导出给谁（乡镇有多位救助顾问时必填；救助顾问的电脑不用填）")
    p.add_argument("--max-size", default="20MB", metavar="SIZE",
                   help="每个文件的大小上限，超过时自动分成几个文件（默认 20MB，如 512KB、5MB）")
    add_format(p)
    p.set_defaults(run=_export)

    p = cmds.add_parser("import", help="导入数据包文件（可一次给出多个，分成几部分的也可分几次导入）")
    p.add_argument("files", nargs="+", metavar="FILE", help="数据包文件（.advbundle）")
    add_format(p)
    p.set_defaults(run=_import)


def parse_size(text: str) -> int:
    """``20MB``, ``512KB``, ``1.5M``, ``4096`` → bytes (K, M, G are 1024-based)."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise DomainError(f"文件大小上限写法不对：{text[:20]}（应如 20MB、512KB）")
    unit = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(float(match.group(1)) * unit)


def _export(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import bundles

    done = bundles.export_bundles(ctx.profile, args.out, to=args.to, max_size=parse_size(args.max_size))
    counts = "、".join(f"{kind} {n} 条" for kind, n in done.records.items()) or "没有新的记录（只带确认）"
    emit(args, done.to_dict(), [f"已导出给{done.peer}的第 {done.sequence} 号数据包（{counts}）：",
                                *(str(f) for f in done.files)])
    return 0


def _import(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import bundles

    status = {bundles.IMPORTED: "已导入", "already_imported": "已导入过", bundles.HELD: "暂存", bundles.REFUSED: "拒收"}
    done = bundles.import_bundles(ctx.profile, args.files)
    lines = [f"{r.file}：{status.get(r.status, r.status)}：{r.reason}" for r in done.results]
    if done.conflicts:
        lines.append(f"有 {done.conflicts} 处冲突需要处理：advisor-app conflicts list")
    emit(args, done.to_dict(), lines)
    if done.refused:
        print(f"有 {sum(r.status == bundles.REFUSED for r in done.results)} 个文件被拒收（没有改动任何数据）",
              file=sys.stderr)
        return 2
    return 0
