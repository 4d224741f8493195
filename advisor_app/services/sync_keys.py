"""A profile's sync identity with its keys: made once, read when a bundle or enrolment file is
written or checked (docs/sync.md, "Keys and enrolment").

The store keeps the identity's row (:mod:`.sync_setup`); this module fills it with what the key
layer (:mod:`advisor_app.sync.keys`) makes: ``secret`` is :meth:`Identity.to_dict` as JSON (the
private keys, inside the encrypted profile), ``public_text`` :meth:`PublicIdentity.to_dict` as JSON.
A peer's ``public_text`` is the same JSON, taken from its enrolment file.

:func:`create_identity` is ``profile init --role``. :func:`own_keys` is what every sync command
asks: a profile made before it had a role gets an ``advisor`` identity the first time a command
needs one (named after the profile's advisor; an office is always set up explicitly), and an
identity set up without keys gets them then.
"""

from __future__ import annotations

import json
from dataclasses import replace

from advisor_app.domain.errors import DomainError
from advisor_app.store import sync_state as store
from advisor_app.sync import keys
from advisor_app.sync.errors import InvalidKeys

from . import profile_settings
from .profile import Profile
from .sync_setup import ADVISOR, Peer, SyncNotSetUp, identity, identity_secret, set_identity_keys, set_up_identity


def create_identity(profile: Profile, *, role: str, name: str) -> keys.Identity:
    """Give the profile its role, name, device id and a new pair of keys (refused when it has them)."""
    if identity(profile) is not None:
        raise DomainError("这个档案已经设置了同步身份（角色和名称），不能再改")
    keys.new_identity(name, role)  # the name's and role's checks, before anything is written
    row = set_up_identity(profile, role=role, name=name)
    return _store_keys(profile, row.device_id, row.name, row.role)


def own_keys(profile: Profile) -> keys.Identity:
    """This profile's identity with its private keys, made now when it has none (see the module doc)."""
    row = identity(profile)
    if row is None:
        name = profile_settings.profile_info(profile).advisor.strip()
        if not name:
            raise SyncNotSetUp("这个档案还没有设置同步身份：请先运行 advisor-app profile init --role advisor "
                               "--name 姓名（乡镇用 --role office --name 乡镇名称）")
        return create_identity(profile, role=ADVISOR, name=name)
    secret = identity_secret(profile)
    if not secret:
        return _store_keys(profile, row.device_id, row.name, row.role)
    return keys.Identity.from_dict(json.loads(secret), "sync_identity")


def fingerprint(public: keys.PublicIdentity) -> str:
    """The short form of ``public``'s keys to read aloud (``K7QD-3MXA-9FTN-W2RE``)."""
    return keys.fingerprint(public)


def public_text(public: keys.PublicIdentity) -> str:
    return json.dumps(public.to_dict(), ensure_ascii=False, sort_keys=True)


def peer_keys(profile: Profile, peer: Peer) -> keys.PublicIdentity:
    """The public keys recorded for ``peer`` at its enrolment."""
    with profile.session() as session:
        row = store.peer(session, peer.device_id)
        text = row.public_text if row is not None else ""
    try:
        return keys.PublicIdentity.from_dict(json.loads(text), "sync_peers")
    except (ValueError, InvalidKeys):
        raise DomainError(f"本机记录的{peer.name}的密钥无法使用：请重新登记（enrol）") from None


def _store_keys(profile: Profile, device_id: str, name: str, role: str) -> keys.Identity:
    made = replace(keys.new_identity(name[:keys.MAX_NAME], role), device_id=device_id, name=name)
    set_identity_keys(profile, secret=json.dumps(made.to_dict()), public_text=public_text(made.public))
    return made
