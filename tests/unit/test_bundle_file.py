"""Bundle files: sealed for one addressee, signed by the sender, cut into parts; anything damaged,
truncated, misaddressed, forged or of a later format is refused before it is decrypted."""

from __future__ import annotations

import json
import os
import random
import struct
import zlib
from dataclasses import replace

import pytest

from advisor_app.domain.errors import DomainError
from advisor_app.sync import bundle_file
from advisor_app.sync.bundle_file import DEFAULT_MAX_SIZE, file_name, open_parts, seal, verify
from advisor_app.sync.bundle_header import MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES, frame, read_header
from advisor_app.sync.errors import BundleIncomplete, BundleRefused, NewerFormat
from advisor_app.sync.keys import Identity, PublicIdentity, new_identity

ADVISOR = new_identity("王老师", "advisor")
OTHER_ADVISOR = new_identity("李老师", "advisor")
OFFICE = new_identity("七星镇", "office")
PAYLOAD = json.dumps({"format": "advisor-bundle/1", "records": [{"village": "七星村", "n": i} for i in range(300)]},
                     ensure_ascii=False).encode("utf-8")
NOISE = random.Random(12).randbytes(30_000)  # does not compress: a known number of parts


def _datas(parts: list[bundle_file.BundlePart]) -> list[bytes]:
    return [p.data for p in parts]


def _resigned(data: bytes, signer: Identity, **changes: object) -> bytes:
    """``data`` with its header changed and signed again by ``signer``: a genuine-looking part."""
    header = read_header(data)
    body = data[PREFIX_BYTES + len(header.encoded()):-64]
    framed = frame(replace(header, **changes), body)  # type: ignore[arg-type]
    return framed + signer.sign(framed)


def test_a_bundle_opens_for_its_addressee() -> None:
    parts = seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=7, builds_on=3)
    assert len(parts) == 1 and parts[0].name == "王老师-七星镇-7.advbundle"
    assert parts[0].data.startswith(MAGIC)
    header = read_header(parts[0].data)
    assert (header.sender, header.addressee) == (ADVISOR.device_id, OFFICE.device_id)
    assert (header.sequence, header.builds_on, header.part, header.parts) == (7, 3, 1, 1)
    assert open_parts(_datas(parts), OFFICE, ADVISOR.public) == PAYLOAD


def test_the_payload_is_compressed_and_not_readable_in_the_file() -> None:
    data = seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0)[0].data
    assert len(data) < len(PAYLOAD) // 4
    assert "七星村".encode() not in data and b"records" not in data
    assert zlib.compress(PAYLOAD, 6)[2:40] not in data  # encrypted, not only compressed


def test_an_empty_payload_and_a_given_bundle_id_round_trip() -> None:
    bundle_id = "6f1c8a52-7e0a-4d8f-9a51-3b3f1f0f6a10"
    parts = seal(b"", OFFICE, ADVISOR.public, sequence=1, builds_on=0, bundle_id=bundle_id)
    assert read_header(parts[0].data).bundle_id == bundle_id
    assert open_parts(_datas(parts), ADVISOR, OFFICE.public) == b""


def test_two_seals_of_the_same_payload_share_nothing_secret() -> None:
    one = read_header(seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0)[0].data)
    two = read_header(seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0)[0].data)
    assert one.ephemeral_key != two.ephemeral_key and one.nonce != two.nonce
    assert one.payload_digest != two.payload_digest and one.bundle_id != two.bundle_id


@pytest.mark.parametrize("max_size", [4096, 5000, 9_999, 16_384, 31_000, DEFAULT_MAX_SIZE])
def test_parts_fit_the_size_limit_and_open_in_any_order(max_size: int) -> None:
    parts = seal(NOISE, ADVISOR, OFFICE.public, sequence=4, builds_on=2, max_size=max_size)
    assert all(len(p.data) <= max_size for p in parts)
    overhead = sum(len(p.data) for p in parts) - len(NOISE)
    assert overhead < 700 * len(parts)  # header and signature: a few hundred bytes a part
    assert (len(parts) - 1) * (max_size - 700) < len(NOISE)  # no more parts than needed
    n = len(parts)
    if n > 1:
        assert [p.name for p in parts] == [f"王老师-七星镇-4-part-{k}-of-{n}.advbundle" for k in range(1, n + 1)]
        assert len(parts[0].data) > max_size - 100  # every part but the last is filled
    shuffled = _datas(parts)
    random.Random(max_size).shuffle(shuffled)
    assert open_parts(shuffled, OFFICE, ADVISOR.public) == NOISE
    assert open_parts(shuffled + shuffled[:1], OFFICE, ADVISOR.public) == NOISE  # one part given twice


def test_a_missing_part_is_named_and_nothing_is_opened() -> None:
    parts = _datas(seal(NOISE, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=9_000))
    n = len(parts)
    assert n == 4
    for k in range(1, n + 1):
        with pytest.raises(BundleIncomplete) as caught:
            open_parts(parts[:k - 1] + parts[k:], OFFICE, ADVISOR.public)
        assert str(caught.value) == f"第 {k} 部分（共 {n} 部分）还没有导入"
        assert (caught.value.missing, caught.value.parts) == ((k,), n)
    with pytest.raises(BundleIncomplete, match="第 2、4 部分（共 4 部分）还没有导入"):
        open_parts([parts[0], parts[2]], OFFICE, ADVISOR.public)


