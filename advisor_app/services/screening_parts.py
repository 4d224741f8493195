"""One part of a batch screening: read a range of households, check them, return compact rows.

Runs in a worker process (a 140,000-household screening is split into 16 parts by the first hex
digit of the household id) or in the calling process for small profiles. Only this module and what
it imports are loaded in a worker: the rules, the domain and the store's fast reader.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from advisor_app.rules.check import check_in_frame, formulas
from advisor_app.rules.dibao_formulas import NO
from advisor_app.rules.frame import frame_from_households
from advisor_app.rules.results import INELIGIBLE
from advisor_app.rules.rows import DETAILS, PROGRAMS, STATUS_CODES, frame_rows
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
    """Check every household (no explanations) and keep the rows screening stores: the results that
    are eligible or needs_info (an ineligible result is the absence of a row: most results are
    ineligible, and writing them would double the time of a screening). ``counts`` covers all.

    The formulas run once over all of them (:func:`advisor_app.rules.check.formulas`) and the results
    are read from their arrays (:func:`advisor_app.rules.rows.frame_rows`); only the few households
    the 特困 formulas leave undecided are checked one by one, as the one-household check does."""
    batch = list(households)
    frame = frame_from_households(batch, on, tables)
    traces = formulas(frame)
    table = frame_rows(frame, traces)
    code = table.program * 3 + table.status
    tally = np.bincount(code, minlength=len(PROGRAMS) * 3).tolist()
    counts: Counter[tuple[str, str]] = Counter({
        (PROGRAMS[c // 3], STATUS_CODES[c % 3]): v for c, v in enumerate(tally) if v})
    stored = np.flatnonzero(table.status != 0)
    first = frame.first
    house_of, member_of = table.household[stored].tolist(), table.member[stored].tolist()
    program_of, status_of = table.program[stored].tolist(), table.status[stored].tolist()
    amount_of, detail_of = table.amount_fen[stored].tolist(), table.detail[stored].tolist()
    starts = first.tolist()
    rows: list[ResultRow] = []
    add = rows.append
    for i, j, prog, st, amount, detail in zip(house_of, member_of, program_of, status_of, amount_of, detail_of,
                                              strict=True):
        h = batch[i]
        add((h.id or "", None if j < 0 else h.members[j - starts[i]].id, PROGRAMS[prog], STATUS_CODES[st],
             None if amount == NO else amount, DETAILS[detail]))
    undecided = np.flatnonzero(traces.tekun.undecided).tolist()
    if undecided:  # their rows in their place: after the rows of the households before them
        at = np.searchsorted(np.array(house_of, np.int64), np.array(undecided, np.int64)).tolist()
        pieces: list[ResultRow] = []
        done = 0
        for i, pos in zip(undecided, at, strict=True):
            pieces += rows[done:pos]
            done = pos
            h = batch[i]
            for p in check_in_frame(frame, traces, i, explain=False).programs:
                counts[(p.program, p.status)] += 1
                if p.status == INELIGIBLE:
                    continue
                member = None if p.member is None else next(m.id for m in h.members if m.id_number == p.member)
                pieces.append((h.id or "", member, p.program, p.status, p.amount_fen, p.detail))
        rows = pieces + rows[done:]
    return PartResult(len(batch), rows, counts)


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
