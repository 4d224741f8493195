"""One batch of a screening: packed inputs → a frame → the formulas → compact result rows.

The batch's households come as their packed rows (``store.household_inputs``: one query for the
whole profile, no objects); their frame is built from the arrays (``np.frombuffer`` of the joined
records, :func:`~advisor_app.rules.frame.frame_from_inputs`) and every programme's formulas run once
over it. The programmes still computed per household in Python (特困 with the supporter analysis,
事实无人抚养儿童, and each household's results: :func:`~advisor_app.rules.check.check_in_frame`) need
the household as an object: :func:`objects_needed` says which households (a mask), and only those
are read as objects. Today that is every household; once those programmes are formulas and the
results are built from the traces' arrays, the mask becomes empty and no object is read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from advisor_app.domain.household import Household
from advisor_app.domain.inputs import HOUSEHOLD_INPUT, MEMBER_INPUT
from advisor_app.rules.check import check_in_frame, formulas
from advisor_app.rules.frame import Frame, frame_from_inputs, settle_receipts
from advisor_app.rules.results import INELIGIBLE
from advisor_app.rules.snapshot import TablesLike
from advisor_app.store.screening import read_for_screening, sql_runner
from advisor_app.store.screening_results import (
    DETAIL_CODE,
    NO_AMOUNT,
    NO_MEMBER,
    PROGRAM_CODE,
    STATUS_CODE,
    PackedRow,
    pack_results,
)

BATCH = 20_000  # households per frame: memory stays flat, progress and cancel between batches


@dataclass(slots=True)
class PartResult:
    households: int
    rows: list[PackedRow]  # one per household with a stored (eligible or needs_info) result
    counts: Counter[tuple[str, str]]
    objects: int = 0  # households read as objects


def frame_of(packed: Sequence[Sequence[Any]], on: dt.date, tables: TablesLike) -> Frame:
    """The frame of these packed rows (household id, region, area, record, member records, ids)."""
    hrec = np.frombuffer(b"".join(r[3] for r in packed), HOUSEHOLD_INPUT)
    mrec = np.frombuffer(b"".join(r[4] for r in packed), MEMBER_INPUT)
    counts = np.fromiter((len(r[4]) for r in packed), np.int64, len(packed)) // MEMBER_INPUT.itemsize
    return frame_from_inputs(hrec, mrec, counts, [(r[1], r[2]) for r in packed], on, tables)


def objects_needed(frame: Frame) -> npt.NDArray[np.bool_]:
    """The households whose results still need their object: those of the per-household programmes
    (every household, as long as ``check_in_frame`` builds each household's results) and those
    whose record cannot tell which 低保 receipt applies."""
    return np.ones(frame.size, np.bool_) | frame.receipt_unknown


def _objects(conn: sa.Connection, packed: Sequence[Sequence[Any]], wanted: npt.NDArray[np.bool_],
             hi: str | None) -> dict[str, Household]:
    """The objects of the wanted households of the batch (``hi``: the next batch's first id)."""
    ids = [packed[i][0] for i in np.flatnonzero(wanted).tolist()]
    if not ids:
        return {}
    runner = sql_runner(conn)
    if len(ids) > len(packed) // 4:  # most of the batch: read its id range, keep the wanted ones
        keep = set(ids)
        return {h.id or "": h for b in read_for_screening(runner, lo=packed[0][0], hi=hi) for h in b if h.id in keep}
    return {h.id or "": h for start in range(0, len(ids), 500)
            for b in read_for_screening(runner, ids=ids[start:start + 500]) for h in b}


def screen_batch(conn: sa.Connection, packed: Sequence[Sequence[Any]], on: dt.date, tables: TablesLike, *,
                 hi: str | None = None) -> PartResult:
    """Check the households of ``packed`` (no explanations) and keep what screening stores: per
    household its eligible and needs_info results (an ineligible result is the absence of a record;
    most are). ``counts`` covers all results."""
    frame = frame_of(packed, on, tables)
    wanted = objects_needed(frame)
    found = _objects(conn, packed, wanted, hi)
    frame.households = [found.get(r[0]) if wanted[i] else None for i, r in enumerate(packed)]
    settle_receipts(frame)
    traces = formulas(frame)
    tally: dict[tuple[str, str], int] = {}  # (a plain dict in the loop: a Counter's += is slower)
    get = tally.get
    kept: list[tuple[int, int, int, int, int, int]] = []  # household, programme, status, member, detail, fen
    add = kept.append
    member_ids = [""] * len(packed)
    for i in np.flatnonzero(wanted).tolist():
        h = frame.household(i)
        position: dict[str, int] | None = None
        for p in check_in_frame(frame, traces, i, explain=False).programs:
            key = (p.program, p.status)
            tally[key] = get(key, 0) + 1
            if key[1] == INELIGIBLE:
                continue
            member = NO_MEMBER
            if p.member is not None:
                if position is None:
                    position = {m.id_number: k for k, m in enumerate(h.members)}
                    member_ids[i] = " ".join(m.id or "" for m in h.members)
                member = position[p.member]
            fen = p.amount_fen
            add((i, PROGRAM_CODE[key[0]], STATUS_CODE[key[1]], member, DETAIL_CODE[p.detail],
                 NO_AMOUNT if fen is None else fen))
    c = np.array(kept, np.int64).reshape(len(kept), 6).T
    rows = pack_results([r[0] for r in packed], member_ids, c[0], c[1], c[2], c[3], c[4], c[5])
    return PartResult(len(packed), rows, Counter(tally), objects=len(found))
