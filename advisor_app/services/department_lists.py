"""Importing a department's list (数据比对, "政策找人"): the disability federation's register, medical
insurance's self-paid costs, the monitoring list, pensions, employment.

Each row is read by its fields (:mod:`advisor_app.sheets.values`; a cell that cannot be read is a
:class:`RowError` naming the row and the field), matched to a stored member by its ID number (one
query per :data:`CHUNK` rows), and stored as **dated evidence with its source file**
(:mod:`advisor_app.store.department_evidence`): it never changes what an advisor recorded. A row
naming nobody stored is a lead, kept in the same table without a member. A row whose ID number
(and, on the medical list, period) came earlier in the file is refused as a duplicate. Re-importing
a file (the same SHA-256) adds nothing.

``changed`` counts matched rows that say something other than what is recorded — on the disability
register, another kind or grade of disability than the member's — for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from advisor_app.domain.errors import Cancelled
from advisor_app.sheets import values
from advisor_app.sheets.cells import CellError
from advisor_app.sheets.model import Field, ImportSummary, RowError, SheetRow
from advisor_app.store import department_evidence as store
from advisor_app.store.models import utc_now

from . import audit

KINDS = ("disability", "medical", "monitoring", "pension", "employment")
CHUNK = store.CHUNK
_DUPLICATE_KEYS: dict[str, tuple[str, ...]] = {"medical": ("id_number", "period")}

Progress = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Source:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        return cls(path.name, digest.hexdigest())


def _message(f: Field, exc: CellError) -> str:
    return exc.message if exc.message.startswith(f.label) else f"{f.label}：{exc.message}"


Reader = tuple[str, Field, Callable[[object], object]]


def _parse(row: SheetRow, readers: list[Reader], summary: ImportSummary) -> dict[str, object] | None:
    """The row's fields as values, or None when a cell is refused (its errors are in ``summary``)."""
    out: dict[str, object] = {}
    bad = False
    cells = row.values
    for name, f, read in readers:
        try:
            out[name] = read(cells[name])
        except CellError as exc:
            summary.errors.append(RowError(row.number, _message(f, exc), name))
            bad = True
    return None if bad else out


def _differs(kind: str, fields: dict[str, object], member: store.StoredMember) -> bool:
    if kind == "disability":
        return (fields.get("disability_kind"), fields.get("disability_grade")) != \
            (member.disability_kind, member.disability_grade)
    return False


def import_rows(conn: sa.Connection, kind: str, fields: list[Field], rows: Iterable[SheetRow], summary: ImportSummary,
                *, source: Source, dry_run: bool = False, progress: Progress | None = None, total: int = 0) -> None:
    """Read, match and (unless ``dry_run``) store the rows, in the transaction of ``conn``."""
    imported_at = utc_now()
    source_id, already = store.source(conn, kind, source.name, source.sha256, imported_at, create=not dry_run)
    readers: list[Reader] | None = None
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    key_fields = _DUPLICATE_KEYS.get(kind, ("id_number",))
    first_seen: dict[tuple[object, ...], int] = {}
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        parsed: list[tuple[SheetRow, dict[str, object]]] = []
        if readers is None:  # the fields the mapping reads: the first row has them all
            readers = [(f.name, f, values.reader(f)) for f in fields if f.name in chunk[0].values]
        for row in chunk:
            summary.rows += 1
            got = _parse(row, readers, summary)
            if got is None:
                summary.invalid += 1
                continue
            key = tuple(got.get(k) for k in key_fields)
            earlier = first_seen.setdefault(key, row.number)
            if earlier != row.number:
                message = (f"身份证号与第 {earlier} 行重复（同一个人在表里出现了两次）" if len(key) == 1 else
                           f"身份证号和期间与第 {earlier} 行重复（同一笔记录出现了两次）")
                summary.errors.append(RowError(row.number, message, "id_number"))
                summary.invalid += 1
                continue
            parsed.append((row, got))
        members = store.members_by_id_number(conn, [str(got["id_number"]) for _, got in parsed])
        new_rows: list[tuple[object, ...]] = []
        for row, got in parsed:
            number = str(got.pop("id_number"))
            name = str(got.pop("name", None) or "")
            member = members.get(number)
            if member is None:
                summary.unmatched += 1
            else:
                summary.matched += 1
                summary.changed += _differs(kind, got, member)
            if row.number in already:
                continue
            summary.new += 1
            on = values.list_date(got)
            new_rows.append((source_id, row.number, kind, number, name, member.member_id if member else None,
                             member.household_id if member else None, encode(got),
                             None if on is None else dt.date.fromisoformat(on), str(got.get("period") or "")))
        if not dry_run:
            store.add(conn, new_rows)
        if progress is not None and not progress(summary.rows, max(total, summary.rows)):
            raise Cancelled()  # the caller's transaction rolls back: nothing of this file is stored
    if not dry_run and summary.new:
        audit.record(conn, action="import", kind="evidence",
                     detail=f"list={kind} file={source.sha256[:16]} rows={summary.rows} new={summary.new} "
                            f"matched={summary.matched} leads={summary.unmatched}")


__all__ = ["CHUNK", "KINDS", "Source", "import_rows"]
