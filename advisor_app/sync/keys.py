"""A profile's keys: who it is to the others, and what it signs and opens bundles with.

An :class:`Identity` is made once, when a profile is created (:func:`new_identity`): a device id (a
random UUID), the name and role (``advisor`` or ``office``), an Ed25519 **signing key** (it signs
every bundle and enrolment file the profile writes) and an X25519 **box key** (senders encrypt
bundles to it). The store keeps :meth:`Identity.to_dict` inside the encrypted profile database;
the private keys never go into a file of their own. :class:`PublicIdentity` is what others may know
(it travels in enrolment files), and :func:`fingerprint` is its short form to read aloud over the
phone. All the cryptography is the ``cryptography`` package's; nothing here is home-made.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from advisor_app.domain.limits import has_lone_surrogate, shown

from .errors import InvalidKeys

ROLES = ("advisor", "office")
ROLE_NAMES = {"advisor": "顾问", "office": "乡镇"}
KEY_BYTES = 32  # Ed25519 and X25519 keys, public and private
SIGNATURE_BYTES = 64  # an Ed25519 signature
MAX_NAME = 50  # as a member's name (docs/limits.md)
# Crockford's base32: no I, L, O or U, so nothing read aloud or copied by hand is taken for another.
FINGERPRINT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FINGERPRINT_BITS = 80  # 16 characters of 5 bits: four groups of four

_PUBLIC_KEYS = {"device_id", "name", "role", "signing_key", "box_key"}
_PRIVATE_KEYS = {"device_id", "name", "role", "signing_private_key", "box_private_key"}


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """What a profile tells others: device id, name, role and the two raw 32-byte public keys."""

    device_id: str
    name: str
    role: str
    signing_key: bytes
    box_key: bytes

    def verifies(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` is this profile's Ed25519 signature over ``data``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_key).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_dict(self) -> dict[str, str]:
        return {"device_id": self.device_id, "name": self.name, "role": self.role,
                "signing_key": b64(self.signing_key), "box_key": b64(self.box_key)}

    @classmethod
    def from_dict(cls, obj: Any, where: str = "") -> PublicIdentity:
        """The public identity written by :meth:`to_dict`; :class:`InvalidKeys` naming the field
        when anything is missing, unknown or not a usable key."""
        fields = _fields(obj, _PUBLIC_KEYS, where)
        public = cls(fields["device_id"], fields["name"], fields["role"],
                     _key(fields, "signing_key", where), _key(fields, "box_key", where))
        try:
            Ed25519PublicKey.from_public_bytes(public.signing_key)
            X25519PublicKey.from_public_bytes(public.box_key)
        except ValueError:
            raise InvalidKeys("公钥无效", where=where or None) from None
        return public


@dataclass(frozen=True, slots=True)
class Identity:
    """A profile's own identity with its private keys (raw 32-byte Ed25519 and X25519 keys)."""

    device_id: str
    name: str
    role: str
    signing_private_key: bytes
    box_private_key: bytes

    @property
    def public(self) -> PublicIdentity:
        signing = Ed25519PrivateKey.from_private_bytes(self.signing_private_key).public_key()
        box = X25519PrivateKey.from_private_bytes(self.box_private_key).public_key()
        return PublicIdentity(self.device_id, self.name, self.role, signing.public_bytes_raw(), box.public_bytes_raw())

    def sign(self, data: bytes) -> bytes:
        """The Ed25519 signature (64 bytes) of ``data`` by this profile's signing key."""
        return Ed25519PrivateKey.from_private_bytes(self.signing_private_key).sign(data)

    def exchange(self, peer_box_key: bytes) -> bytes:
        """The X25519 shared secret of this profile's box key with ``peer_box_key`` (raw 32 bytes)."""
        own = X25519PrivateKey.from_private_bytes(self.box_private_key)
        return own.exchange(X25519PublicKey.from_public_bytes(peer_box_key))

    def to_dict(self) -> dict[str, str]:
        """The identity as text (private keys in base64), for the encrypted profile database only."""
        return {"device_id": self.device_id, "name": self.name, "role": self.role,
                "signing_private_key": b64(self.signing_private_key),
                "box_private_key": b64(self.box_private_key)}

    @classmethod
    def from_dict(cls, obj: Any, where: str = "") -> Identity:
        fields = _fields(obj, _PRIVATE_KEYS, where)
        return cls(fields["device_id"], fields["name"], fields["role"],
                   _key(fields, "signing_private_key", where), _key(fields, "box_private_key", where))


