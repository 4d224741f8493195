"""A long list (several chunks of rows) is read down its columns and stored in bulk: the counts, every
message (in the rows' order) and every stored row are what reading it a row at a time, field by field
(:func:`advisor_app.sheets.values.read`), gives — for the disability register and the medical list,
with the members found by a query per chunk or read all at once."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import xlsxwriter

from advisor_app.domain import idcard
from advisor_app.services import households as household_service
from advisor_app.services import xlsx_import
from advisor_app.sheets import values
from advisor_app.sheets.cells import CellError
from advisor_app.sheets.model import RowError
from advisor_app.sheets.table import apply_mapping, open_table
from advisor_app.store import department_evidence as store
from advisor_app.store.department_evidence import DepartmentEvidenceRow

WU = Path(__file__).parents[1] / "data" / "household_wu.json"
HEAD, CHILD = "34010419880314002X", "340104200905200134"
ROWS = 1_300  # three chunks of 500
HEADERS = {"disability": ["序号", "姓名", "公民身份号码", "残疾类别", "残疾等级", "发证日期", "残疾证号"],
           "medical": ["序号", "姓名", "公民身份号码", "结算期间", "个人自付（元）", "医疗总费用", "参保类型"]}


def a_cell(rng: random.Random, column: int, kind: str, numbers: list[str]) -> Any:
    """Mostly good cells, and every kind of bad one now and then."""
    if column == 2:
        pick = rng.randrange(12)
        if pick == 0:
            return rng.choice((3.40104198503120e17, 340104198803140026, "", "12345", "34010419880314002Y",
                               "340104198802300021", " 3401041988 0314002x "))
        if pick <= 2:
            return rng.choice(numbers[:40])  # a duplicate, or a recorded member
        return rng.choice(numbers)
    if kind == "disability":
        return [None, rng.choice(("张桂英", "", None)), None,
                rng.choice(("肢体", "视力残疾", "飞行", 4, "", "多重")), rng.choice(("二级", 7, 3.0, "五", "肆", "")),
                rng.choice(("2024-02-30", 45356, "2024年3月5日", "", dt.datetime(2020, 5, 1), "2020/5/1", "yesterday")),
                rng.choice(("残证001", 12345.0, ""))][column]
    return [None, rng.choice(("吴晓霞", "")), None,
            rng.choice(("2024年1-6月", "2024年7-12月", 45356, "", "2024-03-05")),
            rng.choice(("1,234.50元", 800, "-5", "", "¥12.345", "三百", 99.99)),
            rng.choice((5000, None, "1e3", "12,000")), rng.choice(("居民医保", "", "职工医保"))][column]


def write_list(path: Path, kind: str, seed: int) -> Path:
    rng = random.Random(seed)
    numbers = [HEAD, CHILD] + [idcard.make("341222", dt.date(1950, 1, 1) + dt.timedelta(days=i * 7), i % 1000)
                               for i in range(ROWS)]
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("名单")
    ws.write_row(0, 0, HEADERS[kind])
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    for r in range(1, ROWS + 1):
        if r % 97 == 0:
            continue  # a blank row now and then
        for c in range(len(HEADERS[kind])):
            value = r if c == 0 else a_cell(rng, c, kind, numbers)
            if isinstance(value, str):
                ws.write_string(r, c, value)
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value, date)
            elif value is not None:
                ws.write(r, c, value)
    book.close()
    return path


Stored = list[tuple[object, ...]]


def row_at_a_time(conn: sa.Connection, path: Path, kind: str) -> tuple[dict[str, int], list[RowError], Stored]:
    """The counts, messages and evidence rows of the list, read a row at a time, field by field."""
    fields = xlsx_import.fields_of(kind)
    table = open_table(path, fields)
    used = apply_mapping(table.headers, table.header.mapping, {}, fields)
    counts = dict.fromkeys(("rows", "matched", "new", "changed", "unmatched", "invalid"), 0)
    errors: list[RowError] = []
    stored: Stored = []
    seen: dict[tuple[object, ...], int] = {}
    for row in table.rows(used):
        counts["rows"] += 1
        got: dict[str, object] = {}
        wrong = []
        for f in fields:
            if f.name in row.values:
                try:
                    got[f.name] = values.read(f, row.values[f.name])
                except CellError as exc:
                    message = exc.message if exc.message.startswith(f.label) else f"{f.label}：{exc.message}"
                    wrong.append(RowError(row.number, message, f.name))
        key = (got.get("id_number"), got.get("period")) if kind == "medical" else (got.get("id_number"),)
        if not wrong and seen.setdefault(key, row.number) != row.number:
            wrong.append(RowError(row.number, (f"身份证号与第 {seen[key]} 行重复（同一个人在表里出现了两次）"
                                               if kind != "medical" else
                                               f"身份证号和期间与第 {seen[key]} 行重复（同一笔记录出现了两次）"),
                                  "id_number"))
        if wrong:
            errors += wrong
            counts["invalid"] += 1
            continue
        number = str(got.pop("id_number"))
        name = str(got.pop("name", None) or "")
        member = store.members_by_id_number(conn, [number]).get(number)
        counts["matched" if member else "unmatched"] += 1
        if member and kind == "disability":
            counts["changed"] += (got.get("disability_kind"), got.get("disability_grade")) != \
                (member.disability_kind, member.disability_grade)
        counts["new"] += 1
        on = values.list_date(got)
        stored.append((row.number, kind, number, name, member.member_id if member else None,
                       member.household_id if member else None, json.dumps(got, ensure_ascii=False, sort_keys=True),
                       dt.date.fromisoformat(on) if on else None, str(got.get("period") or "")))
    return counts, errors, stored


@pytest.mark.parametrize("kind", ["disability", "medical"])
@pytest.mark.parametrize("lookup", ["a query per chunk", "every member at once"])
def test_a_long_list_read_down_its_columns_is_what_a_row_at_a_time_gives(
        profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, lookup: str) -> None:
    household_service.import_household(profile, WU)
    path = write_list(tmp_path / f"{kind}.xlsx", kind, seed=len(kind))
    with profile.connection() as conn:
        counts, errors, rows = row_at_a_time(conn, path, kind)
    if lookup == "a query per chunk":
        monkeypatch.setattr(store, "live_member_count", lambda conn: 10**9)
        monkeypatch.setattr(store, "all_members_by_id_number", lambda conn: pytest.fail("read every member"))
    else:
        monkeypatch.setattr(store, "members_by_id_number", lambda conn, numbers: pytest.fail("queried per chunk"))
    summary = xlsx_import.import_sheet(profile, path, kind, report_dir=tmp_path)
    with profile.connection() as conn:
        stored = [tuple(r) for r in conn.execute(sa.select(
            *(DepartmentEvidenceRow.__table__.c[c] for c in ("row_number", "kind", "id_number", "name", "member_id",
                                                              "household_id", "fields", "on_date", "period")))
            .order_by(DepartmentEvidenceRow.__table__.c.row_number))]
    assert {k: v for k, v in summary.as_json().items() if k != "report"} == counts
    assert summary.errors == errors
    assert stored == rows
    assert counts["rows"] > 1_000 and counts["invalid"] > 100 and counts["matched"] > 0 and len(rows) > 150
