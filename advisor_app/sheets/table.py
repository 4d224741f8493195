"""A sheet as a table of one kind of list: which sheet, its header row, the mapping of its headers to
fields, and its data rows as :class:`~.model.SheetRow` — streamed, blank rows skipped, each with
its number as Excel shows it.

With several sheets, the first whose header matches the kind's fields is taken, unless ``sheet``
names one. A file with no such header, or a header without a required field's column, is a
:class:`~.read.SheetError` naming the columns found (the command's exit code 2).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import cells
from .headers import HEADER_SCAN, HeaderRow, find_header, normalise
from .model import Chunk, Field, SheetRow
from .read import Book, EmptyFile, SheetError, open_book


class MissingColumn(SheetError):
    pass


@dataclass(slots=True)
class Table:
    book: Book
    sheet: str
    header: HeaderRow
    fields: list[Field]

    @property
    def headers(self) -> list[str]:
        return self.header.headers

    def columns(self, mapping: Mapping[str, str | None]) -> dict[str, int]:
        """Field name → column index, for the fields the mapping reads."""
        out: dict[str, int] = {}
        for i, h in enumerate(self.headers):
            name = mapping.get(h)
            if h and name and name not in out:
                out[name] = i
        return out

    def check(self, mapping: Mapping[str, str | None]) -> None:
        """Refuse a mapping that leaves out a required field."""
        have = self.columns(mapping)
        missing = [f.label for f in self.fields if f.required and f.name not in have]
        if missing:
            found = "、".join(h for h in self.headers if h) or "（没有）"
            raise MissingColumn(f"工作表“{self.sheet}”缺少“{'”“'.join(missing)}”列"
                                f"（第 {self.header.number} 行的表头是：{found}）："
                                "请加上这一列，或在导入时指明哪一列是它",
                                where=str(self.book.path))

    def _data_rows(self) -> Iterator[tuple[int, list[object]]]:
        """(number, cells) of each row below the header, blank rows left out."""
        is_blank = cells.is_blank
        below = itertools.islice(enumerate(self.book.rows(self.sheet), start=1), self.header.number, None)
        for number, row in below:
            if not row or (is_blank(row[0]) and all(is_blank(v) for v in row)):
                continue
            yield number, row

    def rows(self, mapping: Mapping[str, str | None]) -> Iterator[SheetRow]:
        """The data rows below the header, blank rows left out."""
        columns = list(self.columns(mapping).items())
        names = [name for name, _i in columns]
        wanted = max((i for _name, i in columns), default=-1)
        pick = operator.itemgetter(*(i for _name, i in columns)) if len(columns) > 1 else None
        for number, row in self._data_rows():
            if pick is not None and len(row) > wanted:  # every column there: picked in one call
                yield SheetRow(number, dict(zip(names, pick(row), strict=False)), row)  # as many: not checked again
                continue
            width = len(row)
            yield SheetRow(number, {name: (row[i] if i < width else None) for name, i in columns}, row)

    def chunks(self, mapping: Mapping[str, str | None], size: int) -> Iterator[Chunk]:
        """The same rows as :meth:`rows`, ``size`` at a time, read down the mapped columns (a long
        list's import reads each field's cells down its column: no dict per row)."""
        columns = list(self.columns(mapping).items())
        wanted = max((i for _name, i in columns), default=-1)
        data = self._data_rows()
        while block := list(itertools.islice(data, size)):
            rows = [row for _number, row in block]
            if min(map(len, rows)) > wanted:  # every column there (a workbook's rows are all as wide)
                down = {name: list(map(operator.itemgetter(i), rows)) for name, i in columns}
            else:
                down = {name: [row[i] if i < len(row) else None for row in rows] for name, i in columns}
            yield Chunk([number for number, _row in block], down)

    def first_rows(self, count: int) -> list[list[object]]:
        """Up to ``count`` data rows (for a preview)."""
        out = []
        for r in self.rows({h: None for h in self.headers}):
            out.append(r.cells)
            if len(out) >= count:
                break
        return out

    def height(self) -> int:
        """About how many data rows there are (the progress bar's total)."""
        return max(self.book.height(self.sheet) - self.header.number, 0)


def apply_mapping(headers: Sequence[str], suggested: Mapping[str, str | None], given: Mapping[str, str | None],
                  fields: Sequence[Field]) -> dict[str, str | None]:
    """The suggestion with the user's choices over it. ``given`` keys are headers (as shown, or as a
    sub-header under a group), its values field names or labels, or None to leave a column out."""
    by_word = {normalise(w): f.name for f in fields for w in (f.name, f.label)}
    keys = {normalise(h): h for h in headers if h}
    keys.update({normalise(h.rpartition("·")[2]): h for h in headers if h and "·" in h})
    out = dict(suggested)
    for header, wanted in given.items():
        h = keys.get(normalise(header))
        if h is None:
            raise SheetError(f"对照表里的表头“{header}”在表里找不到（表头是：{'、'.join(x for x in headers if x)}）")
        if wanted is None or not str(wanted).strip():
            out[h] = None
            continue
        name = by_word.get(normalise(wanted))
        if name is None:
            labels = "、".join(f"{f.label}（{f.name}）" for f in fields)
            raise SheetError(f"对照表把“{header}”对到“{wanted}”，但没有这一项：可用的有 {labels}")
        for other, v in out.items():
            if v == name and other != h:
                out[other] = None  # a field is read from one column
        out[h] = name
    return out


def open_table(path: str | Path, fields: list[Field], *, sheet: str | None = None,
               known: Mapping[str, str | None] | None = None, book: Book | None = None) -> Table:
    """Open the file (or take ``book``, the same file opened before) and find the table of ``fields`` in it."""
    book = open_book(path) if book is None else book
    names = [sheet] if sheet is not None else book.sheet_names
    empty = True
    for name in names:
        first = list(itertools.islice(book.rows(name), HEADER_SCAN))
        if any(not cells.is_blank(v) for r in first for v in r):
            empty = False
        header = find_header(first, fields, known, book.merged_ranges(name)) if first else None
        if header is not None:
            return Table(book, name, header, fields)
    if empty:
        which = f"工作表“{sheet}”" if sheet is not None else "文件里的工作表"
        raise EmptyFile(f"{which}是空的，没有数据", where=str(path))
    wanted = "、".join(f.label for f in fields if f.required) or "、".join(f.label for f in fields)
    raise MissingColumn(f"在前 {HEADER_SCAN} 行里找不到表头（应有“{wanted}”等列）：请检查是不是选错了文件或名单种类",
                        where=str(path))


__all__ = ["MissingColumn", "Table", "apply_mapping", "open_table"]
