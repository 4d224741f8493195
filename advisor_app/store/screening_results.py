"""The stored results of the latest screening, one row per household (migration 0014).

A household's eligible and needs_info results (an ineligible result is the absence of a record) are
fixed-width little-endian records (:data:`RESULT_FIELDS`: programme, status, member, detail and amount as
codes and fen) in one blob, in the order the check gave them; the members they name are the row's
``member_ids`` (space-separated; a record holds the index). ``eligible`` holds the household's eligible
programmes as words between spaces (`` dibao tekun ``; empty when none) so that the household list
sorts and shows them in SQL. Writing 140,000 such rows is one ``executemany`` of 140,000 small rows
instead of ≈ 370,000 rows of text.

The code tuples below only ever grow at their end (stored records name their entries by position).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa

if TYPE_CHECKING:  # (numpy is imported where records are made or read: the list loads this module without it)
    import numpy as np
    import numpy.typing as npt

PROGRAMS = ("dibao", "dibao_edge", "dibao_single", "tekun", "unsupported_child", "temporary", "rigid_expense")
STATUSES = ("eligible", "ineligible", "needs_info")
DETAILS = ("", "self", "partial", "full", "急难型", "支出型")
PROGRAM_CODE = {p: i for i, p in enumerate(PROGRAMS)}
STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
DETAIL_CODE = {d: i for i, d in enumerate(DETAILS)}
NO_AMOUNT = -(2**63)  # the amount of a result without one
NO_MEMBER = -1

RESULT_FIELDS = [("program", "u1"), ("status", "u1"), ("member", "<i2"), ("detail", "u1"), ("amount", "<i8")]
RESULT_SIZE = 13  # bytes of one record (RESULT_FIELDS, no padding)


@functools.cache
def result_dtype() -> np.dtype[Any]:
    """The numpy dtype of one record (:data:`RESULT_FIELDS`)."""
    import numpy as np

    return np.dtype(RESULT_FIELDS)

ResultRow = tuple[str, str | None, str, str, int | None, str]
"""(household id, member id or None, programme, status, amount in fen or None, detail)."""

PackedRow = tuple[str, str, bytes, str]
"""(household id, eligible programmes as words, result records, member ids): one stored row."""


def pack_household(household_id: str, rows: Sequence[tuple[str | None, str, str, int | None, str]]) -> PackedRow:
    """One household's stored row from its results (member id, programme, status, amount fen, detail)."""
    import numpy as np

    members: list[str] = []
    records = np.zeros(len(rows), result_dtype())
    eligible: list[str] = []
    for k, (member, program, status, amount, detail) in enumerate(rows):
        index = NO_MEMBER
        if member is not None:
            if member not in members:
                members.append(member)
            index = members.index(member)
        records[k] = (PROGRAM_CODE[program], STATUS_CODE[status], index, DETAIL_CODE[detail],
                      NO_AMOUNT if amount is None else amount)
        if status == "eligible" and program not in eligible:
            eligible.append(program)
    return household_id, f" {' '.join(eligible)} " if eligible else "", records.tobytes(), " ".join(members)


_WORDS = [" " + " ".join(p for k, p in enumerate(PROGRAMS) if bits >> k & 1) + " " if bits else ""
          for bits in range(1 << len(PROGRAMS))]  # the eligible words of each set of programmes


DIGEST_SPAN = 500
"""Rowids of the packed inputs per range whose stored rows have one digest (``store.result_updates``)."""


class RangeDigest(NamedTuple):
    """The stored rows of the households of one range of packed inputs, summed up."""

    key: int | None  # the range (rowid // DIGEST_SPAN); None: no range (the rows were not read by rowid)
    households: Sequence[str]  # every household of the range, with a row or not
    rows: int
    digest: str  # of the range's rows (:func:`digest`)


class PackedBatch(NamedTuple):
    """The stored rows of a batch, and the digests of its ranges."""

    rows: list[PackedRow]
    ranges: list[RangeDigest]


