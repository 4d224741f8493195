"""The shared state of one household check: facts, policy figures and the asset test.

Programmes read from a :class:`Ctx`; with ``explain`` false they build no reasons at all (batch
screening), and take exactly the same decisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advisor_app.domain.vocab import INCOME_KINDS

from .facts import (
    CITE_ASSETS,
    CITE_INCOME,
    EXCLUDED_INCOME,
    HouseholdFacts,
    figure,
    times,
    yuan,
)
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, Reason, because
from .snapshot import Policy


def status_of(conditions: list[bool | None]) -> str:
    """ineligible if any condition failed, else needs_info if any is unknown, else eligible."""
    if False in conditions:
        return INELIGIBLE
    if None in conditions:
        return NEEDS_INFO
    return ELIGIBLE


def missing_standard(p: Policy) -> str:
    return f"没有该地区在该日期的低保标准（地区 {p.region}，日期 {p.on.isoformat()}）"


def missing_value(p: Policy, what: str) -> str:
    return f"没有该地区在该日期的{what}（地区 {p.region}，日期 {p.on.isoformat()}）"


@dataclass(slots=True)
class AssetTest:
    ok: bool | None  # None: some limit unknown (and nothing failed)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Ctx:
    facts: HouseholdFacts
    policy: Policy
    explain: bool
    _assets: AssetTest | None = None

    @property
    def on(self) -> dt.date:
        return self.facts.on

    def std(self) -> str:
        """The 低保标准 as a phrase, flagged when it is a shipped default."""
        p = self.policy
        assert p.standard_fen is not None
        return f"本地低保标准 {figure(p.standard_fen)} 元{p.default_note('dibao_standard')}"

    def excluded_income_reasons(self) -> list[Reason]:
        """One sentence per excluded income item of a counted member (each kind shows)."""
        out = []
        for mf in self.facts.members:
            if not mf.counted:
                continue
            for inc in mf.member.incomes:
                if inc.kind in EXCLUDED_INCOME:
                    label = INCOME_KINDS[inc.kind]
                    out.append(because(
                        f"income_excluded_{inc.kind}", True,
                        f"{mf.member.name}的{label} {inc.monthly:.2f} 元/月不计入家庭收入", CITE_INCOME))
        return out

    def assets(self) -> AssetTest:
        if self._assets is None:
            self._assets = _asset_test(self)
        return self._assets


def _asset_test(c: Ctx) -> AssetTest:
    """Default rule (counties set their own): financial assets ≤ months × standard per counted
    member; no vehicle and no house beyond the home, unless the county's table allows more."""
    p, h, n = c.policy, c.facts.household, c.facts.counted
    a = h.assets
    oks: list[bool | None] = []
    t = AssetTest(None)
    financial_fen = round(a.financial * 100)
    if p.standard_fen is None or p.asset_months_milli is None:
        oks.append(None)
        if p.standard_fen is not None:
            t.missing.append(missing_value(p, "家庭金融资产限额（几个月低保标准）"))
    else:
        # Exact integers: financial ≤ months × standard × members.
        ok = financial_fen * 1000 <= p.asset_months_milli * p.standard_fen * n
        oks.append(ok)
        if c.explain:
            limit = p.asset_months_milli * p.standard_fen * n // 1000
            rel = "不超过" if ok else "超过"
            t.reasons.append(because(
                "financial_assets", ok,
                f"家庭金融资产 {yuan(financial_fen)} 元，{rel}限额 {yuan(limit)} 元"
                f"（{n} 人 × {times(p.asset_months_milli)} 个月 × 低保标准 {figure(p.standard_fen)} 元）"
                f"{p.default_note('asset_financial_months')}", CITE_ASSETS))
    for key, have, limit_, what, unit in (
            ("asset_vehicles_max", a.vehicles, p.vehicles_max, "机动车", "辆"),
            ("asset_extra_houses_max", a.extra_houses, p.houses_max, "自住以外的房屋", "套")):
        if limit_ is None:
            oks.append(None)
            t.missing.append(missing_value(p, f"{what}限制"))
            continue
        ok = have <= limit_
        oks.append(ok)
        if c.explain:
            allowed = "不得拥有" if limit_ == 0 else f"最多 {limit_} {unit}"
            t.reasons.append(because(
                "vehicles" if key == "asset_vehicles_max" else "extra_houses", ok,
                f"家庭有{what} {have} {unit}，{'符合' if ok else '不符合'}规定（{allowed}）"
                f"{p.default_note(key)}", CITE_ASSETS))
    st = status_of(oks)
    t.ok = True if st == ELIGIBLE else (False if st == INELIGIBLE else None)
    return t


__all__ = ["AssetTest", "Ctx", "missing_standard", "missing_value", "status_of"]
