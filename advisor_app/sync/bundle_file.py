"""Sealing a bundle's payload into signed, encrypted files, and opening them again (docs/sync.md).

:func:`seal` compresses the payload (zlib), encrypts it once with AES-256-GCM under a key that only
the addressee can make again (a fresh X25519 key pair per bundle, its shared secret with the
addressee's box key through HKDF-SHA256), cuts the ciphertext into parts that each fit
``max_size`` as a whole file, and signs every part with the sender's Ed25519 key. The one-time
private key is dropped as soon as the key is made: the sender cannot read its own bundle back.

The importer reads the header (:func:`~advisor_app.sync.bundle_header.read_header`, no
cryptography), finds the sender among its enrolled peers, and then :func:`open_parts` checks the
addressee and every part's signature **before** anything is decrypted, checks that the parts belong
together and are all there ("第 3 部分（共 4 部分）还没有导入"), checks the digest, decrypts, and
unpacks with a cap (no "zip bomb" fills the memory).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import MAX_BUNDLE_BYTES, MAX_BUNDLE_UNPACKED_BYTES, MB

from .bundle_header import (
    DAMAGED,
    EXTENSION,
    FILE_FORMAT,
    MAX_PARTS,
    MAX_SEQUENCE,
    NONCE_BYTES,
    PREFIX_BYTES,
    TAG_BYTES,
    Header,
    frame,
    read_header,
)
from .errors import BundleIncomplete, BundleRefused
from .keys import SIGNATURE_BYTES, Identity, PublicIdentity

DEFAULT_MAX_SIZE = 20 * MB  # fits the attachment limit of the common mail services
MIN_MAX_SIZE = 4096  # smaller parts would be mostly header and signature
HKDF_INFO = b"advisor-bundle-key/1"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]+')


@dataclass(frozen=True, slots=True)
class BundlePart:
    """One file of a bundle: the name to save it under and its bytes."""

    name: str
    data: bytes


def seal(payload: bytes, sender: Identity, addressee: PublicIdentity, *, sequence: int, builds_on: int,
         bundle_id: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> list[BundlePart]:
    """The files of one bundle carrying ``payload`` from ``sender`` to ``addressee``, each at most
    ``max_size`` bytes; ``sequence`` is the sender's number for it (from 1), ``builds_on`` the last
    sequence the sender has seen from the addressee."""
    if not MIN_MAX_SIZE <= max_size <= MAX_BUNDLE_BYTES:
        raise DomainError(f"每个文件的大小上限应在 {MIN_MAX_SIZE // 1024} KB 到 {MAX_BUNDLE_BYTES // MB} MB 之间")
    if not (1 <= sequence <= MAX_SEQUENCE and 0 <= builds_on <= MAX_SEQUENCE):
        raise ValueError(f"sequence {sequence} / builds_on {builds_on} out of range")
    if len(payload) > MAX_BUNDLE_UNPACKED_BYTES:
        raise DomainError(f"要导出的数据太多（超过 {MAX_BUNDLE_UNPACKED_BYTES // MB} MB），对方无法导入")
    compressed = zlib.compress(payload, 6)
    size = len(compressed) + TAG_BYTES
    if size > MAX_BUNDLE_BYTES:
        raise DomainError(f"要导出的数据压缩后仍超过 {MAX_BUNDLE_BYTES // MB} MB，对方无法导入")
    bundle_id = str(uuid.UUID(bundle_id)) if bundle_id else str(uuid.uuid4())
    one_time = X25519PrivateKey.generate()
    draft = Header(format=FILE_FORMAT, bundle_id=bundle_id, sender=sender.device_id, addressee=addressee.device_id,
                   sequence=sequence, builds_on=builds_on, part=1, parts=1, size=size, body_size=size,
                   payload_digest="0" * 64, ephemeral_key=one_time.public_key().public_bytes_raw(),
                   nonce=os.urandom(NONCE_BYTES), made_at=dt.datetime.now(dt.UTC).replace(microsecond=0))
    parts, capacity = _layout(draft, max_size)
    draft = replace(draft, parts=parts)
    key = _key(one_time.exchange(X25519PublicKey.from_public_bytes(addressee.box_key)), bundle_id)
    del one_time  # nobody, the sender included, can make this key again without the addressee's box key
    ciphertext = AESGCM(key).encrypt(draft.nonce, compressed, draft.associated_data())
    digest = hashlib.sha256(ciphertext).hexdigest()
    files = []
    for index in range(parts):
        body = ciphertext[index * capacity:(index + 1) * capacity]
        header = replace(draft, part=index + 1, body_size=len(body), payload_digest=digest)
        framed = frame(header, body)
        files.append(BundlePart(file_name(sender.name, addressee.name, sequence, index + 1, parts),
                                framed + sender.sign(framed)))
    return files


def file_name(sender: str, addressee: str, sequence: int, part: int = 1, parts: int = 1) -> str:
    """``王老师-七星镇-7.advbundle``, ``…-7-part-2-of-3.advbundle``: names cleared of what a file
    system does not allow."""
    stem = f"{_safe(sender)}-{_safe(addressee)}-{sequence}"
    return stem + (f"-part-{part}-of-{parts}" if parts > 1 else "") + EXTENSION


def verify(data: bytes, header: Header, sender_public: PublicIdentity) -> None:
    """Refuse (:class:`BundleRefused`) the part ``data`` unless its header is ``header``, it names
    ``sender_public`` as its sender and carries that sender's signature over all of it."""
    if read_header(data) != header:
        raise BundleRefused(DAMAGED + "（文件头与文件不符）")
    if header.sender != sender_public.device_id:
        raise BundleRefused(f"数据包的发件人不是{sender_public.name}，没有导入")
    if not sender_public.verifies(data[-SIGNATURE_BYTES:], data[:-SIGNATURE_BYTES]):
        raise BundleRefused(DAMAGED + f"（签名与{sender_public.name}的密钥不符）")


