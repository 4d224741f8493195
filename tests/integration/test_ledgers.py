"""导出台账 (services.ledgers, ``xlsx export``): the files opened again with openpyxl, on SQLite and
PostgreSQL — what each ledger holds, typed cells, one sheet per village, one village, an empty
profile, a cancelled export, the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from advisor_app.cli import main
from advisor_app.domain import interchange
from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.domain.household import Household, Need, Visit
from advisor_app.services import audit, eligibility, ledgers, profile_settings, visits
from advisor_app.services import households as svc
from advisor_app.services.ledger_kinds import (
    HOUSEHOLD_COLUMNS,
    LEFT_OUT_REASON,
    MEMBER_COLUMNS,
    NEED_COLUMNS,
    programme_words,
)

TODAY = dt.date(2026, 11, 20)
FIRST = dt.date(2026, 9, 1)
SECOND = dt.date(2026, 10, 15)
ON = dt.date(2026, 11, 1)


def rows_of(path: Path, sheet: str | None = None) -> list[tuple[Any, ...]]:
    book = load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [tuple(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def by_header(path: Path, columns: Any) -> list[dict[str, Any]]:
    headers = [c.header for c in columns]
    return [dict(zip(headers, r, strict=True)) for r in rows_of(path)]


@pytest.fixture
def wu(profile: Any, household_json: str) -> Household:
    """吴晓霞's household (莲花社区) with two visits and three needs, one referred then met."""
    profile_settings.set_up_own_profile(profile, region="340104", villages=["莲花社区"], advisor="王芳")
    h = svc.save_household(profile, interchange.household_from_json(household_json))
    svc.save_visit(profile, h.id or "", Visit("investigation", FIRST, ["王芳", "李强"], "户主坐轮椅",
                                              [Need("goods", "需要轮椅一台"), Need("cash", "医疗费用缺口")],
                                              follow_up="转介慈善资源", next_visit=SECOND))
    svc.save_visit(profile, h.id or "", Visit("return", SECOND, ["王芳"], "轮椅已申请",
                                              [Need("service", "每周助浴一次")]))
    wheelchair = next(n for n in visits.household_needs(profile, h.id or "") if n.category == "goods")
    visits.change_need_status(profile, wheelchair.id, "referred", on=FIRST + dt.timedelta(days=3), by="王芳",
                              note="转介县残联")
    visits.change_need_status(profile, wheelchair.id, "fulfilled", on=SECOND, by="李强", note="已送到")
    return svc.load_household(profile, h.id or "")


def test_household_ledger_of_one_family(profile: Any, wu: Household, tmp_path: Path) -> None:
    out = tmp_path / "救助帮扶台账.xlsx"
    written = ledgers.export_ledger(profile, "households", out, today=TODAY)
    assert (written.rows, written.sheets) == (1, ("救助帮扶台账",))
    book = load_workbook(out)
    ws = book.active
    assert ws["A1"].value == "救助帮扶台账　合肥市蜀山区　导出日期：2026-11-20"  # ledger, region, date
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == f"A2:{ws.cell(2, len(HOUSEHOLD_COLUMNS)).column_letter}3"
    [row] = by_header(out, HOUSEHOLD_COLUMNS)
    assert row["户主姓名"] == "吴晓霞" and row["村（社区）"] == "莲花社区" and row["乡镇（街道）"] == "莲花街道"
    assert row["户主身份证号"] == "34010419880314002X"  # in full: the office's ledger
    assert ws["D3"].data_type == "s" and ws["D3"].number_format == "@"
    assert row["家庭人口"] == 2
    assert row["最近走访"] == dt.datetime(2026, 10, 15) and ws["N3"].number_format == "yyyy-mm-dd"
    assert row["享受项目"] is None and row["说明"] == "还没有做过批量筛查"  # never screened
    assert row["未发送"] == "是"


