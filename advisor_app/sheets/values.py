"""A matched cell as the value an import keeps, by the field's ``value`` (:class:`~.model.Field`):
plain JSON values (text, ISO dates, yuan as numbers, grades as 1–4, disability kinds as the app's
codes), or a :class:`~.cells.CellError` naming what is wrong."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable

from advisor_app.domain import vocab

from . import cells
from .cells import CellError
from .model import Field

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_GRADES = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "壹": 1, "贰": 2, "叁": 3, "肆": 4}
_GRADE_TEXT = re.compile(r"^(?:第)?([一二三四1234壹贰叁肆])(?:级|等)?(?:残疾)?$")
# 残联's codes (1 视力 … 7 多重) and the kinds' words, with or without 残疾.
_KIND_CODES = {"1": "visual", "2": "hearing", "3": "speech", "4": "physical", "5": "intellectual", "6": "psychiatric",
               "7": "multiple"}
_KINDS = {**{label.removesuffix("残疾"): code for code, label in vocab.DISABILITY_KINDS.items()},
          **{label: code for code, label in vocab.DISABILITY_KINDS.items()}, **_KIND_CODES, "多重残疾": "multiple",
          "多重": "multiple", "智残": "intellectual", "肢残": "physical", "视残": "visual", "听残": "hearing"}


def grade(value: object) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= value <= 4:
            return int(value)
        raise CellError(f"残疾等级“{cells.text(value)}”无效：应为一级至四级")
    raw = unicodedata.normalize("NFKC", cells.text(value)).replace(" ", "")
    if not raw:
        raise CellError("残疾等级为空")
    m = _GRADE_TEXT.match(raw)
    if m is None:
        raise CellError(f"残疾等级“{raw}”看不懂：应为一级、二级、三级或四级")
    return _GRADES[m[1]]


def disability_kind(value: object) -> str:
    raw = unicodedata.normalize("NFKC", cells.text(value)).replace(" ", "")
    if not raw:
        raise CellError("残疾类别为空")
    code = _KINDS.get(raw) or _KINDS.get(raw.removesuffix("残疾"))
    if code is None:
        raise CellError(f"残疾类别“{raw}”看不懂：应为视力、听力、言语、肢体、智力、精神或多重残疾")
    return code


def period(value: object) -> str:
    """A period as written (2024年1-6月), or a date's ISO text when the cell is a date."""
    if isinstance(value, dt.date):
        return cells.date(value).isoformat()
    shown = unicodedata.normalize("NFKC", cells.text(value)).strip()
    try:
        return cells.date(value).isoformat()
    except CellError:
        return shown


_READERS: dict[str, Callable[[object], object]] = {
    "id_number": cells.id_number, "date": lambda v: cells.date(v).isoformat(), "money": cells.money, "grade": grade,
    "disability_kind": disability_kind, "period": period, "text": cells.text,
}


_FEW_VALUES = frozenset({"grade", "disability_kind", "date", "period"})


def reader(f: Field) -> Callable[[object], object]:
    """The function that reads the field's cells (:func:`read`, made once per field for a long list)."""
    read_value = _READERS.get(f.value, cells.text)
    if f.value == "id_number":  # the day birth dates may not be after: asked once, not once a cell
        read_value = functools.partial(cells.id_number, today=dt.date.today())
    if f.value in _FEW_VALUES:  # a list repeats a handful of kinds, grades and dates: each read once
        read_value = functools.lru_cache(maxsize=4096, typed=True)(read_value)
    required, label = f.required, f.label

    def read_cell(value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):  # cells.is_blank, inlined
            if required:
                raise CellError(f"{label}为空")
            return None
        return read_value(value)

    return read_cell


def read(f: Field, value: object) -> object:
    """The field's value from its cell; None for a blank cell of a field that is not required."""
    return reader(f)(value)


DATE_FIELDS = ("certificate_date", "period", "identified_on", "start_date")
"""The fields whose date a row of a list is about, the first one given wins (:func:`list_date`)."""


def is_iso_date(v: str) -> bool:
    """``2024-03-05`` (a date field's value, or a period written as a date)."""
    return len(v) == 10 and v[4] == v[7] == "-" and _ISO_DATE.match(v) is not None


def list_date(fields: dict[str, object]) -> str | None:
    """The date a row of a list is about (its first date field), as ISO text."""
    for name in DATE_FIELDS:
        v = fields.get(name)
        if isinstance(v, str) and is_iso_date(v):
            return v
    return None


__all__ = ["DATE_FIELDS", "disability_kind", "grade", "is_iso_date", "list_date", "period", "read", "reader"]
