"""Ledgers (台账) as ``.xlsx`` files formatted for people, written row by row.

Written with XlsxWriter in its ``constant_memory`` mode: each sheet's rows go to a temporary file as
they come (one row in memory at a time), so a ledger of 100,000 households needs no more memory than
one of ten, and writing is three to four times faster than openpyxl's write-only mode
(``benchmarks/xlsx_export.py``). The temporary files go to the folder the caller names (``tmpdir``:
the scratch folder beside the target, :mod:`advisor_app.services.scratch`), never to the system's.

Every sheet has

* a title row (row 1, merged over the columns: the ledger's name, the region and village, the date),
* a header row (row 2: bold on a grey ground, wrapped, with borders), frozen so it stays in view, and
  an autofilter over the header and the rows,
* column widths from the header and the first rows (Chinese characters count double),
* typed cells by the column's :class:`Column` kind: ``id_number`` and ``text`` cells are strings
  (an ID number is never a number: a spreadsheet keeps only 15 digits of one; ``id_number`` cells
  also carry the text format "@", so a number typed over one stays text), ``date`` cells are dates
  (Excel's day numbers with the format ``yyyy-mm-dd``), ``money`` cells are numbers in yuan with the
  format ``0.00``, ``count`` cells whole numbers. ``None`` leaves a cell empty.

Text is written as text even when it looks like a formula or a number (``=1+1``, ``007``): a ledger
never computes anything from what advisors typed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter  # (no type hints: pyproject.toml lets mypy treat it as Any)
import xlsxwriter.workbook
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from .cells import EXCEL_EPOCH

TEXT, ID_NUMBER, DATE, MONEY, COUNT = "text", "id_number", "date", "money", "count"
KINDS = (TEXT, ID_NUMBER, DATE, MONEY, COUNT)
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "0.00"
_DEFAULT_WIDTH = {TEXT: 10.0, ID_NUMBER: 20.0, DATE: 11.0, MONEY: 10.0, COUNT: 6.0}
MAX_WIDTH = 50.0
SAMPLED_ROWS = 200  # widths are measured on the first rows only (the rest are streamed to disk)
HEADER_ROW = 1  # 0-based: the title is row 0
FIRST_DATA_ROW = 2
MAX_ROWS = 1_048_576  # Excel's limit per sheet
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()


ZIP_LEVEL = 1
"""zlib's level for the package: 1 packs a ledger two to three times faster than zlib's default (6),
for a file about a third larger (100,000 households: ≈ 7 MB instead of 5.4 MB)."""
_zip_lock = threading.Lock()


class _LedgerZip(zipfile.ZipFile):
    """The zip file XlsxWriter packs the workbook into, at :data:`ZIP_LEVEL`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", ZIP_LEVEL)
        super().__init__(*args, **kwargs)