def test_household_ledger_after_screening_and_after_a_change(profile: Any, wu: Household, tmp_path: Path) -> None:
    eligibility.screen(profile, ON)
    [result] = [s for s in eligibility.latest_status(profile, [wu.id or ""]).values()]
    eligible = [s for s in result if s.status == "eligible"]
    assert eligible  # (吴晓霞's family qualifies for something on ON: the sample is chosen so)
    out = tmp_path / "a.xlsx"
    ledgers.export_ledger(profile, "households", out, today=TODAY)
    [row] = by_header(out, HOUSEHOLD_COLUMNS)
    assert row["说明"] is None and row["筛查日期"] == dt.datetime(2026, 11, 1)
    assert row["享受项目"] == programme_words([s.program for s in eligible])
    monthly = [s.amount for s in eligible if s.program != "temporary" and s.amount is not None]
    assert monthly  # (ScreenStatus has whole yuan; the ledger the stored fen)
    assert sum(monthly) <= row["月保障金额（元）"] < sum(monthly) + len(monthly)
    ws = load_workbook(out).active
    assert ws["J3"].number_format == "0.00"
    wu.phone = "13900000001"
    svc.save_household(profile, wu)  # changed after the screening: its result is not current any more
    ledgers.export_ledger(profile, "households", out, today=TODAY)
    [row] = by_header(out, HOUSEHOLD_COLUMNS)
    assert row["说明"] == LEFT_OUT_REASON and row["享受项目"] is None and row["月保障金额（元）"] is None
    assert row["电话"] == "13900000001"


