"""The optional recovery key: the database key sealed to a key pair whose private half only the
advisor holds, on paper.

**Why a key pair.** The database key changes with every re-key (a new passphrase). A symmetric
recovery key would have to be known at each re-key to wrap the new database key, so it would have to
be stored, or typed every time. With a key pair only the *public* key is stored: any re-key can
seal the new database key to it, and only the private key, printed once and never stored, unseals it.

**The sealed file** ``advisor.sqlite.recovery`` (beside the database; JSON, version 1) holds the
X25519 public key and one or more sealed keys. Each is the database's raw SQLCipher key and salt
(48 bytes) sealed with HPKE (RFC 9180) in base mode, suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
AES-256-GCM: a fresh ephemeral X25519 key pair per seal, the shared secret through HKDF into a
one-time AES-256-GCM key, ``info`` naming this format. That is the X25519 + HKDF + AES-GCM
construction, but as the standard assembles it (key schedule, nonce, binding of both public keys)
and as the ``cryptography`` package implements it: nothing of it is ours. During a re-key the file holds the new
key and the old one (written before the database changes), and afterwards only the new one: a
crash half-way through leaves a file that opens whichever key the database (or a backup) has.

**The recovery key** as the advisor sees it: the 32 bytes of the X25519 private key and a 3-byte
checksum (SHA-256 of a label and the key), in RFC 4648 base32: 56 letters and digits 2–7 in 14
groups of 4 (``ABCD-EFGH-…``). Case, spaces and dashes do not matter, and a typed 0 or 1 is read as
O or I. A typo is caught by the checksum (a chance of 1 in 16 million to slip through) before
anything is tried; a well-formed key of another profile is told apart by its public key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from advisor_app.domain.errors import DomainError

from .encryption import KEY_BYTES, SALT_BYTES

FORMAT = "advisor-app recovery key"
VERSION = 1
LABEL = b"advisor-app recovery key v1"
PRIVATE_BYTES = 32
CHECKSUM_BYTES = 3
GROUP = 4
CODE_LETTERS = (PRIVATE_BYTES + CHECKSUM_BYTES) * 8 // 5  # 56
MAX_FILE = 64 * 1024


class BadRecoveryKey(DomainError):
    """A recovery key that was mistyped, or that belongs to another profile."""


class RecoveryFileDamaged(DomainError):
    """The sealed file beside the database cannot be read."""


# --- the key as written on paper ------------------------------------------------------------------

def _checksum(private: bytes) -> bytes:
    return hashlib.sha256(LABEL + private).digest()[:CHECKSUM_BYTES]


def format_code(private: bytes) -> str:
    """``ABCD-EFGH-…``: the private key and its checksum in base32, 14 groups of 4."""
    letters = base64.b32encode(private + _checksum(private)).decode("ascii")
    return "-".join(letters[i:i + GROUP] for i in range(0, len(letters), GROUP))


def parse_code(text: str) -> bytes:
    """The private key in a typed or pasted recovery key; :class:`BadRecoveryKey` on a typo."""
    letters = re.sub(r"[\s\-_.·]", "", text).upper().replace("0", "O").replace("1", "I")
    if len(letters) != CODE_LETTERS:
        raise BadRecoveryKey(f"恢复密钥应有 {CODE_LETTERS} 个字母和数字（{CODE_LETTERS // GROUP} 组，"
                             f"每组 {GROUP} 个），输入的是 {len(letters)} 个：请对照纸上的恢复密钥再输入一次")
    try:
        raw = base64.b32decode(letters)
    except (binascii.Error, ValueError) as exc:
        raise BadRecoveryKey("恢复密钥里有不会出现的字符（只有字母 A–Z 和数字 2–7）：请对照纸上的恢复密钥再输入一次"
                             ) from exc
    private, check = raw[:PRIVATE_BYTES], raw[PRIVATE_BYTES:]
    if not secrets.compare_digest(check, _checksum(private)):
        raise BadRecoveryKey("恢复密钥有输错的地方（校验不符）：请对照纸上的恢复密钥再输入一次")
    return private


# --- sealing --------------------------------------------------------------------------------------

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def seal(public: bytes, key: bytes, salt: bytes) -> bytes:
    """The database key and salt sealed to the recovery ``public`` key (HPKE base mode, one shot:
    the ephemeral public key, then the AES-256-GCM ciphertext and tag)."""
    return SUITE.encrypt(key + salt, X25519PublicKey.from_public_bytes(public), info=LABEL)


def unseal(private: bytes, sealed: bytes) -> tuple[bytes, bytes] | None:
    """(key, salt) sealed in ``sealed``, or None when ``private`` is not the key it was sealed to."""
    try:
        plain = SUITE.decrypt(sealed, X25519PrivateKey.from_private_bytes(private), info=LABEL)
    except (InvalidTag, ValueError):
        return None
    if len(plain) != KEY_BYTES + SALT_BYTES:
        return None
    return plain[:KEY_BYTES], plain[KEY_BYTES:]


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public), raw 32 bytes each."""
    private = X25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    return raw, _public_bytes(private.public_key())


def public_of(private: bytes) -> bytes:
    return _public_bytes(X25519PrivateKey.from_private_bytes(private).public_key())


# --- the sealed file ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecoveryFile:
    public: bytes
    sealed: tuple[bytes, ...]

    def sealing(self, keys: list[tuple[bytes, bytes]]) -> RecoveryFile:
        """The same public key with ``keys`` (key, salt) sealed to it, in this order."""
        return RecoveryFile(self.public, tuple(seal(self.public, key, salt) for key, salt in keys))

    def unsealed(self, private: bytes) -> list[tuple[bytes, bytes]]:
        """Every (key, salt) the private key unseals; :class:`BadRecoveryKey` when it is another
        profile's recovery key."""
        if not secrets.compare_digest(public_of(private), self.public):
            raise BadRecoveryKey("这个恢复密钥不是这个档案的（可能是另一台电脑或另一次生成的）：没有改动任何东西")
        return [k for s in self.sealed if (k := unseal(private, s)) is not None]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read(path: Path) -> RecoveryFile | None:
    """The sealed file at ``path`` (None when there is none)."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE + 1)
    except FileNotFoundError:
        return None
    try:
        if len(raw) > MAX_FILE:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError("not a recovery file of this version")
        public = base64.b64decode(data["public_key"], validate=True)
        sealed = tuple(base64.b64decode(s, validate=True) for s in data["sealed"])
        if len(public) != 32 or not sealed:
            raise ValueError("wrong key length")
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error, UnicodeDecodeError) as exc:
        raise RecoveryFileDamaged(f"恢复密钥文件 {path.name} 已损坏，恢复密钥不能用了（口令仍然可以打开档案）") from exc
    return RecoveryFile(public, sealed)


def write(path: Path, recovery: RecoveryFile) -> None:
    """Replace the sealed file atomically (a temporary file, flushed, then renamed over it)."""
    text = json.dumps({"format": FORMAT, "version": VERSION, "public_key": _b64(recovery.public),
                       "sealed": [_b64(s) for s in recovery.sealed]}, indent=1)
    tmp = path.with_name(path.name + ".new")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a power cut (POSIX)
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