class SheetFull(ValueError):
    """More rows than one Excel sheet holds (1,048,576)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a ledger: its header, the kind of its cells (:data:`KINDS`) and, optionally, a
    width in characters (0: from the header and the first rows)."""

    header: str
    kind: str = TEXT
    width: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def display_width(text: str) -> float:
    """How wide ``text`` shows in a spreadsheet column, in characters (a Chinese character counts 2)."""
    return float(sum(2 if ord(c) > 0x2E7F else 1 for c in text))


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unused sheet name for ``wanted`` (no ``[]:*?/\\``, at most 31 characters, not empty,
    unique ignoring case); adds it to ``taken``."""
    base = _SHEET_NAME_BAD.sub("_", wanted).strip("'").strip() or "Sheet"
    name, n = base[:31], 1
    while name.lower() in taken:
        n += 1
        suffix = f"（{n}）"
        name = base[:31 - len(suffix)] + suffix
    taken.add(name.lower())
    return name


class LedgerBook:
    """One workbook being written to ``path`` (temporary files in ``tmpdir``). Add sheets with
    :meth:`sheet`, fill each with :meth:`LedgerSheet.append`, then :meth:`close` (writes the file) or
    :meth:`discard` (writes nothing). Sheets may be filled one after another or side by side."""

    def __init__(self, path: Path, *, tmpdir: Path) -> None:
        self.path = path
        self.book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "tmpdir": str(tmpdir), "strings_to_numbers": False,
            "strings_to_formulas": False, "strings_to_urls": False})
        self._names: set[str] = set()
        self.sheets: list[LedgerSheet] = []
        add = self.book.add_format
        self.formats = {
            "title": add({"bold": True, "font_size": 14, "align": "left", "valign": "vcenter"}),
            "header": add({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True,
                           "align": "center", "valign": "vcenter"}),
            ID_NUMBER: add({"num_format": "@"}),
            DATE: add({"num_format": DATE_FORMAT}),
            MONEY: add({"num_format": MONEY_FORMAT}),
            COUNT: add({"num_format": "0"}),
        }

    def sheet(self, name: str, columns: Sequence[Column], title: str) -> LedgerSheet:
        """A new sheet named ``name`` (made valid and unique) with a title row and a header row."""
        if not columns:
            raise ValueError("a ledger sheet needs columns")
        worksheet = self.book.add_worksheet(sheet_name(name, self._names), worksheet_class=_StreamedSheet)
        made = LedgerSheet(self, worksheet, columns, title)
        self.sheets.append(made)
        return made

    def close(self) -> None:
        """Finish every sheet and write the file."""
        for s in self.sheets:
            s.finish()
        if not self.sheets:  # an empty workbook is not a valid file
            raise ValueError("a ledger needs at least one sheet")
        # XlsxWriter has no option for the level: its module's ZipFile is ours while it packs (under a
        # lock: one workbook at a time; nothing else in the app writes with XlsxWriter).
        with _zip_lock:
            module = xlsxwriter.workbook
            previous, module.ZipFile = module.ZipFile, _LedgerZip
            try:
                self.book.close()
            finally:
                module.ZipFile = previous

    def discard(self) -> None:
        """Give up: the sheets' temporary files are closed (the caller removes its scratch folder)."""
        for worksheet in self.book.worksheets():
            close = getattr(worksheet, "_opt_close", None)  # XlsxWriter's own end of a constant_memory sheet
            if close is not None:
                close()


class _StreamedSheet(Worksheet):  # type: ignore[misc]  # (a class without type hints)
    """XlsxWriter's worksheet with one addition: a whole row of cells given as its XML.

    In ``constant_memory`` mode XlsxWriter writes each row's XML to the sheet's temporary file when
    the next row begins; its per-cell path (checks, a cell object, the XML built attribute by
    attribute) costs ≈ 3 µs a cell, 5 s for 100,000 households. After :meth:`begin_rows` each row
    comes as the same XML (``<row r=…><c r=… s=… t="inlineStr"><is><t>…</t></is></c>…</row>``) in
    one piece; :meth:`end_rows` keeps the sheet's dimensions, so that everything else (styles, the
    merged title, panes, filter, widths, the package) stays XlsxWriter's. Tested against the locked
    XlsxWriter version by opening the files."""

    def begin_rows(self, row: int) -> Callable[[str], object]:
        """Rows from ``row`` on come as XML (``<row r=…>…</row>``, in order): returns the function
        that writes one. The row written before (the header) goes out first."""
        if row <= self.previous_row:
            raise ValueError("rows are written in order")
        self._write_single_row(row)
        write: Callable[[str], object] = self.fh.write
        return write

    def end_rows(self, last_row: int, last_col: int) -> None:
        """The rows given as XML ended at ``last_row``: the sheet's dimensions include them."""
        self._check_dimensions(last_row, last_col)
        self.previous_row = last_row


_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9a-fA-F]{4}_")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML: a cell cannot hold them
MAX_TEXT = 32767  # characters of one cell


def _xml_text(value: str) -> str:
    """``value`` as the content of an inline string cell: control characters dropped (as openpyxl
    did; tab and line breaks stay), escaped for XML, a literal ``_x0041_`` kept literal (Excel would
    read it as an escape), cut at Excel's length limit."""
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if _SPECIAL.search(value):
        value = _CONTROL.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        value = Worksheet._escape_control_characters(value)  # only the literal escapes are left to mark
    return value


