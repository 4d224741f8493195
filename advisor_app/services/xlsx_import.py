"""Importing a spreadsheet: a roster (``roster``) or a department's list (``disability``, ``medical``,
``monitoring``, ``pension``, ``employment``).

:func:`preview` opens the file and shows what an import would read: the sheets, the header row, the
headers and the mapping suggested for them (the synonyms counties use, and what the user chose for
this kind before), and the first rows — the mapping dialog starts from it. :func:`import_sheet`
reads every row, validates it, and in one transaction stores what it found; ``dry_run`` does all of
it but the writes; a progress callback that returns False cancels and leaves the data as it was.
Rows that cannot be imported come back as :class:`RowError` and, written beside the file (or in
``report_dir``), as an error report the clerk corrects and imports again
(:mod:`advisor_app.sheets.report`; a dry run writes it too: it is how the clerk finds what to fix).

A mapping the user gives (``--mapping FILE``, or the dialog) is remembered for the kind in the
profile's settings (``import.mapping.<kind>``) after an import that wrote.

The roster's rows go to its row importer (:data:`ROW_IMPORTERS`: :mod:`.roster_import`, households
and members need their own rules); the department lists go to :mod:`.department_lists`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from advisor_app.domain.errors import DomainError
from advisor_app.sheets import cells
from advisor_app.sheets.headers import FIELDS, KIND_LABELS
from advisor_app.sheets.model import Field, ImportSummary, SheetRow
from advisor_app.sheets.read import SheetError
from advisor_app.sheets.report import report_path, write_report
from advisor_app.sheets.table import Table, apply_mapping, open_table
from advisor_app.store.settings import get_setting, set_setting

from . import department_lists
from .profile import Profile
from .roster_rows import ROSTER_FIELDS
from .xlsx_files import OpenedFile

KINDS = ("roster", *department_lists.KINDS)
MAPPING_KEY = "import.mapping.{kind}"
MAX_MAPPING_FILE = 64 * 1024
PREVIEW_ROWS = 10

Progress = Callable[[int, int], bool]


class RowImporter(Protocol):
    def __call__(self, profile: Profile, rows: Iterator[SheetRow], summary: ImportSummary, *, dry_run: bool,
                 progress: Progress | None, source: str) -> object: ...


# Importers of their own kinds, with their fields: called with the rows once the header is mapped
# (``source``: the file's name); each opens its own transaction and leaves the data as it was when
# cancelled.
def _import_roster(profile: Profile, rows: Iterator[SheetRow], summary: ImportSummary, *, dry_run: bool,
                   progress: Progress | None, source: str) -> object:
    """:func:`.roster_import.import_roster`, its module loaded when a roster is imported (the
    command importing a department's list starts without it: 0.15 s)."""
    from . import roster_import

    return roster_import.import_roster(profile, rows, summary, dry_run=dry_run, progress=progress, source=source)


ROW_IMPORTERS: dict[str, RowImporter] = {"roster": _import_roster}
ROW_FIELDS: dict[str, list[Field]] = {"roster": ROSTER_FIELDS}


@dataclass(frozen=True, slots=True)
class Preview:
    kind: str
    sheets: list[str]
    sheet: str
    header_row: int  # as Excel shows it (the lower row of a two-row header)
    headers: list[str]
    mapping: dict[str, str | None]  # header → field name, or None (a column not read)
    fields: list[Field]
    rows: list[list[object]]  # the first data rows, as read
    shown: list[list[str]]  # the same as a spreadsheet shows them: 1 (not 1.0), dates as 2024-03-05
    opened: OpenedFile | None = field(default=None, repr=False, compare=False)  # for the import (parsed once)


def fields_of(kind: str) -> list[Field]:
    if kind not in KINDS:
        raise DomainError(f"不认识的名单种类“{kind}”：可用的有 {'、'.join(KINDS)}")
    return ROW_FIELDS.get(kind) or FIELDS[kind]


def remembered_mapping(profile: Profile, kind: str) -> dict[str, str | None]:
    """The mapping the user chose for this kind before (header → field name or None)."""
    with profile.connection() as conn:
        raw = get_setting(conn, MAPPING_KEY.format(kind=kind))
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): (str(v) if v else None) for k, v in value.items()} if isinstance(value, dict) else {}


