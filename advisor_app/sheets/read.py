"""Opening a spreadsheet by what is in the file, not by its name, and reading its rows one at a time.

* ``PK`` (a zip): xlsx, xlsm, xlsb or ods; ``D0 CF 11 E0`` (an OLE2 compound file): an old ``.xls``
  workbook — or an xlsx saved with a password, which Office wraps in such a file with a stream
  called ``EncryptedPackage``. Both are read with python-calamine (about ten times faster than
  openpyxl's read-only mode: docs/excel.md has the figures); a formula's cell gives the value Excel
  saved with it.
* Anything else that is text is read as CSV: UTF-8 (with or without the BOM Excel writes), else
  GB18030 (what Excel on a Chinese Windows saves as "CSV"); the separator (``,`` ``;`` or tab) is
  sniffed from the first lines.

A :class:`Book` gives its sheet names and, for each sheet, its rows from row 1 as lists of cell
values (blank cells ``""``) — a generator, so a sheet of a million rows is never held twice. The
problems a person can fix (not a spreadsheet, a password, an empty or damaged file, a sheet name
that is not in the file) are :class:`SheetError` subclasses with a message saying what to do.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor_app.domain.errors import DomainError

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_NOT_TABLES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"7z\xbc\xaf", b"Rar!", b"\x1f\x8b", b"MZ")
_SNIFF = 64 * 1024
_OLE2_SCAN = 8 * 1024 * 1024  # the directory of an encrypted package sits near the start or the end


class SheetError(DomainError):
    """A file that cannot be read as a spreadsheet (the message says why and what to do)."""


class NotASpreadsheet(SheetError):
    pass


class EncryptedWorkbook(SheetError):
    pass


class EmptyFile(SheetError):
    pass


class DamagedFile(SheetError):
    pass


class NoSuchSheet(SheetError):
    pass


@dataclass(slots=True)
class Book:
    """An opened file: its sheets' names; :meth:`rows` reads one sheet."""

    path: Path
    format: str  # "workbook" (calamine) or "csv"
    sheet_names: list[str]
    encoding: str = "utf-8"
    delimiter: str = ","
    stamp: tuple[int, int] | None = None  # the file's (modification time in ns, size) when it was opened
    _workbook: object = field(default=None, repr=False)
    _sheets: dict[str, object] = field(default_factory=dict, repr=False)

    _ahead: dict[str, threading.Thread] = field(default_factory=dict, repr=False)

    def _sheet(self, name: str) -> Any:
        """The parsed sheet (calamine parses a whole sheet at once: once per sheet, kept)."""
        ahead = self._ahead.pop(name, None)
        if ahead is not None:
            ahead.join()
        found = self._sheets.get(name)
        if isinstance(found, BaseException):  # the read ahead failed: raised here, as a read would
            del self._sheets[name]
            raise found
        if found is None:
            found = self._sheets[name] = self._workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
        return found

    def unchanged(self) -> bool:
        """Whether the file on disk is still the one opened (not saved again since)."""
        return self.stamp is not None and _stamp(self.path) == self.stamp

    def read_ahead(self, name: str | None = None) -> None:
        """Start parsing a sheet (the first when ``name`` is None) in a thread of its own: calamine
        lets Python go on meanwhile, so a command opens the profile while the sheet is parsed.
        What it raises is raised by the first read of the sheet."""
        name = self.sheet_names[0] if name is None else name
        if self.format == "csv" or name not in self.sheet_names or name in self._sheets or name in self._ahead:
            return

        def parse() -> None:
            try:
                self._sheets[name] = self._workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
            except Exception as exc:
                self._sheets[name] = exc

        thread = self._ahead[name] = threading.Thread(target=parse, name="sheet-read-ahead", daemon=True)
        thread.start()

    def rows(self, name: str) -> Iterator[list[object]]:
        """The sheet's rows from row 1 (index 0 is Excel's row 1), every cell as read."""
        if name not in self.sheet_names:
            shown = "、".join(self.sheet_names)
            raise NoSuchSheet(f"文件里没有名为“{name}”的工作表（有：{shown}）", where=str(self.path))
        if self.format == "csv":
            return self._csv_rows()
        return self._workbook_rows(name)

    def height(self, name: str) -> int:
        """How many rows the sheet has (for the progress bar; CSV: its lines)."""
        if self.format == "csv":
            with self.path.open("rb") as f:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
        return int(self._sheet(name).total_height) + 1

    def merged_ranges(self, name: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Merged cells ((first row, first column), (last row, last column)), 0-based, columns
        counted from the sheet's first used column as :meth:`rows` gives them."""
        if self.format == "csv":
            return []
        sheet = self._sheet(name)
        ranges = getattr(sheet, "merged_cell_ranges", None) or []
        first = int(sheet.start[1]) if sheet.start else 0
        return [((a[0], a[1] - first), (b[0], b[1] - first)) for a, b in ranges]

    def _workbook_rows(self, name: str) -> Iterator[list[object]]:
        from python_calamine import CalamineError

        try:
            yield from self._sheet(name).iter_rows()
        except CalamineError as exc:
            raise DamagedFile(f"工作表“{name}”读到一半出错，文件可能已损坏：{exc}", where=str(self.path)) from None

    def _csv_rows(self) -> Iterator[list[object]]:
        with self.path.open("r", encoding=self.encoding, newline="") as f:
            try:
                for row in csv.reader(f, delimiter=self.delimiter):
                    yield list(row)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise DamagedFile(f"CSV 文件读到一半出错：{exc}", where=str(self.path)) from None


def open_book(path: str | Path) -> Book:
    """Open ``path`` by its content; a :class:`SheetError` when it is not a spreadsheet one can read."""
    path = Path(path)
    stamp = _stamp(path)
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF)
    except IsADirectoryError:
        raise NotASpreadsheet("这是一个文件夹，不是表格文件", where=str(path)) from None
    except OSError as exc:
        raise SheetError(f"打不开文件：{exc.strerror or exc}", where=str(path)) from None
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise EmptyFile("文件是空的，没有任何内容", where=str(path))
    if head.startswith(OLE2_MAGIC) and _encrypted(path):
        raise EncryptedWorkbook("这个 Excel 文件设置了打开密码，程序无法读取：请在 Excel 里打开它，"
                                "“文件 ▸ 信息 ▸ 保护工作簿 ▸ 用密码进行加密”清空密码后另存，再导入",
                                where=str(path))
    if head.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        book = _open_workbook(path, "xls" if head.startswith(OLE2_MAGIC) else "zip")
    else:
        book = _open_csv(path, head)
    book.stamp = stamp
    return book


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _encrypted(path: Path) -> bool:
    """An OLE2 file holding an ``EncryptedPackage`` stream (its name is in the directory, UTF-16)."""
    with path.open("rb") as f:
        start = f.read(_OLE2_SCAN)
        if ENCRYPTED_STREAM in start:
            return True
        f.seek(0, io.SEEK_END)
        size = f.tell()
        if size <= _OLE2_SCAN:
            return False
        f.seek(max(size - _OLE2_SCAN, 0))
        return ENCRYPTED_STREAM in f.read()


