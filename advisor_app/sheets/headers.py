"""Which column is which field: the fields of each kind of list, the headers counties write for them,
finding the header row, and the mapping ``{header: field name or None}``.

A header matches a field when, normalised (:func:`normalise`: full-width characters as half-width,
no spaces or punctuation, a unit in brackets such as （元） or (18位) left out, a leading * of a
required column left out), it equals the field's label or one of its synonyms, or a header the
user mapped to that field before (``known``: remembered per kind in the profile).

The header row is the row, among the first :data:`HEADER_SCAN` rows, whose cells match most fields
(title rows above it are skipped). When the row above it is a group header over sub-headers — merged
cells such as 残疾信息 over 类别 and 等级 — the two are joined (``残疾信息·类别``) when that matches
more fields; a header cell merged down over both rows is taken from the upper row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .cells import text
from .model import Field

HEADER_SCAN = 20
JOIN = "·"

_UNIT = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_DROP = re.compile(r"[\s\u3000\u00a0*＊·:：,，、.。/\\_\-—–~～'\"“”‘’!！?？#№]+")

_ID = Field("id_number", "身份证号", ("公民身份号码", "证件号码", "身份证号码", "身份证", "证件号", "居民身份证号",
                                  "居民身份证号码", "身份证件号码", "公民身份证号", "公民身份证号码", "成员身份证号",
                                  "人员身份证号", "残疾人身份证号", "参保人身份证号", "证件号码身份证"),
            required=True, value="id_number")
_NAME = Field("name", "姓名", ("成员姓名", "人员姓名", "残疾人姓名", "参保人姓名", "监测对象姓名", "名字", "人员名称"))

FIELDS: dict[str, list[Field]] = {
    # The roster's fields (households and members) come from services/roster_import.py, which
    # reads the provincial system's 人员查询 sheets and the village's own lists.
    "roster": [],
    # 残联 残疾人名册 (the disability federation's register).
    "disability": [
        _ID, _NAME,
        Field("disability_kind", "残疾类别", ("残疾类型", "残疾种类", "残疾类别名称"), required=True,
              value="disability_kind"),
        Field("disability_grade", "残疾等级", ("残疾级别", "等级"), required=True, value="grade"),
        Field("certificate_number", "残疾证号", ("残疾人证号", "残疾证号码", "残疾人证号码", "证号")),
        Field("certificate_date", "发证日期", ("办证日期", "发证时间", "办证时间", "核发日期", "首次发证日期"),
              value="date"),
    ],
    # 医保 个人自付费用 (medical insurance: self-paid costs).
    "medical": [
        _ID, _NAME,
        Field("period", "结算期间", ("就诊日期", "结算日期", "费用期间", "统计期间", "费用发生期间", "结算年月",
                                     "就诊时间", "出院日期", "年度"), value="period"),
        Field("self_paid", "自付金额", ("个人自付", "个人自付金额", "自付费用", "个人负担", "个人负担金额",
                                        "个人自付费用", "个人现金支付", "自付"), required=True, value="money"),
        Field("total_cost", "医疗总费用", ("总费用", "费用总额", "医疗费用总额", "住院总费用"), value="money"),
        Field("insurance_type", "参保类型", ("险种", "险种类型", "参保险种")),
        Field("diagnosis", "疾病名称", ("诊断", "病种", "患病病种", "主要诊断")),
    ],
    # 乡村振兴 防止返贫监测对象 (the monitoring list).
    "monitoring": [
        _ID, _NAME,
        Field("monitoring_type", "监测对象类型", ("监测类型", "对象类型", "人员类型", "监测对象类别", "户类型")),
        Field("risk", "风险类型", ("致贫风险", "返贫致贫风险", "主要风险", "风险类别", "致贫原因", "返贫风险")),
        Field("identified_on", "识别日期", ("纳入日期", "认定日期", "纳入监测时间", "识别时间", "纳入监测日期",
                                            "认定时间"), value="date"),
        Field("risk_cleared", "风险是否消除", ("是否消除风险", "风险消除", "消除风险")),
    ],
    # 人社 城乡居民养老保险待遇 (pensions).
    "pension": [
        _ID, _NAME,
        Field("pension_type", "养老保险类型", ("险种类型", "待遇类型", "参保险种", "养老险种")),
        Field("monthly_amount", "月领取金额", ("养老金", "月养老金", "待遇金额", "月发放金额", "领取金额",
                                              "月待遇", "月领取额", "发放金额"), value="money"),
        Field("start_date", "开始领取日期", ("待遇开始时间", "领取起始年月", "待遇享受开始年月", "开始领取时间",
                                            "待遇开始日期"), value="date"),
    ],
    # 人社 就业登记 (employment).
    "employment": [
        _ID, _NAME,
        Field("employment_status", "就业状态", ("就业状况", "就业情况", "是否就业")),
        Field("employer", "就业单位", ("工作单位", "用工单位", "务工单位")),
        Field("work_place", "就业地点", ("务工地点", "工作地点", "就业地区", "务工地区")),
        Field("monthly_income", "月收入", ("月均收入", "月工资", "月务工收入", "收入"), value="money"),
        Field("start_date", "就业时间", ("务工时间", "开始务工时间", "登记日期", "就业登记日期", "开始就业时间"),
              value="date"),
    ],
}

KIND_LABELS = {"roster": "户籍名册", "disability": "残联残疾人名册", "medical": "医保个人自付费用",
               "monitoring": "防返贫监测对象名单", "pension": "养老金领取名单", "employment": "就业登记名单"}


def normalise(header: object) -> str:
    """A header as compared: half-width, no spaces, punctuation or bracketed units, lower case."""
    raw = unicodedata.normalize("NFKC", text(header)).lower()
    raw = _UNIT.sub("", raw)
    return _DROP.sub("", raw).removesuffix("元")


@dataclass(frozen=True, slots=True)
class HeaderRow:
    """The header found: its Excel row number (the lower one of a two-row header), the headers as
    shown (joined with ``·`` under a group header), the rows used (1 or 2) and the mapping."""

    number: int
    headers: list[str]
    mapping: dict[str, str | None]
    rows_used: int = 1


def _lookup(fields: Sequence[Field], known: Mapping[str, str | None]) -> dict[str, str]:
    names = {f.name for f in fields}
    table: dict[str, str] = {}
    for f in fields:
        for word in (f.label, f.name, *f.synonyms):
            table.setdefault(normalise(word), f.name)
    for header, name in known.items():
        if name in names or not name:
            table[normalise(header)] = name or ""  # what the user chose wins ("": a column not read)
    return table


def _field_of(header: str, table: Mapping[str, str]) -> str | None:
    for key in (normalise(header), normalise(header.replace(JOIN, ""))):
        if key in table:
            return table[key]
    if JOIN in header:  # a joined header: its sub-header alone, then its group alone
        group, _, sub = header.partition(JOIN)
        return table.get(normalise(sub)) or table.get(normalise(group))
    return None


def suggest(headers: Sequence[str], fields: Sequence[Field], known: Mapping[str, str | None] | None = None
            ) -> dict[str, str | None]:
    """Each header's field (None: not read); a field goes to the first header that matches it."""
    table = _lookup(fields, known or {})
    out: dict[str, str | None] = {}
    taken: set[str] = set()
    for h in headers:
        name = (_field_of(h, table) or None) if h else None
        if name in taken:
            name = None
        if name is not None:
            taken.add(name)
        out[h] = name
    return out


