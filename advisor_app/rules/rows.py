"""The batch's results straight from the traces: one entry per programme result, as arrays.

:func:`frame_rows` lists, for every household of a frame, the results :func:`.check.check_in_frame`
gives it — in the same order (低保, 低保边缘, 单人保 a/b then c per member, 特困 per member alive and
born, 事实无人抚养儿童 per such member under 18, 临时救助, 刚性支出困难家庭 from 2025-01-01) with the
same status, amount in fen (``amount_fen``: the monthly amount, the cap for 临时救助) and detail
(care level, kind of 临时救助) — read from the formulas' arrays, with no Python per household.

The households the 特困 formulas leave undecided (``TekunTrace.undecided``) are checked one by one
with :func:`.check.check_in_frame` and their results put in their place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .check import Traces
from .dibao_formulas import NO, Tri
from .frame import Frame, Ints
from .rigid import assessed_on
from .tekun_formulas import CARE

PROGRAMS = ("dibao", "dibao_edge", "dibao_single", "tekun", "unsupported_child", "temporary", "rigid_expense")
STATUS_CODES = ("ineligible", "eligible", "needs_info")  # = dibao_formulas.STATUSES
DETAILS = ("", *CARE, "急难型", "支出型")  # detail codes: 1–3 care levels, 4–5 kinds of 临时救助


@dataclass(slots=True)
class Rows:
    """One entry per result (R), in the order of the one-household check."""

    household: Ints  # index into the frame's households
    member: Ints  # member index (-1 for a household programme)
    program: Ints  # index into PROGRAMS
    status: Ints  # index into STATUS_CODES
    amount_fen: Ints  # NO where none
    detail: Ints  # index into DETAILS
    tally: Ints  # how many results of each (programme, status), ``program * 3 + status``: all of them (also
    # the ineligible ones left out with ``ineligible=False``)

    def __len__(self) -> int:
        return len(self.household)


def frame_rows(frame: Frame, traces: Traces, *, ineligible: bool = True) -> Rows:
    """Every result of every household of ``frame`` from ``traces``, except those of the households
    the 特困 formulas leave undecided (``traces.tekun.undecided``: see the module docstring);
    ``ineligible=False``: without the ineligible results (still counted in ``tally``)."""
    d, a, s, tk, ch = traces.dibao, traces.aid, traces.single, traces.tekun, traces.child
    n_hh = frame.size
    hh = frame.hh
    households = np.arange(n_hh, dtype=np.int64)
    none_n = np.full(n_hh, -1, np.int64)
    members = np.arange(len(hh), dtype=np.int64)
    std_known = d.standard_known
    has = frame.counted_n > 0
    parts: list[tuple[Ints, ...]] = []  # (household, member, slot, status …)

    def add(house: Ints, member: Ints, slot: int, program: str, status: Ints | Tri, amount: Ints,
            detail: Ints) -> None:
        parts.append((house, member, np.full(len(house), slot, np.int64), np.full(len(house), PROGRAMS.index(program),
                                                                                   np.int64),
                      status.astype(np.int64), amount.astype(np.int64), detail.astype(np.int64)))

    zeros_n = np.zeros(n_hh, np.int64)
    dibao_amount = np.where(d.dibao_status == 1, np.where(d.dibao_amount == NO, NO, d.dibao_amount * 100), NO)
    add(households, none_n, 0, "dibao", d.dibao_status, dibao_amount, zeros_n)
    add(households, none_n, 1, "dibao_edge", d.edge_status, np.full(n_hh, NO), zeros_n)
    routed = s.route > 0
    single_amount = np.where(s.amount == NO, NO, s.amount * 100)
    add(hh[routed], members[routed], 2, "dibao_single", s.status[routed], single_amount[routed],
        np.zeros(int(routed.sum()), np.int64))
    clergy = s.clergy
    k = int(clergy.sum())
    add(hh[clergy], members[clergy], 3, "dibao_single", np.full(k, 2), np.full(k, NO), np.zeros(k, np.int64))
    alive = frame.exists
    tekun_amount = np.where(tk.amount == NO, NO, tk.amount * 100)
    add(hh[alive], members[alive], 4, "tekun", tk.status[alive], tekun_amount[alive], (tk.care + 1)[alive])
    kids = ch.assessed
    child_amount = np.where(ch.amount == NO, NO, ch.amount * 100)
    add(hh[kids], members[kids], 5, "unsupported_child", ch.status[kids], child_amount[kids],
        np.zeros(int(kids.sum()), np.int64))
    temporary = np.where(~std_known, 2, np.where(has, a.temporary_status, 0))
    cap = np.where((temporary == 1) & (a.cap_yuan != NO), a.cap_yuan * 100, NO)
    kind = np.where(temporary == 1, np.where(a.temporary_kind > 0, a.temporary_kind + len(CARE), 0), 0)
    add(households, none_n, 6, "temporary", temporary, cap, kind)
    if assessed_on(frame.on):
        add(households, none_n, 7, "rigid_expense", np.where(has, a.rigid_status, 0), np.full(n_hh, NO), zeros_n)
    house, member, slot, program, status, amount, detail = (np.concatenate(c) for c in zip(*parts, strict=True))
    keep = ~tk.undecided[house]
    tally = np.bincount((program * 3 + status)[keep], minlength=len(PROGRAMS) * 3)
    if not ineligible:
        keep &= status != STATUS_CODES.index("ineligible")
    at = np.flatnonzero(keep)
    order = np.lexsort((member[at], slot[at], house[at]))
    sel = at[order]
    return Rows(household=house[sel], member=member[sel], program=program[sel], status=status[sel],
                amount_fen=amount[sel], detail=detail[sel], tally=tally)


__all__ = ["DETAILS", "PROGRAMS", "STATUS_CODES", "Rows", "frame_rows"]