def open_parts(parts: Iterable[bytes], me: Identity, sender_public: PublicIdentity) -> bytes:
    """The payload of the bundle whose part files are ``parts`` (in any order), from
    ``sender_public`` to ``me``. :class:`BundleRefused` when a part is not addressed to ``me``, is
    not signed by the sender, or the parts are not one bundle; :class:`BundleIncomplete` when
    parts are missing. Nothing is decrypted until every part passed these checks."""
    checked: dict[int, tuple[Header, bytes]] = {}
    for data in parts:
        header = read_header(data)
        if header.addressee != me.device_id:
            raise BundleRefused("这个数据包不是发给本机的，没有导入")
        verify(data, header, sender_public)
        if header.part in checked and checked[header.part][0] != header:
            raise BundleRefused(f"第 {header.part} 部分有两个不同的文件，不属于同一个数据包")
        start = PREFIX_BYTES + len(header.encoded())
        checked[header.part] = (header, data[start:start + header.body_size])
    if not checked:
        raise BundleRefused("没有给出数据包文件")
    first = next(iter(checked.values()))[0]
    if any(h.shared() != first.shared() or h.payload_digest != first.payload_digest for h, _ in checked.values()):
        raise BundleRefused("这些文件不属于同一个数据包，没有导入")
    missing = tuple(k for k in range(1, first.parts + 1) if k not in checked)
    if missing:
        raise BundleIncomplete(missing, first.parts)
    ciphertext = b"".join(checked[k][1] for k in range(1, first.parts + 1))
    if len(ciphertext) != first.size or hashlib.sha256(ciphertext).hexdigest() != first.payload_digest:
        raise BundleRefused(DAMAGED + "（内容的校验值不符）")
    return _unpack(_decrypt(ciphertext, first, me))


def _decrypt(ciphertext: bytes, header: Header, me: Identity) -> bytes:
    try:
        key = _key(me.exchange(header.ephemeral_key), header.bundle_id)
        return AESGCM(key).decrypt(header.nonce, ciphertext, header.associated_data())
    except (InvalidTag, ValueError):
        raise BundleRefused("数据包无法解开：它不是用本机的密钥加密的，或已被改动，没有导入") from None


def _unpack(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(compressed, MAX_BUNDLE_UNPACKED_BYTES + 1)
    except zlib.error:
        raise BundleRefused(DAMAGED + "（内容无法解压）") from None
    if len(payload) > MAX_BUNDLE_UNPACKED_BYTES or inflater.unconsumed_tail:
        raise BundleRefused(f"数据包解开后超过 {MAX_BUNDLE_UNPACKED_BYTES // MB} MB，不像是正确的数据包，没有导入")
    if not inflater.eof or inflater.unused_data:
        raise BundleRefused(DAMAGED + "（内容无法解压）")
    return payload


def _key(shared_secret: bytes, bundle_id: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=uuid.UUID(bundle_id).bytes, info=HKDF_INFO)
    return hkdf.derive(shared_secret)


def _layout(draft: Header, max_size: int) -> tuple[int, int]:
    """How many parts, and the body size of each but the last, so that every part file (its
    header written with the largest part number and body size it can have) fits ``max_size``."""
    parts = 1
    while True:
        widest = replace(draft, part=parts, parts=parts, body_size=max_size)
        capacity = max_size - PREFIX_BYTES - len(widest.encoded()) - SIGNATURE_BYTES
        needed = -(-draft.size // capacity)
        if needed > MAX_PARTS:
            raise DomainError(f"按每个文件 {max_size // 1024} KB 要分成 {MAX_PARTS} 个以上的文件：请把大小上限调大")
        if needed <= parts:
            return needed, capacity
        parts = needed


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("._") or "_"
