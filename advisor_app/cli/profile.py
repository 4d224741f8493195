"""``advisor-app profile init | check | encrypt | passphrase``: the profile itself.

* ``init [--data-dir D] [--name NAME] [--region CODE] [--villages 七星村,丰收村] [--role advisor|office]``:
  an empty own profile (no demo data), encrypted with the passphrase given (``--passphrase-file``,
  ``ADVISOR_APP_PASSPHRASE``, or typed twice on a terminal). Exit 2 when the folder has one already
  — except with ``--role`` for a profile that has no sync identity yet: it gets one. ``--role``
  makes the sync identity (role, ``--name``, device id, keys; docs/sync.md).
* ``check``: SQLite's integrity check of the whole file and the audit log's hash chain; exit 0 only
  when both hold, 1 naming what is wrong.
* ``encrypt``: encrypt a profile written before encryption (and its backups), in place.
* ``passphrase``: change the passphrase (the database and every backup are re-keyed); the new one
  from ``--new-passphrase-file`` or typed twice.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from advisor_app.domain.errors import DomainError

from .context import Context, read_passphrase_file, read_text_file, typed_twice


def register(sub: Any) -> None:
    p = sub.add_parser("profile", help="档案：新建（init）、检查（check）、加密旧档案（encrypt）、改口令（passphrase）")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="新建一个空的自己的档案（没有演示数据），用口令加密")
    init.add_argument("--data-dir", dest="command_data_dir", metavar="DIR", help="数据文件夹（同总选项 --data-dir）")
    init.add_argument("--name", default="", help="救助顾问的姓名")
    init.add_argument("--region", default="", metavar="CODE", help="所属县（区）的 6 位地区代码，如 340104")
    init.add_argument("--villages", default="", help="负责的村（社区），用逗号或顿号隔开")
    init.add_argument("--role", choices=("advisor", "office"),
                      help="同步身份：advisor（救助顾问的电脑）或 office（乡镇），同时生成本档案的密钥；"
                           "已有档案还没有同步身份时，为它设置")
    init.set_defaults(run=_init)
    check = actions.add_parser("check", help="检查档案文件和审计记录是否完好，都完好时退出码为 0")
    check.set_defaults(run=_check, reads_only=True)
    encrypt = actions.add_parser("encrypt", help="给旧版本保存的未加密档案设置口令并加密（备份一并加密）")
    encrypt.set_defaults(run=_encrypt)
    change = actions.add_parser("passphrase", help="更改口令（档案和全部备份重新加密）")
    change.add_argument("--new-passphrase-file", metavar="FILE", help="从文件第一行读新口令（默认：在终端上输入两次）")
    change.set_defaults(run=_change)
    recover = actions.add_parser("recover", help="忘记口令时用恢复密钥打开档案，并设置新口令")
    recover.add_argument("--recovery-key-file", metavar="FILE", required=True,
                         help="写着恢复密钥的文本文件（生成恢复密钥时打印或抄下的那串字母和数字）")
    recover.add_argument("--new-passphrase-file", metavar="FILE", help="从文件第一行读新口令（默认：在终端上输入两次）")
    recover.set_defaults(run=_recover)


def _init(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services.profile_settings import ProfileKindError, init_profile
    from advisor_app.services.sync_keys import create_identity, fingerprint
    from advisor_app.services.sync_setup import ROLES

    villages = [v for part in args.villages.replace("、", ",").split(",") if (v := part.strip())]
    office = args.role == "office"
    if args.role and not args.name.strip():
        raise DomainError("请用 --name 给出名称（救助顾问的姓名，或乡镇的名称）")
    try:
        info = init_profile(ctx.data_dir, ctx.new_passphrase(), advisor="" if office else args.name,
                            region=args.region, villages=villages, database_url=ctx.database_url)
    except ProfileKindError:
        if not args.role:
            raise
        me = create_identity(ctx.profile, role=args.role, name=args.name)  # an existing profile gets its role
        print(f"档案已存在：已设置同步身份（{ROLES[me.role]}：{me.name}），密钥指纹 {fingerprint(me.public)}")
        return 0
    missing = [what for what, value in (("姓名", info.advisor), ("地区", info.region), ("村", info.villages))
               if not value and not (office and what != "地区")]
    done = "已新建档案"
    if args.role:
        me = create_identity(ctx.profile, role=args.role, name=args.name)
        done += f"（{ROLES[me.role]}：{me.name}，密钥指纹 {fingerprint(me.public)}）"
    print(done + (f"；还没有填写：{'、'.join(missing)}（打开桌面程序时会询问）" if missing else ""))
    return 0


def _check(_args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import audit
    from advisor_app.services.profile import integrity_problems

    problems = integrity_problems(ctx.profile)
    if problems:
        print(f"档案文件有损坏（{len(problems)} 处），第一处：{problems[0]}", file=sys.stderr)
        return 1
    chain = audit.verify(ctx.profile)
    if not chain.holds:
        print(f"档案文件完好，但{chain.message}（advisor-app audit list 可查看）", file=sys.stderr)
        return 1
    print(f"档案文件完好；{chain.message}")
    return 0


def _encrypt(_args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import passphrase as keys
    from advisor_app.services.profile import ENCRYPTED, PLAINTEXT, database_state

    state = database_state(ctx.data_dir)
    report = keys.encrypt_profile(ctx.data_dir, ctx.new_passphrase()) if state == PLAINTEXT else None
    if report is None:
        print("这个档案已经加密了" if state == ENCRYPTED else "没有找到要加密的档案", file=sys.stderr)
        return 2
    rows = sum(report.counts.values())
    print(f"档案已加密：{rows} 条记录核对无误；备份加密 {report.backups} 份；未加密的原文件已删除")
    return 0


def _change(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import passphrase as keys
    from advisor_app.services.profile import WrongPassphrase

    old = ctx.passphrase("原口令：")
    if old is None:
        raise WrongPassphrase("需要原口令：用 --passphrase-file 或环境变量 ADVISOR_APP_PASSPHRASE 给出")
    profile = ctx.profile
    new = (read_passphrase_file(args.new_passphrase_file) if args.new_passphrase_file
           else typed_twice("新口令（至少 8 个字符）：", "需要新口令：用 --new-passphrase-file 给出"))
    done = keys.change_passphrase(profile, old, new)
    print(f"口令已更改；档案和 {done} 份备份已用新口令重新加密")
    return 0



def _recover(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import audit, recovery
    from advisor_app.services.profile import open_profile

    code = read_text_file(args.recovery_key_file, "恢复密钥文件")
    new = read_passphrase_file(args.new_passphrase_file) if args.new_passphrase_file else ctx.new_passphrase()
    done = recovery.recover_profile(ctx.data_dir, code, new)
    profile = open_profile(ctx.data_dir, passphrase=new)
    try:
        audit.record_unlock(profile)
    finally:
        profile.close()
    print(f"已用恢复密钥打开档案并设置了新口令；档案和 {done.backups} 份备份已用新口令重新加密。"
          "恢复密钥仍然有效，请继续妥善保管")
    return 0
