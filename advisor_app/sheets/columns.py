"""A chunk of rows read down its columns, and rows' values as JSON text, for long lists.

A list of 100,000 rows is read 500 rows at a time (:data:`advisor_app.store.department_evidence.CHUNK`).
:func:`read_columns` reads each field's cells down the column with the field's one reader
(:func:`advisor_app.sheets.values.reader`): one call per cell and no per-row dispatch over fields.
:class:`JsonObject` writes a row's values as the JSON object ``json.dumps(…, ensure_ascii=False,
sort_keys=True)`` writes for the same keys — the same text, character for character (the tests
compare both on many rows) — without building a dict and an encoder for every row.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring

from .cells import CellError
from .model import SheetRow

Reader = Callable[[object], object]


def read_columns(rows: Sequence[SheetRow], fields: Sequence[tuple[str, Reader]]
                 ) -> tuple[list[list[object]], dict[int, list[tuple[str, CellError]]]]:
    """Each field's values down the chunk (None where a cell is refused), and the refused cells by
    the row's index in ``rows``: (field name, error), in the order of ``fields``."""
    columns: list[list[object]] = []
    refused: dict[int, list[tuple[str, CellError]]] = {}
    for name, read in fields:
        out: list[object] = []
        append = out.append
        for i, row in enumerate(rows):
            try:
                append(read(row.values[name]))
            except CellError as exc:
                append(None)
                refused.setdefault(i, []).append((name, exc))
        columns.append(out)
    return columns, refused


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


__all__ = ["JsonObject", "read_columns"]
