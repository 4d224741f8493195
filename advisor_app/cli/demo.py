"""``advisor-app [--demo] demo [fill|reset] [--households N] [--seed S]``.

``fill`` (the default) adds generated households to a demo profile; ``reset`` removes every household
of the demo profile and generates them again. Both refuse the advisor's own profile: with
``--demo`` (before ``demo``) they act on the demo profile inside the data folder.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from .context import Context


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="演示数据：生成（fill，默认）或重置（reset）虚构家庭，只用于演示档案")
    p.add_argument("action", nargs="?", choices=("fill", "reset"), default="fill",
                   help="fill：生成并加入演示家庭；reset：删除全部演示家庭后重新生成")
    p.add_argument("--households", type=int, default=None, metavar="N",
                   help="家庭户数（fill 默认 200；reset 默认与上次相同）")
    p.add_argument("--seed", type=int, default=None, metavar="S", help="随机种子（默认 1，同一种子生成相同数据）")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services.demo import AUTO, fill_demo, reset_demo

    if args.households is not None and args.households < 0:
        print("错误：户数不能为负数", file=sys.stderr)
        return 2
    start = time.perf_counter()

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r已生成 {done}/{total} 户", end="", file=sys.stderr)
        return True

    if args.action == "reset":
        n = reset_demo(ctx.profile, args.households, seed=args.seed, progress=progress, processes=AUTO)
        verb = "已重置演示数据：重新生成"
    else:
        n = fill_demo(ctx.profile, 200 if args.households is None else args.households,
                      seed=1 if args.seed is None else args.seed, progress=progress, processes=AUTO)
        verb = "已生成"
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{verb} {n} 户演示家庭（{time.perf_counter() - start:.1f} 秒），数据文件夹：{ctx.profile.data.root}")
    return 0
