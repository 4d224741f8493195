"""Reading spreadsheets by their content: xlsx (with title rows, group headers over sub-headers,
blank rows, formulas, several sheets), CSV in UTF-8 / GB18030 with its separator sniffed, and every
file that is not one: text, a PDF, an empty file, a damaged zip, a password-protected workbook, an
old .xls that cannot be read. Header variants counties use; the values a department list's cells
are read as."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from advisor_app.domain import idcard
from advisor_app.sheets import values
from advisor_app.sheets.cells import CellError
from advisor_app.sheets.headers import FIELDS, find_header, normalise, suggest
from advisor_app.sheets.read import (
    DamagedFile,
    EmptyFile,
    EncryptedWorkbook,
    NoSuchSheet,
    NotASpreadsheet,
    SheetError,
    open_book,
)
from advisor_app.sheets.table import MissingColumn, apply_mapping, open_table

A = idcard.make("340104", dt.date(1985, 3, 12), 2)
B = idcard.make("340104", dt.date(1962, 7, 1), 15)
DISABILITY = FIELDS["disability"]


def xlsx(path: Path, rows: list[list[Any]], *, sheet: str = "名单", start: int = 0, before: dict[str, list[list[Any]]]
         | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    for name, other in (before or {}).items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(other):
            ws.write_row(r, 0, row)
    ws = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                ws.write_string(start + r, c, value)
            elif value is not None:
                ws.write(start + r, c, value)
    book.close()
    return path


def table_rows(path: Path, fields: Any = DISABILITY, **kw: Any) -> list[tuple[int, dict[str, object]]]:
    t = open_table(path, fields, **kw)
    return [(r.number, r.values) for r in t.rows(t.header.mapping)]


def test_title_rows_and_blank_rows_keep_excel_row_numbers(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [["蜀山区残疾人名册"], [], ["姓名", "身份证号", "残疾类别", "残疾等级"],
                                      ["吴晓霞", A, "肢体", "二级"], [], [None, None],
                                      ["王建国", B, "视力", 1]], start=2)
    t = open_table(path, DISABILITY)
    assert t.header.number == 5 and t.sheet == "名单"
    got = [(r.number, r.values["id_number"], r.values["name"]) for r in t.rows(t.header.mapping)]
    assert got == [(6, A, "吴晓霞"), (9, B, "王建国")]


def test_a_group_header_over_sub_headers_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.merge_range(0, 0, 0, 4, "残疾人名册（2024年）")
    ws.merge_range(1, 0, 2, 0, "序号")
    ws.merge_range(1, 1, 1, 2, "基本信息")
    ws.merge_range(1, 3, 1, 4, "残疾")
    ws.merge_range(1, 5, 2, 5, "发证日期")
    ws.write_row(2, 1, ["姓名", "公民身份号码", "类别", "等级"])
    ws.write_row(3, 0, [1, "吴晓霞", A, "肢体", "二级", "2020-05-01"])
    book.close()
    t = open_table(path, DISABILITY)
    assert t.header.number == 3 and t.header.rows_used == 2
    assert t.headers == ["序号", "基本信息·姓名", "基本信息·公民身份号码", "残疾·类别", "残疾·等级", "发证日期"]
    assert t.header.mapping == {"序号": None, "基本信息·姓名": "name", "基本信息·公民身份号码": "id_number",
                                "残疾·类别": "disability_kind", "残疾·等级": "disability_grade",
                                "发证日期": "certificate_date"}
    assert [r.number for r in t.rows(t.header.mapping)] == [4]


def test_formulas_give_their_saved_values(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["身份证号", "自付金额", "医疗总费用"])
    ws.write_string(1, 0, A)
    ws.write_formula(1, 1, "=C2*0.3", None, 1234.5)
    ws.write_number(1, 2, 4115)
    book.close()
    assert table_rows(path, FIELDS["medical"]) == [(2, {"id_number": A, "self_paid": 1234.5, "total_cost": 4115.0})]


def test_the_first_sheet_with_a_header_is_read_unless_one_is_named(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "s.xlsx", [["身份证号", "残疾类别", "残疾等级"], [A, "肢体", 2]],
                before={"说明": [["本表由残联提供"], ["请勿修改"]]})
    assert open_table(path, DISABILITY).sheet == "名单"
    assert open_book(path).sheet_names == ["说明", "名单"]
    with pytest.raises(MissingColumn, match="找不到表头"):
        open_table(path, DISABILITY, sheet="说明")
    with pytest.raises(NoSuchSheet, match="没有名为“汇总”的工作表"):
        open_table(path, DISABILITY, sheet="汇总")


def test_an_openpyxl_file_named_wrong_is_read_by_its_content(tmp_path: Path) -> None:
    book = Workbook()
    ws: Any = book.active
    ws.append(["证件号码", "残疾类型", "残疾级别", "办证日期"])
    ws.append([A, "视力残疾", "一级", dt.datetime(2021, 6, 1)])
    path = tmp_path / "list.dat"
    book.save(path)
    assert table_rows(path) == [(2, {"id_number": A, "disability_kind": "视力残疾", "disability_grade": "一级",
                                     "certificate_date": dt.date(2021, 6, 1)})]


@pytest.mark.parametrize(("encoding", "delimiter", "bom"), [("utf-8", ",", True), ("utf-8", ";", False),
                                                            ("gb18030", "\t", False), ("gb18030", ",", False)])
def test_csv_in_the_encodings_and_separators_excel_writes(tmp_path: Path, encoding: str, delimiter: str,
                                                          bom: bool) -> None:
    rows = [["姓名", "身份证号码", "残疾类别", "残疾等级"], ["吴晓霞", A, "肢体", "2"], ["", "", "", ""],
            ["王建国", B, "精神", "四级"]]
    text = "\n".join(delimiter.join(r) for r in rows)
    path = tmp_path / "list.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    rows = table_rows(path)
    assert [(n, v["id_number"], v["name"], v["disability_kind"]) for n, v in rows] == [
        (2, A, "吴晓霞", "肢体"), (4, B, "王建国", "精神")]


def test_header_variants_counties_use() -> None:
    for header in ("身份证号", "公民身份号码", "证件号码", "身份证号码", " 身份证号 ", "身份证号（18位）",
                   "*身份证号", "身份证号："):
        assert suggest([header], DISABILITY) == {header: "id_number"}, header
    medical = FIELDS["medical"]
    assert suggest(["个人自付（元）", "自付金额(元)", "结算期间", "就诊日期"], medical) == {
        "个人自付（元）": "self_paid", "自付金额(元)": None, "结算期间": "period", "就诊日期": None}
    assert suggest(["成员姓名", "残疾类型", "残疾等级", "发证日期"], DISABILITY) == {
        "成员姓名": "name", "残疾类型": "disability_kind", "残疾等级": "disability_grade",
        "发证日期": "certificate_date"}
    assert normalise("自付金额（元）") == normalise("自付金额") == normalise("自 付 金 额")
    assert suggest(["备注", "联系电话"], DISABILITY) == {"备注": None, "联系电话": None}


def test_a_remembered_mapping_wins_over_the_synonyms() -> None:
    known = {"残疾证上的类别": "disability_kind", "等级": None}
    assert suggest(["残疾证上的类别", "等级", "残疾等级"], DISABILITY, known) == {
        "残疾证上的类别": "disability_kind", "等级": None, "残疾等级": "disability_grade"}
    header = find_header([["说明"], ["身份证", "残疾证上的类别", "级别"]], DISABILITY, known)
    assert header is not None and header.number == 2
    assert header.mapping["残疾证上的类别"] == "disability_kind"


def test_a_mapping_given_corrects_the_suggestion() -> None:
    headers = ["身份证号", "类", "残疾等级", "备注"]
    suggested = suggest(headers, DISABILITY)
    given = {"类": "残疾类别", "残疾等级": None, "备注": "disability_grade"}
    used = apply_mapping(headers, suggested, given, DISABILITY)
    assert used == {"身份证号": "id_number", "类": "disability_kind", "残疾等级": None, "备注": "disability_grade"}
    with pytest.raises(Exception, match="找不到"):
        apply_mapping(headers, suggested, {"不存在的列": "name"}, DISABILITY)
    with pytest.raises(Exception, match="没有这一项"):
        apply_mapping(headers, suggested, {"类": "shoe_size"}, DISABILITY)


def test_a_required_column_missing_is_named(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "m.xlsx", [["姓名", "身份证号", "残疾类别"], ["吴晓霞", A, "肢体"]])
    t = open_table(path, DISABILITY)
    with pytest.raises(MissingColumn, match=r"缺少“残疾等级”列.*姓名、身份证号、残疾类别"):
        t.check(t.header.mapping)


def test_files_that_are_not_spreadsheets(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "blank.csv").write_bytes(b"\xef\xbb\xbf \r\n\r\n")
    (tmp_path / "scan.xlsx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>\nendobj\n")
    (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "binary.bin").write_bytes(bytes(range(1, 32)) * 200)
    with pytest.raises(EmptyFile, match="空的"):
        open_book(tmp_path / "empty.xlsx")
    with pytest.raises(EmptyFile, match="空的"):
        open_book(tmp_path / "blank.csv")
    for name in ("scan.xlsx", "photo.xlsx", "binary.bin"):
        with pytest.raises(NotASpreadsheet, match="不是表格文件"):
            open_book(tmp_path / name)
    with pytest.raises(NotASpreadsheet, match="文件夹"):
        open_book(tmp_path)


def test_a_damaged_workbook(tmp_path: Path) -> None:
    whole = xlsx(tmp_path / "whole.xlsx", [["身份证号", "残疾类别", "残疾等级"], [A, "肢体", 2]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(DamagedFile, match="损坏"):
        open_table(cut, DISABILITY)
    not_excel = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_excel, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(DamagedFile, match="损坏"):
        open_table(not_excel, DISABILITY)


def ole2(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding these streams, each padded
    to at least 4096 bytes so that it lives in ordinary sectors: FAT in sector 0, directory in 1."""
    sector = 512
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data = b""
    chains: list[tuple[str, int, int]] = []
    next_sector = 2
    for name, body in streams.items():
        padded = body + b"\x00" * (-len(body) % sector)
        count = len(padded) // sector
        chains.append((name, next_sector, len(body)))
        data += padded
        next_sector += count
    fat = [fat_sect, end]
    for _name, first, size in chains:
        count = -(-size // sector)
        fat += [first + i + 1 for i in range(count - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = free, right: int = free) -> bytes:
        raw = (name + "\x00").encode("utf-16-le")
        return (raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", free, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, end, 0, child=1 if chains else free)]
    for i, (name, first, size) in enumerate(chains):
        entries.append(entry(name, 2, first, size, right=i + 2 if i + 1 < len(chains) else free))
    directory = b"".join(entries).ljust(sector, b"\x00")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + data


def biff_record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def xls_workbook(rows: list[list[Any]]) -> bytes:
    """An old Excel 97–2003 workbook (BIFF8): one sheet of text and number cells."""
    def bof(kind: int) -> bytes:
        return biff_record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x0206))

    def label(r: int, c: int, text: str) -> bytes:
        return biff_record(0x0204, struct.pack("<HHHHB", r, c, 15, len(text), 1) + text.encode("utf-16-le"))

    def number(r: int, c: int, value: float) -> bytes:
        return biff_record(0x0203, struct.pack("<HHHd", r, c, 15, value))

    xf = biff_record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    name = "名单".encode("utf-16-le")
    sheet_cells = b"".join(label(r, c, v) if isinstance(v, str) else number(r, c, float(v))
                           for r, row in enumerate(rows) for c, v in enumerate(row))
    sheet = bof(0x0010) + biff_record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows)), 0)) \
        + sheet_cells + biff_record(0x000A, b"")
    padding = biff_record(0x005C, b" " * 4096)  # WRITEACCESS: keeps the stream out of the mini stream
    codepage = biff_record(0x0042, struct.pack("<H", 1200))
    globals_without_sheet = bof(0x0005) + codepage + padding + xf * 16
    boundsheet_len = len(biff_record(0x0085, struct.pack("<IBBBB", 0, 0, 0, 2, 1) + name))
    offset = len(globals_without_sheet) + boundsheet_len + 4
    boundsheet = biff_record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 2, 1) + name)
    return ole2({"Workbook": globals_without_sheet + boundsheet + biff_record(0x000A, b"") + sheet})


