"""The words of a roster read as the app's codes, and a roster's household against a recorded one."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor_app.domain import idcard, roster_words
from advisor_app.domain.household import Disability, Household, Income, Member, Receipt
from advisor_app.domain.roster_merge import MEMBER, SheetHousehold, SheetPerson, apply, merge, value_words
from advisor_app.domain.roster_words import RosterWordError


@pytest.mark.parametrize(("word", "code"), [
    ("户主", "head"), ("本人", "head"), ("妻", "spouse"), ("配偶", "spouse"), ("长子", "child"), ("次女", "child"),
    ("父亲", "parent"), ("外孙女", "grandchild"), ("孙子女", "grandchild"), ("祖母", "grandparent"),
    ("兄弟姐妹", "sibling"), ("弟弟", "sibling"), ("儿媳、女婿", "child_in_law"), ("女婿", "child_in_law"),
    ("其他", "other"), ("侄子", "other"), (" 户 主 ", "head"), ("spouse", "spouse")])
def test_relations(word: str, code: str) -> None:
    assert roster_words.relation(word) == code


def test_an_unknown_relation_lists_the_words() -> None:
    with pytest.raises(RosterWordError, match=r"“邻居”看不懂.*户主.*配偶"):
        roster_words.relation("邻居")


@pytest.mark.parametrize(("word", "code"), [
    ("低保", "dibao"), ("农村低保", "dibao"), ("城市最低生活保障", "dibao"), ("农村低保对象", "dibao"),
    ("分散供养特困", "tekun"), ("特困供养人员", "tekun"), ("低保边缘", "dibao_edge"), ("单人保", "dibao_single"),
    ("无", None), ("", None)])
def test_programs(word: str, code: str | None) -> None:
    assert roster_words.program(word) == code


def test_disability_in_one_or_two_cells() -> None:
    assert roster_words.disability("肢体残疾二级") == ("physical", 2)
    assert roster_words.disability("视力", "1级") == ("visual", 1)
    assert roster_words.disability("多重残疾（肢体、智力）", "三") == ("multiple", 3)
    assert roster_words.disability("无") is None and roster_words.disability("", "") is None
    with pytest.raises(RosterWordError, match="没有写等级"):
        roster_words.disability("精神残疾")
    with pytest.raises(RosterWordError, match="残疾等级"):
        roster_words.disability("听力", "五级")


def test_health_and_area() -> None:
    assert roster_words.seriously_ill("重病") is True and roster_words.seriously_ill("患大病") is True
    assert roster_words.seriously_ill("健康") is False and roster_words.seriously_ill("一般") is False
    assert roster_words.seriously_ill("") is None
    with pytest.raises(RosterWordError):
        roster_words.seriously_ill("还行")
    assert roster_words.area("农村") == "rural" and roster_words.area("城镇") == "urban"


def _id(n: int) -> str:
    return idcard.make("340104", dt.date(1970 + n, 1, 1), n)


def test_merge_fills_empty_lists_differences_and_never_overwrites() -> None:
    stored = Household(region="340104", area="rural", phone="0556-1", members=[
        Member("王大", _id(1), "head", incomes=[Income("wage", 800)]), Member("李二", _id(2), "spouse")],
        receiving=[Receipt("dibao", dt.date(2020, 1, 1), 400)])
    sheet = SheetHousehold([
        SheetPerson(2, "王大", _id(1), "head", {"monthly_income": 900.0, "ethnicity": "汉族"}),
        SheetPerson(3, "李二", _id(2), "child", {"disability": ["visual", 1]}),
        SheetPerson(4, "王小", _id(3), "grandchild")],
        {"phone": "139", "address": "3组"}, [Receipt("dibao", dt.date(2023, 5, 1), 480)])
    out, diffs, filled = merge(stored, sheet)
    assert filled and out.address == "3组" and out.members[0].ethnicity == "汉族"
    assert out.members[1].disability == Disability("visual", 1)
    assert out.phone == "0556-1" and out.members[1].relation == "spouse" and out.members[0].monthly_income == 800
    assert stored.address == "" and stored.members[1].disability is None  # the stored copy untouched
    assert {(d.member_id_number, d.field) for d in diffs} == {
        ("", "phone"), (_id(1), "monthly_income"), (_id(2), "relation"), (_id(3), MEMBER), ("", "receiving:dibao")}
    for d in diffs:
        apply(out, d)
    assert out.phone == "139" and out.members[1].relation == "child" and out.members[0].monthly_income == 900
    assert [m.name for m in out.members] == ["王大", "李二", "王小"]
    assert (out.receiving[0].since, out.receiving[0].monthly_amount) == (dt.date(2023, 5, 1), 480)
    words = {d.field: (value_words(d.field, d.existing), value_words(d.field, d.roster)) for d in diffs}
    assert words["relation"] == ("配偶", "子女")
    assert words["receiving:dibao"] == ("2020-01-01 起，每月 400.00 元", "2023-05-01 起，每月 480.00 元")
    assert words[MEMBER][0] == "（未填）" and "王小" in words[MEMBER][1]


def test_merge_of_the_same_values_finds_nothing() -> None:
    stored = Household(region="340104", area="rural", members=[Member("王大", _id(1), "head", phone="139")])
    out, diffs, filled = merge(stored, SheetHousehold([SheetPerson(2, "王大", _id(1), "head", {"phone": ""})]))
    assert (diffs, filled) == ([], False) and out == stored
