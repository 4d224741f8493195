"""``advisor-app demo --households N [--seed S]``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from advisor_app.services.demo import fill_demo

from .context import Context


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="生成演示用的虚构家庭数据（同一种子生成相同数据）")
    p.add_argument("--households", type=int, default=200, metavar="N", help="家庭户数（默认 200）")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子（默认 1）")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    if args.households < 0:
        print("错误：户数不能为负数", file=sys.stderr)
        return 2
    start = time.perf_counter()

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r已生成 {done}/{total} 户", end="", file=sys.stderr)
        return True

    n = fill_demo(ctx.profile, args.households, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"已生成 {n} 户演示家庭（{time.perf_counter() - start:.1f} 秒），数据文件夹：{ctx.profile.data.root}")
    return 0
