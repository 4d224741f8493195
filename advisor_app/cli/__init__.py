"""``advisor-app``: no arguments opens the desktop app; subcommands are for scripts and the office.

Each subcommand lives in its own module with a ``register(subparsers)`` function that adds its
parser and sets ``run`` to a function ``(args, context) -> int``. Expected problems are
:class:`DomainError`: printed as one line on stderr, exit code 2, never a traceback. Every log
record of a command (there is no log file; a library's warnings reach stderr) is masked
(:mod:`advisor_app.services.log_masking`).

Start-up cost: building the parser imports only the light command modules (argparse and constants);
each handler imports the service it calls when it runs, so ``--version`` and ``--help`` load no
database, spreadsheet, PDF or Qt library, and a command loads only what it uses
(docs/startup.md; ``tests/integration/test_cli_startup.py`` keeps it so).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from advisor_app import __version__
from advisor_app.domain.errors import DomainError
from advisor_app.services import log_masking

from .context import Context

# Subcommand modules, in the order ``--help`` lists them.
COMMANDS = ("profile", "household", "demo", "policy", "form", "notice", "check", "screen", "audit", "backup",
            "enrol", "bundle", "conflicts", "differences", "sync", "xlsx")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor-app",
        description="救助顾问工作台：家庭登记、资格核对、表格打印。不带参数运行即打开桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"advisor-app {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="数据文件夹（默认：环境变量 ADVISOR_APP_HOME，否则为系统的用户数据目录）")
    parser.add_argument("--database-url", metavar="URL",
                        help="数据库地址，例如 postgresql+psycopg://用户@服务器/数据库（默认：环境变量 "
                             "ADVISOR_APP_DATABASE_URL，否则为数据文件夹里的 SQLite 文件）")
    parser.add_argument("--demo", action="store_true",
                        help="打开演示档案（数据文件夹里的 demo 文件夹，虚构家庭，标有“演示数据”）："
                             "不带子命令时打开桌面程序，带子命令时对演示档案操作")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="从文件第一行读档案口令（默认：环境变量 ADVISOR_APP_PASSPHRASE，否则在终端上询问）")
    sub = parser.add_subparsers(title="subcommands", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    log_masking.install()  # every log record from here on (a library's, a warning) is masked
    args = build_parser().parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        if args.database_url:  # the desktop app opens its profile with open_profile, which reads this
            from advisor_app.services.profile import ENV_DATABASE_URL

            os.environ[ENV_DATABASE_URL] = args.database_url
        gui = import_module("advisor_app.gui.app")  # Qt is loaded only for the desktop app
        return int(gui.run_app(args.data_dir, demo=args.demo))
    context = Context(getattr(args, "command_data_dir", None) or args.data_dir, args.database_url, demo=args.demo,
                      passphrase_file=args.passphrase_file, reads_only=bool(getattr(args, "reads_only", False)))
    try:
        return int(run(args, context) or 0)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        context.close()


def entry() -> int:
    """The ``advisor-app`` process (``python -m advisor_app`` too): :func:`main`, then what is still
    alive is frozen (``gc.freeze``) so that the interpreter's collections at exit do not scan it: after
    a screening of 140,000 households they took about 0.2 s of the process's 2.2 s, freeing nothing
    the exit would not free anyway. (In-process callers such as the tests use :func:`main`.)"""
    code = main()
    gc.freeze()
    return code
