"""The policy figures one check needs, looked up once per (tables, region, area, date).

Looking values up walks county → city → province tables and effective dates; a batch of 140,000
households touches only a few dozen distinct (region, area, date) combinations, so the figures are
cached here as integer fen (money) and integer thousandths (multiples): the checks then compare
integers only, never floats and never Decimal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from advisor_app.domain.vocab import EMPTY, Text

from . import dibao_policy
from .dibao_policy import DibaoPolicy
from .results import PolicyValueLike

if TYPE_CHECKING:
    from .policy import TableChoice

DEFAULT_NOTE = Text("（默认值，县里未另行规定）", " (default: the county has set no figure of its own)")

KEYS = (
    "dibao_standard", "dibao_edge_multiple", "asset_financial_months", "asset_vehicles_max",
    "asset_extra_houses_max", "tekun_basic_multiple", "tekun_basic_yearly",
    "temporary_emergency_min_multiple", "temporary_cap_multiple", "orphan_standard_monthly",
    "disposable_income_yearly",
    "temporary_emergency_window_months", "rigid_expense_share",
)
CARE_KEYS = ("care_full", "care_partial", "care_self")


class TablesLike(Protocol):
    def lookup(self, region: str, key: str, on: dt.date,
               area: str | None = None) -> PolicyValueLike | None: ...


@runtime_checkable
class ChoosesTable(Protocol):
    """Tables that can say whose table a region uses (``rules.policy.PolicyTables`` can)."""

    def table_for(self, region: str, on: dt.date) -> TableChoice: ...


def _fen(v: PolicyValueLike | None) -> int | None:
    return None if v is None else round(v.value * 100)


def _milli(v: PolicyValueLike | None) -> int | None:
    return None if v is None else round(v.value * 1000)


def _int(v: PolicyValueLike | None) -> int | None:
    return None if v is None else int(v.value)


@dataclass(slots=True)
class Policy:
    """Figures in force for one region, area and date (``None`` where nothing is known)."""

    region: str
    area: str
    on: dt.date
    values: dict[str, PolicyValueLike] = field(default_factory=dict)
    standard_fen: int | None = None  # 低保标准, per person per month
    edge_milli: int | None = None  # 低保边缘 upper line, thousandths of the standard (1500)
    asset_months_milli: int | None = None  # financial assets per member ≤ months × standard
    vehicles_max: int | None = None
    houses_max: int | None = None
    tekun_multiple_milli: int | None = None
    tekun_yearly_fen: int | None = None
    emergency_min_milli: int | None = None
    cap_milli: int | None = None
    orphan_fen: int | None = None
    disposable_yearly_fen: int | None = None
    care_yearly_fen: dict[str, int] = field(default_factory=dict)  # care level → yuan/year in fen
    care_keys: dict[str, str] = field(default_factory=dict)  # care level → the table key used
    table: TableChoice | None = None  # whose table, and why (None: tables that cannot say)
    dibao: DibaoPolicy = field(default_factory=DibaoPolicy)  # excluded kinds, deductions, 渐退期, tiers

    def default_note(self, key: str) -> Text:
        v = self.values.get(key)
        return DEFAULT_NOTE if v is not None and v.is_default else EMPTY


def _care_fen(v: PolicyValueLike) -> int:
    """Care standards come per month or per year; keep them per year."""
    per_month = "月" in v.unit
    return round(v.value * 100 * (12 if per_month else 1))


def build(tables: TablesLike, region: str, area: str, on: dt.date) -> Policy:
    values: dict[str, PolicyValueLike] = {}
    for key in KEYS:
        v = tables.lookup(region, key, on, area)
        if v is not None:
            values[key] = v
    care: dict[str, int] = {}
    care_keys: dict[str, str] = {}
    for key in CARE_KEYS:
        # Dispersed support (分散供养) is what an advisor's families receive at home.
        v = tables.lookup(region, key + "_dispersed", on, area) or tables.lookup(region, key, on, area)
        if v is not None:
            values[v.key] = v
            care[key.removeprefix("care_")] = _care_fen(v)
            care_keys[key.removeprefix("care_")] = v.key
    extra = dibao_policy.build(tables, region, area, on)
    for key in dibao_policy.SHOWN_KEYS:
        if key in extra.values:
            values[key] = extra.values[key]
    g = values.get
    return Policy(
        region=region, area=area, on=on, values=values,
        standard_fen=_fen(g("dibao_standard")),
        edge_milli=_milli(g("dibao_edge_multiple")),
        asset_months_milli=_milli(g("asset_financial_months")),
        vehicles_max=_int(g("asset_vehicles_max")),
        houses_max=_int(g("asset_extra_houses_max")),
        tekun_multiple_milli=_milli(g("tekun_basic_multiple")),
        tekun_yearly_fen=_fen(g("tekun_basic_yearly")),
        emergency_min_milli=_milli(g("temporary_emergency_min_multiple")),
        cap_milli=_milli(g("temporary_cap_multiple")),
        orphan_fen=_fen(g("orphan_standard_monthly")),
        disposable_yearly_fen=_fen(g("disposable_income_yearly")),
        care_yearly_fen=care,
        care_keys=care_keys,
        table=tables.table_for(region, on) if isinstance(tables, ChoosesTable) else None,
        dibao=extra,
    )


_cache: dict[tuple[int, str, str, dt.date], tuple[TablesLike, Policy]] = {}


def policy_for(tables: TablesLike, region: str, area: str, on: dt.date) -> Policy:
    """The cached :class:`Policy` for ``(tables, region, area, on)``."""
    key = (id(tables), region, area, on)
    hit = _cache.get(key)
    if hit is not None and hit[0] is tables:
        return hit[1]
    if len(_cache) > 4096:
        _cache.clear()
    policy = build(tables, region, area, on)
    _cache[key] = (tables, policy)
    return policy
