"""One part of a batch screening: read a range of households, check each, return compact rows.

Runs in a worker process (a 140,000-household screening is split into 16 parts by the first hex
digit of the household id) or in the calling process for small profiles. Only this module and what
it imports are loaded in a worker: the rules, the domain and the store's fast reader.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from advisor_app.rules.check import check_frame
from advisor_app.rules.frame import frame_from_households
from advisor_app.rules.results import INELIGIBLE
from advisor_app.rules.snapshot import TablesLike
from advisor_app.store import engine as store_engine
from advisor_app.store.screening import ResultRow, read_for_screening, sql_runner

from .batch import gc_paused

HEX = "0123456789abcdef"
PARTS: list[tuple[str | None, str | None]] = [
    (None if i == 0 else HEX[i], None if i == 15 else HEX[i + 1]) for i in range(16)]


@dataclass(frozen=True, slots=True)
class PartJob:
    database_url: str  # the profile's database (Profile.database_url): a worker opens its own engine
    on: dt.date
    tables: TablesLike
    lo: str | None = None
    hi: str | None = None


@dataclass(slots=True)
class PartResult:
    households: int
    rows: list[ResultRow]
    counts: Counter[tuple[str, str]]


def result_rows(households: Any, on: dt.date, tables: TablesLike) -> PartResult:
    """Check every household (no explanations; the formulas of :mod:`advisor_app.rules.frame` and
    ``dibao_formulas`` run once over all of them, as the one-household check runs them) and keep the
    rows screening stores: the results that are eligible or needs_info (an ineligible result is the
    absence of a row: most results are ineligible, and writing them would double the time of a
    screening). ``counts`` covers all."""
    rows: list[ResultRow] = []
    add = rows.append
    tally: dict[tuple[str, str], int] = {}  # (a plain dict in the loop: a Counter's += is slower)
    get = tally.get
    batch = list(households)
    frame = frame_from_households(batch, on, tables)  # 低保 and 低保边缘: formulas over all of them at once
    for h, result in zip(batch, check_frame(frame), strict=True):
        member_ids: dict[str, str | None] | None = None
        hid = h.id or ""
        for p in result.programs:
            key = (p.program, p.status)
            tally[key] = get(key, 0) + 1
            if key[1] == INELIGIBLE:
                continue
            if p.member is None:
                add((hid, None, key[0], key[1], p.amount_fen, p.detail))
            else:
                if member_ids is None:
                    member_ids = {m.id_number: m.id for m in h.members}
                add((hid, member_ids.get(p.member), key[0], key[1], p.amount_fen, p.detail))
    return PartResult(len(batch), rows, Counter(tally))


def run_part(job: PartJob) -> PartResult:
    """Read and check the households whose id is in ``[job.lo, job.hi)``."""
    engine = store_engine.create_engine(job.database_url)
    try:
        with gc_paused(), engine.connect() as conn:
            store_engine.tune_for_reading(conn)  # this connection only reads
            batches = read_for_screening(sql_runner(conn), lo=job.lo, hi=job.hi)
            return result_rows((h for batch in batches for h in batch), job.on, job.tables)
    finally:
        engine.dispose()