def pack_results(household_ids: Sequence[str], member_ids: Sequence[str], household: npt.NDArray[np.int64],
                 program: npt.NDArray[Any], status: npt.NDArray[Any], member: npt.NDArray[Any],
                 detail: npt.NDArray[Any], amount: npt.NDArray[np.int64], *,
                 ranges: npt.NDArray[np.int64] | None = None) -> PackedBatch:
    """The stored rows of a batch from its results as arrays (codes; ``household`` ascending, an
    index into ``household_ids``; ``member`` an index into that household's ``member_ids``, the
    space-separated ids of its members, or :data:`NO_MEMBER`; ``amount`` :data:`NO_AMOUNT` for none).
    Only the households with a result get a row; a row whose results name no member keeps no ids.
    ``ranges``: each household's range key (ascending), or ``None`` (the batch is one range, without
    a key)."""
    import numpy as np

    records = np.empty(len(household), result_dtype())
    records["program"], records["status"], records["member"] = program, status, member
    records["detail"], records["amount"] = detail, amount
    blob = records.tobytes()
    counts = np.bincount(household, minlength=len(household_ids))
    ends = np.cumsum(counts) * RESULT_SIZE
    bits = np.zeros(len(household_ids), np.int64)
    eligible = status == STATUS_CODE["eligible"]
    for code in np.unique(program[eligible]).tolist():  # (a household's bit set twice is set: no ufunc.at needed)
        bits[household[eligible & (program == code)]] |= 1 << code
    named = np.zeros(len(household_ids), np.bool_)  # (a row keeps its members' ids only where a result names one)
    named[household[member != NO_MEMBER]] = True
    where = np.flatnonzero(counts)
    at = where.tolist()  # the households with a row (the rest: maps in C, no Python per row)
    starts = (ends - counts * RESULT_SIZE)[at].tolist()
    blobs = list(map(blob.__getitem__, map(slice, starts, ends[at].tolist())))
    texts = [*member_ids, ""]
    members = list(map(texts.__getitem__, np.where(named, np.arange(len(member_ids)), len(member_ids))[at].tolist()))
    ids = list(map(household_ids.__getitem__, at))
    words = list(map(_WORDS.__getitem__, bits[at].tolist()))
    sizes = (counts[at] * RESULT_SIZE).astype("<u4")
    n = len(household_ids)
    cut = [0, *(np.flatnonzero(np.diff(ranges)) + 1).tolist(), n] if ranges is not None else [0, n]
    first_row = np.searchsorted(where, cut).tolist()  # each range's first row (and the end)
    offsets = [*starts, len(blob)]  # each row's first byte of ``blob`` (and the end)
    out = []
    for k in range(len(cut) - 1):
        lo, hi = first_row[k], first_row[k + 1]
        part = _digest(ids[lo:hi], words[lo:hi], members[lo:hi], sizes[lo:hi].tobytes(),
                       blob[offsets[lo]:offsets[hi]])
        out.append(RangeDigest(None if ranges is None else int(ranges[cut[k]]), household_ids[cut[k]:cut[k + 1]],
                               hi - lo, part))
    return PackedBatch(list(zip(ids, words, blobs, members, strict=True)), out)


def _digest(ids: Sequence[str], words: Sequence[str], members: Sequence[str], sizes: bytes, blob: bytes) -> str:
    h = hashlib.sha1(usedforsecurity=False)  # (it tells changes apart; it guards against no one)
    h.update("\x1f".join((*ids, "\x1e", *words, "\x1e", *members)).encode())
    h.update(sizes)
    h.update(blob)
    return h.hexdigest()[:20]


def digest(rows: Sequence[PackedRow]) -> str:
    """The digest of some stored rows, in their order (their ids, words, records and members): that
    of :func:`pack_results` for the rows it gives."""
    if not rows:
        return _digest((), (), (), b"", b"")
    ids, words, blobs, members = zip(*rows, strict=True)
    sizes = array("I", map(len, blobs))
    if sys.byteorder == "big":  # (little-endian, as pack_results gives them)
        sizes.byteswap()
    return _digest(ids, words, members, sizes.tobytes(), b"".join(blobs))


def unpack(household_id: str, blob: bytes, member_ids: str) -> list[ResultRow]:
    """The results of one stored row, in their stored order."""
    members = member_ids.split(" ") if member_ids else []
    out: list[ResultRow] = []
    import numpy as np

    for program, status, member, detail, amount in np.frombuffer(blob, result_dtype()).tolist():
        out.append((household_id, None if member == NO_MEMBER else members[member], PROGRAMS[program],
                    STATUSES[status], None if amount == NO_AMOUNT else amount, DETAILS[detail]))
    return out


def programs_of(eligible: str) -> list[str]:
    """The eligible programmes of a stored row's ``eligible`` words."""
    return eligible.split()


