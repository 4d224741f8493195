"""临时救助 and 刚性支出困难家庭 as formulas over a :class:`~.frame.Frame`, for all households at once.

:func:`aid_formulas` returns an :class:`AidTrace`: the named intermediate arrays (the essential
expenses of the last 12 months, the comparison with the previous-year disposable income, the sudden
event and its window, 支出型's test, 刚性支出's share) and the outcome of both programmes (status
codes, the kind of 临时救助, its cap). Nothing here builds a sentence: :mod:`.temporary`,
:mod:`.rigid` and :mod:`.disposable` word one household's reasons and missing facts by reading its
entries of the trace. The rules themselves are described where they are worded.

Conditions are tri-state int8 arrays (1 held, 0 failed, -1 unknown); statuses are codes into
:data:`.dibao_formulas.STATUSES`. All arithmetic is exact integers (fen, thousandths, days as
ordinals).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import numpy as np

from .dibao_formulas import NO, Tri, status_codes, tri
from .frame import Bools, Frame, Ints
from .snapshot import Policy

KINDS = ("", "急难型", "支出型")  # 临时救助 kind codes 0 (none), 1, 2


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


@dataclass(slots=True)
class AidTrace:
    """The named intermediate arrays of one run (all per household)."""

    spent_fen: Ints  # self-paid medical + education of the last 12 months
    yearly_fen: Ints  # counted monthly income × 12
    below_disposable: Tri  # yearly income per counted member below the disposable income (0 with nobody)
    # 临时救助
    window_months: Ints  # the 急难型 window (NO where unknown)
    since_day: Ints  # the first day of the window (ordinal; NO where unknown)
    emergency_future: Bools  # the recorded event lies after the check date
    emergency_recent: Bools  # the event lies within the window
    emergency_ok: Tri  # 急难型: a recent event and hardship
    left_fen: Ints  # yearly income less the essential expenses (may be negative)
    expense_high: Bools  # there are such expenses and what is left is below the standard × members × 12
    expense_ok: Tri  # 支出型: expenses too high and income below the disposable income (-1: no standard)
    temporary_status: Tri
    temporary_kind: Ints  # index into KINDS
    cap_yuan: Ints  # cap multiple × standard, whole yuan (NO where unknown)
    # 刚性支出困难家庭
    share_milli: Ints  # rigid_expense_share, percent × 1000 (NO where unknown)
    spending_high: Tri  # expenses above the share of the yearly income
    rigid_status: Tri


def _window(p: Policy) -> int | None:
    v = p.values.get("temporary_emergency_window_months")
    return None if v is None else round(v.value)


def _share(p: Policy) -> int | None:
    v = p.values.get("rigid_expense_share")
    return None if v is None else round(v.value * 1000)


def _cap(p: Policy) -> int | None:
    if p.standard_fen is None or p.cap_milli is None:
        return None
    return p.standard_fen * p.cap_milli // 1000 // 100


def aid_formulas(f: Frame) -> AidTrace:
    std, std_known = f.policy_column(lambda p: p.standard_fen)
    n, inc = f.counted_n, f.income_fen
    has_members = n > 0
    spent = f.medical_fen + f.education_fen
    yearly = inc * 12
    disposable, disposable_known = f.policy_column(lambda p: p.disposable_yearly_fen)
    below = tri(yearly < disposable * n, disposable_known)
    below = np.where(has_members, below, 0).astype(np.int8)
    # --- 临时救助 急难型 ---
    on = f.on
    window, window_known = f.policy_column(_window)
    since, _ = f.policy_column(lambda p: None if (w := _window(p)) is None else months_before(on, w).toordinal())
    future = f.emergency & (f.emergency_day > on.toordinal())
    event = f.emergency & ~future
    recent = event & window_known & (f.emergency_day >= since)
    emergency_ok = np.where(event & ~window_known, -1, np.where(recent, below, 0)).astype(np.int8)
    # --- 支出型 ---
    left = yearly - spent
    high = std_known & (spent > 0) & (left < std * n * 12)
    expense_ok = np.where(std_known, np.where(high, below, 0), -1).astype(np.int8)
    unknown = (emergency_ok < 0) | (expense_ok < 0)
    kind = np.where(emergency_ok == 1, 1, np.where(expense_ok == 1, 2, 0)).astype(np.int64)
    status = np.where(kind > 0, 1, np.where(unknown, 2, 0))
    status = np.where(~std_known, 2, np.where(~has_members, 0, status)).astype(np.int8)
    kind = np.where(std_known & has_members, kind, 0)
    cap, cap_known = f.policy_column(_cap)
    # --- 刚性支出困难家庭 ---
    share, share_known = f.policy_column(_share)
    spending_high = np.where(spent == 0, 0, tri(spent * 100_000 > share * yearly, share_known)).astype(np.int8)
    rigid_status = np.where(has_members, status_codes(below, spending_high), 0).astype(np.int8)
    return AidTrace(
        spent_fen=spent, yearly_fen=yearly, below_disposable=below,
        window_months=np.where(window_known, window, NO), since_day=np.where(window_known, since, NO),
        emergency_future=future, emergency_recent=recent, emergency_ok=emergency_ok, left_fen=left,
        expense_high=high, expense_ok=expense_ok, temporary_status=status, temporary_kind=kind,
        cap_yuan=np.where(cap_known, cap, NO), share_milli=np.where(share_known, share, NO),
        spending_high=spending_high, rigid_status=rigid_status)


__all__ = ["KINDS", "AidTrace", "aid_formulas", "months_before"]