def new_identity(name: str, role: str) -> Identity:
    """A new identity for a profile called ``name`` (the advisor's or the office's name)."""
    name = name.strip()
    _check_name(name, "name")
    if role not in ROLES:
        raise InvalidKeys(f"角色应为 advisor（顾问）或 office（乡镇），现为 {shown(role)}")
    return Identity(str(uuid.uuid4()), name, role,
                    Ed25519PrivateKey.generate().private_bytes_raw(), X25519PrivateKey.generate().private_bytes_raw())


def fingerprint(public: PublicIdentity) -> str:
    """``K7QD-3MXA-9FTN-W2RE``: the first 80 bits of SHA-256 over the signing key then the box key
    (raw bytes), in :data:`FINGERPRINT_ALPHABET`, as four groups of four characters."""
    digest = hashlib.sha256(public.signing_key + public.box_key).digest()
    bits = int.from_bytes(digest[:FINGERPRINT_BITS // 8], "big")
    chars = [FINGERPRINT_ALPHABET[(bits >> (FINGERPRINT_BITS - 5 * (i + 1))) & 31] for i in range(16)]
    return "-".join("".join(chars[i:i + 4]) for i in range(0, 16, 4))


def _check_name(name: str, where: str) -> None:
    if not name:
        raise InvalidKeys("名字不能为空", where=where)
    if len(name) > MAX_NAME:
        raise InvalidKeys(f"名字太长（最多 {MAX_NAME} 个字），现为 {len(name)} 个字", where=where)
    if has_lone_surrogate(name) or any(ch < " " or ch == "\x7f" for ch in name):
        raise InvalidKeys("名字里有不可见的控制字符", where=where)


def _fields(obj: Any, keys: set[str], where: str) -> dict[str, str]:
    """The text fields ``keys`` of ``obj`` (each present and text, nothing else), device id, name
    and role checked."""
    at = where or None
    if not isinstance(obj, dict):
        raise InvalidKeys("应为一个对象（{…}）", where=at)
    unknown, missing = sorted(set(obj) - keys), sorted(keys - set(obj))
    if unknown:
        raise InvalidKeys(f"不认识的字段：{', '.join(shown(k, 30) for k in unknown[:10])}", where=at)
    if missing:
        raise InvalidKeys(f"缺少字段：{', '.join(missing)}", where=at)
    for key in sorted(keys):
        if not isinstance(obj[key], str):
            raise InvalidKeys("应为文字", where=_at(where, key))
    try:
        uuid.UUID(obj["device_id"])
    except ValueError:
        raise InvalidKeys(f"设备编号无效：{shown(obj['device_id'])}", where=_at(where, "device_id")) from None
    _check_name(obj["name"], _at(where, "name"))
    if obj["role"] not in ROLES:
        raise InvalidKeys(f"角色应为 advisor 或 office，现为 {shown(obj['role'])}", where=_at(where, "role"))
    return dict(obj)


def _key(fields: dict[str, str], key: str, where: str) -> bytes:
    raw = unb64(fields[key], _at(where, key))
    if len(raw) != KEY_BYTES:
        raise InvalidKeys(f"密钥长度应为 {KEY_BYTES} 字节，现为 {len(raw)} 字节", where=_at(where, key))
    return raw


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def canonical(obj: Any) -> bytes:
    """``obj`` as the bytes a signature covers: compact JSON, keys sorted, ASCII only (one value,
    one text)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def b64(data: bytes) -> str:
    """``data`` in standard base64."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, where: str) -> bytes:
    """The bytes of standard base64 ``text`` (strict: no stray characters);
    :class:`InvalidKeys` naming ``where`` otherwise."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise InvalidKeys("不是有效的 base64 编码", where=where) from None
