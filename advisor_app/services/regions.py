"""Regions as the advisor picks and reads them: Anhui's districts, counties, county-level cities and
zones (开发区), searchable by name, pinyin initials or code; and whose policy table a region uses.

The list is the shipped one (:mod:`advisor_app.rules.regions`, from the national statistical
division codes) plus any county-level code that only a profile's imported policy table names (with
the name that table gives it), so a county's own table is never unreachable from the picker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advisor_app.rules.policy import TableChoice
from advisor_app.rules.regions import COUNTY_KINDS, Region, RegionList, default_regions

from .policy import tables_for
from .profile import Profile

__all__ = ["RegionChoice", "TableChoice", "describe", "region_choices", "search", "table_for"]


@dataclass(frozen=True, slots=True)
class RegionChoice:
    """One region as a picker shows it."""

    code: str
    label: str  # "合肥市 · 合肥经济技术开发区"; a code nobody knows: the code itself
    full_name: str  # what a printed form says: "合肥经济技术开发区", "合肥市蜀山区"
    status: str = "current"  # current | former (an older edition's code) | not_county | unknown
    replaced_by: str = ""  # former: the code in use now
    editions: str = ""  # former: the editions that had it ("2017–2022")
    note: str = ""  # former: what happened ("2023年版改为 340176")
    kind: str = ""  # district | county | county_city | zone | city | province | ""

    @property
    def pickable(self) -> bool:
        """A code the picker offers (a current county-level code)."""
        return self.status == "current"


def _choice(region: Region) -> RegionChoice:
    if region.is_former:
        status = "former"
    elif region.is_county_level:
        status = "current"
    else:
        status = "not_county"
    return RegionChoice(region.code, region.label, region.full_name, status, region.replaced_by,
                        region.editions, region.note, region.kind)


def _extra(profile: Profile | None, regions: RegionList) -> list[RegionChoice]:
    """County-level codes that only the profile's policy tables name."""
    names = tables_for(profile).names()
    return [RegionChoice(code, name, name, kind="") for code, name in sorted(names.items())
            if code not in regions and len(code) == 6 and code.isdigit() and not code.endswith("00")]


def region_choices(profile: Profile | None = None) -> list[RegionChoice]:
    """Every county-level region in use, by code (those only a local table names at the end)."""
    regions = default_regions()
    return [_choice(r) for r in regions.county_level()] + _extra(profile, regions)


def search(text: str, profile: Profile | None = None) -> list[str]:
    """Codes of the county-level regions that match what was typed, best first (the rule is
    :meth:`advisor_app.rules.regions.RegionList.search`); codes only a local table names match by
    code or part of their name."""
    regions = default_regions()
    found = [r.code for r in regions.search(text, COUNTY_KINDS)]
    words = text.split()
    for extra in _extra(profile, regions):
        if words and all(extra.code.startswith(w) or w in extra.label for w in words):
            found.append(extra.code)
    return found


def describe(code: str, profile: Profile | None = None) -> RegionChoice:
    """Any code as a picker or a screen shows it: in use, former, a city, or unknown."""
    region = default_regions().get(code)
    if region is not None:
        return _choice(region)
    name = tables_for(profile).name(code)
    if name != code:
        return RegionChoice(code, name, name)
    return RegionChoice(code, code, code, status="unknown")


def table_for(code: str, on: dt.date | None = None, profile: Profile | None = None) -> TableChoice:
    """Whose policy table a household of ``code`` is checked with on ``on`` (default today), and why."""
    return tables_for(profile).table_for(code, on or dt.date.today())
