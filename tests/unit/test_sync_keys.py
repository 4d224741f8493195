"""Device identities: made fresh, kept as text, their public part, and the fingerprint read aloud."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace

import pytest

from advisor_app.sync.errors import InvalidKeys
from advisor_app.sync.keys import (
    FINGERPRINT_ALPHABET,
    Identity,
    PublicIdentity,
    fingerprint,
    new_identity,
)


def test_a_new_identity_survives_its_text_form() -> None:
    me = new_identity("  王老师 ", "advisor")
    assert me.name == "王老师" and me.role == "advisor"
    text = json.dumps(me.to_dict())  # what the store keeps: plain text values only
    again = Identity.from_dict(json.loads(text))
    assert again == me
    assert again.public == me.public
    assert PublicIdentity.from_dict(json.loads(json.dumps(me.public.to_dict()))) == me.public


def test_each_identity_has_its_own_device_id_and_keys() -> None:
    one, two = new_identity("王老师", "advisor"), new_identity("王老师", "advisor")
    assert one.device_id != two.device_id
    assert one.signing_private_key != two.signing_private_key and one.box_private_key != two.box_private_key
    assert fingerprint(one.public) != fingerprint(two.public)


def test_the_public_part_holds_no_private_key() -> None:
    me = new_identity("七星镇", "office")
    public = me.public.to_dict()
    assert set(public) == {"device_id", "name", "role", "signing_key", "box_key"}
    text = json.dumps(public)
    for secret in me.to_dict()["signing_private_key"], me.to_dict()["box_private_key"]:
        assert secret not in text


def test_a_signature_verifies_only_for_its_key_and_its_data() -> None:
    me, other = new_identity("王老师", "advisor"), new_identity("李老师", "advisor")
    signature = me.sign(b"bundle")
    assert len(signature) == 64
    assert me.public.verifies(signature, b"bundle")
    assert not me.public.verifies(signature, b"bundlE")
    assert not other.public.verifies(signature, b"bundle")
    assert not me.public.verifies(signature[:-1], b"bundle")


def test_both_sides_make_the_same_shared_secret() -> None:
    advisor, office = new_identity("王老师", "advisor"), new_identity("七星镇", "office")
    secret = advisor.exchange(office.public.box_key)
    assert secret == office.exchange(advisor.public.box_key)
    assert secret != advisor.exchange(new_identity("x", "office").public.box_key)


def test_the_fingerprint_is_80_bits_of_sha256_over_both_keys() -> None:
    public = new_identity("王老师", "advisor").public
    shown = fingerprint(public)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", shown)
    assert not set(shown) & set("ILOU")  # nothing read aloud is taken for 1, 0 or V
    # Decode it back: the 16 characters of 5 bits are the first 10 bytes of the digest.
    bits = 0
    for char in shown.replace("-", ""):
        bits = bits * 32 + FINGERPRINT_ALPHABET.index(char)
    digest = hashlib.sha256(public.signing_key + public.box_key).digest()
    assert bits.to_bytes(10, "big") == digest[:10]


def test_the_fingerprint_depends_on_the_keys_not_the_name() -> None:
    public = new_identity("王老师", "advisor").public
    other = new_identity("王老师", "advisor").public
    assert fingerprint(replace(public, name="李老师", device_id=other.device_id)) == fingerprint(public)
    assert fingerprint(replace(public, box_key=other.box_key)) != fingerprint(public)
    assert fingerprint(replace(public, signing_key=other.signing_key)) != fingerprint(public)


@pytest.mark.parametrize(("name", "role", "said"), [
    ("", "advisor", "不能为空"),
    ("王" * 51, "advisor", "太长"),
    ("王\x07老师", "advisor", "控制字符"),
    ("王老师", "county", "角色"),
])
def test_a_new_identity_needs_a_name_and_a_known_role(name: str, role: str, said: str) -> None:
    with pytest.raises(InvalidKeys, match=said):
        new_identity(name, role)


def _broken(change: dict[str, object], drop: str = "") -> dict[str, object]:
    public = new_identity("王老师", "advisor").public.to_dict()
    data: dict[str, object] = {**public, **change}
    data.pop(drop, None)
    return data


@pytest.mark.parametrize(("data", "where", "said"), [
    (_broken({}, drop="box_key"), None, "缺少字段：box_key"),
    (_broken({"colour": "red"}), None, "不认识的字段：colour"),
    (_broken({"signing_key": "not base64!"}), "advisor.signing_key", "base64"),
    (_broken({"box_key": "AAAA"}), "advisor.box_key", "32 字节"),
    (_broken({"device_id": "laptop-1"}), "advisor.device_id", "设备编号无效"),
    (_broken({"role": "admin"}), "advisor.role", "角色"),
    (_broken({"name": 7}), "advisor.name", "应为文字"),
    (_broken({"name": ""}), "advisor.name", "不能为空"),
])
def test_a_damaged_public_identity_names_the_field(data: dict[str, object], where: str | None, said: str) -> None:
    with pytest.raises(InvalidKeys, match=said) as caught:
        PublicIdentity.from_dict(data, "advisor")
    assert caught.value.where == (where or "advisor")


def test_a_stored_identity_with_a_damaged_key_is_refused() -> None:
    stored = new_identity("王老师", "advisor").to_dict()
    with pytest.raises(InvalidKeys, match="32 字节"):
        Identity.from_dict({**stored, "box_private_key": stored["box_private_key"][:20]})
    with pytest.raises(InvalidKeys, match="应为一个对象"):
        Identity.from_dict([stored])
