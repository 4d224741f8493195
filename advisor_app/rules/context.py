"""The shared state of one household check: facts, policy figures and the asset test.

Programmes read from a :class:`Ctx`; with ``explain`` false they build no reasons at all (batch
screening), and take exactly the same decisions. A Ctx carries the trace of the 低保 formulas that
holds its household (``trace``, ``row``, ``first``): the asset test here, 低保 and 低保边缘 read their
decisions from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from advisor_app.domain.vocab import Text, term

from .aid_formulas import AidTrace
from .dibao_formulas import DibaoTrace
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
from .single_formulas import SingleTrace
from .snapshot import DEFAULT_NOTE, Policy


def status_of(conditions: list[bool | None]) -> str:
    """ineligible if any condition failed, else needs_info if any is unknown, else eligible."""
    if False in conditions:
        return INELIGIBLE
    if None in conditions:
        return NEEDS_INFO
    return ELIGIBLE


CITE_COUNTY_LIST = Text("《最低生活保障审核确认办法》第十三条；县（市、区）列明的收入项目",
                        "Measures for Reviewing and Confirming Dibao, Art. 13; the county's list of income items")


def county_note(p: Policy, key: str) -> Text:
    """The default note for a 低保 county key (``Policy.dibao.values``), or nothing."""
    v = p.dibao.values.get(key)
    return DEFAULT_NOTE if v is not None and v.is_default else Text("", "")


def missing_standard(p: Policy) -> Text:
    return missing_value(p, Text("低保标准", "dibao standard"))


def missing_value(p: Policy, what: Text) -> Text:
    return _missing_value(p.region, p.on, what)


@lru_cache(maxsize=1024)
def _missing_value(region: str, on: dt.date, what: Text) -> Text:
    """(The same few sentences for every household of a region on a date: made once.)"""
    day = on.isoformat()
    return Text(f"没有该地区在该日期的{what.zh}（地区 {region}，日期 {day}）",
                f"No {what.en} for this region on this date (region {region}, date {day})")


@dataclass(slots=True)
class AssetTest:
    ok: bool | None  # None: some limit unknown (and nothing failed)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Text] = field(default_factory=list)


@dataclass(slots=True)
class Ctx:
    facts: HouseholdFacts
    policy: Policy
    explain: bool
    _assets: AssetTest | None = None
    _income: Any = None  # the cached dibao_income.DibaoIncome (``dibao_income.income``)
    _disposable: Any = None  # the cached disposable.DisposableTest (``disposable.below_disposable``)
    trace: DibaoTrace | None = None  # the formulas' run (``dibao_formulas``) holding this household
    row: int = 0  # this household's index in ``trace``
    first: int = 0  # the index of its first member in ``trace``'s member arrays
    aid_trace: AidTrace | None = None  # the 临时救助 / 刚性支出 formulas' run (``aid_formulas``), same rows
    single_trace: SingleTrace | None = None  # the 单人保 formulas' run (``single_formulas``), same rows

    @property
    def on(self) -> dt.date:
        return self.facts.on

    @property
    def t(self) -> DibaoTrace:
        """The trace of the 低保 formulas that the reasons of this household read."""
        assert self.trace is not None, "a Ctx is made with the trace of its household (check.py)"
        return self.trace

    @property
    def aid(self) -> AidTrace:
        """The trace of the 临时救助 and 刚性支出 formulas."""
        assert self.aid_trace is not None, "a Ctx is made with the traces of its household (check.py)"
        return self.aid_trace

    @property
    def single(self) -> SingleTrace:
        """The trace of the 单人保 formulas (member arrays: ``first`` + the member's index)."""
        assert self.single_trace is not None, "a Ctx is made with the traces of its household (check.py)"
        return self.single_trace

    def std(self) -> Text:
        """The 低保标准 as a phrase, flagged when it is a shipped default."""
        p = self.policy
        assert p.standard_fen is not None
        amount = figure(p.standard_fen)
        return Text(f"本地低保标准 {amount} 元", f"the local dibao standard of {amount} yuan") + \
            p.default_note("dibao_standard")

    def excluded_income_reasons(self) -> list[Reason]:
        """One sentence per excluded income item of a counted member (each kind shows). The kinds a
        county lists (高龄津贴 …) cite the county's list and its default note; counted ones are not
        here (``dibao_income`` says they are counted)."""
        d = self.policy.dibao
        out = []
        for mf in self.facts.members:
            if not mf.counted:
                continue
            for inc in mf.member.incomes:
                if inc.kind in EXCLUDED_INCOME and inc.kind not in d.counted_listed:
                    kind, name, amount = term("income_kind", inc.kind), mf.member.name, f"{inc.monthly:.2f}"
                    listed = inc.kind in d.excluded_listed
                    flag = county_note(self.policy, f"dibao_excluded_{inc.kind}") if listed else ""
                    out.append(because(
                        f"income_excluded_{inc.kind}", True,
                        Text(f"{name}的{kind.zh} {amount} 元/月不计入家庭收入",
                             f"{name}'s {kind.en.lower()} of {amount} yuan a month is not counted as "
                             "household income") + flag,
                        CITE_COUNTY_LIST if listed else CITE_INCOME))
        return out

    def assets(self) -> AssetTest:
        if self._assets is None:
            self._assets = _asset_test(self)
        return self._assets


TRI: dict[int, bool | None] = {1: True, 0: False, -1: None}


def _asset_test(c: Ctx) -> AssetTest:
    """Default rule (counties set their own): financial assets ≤ months × standard per counted
    member; no vehicle and no house beyond the home, unless the county's table allows more. The
    decisions are the formulas' (``dibao_formulas``: financial_ok, vehicles_ok, houses_ok,
    assets_ok); here they are worded, and the unknown limits named."""
    p, h, n, t, i = c.policy, c.facts.household, c.facts.counted, c.t, c.row
    a = h.assets
    out = AssetTest(TRI[int(t.assets_ok[i])])
    if p.standard_fen is not None and p.asset_months_milli is None:
        out.missing.append(missing_value(p, Text("家庭金融资产限额（几个月低保标准）",
                                                 "limit on financial assets (months of the dibao standard)")))
    if c.explain and p.standard_fen is not None and p.asset_months_milli is not None:
        ok = bool(t.financial_ok[i] == 1)
        limit = yuan(int(t.financial_limit_fen[i]))
        assets = yuan(round(a.financial * 100))
        months, std = times(p.asset_months_milli), figure(p.standard_fen)
        out.reasons.append(because(
            "financial_assets", ok,
            Text(f"家庭金融资产 {assets} 元，{'不超过' if ok else '超过'}限额 {limit} 元"
                 f"（{n} 人 × {months} 个月 × 低保标准 {std} 元）",
                 f"Financial assets of {assets} yuan, {'within' if ok else 'above'} the limit of {limit} yuan "
                 f"({n} × {months} months × the dibao standard of {std} yuan)")
            + p.default_note("asset_financial_months"), CITE_ASSETS))
    for key, have, limit_, what, unit, decided in (
            ("asset_vehicles_max", a.vehicles, p.vehicles_max, Text("机动车", "Motor vehicles"), "辆",
             t.vehicles_ok[i]),
            ("asset_extra_houses_max", a.extra_houses, p.houses_max,
             Text("自住以外的房屋", "Houses besides the home"), "套", t.houses_ok[i])):
        if limit_ is None:
            out.missing.append(missing_value(p, Text(what.zh + "限制", "limit on " + what.en.lower())))
            continue
        if c.explain:
            ok = bool(decided == 1)
            allowed = Text("不得拥有", "none allowed") if limit_ == 0 else Text(f"最多 {limit_} {unit}",
                                                                           f"at most {limit_}")
            out.reasons.append(because(
                "vehicles" if key == "asset_vehicles_max" else "extra_houses", ok,
                Text(f"家庭有{what.zh} {have} {unit}，{'符合' if ok else '不符合'}规定（{allowed.zh}）",
                     f"{what.en} of the household: {have}, {'within' if ok else 'against'} the rule "
                     f"({allowed.en})") + p.default_note(key), CITE_ASSETS))
    exempt = [(n, w) for n, w in ((a.disability_vehicles, Text("残疾人功能性补偿代步车", "mobility vehicles for a "
                                                               "disabled member")),
                                  (a.production_vehicles, Text("生产用车", "vehicles used for production"))) if n]
    if c.explain and exempt:
        listed = Text("、", ", ").zh.join(f"{w.zh} {n} 辆" for n, w in exempt)
        listed_en = ", ".join(f"{w.en}: {n}" for n, w in exempt)
        out.reasons.append(because("vehicles_exempt", True,
                                   Text(f"{listed}不计入机动车限制", f"Exempt from the vehicle rule: {listed_en}"),
                                   CITE_ASSETS))
    return out


__all__ = ["CITE_COUNTY_LIST", "TRI", "AssetTest", "Ctx", "county_note", "missing_standard", "missing_value",
           "status_of"]
