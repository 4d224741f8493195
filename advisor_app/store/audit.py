"""The audit log: an append-only, hash-chained list of what was done to the profile's records.

Each entry (:class:`AuditEntry`) carries a sequence number (1, 2, 3 … without gaps), the time (UTC,
ISO text), who, the action, the kind and id of the record, its household, the NAMES of the fields
that changed (a JSON list; values are never stored), a short non-personal detail, the previous
entry's hash and its own: SHA-256 over :func:`canonical`, which includes the previous hash. The
first entry's previous hash is :data:`GENESIS`.

**Writing** (:func:`append`) happens on the caller's connection, inside the transaction of the change
the entry describes, so both commit or neither does. The chain's end is the one row of
``audit_head``; :func:`append` first UPDATEs it, which takes the database's write lock (SQLite: the
one writer of the file; PostgreSQL: that row's lock, held to the end of the transaction), and only
then reads the previous number and hash. Two writers — the desktop app and the command line — can
therefore never both append after the same entry: the second waits for the first to commit and then
sees its entry. (A SQLite transaction that has already read an older snapshot fails instead of
forking the chain; the sequence number is the primary key besides.)

**Checking** (:func:`verify`) walks the entries in order and returns the first broken one: a
number missing (deleted), an entry whose hash does not match its content (changed), an entry that
does not carry its predecessor's hash (the predecessor was rewritten with a new hash), or entries
after the recorded end (inserted) or fewer than it (the last ones deleted).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa

from .models import AuditEntryRow, AuditHeadRow, utc_now

GENESIS = "0" * 64
_LOG = cast(sa.Table, AuditEntryRow.__table__)
_HEAD = cast(sa.Table, AuditHeadRow.__table__)
HEAD_ID = 1


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str  # UTC, 2026-05-01T08:30:00.123456Z
    who: str
    action: str
    kind: str
    record_id: str | None
    household_id: str | None
    fields: str  # JSON list of field names, as stored
    detail: str
    prev_hash: str
    hash: str

    @property
    def field_names(self) -> list[str]:
        try:
            names = json.loads(self.fields)
        except ValueError:
            return []
        return [str(n) for n in names] if isinstance(names, list) else []


@dataclass(frozen=True, slots=True)
class Broken:
    """Where the chain breaks: entry ``seq``, and how (``changed``, ``deleted``, ``inserted``)."""

    seq: int
    how: str


def fields_text(names: Iterable[str]) -> str:
    """The stored form of a set of field names: a sorted JSON list."""
    return json.dumps(sorted(set(names)), ensure_ascii=False, separators=(",", ":"))


def canonical(seq: int, at: str, who: str, action: str, kind: str, record_id: str | None,
              household_id: str | None, fields: str, detail: str, prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken over: sorted-key compact JSON (UTF-8) of every column but
    the hash itself; ``v`` is the format's version."""
    return json.dumps({"v": 1, "seq": seq, "at": at, "who": who, "action": action, "kind": kind,
                       "record_id": record_id, "household_id": household_id, "fields": fields,
                       "detail": detail, "prev": prev_hash},
                      sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(e: AuditEntry) -> str:
    return hashlib.sha256(canonical(e.seq, e.at, e.who, e.action, e.kind, e.record_id, e.household_id,
                                    e.fields, e.detail, e.prev_hash)).hexdigest()


def append(conn: sa.Connection, *, action: str, kind: str, who: str, record_id: str | None = None,
           household_id: str | None = None, fields: Iterable[str] = (), detail: str = "",
           at: str | None = None) -> AuditEntry:
    """Add one entry at the chain's end, in the caller's transaction (see the module doc)."""
    locked = conn.execute(sa.update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(seq=_HEAD.c.seq + 1))
    if locked.rowcount != 1:  # the end marker was removed: start it again, verify will say so
        conn.execute(sa.insert(_HEAD).values(id=HEAD_ID, seq=1, hash=GENESIS))
    seq, prev = conn.execute(sa.select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID)).one()
    draft = AuditEntry(int(seq), at or utc_now(), who, action, kind, record_id, household_id,
                       fields_text(fields), detail, str(prev), "")
    entry = dataclasses.replace(draft, hash=entry_hash(draft))
    conn.execute(sa.insert(_LOG).values({f: getattr(entry, f) for f in _COLUMNS}))
    conn.execute(sa.update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(hash=entry.hash))
    return entry