def test_an_old_xls_workbook_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(xls_workbook([["姓名", "身份证号", "残疾类别", "残疾等级"], ["吴晓霞", A, "肢体", 2]]))
    assert table_rows(path) == [(2, {"name": "吴晓霞", "id_number": A, "disability_kind": "肢体",
                                     "disability_grade": 2.0})]


def test_an_xls_that_cannot_be_read_says_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(ole2({"Nothing": b"not a workbook" * 400}))
    with pytest.raises(DamagedFile, match=r"另存为.*xlsx"):
        open_book(path)


def test_a_password_protected_workbook_says_to_save_it_without(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(ole2({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\x00" * 4096,
                           "EncryptedPackage": b"\x10\x00" * 2100}))
    with pytest.raises(EncryptedWorkbook, match=r"密码.*另存"):
        open_book(path)


@pytest.mark.parametrize(("value", "grade"), [(1, 1), (2.0, 2), ("三级", 3), ("4", 4), ("二级残疾", 2), ("第一级", 1),
                                              ("３级", 3)])
def test_disability_grades(value: object, grade: int) -> None:
    assert values.grade(value) == grade


@pytest.mark.parametrize("value", [0, 5, 2.5, "五级", "重度", True])
def test_grades_that_are_not_grades(value: object) -> None:
    with pytest.raises(CellError, match="残疾等级"):
        values.grade(value)


@pytest.mark.parametrize(("value", "kind"), [("肢体", "physical"), ("肢体残疾", "physical"), ("4", "physical"),
                                             (1, "visual"), ("精神残疾", "psychiatric"), ("多重", "multiple")])
def test_disability_kinds_as_the_app_codes(value: object, kind: str) -> None:
    assert values.disability_kind(value) == kind
    with pytest.raises(CellError, match="看不懂"):
        values.disability_kind("飞行")


def test_periods_keep_their_words_or_become_dates() -> None:
    assert values.period("2024年1-6月") == "2024年1-6月"
    assert values.period(dt.date(2024, 3, 5)) == values.period(45356) == values.period("2024/3/5") == "2024-03-05"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "身份证号,".encode()]),
       body=st.binary(max_size=3000), cut=st.integers(min_value=0, max_value=100))
