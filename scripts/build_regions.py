"""Write resources/policy/regions.csv: Anhui's regions with the columns the app reads.

The facts (code, name, parent) are the national statistical division codes (统计用区划代码) of the
statistics bureau; the other columns are derived here, so nobody types them by hand:

* ``kind``: province, city, district (市辖区), county (县), county_city (县级市) or zone (开发区 and
  other zones with a code of their own: 5th–6th digits 71–80 in the statistical codes);
* ``full_name``: what a printed form says ("合肥市蜀山区"; a zone whose name already names its city
  stays as it is: "合肥经济技术开发区");
* ``aliases``: the short names people say (合肥经开区, 合肥高新区, 新站区);
* ``initials``: pinyin initials of the name and of each alias, with and without the city's part
  (蜀山区 → "ssq"; 合肥经开区 → "hfjkq jkq"), read with place-name readings (长丰 cháng, 涡阳 guō).

Usage (from the top of the checkout, with the project's virtual environment):

    .venv/bin/python scripts/build_regions.py                  # recompute the derived columns
    .venv/bin/python scripts/build_regions.py --cities cities.csv --areas areas.csv
        # take the facts of a new edition from the bureau's lists, as CSV files with the columns
        # code,name,provinceCode (cities) and code,name,cityCode,provinceCode (county-level units),
        # 4- and 6-digit codes; only Anhui (34) is kept. Then update the edition in the header
        # comment and in resources/policy/README.md, and former codes in regions_former.csv.

tests/unit/test_regions.py fails when regions.csv differs from what this script derives.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ROOT / "resources" / "policy" / "regions.csv"
PROVINCE = ("340000", "安徽省")
COLUMNS = ["code", "name", "parent", "kind", "full_name", "aliases", "initials"]
HEADER_COMMENT = [
    "# 安徽省的市、县（区）和有统计用区划代码的开发区。",
    "# 代码和名称：国家统计局《2023年统计用区划代码》（截止 2023-06-30，发布 2023-09-11）。",
    "# 只改 code、name、parent；其余列由 scripts/build_regions.py 生成（见 README.md）。",
    "# 已不再使用的旧代码见 regions_former.csv。",
]

# Place names read otherwise than the character's most common reading.
PLACE_READINGS = {"长": "c", "涡": "g", "枞": "z", "歙": "s", "蚌": "b", "亳": "b", "六": "l", "埇": "y"}
# Everyday names of zones, beyond the rule in ``aliases``.
EXTRA_ALIASES = {"340178": ["新站区"]}
_SHORTER = [("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("高新技术产业开发区", "高新区"),
            ("高新技术开发区", "高新区"), ("现代产业园区", "现代产业园")]


def kind_of(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    n = int(code[4:])
    kind = ("district" if n <= 20 else "county" if n <= 70 else "zone" if n <= 80 else "county_city")
    suffix = {"district": "区", "county": "县", "county_city": "市"}.get(kind)
    if suffix and not name.endswith(suffix):
        raise SystemExit(f"{code} {name}: a {kind} code, but the name does not end in {suffix}")
    return kind


def short(city_name: str) -> str:
    """合肥市 → 合肥."""
    return city_name.removesuffix("市")


def full_name(name: str, kind: str, city_name: str) -> str:
    if kind in ("province", "city") or (kind == "zone" and short(city_name) in name):
        return name
    return city_name + name


def aliases(code: str, name: str, kind: str, city_name: str) -> list[str]:
    if kind != "zone":
        return []
    alias = name.removeprefix("安徽")
    for long, brief in _SHORTER:
        alias = alias.replace(long, brief)
    alias = alias.replace(city_name, short(city_name))
    found = [alias] if alias != name else []
    return found + [a for a in EXTRA_ALIASES.get(code, []) if a not in found]


def initials_of(text: str) -> str:
    letters = []
    for char, reading in zip(text, pinyin(text, style=Style.FIRST_LETTER, errors=lambda s: list(s)), strict=True):
        letters.append(PLACE_READINGS.get(char) or (reading[0] or char)[0].lower())
    return "".join(letters)


def initials(name: str, kind: str, names: list[str], city_name: str) -> list[str]:
    """Initials of the name and each alias, and for a zone of each again without its city's part
    (合肥经开区 → "hfjkq", "jkq")."""
    out: list[str] = []
    for text in [name, *names]:
        bare = text.removeprefix(city_name).removeprefix(short(city_name)) if kind == "zone" else text
        for variant in (text, bare):
            value = initials_of(variant)
            if variant and value not in out:
                out.append(value)
    return out


def derive(facts: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Rows of regions.csv from (code, name, parent) facts, in code order."""
    names = {code: name for code, name, _parent in facts}
    rows = []
    for code, name, parent in sorted(facts):
        kind = kind_of(code, name)
        city_name = names.get(parent, "") if kind not in ("province", "city") else ""
        alias = aliases(code, name, kind, city_name)
        rows.append({"code": code, "name": name, "parent": parent, "kind": kind,
                     "full_name": full_name(name, kind, city_name), "aliases": " ".join(alias),
                     "initials": " ".join(initials(name, kind, alias, city_name))})
    return rows


def render(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    out.write("\n".join(HEADER_COMMENT) + "\n")
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_facts(path: Path) -> list[tuple[str, str, str]]:
    """(code, name, parent) of the regions in a regions.csv."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [(r["code"], r["name"], r["parent"]) for r in csv.DictReader(lines)]


def facts_from_bureau(cities: Path, areas: Path) -> list[tuple[str, str, str]]:
    facts = [(PROVINCE[0], PROVINCE[1], "")]
    with cities.open(encoding="utf-8-sig", newline="") as handle:
        facts += [(r["code"] + "00", r["name"], PROVINCE[0]) for r in csv.DictReader(handle)
                  if r["provinceCode"] == PROVINCE[0][:2]]
    with areas.open(encoding="utf-8-sig", newline="") as handle:
        facts += [(r["code"], r["name"], r["cityCode"] + "00") for r in csv.DictReader(handle)
                  if r["provinceCode"] == PROVINCE[0][:2]]
    return facts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=Path, help="the bureau's list of cities (code,name,provinceCode)")
    parser.add_argument("--areas", type=Path, help="the bureau's county-level list (code,name,cityCode,provinceCode)")
    args = parser.parse_args(argv)
    if bool(args.cities) != bool(args.areas):
        parser.error("--cities and --areas go together")
    facts = facts_from_bureau(args.cities, args.areas) if args.cities else read_facts(REGIONS)
    text = render(derive(facts))
    REGIONS.write_text(text, encoding="utf-8")
    print(f"{REGIONS.relative_to(ROOT)}: {text.count(chr(10)) - len(HEADER_COMMENT) - 1} regions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
