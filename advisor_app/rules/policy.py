"""Dated, per-region policy tables (低保标准, 特困供养标准 …) and their lookup.

Values are data, not code: the shipped tables are CSV files in ``resources/policy/`` (format and
every key in its README), a profile may add a local table imported from a county's Excel sheet.
A value is looked up most specific region first — county (6 digits) → city (4 digits + "00") →
province (2 digits + "0000") — and is the one in force on the given date. When nothing is known the
answer is ``None``: the programmes then ask for a table, they never guess a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from advisor_app import shipped

from .policy_format import AREAS, KEYS, PolicyRow, PolicyTableError, check_periods, read_csv

__all__ = ["PolicyRow", "PolicyTableError", "PolicyTables", "PolicyValue", "default_tables"]

REGIONS_FILE = "regions.csv"


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
    if not (len(region) == 6 and region.isdigit()):
        return []
    chain = [region, region[:4] + "00", region[:2] + "0000"]
    return list(dict.fromkeys(chain))


class PolicyTables:
    """An immutable, validated set of policy rows with fast dated lookup."""

    def __init__(self, rows: Iterable[PolicyRow], names: dict[str, str] | None = None) -> None:
        self._rows = list(rows)
        check_periods(self._rows)
        self._names = dict(names or {})
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

    @classmethod
    def load(cls, folder: Path | None = None, *, local: Path | None = None) -> PolicyTables:
        """Read every ``*.csv`` table in ``folder`` (default: the shipped ``resources/policy``), then
        the local table file ``local`` if given (its rows replace the shipped rows of every region
        code it names). Raises :class:`PolicyTableError` naming the file and row."""
        folder = shipped.policy_dir() if folder is None else folder
        if not folder.is_dir():
            raise PolicyTableError("找不到政策标准文件夹", where=str(folder))
        names: dict[str, str] = {}
        rows: list[PolicyRow] = []
        for path in sorted(folder.glob("*.csv")):
            if path.name == REGIONS_FILE:
                names.update(read_region_names(path))
            else:
                rows.extend(read_csv(path))
        if local is not None and local.exists():
            return cls(rows, names).with_local(read_csv(local))
        return cls(rows, names)

    def with_local(self, local: list[PolicyRow]) -> PolicyTables:
        """These tables with a local table on top (see :func:`overlay`); validated again."""
        return PolicyTables(overlay(self._rows, local), self._names)

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

    def lookup(self, region: str, key: str, on: dt.date, area: str | None = None) -> PolicyValue | None:
        """The value of ``key`` in force on ``on`` for ``region`` (county → city → province).

        ``area`` is "urban"/"rural"; a value with no area applies to both. Without an area, a region
        level whose value differs by area gives ``None`` (the answer depends on the area)."""
        for level in region_chain(region):
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
        return any(code in codes for code in region_chain(region)[:2] if not code.endswith("0000"))

    def regions(self) -> list[tuple[str, str]]:
        """(code, Chinese name) of every county/district with a 低保标准 of its own or its city's, for
        a region picker. A city with a table but no named county is listed itself."""
        codes = {row.region for row in self._rows} | set(self._names)
        counties = sorted(c for c in codes if not c.endswith("00") and self.has_table(c))
        cities_covered = {c[:4] for c in counties}
        cities = sorted(c for c in codes if c.endswith("00") and not c.endswith("0000")
                        and c[:4] not in cities_covered and self.has_table(c))
        return [(code, self.name(code)) for code in sorted(counties + cities)]


def overlay(base: list[PolicyRow], local: list[PolicyRow]) -> list[PolicyRow]:
    """Shipped rows with a local table on top: for every region code the local table names, its
    rows replace all shipped rows of that code (a county's sheet is its whole table)."""
    replaced = {row.region for row in local}
    return [row for row in base if row.region not in replaced] + list(local)


def read_region_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            for cells in reader:
                if not cells or cells[0].strip().startswith("#") or cells[0].strip() == "code":
                    continue
                code = cells[0].strip()
                if len(cells) < 2 or not (len(code) == 6 and code.isdigit()) or not cells[1].strip():
                    raise PolicyTableError("每行应为“6位地区代码,名称”",
                                           where=f"{path.name} 第{reader.line_num}行")
                names[code] = cells[1].strip()
    except UnicodeDecodeError:
        raise PolicyTableError("文件不是 UTF-8 编码", where=path.name) from None
    return names


@functools.lru_cache(maxsize=1)
def default_tables() -> PolicyTables:
    """The shipped tables, loaded and validated once per process."""
    return PolicyTables.load()
