"""``advisor-app enrol request|approve|accept|list|revoke``: the laptop and the office learn each
other's keys (docs/sync.md, "Keys and enrolment").

* ``request --out FILE`` (laptop): the enrolment request; prints this laptop's fingerprint.
* ``approve FILE --villages V1,V2 --out ANSWER`` (office): records the advisor with the villages,
  writes the answer; prints the advisor's fingerprint to compare with what the advisor reads out.
* ``accept ANSWER`` (laptop): records the office; prints the office's fingerprint.
* ``list``: the peers enrolled. ``revoke NAME`` (office): no bundle of that advisor is accepted
  from then on.
"""

from __future__ import annotations

import argparse
from typing import Any

from advisor_app.domain.limits import MAX_ENROL_BYTES

from .context import Context
from .output import add_format, emit, read_file, write_file


def register(sub: Any) -> None:
    parser = sub.add_parser("enrol", help="登记：救助顾问的电脑与乡镇交换密钥（申请、批准、接受、列表、注销）")
    cmds = parser.add_subparsers(title="enrol commands", metavar="ACTION", required=True)

    p = cmds.add_parser("request", help="救助顾问：写登记申请文件，交给乡镇；显示本机的密钥指纹")
    p.add_argument("--out", required=True, metavar="FILE", help="登记申请写入的文件")
    add_format(p)
    p.set_defaults(run=_request)

    p = cmds.add_parser("approve", help="乡镇：批准登记申请，分配村，写登记答复文件")
    p.add_argument("file", metavar="FILE", help="救助顾问的登记申请文件")
    p.add_argument("--villages", required=True, help="分给这位救助顾问的村（社区），用逗号或顿号隔开")
    p.add_argument("--out", required=True, metavar="FILE", help="登记答复写入的文件（交回救助顾问）")
    add_format(p)
    p.set_defaults(run=_approve)

    p = cmds.add_parser("accept", help="救助顾问：接受乡镇的登记答复")
    p.add_argument("file", metavar="FILE", help="乡镇的登记答复文件")
    add_format(p)
    p.set_defaults(run=_accept)

    p = cmds.add_parser("list", help="列出已登记的设备：名称、角色、密钥指纹、村")
    add_format(p)
    p.set_defaults(run=_list, reads_only=True)

    p = cmds.add_parser("revoke", help="乡镇：注销一位救助顾问，从此不再接受其数据包")
    p.add_argument("name", metavar="NAME", help="救助顾问的名字（或 enrol list 中的设备编号）")
    add_format(p)
    p.set_defaults(run=_revoke)


def _request(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment as enrol

    data, fp = enrol.request_enrolment(ctx.profile)
    write_file(args.out, data)
    emit(args, {"file": args.out, "fingerprint": fp},
         [f"登记申请已写入 {args.out}，请交给乡镇", f"本机的密钥指纹：{fp}（乡镇批准时请核对）"])
    return 0


def _approve(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment as enrol
    from advisor_app.services.profile_settings import parse_villages

    request = read_file(args.file, MAX_ENROL_BYTES)
    done = enrol.approve_enrolment(ctx.profile, request, list(parse_villages(args.villages)))
    write_file(args.out, done.answer)
    p = done.peer
    emit(args, {"name": p.name, "device_id": p.device_id, "fingerprint": done.fingerprint,
                "villages": list(done.villages), "file": args.out},
         [f"已登记救助顾问{p.name}（{'、'.join(done.villages) or '没有分配村'}）",
          f"请与{p.name}核对密钥指纹：{done.fingerprint}", f"登记答复已写入 {args.out}，请交回{p.name}"])
    return 0


def _accept(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment as enrol

    done = enrol.accept_enrolment(ctx.profile, read_file(args.file, MAX_ENROL_BYTES))
    p = done.peer
    emit(args, {"name": p.name, "device_id": p.device_id, "fingerprint": done.fingerprint,
                "villages": list(done.villages)},
         [f"已登记到{p.name}；负责的村：{'、'.join(done.villages) or '（没有分配）'}",
          f"{p.name}的密钥指纹：{done.fingerprint}"])
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment as enrol
    from advisor_app.services.sync_setup import ROLES

    views = enrol.list_peers(ctx.profile)
    lines = [f"{v.peer.name}\t{ROLES.get(v.peer.role, v.peer.role)}\t{v.fingerprint}\t{'、'.join(v.peer.villages)}"
             + ("\t已注销" if v.peer.revoked else "") for v in views]
    emit(args, [v.to_dict() for v in views], lines or ["还没有登记任何设备"])
    return 0


def _revoke(args: argparse.Namespace, ctx: Context) -> int:
    from advisor_app.services import sync_enrolment as enrol

    p = enrol.revoke(ctx.profile, args.name)
    emit(args, {"name": p.name, "device_id": p.device_id, "revoked": True},
         [f"已注销{p.name}：从现在起不再接受{p.name}的数据包（已导入的保留）"])
    return 0
