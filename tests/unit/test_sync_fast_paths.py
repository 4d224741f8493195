"""The quicker ways sync encodes and checks give what the plain ways give, on many values.

* ``sync_records.dumps`` (one C encoder made once) writes the same text as ``json.dumps`` with the
  canonical settings (sorted keys, no spaces, ``ensure_ascii`` off, ``default=str``);
* ``versions.heads`` of a history of one version (a fast path) is what the general rule gives;
* a text field's check for control characters (a regular expression, skipped for printable text)
  finds one exactly when the stripped text holds a character below a space or DEL, tab, line feed
  and carriage return allowed in notes only.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest

from advisor_app.domain import validation
from advisor_app.services.sync_records import dumps
from advisor_app.sync.versions import Version, heads

_ALPHABET = ["a", "Z", "7", " ", "七", "星", "村", "\"", "\\", "/", "\n", "\r", "\t", "\x00", "\x1f", "\x7f",
             "\u2028", "\u3000", "\ud83d\ude00", "😀", "é", "\x85", "\xa0", "\x0b", "\x0c", "\x1c"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))


def _value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randint(0, 10 if depth < 3 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.random() < 0.5
    if choice == 2:
        return rng.randint(-10**20, 10**20)
    if choice == 3:
        return rng.choice([0.0, -0.0, 1.5, 1e-7, 123456789.125, rng.uniform(-1e6, 1e6), 1e300])
    if choice == 4:
        return _text(rng)
    if choice == 5:
        return dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))  # through default=str
    if choice == 6:
        return rng.randint(0, 99)
    if choice in (7, 8):
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {_text(rng) or "k": _value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def test_dumps_writes_what_the_canonical_encoder_writes_for_many_values() -> None:
    rng = random.Random(12)
    values = [_value(rng) for _ in range(3000)]
    values += [{}, [], "", "七星村", 0, None, True, {"b": 1, "a": [1, 2, {"d": None, "c": "x"}]}, (1, "tuple")]
    for value in values:
        assert dumps(value) == _plain(value)


def test_dumps_refuses_what_the_canonical_encoder_refuses() -> None:
    with pytest.raises(TypeError):
        _plain({1: 2, "a": 3})
    with pytest.raises(TypeError):
        dumps({1: 2, "a": 3})


def _heads_by_the_rule(history: list[Version]) -> tuple[str, ...]:
    based_on = {p for v in history for p in v.parents}
    return tuple(sorted(v.id for v in history if v.id not in based_on))


def test_heads_of_short_and_long_histories_follow_the_rule() -> None:
    rng = random.Random(5)
    ids = [f"dev:{n}" for n in range(6)]
    for _ in range(2000):
        history = [Version(rng.choice(ids), tuple(rng.sample(ids, rng.randint(0, 2))))
                   for _ in range(rng.randint(0, 4))]
        expected = _heads_by_the_rule(history)
        assert heads(tuple(history)) == expected
        assert heads(history) == expected
        assert heads(iter(history)) == expected


def test_control_characters_are_found_as_the_rule_says() -> None:
    rng = random.Random(9)
    samples = [_text(rng) for _ in range(5000)] + ["", " ", "\n", " a\n", "a\nb", "\x00", "a\x7fb", "\u3000\x01"]
    for text in samples:
        for limit in (validation.MAX_NAME, validation.MAX_NOTE):
            allowed = "\n\r\t" if limit >= validation.MAX_NOTE else ""
            control = any((ch < " " or ch == "\x7f") and ch not in allowed for ch in text.strip())
            problem = validation._text(text, limit)
            if "\ud83d" in text:  # a lone half of a pair: that problem is named first
                continue
            assert (problem is not None and "控制字符" in problem) == control, (text, limit)
