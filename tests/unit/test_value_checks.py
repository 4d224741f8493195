"""The household reader's quick pass over every value (``_values_fine``) says exactly what its
second pass (``_refuse_values``, which names where) would refuse: random documents of every kind of
JSON value, at every depth around the limit, with the values a household may not hold."""

from __future__ import annotations

import random
from typing import Any

import pytest

from advisor_app.domain import interchange
from advisor_app.domain.errors import InvalidDocument
from advisor_app.domain.interchange import MAX_DEPTH, MAX_INTEGER, _refuse_values, _values_fine


class _Text(str):
    pass


class _Object(dict[str, Any]):
    pass


_FINE = ["", "七星村", "abc", 0, 1, -7, MAX_INTEGER, -MAX_INTEGER, 0.5, 1e300, True, False, None, _Text("子类")]
_BAD = ["a\ud800", "\udfff", MAX_INTEGER + 1, -(MAX_INTEGER + 1), float("inf"), float("nan"), _Text("\ud801")]


def _refused(doc: Any) -> bool:
    try:
        _refuse_values(doc)
    except InvalidDocument:
        return True
    return False


def _random_doc(rng: random.Random, depth: int, bad: float) -> Any:
    """A document of up to ``MAX_DEPTH + 3`` levels, one branch deep and a few short ones beside it."""
    if depth > MAX_DEPTH + 2 or (depth > 2 and rng.random() < 0.3):
        return rng.choice(_BAD if rng.random() < bad else _FINE)
    items = [rng.choice(_BAD if rng.random() < bad else _FINE) for _ in range(rng.randint(0, 3))]
    items.insert(rng.randint(0, len(items)), _random_doc(rng, depth + 1, bad))
    if rng.random() < 0.5:
        return items
    keys = ["名称", "k\ud802" if rng.random() < bad else "b", *(f"k{i}" for i in range(len(items)))]
    made = dict(zip(keys[-len(items):] if rng.random() < 0.8 else keys, items, strict=False))
    return _Object(made) if rng.random() < 0.1 else made


def _nested(depth: int, leaf: Any) -> Any:
    doc = leaf
    for level in range(depth):
        doc = [doc] if level % 2 else {"x": doc}
    return doc


@pytest.mark.parametrize("seed", range(40))
def test_the_quick_pass_agrees_with_the_one_that_names_where(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        doc = _random_doc(rng, 0, bad=rng.choice([0.0, 0.01, 0.05]))
        assert _values_fine(doc) is not _refused(doc), doc


@pytest.mark.parametrize("leaf", [*_FINE, [], {}])
def test_depth_up_to_the_limit_is_fine_and_one_more_is_refused(leaf: Any) -> None:
    assert _values_fine(_nested(MAX_DEPTH, leaf)) and not _refused(_nested(MAX_DEPTH, leaf))
    assert not _values_fine(_nested(MAX_DEPTH + 1, leaf)) and _refused(_nested(MAX_DEPTH + 1, leaf))


@pytest.mark.parametrize("bad", _BAD)
def test_each_bad_value_is_refused_anywhere(bad: Any) -> None:
    for doc in (bad, [bad], {"k": bad}, {"k": [1, {"j": bad}]}, _Object(k=bad)):
        assert not _values_fine(doc) and _refused(doc)


def test_a_key_with_a_lone_surrogate_is_refused_with_where() -> None:
    doc = {"members": [{"name\ud800": "张三"}]}
    assert not _values_fine(doc)
    with pytest.raises(InvalidDocument) as caught:
        interchange._check_values(doc)
    assert "代理码" in str(caught.value)


def test_a_canonical_uuid_is_read_as_written_and_others_as_uuid_writes_them() -> None:
    reader = interchange._Reader({"a": "3fd75f61-a721-4136-90c1-2f4f32f76b7d",
                                  "b": "3FD75F61A721413690C12F4F32F76B7D", "c": "nope"}, "")
    assert reader.uuid("a") == "3fd75f61-a721-4136-90c1-2f4f32f76b7d"
    assert reader.uuid("b") == "3fd75f61-a721-4136-90c1-2f4f32f76b7d"
    with pytest.raises(InvalidDocument):
        reader.uuid("c")
