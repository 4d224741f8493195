"""A spreadsheet opened before its import, its sheet parsed in the background.

:func:`read_ahead` costs a command nothing it would not pay anyway: python-calamine parses a whole
sheet at once (about 1 s for 100,000 rows) and lets Python go on meanwhile, so the command loads
the importer and opens the profile (its key's derivation included) while the sheet is parsed, and
hands the opened file to :func:`.xlsx_import.import_sheet`. This module loads only the file layer.
"""

from __future__ import annotations

from pathlib import Path

from advisor_app.sheets.read import Book, SheetError, open_book

OpenedFile = Book


def read_ahead(path: str | Path, sheet: str | None = None) -> OpenedFile | None:
    """``path`` opened and ``sheet`` (the first when None) being parsed; None when the file cannot be
    opened — the import opens it again and says what is wrong, as it would have."""
    try:
        book = open_book(path)
    except (SheetError, OSError):
        return None
    book.read_ahead(sheet)
    return book


__all__ = ["OpenedFile", "read_ahead"]