class LedgerSheet:
    """A sheet of a :class:`LedgerBook`: rows appended in order, one value per column."""

    def __init__(self, book: LedgerBook, worksheet: _StreamedSheet, columns: Sequence[Column], title: str) -> None:
        self.worksheet = worksheet
        self.columns = tuple(columns)
        self.rows = 0  # data rows written
        self._finished = False
        self._widths = [c.width or max(_DEFAULT_WIDTH[c.kind], min(display_width(c.header) + 2, MAX_WIDTH))
                        for c in self.columns]
        self._measure = [not c.width and c.kind in (TEXT, ID_NUMBER) for c in self.columns]
        formats = book.formats
        self._last = last = len(self.columns) - 1
        ws = worksheet
        ws.set_row(0, 24)
        if last:
            ws.merge_range(0, 0, 0, last, title, formats["title"])
        else:
            ws.write_string(0, 0, title, formats["title"])
        ws.set_row(HEADER_ROW, 30)
        for col, column in enumerate(self.columns):
            ws.write_string(HEADER_ROW, col, column.header, formats["header"])
        ws.freeze_panes(FIRST_DATA_ROW, 0)
        # Per column: its letter, its style attribute and the kind of its cells (0 text, 1 date, 2 number).
        self._cells: list[tuple[str, str, int]] = []
        for col, column in enumerate(self.columns):
            fmt = formats.get(column.kind)
            style = f' s="{fmt._get_xf_index()}"' if fmt is not None else ""
            code = 0 if column.kind in (TEXT, ID_NUMBER) else 1 if column.kind == DATE else 2
            self._cells.append((xl_col_to_name(col), style, code))
        self._write: Callable[[str], object] | None = None

    def append(self, values: Sequence[Any]) -> None:
        """Write one row (``values`` in column order; ``None`` or "" leaves the cell empty)."""
        if self._finished:
            raise ValueError("the sheet is finished")
        if len(values) != len(self._cells):
            raise ValueError(f"{len(values)} values for {len(self._cells)} columns")
        if self.rows >= MAX_ROWS - FIRST_DATA_ROW:
            raise SheetFull(f"a sheet holds at most {MAX_ROWS} rows")
        r = FIRST_DATA_ROW + self.rows + 1  # as the file numbers rows (from 1)
        if self._write is None:
            self._write = self.worksheet.begin_rows(r - 1)
        parts = [f'<row r="{r}">']
        add = parts.append
        special = _SPECIAL.search
        for (letter, style, code), value in zip(self._cells, values, strict=False):  # (lengths checked above)
            if value is None or value == "":
                continue
            if code == 0:
                if value.__class__ is not str:
                    value = str(value)
                if len(value) > MAX_TEXT or special(value):
                    value = _xml_text(value)
                    if not value:
                        continue
                if value.strip() != value:  # leading or trailing spaces are kept only when marked
                    add(f'<c r="{letter}{r}"{style} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>')
                else:
                    add(f'<c r="{letter}{r}"{style} t="inlineStr"><is><t>{value}</t></is></c>')
            elif code == 1:
                shown = str(value.toordinal() - _EPOCH_ORDINAL) if value.__class__ is dt.date else _day_text(value)
                add(f'<c r="{letter}{r}"{style}><v>{shown}</v></c>')
            else:
                cls = value.__class__
                shown = str(value) if cls is int else repr(value) if cls is float and value - value == 0 \
                    else _number_text(value)
                add(f'<c r="{letter}{r}"{style}><v>{shown}</v></c>')
        add("</row>")
        self._write("".join(parts))
        if self.rows < SAMPLED_ROWS:
            for col, value in enumerate(values):
                if self._measure[col] and isinstance(value, str):
                    self._widths[col] = min(max(self._widths[col], display_width(value) + 2), MAX_WIDTH)
        self.rows += 1

    def finish(self) -> None:
        """Set the widths and the filter (at the end: the rows are known then)."""
        if self._finished:
            return
        self._finished = True
        ws = self.worksheet
        if self.rows:
            ws.end_rows(HEADER_ROW + self.rows, self._last)
        for col, width in enumerate(self._widths):
            ws.set_column(col, col, width)
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + self.rows, len(self.columns) - 1)


def _day_text(value: dt.date) -> str:
    """Excel's number of a date (days since 1899-12-30; a date and time: with the day's fraction)."""
    if isinstance(value, dt.datetime):
        midnight = value.replace(hour=0, minute=0, second=0, microsecond=0)
        return _number_text(value.toordinal() - _EPOCH_ORDINAL + (value - midnight).total_seconds() / 86400)
    if not isinstance(value, dt.date):
        raise TypeError(f"a date column got {type(value).__name__}")  # (a sheet already begun is discarded)
    return str(value.toordinal() - _EPOCH_ORDINAL)


def _number_text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    return f"{number:.16G}"


__all__ = ["COUNT", "DATE", "DATE_FORMAT", "ID_NUMBER", "KINDS", "MONEY", "MONEY_FORMAT", "TEXT", "Column",
           "LedgerBook", "LedgerSheet", "SheetFull", "display_width", "sheet_name"]
