"""domain.validation: every rule, its words (member and field named) and its machine key. No Qt, no db."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

import pytest

from advisor_app.domain import validation
from advisor_app.domain.errors import InvalidDocument, InvalidRecord, PersonInAnotherHousehold, Problem
from advisor_app.domain.household import (
    Disability,
    Emergency,
    Household,
    Income,
    Member,
    Need,
    Supporter,
    Visit,
)

HEAD_ID = "34010419880314002X"
CHILD_ID = "340104200905200134"
OTHER_ID = "340104201001010017"


def household() -> Household:
    return Household(
        region="340104", area="urban", village="莲花社区",
        members=[Member("吴晓霞", HEAD_ID, "head", incomes=[Income("wage", 300.0)]),
                 Member("吴小诚", CHILD_ID, "child", student=True)],
        supporters=[Supporter("吴大军", able=False, reason="重度残疾", relation="兄弟")],
        visits=[Visit("investigation", dt.date(2026, 11, 2), ["周明", "孙丽"], "轮椅已旧",
                      [Need("goods", "需要轮椅一台")], dt.date(2027, 5, 2))])


def problems_after(change: Callable[[Household], object]) -> list[Problem]:
    h = household()
    change(h)
    return validation.household_problems(h)


def test_a_valid_household_has_no_problems() -> None:
    assert validation.household_problems(household()) == []
    assert validation.visit_problems(household().visits[0]) == []



# (change, key of the one problem expected, words the message must contain)
RULES: list[tuple[str, Callable[[Household], object], str, list[str]]] = [
    ("blank name", lambda h: setattr(h.members[1], "name", ""), "members[1].name", ["第2名成员的姓名未填写"]),
    ("wrong check character", lambda h: setattr(h.members[1], "id_number", "340104200905200135"),
     "members[1].id_number", ["第2名成员“吴小诚”的身份证号", "校验位错误：最后一位应为4"]),
    ("ID number 123", lambda h: setattr(h.members[0], "id_number", "123"),
     "members[0].id_number", ["第1名成员“吴晓霞”的身份证号：应为18位，现为3位"]),
    ("no ID number", lambda h: setattr(h.members[0], "id_number", ""),
     "members[0].id_number", ["第1名成员“吴晓霞”的身份证号：未填写"]),
    ("same person twice", lambda h: h.members.append(Member("吴晓霞", HEAD_ID, "other")),
     "members[2].id_number", ["第3名成员“吴晓霞”的身份证号与第1名成员“吴晓霞”相同"]),
    ("no member", lambda h: h.members.clear(), "members", ["请至少添加一名家庭成员"]),
    ("no head", lambda h: setattr(h.members[0], "relation", "spouse"), "members", ["没有户主"]),
    ("two heads", lambda h: setattr(h.members[1], "relation", "head"),
     "members[1].relation", ["第2名成员“吴小诚”也登记成了户主", "一户只能有一名户主", "第1名成员“吴晓霞”"]),
    ("unknown relation", lambda h: setattr(h.members[1], "relation", "cousin"),
     "members[1].relation", ["与户主关系", "“cousin”无效", "child（子女）"]),
    ("unknown disability", lambda h: setattr(h.members[0], "disability", Disability("leg", 1)),
     "members[0].disability.kind", ["吴晓霞”的残疾类别", "“leg”"]),
    ("disability grade 5", lambda h: setattr(h.members[0], "disability", Disability("physical", 5)),
     "members[0].disability.grade", ["吴晓霞”的残疾等级", "1 到 4"]),
    ("seven activities lost", lambda h: setattr(h.members[0], "self_care_lost", 7),
     "members[0].self_care_lost", ["不能自理项数", "0 到 6"]),
    ("count and items differ", lambda h: (setattr(h.members[0], "self_care_lost", 2),
                                          setattr(h.members[0], "self_care_items", ["eating"])),
     "members[0].self_care_lost", ["记录为 2 项，但勾选了 1 个项目"]),
    ("unknown activity", lambda h: (setattr(h.members[0], "self_care_lost", 1),
                                    setattr(h.members[0], "self_care_items", ["flying"])),
     "members[0].self_care_items", ["不认识的日常生活活动“flying”"]),
    ("activity twice", lambda h: (setattr(h.members[0], "self_care_lost", 2),
                                  setattr(h.members[0], "self_care_items", ["eating", "eating"])),
     "members[0].self_care_items", ["有重复的项目"]),
    ("unknown whereabouts", lambda h: setattr(h.members[1], "whereabouts", "abroad"),
     "members[1].whereabouts", ["吴小诚”的去向", "“abroad”"]),
    ("negative months away", lambda h: setattr(h.members[1], "months_away", -1),
     "members[1].months_away", ["离家月数", "-1"]),
    ("unknown income kind", lambda h: setattr(h.members[0].incomes[0], "kind", "lottery"),
     "members[0].incomes[0].kind", ["第1名成员“吴晓霞”的第1项收入的类别", "lottery"]),
    ("negative income", lambda h: setattr(h.members[0].incomes[0], "monthly", -20.0),
     "members[0].incomes[0].monthly", ["吴晓霞”的第1项收入的月金额", "负数"]),
    ("income not a number", lambda h: setattr(h.members[0].incomes[0], "monthly", float("nan")),
     "members[0].incomes[0].monthly", ["应为数字"]),
    ("huge income", lambda h: setattr(h.members[0].incomes[0], "monthly", 2e9),
     "members[0].incomes[0].monthly", ["过大"]),
    ("short region", lambda h: setattr(h, "region", "3401"), "region", ["6位数字", "3401"]),
    ("unknown area", lambda h: setattr(h, "area", "town"), "area", ["户籍性质", "urban（城镇）"]),
    ("negative assets", lambda h: setattr(h.assets, "financial", -0.5), "assets.financial", ["金融资产", "负数"]),
    ("100 vehicles", lambda h: setattr(h.assets, "vehicles", 100), "assets.vehicles", ["机动车", "0 到 99"]),
    ("negative extra houses", lambda h: setattr(h.assets, "extra_houses", -1), "assets.extra_houses", ["房屋"]),
    ("negative medical spending", lambda h: setattr(h.expenses, "medical_selfpaid_12m", -1.0),
     "expenses.medical_selfpaid_12m", ["医疗自付", "负数"]),
    ("negative education spending", lambda h: setattr(h.expenses, "education_12m", -1.0),
     "expenses.education_12m", ["教育支出", "负数"]),
    ("unknown emergency", lambda h: setattr(h, "emergency", Emergency("flood", dt.date(2026, 10, 1))),
     "emergency.kind", ["突发困难的类别", "“flood”"]),
    ("supporter without name", lambda h: setattr(h.supporters[0], "name", ""),
     "supporters[0].name", ["第1名赡养人的姓名未填写"]),
    ("supporter with a wrong ID", lambda h: setattr(h.supporters[0], "id_number", "340104200905200135"),
     "supporters[0].id_number", ["第1名赡养人“吴大军”的身份证号", "校验位错误"]),
    ("supporter who is a member", lambda h: setattr(h.supporters[0], "id_number", CHILD_ID),
     "supporters[0].id_number", ["与第2名成员“吴小诚”相同", "不在本户居住"]),
    ("same supporter twice", lambda h: (setattr(h.supporters[0], "id_number", OTHER_ID),
                                        h.supporters.append(Supporter("吴二军", True, id_number=OTHER_ID))),
     "supporters[1].id_number", ["第2名赡养人“吴二军”的身份证号与第1名赡养人相同"]),
    ("unknown visit type", lambda h: setattr(h.visits[0], "type", "party"),
     "visits[0].type", ["第1次走访（2026-11-02）的走访类型", "“party”"]),
    ("入户调查 by one person", lambda h: setattr(h.visits[0], "investigators", ["周明"]),
     "visits[0].investigators", ["第1次走访（2026-11-02）是入户调查，需要至少两名调查人员（现有 1 名）"]),
    ("a return visit by nobody", lambda h: (setattr(h.visits[0], "type", "return"),
                                            setattr(h.visits[0], "investigators", [])),
     "visits[0].investigators", ["第1次走访（2026-11-02）没有填写走访人员"]),
    ("a blank investigator", lambda h: setattr(h.visits[0], "investigators", ["周明", "孙丽", ""]),
     "visits[0].investigators", ["第3名调查人员没有填写姓名"]),
    ("need without description", lambda h: setattr(h.visits[0].needs[0], "description", ""),
     "visits[0].needs[0].description", ["第1次走访（2026-11-02）的第1条需求没有填写描述"]),
    ("unknown need category", lambda h: setattr(h.visits[0].needs[0], "category", "love"),
     "visits[0].needs[0].category", ["第1条需求的类别", "“love”"]),
    ("unknown need status", lambda h: setattr(h.visits[0].needs[0], "status", "done"),
     "visits[0].needs[0].status", ["第1条需求的状态", "“done”"]),
    ("next visit before this one", lambda h: setattr(h.visits[0], "next_visit", dt.date(2026, 11, 1)),
     "visits[0].next_visit", ["下次走访日期（2026-11-01）早于走访日期（2026-11-02）"]),
]


@pytest.mark.parametrize(("change", "key", "words"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_names_member_and_field(change: Callable[[Household], object], key: str,
                                          words: list[str]) -> None:
    problems = problems_after(change)
    assert [p.key for p in problems] == [key]
    for word in words:
        assert word in problems[0].message


def test_two_investigators_of_the_same_name_are_one_person() -> None:
    problems = problems_after(lambda h: setattr(h.visits[0], "investigators", ["周明", "周明"]))
    assert [p.key for p in problems] == ["visits[0].investigators"] * 2
    assert "“周明”重复填写了" in problems[0].message and "现有 1 名" in problems[1].message


def test_next_visit_on_the_same_day_and_other_types_with_one_investigator_are_fine() -> None:
    h = household()
    h.visits[0].next_visit = h.visits[0].date
    h.visits.append(Visit("return", dt.date(2026, 12, 1), ["周明"]))
    assert validation.household_problems(h) == []


def test_self_care_count_without_items_is_fine_and_lower_case_x_is_accepted() -> None:
    h = household()
    h.members[0].self_care_lost = 3
    h.members[0].id_number = HEAD_ID.lower()
    assert validation.household_problems(h) == []


def test_a_birth_date_after_today_is_refused() -> None:
    h = household()
    problems = validation.household_problems(h, today=dt.date(2009, 5, 19))  # the child is born tomorrow
    assert [p.key for p in problems] == ["members[1].id_number"] and "出生日期无效" in problems[0].message


def test_every_problem_is_listed_in_document_order() -> None:
    h = household()
    h.region = "1"
    h.members[0].name = ""
    h.members[1].relation = "head"
    h.members[1].id_number = "123"
    h.visits[0].investigators = ["周明"]
    keys = [p.key for p in validation.household_problems(h)]
    assert keys == ["region", "members[0].name", "members[1].id_number", "members[1].relation",
                    "visits[0].investigators"]


def test_visits_are_left_out_when_they_are_not_saved() -> None:
    h = household()
    h.visits[0].investigators = []
    assert validation.household_problems(h, with_visits=False) == []
    assert validation.household_problems(h) != []


def test_a_visit_alone_is_called_this_visit_and_its_keys_have_no_prefix() -> None:
    v = Visit("investigation", dt.date(2026, 3, 5), ["王芳"], needs=[Need("cash", "")],
              next_visit=dt.date(2026, 3, 1))
    problems = validation.visit_problems(v)
    assert [p.key for p in problems] == ["investigators", "needs[0].description", "next_visit"]
    assert problems[0].message.startswith("本次走访是入户调查")
    assert problems[1].message == "本次走访的第1条需求没有填写描述"
    assert [p.field for p in problems] == ["investigators", "description", "next_visit"]


def test_problem_key_field_and_under() -> None:
    p = Problem(("members", 2, "incomes", 0, "monthly"), "…")
    assert p.key == "members[2].incomes[0].monthly" and p.field == "monthly" and str(p) == "…"
    assert p.under("members") and p.under("members", 2) and not p.under("members", 1)
    assert Problem(("members",), "x").key == "members"


def test_tidy_strips_text_everywhere_and_capitalises_x() -> None:
    h = household()
    h.village = " 莲花社区 "
    h.members[0].name = "\t吴晓霞 "
    h.members[0].id_number = " " + HEAD_ID.lower()
    h.members[0].incomes[0].kind = "wage "
    h.supporters[0].id_number = "11010519491231002x"
    h.visits[0].investigators = [" 周明", "孙丽 "]
    h.visits[0].needs[0].description = "需要轮椅一台\n"
    assert validation.tidy(h) is h
    assert (h.village, h.members[0].name, h.members[0].id_number) == ("莲花社区", "吴晓霞", HEAD_ID)
    assert h.members[0].incomes[0].kind == "wage" and h.supporters[0].id_number == "11010519491231002X"
    assert h.visits[0].investigators == ["周明", "孙丽"] and h.visits[0].needs[0].description == "需要轮椅一台"
    assert h == validation.tidy(copy.deepcopy(h))


def test_check_raises_invalid_record_with_all_problems() -> None:
    h = household()
    h.members[0].name = ""
    h.members[1].name = ""
    with pytest.raises(InvalidRecord) as err:
        validation.check_household(h)
    assert isinstance(err.value, InvalidDocument)
    assert [p.key for p in err.value.problems] == ["members[0].name", "members[1].name"]
    assert str(err.value) == "有 2 处需要改正：\n  第1名成员的姓名未填写\n  第2名成员的姓名未填写"
    validation.check_household(household())  # nothing raised
    with pytest.raises(InvalidRecord) as one:
        validation.check_visit(Visit("return", dt.date(2026, 1, 1)))
    assert str(one.value) == "本次走访没有填写走访人员"


def test_with_keys_the_message_starts_each_line_with_the_key() -> None:
    problem = Problem(("members", 1, "name"), "第2名成员的姓名未填写")
    assert str(InvalidRecord([problem], with_keys=True)) == "members[1].name：第2名成员的姓名未填写"


def test_registered_elsewhere_names_the_other_household() -> None:
    m = Member("吴小诚", CHILD_ID, "child")
    p = validation.registered_elsewhere(1, m, "hid-1", "吴晓霞", "莲花社区")
    assert p.key == "members[1].id_number" and p.other_household == "hid-1"
    assert "第2名成员“吴小诚”的身份证号已登记在另一户家庭（户主“吴晓霞”，莲花社区）" in p.message
    err = PersonInAnotherHousehold([p])
    assert err.other_household == "hid-1" and isinstance(err, InvalidRecord)
