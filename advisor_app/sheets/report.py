"""The error report of an import: an ``.xlsx`` with the header and, for every refused row, its cells
as they were in the file and a last column 错误说明 saying what to correct (row number, field and
problem). A clerk corrects the cells and imports the report itself again: its header is the
header of the list (a two-row header joined into one row), 错误说明 is a column no field reads.

Written with XlsxWriter (fast, constant memory): ID-number columns as text (format ``@`` and
strings, never numbers — a number keeps only 15 digits), dates as dates, numbers as numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from advisor_app.domain.errors import DomainError

from .table import Table

ERROR_COLUMN = "错误说明"
SUFFIX = "_错误报告.xlsx"


def report_path(source: Path, folder: Path | None = None) -> Path:
    """Beside the source file (or in ``folder``): ``名单_错误报告.xlsx``."""
    return (folder or source.parent) / f"{source.stem}{SUFFIX}"


def _id_text(value: object) -> str:
    """An ID number as text; one stored as a number as Excel shows it (15 significant digits)."""
    if isinstance(value, float) and value.is_integer():
        return format(Decimal(f"{value:.15g}"), "f")
    return "" if value is None else str(value)


def write_report(table: Table, mapping: Mapping[str, str | None], errors: Mapping[int, Iterable[str]],
                 out: Path) -> Path:
    """Write the report of ``errors`` (row number → messages) to ``out``; returns ``out``."""
    import xlsxwriter
    import xlsxwriter.exceptions

    text_columns = {i for i, h in enumerate(table.headers) if mapping.get(h) == "id_number"}
    try:
        workbook = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_numbers": False,
                                                  "strings_to_formulas": False, "strings_to_urls": False})
    except OSError as exc:
        raise DomainError(f"错误报告写不了：{exc.strerror or exc}", where=str(out)) from None
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    as_text = workbook.add_format({"num_format": "@"})
    as_date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    error_format = workbook.add_format({"font_color": "#C00000", "text_wrap": True})
    sheet = workbook.add_worksheet((table.sheet or "错误报告")[:31])
    headers = list(table.headers)
    # A report imported again: its 错误说明 column gets the new messages (not a second one).
    width = headers.index(ERROR_COLUMN) if ERROR_COLUMN in headers else len(headers)
    headers[width:] = [ERROR_COLUMN]
    for c in range(width):
        sheet.set_column(c, c, 22 if c in text_columns else 14, as_text if c in text_columns else None)
    sheet.set_column(width, width, 50)
    for c, h in enumerate(headers):
        sheet.write_string(0, c, h, bold)
    sheet.freeze_panes(1, 0)
    out_row = 1
    last = max(errors, default=0)
    for number, row in enumerate(table.book.rows(table.sheet), start=1):
        if number > last:
            break
        messages = errors.get(number)
        if messages is None:
            continue
        for c, value in enumerate(row[:width]):
            if c in text_columns:
                sheet.write_string(out_row, c, _id_text(value), as_text)
            elif isinstance(value, bool):
                sheet.write_boolean(out_row, c, value)
            elif isinstance(value, int | float):
                sheet.write_number(out_row, c, value)
            elif isinstance(value, dt.datetime | dt.date):
                sheet.write_datetime(out_row, c, value, as_date)
            elif value is not None and value != "":
                sheet.write_string(out_row, c, str(value))
        sheet.write_string(out_row, width, "；".join(messages), error_format)
        out_row += 1
    try:
        workbook.close()
    except (OSError, xlsxwriter.exceptions.FileCreateError) as exc:
        raise DomainError(f"错误报告写不了：{exc.strerror or exc}", where=str(out)) from None
    return out


__all__ = ["ERROR_COLUMN", "SUFFIX", "report_path", "write_report"]