def _spread(row: Sequence[object], merged: Sequence[tuple[int, int]]) -> list[str]:
    """A group-header row's cells, each merged range's value copied into its every column."""
    cells = [text(v) for v in row]
    for first, last in merged:
        for c in range(first + 1, min(last + 1, len(cells))):
            if not cells[c]:
                cells[c] = cells[first]
    return cells


def _headers(row: Sequence[object], above: Sequence[object] | None, merged: Sequence[tuple[int, int]]) -> list[str]:
    own = [text(v) for v in row]
    if above is None:
        return _unique(own)
    group = _spread(above, merged)
    group += [""] * (len(own) - len(group))
    joined = [(f"{g}{JOIN}{s}" if g and s and g != s else (s or g)) for g, s in zip(group, own, strict=False)]
    return _unique(joined)


def _unique(headers: list[str]) -> list[str]:
    """Blank headers stay blank; a header that repeats gets （2）, （3）…, so that each key is one column."""
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        if h:
            seen[h] = seen.get(h, 0) + 1
            if seen[h] > 1:
                h = f"{h}（{seen[h]}）"
        out.append(h)
    return out


def _score(mapping: Mapping[str, str | None]) -> int:
    return sum(1 for v in mapping.values() if v is not None)


def find_header(first_rows: Sequence[Sequence[object]], fields: Sequence[Field],
                known: Mapping[str, str | None] | None = None,
                merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = ()) -> HeaderRow | None:
    """The header among ``first_rows`` (row 1 first), or None when no row names any field."""
    best: HeaderRow | None = None
    for i, row in enumerate(first_rows[:HEADER_SCAN]):
        if not any(text(v) for v in row):
            continue
        one = _headers(row, None, ())
        candidate = HeaderRow(i + 1, one, suggest(one, fields, known))
        if i > 0 and any(text(v) for v in first_rows[i - 1]):
            spans = [(a[1], b[1]) for a, b in merged if a[0] <= i - 1 <= b[0] and a[1] < b[1]]
            two = _headers(row, first_rows[i - 1], spans)
            both = HeaderRow(i + 1, two, suggest(two, fields, known), rows_used=2)
            if _score(both.mapping) > _score(candidate.mapping):
                candidate = both
        if _score(candidate.mapping) and (best is None or _score(candidate.mapping) > _score(best.mapping)):
            best = candidate
    return best


__all__ = ["FIELDS", "HEADER_SCAN", "JOIN", "KIND_LABELS", "HeaderRow", "find_header", "normalise", "suggest"]
