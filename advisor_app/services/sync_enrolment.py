"""Enrolment: the laptop and the office learn each other's keys (``enrol request|approve|accept|
list|revoke``; docs/sync.md, "Keys and enrolment"). The files are :mod:`advisor_app.sync.enrolment`'s.

Peers are named by their name (the advisor's, the office's) in commands; :func:`find_peer` also
takes a device id, for two advisors of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.domain.limits import shown
from advisor_app.sync import enrolment, keys

from .profile import Profile
from .sync_keys import own_keys, peer_keys, public_text
from .sync_setup import ADVISOR, OFFICE, ROLES, Peer, enrol_peer, peers, revoke_peer


@dataclass(frozen=True, slots=True)
class Enrolled:
    """A peer just recorded (approve / accept), with the fingerprint to compare."""

    peer: Peer
    fingerprint: str
    villages: tuple[str, ...]
    answer: bytes = b""  # the answer file's contents (approve)


@dataclass(frozen=True, slots=True)
class PeerView:
    """One line of ``enrol list``."""

    peer: Peer
    fingerprint: str

    def to_dict(self) -> dict[str, object]:
        p = self.peer
        return {"name": p.name, "device_id": p.device_id, "role": p.role, "fingerprint": self.fingerprint,
                "villages": list(p.villages), "revoked": p.revoked, "last_sent": p.last_sent,
                "last_received": p.last_received, "last_acknowledged": p.last_acknowledged}


def request_enrolment(profile: Profile) -> tuple[bytes, str]:
    """The advisor's enrolment request and its fingerprint (read it out to the office)."""
    me = own_keys(profile)
    if me.role != ADVISOR:
        raise DomainError("这是乡镇的档案：登记申请在救助顾问的电脑上写，乡镇用 enrol approve 批准")
    return enrolment.make_request(me), keys.fingerprint(me.public)


def approve_enrolment(profile: Profile, request: bytes, villages: list[str]) -> Enrolled:
    """At the office: record the advisor of ``request`` with ``villages``; the answer to give back."""
    me = own_keys(profile)
    if me.role != OFFICE:
        raise DomainError("只有乡镇的档案能批准登记申请（这是救助顾问的档案）")
    advisor = enrolment.read_request(request)
    answer = enrolment.make_answer(me, advisor, villages)
    _refuse_other_role(profile, advisor)
    peer = enrol_peer(profile, advisor.device_id, advisor.name, ADVISOR, public_text(advisor), villages)
    return Enrolled(peer, keys.fingerprint(advisor), peer.villages, answer)


def accept_enrolment(profile: Profile, answer: bytes) -> Enrolled:
    """On the laptop: record the office of ``answer`` (addressed to this device and its keys)."""
    me = own_keys(profile)
    if me.role != ADVISOR:
        raise DomainError("这是乡镇的档案：登记答复由救助顾问的电脑接受")
    office, villages = enrolment.read_answer(answer, me.public)
    others = [p for p in peers(profile) if p.role == OFFICE and p.device_id != office.device_id and not p.revoked]
    if others:
        raise DomainError(f"本机已经登记在{others[0].name}，一台电脑只能登记在一个乡镇")
    _refuse_other_role(profile, office)
    peer = enrol_peer(profile, office.device_id, office.name, OFFICE, public_text(office), villages)
    return Enrolled(peer, keys.fingerprint(office), tuple(villages))


def list_peers(profile: Profile) -> list[PeerView]:
    out = []
    for p in peers(profile):
        try:
            fp = keys.fingerprint(peer_keys(profile, p))
        except DomainError:
            fp = ""  # keys recorded without the key layer (none to show)
        out.append(PeerView(p, fp))
    return out


def find_peer(profile: Profile, name: str, *, role: str | None = None) -> Peer:
    """The peer called ``name`` (or with that device id), of ``role`` when given."""
    name = name.strip()
    found = [p for p in peers(profile) if (p.name == name or p.device_id == name) and (role is None or p.role == role)]
    what = ROLES.get(role or "", "设备")
    if not found:
        raise NotFound(f"没有登记名为“{shown(name, 30)}”的{what}（enrol list 可查看已登记的）")
    if len(found) > 1:
        raise DomainError(f"有 {len(found)} 个名为“{shown(name, 30)}”的{what}："
                          "请改用设备编号（enrol list 的 device_id）")
    return found[0]


def revoke(profile: Profile, name: str) -> Peer:
    """At the office: refuse bundles from the advisor ``name`` from now on."""
    if own_keys(profile).role != OFFICE:
        raise DomainError("只有乡镇的档案能注销救助顾问")
    peer = find_peer(profile, name, role=ADVISOR)
    revoke_peer(profile, peer.device_id)
    return peer


def _refuse_other_role(profile: Profile, public: keys.PublicIdentity) -> None:
    for p in peers(profile):
        if p.device_id == public.device_id and p.role != public.role:
            raise DomainError(f"这台设备已登记为{ROLES[p.role]}，不能再登记为{ROLES[public.role]}")
