"""The layout of a bundle file and its header, read without any cryptography (docs/sync.md).

```
magic      8 bytes   b"ADVBNDL1" (the last character is the file format)
length     4 bytes   big-endian length of the header
header     UTF-8 JSON, compact, keys sorted, ASCII only; nothing personal
body       this part's slice of the ciphertext
signature  64 bytes  Ed25519 over everything before it, by the sender
```

:func:`read_header` refuses, with a message an advisor can act on, a file that is not a bundle, is
cut short or has bytes added, or was written in a later format (it asks for the newer release).
Whether the file is genuine is :func:`advisor_app.sync.bundle_file.verify`'s to say.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import uuid
from dataclasses import dataclass
from typing import Any

from advisor_app.domain.limits import MAX_BUNDLE_BYTES

from .errors import BundleRefused, InvalidKeys, NewerFormat
from .keys import KEY_BYTES, SIGNATURE_BYTES, b64, canonical, unb64

MAGIC_STEM = b"ADVBNDL"
FILE_FORMAT = 1  # the header's "format" and the magic's last character
MAGIC = MAGIC_STEM + str(FILE_FORMAT).encode("ascii")
EXTENSION = ".advbundle"
NONCE_BYTES = 12  # AES-GCM's nonce
TAG_BYTES = 16  # AES-GCM's tag, at the end of the ciphertext
MAX_HEADER_BYTES = 16 * 1024  # a real header is about 600 bytes
MAX_PARTS = 9999
MAX_SEQUENCE = 2**53  # exact in every JSON reader
LENGTH = struct.Struct(">I")
PREFIX_BYTES = len(MAGIC) + LENGTH.size

NEWER = "这个数据包是新版本的程序写的，本机的程序读不了：请先把程序更新到最新版本，再导入"
DAMAGED = "数据包已损坏或被改动，没有导入"
TRUNCATED = "数据包不完整（文件被截断了，可能没有复制完），没有导入：请重新复制一次"

_KEYS = {"format", "bundle_id", "sender", "addressee", "sequence", "builds_on", "part", "parts", "size",
         "body_size", "payload_digest", "ephemeral_key", "nonce", "made_at"}
_PER_PART = {"part", "body_size"}


@dataclass(frozen=True, slots=True)
class Header:
    """One part's header. ``size`` is the length of the whole ciphertext (all parts), ``body_size``
    this part's slice of it; ``payload_digest`` the SHA-256 (hex) of the whole ciphertext;
    ``ephemeral_key`` the raw X25519 public key of the bundle's one-time key pair."""

    format: int
    bundle_id: str
    sender: str
    addressee: str
    sequence: int
    builds_on: int
    part: int
    parts: int
    size: int
    body_size: int
    payload_digest: str
    ephemeral_key: bytes
    nonce: bytes
    made_at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "bundle_id": self.bundle_id, "sender": self.sender,
                "addressee": self.addressee, "sequence": self.sequence, "builds_on": self.builds_on,
                "part": self.part, "parts": self.parts, "size": self.size, "body_size": self.body_size,
                "payload_digest": self.payload_digest, "ephemeral_key": b64(self.ephemeral_key),
                "nonce": b64(self.nonce), "made_at": self.made_at.isoformat(timespec="seconds")}

    def encoded(self) -> bytes:
        return canonical(self.to_dict())

    def shared(self) -> dict[str, Any]:
        """The fields every part of one bundle has alike (all but the part number and its body
        size, and the digest, which is made after encryption)."""
        return {k: v for k, v in self.to_dict().items() if k not in _PER_PART | {"payload_digest"}}

    def associated_data(self) -> bytes:
        """What AES-GCM authenticates along with the ciphertext: :meth:`shared`, canonical."""
        return canonical(self.shared())


def frame(header: Header, body: bytes) -> bytes:
    """Magic, length, header and body: what the signature covers."""
    encoded = header.encoded()
    return MAGIC + LENGTH.pack(len(encoded)) + encoded + body


