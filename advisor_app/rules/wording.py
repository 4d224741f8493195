"""Words the explanation for the family uses, in both languages: the programmes as a family hears
them, the policy figures as the default-value and out-of-date notes name them, their units, and
"1 person" / "2 people".

The checks' own labels (``domain.vocab``: 低保, 特困 …) are the advisors' short words; a family is
told the full name of what it applies for ("特困人员救助供养", "extreme poverty support"). Shared by
:mod:`.recommendation` and :mod:`.explanation`, which both speak to the family.
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text, same

from .policy_format import KEYS
from .results import _POLICY_LABELS

FAMILY_NAMES: dict[str, Text] = {
    "dibao": Text("低保", "Dibao"),
    "dibao_edge": Text("低保边缘家庭认定", "recognition as a near-Dibao family"),
    "dibao_single": Text("单人保（单独纳入低保）", "Dibao for one person on their own"),
    "tekun": Text("特困人员救助供养", "extreme poverty support"),
    "unsupported_child": Text("事实无人抚养儿童基本生活补贴", "the allowance for a de facto unsupported child"),
    "temporary": Text("临时救助", "temporary assistance"),
    "rigid_expense": Text("刚性支出困难家庭认定", "recognition as a household in hardship from essential spending"),
}

_FIGURE_NAMES_EN = {
    "dibao_standard": "Dibao standard",
    "dibao_edge_multiple": "near-Dibao income line (times the Dibao standard)",
    "asset_financial_months": "financial asset limit (months of the Dibao standard)",
    "asset_vehicles_max": "motor vehicles allowed",
    "asset_extra_houses_max": "homes allowed besides the one lived in",
    "tekun_basic_multiple": "extreme poverty basic living standard (times the Dibao standard)",
    "tekun_basic_yearly": "extreme poverty basic living standard",
    "temporary_emergency_min_multiple": "emergency temporary assistance minimum (times the Dibao standard)",
    "temporary_cap_multiple": "temporary assistance cap (times the Dibao standard)",
    "orphan_standard_monthly": "orphan basic living standard",
    "disposable_income_yearly": "per-capita disposable income of last year",
    "temporary_emergency_window_months": "time limit for a sudden event (months before the check)",
    "rigid_expense_share": "essential spending share of income (percent)",
    "care_full": "care standard (fully unable to care for self)",
    "care_partial": "care standard (partly unable to care for self)",
    "care_self": "care standard (can care for self)",
    "care_full_dispersed": "care standard at home (fully unable to care for self)",
    "care_partial_dispersed": "care standard at home (partly unable to care for self)",
    "care_self_dispersed": "care standard at home (can care for self)",
}

# A unit after a figure. Counts of vehicles and homes need none in English: the name says what.
_UNITS_EN = {"元/人/月": "yuan per person a month", "元/人/年": "yuan per person a year", "倍": "times",
             "月": "months", "辆": "", "套": "",
             "%": "percent"}


def family_name(program: str) -> Text:
    """The programme as the family is told to apply for it."""
    return FAMILY_NAMES.get(program) or same(program)


def figure_name(key: str) -> Text:
    """A policy figure's name (the Chinese is the one the CLI's figure list uses)."""
    zh = _POLICY_LABELS.get(key) or (KEYS[key].label if key in KEYS else key)
    return Text(zh, _FIGURE_NAMES_EN.get(key, key.replace("_", " ")))


def unit(word: str) -> Text:
    return Text(word, _UNITS_EN.get(word, word))


def people(n: int) -> Text:
    """"2 人" / "2 people" ("1 person")."""
    return Text(f"{n} 人", f"{n} person" if n == 1 else f"{n} people")


def the_others(n: int) -> str:
    """"the other person" / "the other 2 people" (English only: the Chinese says "其余 2 人")."""
    return "the other person" if n == 1 else f"the other {n} people"


def money(value: float) -> str:
    """1,648 or 1,648.50: how amounts read in sentences, in either language."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
