"""Who this profile is in sync, whom it exchanges bundles with, and which advisor has which household.

* :func:`set_up_identity` gives the profile its role (``advisor`` or ``office``), name and device id
  (``profile init --role``); :func:`set_identity_keys` stores what the key layer makes (opaque text).
* :func:`enrol_peer` records a peer (``enrol approve`` at the office, ``enrol accept`` on the
  laptop). At the office, the households of an advisor's villages that no advisor has yet are
  assigned to that advisor; :func:`assign_household` moves one (``household assign ID --to NAME``).
* :func:`revoke_peer`: bundles from it are refused from then on (``enrol revoke NAME``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.store import sync_records as record_store
from advisor_app.store import sync_state as store
from advisor_app.store.models import utc_now
from advisor_app.store.sync_models import SyncIdentityRow, SyncPeerRow

from .profile import Profile

ADVISOR, OFFICE = "advisor", "office"
ROLES = {ADVISOR: "救助顾问", OFFICE: "乡镇"}


class SyncNotSetUp(DomainError):
    """The profile has no sync identity yet (no role chosen)."""


@dataclass(frozen=True, slots=True)
class Identity:
    device_id: str
    role: str
    name: str
    public_text: str


@dataclass(frozen=True, slots=True)
class Peer:
    device_id: str
    name: str
    role: str
    villages: tuple[str, ...]
    revoked: bool
    last_sent: int
    last_received: int
    last_acknowledged: int


def _identity(row: SyncIdentityRow) -> Identity:
    return Identity(row.device_id, row.role, row.name, row.public_text)


def _peer(row: SyncPeerRow) -> Peer:
    return Peer(row.device_id, row.name, row.role, tuple(store.villages_of(row)), row.revoked_at is not None,
                row.last_sent, row.last_received, row.last_acknowledged)


def identity_in(session: Session) -> Identity:
    row = store.identity(session)
    if row is None:
        raise SyncNotSetUp("这个档案还没有设置同步身份（救助顾问或乡镇）：请先运行 advisor-app profile init --role")
    return _identity(row)


def identity(profile: Profile) -> Identity | None:
    with profile.session() as session:
        row = store.identity(session)
        return _identity(row) if row is not None else None


def set_up_identity(profile: Profile, *, role: str, name: str) -> Identity:
    """Give the profile its role and name and a new device id (refused when it already has them)."""
    if role not in ROLES:
        raise DomainError(f"角色应为 advisor（救助顾问）或 office（乡镇），不是“{role[:20]}”")
    if not name.strip():
        raise DomainError("请填写名称（救助顾问的姓名或乡镇的名称）")
    with profile.session(write=True) as session:
        if store.identity(session) is not None:
            raise DomainError("这个档案已经设置了同步身份，不能再改")
        return _identity(store.create_identity(session, role=role, name=name.strip()))


def set_identity_keys(profile: Profile, *, secret: str, public_text: str) -> None:
    """Store the key layer's private keys (``secret``) and public keys, as opaque text."""
    with profile.session(write=True) as session:
        row = store.identity(session)
        if row is None:
            raise SyncNotSetUp("这个档案还没有设置同步身份")
        row.secret, row.public_text = secret, public_text


def identity_secret(profile: Profile) -> str:
    with profile.session() as session:
        row = store.identity(session)
        if row is None:
            raise SyncNotSetUp("这个档案还没有设置同步身份")
        return row.secret


def enrol_peer(profile: Profile, device_id: str, name: str, role: str, public_text: str,
               villages: Iterable[str] = ()) -> Peer:
    """Record a peer; at the office, assign it the unassigned households of its villages."""
    if role not in ROLES:
        raise DomainError(f"角色应为 advisor 或 office，不是“{role[:20]}”")
    names = tuple(dict.fromkeys(v.strip() for v in villages if v.strip()))
    with profile.session(write=True) as session:
        me = identity_in(session)
        if device_id == me.device_id:
            raise DomainError("不能登记本机自己")
        row = store.put_peer(session, device_id=device_id, name=name.strip(), role=role,
                             public_text=public_text, villages=names)
        if me.role == OFFICE and role == ADVISOR and names:
            store.assign(session, store.unassigned_households(session, names), device_id)
        return _peer(row)


def revoke_peer(profile: Profile, device_id: str) -> None:
    with profile.session(write=True) as session:
        row = store.peer(session, device_id)
        if row is None:
            raise NotFound("没有登记这台设备")
        store.revoke(session, device_id, utc_now())


def peers(profile: Profile) -> list[Peer]:
    with profile.session() as session:
        return [_peer(r) for r in store.peers(session)]


def peer_in(session: Session, device_id: str) -> SyncPeerRow:
    row = store.peer(session, device_id)
    if row is None:
        raise NotFound("没有登记这台设备：请先完成登记（enrol）")
    return row


def assign_household(profile: Profile, household_id: str, advisor: str) -> None:
    """At the office: the household belongs to ``advisor`` (device id) from now on. The advisor it
    leaves drops it once the office has received all of that household's changes from it."""
    with profile.session(write=True) as session:
        if identity_in(session).role != OFFICE:
            raise DomainError("只有乡镇的档案能分配家庭")
        target = peer_in(session, advisor)
        if target.role != ADVISOR:
            raise DomainError(f"“{target.name}”不是救助顾问")
        if not store.household_villages(session, [household_id]):
            raise NotFound(f"没有编号为 {household_id} 的家庭")
        previous = store.assignments(session).get(household_id)
        if previous == advisor:
            return
        if previous is not None:
            record_store.forget_sent(session, previous, [household_id])
        store.assign(session, [household_id], advisor)


def assign_by_village(session: Session) -> None:
    """At the office: households no advisor has yet go to the advisor of their village."""
    by_village: dict[str, str] = {}
    for row in store.peers(session):
        if row.role == ADVISOR and row.revoked_at is None:
            for village in store.villages_of(row):
                by_village.setdefault(village, row.device_id)
    if not by_village:
        return
    villages = store.household_villages(session, store.unassigned_households(session, by_village))
    per_advisor: dict[str, list[str]] = {}
    for hid, village in villages.items():
        per_advisor.setdefault(by_village[village], []).append(hid)
    for advisor, ids in per_advisor.items():
        store.assign(session, ids, advisor)
