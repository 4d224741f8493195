"""One batch of a screening: packed inputs → a frame → the formulas → compact result rows.

The batch's households come as their packed rows (``store.household_inputs``: one query for the
whole profile, no objects); their frame is built from the arrays (``np.frombuffer`` of the joined
records, :func:`~advisor_app.rules.frame.frame_from_inputs`), every programme's formulas run once
over it and the results are read from the traces' arrays (:func:`~advisor_app.rules.rows.frame_rows`)
into the stored rows (:func:`~advisor_app.store.screening_results.pack_results`). Only two kinds of
household are read as objects (:func:`objects_needed`, both rare): those whose record cannot tell
which 低保 receipt applies (more receipts than a record keeps), before the formulas, and those the
特困 formulas leave undecided, checked one by one with :func:`~advisor_app.rules.check.check_in_frame`.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from advisor_app.domain.household import Household
from advisor_app.domain.inputs import HOUSEHOLD_INPUT, INCOME_INPUT, MEMBER_INPUT, SUPPORTER_INPUT, Inputs
from advisor_app.rules.check import Traces, check_in_frame, formulas
from advisor_app.rules.dibao_formulas import NO
from advisor_app.rules.frame import Frame, frame_from_households, frame_from_inputs, settle_receipts
from advisor_app.rules.rows import DETAILS, PROGRAMS, STATUS_CODES, frame_rows
from advisor_app.rules.snapshot import TablesLike
from advisor_app.store.household_inputs import COLUMNS
from advisor_app.store.screening import read_for_screening, sql_runner
from advisor_app.store.screening_results import (
    DETAIL_CODE,
    DIGEST_SPAN,
    NO_AMOUNT,
    NO_MEMBER,
    PROGRAM_CODE,
    STATUS_CODE,
    PackedRow,
    RangeDigest,
    pack_results,
)

BATCH = 5_000  # households per frame: memory stays flat (20,000: +85 MB), progress and cancel between batches
assert BATCH % DIGEST_SPAN == 0  # (a batch of packed inputs holds whole ranges of digests)


@dataclass(slots=True)
class PartResult:
    households: int
    rows: list[PackedRow]  # one per household with a stored (eligible or needs_info) result
    ranges: list[RangeDigest]  # the digests of ``rows`` by range of packed inputs
    counts: Counter[tuple[str, str]]
    objects: int = 0  # households read as objects
    stored: int = 0  # the results in ``rows`` (eligible and needs_info)


# the rules' codes (rules.rows) as the stored codes (store.screening_results)
_PROGRAM = np.array([PROGRAM_CODE[p] for p in PROGRAMS], np.int64)
_STATUS = np.array([STATUS_CODE[x] for x in STATUS_CODES], np.int64)
_DETAIL = np.array([DETAIL_CODE[d] for d in DETAILS], np.int64)
_ID, _MEMBER_IDS, _ROWID = operator.itemgetter(0), operator.itemgetter(7), operator.itemgetter(8)  # of a packed row


def frame_of(packed: Sequence[Sequence[Any]], on: dt.date, tables: TablesLike) -> Frame:
    """The frame of these packed rows (household id, region, area, record, member records,
    supporter records, income records, member ids)."""
    n = len(packed)
    if not n:
        return frame_from_households([], on, tables)
    _ids, regions, areas, households, members, supporters, incomes, *_rest = zip(*packed, strict=True)  # (in C)
    inputs = Inputs(np.frombuffer(b"".join(households), HOUSEHOLD_INPUT),
                    np.frombuffer(b"".join(members), MEMBER_INPUT),
                    np.fromiter(map(len, members), np.int64, n) // MEMBER_INPUT.itemsize,
                    np.frombuffer(b"".join(supporters), SUPPORTER_INPUT),
                    np.fromiter(map(len, supporters), np.int64, n) // SUPPORTER_INPUT.itemsize,
                    np.frombuffer(b"".join(incomes), INCOME_INPUT),
                    np.fromiter(map(len, incomes), np.int64, n) // INCOME_INPUT.itemsize)
    return frame_from_inputs(inputs, list(zip(regions, areas, strict=True)), on, tables)


def objects_needed(frame: Frame, traces: Traces | None = None) -> npt.NDArray[np.bool_]:
    """The households whose results need their object: before the formulas (``traces`` None) those
    whose record cannot tell which 低保 receipt applies; after them also those the 特困 formulas
    leave undecided."""
    if traces is None:
        return frame.receipt_unknown.copy()
    return frame.receipt_unknown | traces.tekun.undecided


def _objects(conn: sa.Connection, packed: Sequence[Sequence[Any]], wanted: npt.NDArray[np.bool_]
             ) -> dict[str, Household]:
    """The objects of the wanted households of the batch."""
    ids = [packed[i][0] for i in np.flatnonzero(wanted).tolist()]
    runner = sql_runner(conn)
    return {h.id or "": h for start in range(0, len(ids), 500)
            for b in read_for_screening(runner, ids=ids[start:start + 500]) for h in b}


def _one_by_one(frame: Frame, traces: Traces, households: list[int],
                tally: Counter[tuple[str, str]]) -> tuple[npt.NDArray[np.int64], ...]:
    """The stored results (household, programme, status, member, detail, amount as codes) of these
    households, each checked alone with its object; ``tally`` counts all their results."""
    kept: list[tuple[int, int, int, int, int, int]] = []
    for i in households:
        h = frame.household(i)
        position = {m.id_number: k for k, m in enumerate(h.members)}
        for p in check_in_frame(frame, traces, i, explain=False).programs:
            tally[(p.program, p.status)] += 1
            if p.status == "ineligible":
                continue
            fen = p.amount_fen
            kept.append((i, PROGRAM_CODE[p.program], STATUS_CODE[p.status],
                         NO_MEMBER if p.member is None else position[p.member], DETAIL_CODE[p.detail],
                         NO_AMOUNT if fen is None else fen))
    c = np.array(kept, np.int64).reshape(len(kept), 6).T
    return c[0], c[1], c[2], c[3], c[4], c[5]


def screen_batch(conn: sa.Connection, packed: Sequence[Sequence[Any]], on: dt.date, tables: TablesLike
                 ) -> PartResult:
    """Check the households of ``packed`` (:func:`check_packed`), reading the objects it needs from
    ``conn``."""
    return check_packed(packed, on, tables, lambda wanted: _objects(conn, packed, wanted))


ReadObjects = Callable[[npt.NDArray[np.bool_]], dict[str, Household]]
"""The objects of the households a mask over the batch marks, by household id."""


def check_packed(packed: Sequence[Sequence[Any]], on: dt.date, tables: TablesLike, read: ReadObjects) -> PartResult:
    """Check the households of ``packed`` (no explanations) and keep what screening stores: per
    household its eligible and needs_info results (an ineligible result is the absence of a record;
    most are). ``counts`` covers all results."""
    frame = frame_of(packed, on, tables)
    early = objects_needed(frame)
    found = read(early) if early.any() else {}
    if found:
        frame.households = [found.get(hid) for hid in map(_ID, packed)]
        settle_receipts(frame)
    traces = formulas(frame)
    table = frame_rows(frame, traces, ineligible=False)  # (without the undecided households)
    late = objects_needed(frame, traces) & ~early
    if late.any():
        found.update(read(late))
        frame.households = [found.get(r[0]) for r in packed]
    counts: Counter[tuple[str, str]] = Counter({
        (PROGRAMS[c // 3], STATUS_CODES[c % 3]): v for c, v in enumerate(table.tally.tolist()) if v})
    house, member = table.household, table.member  # (the stored results: eligible and needs_info)
    columns = [house, _PROGRAM[table.program], _STATUS[table.status],
               np.where(member < 0, NO_MEMBER, member - frame.first[house]), _DETAIL[table.detail],
               np.where(table.amount_fen == NO, NO_AMOUNT, table.amount_fen)]
    undecided = np.flatnonzero(traces.tekun.undecided).tolist()
    if undecided:  # their results in their place, after those of the households before them
        alone = _one_by_one(frame, traces, undecided, counts)
        order = np.argsort(np.concatenate([house, alone[0]]), kind="stable")
        columns = [np.concatenate([a, b])[order] for a, b in zip(columns, alone, strict=True)]
    ranges = None
    if packed and len(packed[0]) > len(COLUMNS):  # (read by ranges of rowid: the rowid after the columns)
        ranges = np.fromiter(map(_ROWID, packed), np.int64, len(packed)) // DIGEST_SPAN
    rows, digests = pack_results(list(map(_ID, packed)), list(map(_MEMBER_IDS, packed)), *columns, ranges=ranges)
    return PartResult(len(packed), rows, digests, counts, objects=len(found), stored=len(columns[0]))
