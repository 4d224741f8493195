"""Anhui's regions: the 16 cities (市), their districts (区), counties (县), county-level cities
(县级市) and the zones (开发区 and other 功能区) that have a code of their own in the national
statistical division codes (统计用区划代码).

The list ships as ``resources/policy/regions.csv`` (format and source in that folder's README);
codes that earlier editions used and the 2023 one does not are in ``regions_former.csv``, so a
household stored with an old code still shows its name and finds the tables of the code that
replaced it (then its city's and province's).

:meth:`RegionList.search` is the one reading of what an advisor types into a region picker or the
CLI: a name or part of one (合肥, 蜀山, 经开区), pinyin initials (hf, ss, hfjkq) or a code (3401).
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from advisor_app import shipped

from .policy_format import PolicyTableError

__all__ = ["COUNTY_KINDS", "KIND_LABELS", "Region", "RegionList", "default_regions"]

REGIONS_FILE = "regions.csv"
FORMER_FILE = "regions_former.csv"
COUNTY_KINDS = ("district", "county", "county_city", "zone")
KIND_LABELS = {"province": "省", "city": "市", "district": "市辖区", "county": "县", "county_city": "县级市",
               "zone": "开发区"}
_SEPARATORS = str.maketrans({"·": " ", "・": " ", ",": " ", "，": " ", "、": " ", "/": " "})


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # 6 digits: 340104
    name: str  # as the statistical codes write it: "蜀山区", "合肥经济技术开发区"
    parent: str  # the city of a county-level unit, the province of a city, "" for the province
    kind: str  # province | city | district | county | county_city | zone
    full_name: str  # what a printed form says: "合肥市蜀山区", "合肥经济技术开发区"
    city_name: str = ""  # the city of a county-level unit: "合肥市"
    aliases: tuple[str, ...] = ()  # everyday names: ("合肥经开区",)
    initials: tuple[str, ...] = ()  # pinyin initials of the name and aliases: ("ssq",)
    replaced_by: str = ""  # a former code: the code in use now
    former_codes: tuple[str, ...] = ()  # a code in use: the older codes that meant it
    editions: str = ""  # a former code: the editions that had it ("2017–2022")
    note: str = ""

    @property
    def is_former(self) -> bool:
        return bool(self.replaced_by)

    @property
    def is_county_level(self) -> bool:
        return self.kind in COUNTY_KINDS

    @property
    def label(self) -> str:
        """How a picker shows it: "合肥市 · 合肥经济技术开发区"; a city or the province by its name."""
        return f"{self.city_name} · {self.name}" if self.city_name else self.name


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_SEPARATORS).lower()


def _suffixless(name: str) -> str:
    return name[:-1] if len(name) > 2 and name[-1] in "省市区县" else name


class RegionList:
    """The regions by code, with the former codes; immutable."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._by_code: dict[str, Region] = {}
        for region in regions:
            self._by_code[region.code] = region
        self._current = sorted((r for r in self._by_code.values() if not r.is_former), key=lambda r: r.code)

    @classmethod
    def load(cls, folder: Path | None = None) -> RegionList:
        """Read ``regions.csv`` (and ``regions_former.csv`` when there is one) from ``folder``
        (default: the shipped policy folder). Raises :class:`PolicyTableError` naming file and row."""
        folder = shipped.policy_dir() if folder is None else folder
        current = _read(folder / REGIONS_FILE)
        former = _read(folder / FORMER_FILE) if (folder / FORMER_FILE).exists() else []
        return cls.combine(current, former)

    @classmethod
    def combine(cls, current: list[Region], former: list[Region]) -> RegionList:
        """Fill in city names and link former codes to the codes that replaced them."""
        names = {r.code: r.name for r in current}
        olds: dict[str, list[str]] = {}
        for r in former:
            olds.setdefault(r.replaced_by, []).append(r.code)
        done = []
        for r in [*current, *former]:
            city = names.get(r.parent, "") if r.kind in COUNTY_KINDS else ""
            done.append(Region(r.code, r.name, r.parent, r.kind, r.full_name or _full(r, city), city,
                               r.aliases, r.initials, r.replaced_by, tuple(olds.get(r.code, ())),
                               r.editions, r.note))
        return cls(done)

    def __len__(self) -> int:
        return len(self._current)

    def __iter__(self) -> Iterator[Region]:
        """The regions in use (no former codes), by code."""
        return iter(self._current)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Region | None:
        """The region of ``code``, a former code included; ``None`` when unknown."""
        return self._by_code.get(code)

    def current(self, code: str) -> Region | None:
        """The region in use for ``code`` (a former code leads to the code that replaced it)."""
        region = self._by_code.get(code)
        seen = set()
        while region is not None and region.is_former and region.code not in seen:
            seen.add(region.code)
            region = self._by_code.get(region.replaced_by)
        return region

    def cities(self) -> list[Region]:
        return [r for r in self._current if r.kind == "city"]

    def county_level(self, city: str | None = None) -> list[Region]:
        """Districts, counties, county-level cities and zones (of one city when ``city`` is given)."""
        return [r for r in self._current if r.is_county_level and (city is None or r.parent == city)]

    def names(self) -> dict[str, str]:
        """Code → full name ("合肥市蜀山区"), former codes included."""
        return {code: r.full_name for code, r in self._by_code.items()}

    def search(self, text: str, kinds: Iterable[str] = COUNTY_KINDS) -> list[Region]:
        """The regions in use that match what was typed, best first (then by code).

        Every word must match: digits the start of the code (or of a former code: 340171 finds
        合肥高新技术产业开发区), letters the start of the pinyin initials of the name or an alias,
        alone or after the city's (ss, hfss, jkq), anything else a part of the name, an alias or the
        city's name (合肥, 蜀山, 经开区, 合肥蜀山). An empty text matches everything."""
        words = _normal(text).split()
        wanted = set(kinds)
        found = []
        for region in self._current:
            if region.kind not in wanted:
                continue
            ranks = [self._rank(region, word) for word in words]
            if all(rank is not None for rank in ranks):
                found.append((sum(r for r in ranks if r is not None), region.code, region))
        return [region for _rank, _code, region in sorted(found, key=lambda f: (f[0], f[1]))]

    def _rank(self, region: Region, word: str) -> int | None:
        """0: the word names the region exactly, 1: starts its name, 2: matches otherwise."""
        if word.isdigit():
            codes = (region.code, *region.former_codes)
            return 0 if word in codes else 2 if any(c.startswith(word) for c in codes) else None
        # a word that names the region's city ranks the city's units alike, in code order
        city = self._by_code.get(region.parent) if region.city_name else None
        if word.isascii() and word.isalpha():
            city_initials = {city.initials[0], city.initials[0][:-1]} if city and city.initials else set()
            if word in region.initials:
                return 0
            if any(i.startswith(word) for i in (*region.initials, *city_initials)):
                return 1
            return 2 if any((c + i).startswith(word) for c in city_initials for i in region.initials) else None
        names = (region.name, *region.aliases)
        city_name = region.city_name
        if word in names or word == _suffixless(region.name):
            return 0
        if any(n.startswith(word) for n in names) or (city_name and word in (city_name, _suffixless(city_name))):
            return 1
        texts = (*names, region.full_name, city_name, _suffixless(city_name) + region.name)
        return 2 if any(word in t for t in texts if t) else None