def _open_workbook(path: Path, container: str) -> Book:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        names = [m.name for m in workbook.sheets_metadata if str(m.typ).endswith("WorkSheet")] or \
            list(workbook.sheet_names)
    except calamine.PasswordError:
        raise EncryptedWorkbook("这个 Excel 文件设置了密码，程序无法读取：请在 Excel 里去掉密码后另存，再导入",
                                where=str(path)) from None
    except (calamine.CalamineError, ValueError, OSError) as exc:
        if container == "xls":
            raise DamagedFile("这个旧版 Excel（.xls）文件读不出来，可能已损坏：请在 Excel 或 WPS 里打开，"
                              f"“另存为”Excel 工作簿（.xlsx）后再导入（{exc}）", where=str(path)) from None
        raise DamagedFile(f"文件不是完整的 Excel / ODS 工作簿，可能已损坏或只下载了一部分（{exc}）",
                          where=str(path)) from None
    if not names:
        raise EmptyFile("工作簿里没有工作表", where=str(path))
    return Book(path, "workbook", names, _workbook=workbook)


def _open_csv(path: Path, head: bytes) -> Book:
    if b"\x00" in head or head.startswith(_NOT_TABLES):
        raise NotASpreadsheet("这不是表格文件（Excel 工作簿、ODS 或 CSV）：请选择从 Excel 或业务系统导出的表格",
                              where=str(path))
    encoding = "utf-8-sig"
    try:
        sample = head.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # the sniffed bytes cut a character in two
            sample = head[:exc.start].decode(encoding)
        else:
            encoding = "gb18030"
            try:
                sample = head.decode(encoding, errors="strict")
            except UnicodeDecodeError:
                raise NotASpreadsheet("这不是表格文件，也不是能读的文本（CSV）：请选择从 Excel 或业务系统导出的表格",
                                      where=str(path)) from None
    if sum(1 for ch in sample if ch < " " and ch not in "\t\r\n") > len(sample) // 100:
        raise NotASpreadsheet("这不是表格文件，也不是能读的文本（CSV）：请选择从 Excel 或业务系统导出的表格",
                              where=str(path))
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0 and len(lines) > 1 and not any("," in ln for ln in lines):
        delimiter = ","  # one column: still a table
    return Book(path, "csv", [path.stem or "CSV"], encoding=encoding, delimiter=delimiter)


__all__ = ["Book", "DamagedFile", "EmptyFile", "EncryptedWorkbook", "NoSuchSheet", "NotASpreadsheet",
           "SheetError", "open_book"]
