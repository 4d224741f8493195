"""Importing a department's list (数据比对, "政策找人"): the disability federation's register, medical
insurance's self-paid costs, the monitoring list, pensions, employment.

Each row is read by its fields (:mod:`advisor_app.sheets.values`, a chunk of :data:`CHUNK` rows down
its columns; a cell that cannot be read is a :class:`RowError` naming the row and the field),
matched to a stored member by its ID number (one query per chunk, or every member read once when
the list has more rows than the profile has people), and stored as **dated evidence with its source file**
(:mod:`advisor_app.store.department_evidence`): it never changes what an advisor recorded. A row
naming nobody stored is a lead, kept in the same table without a member. A row whose ID number
(and, on the medical list, period) came earlier in the file is refused as a duplicate. Re-importing
a file (the same SHA-256) adds nothing.

``changed`` counts matched rows that say something other than what is recorded — on the disability
register, another kind or grade of disability than the member's — for a person to look at.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from advisor_app.domain.errors import Cancelled
from advisor_app.sheets import values
from advisor_app.sheets.cells import CellError
from advisor_app.sheets.columns import JsonObject, read_columns
from advisor_app.sheets.model import Chunk, Field, ImportSummary, RowError
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


def _differs(kind: str, fields: dict[str, object], member: store.StoredMember) -> bool:
    if kind == "disability":
        return (fields.get("disability_kind"), fields.get("disability_grade")) != \
            (member.disability_kind, member.disability_grade)
    return False


def _lookup(conn: sa.Connection, total: int) -> Callable[[list[str]], dict[str, store.StoredMember]]:
    """How a chunk's ID numbers find their members: a query per chunk, or — when the list has more
    rows than the profile has people — every member read once."""
    if total <= CHUNK or store.live_member_count(conn) > total:
        return lambda numbers: store.members_by_id_number(conn, numbers)
    everyone = store.all_members_by_id_number(conn)
    return lambda numbers: {n: everyone[n] for n in numbers if n in everyone}


def import_rows(conn: sa.Connection, kind: str, fields: list[Field], chunks: Iterable[Chunk], summary: ImportSummary,
                *, source: Source, dry_run: bool = False, progress: Progress | None = None, total: int = 0) -> None:
    """Read, match and (unless ``dry_run``) store the rows, given :data:`CHUNK` at a time down their
    columns (:meth:`~advisor_app.sheets.table.Table.chunks`), in the transaction of ``conn``.

    The messages come in the rows' order, a row's in the fields' order, as a row at a time would give them."""
    imported_at = utc_now()
    source_id, already = store.source(conn, kind, source.name, source.sha256, imported_at, create=not dry_run)
    members_of = _lookup(conn, total)
    key_fields = _DUPLICATE_KEYS.get(kind, ("id_number",))
    first_seen: dict[object, int] = {}  # duplicate key (ID number, or with the period) → its first row
    shape: _Shape | None = None
    for chunk in chunks:
        count = len(chunk.numbers)
        if shape is None:  # the fields the mapping reads: every chunk has them all
            shape = _Shape([f for f in fields if f.name in chunk.columns], key_fields)
        columns, refused = read_columns([chunk.columns[name] for name, _read in shape.readers], shape.readers)
        numbers = columns[shape.id_number]
        keys = shape.keys(columns, count)
        ok: list[int] = []
        for i, row_number in enumerate(chunk.numbers):
            bad = refused.get(i) if refused else None
            if bad is not None:
                summary.errors += [RowError(row_number, _message(shape.field[name], exc), name) for name, exc in bad]
                continue
            earlier = first_seen.setdefault(keys[i], row_number)
            if earlier != row_number:
                message = (f"身份证号与第 {earlier} 行重复（同一个人在表里出现了两次）" if len(key_fields) == 1 else
                           f"身份证号和期间与第 {earlier} 行重复（同一笔记录出现了两次）")
                summary.errors.append(RowError(row_number, message, "id_number"))
                continue
            ok.append(i)
        summary.rows += count
        summary.invalid += count - len(ok)
        members = members_of([str(numbers[i]) for i in ok])
        kept: list[int] = []  # the rows to store: valid and not stored from this file before
        for i in ok:
            member = members.get(str(numbers[i]))
            if member is None:
                summary.unmatched += 1
            else:
                summary.matched += 1
                summary.changed += _differs(kind, shape.fields_of(columns, i), member)
            if chunk.numbers[i] not in already:
                kept.append(i)
        summary.new += len(kept)
        if not dry_run and kept:  # a dry run counts; nothing to store, so nothing to encode
            store.add(conn, shape.evidence(source_id, kind, chunk.numbers, columns, kept, members))
        if progress is not None and not progress(summary.rows, max(total, summary.rows)):
            raise Cancelled()  # the caller's transaction rolls back: nothing of this file is stored
    if not dry_run and summary.new:
        audit.record(conn, action="import", kind="evidence",
                     detail=f"list={kind} file={source.sha256[:16]} rows={summary.rows} new={summary.new} "
                            f"matched={summary.matched} leads={summary.unmatched}")


