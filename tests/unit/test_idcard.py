import datetime as dt

import pytest

from advisor_app.domain import idcard
from advisor_app.domain.errors import InvalidIdNumber


def test_valid_number_from_the_standard() -> None:
    assert idcard.problem("11010519491231002X") is None
    number = idcard.parse("11010519491231002X")
    assert number.birth_date == dt.date(1949, 12, 31)
    assert number.sex == "female"  # sequence 002 is even
    assert number.area_code == "110105"


def test_lowercase_x_is_accepted_and_normalised() -> None:
    assert idcard.problem("11010519491231002x") is None
    assert idcard.parse("11010519491231002x").value == "11010519491231002X"


def test_bad_check_character_says_what_it_should_be() -> None:
    why = idcard.problem("110105194912310021")
    assert why is not None
    assert "校验位错误" in why and "X" in why


@pytest.mark.parametrize("number", ["110105194913310021", "110105194902300027", "110105190002290024"])
def test_impossible_birth_date(number: str) -> None:
    why = idcard.problem(number)
    assert why is not None and why.startswith("出生日期无效")


def test_birth_date_in_the_future() -> None:
    number = idcard.make("340104", dt.date(2030, 1, 1), 12)
    why = idcard.problem(number, today=dt.date(2026, 1, 1))
    assert why is not None and "出生日期无效" in why


@pytest.mark.parametrize("number", ["11010519491231002", "11010519491231002XX", "3401041988"])
def test_wrong_length(number: str) -> None:
    why = idcard.problem(number)
    assert why is not None and "应为18位" in why and str(len(number)) in why


def test_letters_inside_the_number() -> None:
    why = idcard.problem("1101051949123A002X")
    assert why is not None and "只能由数字组成" in why


def test_unknown_province_prefix() -> None:
    number = idcard.make("990104", dt.date(1980, 1, 1), 11)
    why = idcard.problem(number)
    assert why is not None and "地址码无效" in why


def test_empty() -> None:
    assert idcard.problem("  ") == "身份证号为空"


def test_parse_names_where_the_problem_is() -> None:
    with pytest.raises(InvalidIdNumber) as err:
        idcard.parse("110105194912310021", where="成员2（吴小诚）")
    assert "成员2（吴小诚）" in str(err.value) and "校验位错误" in str(err.value)


def test_make_builds_valid_numbers_with_sex_from_the_sequence() -> None:
    male = idcard.make("340104", dt.date(2009, 5, 20), 13)
    female = idcard.make("340104", dt.date(1988, 3, 14), 2)
    assert idcard.problem(male) is None and idcard.parse(male).sex == "male"
    assert idcard.problem(female) is None and idcard.parse(female).sex == "female"


def test_age_counts_the_birthday_itself() -> None:
    number = idcard.parse(idcard.make("340104", dt.date(1966, 9, 1), 21))
    assert number.age_on(dt.date(2026, 8, 31)) == 59
    assert number.age_on(dt.date(2026, 9, 1)) == 60


def test_age_of_someone_born_on_29_february() -> None:
    birth = dt.date(2008, 2, 29)
    assert idcard.age_on(birth, dt.date(2026, 2, 28)) == 17
    assert idcard.age_on(birth, dt.date(2026, 3, 1)) == 18


def test_mask_keeps_first_six_and_last_four() -> None:
    assert idcard.mask("340104198803140026") == "340104********0026"
    assert idcard.parse("11010519491231002X").masked() == "110105********002X"
