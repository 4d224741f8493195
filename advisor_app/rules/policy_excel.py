"""A county's policy table as an Excel sheet: reading it (with cell-exact messages) and writing a
template a clerk can fill in.

Layout: a sheet named "政策标准" (or the first sheet), one header row, then one value per row. The
columns are those of the CSV format (``policy_format.COLUMNS``); a header cell may hold the Chinese
name, the English name or both ("生效日期 effective_from"); column order does not matter. A second
sheet "项目说明" lists every item code with its Chinese name and unit.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from advisor_app.domain.limits import MAX_POLICY_BYTES, MAX_XLSX_UNPACKED_BYTES, MB

from .policy_format import (
    AREA_LABELS,
    COLUMNS,
    KEYS,
    UNITS,
    PolicyRow,
    PolicyTableError,
    header_columns,
    parse_row,
)

SHEET = "政策标准"
HELP_SHEET = "项目说明"
_WIDTHS = {"region": 10, "region_name": 18, "key": 30, "area": 10, "value": 10, "unit": 10,
           "effective_from": 13, "effective_to": 13, "is_default": 9, "source": 44, "note": 36}
_HELP_LINES = (
    "城乡 area：城镇 / 农村 / 留空（城乡通用）",
    "默认值 is_default：是（软件默认，不是本地文件规定的数）/ 否",
    "日期写成 2023-07-01；截止日期可留空（到下一条生效为止）",
    "依据来源必填（文件名称或网址）",
    "导入时，表中出现的每个地区代码的全部数值以本表为准（原有数值会被替换，预览里会列出）",
)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _header_locator(title: str, number: int) -> Callable[[int], str]:
    return lambda i: f"工作表“{title}”第{number}行（表头）" + (f"{_letter(i)}列" if i >= 0 else "")


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .xlsx, or an old .xls
# What a damaged file makes openpyxl (and the zip and XML readers under it) raise: bad XML
# (ParseError is a SyntaxError), a number cell that is no number ("NaN", 5000 digits: ValueError),
# a date serial beyond the calendar (OverflowError), a part missing from the zip (KeyError) …
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError, TypeError, IndexError,
            AttributeError, OverflowError, SyntaxError, RecursionError)


def _check_file(path: Path) -> None:
    """Refuse, before openpyxl reads it, what is not an .xlsx it can read in reasonable time."""
    if not path.is_file():
        what = "不是一个文件" if path.exists() else "找不到文件"
        raise PolicyTableError(what, where=str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as exc:
        raise PolicyTableError(f"无法读取：{exc.strerror}", where=str(path)) from None
    if size > MAX_POLICY_BYTES:
        raise PolicyTableError(f"文件太大（超过 {MAX_POLICY_BYTES // MB} MB），不像是政策标准表，没有读取",
                               where=path.name)
    if start == _OLE_MAGIC:
        raise PolicyTableError("文件设了打开密码，或是旧的 .xls 格式：请在 Excel 里去掉密码，"
                               "另存为“Excel 工作簿（.xlsx）”后再导入", where=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except _DAMAGED:
        raise PolicyTableError("不是能读取的 Excel 文件（.xlsx）", where=path.name) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise PolicyTableError(f"文件解开后超过 {MAX_XLSX_UNPACKED_BYTES // MB} MB，不像是政策标准表，没有读取",
                               where=path.name)


def read_xlsx(path: Path) -> list[PolicyRow]:
    """Every value row of the sheet, checked. Raises :class:`PolicyTableError` naming the sheet,
    row and column of the first problem, or saying the file is damaged (not a zip, bad XML inside,
    a cell that is no number), protected by a password, or too large."""
    from openpyxl.utils.exceptions import InvalidFileException

    _check_file(path)
    try:
        return _read_rows(path)
    except (InvalidFileException, *_DAMAGED):
        raise PolicyTableError("Excel 文件已损坏，无法读取：请在 Excel 里打开并另存为 .xlsx 后再导入",
                               where=path.name) from None


def _read_rows(path: Path) -> list[PolicyRow]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        title = sheet.title
        rows: list[PolicyRow] = []
        names: list[str | None] | None = None
        for number, cells in _numbered_rows(sheet, title):
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if names is None:
                names = header_columns(cells, _header_locator(title, number))
                continue
            for i, cell in enumerate(cells):
                if (i >= len(names) or names[i] is None) and cell is not None and str(cell).strip():
                    raise PolicyTableError("这一格所在的列没有表头",
                                           where=f"工作表“{title}”第{number}行 {_letter(i)}列")
            row = {name: cell for name, cell in zip(names, cells, strict=False) if name is not None}
            positions = {name: i for i, name in enumerate(names) if name is not None}
            origin = f"工作表“{title}”第{number}行"

            def locate(column: str, origin: str = origin, positions: dict[str, int] = positions) -> str:
                where = f"{_letter(positions[column])}列" if column in positions else "（缺少此列）"
                return f"{origin} {where}（{COLUMNS[column]} {column}）"

            rows.append(parse_row(row, locate, origin))
        if names is None:
            raise PolicyTableError("工作表是空的：第一行应是表头", where=f"{path.name} 工作表“{title}”")
        return rows
    finally:
        book.close()


def _numbered_rows(sheet: Any, title: str) -> Iterable[tuple[int, tuple[Any, ...]]]:
    """(row number, cell values) of the sheet; a row openpyxl cannot read (a number cell holding
    "NaN" or 5000 digits, a date serial beyond the calendar) is named in the message."""
    rows = iter(sheet.iter_rows(values_only=True))
    number = 0
    while True:
        try:
            cells = next(rows)
            # the check of the cells' text below needs str() of each: 5000 digits cannot be written out
            for cell in cells:
                if isinstance(cell, int) and not isinstance(cell, bool) and abs(cell) >= 10**100:
                    raise ValueError(cell)
        except StopIteration:
            return
        except _DAMAGED:
            raise PolicyTableError("从这一行起无法读取：文件已损坏，或有一格数字格里不是数字（如 NaN）、"
                                   "位数过多，或日期超出范围", where=f"工作表“{title}”第{number + 1}行") from None
        number += 1
        yield number, cells


def write_xlsx(path: Path, rows: Iterable[PolicyRow], names: dict[str, str] | None = None) -> None:
    """A sheet in the import layout, filled with ``rows`` (may be empty), plus the item list."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    names = names or {}
    book = Workbook()
    sheet: Any = book.active
    sheet.title = SHEET
    columns = list(COLUMNS)
    sheet.append([f"{COLUMNS[c]} {c}" for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        sheet.append([
            row.region, row.region_name or names.get(row.region, ""), row.key,
            AREA_LABELS[row.area] if row.area else "", row.value, row.unit, row.effective_from,
            row.effective_to, "是" if row.is_default else "否", row.source, row.note,
        ])
    for i, column in enumerate(columns):
        letter = _letter(i)
        sheet.column_dimensions[letter].width = _WIDTHS[column]
        if column in ("effective_from", "effective_to"):
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"
        if column == "region":
            for cell in sheet[letter][1:]:
                cell.number_format = "@"
    sheet.freeze_panes = "A2"

    help_sheet: Any = book.create_sheet(HELP_SHEET)
    help_sheet.append(["项目代码 key", "项目名称", "单位 unit"])
    for spec in KEYS.values():
        help_sheet.append([spec.key, spec.label, " 或 ".join(spec.units)])
    help_sheet.append([])
    for line in _HELP_LINES:
        help_sheet.append([line])
    for letter, width in (("A", 34), ("B", 52), ("C", 20)):
        help_sheet.column_dimensions[letter].width = width

    last = 1000
    lists = {
        "key": f"'{HELP_SHEET}'!$A$2:$A${len(KEYS) + 1}",
        "area": '"城镇,农村,城乡通用"',
        "unit": '"' + ",".join(UNITS) + '"',
        "is_default": '"是,否"',
    }
    for column, formula in lists.items():
        letter = _letter(columns.index(column))
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)
    for column in ("effective_from", "effective_to"):
        letter = _letter(columns.index(column))
        check = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
        check.error = "请填写日期，例如 2023-07-01"
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)