def read_header(data: bytes) -> Header:
    """The header of the bundle file ``data`` (a whole file, one part), its layout and sizes checked;
    :class:`BundleRefused` (:class:`NewerFormat` for a later format) otherwise. No cryptography."""
    if not data:
        raise BundleRefused("文件是空的，不是数据包")
    if len(data) < len(MAGIC) and MAGIC.startswith(data):
        raise BundleRefused(TRUNCATED)
    if not data.startswith(MAGIC):
        digit = data[len(MAGIC_STEM):len(MAGIC)]
        if data.startswith(MAGIC_STEM) and digit.isdigit() and int(digit) > FILE_FORMAT:
            raise NewerFormat(NEWER)  # a later release that lays the file out anew
        raise BundleRefused(f"这个文件不是数据包（{EXTENSION} 文件），没有导入")
    if len(data) < PREFIX_BYTES:
        raise BundleRefused(TRUNCATED)
    (length,) = LENGTH.unpack_from(data, len(MAGIC))
    if length > MAX_HEADER_BYTES:
        raise BundleRefused(DAMAGED + "（文件头的长度不对）")
    if len(data) < PREFIX_BYTES + length:
        raise BundleRefused(TRUNCATED)
    header = _parse(data[PREFIX_BYTES:PREFIX_BYTES + length])
    expected = PREFIX_BYTES + length + header.body_size + SIGNATURE_BYTES
    if len(data) < expected:
        raise BundleRefused(TRUNCATED)
    if len(data) > expected:
        raise BundleRefused(DAMAGED + "（文件末尾多出了内容）")
    return header


def _parse(raw: bytes) -> Header:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRefused(DAMAGED + "（文件头无法读取）") from None
    if not isinstance(obj, dict):
        raise BundleRefused(DAMAGED + "（文件头无法读取）")
    number = obj.get("format")
    if isinstance(number, int) and not isinstance(number, bool) and number > FILE_FORMAT:
        raise NewerFormat(NEWER)
    if number != FILE_FORMAT or set(obj) != _KEYS:
        raise BundleRefused(DAMAGED + "（文件头的内容不对）")
    try:
        header = Header(
            format=FILE_FORMAT, bundle_id=_uuid(obj["bundle_id"]), sender=_uuid(obj["sender"]),
            addressee=_uuid(obj["addressee"]), sequence=_int(obj["sequence"], 1, MAX_SEQUENCE),
            builds_on=_int(obj["builds_on"], 0, MAX_SEQUENCE), part=_int(obj["part"], 1, MAX_PARTS),
            parts=_int(obj["parts"], 1, MAX_PARTS), size=_int(obj["size"], TAG_BYTES, MAX_BUNDLE_BYTES),
            body_size=_int(obj["body_size"], 1, MAX_BUNDLE_BYTES), payload_digest=_digest(obj["payload_digest"]),
            ephemeral_key=_bytes(obj["ephemeral_key"], KEY_BYTES), nonce=_bytes(obj["nonce"], NONCE_BYTES),
            made_at=_time(obj["made_at"]))
    except (ValueError, TypeError, InvalidKeys):
        raise BundleRefused(DAMAGED + "（文件头的内容不对）") from None
    if header.part > header.parts or header.body_size > header.size:
        raise BundleRefused(DAMAGED + "（文件头的内容不对）")
    return header


def _int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(value)
    return value


def _uuid(value: Any) -> str:
    if not isinstance(value, str) or str(uuid.UUID(value)) != value:
        raise ValueError(value)
    return value


def _digest(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 64 or value.strip("0123456789abcdef"):
        raise ValueError(value)
    return value


def _bytes(value: Any, length: int) -> bytes:
    if not isinstance(value, str):
        raise TypeError(value)
    raw = unb64(value, "")
    if len(raw) != length:
        raise ValueError(value)
    return raw


def _time(value: Any) -> dt.datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(value)
    made = dt.datetime.fromisoformat(value)
    if made.tzinfo is None:
        raise ValueError(value)
    return made
