"""Limits on what comes from outside: file sizes, text lengths, and digits typed two ways.

Every file the app reads from outside (a household document, a policy table, a form definition, an
Excel sheet) is read through :func:`read_limited`, which stops at a size no real file of that kind
reaches (``/dev/zero`` or a 4 GB file by mistake gives a message instead of filling the memory).

ID numbers and region codes are digits; people type them with the full-width digits of a Chinese
input method (３４０１０４…, Ｘ) as often as with ASCII ones. :func:`ascii_digits` turns those into
ASCII at the domain boundary, so one person is one number however it was typed; other non-ASCII
digits (Arabic-Indic, Devanagari …) are left as they are and then refused by the checks, which
accept only ``0``–``9`` (:func:`is_ascii_digits`). :func:`shown` makes any text safe to quote in a
message (no lone surrogates, not a megabyte long). The limits are listed in docs/limits.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from .errors import DomainError

MB = 1024 * 1024
MAX_HOUSEHOLD_BYTES = 20 * MB  # a household document (the biggest real one, with years of visits, is < 1 MB)
MAX_POLICY_BYTES = 20 * MB  # a policy table, CSV or Excel (the shipped tables are a few KB)
MAX_FORM_BYTES = 1 * MB  # a form definition (the shipped ones are < 10 KB)
MAX_XLSX_UNPACKED_BYTES = 200 * MB  # what an Excel file may unpack to (a "zip bomb" stops here)
MAX_BUNDLE_BYTES = 256 * MB  # a sync bundle, all its parts together (10,000 households: a 1.5 MB bundle)
MAX_BUNDLE_UNPACKED_BYTES = 1024 * MB  # what a bundle may unpack to (10,000 households: 14 MB; a "zip bomb" stops here)
MAX_ENROL_BYTES = 1 * MB  # an enrolment request or answer (a real one is about 1 KB)

_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "Ｘ": "X", "ｘ": "x"})


class FileTooLarge(DomainError):
    """A file far larger than any real file of its kind."""


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refused with :class:`FileTooLarge` when there are more than ``limit``;
    :class:`DomainError` when it cannot be read (``what``: "家庭文件", named in the message)."""
    try:
        with open(path, "rb") as handle:
            return read_stream_limited(handle, limit, what, str(path))
    except OSError as exc:
        raise DomainError(f"无法读取文件：{exc.strerror or exc}", where=str(path)) from None


def read_stream_limited(stream: BinaryIO, limit: int, what: str, where: str) -> bytes:
    """:func:`read_limited` of an open stream (standard input)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"{what}太大（超过 {limit // MB} MB），不像是正确的文件，没有读取", where=where)
    return data


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits ０-９ and Ｘ/ｘ as ASCII (``３４０１０４`` → ``340104``)."""
    return text.translate(_FULL_WIDTH)


def is_ascii_digits(text: str) -> bool:
    """True when ``text`` is one or more of the ASCII digits 0-9 (``str.isdigit`` also takes ٣ and ３)."""
    return text.isascii() and text.isdigit()


SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds half of a UTF-16 pair (``"\\ud800"`` in JSON): it cannot be saved."""
    return not text.isascii() and SURROGATE.search(text) is not None


def shown(text: object, limit: int = 40) -> str:
    """``text`` as it may be quoted in a message: lone surrogates and control characters as �, at
    most ``limit`` characters."""
    if isinstance(text, str):
        value = text
    elif isinstance(text, list | dict):
        value = "[…]" if isinstance(text, list) else "{…}"
    elif isinstance(text, int) and not isinstance(text, bool):
        value = _int_text(text)
    else:
        value = repr(text)
    value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" or ch < " " or ch == "\x7f" else ch
                    for ch in value[:limit + 1])
    return value if len(value) <= limit else value[:limit] + "…"


def _int_text(value: int) -> str:
    return str(value) if abs(value) < 10**30 else f"一个 {value.bit_length() * 30103 // 100000 + 1} 位左右的数"