def test_any_bytes_give_a_table_or_a_message(tmp_path: Path, prefix: bytes, body: bytes, cut: int) -> None:
    """Whatever a file holds — random bytes, a zip or OLE2 header over rubbish, a workbook cut
    short — reading it gives rows or a SheetError, never another exception."""
    whole = tmp_path / "whole.xlsx"
    if not whole.exists():
        xlsx(whole, [["身份证号", "残疾类别", "残疾等级"], [A, "肢体", 2]])
    data = whole.read_bytes()
    for content in (prefix + body, data[: len(data) * cut // 100]):
        path = tmp_path / "fuzz.xlsx"
        path.write_bytes(content)
        try:
            t = open_table(path, DISABILITY)
            list(t.rows(t.header.mapping))
        except SheetError:
            pass


def test_a_sheet_read_ahead_gives_the_same_rows_and_its_failure_at_the_first_read(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [["姓名", "身份证号", "残疾类别", "残疾等级"], ["甲", A, "肢体", "二级"]],
                before={"说明": [["这张表是说明"]]})
    plain = [list(r) for r in open_book(path).rows("名单")]
    book = open_book(path)
    book.read_ahead("名单")
    book.read_ahead("名单")  # a second call adds nothing
    assert [list(r) for r in book.rows("名单")] == plain
    assert [list(r) for r in book.rows("名单")] == plain  # kept: read twice, parsed once

    class Failing:
        def get_sheet_by_name(self, name: str) -> Any:
            from python_calamine import CalamineError
            raise CalamineError("unexpected end of file")

    broken = open_book(path)
    broken._workbook = Failing()
    broken.read_ahead()  # the first sheet: 说明
    with pytest.raises(DamagedFile, match="工作表“说明”读到一半出错"):
        list(broken.rows("说明"))