def _full(region: Region, city: str) -> str:
    return region.name if not city or city.removesuffix("市") in region.name else city + region.name


def _read(path: Path) -> list[Region]:
    """Regions from a ``regions.csv`` or ``regions_former.csv``; the two-column ``code,name`` form of
    older versions is read too (names then are full names)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = [(n, line) for n, line in enumerate(handle, start=1)
                     if line.strip() and not line.lstrip().startswith("#")]
    except FileNotFoundError:
        raise PolicyTableError("找不到地区代码表", where=str(path)) from None
    except UnicodeDecodeError:
        raise PolicyTableError("文件不是 UTF-8 编码", where=path.name) from None
    if not lines:
        return []
    out = []
    rows = csv.DictReader(line for _n, line in lines)
    for (line_no, _line), row in zip(lines[1:], rows, strict=False):
        cell = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        code, name = cell.get("code", ""), cell.get("name", "")
        if not (len(code) == 6 and code.isdigit()) or not name:
            raise PolicyTableError("每行应以“6位地区代码,名称”开头", where=f"{path.name} 第{line_no}行")
        kind = cell.get("kind") or _kind(code)
        if kind not in KIND_LABELS:
            raise PolicyTableError(f"未知的地区类别“{kind}”", where=f"{path.name} 第{line_no}行 kind 列")
        parent = cell.get("parent", "") if "parent" in cell else _parent(code)
        out.append(Region(code, name, parent, kind, cell.get("full_name", "" if "parent" in cell else name),
                          aliases=tuple(cell.get("aliases", "").split()),
                          initials=tuple(cell.get("initials", "").split()),
                          replaced_by=cell.get("replaced_by", ""), editions=cell.get("editions", ""),
                          note=cell.get("note", "")))
    return out


def _kind(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    n = int(code[4:])
    return "district" if n <= 20 else "county" if n <= 70 else "zone" if n <= 80 else "county_city"


def _parent(code: str) -> str:
    if code.endswith("0000"):
        return ""
    return code[:2] + "0000" if code.endswith("00") else code[:4] + "00"


@functools.lru_cache(maxsize=1)
def default_regions() -> RegionList:
    """The shipped region list, read once per process."""
    return RegionList.load()
