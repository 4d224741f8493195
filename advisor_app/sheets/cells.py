"""A cell's raw value (as the reader gives it: str, int, float, bool, date, datetime or None) as the
app's value, or a :class:`CellError` saying what is wrong in words a clerk understands.

* ID numbers: text is normalised (spaces inside and around, full-width digits, a lower-case x) and
  validated (:mod:`advisor_app.domain.idcard`). A number is refused: a spreadsheet keeps only 15
  significant digits of a number, so 340104198503120026 stored as a number reads 3.40104198503120E+17
  and its last digits are lost — the message says the column must be stored as text.
* Dates: a date or datetime cell, an Excel serial number (days since 1899-12-30), or text such as
  2024-03-05, 2024/3/5, 2024.3.5, 20240305 or 2024年3月5日.
* Money: a number, or text with thousands separators, a ¥/￥ sign or 元; two decimals at most.
* Text: stripped; a number that is an integer written without ".0" (a phone number read as 13900000001.0).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from advisor_app.domain import idcard
from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import ascii_digits

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap-year quirk beyond 60)
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_PLAIN_ID = re.compile(r"[0-9]{17}[0-9X]$")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_PLAIN_MONEY = re.compile(r"[0-9]+(?:\.[0-9]+)?\Z")


class CellError(DomainError):
    """A cell that cannot be read as the field needs (the message names what is wrong)."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value))


def text(value: object) -> str:
    """The cell as text ("" when blank)."""
    if type(value) is str:  # the common case first (a list of 100,000 rows reads it 400,000 times)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def id_number(value: object, *, today: dt.date | None = None) -> str:
    """A valid ID number as stored (18 characters, capital X); ``today``: the day birth dates may not
    be after (default: today — a long list passes it once instead of asking the clock each time)."""
    if type(value) is str and len(value) == 18 and _PLAIN_ID.match(value):  # as stored already: check only
        why = idcard.problem_normalised(value, today=today)
        if why is not None:
            raise CellError(why)
        return value
    if isinstance(value, bool) or value is None:
        raise CellError("身份证号为空")
    if isinstance(value, int | float):
        shown = f"{value:.14E}" if isinstance(value, float) or value >= 10**15 else str(value)
        raise CellError(f"身份证号存成了数字（{shown}），后几位已经丢失：请把这一列设为“文本”格式后重新填写")
    raw = _SPACES.sub("", str(value))
    why = idcard.problem(raw, today=today)
    if why is not None:
        raise CellError(why)
    return idcard.normalise(raw)


def date(value: object) -> dt.date:
    """A date from a date cell, an Excel serial number or text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value) or not 1 <= value < 2958466:
            raise CellError(f"日期无效：{text(value)}")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    raw = ascii_digits(_SPACES.sub("", text(value)))
    if not raw:
        raise CellError("日期为空")
    if raw.isdigit() and len(raw) == 8:
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    m = _DATE_TEXT.match(raw)
    if m is None:
        raise CellError(f"日期“{text(value)}”看不懂：请写成 2024-03-05 这样的格式")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise CellError(f"日期“{text(value)}”不存在") from None


def money(value: object) -> float:
    """An amount in yuan (two decimals at most; not negative)."""
    if value.__class__ is float:  # a number cell (most of a long list's amounts)
        amount = value
    elif isinstance(value, bool):
        raise CellError("金额应为数字")
    # a number, or 1234.50 as most lists write it: read as it is
    elif isinstance(value, int | float) or (type(value) is str and _PLAIN_MONEY.match(value)):
        amount = float(value)
    else:
        raw = ascii_digits(_SPACES.sub("", text(value))).replace(",", "").replace("，", "")
        raw = raw.removeprefix("¥").removeprefix("￥").removesuffix("元")
        if not raw:
            raise CellError("金额为空")
        try:
            amount = float(raw)
        except ValueError:
            raise CellError(f"金额“{text(value)}”不是数字") from None
    if not math.isfinite(amount) or amount < 0:
        raise CellError(f"金额“{text(value)}”无效：不能是负数")
    rounded = round(amount, 2)
    if abs(rounded - amount) > 1e-9:
        raise CellError(f"金额“{text(value)}”最多两位小数")
    return rounded


__all__ = ["EXCEL_EPOCH", "CellError", "date", "id_number", "is_blank", "money", "text"]
