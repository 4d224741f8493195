"""Cells as the app's values: ID numbers (text, spaces, full-width digits; numbers refused), dates
(cells, serial numbers, text forms), money and text."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor_app.domain import idcard
from advisor_app.sheets import cells
from advisor_app.sheets.cells import CellError

GOOD = idcard.make("340104", dt.date(1985, 3, 12), 2)


def test_an_id_number_is_normalised_and_checked() -> None:
    spaced = f" {GOOD[:6]} {GOOD[6:14]}\u3000{GOOD[14:]} "
    full_width = GOOD[:10].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + GOOD[10:]
    assert cells.id_number(spaced) == cells.id_number(full_width) == GOOD
    with pytest.raises(CellError, match="校验位错误"):
        cells.id_number(GOOD[:17] + ("0" if GOOD[17] != "0" else "1"))
    with pytest.raises(CellError, match="为空"):
        cells.id_number(None)


@pytest.mark.parametrize("value", [float(GOOD[:17] + "0"), int(GOOD[:17] + "0")])
def test_an_id_number_stored_as_a_number_says_the_column_must_be_text(value: object) -> None:
    with pytest.raises(CellError, match=r"存成了数字.*文本") as caught:
        cells.id_number(value)
    assert "E+17" in str(caught.value)


@pytest.mark.parametrize("value", [dt.date(2024, 3, 5), dt.datetime(2024, 3, 5, 0, 0), 45356, 45356.0, "2024-03-05",
                                   "2024/3/5", "2024.3.5", "20240305", "2024年3月5日", " ２０２４-03-05 "])
def test_dates_in_every_form_a_sheet_holds_them(value: object) -> None:
    assert cells.date(value) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(("value", "words"), [("2024-02-30", "不存在"), ("3月5日", "看不懂"), ("", "为空"),
                                              (-3, "无效")])
def test_a_wrong_date_says_what_is_wrong(value: object, words: str) -> None:
    with pytest.raises(CellError, match=words):
        cells.date(value)


def test_money_and_text() -> None:
    assert cells.money("¥1,234.50元") == cells.money(1234.5) == 1234.5
    assert cells.money(0.1 + 0.2) == 0.3 and cells.money(7) == 7.0 and cells.money(-0.0) == 0.0
    for bad, words in (("-3", "负数"), ("12.345", "两位小数"), ("abc", "不是数字"), (True, "数字"), (-3.0, "负数"),
                       (12.345, "两位小数"), (float("nan"), "无效"), (float("inf"), "无效")):
        with pytest.raises(CellError, match=words):
            cells.money(bad)
    assert cells.text(13900000001.0) == "13900000001" and cells.text("  七星村 ") == "七星村"
    assert cells.text(dt.datetime(2024, 3, 5)) == "2024-03-05" and cells.text(None) == ""
    assert cells.is_blank(" \u3000") and not cells.is_blank(0)


def test_plain_amounts_read_as_the_same_amounts_as_written_any_other_way() -> None:
    import random

    rng = random.Random(5)
    plain = [f"{rng.randrange(10**rng.randrange(1, 9))}" + rng.choice(("", f".{rng.randrange(100):02d}",
                                                                       f".{rng.randrange(10)}", ".001", ".0"))
             for _ in range(5_000)] + ["0", "007", "1.", ".5", "1e3", "1_000"]

    def read(text: object) -> object:
        try:
            return cells.money(text)
        except cells.CellError as exc:
            return exc.message

    # a space in front takes the long way (spaces, separators, ¥ and 元 removed) to the same answer
    assert [read(t) for t in plain] == [read(f" {t}") for t in plain]
