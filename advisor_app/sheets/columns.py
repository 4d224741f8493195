"""A chunk of rows read down its columns, and rows' values as JSON text, for long lists.

A list of 100,000 rows is read 500 rows at a time (:data:`advisor_app.store.department_evidence.CHUNK`),
down its columns (:meth:`advisor_app.sheets.table.Table.chunks`). :func:`read_columns` reads each
field's cells with the field's one reader (:func:`advisor_app.sheets.values.reader`), a column in one
``map`` unless a cell of it is refused. :class:`JsonObject` writes rows' values as the JSON objects
``json.dumps(…, ensure_ascii=False, sort_keys=True)`` writes for the same keys — the same text,
character for character (the tests compare both on many rows) — without building a dict and an
encoder for every row: :meth:`JsonObject.encode_columns` encodes a column of text or numbers in one
pass and formats each row once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring

from .cells import CellError

Reader = Callable[[object], object]


def read_columns(columns: Sequence[Sequence[object]], readers: Sequence[tuple[str, Reader]]
                 ) -> tuple[list[list[object]], dict[int, list[tuple[str, CellError]]]]:
    """Each field's values down its column (``columns[k]`` read by ``readers[k]``; None where a
    cell is refused), and the refused cells by the row's index: (field name, error), in the order
    of ``readers``."""
    out: list[list[object]] = []
    refused: dict[int, list[tuple[str, CellError]]] = {}
    for (name, read), column in zip(readers, columns, strict=True):
        try:
            out.append(list(map(read, column)))  # most columns have no refused cell: one call for all
            continue
        except CellError:
            pass
        values: list[object] = []
        append = values.append
        for i, cell in enumerate(column):
            try:
                append(read(cell))
            except CellError as exc:
                append(None)
                refused.setdefault(i, []).append((name, exc))
        out.append(values)
    return out, refused


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


class JsonObject:
    """The JSON object of ``keys`` and a row's values in the same order (``encode(values)``)."""

    __slots__ = ("_keys", "_order", "_prefixes")

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = tuple(keys)
        self._order = sorted(range(len(self._keys)), key=lambda i: self._keys[i])
        self._prefixes = [("{" if j == 0 else ", ") + encode_basestring(self._keys[i]) + ": "
                          for j, i in enumerate(self._order)]

    def encode(self, values: Sequence[object]) -> str:
        if not self._order:
            return "{}"
        parts: list[str] = []
        append = parts.append
        for prefix, i in zip(self._prefixes, self._order, strict=True):
            v = values[i]
            append(prefix)
            if isinstance(v, str):  # in the order the encoder tries them: None, True, False, str, int, float
                append(encode_basestring(v))
            elif v is None:
                append("null")
            elif isinstance(v, int) and not isinstance(v, bool):
                append(int.__repr__(v))
            elif isinstance(v, float) and math.isfinite(v):
                append(float.__repr__(v))
            else:  # True, False, NaN and anything else: as the encoder writes it
                return _encode(dict(zip(self._keys, values, strict=True)))
        append("}")
        return "".join(parts)

    def encode_columns(self, columns: Sequence[Sequence[object]], count: int) -> list[str]:
        """The JSON object of each of ``count`` rows whose values are given down their columns (in the
        order of ``keys``): each column's values encoded at once where they are all text, or all
        numbers and blanks, then one formatting per row; rows of other values as :meth:`encode`."""
        if not self._order:
            return ["{}"] * count
        encoded = [_encoded(columns[i]) for i in self._order]
        if any(e is None for e in encoded):
            return [self.encode(row) for row in zip(*columns, strict=True)]
        template = "".join(p.replace("%", "%%") + "%s" for p in self._prefixes) + "}"
        return [template % row for row in zip(*encoded, strict=True)]


_TEXT = frozenset({str})
_TEXT_OR_BLANK = frozenset({str, type(None)})
_NUMBERS = frozenset({int, float, type(None)})


def _encoded(column: Sequence[object]) -> list[str] | None:
    """Each value of a column as JSON, or None when it holds values :meth:`JsonObject.encode` writes
    one by one (True, False, NaN, infinities, anything but text, numbers and None)."""
    kinds = set(map(type, column))
    if kinds <= _TEXT:
        return list(map(encode_basestring, column))  # type: ignore[arg-type]
    if kinds <= _TEXT_OR_BLANK:
        return ["null" if v is None else encode_basestring(v) for v in column]  # type: ignore[arg-type]
    if kinds <= _NUMBERS:
        if float in kinds and not all(math.isfinite(v) for v in column if type(v) is float):
            return None
        return ["null" if v is None else repr(v) for v in column]
    return None


__all__ = ["JsonObject", "read_columns"]
