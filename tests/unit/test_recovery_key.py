"""The recovery key's printed form (base32 groups with a checksum) and the sealed file's format."""

from __future__ import annotations

import base64
import json
import random
import secrets
from pathlib import Path

import pytest

from advisor_app.store import recovery


def test_the_code_is_14_groups_of_4_and_reads_back_however_it_is_typed() -> None:
    private, _public = recovery.new_key_pair()
    code = recovery.format_code(private)
    groups = code.split("-")
    assert [len(g) for g in groups] == [4] * 14
    assert set("".join(groups)) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert recovery.parse_code(code) == private
    assert recovery.parse_code(" ".join(groups).lower()) == private  # spaces, lower case
    assert recovery.parse_code("\n".join(groups[:7]) + "\n" + "".join(groups[7:])) == private
    typed = code.replace("O", "0").replace("I", "1")  # the digits 0 and 1 do not occur: read as O and I
    assert recovery.parse_code(typed) == private


@pytest.mark.parametrize("seed", range(30))
def test_the_checksum_catches_a_mistyped_or_swapped_character(seed: int) -> None:
    private = secrets.token_bytes(32)
    letters = recovery.format_code(private).replace("-", "")
    rng = random.Random(seed)
    at = rng.randrange(len(letters))
    wrong = rng.choice([c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" if c != letters[at]])
    with pytest.raises(recovery.BadRecoveryKey, match="校验不符"):
        recovery.parse_code(letters[:at] + wrong + letters[at + 1:])
    swap = rng.randrange(len(letters) - 1)
    if letters[swap] != letters[swap + 1]:
        swapped = letters[:swap] + letters[swap + 1] + letters[swap] + letters[swap + 2:]
        with pytest.raises(recovery.BadRecoveryKey, match="校验不符"):
            recovery.parse_code(swapped)


def test_a_missing_group_or_a_foreign_character_says_what_is_wrong() -> None:
    code = recovery.format_code(secrets.token_bytes(32))
    with pytest.raises(recovery.BadRecoveryKey, match=r"应有 56 个.*输入的是 52 个"):
        recovery.parse_code(code[:-5])
    with pytest.raises(recovery.BadRecoveryKey, match="不会出现的字符"):
        recovery.parse_code("9" + code[1:])


def test_sealed_keys_open_only_with_their_private_key(tmp_path: Path) -> None:
    private, public = recovery.new_key_pair()
    keys = [(secrets.token_bytes(32), secrets.token_bytes(16)), (secrets.token_bytes(32), secrets.token_bytes(16))]
    path = tmp_path / "advisor.sqlite.recovery"
    recovery.write(path, recovery.RecoveryFile(public, ()).sealing(keys))
    stored = recovery.read(path)
    assert stored is not None and stored.public == public and stored.unsealed(private) == keys
    raw = path.read_bytes()
    assert all(k.hex().encode() not in raw and k not in raw for k, _ in keys)  # sealed, not stored
    other, _ = recovery.new_key_pair()
    with pytest.raises(recovery.BadRecoveryKey, match="不是这个档案的"):
        stored.unsealed(other)
    assert not list(tmp_path.glob("*.new"))  # the temporary file was renamed over


def test_a_damaged_sealed_file_is_a_message(tmp_path: Path) -> None:
    private, public = recovery.new_key_pair()
    path = tmp_path / "advisor.sqlite.recovery"
    assert recovery.read(path) is None
    recovery.write(path, recovery.RecoveryFile(public, ()).sealing([(b"k" * 32, b"s" * 16)]))
    data = json.loads(path.read_text(encoding="utf-8"))
    sealed = bytearray(base64.b64decode(data["sealed"][0]))
    sealed[-1] ^= 1  # one bit of the tag
    data["sealed"][0] = base64.b64encode(bytes(sealed)).decode()
    path.write_text(json.dumps(data), encoding="utf-8")
    stored = recovery.read(path)
    assert stored is not None and stored.unsealed(private) == []  # tampering: nothing unseals
    for junk in ("{", '{"format": "x"}', "[]", '{"format": "advisor-app recovery key", "version": 1}'):
        path.write_text(junk, encoding="utf-8")
        with pytest.raises(recovery.RecoveryFileDamaged, match="已损坏"):
            recovery.read(path)
