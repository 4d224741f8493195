"""The county's 低保 policy beyond the standard: excluded income kinds, deductions, 渐退期 and tiers.

Table keys (``policy_format.KEYS`` lists them with the others; see ``resources/policy/README.md``):

* ``dibao_excluded_<kind>`` (unit 是否: 1 = not counted, 0 = counted) for the kinds a city lists
  (POLICY §1, Art. 13): 高龄津贴, 困难残疾人生活补贴, 重度残疾人护理补贴, 医疗保险报销. Shipped at
  340000 as 1, a cited default (most Anhui cities exclude them).
* 就业成本 per working member (a counted member with wage income): ``dibao_work_cost_monthly`` (元/人/月),
  ``dibao_work_cost_wage_share`` (倍: 0.2 = a fifth of that member's wage),
  ``dibao_work_cost_standard_share`` (倍 of the 低保标准). Several in force are added up; the total
  for one member never exceeds that member's wage. None shipped: nothing is deducted.
* 刚性支出: ``dibao_rigid_expense_deduction`` (是否): 1 = the household's self-paid medical and
  education costs of the last 12 months, divided by 12, are deducted. None shipped (off).
* ``dibao_gradual_exit_months`` (月): the 渐退期, shipped 6 as a default.
* Tiers (分档): ``dibao_tier_{a,b,c}_gap_min`` (元/人/月: the class applies when the standard minus
  the per-capita income is at least this) with ``dibao_tier_{a,b,c}_amount`` (元/人/月 paid per
  counted member). 分类施保: ``dibao_supplement_{severely_ill,severely_disabled,elderly,minor}``
  (元/人/月 per counted member of that kind; a member of several kinds gets the highest one). No
  Anhui tiers are shipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from .dibao_keys import LISTED_KINDS, SPECS, SUPPLEMENT_KINDS, TIERS
from .results import PolicyValueLike


class TablesLike(Protocol):
    def lookup(self, region: str, key: str, on: dt.date,
               area: str | None = None) -> PolicyValueLike | None: ...

# Shown in the check's ``policy`` when in force (the exclusion flags and the 渐退期 are cited in the
# reasons that use them, so they do not lengthen every household's list of figures).
SHOWN_KEYS = tuple(k for k, _, _ in SPECS if not k.startswith("dibao_excluded_"))


@dataclass(frozen=True, slots=True)
class Tier:
    name: str  # "A", "B", "C"
    gap_min_fen: int
    amount_fen: int


@dataclass(slots=True)
class DibaoPolicy:
    values: dict[str, PolicyValueLike] = field(default_factory=dict)  # every key above in force
    counted_listed: frozenset[str] = frozenset()  # listed kinds the county counts (flag 0)
    excluded_listed: frozenset[str] = frozenset(LISTED_KINDS)  # listed kinds excluded (flag 1 or no row)
    work_fixed_fen: int = 0
    work_wage_milli: int = 0
    work_standard_milli: int = 0
    rigid: bool = False
    exit_months: int | None = None
    tiers: tuple[Tier, ...] = ()  # largest gap first
    supplements_fen: dict[str, int] = field(default_factory=dict)  # kind → fen per member per month

    @property
    def deducts(self) -> bool:
        return bool(self.work_fixed_fen or self.work_wage_milli or self.work_standard_milli or self.rigid)


def _fen(v: PolicyValueLike | None) -> int:
    return 0 if v is None else round(v.value * 100)


def _milli(v: PolicyValueLike | None) -> int:
    return 0 if v is None else round(v.value * 1000)


def build(tables: TablesLike, region: str, area: str, on: dt.date) -> DibaoPolicy:
    values: dict[str, PolicyValueLike] = {}
    for key in (*(k for k, _, _ in SPECS), "dibao_gradual_exit_months"):
        v = tables.lookup(region, key, on, area)
        if v is not None:
            values[key] = v
    g = values.get
    counted = frozenset(k for k in LISTED_KINDS if (v := g(f"dibao_excluded_{k}")) is not None and v.value == 0)
    tiers = []
    for t in TIERS:
        gap, amount = g(f"dibao_tier_{t}_gap_min"), g(f"dibao_tier_{t}_amount")
        if gap is not None and amount is not None:
            tiers.append(Tier(t.upper(), _fen(gap), _fen(amount)))
    exit_v = g("dibao_gradual_exit_months")
    rigid = g("dibao_rigid_expense_deduction")
    return DibaoPolicy(
        values=values, counted_listed=counted, excluded_listed=frozenset(LISTED_KINDS) - counted,
        work_fixed_fen=_fen(g("dibao_work_cost_monthly")), work_wage_milli=_milli(g("dibao_work_cost_wage_share")),
        work_standard_milli=_milli(g("dibao_work_cost_standard_share")),
        rigid=rigid is not None and rigid.value >= 1,
        exit_months=None if exit_v is None else int(exit_v.value),
        tiers=tuple(sorted(tiers, key=lambda t: -t.gap_min_fen)),
        supplements_fen={k: _fen(v) for k in SUPPLEMENT_KINDS if (v := g(f"dibao_supplement_{k}")) is not None})
