"""Every log record the app writes is masked: no ID number, phone number or name reaches a log.

One function, :func:`install`, called at the start of the desktop app and of every CLI command,
makes every record of every logger pass through :func:`mask_record` (a record factory, so a handler
added later, a library's logger or ``warnings`` turned into log records are covered too; the
:class:`MaskingFilter` on the root logger and on the log file's handler does the same for records
made some other way). What it does:

* **ID numbers** (居民身份证号) anywhere in the text — 18 characters (the last may be X), the old
  15-digit ones, with full-width or other Unicode digits (written as ASCII digits once masked),
  spaces or hyphens between the groups, inside Chinese text — keep their first 6 and last 4
  characters: ``340104********0026`` (15 digits: ``340104*****1234``). Six digits name a county
  and four do not name a person; the birth date in between is what makes a number personal.
* **Phone numbers**: mobile numbers keep the first 3 and last 4 digits (``138****5678``), with or
  without +86 and separators; landlines keep the area code and the last 4 (``0551-****6789``).
  Any other run of 10 or more digits (a bank card, an ID number typed wrong) keeps only its last 4.
* **Names** cannot be found by a pattern (吴晓霞 is three characters like any other). So the
  app never puts record contents into a log message: a message is a constant template written in
  the code (a test checks that no logging call formats its own text), and every value put into it
  — an argument, an exception's message, a warning's text — has each Chinese character replaced by
  ``*`` (:func:`mask_value`). The templates keep their words. A name written in Latin letters
  (pinyin) is not recognised: the app does not keep names that way.
* **Exceptions** are logged as their type, their traceback's frames (file, line, function, source
  line — never a frame's local variables) and a masked message (:func:`format_exception`). A record
  problem (:class:`~advisor_app.domain.errors.InvalidRecord`) is logged as the fields concerned
  (``members[1].id_number``), not its message, which names the member by design.

The crash dialog shows the advisor the exception as it is; only what goes to disk is masked.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from advisor_app.domain.errors import InvalidRecord

_D = "[0-9]"  # the text's digits are made ASCII first (full-width ０-９ and every other decimal digit)
_X = "[0-9XxＸｘ]"
_SEP = "[ -]?"
ID_18 = re.compile(rf"(?<![0-9])({_D}{{6}}){_SEP}({_D}{{8}}){_SEP}({_D}{{3}}{_X})(?![0-9XxＸｘ])")
ID_15 = re.compile(rf"(?<![0-9])({_D}{{6}}){_SEP}({_D}{{6}}){_SEP}({_D}{{3}})(?![0-9])")
# phones and long numbers: not inside a word or an id of letters, digits and hyphens (a UUID)
_OPEN = r"(?<![0-9A-Za-z+-])"
_CLOSE = r"(?![0-9A-Za-z])"
MOBILE = re.compile(rf"{_OPEN}(?:(?:\+|00)86{_SEP})?(1[3-9]{_D}){_SEP}({_D}{{4}}){_SEP}({_D}{{4}}){_CLOSE}")
LANDLINE = re.compile(rf"{_OPEN}\(?(0{_D}{{2,3}})\)?{_SEP}({_D}{{3,4}}){_SEP}({_D}{{4}}){_CLOSE}")
LONG_NUMBER = re.compile(rf"{_OPEN}[0-9]{{10,}}{_CLOSE}")
# Chinese characters (CJK ideographs, extensions and compatibility forms), with the middle dots of
# names written in Chinese characters (阿依古丽·买买提)
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
                 "(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·・•]*"
                 "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])?")
WARNINGS_LOGGER = "py.warnings"  # where logging.captureWarnings puts a warning, as the message itself
_MASKED = "advisor_masked"  # the record attribute holding the message it was masked to


def _ascii(text: str) -> str:
    """Digits as ASCII (every Unicode decimal digit, not only the full-width ones), X upper-case."""
    return "".join(str(int(c)) if c.isdecimal() else ("X" if c in "XxＸｘ" else c) for c in text)


def _id(match: re.Match[str]) -> str:
    digits = _ascii("".join(match.groups()))
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def _mobile(match: re.Match[str]) -> str:
    return _ascii(match.group(1)) + "****" + _ascii(match.group(3))


def _landline(match: re.Match[str]) -> str:
    return _ascii(match.group(1)) + "-****" + _ascii(match.group(3))


def _long(match: re.Match[str]) -> str:
    return "*" * (len(match.group()) - 4) + _ascii(match.group()[-4:])


def mask_numbers(text: str) -> str:
    """``text`` with its ID numbers, phone numbers and other long numbers masked (see the module);
    its digits as ASCII digits."""
    if not text.isascii():
        text = "".join(str(int(c)) if c.isdecimal() else c for c in text)
    text = ID_18.sub(_id, text)
    text = ID_15.sub(_id, text)
    text = MOBILE.sub(_mobile, text)
    text = LANDLINE.sub(_landline, text)
    return LONG_NUMBER.sub(_long, text)


def mask_names(text: str) -> str:
    """Every Chinese character as ``*`` (a name, a village, an address: any of them may be personal)."""
    return HAN.sub(lambda m: "*" * len(m.group()), text)


def mask_value(value: object) -> object:
    """A value put into a log message, as it may be written: numbers and names masked. Plain
    numbers that are not long enough to be a phone or ID number are kept (``%d`` still works)."""
    if isinstance(value, BaseException):
        return describe_exception(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        text = str(value)
        return value if mask_numbers(text) == text else mask_numbers(text)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    return mask_names(mask_numbers(str(value)))


def _type_name(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module in ("builtins", "__main__") else f"{module}.{kind.__qualname__}"


def describe_exception(exc: BaseException) -> str:
    """``advisor_app.domain.errors.InvalidIdNumber: 校验位错误：最后一位应为X，填写的是*`` — the
    type and the masked message; a record problem as the fields it concerns."""
    if isinstance(exc, InvalidRecord):
        keys = [mask_names(mask_numbers(p.key or p.field or "?")) for p in exc.problems]
        text = f"{len(keys)} problem(s) at " + ", ".join(keys)
    else:
        text = mask_names(mask_numbers(str(exc)))
    return f"{_type_name(type(exc))}: {text}" if text else _type_name(type(exc))


def format_exception(exc: BaseException) -> str:
    """The traceback as Python prints it (causes and contexts first), every message masked, no
    local variables. Frame lines (file, line, function, source line) are kept, masked the same way
    (a folder may be named after a person; the code's own Chinese words are in the source file)."""
    parts: list[str] = []
    seen: set[int] = set()

    def walk(e: BaseException) -> None:
        seen.add(id(e))
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            walk(e.__cause__)
            parts.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif e.__context__ is not None and not e.__suppress_context__ and id(e.__context__) not in seen:
            walk(e.__context__)
            parts.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        if e.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            frames = traceback.format_list(traceback.extract_tb(e.__traceback__))
            parts.extend(mask_names(mask_numbers(line)) for line in frames)
        parts.append(describe_exception(e) + "\n")
        parts.extend(f"  {mask_value(note)}\n" for note in getattr(e, "__notes__", None) or ())
        for inner in getattr(e, "exceptions", None) or ():  # an exception group's members
            if isinstance(inner, BaseException):
                parts.append(f"  + {describe_exception(inner)}\n")

    walk(exc)
    return "".join(parts).rstrip("\n")


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask ``record`` in place (once): its message becomes final text, its exception a masked
    traceback (``exc_text``; ``exc_info`` is dropped so no formatter reads the original)."""
    if record.args is None and getattr(record, _MASKED, None) is record.msg:
        return record  # masked already (and not given a new message since: logging.makeLogRecord)
    record.msg = _message(record)
    record.args = None
    setattr(record, _MASKED, record.msg)
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = format_exception(record.exc_info[1])
    elif record.exc_text:
        record.exc_text = mask_names(mask_numbers(record.exc_text))
    record.exc_info = None
    if record.stack_info:
        record.stack_info = mask_numbers(record.stack_info)
    return record


def _message(record: logging.LogRecord) -> str:
    template, args = record.msg, record.args
    if not isinstance(template, str) or record.name == WARNINGS_LOGGER:
        return str(mask_value(template))  # log.error(exc), an object, a warning's text: all of it is data
    template = mask_numbers(template)
    if not args:
        return template
    masked: tuple[object, ...] | Mapping[str, object]
    if isinstance(args, Mapping):
        masked = {key: mask_value(value) for key, value in args.items()}
    else:
        masked = tuple(mask_value(value) for value in args)
    try:
        return template % masked
    except (TypeError, ValueError, KeyError):  # a template that does not fit its arguments
        values = masked.values() if isinstance(masked, Mapping) else masked
        return template + " " + " ".join(map(str, values))


class MaskingFilter(logging.Filter):
    """Masks every record it sees (and lets it through)."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


FILTER = MaskingFilter()
_factory: Callable[..., logging.LogRecord] | None = None


def install() -> None:
    """Mask every log record of this process from now on (idempotent); ``warnings`` are logged."""
    global _factory
    root = logging.getLogger()
    if FILTER not in root.filters:
        root.addFilter(FILTER)
    for handler in root.handlers:
        add_to(handler)
    if _factory is None:
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return mask_record(previous(*args, **kwargs))

        _factory = factory
        logging.setLogRecordFactory(factory)
    logging.captureWarnings(True)


def add_to(handler: logging.Handler) -> logging.Handler:
    """Put the masking filter on ``handler`` (for a handler that writes to disk); returns it."""
    if FILTER not in handler.filters:
        handler.addFilter(FILTER)
    return handler