class _Shape:
    """Where a row's values are: the fields read (their readers, in order), the ID number, the name,
    the duplicate key, and the other fields — stored as JSON, the first date field the row's date."""

    def __init__(self, fields: list[Field], key_fields: tuple[str, ...]) -> None:
        names = [f.name for f in fields]
        self.readers = [(f.name, values.reader(f)) for f in fields]
        self.field = {f.name: f for f in fields}
        self.id_number = names.index("id_number")
        self._name = names.index("name") if "name" in names else None
        self._key = [names.index(k) if k in names else None for k in key_fields]
        self.rest_columns = [i for i, n in enumerate(names) if n not in ("id_number", "name")]
        self.rest_names = [names[i] for i in self.rest_columns]
        self.json = JsonObject(self.rest_names)
        self._dates = [self.rest_names.index(n) for n in values.DATE_FIELDS if n in self.rest_names]
        self._period = self.rest_names.index("period") if "period" in self.rest_names else None

    def keys(self, columns: list[list[object]], count: int) -> list[object]:
        """Each row's duplicate key: its ID number, or (ID number, period) on the medical list."""
        if len(self._key) == 1 and self._key[0] is not None:
            return columns[self._key[0]]
        return list(zip(*(columns[k] if k is not None else [None] * count for k in self._key), strict=True))

    def fields_of(self, columns: list[list[object]], i: int) -> dict[str, object]:
        """Row ``i``'s other fields by name."""
        return {name: columns[j][i] for name, j in zip(self.rest_names, self.rest_columns, strict=True)}

    def evidence(self, source_id: int | None, kind: str, numbers: list[int], columns: list[list[object]],
                 rows: list[int], members: dict[str, store.StoredMember]) -> list[tuple[object, ...]]:
        """The evidence rows (:data:`~advisor_app.store.department_evidence.COLUMNS`) of rows ``rows``
        of the chunk, their values encoded down the columns."""
        picked = [[column[i] for i in rows] for column in columns] if len(rows) < len(numbers) else columns
        rest = [picked[j] for j in self.rest_columns]
        ids = [str(v) for v in picked[self.id_number]]
        found = [members.get(n) for n in ids]
        count = len(rows)
        names = [str(v or "") for v in picked[self._name]] if self._name is not None else [""] * count
        periods = [str(v or "") for v in rest[self._period]] if self._period is not None else [""] * count
        return list(zip(itertools.repeat(source_id), [numbers[i] for i in rows], itertools.repeat(kind), ids, names,
                        [m.member_id if m else None for m in found], [m.household_id if m else None for m in found],
                        self.json.encode_columns(rest, count), self.on_dates(rest, count), periods))

    def on_dates(self, rest: list[list[object]], count: int) -> list[str | None]:
        """Each row's first date field's ISO text (:func:`advisor_app.sheets.values.list_date`)."""
        out: list[str | None] = [None] * count
        for j in self._dates:
            out = [day if day is not None else (v if isinstance(v, str) and values.is_iso_date(v) else None)
                   for day, v in zip(out, rest[j], strict=True)]
        return out


__all__ = ["CHUNK", "KINDS", "Source", "import_rows"]
