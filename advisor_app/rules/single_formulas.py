"""单人保 as formulas over a :class:`~.frame.Frame`: routes a, b and c for every member at once.

:func:`single_formulas` reads the frame and the 低保 formulas' run (:class:`~.dibao_formulas.DibaoTrace`:
the household's statuses, the listed income kinds the county counts) and returns a
:class:`SingleTrace`: the named intermediate arrays per member (the severe condition and its kind,
own counted income, the comparison with the standard, no work income, the route assessed) and per
household (the one-person share of the financial assets), and the outcome (status codes, amounts).
Nothing here builds a sentence: :mod:`.dibao_single` words one member's reasons by reading its
entries. The rules are described there.

Conditions are tri-state int8 arrays (1 held, 0 failed, -1 unknown); statuses are codes into
:data:`.dibao_formulas.STATUSES`. All arithmetic is exact integers (fen, thousandths).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .dibao_formulas import NO, DibaoTrace, Tri, status_codes, tri
from .facts import RELIGIOUS_MONTHS
from .frame import WHERE, Bools, Frame, Ints

ROUTES = ("", "a", "b")  # route codes 0 (not assessed), 1, 2; route c is ``clergy``
SEVERE = ("", "disability", "illness")  # why a member's condition is severe (route a)


@dataclass(slots=True)
class SingleTrace:
    """The named intermediate arrays of one run (M: per member, N: per household)."""

    severe_kind: Ints  # M: index into SEVERE (a severe disability before a serious illness)
    own_fen: Ints  # M: own counted income with the listed kinds the county counts (counted members)
    own_ok: Bools  # M: own income below the standard (false where the standard is unknown)
    no_work: Bools  # M: no wage or business income
    assets_ok: Tri  # N: household financial assets per counted member within the one-person limit
    route: Ints  # M: index into ROUTES, the route assessed for the member
    clergy: Bools  # M: route c, living at a religious site 3 years or more
    status: Tri  # M: the status of the route assessed (0 where none)
    amount: Ints  # M: standard − own income, rounded up to the yuan (NO where not eligible)


def single_formulas(f: Frame, d: DibaoTrace) -> SingleTrace:
    hh = f.hh
    std, std_known = d.standard_fen[hh], d.standard_known[hh]
    n = f.counted_n
    severe_kind = np.where(f.severe_disability, 1, np.where(f.serious_illness, 2, 0)).astype(np.int64)
    own = f.own_fen + d.listed_counted_fen
    own_ok = std_known & (own < std)
    no_work = ~f.works
    months, months_known = f.policy_column(lambda p: p.asset_months_milli)
    assets_ok = tri(f.financial_fen * 1000 <= months * d.standard_fen * n, months_known)
    edge = (d.edge_status == 1)[hh]
    alone = ~edge & (d.dibao_status != 1)[hh] & f.severe_disability & (f.age >= 18)
    route = np.where(f.counted & edge, 1, np.where(f.counted & alone, 2, 0)).astype(np.int64)
    yes = np.ones(len(hh), np.int8)
    status_a = status_codes((severe_kind > 0).astype(np.int8), own_ok.astype(np.int8))
    status_b = status_codes(yes, no_work.astype(np.int8), own_ok.astype(np.int8), assets_ok[hh])
    status_b = np.where(std_known, status_b, 2)
    status = np.where(route == 1, status_a, np.where(route == 2, status_b, 0)).astype(np.int8)
    amount = np.where((status == 1) & (route > 0), -(-(std - own) // 100), NO)
    clergy = f.exists & (f.where == WHERE.index("religious")) & (f.months_away >= RELIGIOUS_MONTHS)
    return SingleTrace(severe_kind=severe_kind, own_fen=own, own_ok=own_ok, no_work=no_work, assets_ok=assets_ok,
                       route=route, clergy=clergy, status=status, amount=amount)


__all__ = ["ROUTES", "SEVERE", "SingleTrace", "single_formulas"]
