"""Enrolment files: a request the office can trust to be the key's own, an answer the laptop can trust
to be the office's and meant for it; anything tampered, forged or malformed gives a plain message."""

from __future__ import annotations

import json
from typing import Any

import pytest

from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import MAX_ENROL_BYTES, FileTooLarge
from advisor_app.sync.enrolment import (
    ANSWER_FORMAT,
    REQUEST_FORMAT,
    make_answer,
    make_request,
    read_answer,
    read_request,
)
from advisor_app.sync.errors import InvalidEnrolment
from advisor_app.sync.keys import Identity, b64, canonical, fingerprint, new_identity

ADVISOR = new_identity("王老师", "advisor")
OTHER_ADVISOR = new_identity("李老师", "advisor")
OFFICE = new_identity("七星镇", "office")
VILLAGES = ["七星村", "丰收村"]


def _doc(data: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(data)
    return doc


def _dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _signed(doc: dict[str, Any], signer: Identity) -> bytes:
    """``doc`` signed again by ``signer``: a file that passes the signature check with that key."""
    unsigned = {k: v for k, v in doc.items() if k != "signature"}
    return _dump({**unsigned, "signature": b64(signer.sign(canonical(unsigned)))})


def test_a_request_gives_the_advisors_public_identity() -> None:
    data = make_request(ADVISOR)
    doc = _doc(data)
    assert doc["format"] == REQUEST_FORMAT
    assert doc["advisor"]["fingerprint"] == fingerprint(ADVISOR.public)
    assert "王老师" in data.decode("utf-8")  # readable by a person, not \\u escapes
    assert read_request(data) == ADVISOR.public
    for secret in ADVISOR.to_dict()["signing_private_key"], ADVISOR.to_dict()["box_private_key"]:
        assert secret not in data.decode("utf-8")


def test_an_answer_gives_the_office_and_the_villages_to_its_advisor() -> None:
    data = make_answer(OFFICE, read_request(make_request(ADVISOR)), [" 七星村", "丰收村 "])
    doc = _doc(data)
    assert doc["format"] == ANSWER_FORMAT
    assert doc["advisor"] == {"device_id": ADVISOR.device_id, "name": "王老师",
                              "fingerprint": fingerprint(ADVISOR.public)}
    office, villages = read_answer(data, ADVISOR.public)
    assert office == OFFICE.public and villages == VILLAGES
    assert read_answer(make_answer(OFFICE, ADVISOR.public, []), ADVISOR.public)[1] == []


def _flips(data: bytes) -> list[bytes]:
    out = []
    for offset in range(len(data)):
        for bit in (0, 2, 5):
            flipped = bytearray(data)
            flipped[offset] ^= 1 << bit
            out.append(bytes(flipped))
    return out


def test_a_request_altered_anywhere_is_refused_or_reads_as_the_same() -> None:
    data = make_request(ADVISOR)
    accepted = 0
    for flipped in _flips(data):
        try:
            got = read_request(flipped)
        except DomainError as exc:
            assert exc.message
            continue
        accepted += 1  # only a change the signature does not cover: white space of the layout
        assert got == ADVISOR.public
    assert accepted < len(data) // 10


def test_an_answer_altered_anywhere_is_refused_or_reads_as_the_same() -> None:
    data = make_answer(OFFICE, ADVISOR.public, VILLAGES)
    for flipped in _flips(data):
        try:
            got = read_answer(flipped, ADVISOR.public)
        except DomainError:
            continue
        assert got == (OFFICE.public, VILLAGES)


def test_a_request_whose_keys_were_swapped_is_refused() -> None:
    doc = _doc(make_request(ADVISOR))
    other = {**OTHER_ADVISOR.public.to_dict(), "fingerprint": fingerprint(OTHER_ADVISOR.public),
             "name": "王老师", "device_id": ADVISOR.device_id}
    with pytest.raises(InvalidEnrolment, match="签名不对"):
        read_request(_dump({**doc, "advisor": other}))  # the old signature does not cover the new keys
    with pytest.raises(InvalidEnrolment, match="指纹与公钥不符"):
        read_request(_dump({**doc, "advisor": {**doc["advisor"], "box_key": other["box_key"]}}))


def test_an_impostors_own_request_shows_another_fingerprint() -> None:
    # Anyone can write a well-signed request in 王老师's name; the fingerprint the clerk compares
    # with what 王老师 reads out over the phone is what tells them apart.
    impostor = Identity(ADVISOR.device_id, ADVISOR.name, "advisor",
                        OTHER_ADVISOR.signing_private_key, OTHER_ADVISOR.box_private_key)
    forged = read_request(make_request(impostor))
    assert (forged.device_id, forged.name) == (ADVISOR.device_id, ADVISOR.name)
    assert fingerprint(forged) != fingerprint(ADVISOR.public)


def test_an_answer_for_another_device_or_other_keys_is_refused() -> None:
    with pytest.raises(InvalidEnrolment, match="不是发给本机的（是发给李老师的电脑的）"):
        read_answer(make_answer(OFFICE, OTHER_ADVISOR.public, VILLAGES), ADVISOR.public)
    impostor = Identity(ADVISOR.device_id, ADVISOR.name, "advisor",
                        OTHER_ADVISOR.signing_private_key, OTHER_ADVISOR.box_private_key)
    with pytest.raises(InvalidEnrolment, match="指纹与本机的不符"):
        read_answer(make_answer(OFFICE, impostor.public, VILLAGES), ADVISOR.public)


def test_a_forged_or_altered_answer_is_refused() -> None:
    doc = _doc(make_answer(OFFICE, ADVISOR.public, VILLAGES))
    with pytest.raises(InvalidEnrolment, match="签名不对"):
        read_answer(_dump({**doc, "villages": [*VILLAGES, "红旗村"]}), ADVISOR.public)
    # Signed by another key while naming the office's keys: refused.
    fake_office = new_identity("七星镇", "office")
    with pytest.raises(InvalidEnrolment, match="不是七星镇的电脑写的"):
        read_answer(_signed(doc, fake_office), ADVISOR.public)
    # Signed by the key it names: accepted (it is that office's answer; its fingerprint is shown).
    own = {**doc, "office": {**fake_office.public.to_dict(), "fingerprint": fingerprint(fake_office.public)}}
    office, _ = read_answer(_signed(own, fake_office), ADVISOR.public)
    assert fingerprint(office) != fingerprint(OFFICE.public)


def test_a_request_is_not_an_answer_nor_an_answer_a_request() -> None:
    with pytest.raises(InvalidEnrolment, match="这是登记申请，不是登记答复"):
        read_answer(make_request(ADVISOR), ADVISOR.public)
    with pytest.raises(InvalidEnrolment, match="这是登记答复，不是登记申请"):
        read_request(make_answer(OFFICE, ADVISOR.public, VILLAGES))


def _request(**changes: Any) -> bytes:
    """A request with ``changes`` (None: left out), signed again unless the signature is changed."""
    doc = _doc(make_request(ADVISOR))
    advisor = changes.pop("advisor", None)
    if advisor is not None:
        doc["advisor"] = {k: v for k, v in {**doc["advisor"], **advisor}.items() if v is not None}
    doc.update(changes)
    doc = {k: v for k, v in doc.items() if v is not None}
    return _dump(doc) if "signature" in changes else _signed(doc, ADVISOR)


@pytest.mark.parametrize(("data", "said"), [
    (b"", "不是有效的 JSON 文件"),
    (b"\xff\xfe{", "不是有效的 JSON 文件"),
    (b'{"format": "advisor-enrol-request/1",', "第1行"),
    (b"[1, 2]", "不是登记申请"),
    (b"[" * 100_000 + b"]" * 100_000, "不是有效的 JSON"),
    (b'{"format": "advisor-enrol-request/1", "n": ' + b"9" * 5000 + b"}", "不是有效的 JSON"),
    (b'{"format": "advisor-household/2"}', "format 应为 advisor-enrol-request/1"),
    (b'{"format": "advisor-enrol-request/2", "advisor": {}}', "新版本的程序写的"),
    (_request(colour="red"), "不认识的字段：colour"),
    (_request(made_at=None), "缺少字段：made_at"),
    (_request(made_at="yesterday"), "带时区的时间"),
    (_request(made_at="2025-03-01T09:30:00"), "带时区的时间"),
    (_request(advisor={"role": "office"}), "角色应为 advisor"),
    (_request(advisor={"signing_key": "***"}), "base64"),
    (_request(advisor={"box_key": b64(b"short")}), "32 字节"),
    (_request(advisor={"device_id": "0"}), "设备编号无效"),
    (_request(advisor={"fingerprint": None}), "fingerprint"),
    (_request(signature=42), "签名不对"),
    (_request(signature="!!"), "签名不对"),
])
def test_a_malformed_request_gives_a_plain_message(data: bytes, said: str) -> None:
    with pytest.raises(InvalidEnrolment, match=said):
        read_request(data)


def test_an_oversized_file_is_not_parsed() -> None:
    with pytest.raises(FileTooLarge, match="太大"):
        read_request(b" " * (MAX_ENROL_BYTES + 1))


@pytest.mark.parametrize(("villages", "said"), [
    (["七星村", ""], "村名不能为空"),
    (["七星村", "七星村"], "村名重复：七星村"),
    (["七\n星村"], "控制字符"),
    (["村" * 101], "村名太长"),
])
def test_the_villages_given_are_checked(villages: list[str], said: str) -> None:
    with pytest.raises(InvalidEnrolment, match=said) as caught:
        make_answer(OFFICE, ADVISOR.public, villages)
    assert caught.value.where is not None and caught.value.where.startswith("villages[")


def test_an_answer_with_bad_villages_in_the_file_is_refused() -> None:
    doc = _doc(make_answer(OFFICE, ADVISOR.public, VILLAGES))
    for villages, said in (("七星村", "村名的列表"), ([1], "村名的列表"), (["丰收村", "丰收村"], "重复")):
        with pytest.raises(InvalidEnrolment, match=said):
            read_answer(_signed({**doc, "villages": villages}, OFFICE), ADVISOR.public)
    with pytest.raises(InvalidEnrolment, match="应为一个对象"):
        read_answer(_signed({**doc, "advisor": ADVISOR.device_id}, OFFICE), ADVISOR.public)


def test_only_an_advisor_requests_and_only_an_office_answers() -> None:
    with pytest.raises(InvalidEnrolment, match="由顾问的电脑写"):
        make_request(OFFICE)
    with pytest.raises(InvalidEnrolment, match="由乡镇写"):
        make_answer(ADVISOR, OTHER_ADVISOR.public, VILLAGES)
    with pytest.raises(InvalidEnrolment, match="不是顾问"):
        make_answer(OFFICE, new_identity("红旗镇", "office").public, VILLAGES)
