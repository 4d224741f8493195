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


def _weighted_check(first17: str) -> str:
    """GB 11643 as the standard writes it: 17 weights, the sum modulo 11."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def test_the_check_character_is_the_standard_weighted_sum_on_many_numbers() -> None:
    import random

    rng = random.Random(11643)
    numbers = ["0" * 17, "9" * 17, "11010519491231002", *(f"{rng.randrange(10**17):017d}" for _ in range(50_000))]
    assert [idcard.check_character(n) for n in numbers] == [_weighted_check(n) for n in numbers]
    assert {idcard.check_character(n) for n in numbers} == set("10X98765432")  # every character comes out


def _problem_by_hand(text: str, today: dt.date) -> str | None:
    """The checks of :func:`idcard.problem` in the order and words it gives them, written out plainly."""
    v = text.strip().translate(str.maketrans("０１２３４５６７８９ｘＸ", "0123456789xX")).upper()
    if not v:
        return "身份证号为空"
    if len(v) != 18:
        return f"身份证号应为18位，现为{len(v)}位"
    if not (v[:17].isascii() and v[:17].isdigit()) or not ((v[17].isascii() and v[17].isdigit()) or v[17] == "X"):
        return "身份证号只能由数字组成，最后一位可以是X"
    if v[:2] not in "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 " \
                    "81 82 83 91".split():
        return f"地址码无效：前两位“{v[:2]}”不是省级行政区划代码"
    try:
        birth = dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return f"出生日期无效：{v[6:10]}年{v[10:12]}月{v[12:14]}日不存在"
    if birth.year < 1880 or birth > today:
        return f"出生日期无效：{birth.isoformat()}不在合理范围内"
    if v[17] != _weighted_check(v[:17]):
        return f"校验位错误：最后一位应为{_weighted_check(v[:17])}，填写的是{v[17]}"
    return None


def test_problem_says_what_the_plain_checks_say_on_many_numbers() -> None:
    import random

    rng = random.Random(18)
    today = dt.date(2026, 6, 1)
    numbers: list[str] = []
    for i in range(30_000):
        born = dt.date(1870, 1, 1) + dt.timedelta(days=rng.randrange(60_000))
        number = idcard.make(rng.choice(("340104", "110105", "990101", "810000")), born, rng.randrange(1000))
        match i % 6:
            case 1:  # another check character
                number = number[:17] + rng.choice("0123456789X")
            case 2:  # a day that does not exist, or a month
                number = number[:10] + rng.choice(("0230", "1301", "0431", "0000", "0229")) + number[14:]
            case 3:  # typed: full-width, a small x, spaces around, a letter, too short
                number = rng.choice((number.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
                                     number.lower(), f"  {number} ", number[:9] + "A" + number[10:], number[:17]))
        numbers.append(number)
    numbers += ["", "   ", "X" * 18, "٣" * 18]
    assert [idcard.problem(n, today=today) for n in numbers] == [_problem_by_hand(n, today) for n in numbers]
    assert len({idcard.problem(n, today=today) is None for n in numbers}) == 2
