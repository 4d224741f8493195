"""The ledger writer (advisor_app.sheets.write): files opened again with openpyxl, cell by cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from advisor_app.sheets.write import (
    COUNT,
    DATE,
    ID_NUMBER,
    MONEY,
    Column,
    LedgerBook,
    display_width,
    sheet_name,
)

COLUMNS = [Column("姓名"), Column("身份证号", ID_NUMBER), Column("走访日期", DATE), Column("金额（元）", MONEY),
           Column("人口", COUNT), Column("说明")]
ID = "34010419880314002X"


def write(tmp_path: Path, rows: list[list[object]], *, columns: list[Column] = COLUMNS) -> Path:
    path = tmp_path / "book.xlsx"
    book = LedgerBook(path, tmpdir=tmp_path)
    sheet = book.sheet("台账", columns, "救助帮扶台账　合肥市蜀山区　导出日期：2026-11-01")
    for row in rows:
        sheet.append(row)
    book.close()
    return path


def test_cells_are_typed_and_formatted(tmp_path: Path) -> None:
    path = write(tmp_path, [["吴晓霞", ID, dt.date(2026, 3, 5), 1234.5, 2, "轮椅"],
                            ["吴小诚", "340104200905200134", None, 0, 1, None]])
    ws = load_workbook(path).active
    assert ws["A1"].value == "救助帮扶台账　合肥市蜀山区　导出日期：2026-11-01"
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == [c.header for c in COLUMNS]
    assert ws["A2"].font.b
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:F4"
    number = ws["B3"]
    assert number.value == ID and number.data_type == "s" and number.number_format == "@"
    assert ws["B4"].value == "340104200905200134" and ws["B4"].data_type == "s"  # all digits: still text
    day = ws["C3"]
    assert day.is_date and day.value == dt.datetime(2026, 3, 5) and day.number_format == "yyyy-mm-dd"
    assert ws["C4"].value is None
    money = ws["D3"]
    assert money.value == 1234.5 and money.data_type == "n" and money.number_format == "0.00"
    assert ws["D4"].value == 0 and ws["D4"].number_format == "0.00"  # zero is an amount, not a blank
    assert ws["E3"].value == 2 and ws["E3"].data_type == "n"
    assert ws["F4"].value is None
    assert ws.max_row == 4
    import zipfile

    import xlsxwriter.workbook  # type: ignore[import-untyped]

    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # packed at our level, then given back
    with zipfile.ZipFile(path) as packed:
        assert packed.testzip() is None


def test_widths_follow_headers_and_the_first_rows(tmp_path: Path) -> None:
    long = "安徽省合肥市蜀山区莲花社区明珠华庭12栋301室"
    path = write(tmp_path, [["吴晓霞", ID, None, None, None, long]])
    ws = load_workbook(path).active
    assert ws.column_dimensions["F"].width >= display_width(long)
    assert ws.column_dimensions["B"].width >= len(ID)
    assert ws.column_dimensions["A"].width < ws.column_dimensions["F"].width


def test_text_stays_text(tmp_path: Path) -> None:
    odd = ["=1+1", "007", "  两边有空格 ", "a&b<c>", "吴\x01晓\x1f霞\t", "_x0041_", "x" * 40000]
    path = write(tmp_path, [[value, None, None, None, None, None] for value in odd])
    ws = load_workbook(path).active
    got = [ws.cell(row=r, column=1) for r in range(3, 3 + len(odd))]
    assert all(c.data_type == "s" for c in got)  # no formula, no number
    values = [c.value for c in got]
    assert values[:4] == ["=1+1", "007", "  两边有空格 ", "a&b<c>"]
    assert values[4] == "吴晓霞\t"  # control characters cannot be stored: dropped; a tab stays
    assert values[5] == "_x005F_x0041_"  # stored escaped, so that Excel does not read it as "A" …
    from python_calamine import CalamineWorkbook

    decoded = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert decoded[7][0] == "_x0041_"  # … as a reader that decodes like Excel shows
    assert values[6] == "x" * 32767  # Excel's limit for one cell


def test_several_sheets_side_by_side_and_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    book = LedgerBook(path, tmpdir=tmp_path)
    first = book.sheet("七星村", COLUMNS[:2], "七星村")
    second = book.sheet("光明/村", COLUMNS[:2], "光明村")
    book.sheet("七星村", COLUMNS[:2], "又一个")  # same name again: made unique
    first.append(["甲", ID])
    second.append(["乙", ID])
    first.append(["丙", ID])
    book.close()
    wb = load_workbook(path)
    assert wb.sheetnames == ["七星村", "光明_村", "七星村（2）"]
    assert [r[0] for r in wb["七星村"].iter_rows(min_row=3, values_only=True)] == ["甲", "丙"]
    assert [r[0] for r in wb["光明_村"].iter_rows(min_row=3, values_only=True)] == ["乙"]
    empty = wb["七星村（2）"]
    assert empty.max_row == 2 and empty.auto_filter.ref == "A2:B2" and empty.freeze_panes == "A3"


def test_a_discarded_book_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    book = LedgerBook(path, tmpdir=scratch)
    book.sheet("a", COLUMNS, "t").append(["甲", ID, None, 1, 1, ""])
    book.discard()
    assert not path.exists()
    for f in scratch.iterdir():
        f.unlink()  # closed: removable (on Windows too)


def test_rows_must_fit_the_columns(tmp_path: Path) -> None:
    book = LedgerBook(tmp_path / "b.xlsx", tmpdir=tmp_path)
    sheet = book.sheet("a", COLUMNS, "t")
    with pytest.raises(ValueError):
        sheet.append(["too few"])
    with pytest.raises(TypeError):
        sheet.append(["甲", ID, "2026-03-05", None, None, None])  # a date column takes dates only
    book.discard()


def test_sheet_names() -> None:
    taken: set[str] = set()
    assert sheet_name("", taken) == "Sheet"
    assert sheet_name("a" * 40, taken) == "a" * 31
    assert sheet_name("A" * 40, taken) == "A" * 28 + "（2）"  # names differ in case only: taken
    assert sheet_name("[x]:*?", taken) == "_x____"