_INSERT = sa.text(
    "INSERT INTO screening_results (household_id, eligible, results, member_ids, on_date, screened_at) "
    "VALUES (:h, :e, :r, :m, :on_date, :at)").bindparams(sa.bindparam("on_date", type_=sa.Date()))
_INSERT_SQLITE = ("INSERT INTO screening_results (household_id, eligible, results, member_ids, on_date, "
                  "screened_at) VALUES (?, ?, ?, ?, ?, ?)")


DIGESTS_KEY = "screening.result_digests"
"""The setting holding the digests of the stored rows by range (``store.result_updates``)."""


def replace_results(conn: sa.Connection, rows: Sequence[PackedRow], on: dt.date, screened_at: str, *,
                    clear: bool = True, fast: bool = True) -> None:
    """Write ``rows``, first removing every stored result when ``clear`` (in the caller's transaction).
    ``fast``: on SQLite through the driver's own executemany. The digests of the stored rows are
    forgotten (a screening writes them again)."""
    from .settings import delete_setting  # (the household list loads this module without the models)

    delete_setting(conn, DIGESTS_KEY)
    if clear:
        conn.execute(sa.text("DELETE FROM screening_results"))
    if not rows:
        return
    if fast and conn.dialect.name == "sqlite":
        day = on.isoformat()
        conn.exec_driver_sql(_INSERT_SQLITE, [(*r, day, screened_at) for r in rows])
        return
    conn.execute(_INSERT, [{"h": h, "e": e, "r": r, "m": m, "on_date": on, "at": screened_at}
                           for h, e, r, m in rows])


def _day(raw: Any) -> dt.date:
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(raw)


def _chunks(ids: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    items = list(ids)
    for start in range(0, len(items), size):
        yield items[start:start + size]


_STORED = "SELECT household_id, results, member_ids, on_date FROM screening_results"


def stored_results(conn: sa.Connection, household_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """(household id, member id, programme, status, amount fen, detail, on date) rows, household after
    household (in id order), each household's in stored order. The date is a ``datetime.date``."""
    if household_ids is None:
        found = list(conn.execute(sa.text(_STORED + " ORDER BY household_id")))
    else:
        stmt = sa.text(_STORED + " WHERE household_id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
        found = sorted((r for chunk in _chunks(set(household_ids)) for r in conn.execute(stmt, {"ids": chunk})),
                       key=lambda r: r[0])
    return [(*row, _day(on)) for hid, blob, members, on in found for row in unpack(hid, bytes(blob), members)]


def result_count(conn: sa.Connection) -> int:
    """How many results are stored (eligible and needs_info ones)."""
    total = 0
    for (size,) in conn.execute(sa.text("SELECT length(results) FROM screening_results")):
        total += int(size) // RESULT_SIZE
    return total


def stored_programs(conn: sa.Connection, household_ids: Sequence[str]) -> dict[str, set[str]]:
    """The eligible programmes stored for these households (those with any)."""
    stmt = sa.text("SELECT household_id, eligible FROM screening_results WHERE household_id IN :ids "
                   "AND eligible <> ''").bindparams(sa.bindparam("ids", expanding=True))
    out: dict[str, set[str]] = {}
    for chunk in _chunks(household_ids):
        for hid, words in conn.execute(stmt, {"ids": chunk}):
            out[hid] = set(programs_of(words))
    return out


def rank_sql(ranking: Sequence[str], params: dict[str, Any], alias: str = "s") -> str:
    """SQL over a stored row ``alias``: the rank of its first eligible programme in ``ranking``
    (``len(ranking)`` for one not ranked; NULL when none is eligible)."""
    cases = ""
    for i, program in enumerate(ranking):
        params[f"rank{i}"] = f"% {program} %"
        cases += f" WHEN {alias}.eligible LIKE :rank{i} THEN {i}"
    return f"CASE{cases} WHEN {alias}.eligible <> '' THEN {len(ranking)} END"


__all__ = [
    "DETAILS",
    "DIGESTS_KEY",
    "DIGEST_SPAN",
    "PROGRAMS",
    "RESULT_FIELDS",
    "RESULT_SIZE",
    "STATUSES",
    "PackedBatch",
    "PackedRow",
    "RangeDigest",
    "ResultRow",
    "digest",
    "pack_household",
    "pack_results",
    "rank_sql",
    "replace_results",
    "result_count",
    "result_dtype",
    "stored_programs",
    "stored_results",
    "unpack",
]