def append_many(conn: sa.Connection, drafts: Sequence[dict[str, object]], *, who: str) -> int:
    """Add entries at the chain's end in one statement (an import's many households): each draft has
    :func:`append`'s keyword arguments (``action``, ``kind``, ``record_id``, ``household_id``,
    ``fields``, ``detail``). The same chain as appending them one by one, the end marker locked first."""
    if not drafts:
        return 0
    locked = conn.execute(sa.update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(seq=_HEAD.c.seq))
    if locked.rowcount != 1:
        conn.execute(sa.insert(_HEAD).values(id=HEAD_ID, seq=0, hash=GENESIS))
    seq, prev = conn.execute(sa.select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID)).one()
    seq, prev, at = int(seq), str(prev), utc_now()
    rows = []
    for d in drafts:
        seq += 1
        draft = AuditEntry(seq, at, who, str(d["action"]), str(d["kind"]), cast("str | None", d.get("record_id")),
                           cast("str | None", d.get("household_id")),
                           fields_text(cast("Iterable[str]", d.get("fields", ()))), str(d.get("detail", "")), prev, "")
        entry = dataclasses.replace(draft, hash=entry_hash(draft))
        rows.append({f: getattr(entry, f) for f in _COLUMNS})
        prev = entry.hash
    conn.execute(sa.insert(_LOG), rows)
    conn.execute(sa.update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(seq=seq, hash=prev))
    return len(rows)


_COLUMNS: Sequence[str] = ("seq", "at", "who", "action", "kind", "record_id", "household_id", "fields",
                           "detail", "prev_hash", "hash")


def _select() -> sa.Select[tuple[object, ...]]:
    return sa.select(*[_LOG.c[f] for f in _COLUMNS])


def _entries(rows: Iterable[sa.Row[tuple[object, ...]]]) -> Iterator[AuditEntry]:
    for r in rows:
        m = r._mapping
        yield AuditEntry(int(m["seq"]), str(m["at"]), str(m["who"]), str(m["action"]), str(m["kind"]),
                         _text(m["record_id"]), _text(m["household_id"]), str(m["fields"]), str(m["detail"]),
                         str(m["prev_hash"]), str(m["hash"]))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def entries(conn: sa.Connection, *, household_id: str | None = None, since: str | None = None,
            limit: int | None = None) -> list[AuditEntry]:
    """Entries in order (oldest first); of one household; written at or after ``since`` (UTC ISO)."""
    query = _select()
    if household_id is not None:
        query = query.where(_LOG.c.household_id == household_id)
    if since is not None:
        query = query.where(_LOG.c.at >= since)
    return list(_entries(conn.execute(query.order_by(_LOG.c.seq).limit(limit))))


def count(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(_LOG)).scalar() or 0)


def verify(conn: sa.Connection, *, batch: int = 5000) -> Broken | None:
    """The first broken entry, or ``None`` when the whole chain holds (see the module doc)."""
    head = conn.execute(sa.select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID)).first()
    head_seq = int(head[0]) if head is not None else None
    expected, prev = 1, GENESIS
    result = conn.execution_options(yield_per=batch).execute(_select().order_by(_LOG.c.seq))
    broken = None
    for e in _entries(result):
        if e.seq < expected or (head_seq is not None and expected > head_seq):
            broken = Broken(e.seq, "inserted")  # out of order, or after the recorded end
        elif e.seq != expected:
            broken = Broken(expected, "deleted")
        elif e.hash != entry_hash(e):
            broken = Broken(e.seq, "changed")
        elif e.prev_hash != prev:
            broken = Broken(max(e.seq - 1, 1), "changed")  # the one before was rewritten with a new hash
        if broken is not None:
            result.close()
            return broken
        expected, prev = expected + 1, e.hash
    last = expected - 1
    if head is None or head_seq is None:
        return Broken(max(last, 1), "changed")  # the end marker itself was removed
    if head_seq > last:
        return Broken(last + 1, "deleted")
    if str(head[1]) != prev:
        return Broken(max(last, 1), "changed")
    return None


def utc_start_of(day: dt.date, tz: dt.tzinfo | None = None) -> str:
    """The UTC ISO text of midnight at the start of ``day`` in ``tz`` (the computer's zone by default),
    in the form the entries' ``at`` is stored in (so text order is time order)."""
    midnight = dt.datetime.combine(day, dt.time.min)
    local = midnight.replace(tzinfo=tz) if tz else midnight.astimezone()
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