def test_parts_of_two_bundles_do_not_make_one() -> None:
    one = _datas(seal(NOISE, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=9_000))
    two = _datas(seal(NOISE, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=9_000))
    with pytest.raises(BundleRefused, match="不属于同一个数据包"):
        open_parts(one[:2] + two[2:], OFFICE, ADVISOR.public)
    with pytest.raises(BundleRefused, match="两个不同的文件"):
        open_parts(one + two[:1], OFFICE, ADVISOR.public)
    with pytest.raises(BundleRefused, match="没有给出"):
        open_parts([], OFFICE, ADVISOR.public)


def _offsets(data: bytes) -> list[int]:
    """Every byte of magic, length, header and signature, and 120 spread over the body."""
    header_end = PREFIX_BYTES + len(read_header(data).encoded())
    body = range(header_end, len(data) - 64)
    step = max(1, len(body) // 120)
    return [*range(header_end), *body[::step], body[-1], *range(len(data) - 64, len(data))]


def test_a_bit_flipped_anywhere_in_any_part_is_refused() -> None:
    parts = _datas(seal(NOISE[:12_000], ADVISOR, OFFICE.public, sequence=2, builds_on=1, max_size=5_000))
    assert len(parts) == 3
    tried = 0
    for index, part in enumerate(parts):
        offsets = _offsets(part)
        assert offsets[0] == 0 and offsets[-1] == len(part) - 1
        for offset in offsets:
            for bit in (0, 3, 7):
                flipped = bytearray(part)
                flipped[offset] ^= 1 << bit
                given = [*parts[:index], bytes(flipped), *parts[index + 1:]]
                with pytest.raises(BundleRefused) as caught:
                    open_parts(given, OFFICE, ADVISOR.public)
                assert caught.value.message
                tried += 1
    assert tried > 3 * 3 * 600
    assert open_parts(parts, OFFICE, ADVISOR.public) == NOISE[:12_000]  # the untouched parts still open


def test_a_truncated_part_is_refused_at_every_length() -> None:
    parts = _datas(seal(NOISE[:8_000], ADVISOR, OFFICE.public, sequence=2, builds_on=1, max_size=5_000))
    for index, part in enumerate(parts):
        lengths = sorted({*range(0, 700), *range(700, len(part), 37), len(part) - 64, len(part) - 1})
        for length in lengths:
            given = [*parts[:index], part[:length], *parts[index + 1:]]
            with pytest.raises(BundleRefused):
                open_parts(given, OFFICE, ADVISOR.public)
        with pytest.raises(BundleRefused, match="截断"):
            read_header(part[:len(part) - 1])
        with pytest.raises(BundleRefused, match="多出"):
            read_header(part + b"\0")


class _Spy:
    """Stands in for the decryption steps and records whether they were reached."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real_decrypt, real_exchange = bundle_file._decrypt, Identity.exchange

        def decrypt(*args: object) -> bytes:
            self.calls.append("decrypt")
            return real_decrypt(*args)  # type: ignore[arg-type]

        def exchange(me: Identity, peer: bytes) -> bytes:
            self.calls.append("exchange")
            return real_exchange(me, peer)

        monkeypatch.setattr(bundle_file, "_decrypt", decrypt)
        monkeypatch.setattr(Identity, "exchange", exchange)


def test_a_bundle_for_another_device_is_refused_before_any_decryption(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(monkeypatch)
    for_other = _datas(seal(PAYLOAD, OFFICE, OTHER_ADVISOR.public, sequence=1, builds_on=0))
    with pytest.raises(BundleRefused, match="不是发给本机的"):
        open_parts(for_other, ADVISOR, OFFICE.public)
    assert spy.calls == []
    # The spy does see a bundle that is opened: it would have caught an attempt.
    assert open_parts(for_other, OTHER_ADVISOR, OFFICE.public) == PAYLOAD
    assert spy.calls == ["decrypt", "exchange"]


def test_a_bundle_is_refused_with_the_wrong_sender_key(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(monkeypatch)
    parts = _datas(seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0))
    with pytest.raises(BundleRefused, match="发件人不是李老师"):
        open_parts(parts, OFFICE, OTHER_ADVISOR.public)
    impostor = replace(OTHER_ADVISOR.public, device_id=ADVISOR.device_id, name=ADVISOR.name)
    with pytest.raises(BundleRefused, match="签名与王老师的密钥不符"):
        open_parts(parts, OFFICE, impostor)
    # Someone who changes the header to name another sender cannot sign it as that sender.
    with pytest.raises(BundleRefused, match="签名"):
        open_parts([_resigned(parts[0], ADVISOR, sender=OTHER_ADVISOR.device_id)], OFFICE, OTHER_ADVISOR.public)
    assert spy.calls == []


def test_an_enrolled_sender_cannot_pass_off_another_senders_ciphertext() -> None:
    parts = _datas(seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=5, builds_on=0))
    stolen = _resigned(parts[0], OTHER_ADVISOR, sender=OTHER_ADVISOR.device_id)
    verify(stolen, read_header(stolen), OTHER_ADVISOR.public)  # a valid signature by the other advisor …
    with pytest.raises(BundleRefused, match="无法解开"):  # … over a ciphertext bound to its real sender
        open_parts([stolen], OFFICE, OTHER_ADVISOR.public)
    with pytest.raises(BundleRefused, match="无法解开"):
        open_parts([_resigned(parts[0], ADVISOR, sequence=6)], OFFICE, ADVISOR.public)


def test_the_sender_cannot_read_its_own_bundle() -> None:
    parts = _datas(seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0))
    with pytest.raises(BundleRefused, match="不是发给本机的"):
        open_parts(parts, ADVISOR, ADVISOR.public)
    # Even posing as the addressee, the sender's own keys do not open it: the one-time key is gone.
    posing = replace(ADVISOR, device_id=OFFICE.device_id)
    with pytest.raises(BundleRefused, match="不是用本机的密钥加密的"):
        open_parts(parts, posing, ADVISOR.public)
    assert open_parts(parts, OFFICE, ADVISOR.public) == PAYLOAD


def test_a_later_format_asks_for_the_newer_release() -> None:
    data = seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0)[0].data
    with pytest.raises(NewerFormat, match="更新到最新版本"):
        open_parts([_resigned(data, ADVISOR, format=2)], OFFICE, ADVISOR.public)
    with pytest.raises(NewerFormat, match="更新到最新版本"):
        read_header(b"ADVBNDL2" + data[8:])


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(5000), b"ADVBNDLx" + bytes(100), b"PK\x03\x04", b"\0" * 9])
def test_a_file_that_is_no_bundle_is_said_to_be_none(data: bytes) -> None:
    with pytest.raises(BundleRefused, match="不是数据包"):
        read_header(data)


def test_a_header_length_beyond_the_cap_is_refused_without_reading_it() -> None:
    data = MAGIC + struct.pack(">I", MAX_HEADER_BYTES + 1) + b"{" * (MAX_HEADER_BYTES + 100)
    with pytest.raises(BundleRefused, match="文件头的长度不对"):
        read_header(data)
    with pytest.raises(BundleRefused, match="文件头无法读取"):
        read_header(MAGIC + struct.pack(">I", 5) + b"[1,2]" + bytes(100))


def test_a_bundle_that_unpacks_beyond_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    zeros = bytes(200_000)  # compresses to a few hundred bytes
    parts = _datas(seal(zeros, ADVISOR, OFFICE.public, sequence=1, builds_on=0))
    assert len(parts[0]) < 2_000
    monkeypatch.setattr(bundle_file, "MAX_BUNDLE_UNPACKED_BYTES", 100_000)
    with pytest.raises(BundleRefused, match="超过"):
        open_parts(parts, OFFICE, ADVISOR.public)
    with pytest.raises(DomainError, match="太多"):
        seal(zeros, ADVISOR, OFFICE.public, sequence=1, builds_on=0)


def test_sealing_refuses_impossible_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    for size in (100, 4095, 300 * 1024 * 1024):
        with pytest.raises(DomainError, match="大小上限"):
            seal(PAYLOAD, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=size)
    monkeypatch.setattr(bundle_file, "MAX_PARTS", 3)
    with pytest.raises(DomainError, match="请把大小上限调大"):
        seal(NOISE, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=4096)
    assert len(seal(NOISE, ADVISOR, OFFICE.public, sequence=1, builds_on=0, max_size=12_000)) == 3


def test_file_names_carry_no_character_a_file_system_refuses() -> None:
    assert file_name('王/老:师*', "七星镇?", 12, 2, 3) == "王_老_师-七星镇-12-part-2-of-3.advbundle"
    assert file_name("..", " ", 1) == "_-_-1.advbundle"


def test_verify_checks_the_header_it_is_given_belongs_to_the_file() -> None:
    one, two = (seal(os.urandom(100), ADVISOR, OFFICE.public, sequence=s, builds_on=0)[0].data for s in (1, 2))
    verify(one, read_header(one), ADVISOR.public)
    with pytest.raises(BundleRefused, match="文件头与文件不符"):
        verify(one, read_header(two), ADVISOR.public)


def test_public_identities_in_tests_are_what_peers_would_hold() -> None:
    # The peers' copies come from enrolment files as dicts; they open bundles as well as the originals.
    office_copy = PublicIdentity.from_dict(OFFICE.public.to_dict())
    advisor_copy = PublicIdentity.from_dict(ADVISOR.public.to_dict())
    parts = _datas(seal(PAYLOAD, ADVISOR, office_copy, sequence=1, builds_on=0))
    assert open_parts(parts, OFFICE, advisor_copy) == PAYLOAD
