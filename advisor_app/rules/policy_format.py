"""The policy-table file format: the known keys and units, one row's parsing, CSV in and out.

A policy table is a list of rows. Each row says: in region R (a 6-digit 行政区划代码), from date F
(optionally up to and including date T), item K has value V in unit U, for area A (城镇/农村, or both
when empty), on the authority of source S; ``is_default`` marks shipped defaults that are not local
law. The same columns are used by the shipped CSV files, the per-profile local table and the Excel
sheet a county clerk imports (see ``resources/policy/README.md``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import MAX_POLICY_BYTES, ascii_digits, is_ascii_digits, read_limited, shown

from .dibao_keys import SPECS as DIBAO_SPECS
from .dibao_keys import YES_NO


class PolicyTableError(DomainError):
    """A policy table (shipped file, local table or imported sheet) that cannot be used as it is."""


@dataclass(frozen=True, slots=True)
class KeySpec:
    key: str
    label: str  # Chinese label shown to advisors and clerks
    units: tuple[str, ...]  # allowed units; the first is the usual one


_SPECS = (
    KeySpec("dibao_standard", "低保标准", ("元/人/月",)),
    KeySpec("dibao_edge_multiple", "低保边缘家庭收入上限（低保标准的倍数）", ("倍",)),
    KeySpec("dibao_gradual_exit_months", "低保渐退期", ("月",)),
    KeySpec("asset_financial_months", "人均金融资产上限（低保标准的月数）", ("月",)),
    KeySpec("asset_vehicles_max", "可拥有的机动车（不含残疾人功能性补偿代步车、生产用车）", ("辆",)),
    KeySpec("asset_extra_houses_max", "自住房以外可拥有的住房", ("套",)),
    KeySpec("tekun_basic_multiple", "特困人员基本生活标准（低保标准的倍数）", ("倍",)),
    KeySpec("tekun_basic_yearly", "特困人员基本生活标准（年）", ("元/人/年",)),
    KeySpec("care_full_centralized", "特困照料护理标准·集中供养·完全丧失自理", ("元/人/年", "元/人/月")),
    KeySpec("care_partial_centralized", "特困照料护理标准·集中供养·部分丧失自理", ("元/人/年", "元/人/月")),
    KeySpec("care_self_centralized", "特困照料护理标准·集中供养·具备自理能力", ("元/人/年", "元/人/月")),
    KeySpec("care_full_dispersed", "特困照料护理标准·分散供养·完全丧失自理", ("元/人/年", "元/人/月")),
    KeySpec("care_partial_dispersed", "特困照料护理标准·分散供养·部分丧失自理", ("元/人/年", "元/人/月")),
    KeySpec("care_self_dispersed", "特困照料护理标准·分散供养·具备自理能力", ("元/人/年", "元/人/月")),
    KeySpec("orphan_standard_monthly", "孤儿基本生活保障标准", ("元/人/月",)),
    KeySpec("temporary_emergency_min_multiple", "急难型临时救助最低额（低保标准的倍数）", ("倍",)),
    KeySpec("temporary_cap_multiple", "临时救助单次上限（低保标准的倍数）", ("倍",)),
    KeySpec("temporary_emergency_window_months", "急难型临时救助：突发事件须在核对日前几个月内", ("月",)),
    KeySpec("rigid_expense_share", "刚性支出困难家庭：刚性支出超过家庭收入的比例", ("%",)),
    KeySpec("disposable_income_yearly", "上年度居民人均可支配收入", ("元/人/年",)),
    KeySpec("disability_living_subsidy_grade12", "困难残疾人生活补贴·一二级", ("元/人/月",)),
    KeySpec("disability_living_subsidy_grade34", "困难残疾人生活补贴·三四级", ("元/人/月",)),
    KeySpec("old_age_allowance_80_89", "高龄津贴·80至89岁", ("元/人/月",)),
    KeySpec("old_age_allowance_90_99", "高龄津贴·90至99岁", ("元/人/月",)),
    KeySpec("old_age_allowance_100_plus", "高龄津贴·100岁以上", ("元/人/月",)),
    *(KeySpec(key, label, units) for key, label, units in DIBAO_SPECS),
)

KEYS: dict[str, KeySpec] = {s.key: s for s in _SPECS}

# The plausible range of every key, in its usual (first) unit; a value outside is a typing mistake
# (1e308, an ID number pasted into 数值, 9240 for 924) and is refused on import and on load. Amounts
# per year may be 12 times the monthly bounds. Reasons and sources: docs/limits.md.
MONTHLY_MONEY = (0.0, 10_000.0)  # 元/人/月: no allowance, standard or supplement in China comes near
RANGES: dict[str, tuple[float, float]] = {
    "dibao_standard": (100.0, 10_000.0),  # 2024: 600–1,500 元/月 across provinces
    "dibao_edge_multiple": (0.0, 10.0),
    "dibao_gradual_exit_months": (0.0, 120.0),
    "asset_financial_months": (0.0, 120.0),
    "asset_vehicles_max": (0.0, 10.0),
    "asset_extra_houses_max": (0.0, 10.0),
    "tekun_basic_multiple": (0.0, 10.0),
    "tekun_basic_yearly": (1_200.0, 120_000.0),  # 12 × the 低保标准's bounds
    "orphan_standard_monthly": (0.0, 20_000.0),
    "temporary_emergency_min_multiple": (0.0, 10.0),
    "temporary_cap_multiple": (0.0, 36.0),  # some counties allow up to 3 years of the standard at once
    "temporary_emergency_window_months": (0.0, 120.0),
    "rigid_expense_share": (0.0, 100.0),
    "disposable_income_yearly": (1_000.0, 1_000_000.0),
    "dibao_work_cost_wage_share": (0.0, 1.0),  # a share of the wage: at most all of it
    "dibao_work_cost_standard_share": (0.0, 10.0),
}
_PER_YEAR = 12


def value_range(key: str, unit: str) -> tuple[float, float]:
    """The plausible (low, high) of ``key`` written in ``unit`` (both ends allowed)."""
    spec = KEYS[key]
    if unit == YES_NO:
        return (0.0, 1.0)
    usual = spec.units[0]
    default = (MONTHLY_MONEY[0] * _PER_YEAR, MONTHLY_MONEY[1] * _PER_YEAR) if usual == "元/人/年" else MONTHLY_MONEY
    low, high = RANGES.get(key, default)
    if unit == usual:
        return (low, high)
    if usual == "元/人/年" and unit == "元/人/月":
        return (low / _PER_YEAR, high / _PER_YEAR)
    if usual == "元/人/月" and unit == "元/人/年":
        return (low * _PER_YEAR, high * _PER_YEAR)
    return (low, high)
UNITS = ("元/人/月", "元/人/年", "倍", "月", "辆", "套", YES_NO, "%")  # 是否: 1 = yes, 0 = no
AREAS = ("urban", "rural")
AREA_LABELS = {"urban": "城镇", "rural": "农村", None: "城乡通用"}

# Column name → Chinese header (the Excel sheet shows both). Order is the file order.
COLUMNS: dict[str, str] = {
    "region": "地区代码",
    "region_name": "地区名称",
    "key": "项目代码",
    "area": "城乡",
    "value": "数值",
    "unit": "单位",
    "effective_from": "生效日期",
    "effective_to": "截止日期",
    "is_default": "默认值",
    "source": "依据来源",
    "note": "备注",
}
REQUIRED = ("region", "key", "value", "unit", "effective_from", "is_default", "source")

_AREA_WORDS = {"": None, "urban": "urban", "rural": "rural", "城镇": "urban", "城市": "urban",
               "农村": "rural", "全部": None, "城乡": None, "城乡通用": None, "all": None}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+00:00(?::00)?)?")
_TEXT_LIMITS = {"source": 500, "note": 1000, "region_name": 100}  # characters
_TRUE = {"yes", "true", "1", "是", "y", "默认", "默认值"}
_FALSE = {"no", "false", "0", "否", "n"}


@dataclass(frozen=True, slots=True)
class PolicyRow:
    """One dated value as written in a table file, with where it came from (for messages)."""

    region: str
    key: str
    area: str | None
    value: float
    unit: str
    effective_from: dt.date
    effective_to: dt.date | None
    is_default: bool
    source: str
    note: str = ""
    region_name: str = ""
    origin: str = ""  # "340100_hefei.csv 第3行" or "工作表“政策标准”第5行"

    @property
    def identity(self) -> tuple[str, str, str | None, dt.date]:
        return (self.region, self.key, self.area, self.effective_from)

    def same_content(self, other: PolicyRow) -> bool:
        return (self.value, self.unit, self.effective_to, self.is_default, self.source) == (
            other.value, other.unit, other.effective_to, other.is_default, other.source)

    def cells(self) -> dict[str, str]:
        """The row as text cells, in file form."""
        return {
            "region": self.region, "region_name": self.region_name, "key": self.key,
            "area": self.area or "", "value": format_number(self.value), "unit": self.unit,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else "",
            "is_default": "yes" if self.is_default else "no", "source": self.source, "note": self.note,
        }


def format_number(value: float) -> str:
    if not math.isfinite(value) or abs(value) >= 1e15:
        return repr(value)
    return str(int(value)) if value == int(value) else repr(value)


def _text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and math.isfinite(raw) and raw == int(raw) and abs(raw) < 1e15:
        return str(int(raw))
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) >= 10**30:
        return shown(raw)  # an integer of thousands of digits is not written out in full
    return str(raw).strip()


def _date(raw: object, where: str, column: str) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    if not text:
        return None
    match = _DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise PolicyTableError(f"“{text}”不是日期，请写成 2023-07-01 的形式", where=where) from None


def _number(raw: object, where: str) -> float:
    if isinstance(raw, bool):
        raise PolicyTableError(f"“{raw}”不是数字", where=where)
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:  # an integer of hundreds of digits
            value = math.inf
    else:
        text = _text(raw).replace(",", "").replace("，", "")
        if not text:
            raise PolicyTableError("数值不能为空", where=where)
        try:
            value = float(text)
        except ValueError:
            raise PolicyTableError(f"“{shown(text)}”不是数字", where=where) from None
    if not math.isfinite(value):
        raise PolicyTableError(f"数值“{shown(_text(raw))}”不是普通的数字（太大，或是 NaN、inf）", where=where)
    if value < 0:
        raise PolicyTableError(f"数值“{shown(_text(raw))}”必须是不小于 0 的数", where=where)
    return value


def parse_row(cells: Mapping[str, object], locate: Callable[[str], str], origin: str) -> PolicyRow:
    """Check one row's cells (text from CSV, or typed cells from Excel); ``locate(column)`` names
    the cell for messages. Raises :class:`PolicyTableError` naming the cell."""
    region = ascii_digits(_text(cells.get("region")))
    if not (len(region) == 6 and is_ascii_digits(region)):
        raise PolicyTableError(f"地区代码“{shown(region)}”应是 6 位数字的行政区划代码", where=locate("region"))
    key = _text(cells.get("key"))
    spec = KEYS.get(key)
    if spec is None:
        raise PolicyTableError(f"未知的项目代码“{key}”（可用的项目见 README）", where=locate("key"))
    area_text = _text(cells.get("area"))
    if area_text.lower() not in _AREA_WORDS and area_text not in _AREA_WORDS:
        raise PolicyTableError(f"城乡“{area_text}”应为 urban（城镇）、rural（农村）或留空（城乡通用）",
                               where=locate("area"))
    area = _AREA_WORDS.get(area_text.lower(), _AREA_WORDS.get(area_text))
    value = _number(cells.get("value"), locate("value"))
    unit = _text(cells.get("unit"))
    if unit not in UNITS:
        raise PolicyTableError(f"未知的单位“{unit}”（可用：{'、'.join(UNITS)}）", where=locate("unit"))
    if unit not in spec.units:
        wanted = " 或 ".join(spec.units)
        raise PolicyTableError(f"项目 {key}（{spec.label}）的单位应为 {wanted}，不是“{unit}”",
                               where=locate("unit"))
    if unit == YES_NO and value not in (0, 1):
        raise PolicyTableError(f"项目 {key}（{spec.label}）的数值应为 1（是）或 0（否）", where=locate("value"))
    low, high = value_range(key, unit)
    if not low <= value <= high:
        written = shown(_text(cells.get("value")))
        raise PolicyTableError(f"项目 {key}（{spec.label}）的数值 {written} 不在合理范围内：应在 "
                               f"{format_number(low)} 到 {format_number(high)} {unit} 之间，请核对（是否多打了零？）",
                               where=locate("value"))
    start = _date(cells.get("effective_from"), locate("effective_from"), "effective_from")
    if start is None:
        raise PolicyTableError("生效日期不能为空", where=locate("effective_from"))
    end = _date(cells.get("effective_to"), locate("effective_to"), "effective_to")
    if end is not None and end < start:
        raise PolicyTableError(f"截止日期 {end} 早于生效日期 {start}", where=locate("effective_to"))
    flag = cells.get("is_default")
    flag_text = _text(flag).lower()
    if isinstance(flag, bool):
        is_default = flag
    elif flag_text in _TRUE:
        is_default = True
    elif flag_text in _FALSE:
        is_default = False
    else:
        raise PolicyTableError(f"默认值一栏应填 yes/no（是/否），不是“{_text(flag)}”",
                               where=locate("is_default"))
    source = _text(cells.get("source"))
    if not source:
        raise PolicyTableError("依据来源不能为空：请写文件名称或网址", where=locate("source"))
    for column, limit in _TEXT_LIMITS.items():
        if len(_text(cells.get(column))) > limit:
            raise PolicyTableError(f"{COLUMNS[column]}太长：最多 {limit} 个字", where=locate(column))
    return PolicyRow(region=region, key=key, area=area, value=value, unit=unit, effective_from=start,
                     effective_to=end, is_default=is_default, source=source,
                     note=_text(cells.get("note")), region_name=_text(cells.get("region_name")),
                     origin=origin)


def header_columns(header: Iterable[object], locate: Callable[[int], str]) -> list[str | None]:
    """Map header cells to column names. A header may be the English name, the Chinese name, or
    both ("生效日期 effective_from"). Empty header cells are ignored (``None``)."""
    by_label = {label: name for name, label in COLUMNS.items()}
    names: list[str | None] = []
    for i, raw in enumerate(header):
        text = _text(raw)
        if not text:
            names.append(None)
            continue
        found = None
        for word in text.replace("（", " ").replace("(", " ").replace("）", " ").replace(")", " ").split():
            found = word.lower() if word.lower() in COLUMNS else by_label.get(word, found)
        if found is None:
            raise PolicyTableError(f"未知的列“{text}”（可用的列见 README）", where=locate(i))
        if found in names:
            raise PolicyTableError(f"列“{text}”重复", where=locate(i))
        names.append(found)
    missing = [f"{COLUMNS[c]}（{c}）" for c in REQUIRED if c not in names]
    if missing:
        raise PolicyTableError(f"缺少必需的列：{'、'.join(missing)}", where=locate(-1))
    return names


def _header_locator(name: str, line: int) -> Callable[[int], str]:
    return lambda i: f"{name} 第{line}行（表头）" + (f"第{i + 1}列" if i >= 0 else "")


def _cell_locator(origin: str) -> Callable[[str], str]:
    return lambda column: f"{origin} {column} 列"


def read_csv(path: Path) -> list[PolicyRow]:
    """Read one table file. Lines whose first cell starts with ``#`` are comments. A file larger than
    ``MAX_POLICY_BYTES`` is refused unread."""
    try:
        data = read_limited(path, MAX_POLICY_BYTES, "政策标准文件")
    except DomainError as exc:
        raise PolicyTableError(exc.message, where=exc.where) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PolicyTableError("文件不是 UTF-8 编码，请另存为“CSV UTF-8”", where=path.name) from None
    rows: list[PolicyRow] = []
    with io.StringIO(text, newline="") as handle:
        reader = csv.reader(handle)
        names: list[str | None] | None = None
        try:
            for cells in reader:
                if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                    continue
                line = reader.line_num
                if names is None:
                    names = header_columns(cells, _header_locator(path.name, line))
                    continue
                if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
                    raise PolicyTableError("这一行的格子比表头多", where=f"{path.name} 第{line}行")
                row = {n: c for n, c in zip(names, cells, strict=False) if n is not None}
                origin = f"{path.name} 第{line}行"
                rows.append(parse_row(row, _cell_locator(origin), origin))
        except csv.Error as exc:
            where = f"{path.name} 第{reader.line_num}行"
            raise PolicyTableError(f"CSV 格式错误：{exc}", where=where) from None
    return rows


def write_csv(path: Path, rows: Iterable[PolicyRow]) -> None:
    """Write rows atomically (a reader never sees half a file); UTF-8 with BOM so Excel opens it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".policy-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow(row.cells())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_periods(rows: Iterable[PolicyRow]) -> None:
    """No two values for the same region, key and area may be in force on the same day.

    A value without ``effective_to`` ends where the next one starts; a value without an area covers
    both areas, so it clashes with an urban or rural value starting the same day."""
    groups: dict[tuple[str, str], list[PolicyRow]] = {}
    for row in rows:
        groups.setdefault((row.region, row.key), []).append(row)
    for group in groups.values():
        for area in AREAS:
            seq = sorted((r for r in group if r.area in (None, area)), key=lambda r: r.effective_from)
            for before, after in itertools.pairwise(seq):
                if before.effective_from == after.effective_from or (
                        before.effective_to is not None and before.effective_to >= after.effective_from):
                    raise PolicyTableError(
                        f"{after.region} 的 {after.key}（{AREA_LABELS[area]}）生效期与 {before.origin} 重叠"
                        f"（{before.effective_from} 起 与 {after.effective_from} 起）",
                        where=after.origin)
