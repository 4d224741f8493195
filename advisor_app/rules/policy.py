"""Dated, per-region policy tables (低保标准, 特困供养标准 …) and their lookup.

Values are data, not code: the shipped tables are CSV files in ``resources/policy/`` (format and
every key in its README), a profile may add a local table imported from a county's Excel sheet.
A value is looked up most specific region first — county (6 digits) → city (4 digits + "00") →
province (2 digits + "0000") — and is the one in force on the given date. A former code (an older
edition's, e.g. 340172) is tried first as itself, then as the code that replaced it (340177), so a
household stored with it finds the region's current rows. When nothing is known the answer is
``None``: the programmes then ask for a table, they never guess a number.
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from advisor_app import shipped
from advisor_app.domain.vocab import ENGLISH

from .policy_format import AREAS, KEYS, PolicyRow, PolicyTableError, check_periods, read_csv
from .regions import REGIONS_FILE, Region, RegionList, default_regions

__all__ = ["PolicyRow", "PolicyTableError", "PolicyTables", "PolicyValue", "TableChoice", "default_tables"]


@dataclass(frozen=True, slots=True)
class PolicyValue:
    key: str  # e.g. "dibao_standard"
    value: float  # money in yuan, multiples as plain numbers
    unit: str  # "元/人/月", "元/人/年", "倍", "月", "辆", "套"
    source: str  # document name or URL
    is_default: bool  # True when not local law but a shipped default
    region: str  # the code whose table matched (county, city or province code)
    effective_from: dt.date
    area: str | None = None  # "urban" / "rural" when the value is for one area only
    effective_to: dt.date | None = None  # last day in force, when the table says so
    note: str = ""

    @property
    def label(self) -> str:
        """Chinese name of the item, e.g. "低保标准"."""
        return KEYS[self.key].label

    def per_month(self) -> float:
        """Money per person per month (a yearly figure divided by 12). Not for multiples/counts."""
        if self.unit == "元/人/月":
            return self.value
        if self.unit == "元/人/年":
            return self.value / 12
        raise ValueError(f"{self.key} is measured in {self.unit}, not money")

    @classmethod
    def from_row(cls, row: PolicyRow) -> PolicyValue:
        return cls(key=row.key, value=row.value, unit=row.unit, source=row.source,
                   is_default=row.is_default, region=row.region, effective_from=row.effective_from,
                   area=row.area, effective_to=row.effective_to, note=row.note)


def region_chain(region: str) -> list[str]:
    """The codes a lookup tries, most specific first: county → city → province."""
    if not (len(region) == 6 and region.isascii() and region.isdigit()):
        return []
    chain = [region, region[:4] + "00", region[:2] + "0000"]
    return list(dict.fromkeys(chain))


class PolicyTables:
    """An immutable, validated set of policy rows with fast dated lookup."""

    def __init__(self, rows: Iterable[PolicyRow], names: dict[str, str] | None = None,
                 regions: RegionList | None = None) -> None:
        self._rows = list(rows)
        check_periods(self._rows)
        self._regions = default_regions() if regions is None else regions
        self._names = self._regions.names() if names is None else dict(names)
        for row in self._rows:
            if row.region_name and row.region not in self._names:
                self._names[row.region] = row.region_name
        index: dict[tuple[str, str], list[PolicyRow]] = {}
        for row in self._rows:
            index.setdefault((row.region, row.key), []).append(row)
        # per (region, key, area): rows that apply to that area, sorted by start, plus their starts
        self._index: dict[tuple[str, str, str], tuple[list[dt.date], list[PolicyRow]]] = {}
        for (region, key), group in index.items():
            for area in AREAS:
                seq = sorted((r for r in group if r.area in (None, area)), key=lambda r: r.effective_from)
                if seq:
                    self._index[(region, key, area)] = ([r.effective_from for r in seq], seq)
        self._periods: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
        for row in self._rows:
            self._periods.setdefault(row.region, []).append((row.effective_from, row.effective_to))
        self._choices: dict[tuple[str, dt.date], TableChoice] = {}
        self._chains: dict[str, tuple[list[str], int]] = {}

    @classmethod
    def load(cls, folder: Path | None = None, *, local: Path | None = None) -> PolicyTables:
        """Read every ``*.csv`` table in ``folder`` (default: the shipped ``resources/policy``), then
        the local table file ``local`` if given (its rows replace the shipped rows of every region
        code it names). Raises :class:`PolicyTableError` naming the file and row."""
        folder = shipped.policy_dir() if folder is None else folder
        if not folder.is_dir():
            raise PolicyTableError("找不到政策标准文件夹", where=str(folder))
        # the region list (regions.csv, regions_former.csv) is no value table; a folder without
        # one names its regions with the shipped list
        regions = RegionList.load(folder) if (folder / REGIONS_FILE).exists() else default_regions()
        rows: list[PolicyRow] = []
        for path in sorted(folder.glob("*.csv")):
            if not path.name.startswith("regions"):
                rows.extend(read_csv(path))
        if local is not None and local.exists():
            return cls(rows, regions=regions).with_local(read_csv(local))
        return cls(rows, regions=regions)

    def with_local(self, local: list[PolicyRow]) -> PolicyTables:
        """These tables with a local table on top (see :func:`overlay`); validated again."""
        return PolicyTables(overlay(self._rows, local), self._names, self._regions)

    def rows(self) -> list[PolicyRow]:
        return list(self._rows)

    def names(self) -> dict[str, str]:
        return dict(self._names)

    def name(self, region: str) -> str:
        """Chinese name of a region code ("合肥市蜀山区"), or the code when unknown."""
        return self._names.get(region, region)

    def _pick(self, region: str, key: str, on: dt.date, area: str) -> PolicyRow | None:
        entry = self._index.get((region, key, area))
        if entry is None:
            return None
        starts, seq = entry
        i = bisect_right(starts, on)
        if i == 0:
            return None
        row = seq[i - 1]
        if row.effective_to is not None and on > row.effective_to:
            return None
        return row

    def _chain(self, region: str) -> tuple[list[str], int]:
        """The codes a lookup of ``region`` tries, most specific first, and how many of them are the
        region itself: a former code, then its current code (1 or 2), then city and province."""
        hit = self._chains.get(region)
        if hit is not None:
            return hit
        chain = region_chain(region)
        current = self._regions.current(region) if chain else None
        if current is None or current.code == region:
            found = (chain, 1 if chain else 0)
        else:
            found = (list(dict.fromkeys([region, *region_chain(current.code)])), 2)
        if len(self._chains) > 4096:
            self._chains.clear()
        self._chains[region] = found
        return found

    def lookup(self, region: str, key: str, on: dt.date, area: str | None = None) -> PolicyValue | None:
        """The value of ``key`` in force on ``on`` for ``region`` (county → city → province; a former
        code → its current code first).

        ``area`` is "urban"/"rural"; a value with no area applies to both. Without an area, a region
        level whose value differs by area gives ``None`` (the answer depends on the area)."""
        for level in self._chain(region)[0]:
            if area is not None:
                row = self._pick(level, key, on, area)
                if row is not None:
                    return PolicyValue.from_row(row)
                continue
            urban, rural = (self._pick(level, key, on, a) for a in AREAS)
            if urban is None and rural is None:
                continue
            if urban is rural and urban is not None:
                return PolicyValue.from_row(urban)
            return None
        return None

    def values_in_force(self, region: str, on: dt.date, area: str | None = None) -> dict[str, PolicyValue]:
        found = {key: self.lookup(region, key, on, area) for key in KEYS}
        return {key: value for key, value in found.items() if value is not None}

    def has_table(self, region: str, key: str = "dibao_standard") -> bool:
        """True when the region or its city has values of ``key`` (at any date) of its own;
        province-level defaults do not make a table."""
        codes = {row.region for row in self._rows if row.key == key}
        return any(code in codes for code in self._chain(region)[0] if not code.endswith("0000"))

    def regions(self) -> list[tuple[str, str]]:
        """(code, Chinese name) of every county/district with a 低保标准 of its own or its city's, for
        a region picker. A city with a table but no named county is listed itself."""
        former = {code for code in self._names if (r := self._regions.get(code)) is not None and r.is_former}
        codes = ({row.region for row in self._rows} | set(self._names)) - former
        counties = sorted(c for c in codes if not c.endswith("00") and self.has_table(c))
        cities_covered = {c[:4] for c in counties}
        cities = sorted(c for c in codes if c.endswith("00") and not c.endswith("0000")
                        and c[:4] not in cities_covered and self.has_table(c))
        return [(code, self.name(code)) for code in sorted(counties + cities)]


    def region_list(self) -> RegionList:
        """The region list these tables name their regions with."""
        return self._regions

    def table_for(self, region: str, on: dt.date) -> TableChoice:
        """Whose table a check of ``region`` on ``on`` uses: the region's own, else its city's, else
        the province's (the first level with values in force that day), and why. A former code's
        region uses the rows of its current code as its own."""
        hit = self._choices.get((region, on))
        if hit is not None:
            return hit
        chain, own = self._chain(region)
        skipped: list[str] = []
        choice = None
        for i, level in enumerate(chain):
            if any(start <= on and (end is None or on <= end) for start, end in self._periods.get(level, ())):
                how = "own" if i < own else "province" if level.endswith("0000") else "city"
                choice = TableChoice(region, self._short_name(region), level, self.name(level), how,
                                     tuple(skipped))
                break
            if i == 0 or i >= own:  # a former code and its current one are one region: named once
                skipped.append(self._short_name(level))
        if choice is None:
            choice = TableChoice(region, self._short_name(region), "", "", "none", tuple(skipped))
        if len(self._choices) > 4096:
            self._choices.clear()
        self._choices[(region, on)] = choice
        return choice

    def _short_name(self, code: str) -> str:
        """The name people say for a level in a sentence: "蜀山区", "合肥经济技术开发区", "合肥市"."""
        found: Region | None = self._regions.get(code)
        return found.name if found is not None else self.name(code)


@dataclass(frozen=True, slots=True)
class TableChoice:
    """Which region's policy table a check used (使用的标准), and why.

    ``level``: "own" (the region has values of its own), "city" (none of its own: its city's),
    "province" (neither: the province's) or "none" (no table at all on that date). ``skipped``
    names the levels passed over, most specific first ("滁州经济技术开发区")."""

    region: str  # the household's region code
    region_name: str  # its name as said in a sentence: "滁州经济技术开发区"
    table: str  # the code whose table was used ("" when none)
    table_name: str  # "滁州市"
    level: str  # own | city | province | none
    skipped: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        """Why this table, in the advisor's words (empty when the region has its own)."""
        names = list(self.skipped)
        who = "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else "".join(names)
        all_of = "都" if len(names) > 1 else ""
        if self.level == "city":
            return f"{who}没有单独的标准，按所在市执行"
        if self.level == "province":
            return f"{who}{all_of}没有单独的标准，按全省执行"
        if self.level == "none":
            return f"{who}在该日期{all_of}没有政策标准" if names else "没有这个地区的政策标准"
        return ""

    @property
    def text(self) -> str:
        """"使用的标准：滁州市（滁州经济技术开发区没有单独的标准，按所在市执行）"."""
        if self.level == "own":
            return f"使用的标准：{self.table_name}"
        if self.level == "none":
            return f"使用的标准：无（{self.reason}）"
        return f"使用的标准：{self.table_name}（{self.reason}）"

    def text_in(self, language: str) -> str:
        """:attr:`text` in ``language`` ("en": English around the Chinese place names)."""
        if language != ENGLISH:
            return self.text
        names = list(self.skipped)
        who = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
        have = "have" if len(names) > 1 else "has"
        reason = {"city": f"{who} {have} no table of its own; the city's applies",
                  "province": f"{who} {have} no table of its own; the province's applies",
                  "none": f"{who} {have} no policy table on that date" if names else "no policy table for this region",
                  }.get(self.level, "")
        if self.level == "own":
            return f"Policy table used: {self.table_name}"
        if self.level == "none":
            return f"Policy table used: none ({reason})"
        return f"Policy table used: {self.table_name} ({reason})"

    def to_dict(self) -> dict[str, str]:
        return {"region": self.table, "name": self.table_name, "level": self.level, "reason": self.reason}


def overlay(base: list[PolicyRow], local: list[PolicyRow]) -> list[PolicyRow]:
    """Shipped rows with a local table on top: for every region code the local table names, its
    rows replace all shipped rows of that code (a county's sheet is its whole table)."""
    replaced = {row.region for row in local}
    return [row for row in base if row.region not in replaced] + list(local)


def read_region_names(path: Path) -> dict[str, str]:
    """Code → full name of a ``regions.csv`` (and the ``regions_former.csv`` beside it)."""
    return RegionList.load(path.parent).names()


@functools.lru_cache(maxsize=1)
def default_tables() -> PolicyTables:
    """The shipped tables, loaded and validated once per process."""
    return PolicyTables.load()
