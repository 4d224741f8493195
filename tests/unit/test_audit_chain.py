"""The audit log's hash chain (advisor_app.store.audit) on a SQLite profile: entries chain, and a
removed, changed or inserted entry — tampered with by raw SQL — is found, naming the first broken one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.store import audit


def _fill(profile: Any, n: int) -> list[audit.AuditEntry]:
    with profile.connection(write=True) as conn:
        return [audit.append(conn, action="change", kind="household", who="赵敏", record_id=f"h{i}",
                             household_id=f"h{i}", fields=["phone", "address"], detail=f"n={i}")
                for i in range(1, n + 1)]


def _verify(profile: Any) -> audit.Broken | None:
    with profile.connection(write=True) as conn:
        return audit.verify(conn)


def _sql(profile: Any, statement: str, **params: Any) -> None:
    with profile.connection(write=True) as conn:
        conn.execute(sa.text(statement), params)


def test_entries_are_numbered_and_each_carries_the_previous_hash(profile: Any) -> None:
    entries = _fill(profile, 4)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == audit.GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    for e in entries:  # SHA-256 of the canonical form, which includes the previous hash
        assert e.hash == hashlib.sha256(audit.canonical(
            e.seq, e.at, e.who, e.action, e.kind, e.record_id, e.household_id, e.fields, e.detail,
            e.prev_hash)).hexdigest()
    assert entries[0].field_names == ["address", "phone"]
    with profile.connection(write=True) as conn:
        assert audit.entries(conn) == entries
        assert audit.entries(conn, household_id="h3") == [entries[2]]
    assert _verify(profile) is None


def test_the_hash_covers_every_column_and_the_previous_hash() -> None:
    e = audit.AuditEntry(1, "2026-05-01T00:00:00.000000Z", "赵敏", "change", "member", "m1", "h1",
                         '["name"]', "", audit.GENESIS, "")
    base = audit.entry_hash(e)
    for name, value in [("seq", 2), ("at", "2026-05-01T00:00:00.000001Z"), ("who", ""), ("action", "delete"),
                        ("kind", "household"), ("record_id", "m2"), ("household_id", None),
                        ("fields", '["id_number"]'), ("detail", "x"), ("prev_hash", "1" * 64)]:
        assert audit.entry_hash(dataclasses.replace(e, **{name: value})) != base, name


def test_an_empty_log_holds(profile: Any) -> None:
    assert _verify(profile) is None


Tamper = Callable[[Any], None]


def _swap(profile: Any, a: int, b: int) -> None:
    for old, new in ((a, -1), (b, a), (-1, b)):
        _sql(profile, "UPDATE audit_log SET seq = :new WHERE seq = :old", old=old, new=new)


TAMPERING: dict[str, tuple[Tamper, audit.Broken]] = {
    "an entry deleted": (lambda p: _sql(p, "DELETE FROM audit_log WHERE seq = 3"), audit.Broken(3, "deleted")),
    "the first entry deleted": (lambda p: _sql(p, "DELETE FROM audit_log WHERE seq = 1"), audit.Broken(1, "deleted")),
    "a field name changed": (lambda p: _sql(p, """UPDATE audit_log SET fields = '["phone"]' WHERE seq = 2"""),
                             audit.Broken(2, "changed")),
    "who changed": (lambda p: _sql(p, "UPDATE audit_log SET who = '李强' WHERE seq = 4"), audit.Broken(4, "changed")),
    "the time changed": (lambda p: _sql(p, "UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 1"),
                         audit.Broken(1, "changed")),
    "the last entries cut off": (lambda p: _sql(p, "DELETE FROM audit_log WHERE seq >= 4"),
                                 audit.Broken(4, "deleted")),
    "every entry removed": (lambda p: _sql(p, "DELETE FROM audit_log"), audit.Broken(1, "deleted")),
    "an entry inserted at the end": (lambda p: _sql(
        p, "INSERT INTO audit_log SELECT 6, at, who, action, kind, record_id, household_id, fields, detail,"
           " hash, hash FROM audit_log WHERE seq = 5"), audit.Broken(6, "inserted")),
    "an entry inserted before the first": (lambda p: _sql(
        p, "INSERT INTO audit_log SELECT 0, at, who, action, kind, record_id, household_id, fields, detail,"
           " prev_hash, hash FROM audit_log WHERE seq = 1"), audit.Broken(0, "inserted")),
    "two entries swapped": (lambda p: _swap(p, 2, 3), audit.Broken(2, "changed")),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_tampering_by_sql_names_the_first_broken_entry(profile: Any, how: str) -> None:
    _fill(profile, 5)
    tamper, expected = TAMPERING[how]
    tamper(profile)
    assert _verify(profile) == expected


def test_an_entry_rewritten_with_a_fresh_hash_is_found_by_the_next_one(profile: Any) -> None:
    entries = _fill(profile, 5)
    forged = dataclasses.replace(entries[1], who="李强")
    _sql(profile, "UPDATE audit_log SET who = :who, hash = :hash WHERE seq = 2", who="李强",
         hash=audit.entry_hash(forged))
    assert _verify(profile) == audit.Broken(2, "changed")


def test_the_last_entry_rewritten_with_a_fresh_hash_is_found_by_the_chain_end(profile: Any) -> None:
    entries = _fill(profile, 3)
    forged = dataclasses.replace(entries[2], fields='["notes"]')
    _sql(profile, "UPDATE audit_log SET fields = :f, hash = :hash WHERE seq = 3", f='["notes"]',
         hash=audit.entry_hash(forged))
    assert _verify(profile) == audit.Broken(3, "changed")


def test_an_entry_appended_with_a_correct_hash_is_found_by_the_chain_end(profile: Any) -> None:
    last = _fill(profile, 3)[-1]
    forged = audit.AuditEntry(4, last.at, "", "delete", "household", "h9", "h9", "[]", "", last.hash, "")
    forged = dataclasses.replace(forged, hash=audit.entry_hash(forged))
    _sql(profile, "INSERT INTO audit_log VALUES (:seq, :at, :who, :action, :kind, :record_id, :household_id,"
         " :fields, :detail, :prev_hash, :hash)", **dataclasses.asdict(forged))
    assert _verify(profile) == audit.Broken(4, "inserted")


def test_a_removed_chain_end_is_found_and_writing_goes_on(profile: Any) -> None:
    _fill(profile, 2)
    _sql(profile, "DELETE FROM audit_head")
    assert _verify(profile) == audit.Broken(2, "changed")


def test_a_rolled_back_transaction_leaves_neither_entry_nor_chain_end(profile: Any) -> None:
    _fill(profile, 2)
    with pytest.raises(RuntimeError), profile.connection(write=True) as conn:
        audit.append(conn, action="delete", kind="household", who="")
        raise RuntimeError("the change failed")
    with profile.connection(write=True) as conn:
        assert [e.seq for e in audit.entries(conn)] == [1, 2]
    assert _verify(profile) is None
    assert _fill(profile, 1)[0].seq == 3


def test_since_is_the_start_of_the_local_day_in_utc() -> None:
    east8 = dt.timezone(dt.timedelta(hours=8))
    assert audit.utc_start_of(dt.date(2026, 5, 2), east8) == "2026-05-01T16:00:00.000000Z"
    assert audit.utc_start_of(dt.date(2026, 5, 2), dt.UTC) == "2026-05-02T00:00:00.000000Z"
