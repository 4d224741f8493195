"""Writing only the stored rows that changed leaves the table a full replacement would leave (but for
the time a kept row was written: it keeps its own)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.services import households as household_service
from advisor_app.services.profile import Profile
from advisor_app.store.engine import for_writing
from advisor_app.store.result_updates import ResultUpdate
from advisor_app.store.screening_results import RESULT_SIZE, PackedRow, RangeDigest, digest, replace_results

_ALL = "SELECT household_id, eligible, results, member_ids, on_date, screened_at FROM screening_results"


def table(conn: sa.Connection) -> list[tuple[Any, ...]]:
    return sorted((h, e, bytes(r), m, str(on), at) for h, e, r, m, on, at in conn.execute(sa.text(_ALL)))


def replaced(profile: Profile, rows: list[PackedRow], on: dt.date, at: str) -> list[tuple[Any, ...]]:
    """The table after deleting everything and inserting ``rows`` (rolled back)."""
    with for_writing(profile.engine).connect() as conn, conn.begin() as transaction:
        replace_results(conn, rows, on, at, clear=True, fast=False)
        out = table(conn)
        transaction.rollback()
    return out


def some_rows(rng: random.Random, ids: list[str], previous: dict[str, PackedRow]) -> dict[str, PackedRow]:
    """New rows: most households keep their row, some change it, lose it or get one."""
    out: dict[str, PackedRow] = {}
    share = rng.choice((0.0, 0.02, 0.2, 0.7, 1.0))  # how many change
    for hid in ids:
        old = previous.get(hid)
        if old is not None and rng.random() >= share:
            out[hid] = old
        elif rng.random() < 0.7:
            records = rng.randbytes(RESULT_SIZE * rng.randint(1, 4))
            out[hid] = (hid, rng.choice(("", " dibao ", " dibao tekun ")), records, rng.choice(("", "m1 m2", "m3")))
    return out


def changes_of(previous: dict[str, PackedRow], rows: dict[str, PackedRow]) -> int:
    return sum(previous.get(h) != r for h, r in rows.items()) + len(set(previous) - set(rows))


@pytest.mark.parametrize("fast", [True, False])
def test_the_table_is_the_one_a_full_replacement_leaves(demo_profile: Profile, fast: bool) -> None:
    ids = [h.id for h in household_service.list_households(demo_profile)]
    rng = random.Random(11)
    rows: dict[str, PackedRow] = {}
    partial = kept_time = 0
    for round_ in range(40):
        previous = rows
        rows = some_rows(rng, ids, previous)
        on, at = dt.date(2026, 1, 1) + dt.timedelta(days=round_ // 3), f"2026-12-03T08:{round_:02d}:00Z"
        new = list(rows.values())
        rng.shuffle(new)
        expected = replaced(demo_profile, new, on, at)
        with demo_profile.connection() as conn:
            before = {r[0]: r for r in table(conn)}
        if previous and changes_of(previous, rows) * 2 <= len(previous):  # a kept row keeps its time
            expected = [(*r[:5], before[r[0]][5]) if previous.get(r[0]) == rows[r[0]] else r for r in expected]
            kept_time += any(r[5] != at for r in expected)  # (so that the test can tell the two apart)
        with demo_profile.connection(write=True) as conn:
            update = ResultUpdate(conn, fast=fast)
            for start in range(0, len(new), 7):  # in batches, as a screening gives them
                update.add(new[start:start + 7])
            written = update.write(on, at)
        with demo_profile.connection() as conn:
            assert table(conn) == expected
        changes = changes_of(previous, rows)
        if previous and changes * 2 <= len(previous):  # few changes: only they are written
            assert written == changes
            partial += 1
        else:
            assert written == len(rows)
    assert partial >= 5
    assert kept_time >= 5



def test_by_ranges_the_table_is_the_one_a_full_replacement_leaves(demo_profile: Profile,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows given by ranges (a key each, its households): the ranges whose digest is the stored one
    are not compared, and the table is still the one a full replacement leaves."""
    ids = sorted(h.id or "" for h in household_service.list_households(demo_profile))
    by_range = demo_profile.engine.dialect.name == "sqlite"
    reads: list[bool] = []
    original = ResultUpdate._stored

    def stored(self: ResultUpdate, wanted: Any) -> Any:
        reads.append(wanted is None)
        return original(self, wanted)

    monkeypatch.setattr(ResultUpdate, "_stored", stored)
    rng = random.Random(12)
    rows: dict[str, PackedRow] = {}
    skipped = 0
    for round_ in range(40):
        previous = rows
        live = [h for h in ids if rng.random() > 0.1] if round_ % 4 == 3 else ids  # some not screened
        rows = some_rows(rng, live, previous) if round_ % 3 else {h: previous[h] for h in live if h in previous}
        on, at = dt.date(2026, 1, 1) + dt.timedelta(days=round_ // 5), f"2026-12-03T09:{round_:02d}:00Z"
        expected = replaced(demo_profile, list(rows.values()), on, at)
        with demo_profile.connection() as conn:
            before = {r[0]: r for r in table(conn)}
        changes = changes_of(previous, rows)
        if previous and changes * 2 <= len(previous):  # a kept row keeps its time
            expected = [(*r[:5], before[r[0]][5]) if previous.get(r[0]) == rows[r[0]] else r for r in expected]
        reads.clear()
        with demo_profile.connection(write=True) as conn:
            update = ResultUpdate(conn)
            for start in range(0, len(ids), 7):  # a range: 7 households of the list, those screened
                households = [h for h in ids[start:start + 7] if h in set(live)]
                mine = [rows[h] for h in households if h in rows]
                update.add(mine, [RangeDigest(start, households, len(mine), digest(mine))])
            written = update.write(on, at)
        with demo_profile.connection() as conn:
            assert table(conn) == expected
        assert written == (changes if previous and changes * 2 <= len(previous) else len(rows))
        skipped += not reads
        if by_range and round_ and not changes:
            assert not reads  # nothing changed: no stored row read
    assert skipped >= (5 if by_range else 0)