def test_member_and_need_ledgers(profile: Any, wu: Household, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    ledgers.export_ledger(profile, "members", out, today=TODAY)
    people = by_header(out, MEMBER_COLUMNS)
    assert [(p["姓名"], p["身份证号"], p["与户主关系"], p["性别"]) for p in people] == [
        ("吴晓霞", "34010419880314002X", "户主", "女"), ("吴小诚", "340104200905200134", "子女", "男")]
    assert people[0]["出生日期"] == dt.datetime(1988, 3, 14) and people[0]["年龄"] == 38
    assert people[1]["年龄"] == 17
    income = {m.name: round(sum(i.monthly for i in m.incomes), 2) for m in wu.members}
    assert [p["月收入（元）"] or 0 for p in people] == [income["吴晓霞"], income["吴小诚"]]
    ws = load_workbook(out).active
    assert all(ws.cell(r, 5).data_type == "s" for r in (3, 4))

    out = tmp_path / "n.xlsx"
    ledgers.export_ledger(profile, "needs", out, today=TODAY)
    needs = by_header(out, NEED_COLUMNS)
    assert [(n["需求类别"], n["需求内容"], n["状态"]) for n in needs] == [
        ("实物", "需要轮椅一台", "已满足"), ("资金", "医疗费用缺口", "待办"), ("服务", "每周助浴一次", "待办")]
    chair = needs[0]
    assert chair["发现日期"] == dt.datetime(2026, 9, 1) and chair["发现人"] == "王芳、李强"
    assert (chair["转介日期"], chair["转介经办人"]) == (dt.datetime(2026, 9, 4), "王芳")
    assert (chair["满足日期"], chair["满足经办人"], chair["办理说明"]) == (dt.datetime(2026, 10, 15), "李强", "已送到")
    assert needs[1]["转介日期"] is None and needs[1]["满足经办人"] is None

    out = tmp_path / "v.xlsx"
    ledgers.export_ledger(profile, "visits", out, today=TODAY)
    assert [r[3:6] + r[7:] for r in rows_of(out)] == [
        (dt.datetime(2026, 9, 1), "入户调查", "王芳、李强", 2, "转介慈善资源", dt.datetime(2026, 10, 15)),
        (dt.datetime(2026, 10, 15), "回访", "王芳", 1, None, None)]


def test_one_sheet_per_village_and_one_village(demo_profile: Any, tmp_path: Path) -> None:
    villages = ledgers.villages(demo_profile)
    assert len(villages) > 1
    out = tmp_path / "per.xlsx"
    written = ledgers.export_ledger(demo_profile, "members", out, sheet_per_village=True)
    book = load_workbook(out)
    assert book.sheetnames == list(written.sheets) == [v or "未填村（社区）" for v in villages][:len(book.sheetnames)]
    assert len(book.sheetnames) == len(villages)
    total = 0
    for name in book.sheetnames:
        ws = book[name]
        assert ws["A1"].value.startswith(f"成员台账　{name}")
        assert ws.freeze_panes == "A3" and ws.auto_filter.ref.startswith("A2:")
        found = list(ws.iter_rows(min_row=3, values_only=True))
        assert found and {r[1] for r in found} == {name}
        total += len(found)
    assert total == written.rows
    one = tmp_path / "one.xlsx"
    only = ledgers.export_ledger(demo_profile, "members", one, village=villages[0])
    assert {r[1] for r in rows_of(one)} == {villages[0]} and only.rows == len(list(book[book.sheetnames[0]].iter_rows(
        min_row=3)))
    with pytest.raises(DomainError, match="没有村（社区）“火星村”"):
        ledgers.export_ledger(demo_profile, "households", tmp_path / "x.xlsx", village="火星村")
    assert not (tmp_path / "x.xlsx").exists()


def test_an_empty_profile_gives_headers_only(profile: Any, tmp_path: Path) -> None:
    for which in ("households", "members", "needs", "visits"):
        out = tmp_path / f"{which}.xlsx"
        written = ledgers.export_ledger(profile, which, out, sheet_per_village=which == "members")
        assert written.rows == 0
        ws = load_workbook(out).active
        assert ws.max_row == 2 and ws["A2"].value == "乡镇（街道）" and ws.title == ledgers.TITLES[which]
    with pytest.raises(DomainError, match="没有可以导出的筛查结果"):
        ledgers.export_ledger(profile, "screening", tmp_path / "s.xlsx")
    with pytest.raises(DomainError, match="没有“pets”这种台账"):
        ledgers.export_ledger(profile, "pets", tmp_path / "p.xlsx")
    with pytest.raises(DomainError, match=r"\.xlsx"):
        ledgers.export_ledger(profile, "households", tmp_path / "p.csv")


def test_a_cancelled_export_leaves_no_file(demo_profile: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.services import ledger_book

    monkeypatch.setattr(ledger_book, "PROGRESS_EVERY", 10)
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "members.xlsx"
    with pytest.raises(Cancelled):
        ledgers.export_ledger(demo_profile, "members", out, progress=cancel)
    assert calls and calls[0][0] == 10 and calls[0][1] > 10
    assert list(folder.iterdir()) == []  # no file, no scratch folder
    out.write_bytes(b"the earlier ledger")
    with pytest.raises(Cancelled):
        ledgers.export_ledger(demo_profile, "members", out, progress=cancel)
    assert out.read_bytes() == b"the earlier ledger" and list(folder.iterdir()) == [out]
    before = [(e.action, e.kind) for e in audit.list_entries(demo_profile)]
    assert ("export", "ledger") not in before  # a cancelled export is not recorded
    seen: list[tuple[int, int]] = []
    written = ledgers.export_ledger(demo_profile, "members", out, progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1] == (written.rows, written.rows) and load_workbook(out).active.max_row == written.rows + 2
    last = audit.list_entries(demo_profile)[-1]
    assert (last.action, last.kind, last.detail) == ("export", "ledger", f"ledger=members rows={written.rows}")


def test_the_export_command(demo_profile: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(demo_profile.data.root)
    out = tmp_path / "hh.xlsx"
    code = main(["--data-dir", root, "xlsx", "export", "households", "--out", str(out)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert "已导出救助帮扶台账 60 行" in printed and len(rows_of(out)) == 60
    village = ledgers.villages(demo_profile)[0]
    code = main(["--data-dir", root, "xlsx", "export", "visits", "--out", str(out), "--village", village])
    assert code == 0 and {r[1] for r in rows_of(out)} == {village}
    code = main(["--data-dir", root, "xlsx", "export", "needs", "--out", str(out), "--by-village"])
    printed, _ = capsys.readouterr()
    assert code == 0 and "个工作表" in printed and len(load_workbook(out).sheetnames) > 1
    code = main(["--data-dir", root, "xlsx", "export", "screening", "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 2 and "没有可以导出的筛查结果" in err and "Traceback" not in err
    assert len(load_workbook(out).sheetnames) > 1  # the earlier file stays as it was
    code_text = ("import sys\nfrom advisor_app.cli import main\n"
                 f"assert main(['--data-dir', {root!r}, 'xlsx', 'export', 'members', '--out', {str(out)!r}]) == 0\n"
                 "print(sorted(m for m in ('xlsxwriter', 'openpyxl', 'reportlab', 'PySide6') if m in sys.modules))")
    child = subprocess.run([sys.executable, "-c", code_text], capture_output=True, text=True, check=False)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip().splitlines()[-1] == "['xlsxwriter']"  # the writer only (docs/startup.md)


def test_the_parser_loads_no_spreadsheet_library() -> None:
    code = ("import sys\nfrom advisor_app.cli import build_parser\nbuild_parser()\n"
            "print(sorted(m for m in ('xlsxwriter', 'openpyxl', 'sqlalchemy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