def read_mapping_file(path: str | Path) -> dict[str, str | None]:
    """A mapping file: a JSON object ``{"表头": "field name or label", "不要的列": null}``."""
    try:
        with Path(path).open("rb") as f:
            raw = f.read(MAX_MAPPING_FILE + 1)
    except OSError as exc:
        raise SheetError(f"对照表文件打不开：{exc.strerror or exc}", where=str(path)) from None
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SheetError(f"对照表文件不是 JSON：{exc}", where=str(path)) from None
    if len(raw) > MAX_MAPPING_FILE or not isinstance(value, dict) or \
            not all(isinstance(v, str | None) for v in value.values()):
        raise SheetError('对照表文件应为 {"表头": "字段"} 这样的 JSON 对象', where=str(path))
    return {str(k): v for k, v in value.items()}


def _open(path: str | Path, kind: str, sheet: str | None, known: Mapping[str, str | None],
          opened: OpenedFile | None = None) -> Table:
    reuse = opened is not None and opened.path == Path(path) and opened.unchanged()  # saved again: read again
    return open_table(path, fields_of(kind), sheet=sheet, known=known, book=opened if reuse else None)


def preview(path: str | Path, kind: str, sheet: str | None = None, *, profile: Profile | None = None) -> Preview:
    """What an import of ``path`` as ``kind`` would read (``profile``: use the remembered mapping)."""
    fields = fields_of(kind)
    known = remembered_mapping(profile, kind) if profile is not None else {}
    table = _open(path, kind, sheet, known)
    rows = table.first_rows(PREVIEW_ROWS)
    return Preview(kind, list(table.book.sheet_names), table.sheet, table.header.number, list(table.headers),
                   dict(table.header.mapping), fields, rows, [[cells.text(v) for v in row] for row in rows],
                   table.book)


def import_sheet(profile: Profile, path: str | Path, kind: str, *, mapping: Mapping[str, str | None] | None = None,
                 dry_run: bool = False, progress: Progress | None = None, sheet: str | None = None,
                 report_dir: str | Path | None = None, opened: OpenedFile | None = None) -> ImportSummary:
    """Import ``path`` as a list of ``kind`` (see the module doc); ``mapping`` corrects the suggested one;
    ``opened``: the same file opened before (:func:`.xlsx_files.read_ahead`)."""
    source_path = Path(path)
    fields = fields_of(kind)
    known = remembered_mapping(profile, kind)
    table = _open(source_path, kind, sheet, known, opened)
    used = apply_mapping(table.headers, table.header.mapping, mapping or {}, fields)
    table.check(used)
    summary = ImportSummary(dry_run=dry_run)
    folder = Path(report_dir) if report_dir is not None else None
    if kind in ROW_IMPORTERS:
        ROW_IMPORTERS[kind](profile, table.rows(used), summary, dry_run=dry_run, progress=progress,
                            source=source_path.name)
        _report(table, used, summary, source_path, folder)
        if mapping and not dry_run:
            with profile.connection(write=True) as conn:
                set_setting(conn, MAPPING_KEY.format(kind=kind), _mapping_json(known, used))
        return summary
    source = department_lists.Source.of(source_path)
    with profile.connection(write=not dry_run) as conn:
        department_lists.import_rows(conn, kind, fields, table.chunks(used, department_lists.CHUNK), summary,
                                     source=source, dry_run=dry_run, progress=progress, total=table.height())
        _report(table, used, summary, source_path, folder)  # before the commit: no report, nothing stored
        if mapping and not dry_run:
            set_setting(conn, MAPPING_KEY.format(kind=kind), _mapping_json(known, used))
    return summary


def _mapping_json(known: Mapping[str, str | None], used: Mapping[str, str | None]) -> str:
    merged = {**known, **{h: v for h, v in used.items() if h}}
    return json.dumps(merged, ensure_ascii=False, sort_keys=True)


def _report(table: Table, used: Mapping[str, str | None], summary: ImportSummary, source: Path,
            folder: Path | None) -> None:
    if not summary.errors:
        return
    by_row: dict[int, list[str]] = {}
    for e in summary.errors:
        by_row.setdefault(e.row, []).append(e.message)
    messages = {row: [f"原表第 {row} 行：" + "；".join(found)] for row, found in by_row.items()}
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError(f"放错误报告的文件夹建不了：{exc.strerror or exc}", where=str(folder)) from None
    summary.report = str(write_report(table, used, messages, report_path(source, folder)).resolve())


__all__ = [
    "KINDS",
    "KIND_LABELS",
    "MAPPING_KEY",
    "ROW_FIELDS",
    "ROW_IMPORTERS",
    "ImportSummary",
    "Preview",
    "RowImporter",
    "fields_of",
    "import_sheet",
    "preview",
    "read_mapping_file",
    "remembered_mapping",
]
