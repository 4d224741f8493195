"""``advisor-app backup list|restore`` — the profile's backups (docs/backups.md).

``list [--format text|json]``: newest first, one line each: NAME, time, cause, size (text), or a JSON
list of objects with the keys of :data:`advisor_app.services.backups.JSON_KEYS`. ``restore NAME``:
the current state is backed up first (``before-restore``), then the backup replaces the database; a
NAME that does not exist, a backup that does not open with the passphrase or fails its integrity
check, or a profile open in another program: refused with a message, exit 2, nothing changed.
Neither opens the profile itself, so both work on a damaged database.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .context import Context


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="备份：列出自动备份，从备份恢复档案")
    cmds = parser.add_subparsers(title="backup commands", metavar="ACTION", required=True)

    p = cmds.add_parser("list", help="列出备份（最新的在前）：名称、时间、原因、大小")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    p.set_defaults(run=_list, reads_only=True)

    p = cmds.add_parser("restore", help="用一份备份替换档案（先把现在的档案备份为 before-restore）")
    p.add_argument("name", metavar="NAME", help="备份的名称（backup list 的第一列）")
    p.set_defaults(run=_restore, reads_only=True)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import backups

    try:
        found = backups.list_backups(ctx.profile_folder, database_url=ctx.database_url)
    except backups.NoFileBackups as exc:  # not a failure: there are none, and the message says why
        print(exc, file=sys.stderr)
        found = []
    if args.format == "json":
        json.dump([backups.backup_dict(b) for b in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not found:
        print("没有备份", file=sys.stderr)
        return 0
    print("名称\t时间\t原因\t大小")
    for b in found:
        print(f"{b.name}\t{b.taken:%Y-%m-%d %H:%M:%S}\t{backups.cause_label(b.cause)}\t{_size(b.size)}")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import backups, restore

    passphrase = ctx.passphrase("档案口令：") if not backups.uses_server(ctx.database_url) else None
    done = restore.restore_backup(ctx.profile_folder, args.name, passphrase, database_url=ctx.database_url)
    if done.before is not None:
        print(f"恢复前的档案已备份为 {done.before.name.removesuffix('.sqlite')}")
    print(f"已从备份 {done.backup.name}（{done.backup.taken:%Y-%m-%d %H:%M}）恢复档案")
    return 0


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"
