"""上年度居民人均可支配收入 (per-capita disposable income of the previous year), POLICY §6a.

The figure is published yearly by each city's statistics bureau (urban and rural, yuan per person a
year); the rules use the **previous year's** figure. The tables say so by their dates: a row of the
figure for statistical year Y is in force from 1 January of Y + 1 (the day it becomes "last year's"
figure) to 31 December of Y + 1, and its note names the statistical year. So the statistical year
of the figure in force on a date is ``effective_from.year − 1``. The province's figure (340000) is
the fallback for cities that have none of their own (the lookup walks county → city → province);
where no figure is in force the programmes that need it answer ``needs_info`` and name it.

:func:`below_disposable` is the one test 临时救助 (急难型 and 支出型) and 刚性支出困难家庭 make: the
household's counted income over a year, per counted member, strictly below the figure (integers:
``12 × monthly income < figure × members``). The decision is the formulas' (``aid_formulas``:
``below_disposable``); here it is worded.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor_app.domain.vocab import EMPTY, Text

from .context import Ctx, missing_value
from .facts import figure, yuan

FIGURE = Text("上年度居民人均可支配收入", "per-capita disposable income of last year")
AREA_WORDS = {"urban": Text("城镇", "urban"), "rural": Text("农村", "rural")}


def missing_disposable(c: Ctx) -> Text:
    """The missing fact, naming the figure, the region and the date."""
    return missing_value(c.policy, FIGURE)


@dataclass(frozen=True, slots=True)
class DisposableTest:
    below: bool | None  # None: no figure in force
    sentence: Text  # the comparison with its figures (or what is missing)


def below_disposable(c: Ctx) -> DisposableTest:
    """Whether the household's per-capita income is below the local previous-year figure (worked
    out once per check: 临时救助 and 刚性支出 both ask)."""
    if c._disposable is None:
        c._disposable = _below_disposable(c)
    found: DisposableTest = c._disposable
    return found


def _below_disposable(c: Ctx) -> DisposableTest:
    p, f = c.policy, c.facts
    n, inc = f.counted, f.income_fen
    if n == 0:
        return DisposableTest(False, Text("家里没有计入的人口", "Nobody in the household is counted"))
    if p.disposable_yearly_fen is None:
        return DisposableTest(None, missing_disposable(c))
    below = bool(c.aid.below_disposable[c.row] == 1)  # the formulas' decision (``aid_formulas``)
    if not c.explain:
        return DisposableTest(below, EMPTY)
    yearly, local = yuan(inc * 12 // n), figure(p.disposable_yearly_fen)
    relation = Text("低于", "below") if below else Text("不低于", "not below")
    return DisposableTest(below, Text(
        f"家庭年人均收入 {yearly} 元（月收入 × 12 ÷ {n} 人），{relation.zh}", f"Household income of {yearly} yuan "
        f"a year per person (monthly income × 12 ÷ {n}), {relation.en} ") + describe(c, local))


def describe(c: Ctx, amount: str) -> Text:
    """"当地上年度（2022年）城镇居民人均可支配收入 45133 元（全省数字，本市没有自己的数字时使用）", with
    the default note when the figure is a default. The statistical year is the year before the row's
    ``effective_from`` (see the module docstring)."""
    p = c.policy
    v = p.values.get("disposable_income_yearly")
    if v is None:
        return FIGURE
    year = v.effective_from.year - 1
    area = AREA_WORDS.get(p.area, Text("", ""))
    en_area = f"{area.en} " if area.en else ""
    text = Text(f"当地上年度（{year}年）{area.zh}居民人均可支配收入 {amount} 元",
                f"the local {en_area}per-capita disposable income of last year ({year}), {amount} yuan")
    if v.region.endswith("0000") and not p.region.endswith("0000"):
        text += Text("（全省数字，本市没有自己的数字时使用）", " (the province's figure, used where the city has none)")
    return text + p.default_note("disposable_income_yearly")
