"""低保 and 低保边缘 as formulas over a :class:`~.frame.Frame`: the decisions, for all households at once.

:func:`dibao_formulas` returns a :class:`DibaoTrace`: every named intermediate array of the
calculation (counted income, deductions, the asset tests, per-capita comparisons, the 渐退期, tiers and
分类施保) and the outcome (status codes, amounts, margins) of both programmes. Nothing here builds a
sentence: :mod:`.dibao`, :mod:`.dibao_income`, :mod:`.dibao_pay` and :mod:`.context` word the
reasons of one household by reading its entries of the trace, so the check with its explanation and
the batch screening take the same decisions from the same formulas.

The rules themselves are described where they are worded: income (the county's listed kinds,
就业成本, 刚性支出) in :mod:`.dibao_income`; the asset test in :mod:`.context`; 低保, 低保边缘 in
:mod:`.dibao`; tiers, 分类施保 and the 渐退期 in :mod:`.dibao_pay`.

Conditions are tri-state int8 arrays: 1 held, 0 failed, -1 unknown (a policy figure missing);
statuses are codes into :data:`STATUSES`. All arithmetic is exact integers (fen, thousandths).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from .dibao_keys import LISTED_KINDS, SUPPLEMENT_KINDS
from .frame import KIND_INDEX, Bools, Frame, Ints
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO
from .snapshot import Policy

Tri = npt.NDArray[np.int8]
STATUSES = (INELIGIBLE, ELIGIBLE, NEEDS_INFO)  # status codes 0, 1, 2
NO = -1  # an amount, tier or day that does not apply
TIER_COUNT = 3
# 分类施保 kinds in name order: of two kinds with the same supplement the later one is named.
SUPPLEMENT_ORDER = tuple(sorted(SUPPLEMENT_KINDS))


def status_codes(*conditions: Tri) -> Tri:
    """ineligible if any condition failed, else needs_info if any is unknown, else eligible."""
    failed = np.zeros(len(conditions[0]), np.bool_)
    unknown = np.zeros(len(conditions[0]), np.bool_)
    for c in conditions:
        failed |= c == 0
        unknown |= c < 0
    return np.where(failed, 0, np.where(unknown, 2, 1)).astype(np.int8)


def tri(ok: Bools, known: Bools) -> Tri:
    return np.where(known, ok.astype(np.int8), np.int8(-1)).astype(np.int8)


@dataclass(slots=True)
class DibaoTrace:
    """The named intermediate arrays of one run (N: per household, M: per member)."""

    # policy (N)
    standard_fen: Ints
    standard_known: Bools
    edge_milli: Ints
    edge_known: Bools
    # income (M, then N)
    listed_counted_fen: Ints  # M: income of listed kinds the county counts, counted members only
    work_fixed_fen: Ints  # M: the parts of 就业成本 in force, for each counted member with wages
    work_wage_share_fen: Ints
    work_standard_share_fen: Ints
    work_fen: Ints  # M: 就业成本 deducted (at most the member's wage)
    gross_fen: Ints  # N
    rigid_fen: Ints  # N: 刚性支出 deducted
    net_fen: Ints  # N: income after deductions, never below 0
    # assets (N)
    financial_ok: Tri
    financial_limit_fen: Ints
    vehicles_ok: Tri
    houses_ok: Tri
    assets_ok: Tri
    # 低保 (N)
    line_fen: Ints  # standard × counted members
    income_ok: Tri  # net income below the line
    exit_end: Ints  # last day of the 渐退期 (ordinal; NO without a receipt)
    exit_inside: Bools
    exit_applies: Bools  # income at or above the line, assets not failed, within the period
    tier: Ints  # index into the policy's tiers (NO: 补差)
    base_fen: Ints  # 补差 or the tier's amount × members
    supplement_fen: Ints  # N: 分类施保 in all
    member_supplement_fen: Ints  # M
    member_supplement_kind: Ints  # M: index into SUPPLEMENT_ORDER (NO: none)
    dibao_status: Tri
    dibao_amount: Ints  # whole yuan (NO: none)
    dibao_margin_fen: Ints  # valid where ``dibao_has_margin``
    dibao_has_margin: Bools
    # 低保边缘 (N)
    at_least: Tri
    below_upper: Tri
    upper_total_fen: Ints
    edge_status: Tri
    edge_margin_fen: Ints
    edge_has_margin: Bools


def _ceil_yuan(fen: Ints) -> Ints:
    return -(-fen // 100)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end_of_exit(since: int, months: int) -> int:
    return (add_months(dt.date.fromordinal(since), months) - dt.timedelta(days=1)).toordinal()


def dibao_formulas(f: Frame) -> DibaoTrace:
    std, std_known = f.policy_column(lambda p: p.standard_fen)
    edge, edge_known = f.policy_column(lambda p: p.edge_milli)
    n = f.counted_n
    hh = f.hh
    counted = f.counted
    member_std = std[hh]
    # --- income: listed kinds the county counts, 就业成本, 刚性支出 ---
    listed = np.zeros(len(hh), np.int64)
    for kind in LISTED_KINDS:
        on, _ = f.policy_column(partial(_counts_listed, kind))
        listed += np.where(counted & (on[hh] == 1), f.income[:, KIND_INDEX[kind]], 0)
    wage = f.income[:, KIND_INDEX["wage"]]
    working = counted & (wage > 0)
    fixed, _ = f.policy_column(lambda p: p.dibao.work_fixed_fen)
    wage_milli, _ = f.policy_column(lambda p: p.dibao.work_wage_milli)
    std_milli, _ = f.policy_column(lambda p: p.dibao.work_standard_milli)
    work_fixed = np.where(working, fixed[hh], 0)
    work_wage = np.where(working, wage * wage_milli[hh] // 1000, 0)
    work_std = np.where(working & std_known[hh], member_std * std_milli[hh] // 1000, 0)
    work = np.minimum(wage, work_fixed + work_wage + work_std)
    work = np.where(working, work, 0)
    gross = f.income_fen + f.per_household(listed)
    rigid_on, _ = f.policy_column(lambda p: int(p.dibao.rigid))
    rigid = np.where(rigid_on == 1, (f.medical_fen + f.education_fen) // 12, 0)
    net = np.maximum(0, gross - f.per_household(work) - rigid)
    # --- assets ---
    months, months_known = f.policy_column(lambda p: p.asset_months_milli)
    vmax, vmax_known = f.policy_column(lambda p: p.vehicles_max)
    hmax, hmax_known = f.policy_column(lambda p: p.houses_max)
    limit_milli = months * std * n
    financial_ok = tri(f.financial_fen * 1000 <= limit_milli, std_known & months_known)
    vehicles_ok = tri(f.vehicles <= vmax, vmax_known)
    houses_ok = tri(f.extra_houses <= hmax, hmax_known)
    assets_ok = status_codes(financial_ok, vehicles_ok, houses_ok)
    assets_ok = np.where(assets_ok == 1, 1, np.where(assets_ok == 0, 0, -1)).astype(np.int8)
    # --- 低保 ---
    line = std * n
    has_members = n > 0
    income_ok = tri(net < line, std_known)
    exit_months, _ = f.policy_column(lambda p: p.dibao.exit_months or 0)
    exit_end = np.full(f.size, NO, np.int64)
    for i in np.flatnonzero(f.receipt):
        exit_end[i] = _end_of_exit(int(f.receipt_since[i]), int(exit_months[i]))
    exit_inside = f.receipt & (exit_months > 0) & (f.on.toordinal() <= exit_end)
    exit_applies = std_known & has_members & (income_ok == 0) & (assets_ok != 0) & exit_inside
    status = status_codes(income_ok, assets_ok)
    status = np.where(exit_applies, status_codes(np.ones(f.size, np.int8), assets_ok), status)
    status = np.where(~std_known, 2, np.where(~has_members, 0, status)).astype(np.int8)
    tier, base, supplement, member_supplement, member_kind = _pay(f, line - net, std_known)
    paid = (status == 1) & ~exit_applies
    amount = np.where(paid, _ceil_yuan(base + supplement), NO)
    amount = np.where(exit_applies & (status == 1), _ceil_yuan(f.receipt_fen), amount)
    # --- 低保边缘 ---
    both = std_known & edge_known
    at_least = tri(net >= line, both)
    below_upper = tri(net * 1000 < std * edge * n, both)
    upper_total = std * edge * n // 1000
    edge_status = status_codes(at_least, below_upper, assets_ok)
    edge_status = np.where(~both, 2, np.where(~has_members, 0, edge_status)).astype(np.int8)
    return DibaoTrace(
        standard_fen=std, standard_known=std_known, edge_milli=edge, edge_known=edge_known,
        listed_counted_fen=listed, work_fixed_fen=work_fixed, work_wage_share_fen=work_wage,
        work_standard_share_fen=work_std, work_fen=work, gross_fen=gross, rigid_fen=rigid, net_fen=net,
        financial_ok=financial_ok, financial_limit_fen=limit_milli // 1000, vehicles_ok=vehicles_ok,
        houses_ok=houses_ok, assets_ok=assets_ok, line_fen=line, income_ok=income_ok, exit_end=exit_end,
        exit_inside=exit_inside, exit_applies=exit_applies, tier=tier, base_fen=base, supplement_fen=supplement,
        member_supplement_fen=member_supplement, member_supplement_kind=member_kind, dibao_status=status,
        dibao_amount=amount, dibao_margin_fen=line - net, dibao_has_margin=std_known & has_members,
        at_least=at_least, below_upper=below_upper, upper_total_fen=upper_total, edge_status=edge_status,
        edge_margin_fen=np.where(net >= line, upper_total - net, net - line), edge_has_margin=both & has_members)


def _counts_listed(kind: str, p: Policy) -> int:
    return int(kind in p.dibao.counted_listed)


def _tier_gap_min(t: int, p: Policy) -> int | None:
    return p.dibao.tiers[t].gap_min_fen if len(p.dibao.tiers) > t else None


def _tier_amount(t: int, p: Policy) -> int:
    return p.dibao.tiers[t].amount_fen if len(p.dibao.tiers) > t else 0


def _supplement(kind: str, p: Policy) -> int | None:
    return p.dibao.supplements_fen.get(kind)


def _pay(f: Frame, gap: Ints, std_known: Bools) -> tuple[Ints, Ints, Ints, Ints, Ints]:
    """Tier (first of the policy's tiers, largest gap first, with gap ≥ gap_min × members) and its
    amount, else 补差; 分类施保 per counted member (the highest of its kinds)."""
    n = f.counted_n
    tier = np.full(f.size, NO, np.int64)
    base = gap.copy()
    for t in range(TIER_COUNT):
        gap_min, has = f.policy_column(partial(_tier_gap_min, t))
        amount, _ = f.policy_column(partial(_tier_amount, t))
        hit = has & (tier == NO) & (gap >= gap_min * n)
        tier = np.where(hit, t, tier)
        base = np.where(hit, amount * n, base)
    best = np.full(len(f.hh), NO, np.int64)
    kind = np.full(len(f.hh), NO, np.int64)
    yes = {"severely_ill": f.serious_illness, "severely_disabled": f.severe_disability,
           "elderly": f.age >= 60, "minor": f.age < 18}
    for k, name in enumerate(SUPPLEMENT_ORDER):
        fen, has = f.policy_column(partial(_supplement, name))
        applies = f.counted & yes[name] & has[f.hh] & (fen[f.hh] >= best)
        best = np.where(applies, fen[f.hh], best)
        kind = np.where(applies, k, kind)
    member_supplement = np.where(kind == NO, 0, best)
    return tier, base, f.per_household(member_supplement), member_supplement, kind


__all__ = ["NO", "STATUSES", "SUPPLEMENT_ORDER", "DibaoTrace", "add_months", "dibao_formulas", "status_codes", "tri"]
