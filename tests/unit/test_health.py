"""健康状况 is derived from what is recorded about a member (one function, used by every form)."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor_app.domain import idcard
from advisor_app.domain.health import disability_text, health_status, self_care_text
from advisor_app.domain.household import Disability, Member


def _member(**kw: object) -> Member:
    return Member("吴晓霞", idcard.make("340104", dt.date(1988, 3, 14), 2), "head", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kw", "health"), [
    ({}, "健康"),
    ({"disability": Disability("physical", 1)}, "肢体残疾一级"),
    ({"disability": Disability("psychiatric", 3)}, "精神残疾三级"),
    ({"serious_illness": True}, "重病"),
    ({"self_care_lost": 2}, "生活部分不能自理"),
    ({"self_care_lost": 4}, "生活不能自理"),
    ({"disability": Disability("physical", 1), "self_care_lost": 2}, "肢体残疾一级、生活部分不能自理"),
    ({"disability": Disability("multiple", 2), "serious_illness": True, "self_care_lost": 6},
     "多重残疾二级、重病、生活不能自理"),
])
def test_health_is_what_is_recorded_and_healthy_only_when_nothing_is(kw: dict[str, object], health: str) -> None:
    assert health_status(_member(**kw)) == health


def test_a_wheelchair_user_is_never_healthy() -> None:
    assert "健康" not in health_status(_member(disability=Disability("physical", 1), self_care_lost=2))


def test_disability_and_self_care_texts() -> None:
    assert disability_text(_member()) == "无"
    assert disability_text(_member(disability=Disability("hearing", 4))) == "听力残疾四级"
    assert [self_care_text(_member(self_care_lost=n)) for n in (0, 1, 3, 4, 6)] == [
        "能自理", "部分丧失", "部分丧失", "完全丧失", "完全丧失"]
