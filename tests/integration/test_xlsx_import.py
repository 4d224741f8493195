"""Importing department lists into a profile (SQLite and PostgreSQL): rows matched to members become
dated evidence with their source file, unmatched rows leads; what the advisor recorded is never
changed; dry run and cancel write nothing; a file imported twice adds nothing; the error report is
corrected and imported again; mappings given are remembered; the command's JSON and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import xlsxwriter
from openpyxl import load_workbook
from roster_rows import village_rows

from advisor_app.cli import main
from advisor_app.domain import idcard
from advisor_app.domain.errors import Cancelled
from advisor_app.services import department_evidence, profile_settings, roster_differences, xlsx_import
from advisor_app.services import households as household_service
from advisor_app.store.department_evidence import DepartmentEvidenceRow

DATA = Path(__file__).parents[1] / "data"
WU = DATA / "household_wu.json"
HEAD, CHILD = "34010419880314002X", "340104200905200134"  # 吴晓霞 (肢体残疾一级) and 吴小诚 in household_wu.json
LEAD = idcard.make("340104", dt.date(1956, 2, 9), 31)
OTHER = idcard.make("340122", dt.date(1990, 11, 30), 44)
THIRD = idcard.make("340122", dt.date(1977, 8, 8), 52)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HEADER = ["序号", "姓名", "公民身份号码", "残疾类别", "残疾等级", "发证日期", "备注"]


def write(path: Path, rows: list[list[Any]], header: list[str] = HEADER, *, title: str | None = "蜀山区残疾人名册"
          ) -> Path:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("残疾人")
    r = 0
    if title:
        ws.merge_range(0, 0, 0, len(header) - 1, title)
        r = 2
    ws.write_row(r, 0, header)
    for i, row in enumerate(rows, start=r + 1):
        for c, value in enumerate(row):
            if isinstance(value, str):
                ws.write_string(i, c, value)
            elif value is not None:
                ws.write(i, c, value)
    book.close()
    return path


def disability_list(path: Path) -> Path:
    return write(path, [
        [1, "吴晓霞", HEAD, "肢体", "二级", "2020-05-01", ""],  # grade differs from the recorded 一级
        [2, "吴小诚", f" {CHILD[:6]} {CHILD[6:]}", "视力", 4, 43952, ""],  # spaces; a serial date
        [3, "钱桂英", LEAD.translate(FULL_WIDTH), "精神残疾", "三级", "2019/3/4", ""],  # full-width digits
        [4, "孙立", float(OTHER[:15] + "000"), "听力", 2, None, "存成了数字"],
        [5, "钱桂英", LEAD, "精神", 3, None, "重复"],
        [6, "赵明", THIRD, "飞行", 7, "2024-02-30", ""],
    ])


def evidence_count(profile: Any) -> int:
    with profile.connection() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(DepartmentEvidenceRow)).scalar() or 0)


def test_a_list_becomes_evidence_and_leads_and_changes_no_member(profile: Any, tmp_path: Path) -> None:
    household = household_service.import_household(profile, WU)
    summary = xlsx_import.import_sheet(profile, disability_list(tmp_path / "残联名册.xlsx"), "disability")
    assert summary.as_json() == {"rows": 6, "matched": 2, "new": 3, "changed": 2, "unmatched": 1, "invalid": 3,
                                 "report": str((tmp_path / "残联名册_错误报告.xlsx").resolve())}
    assert sorted((e.row, e.field) for e in summary.errors) == [
        (7, "id_number"), (8, "id_number"), (9, "certificate_date"), (9, "disability_grade"), (9, "disability_kind")]
    assert any("存成了数字" in e.message and "文本" in e.message for e in summary.errors if e.row == 7)
    assert any("与第 6 行重复" in e.message for e in summary.errors if e.row == 8)

    found = department_evidence.household_evidence(profile, household.id)
    assert sorted((e.id_number, e.fields["disability_kind"], e.fields["disability_grade"], e.on_date) for e in found) \
        == [(HEAD, "physical", 2, dt.date(2020, 5, 1)), (CHILD, "visual", 4, dt.date(2020, 5, 1))]
    assert {e.source_name for e in found} == {"残联名册.xlsx"} and all(len(e.source_sha256) == 64 for e in found)
    assert "肢体残疾" in department_evidence.describe(next(e for e in found if e.id_number == HEAD))
    leads = department_evidence.leads(profile, "disability")
    assert [(e.id_number, e.name, e.row_number, e.member_id) for e in leads] == [(LEAD, "钱桂英", 6, None)]

    stored = household_service.load_household(profile, household.id)
    head = next(m for m in stored.members if m.id_number == HEAD)
    assert (head.disability.kind, head.disability.grade) == ("physical", 1)  # as the advisor recorded it


def test_a_lead_is_found_by_the_household_recorded_later(profile: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "a.xlsx", [[1, "吴晓霞", HEAD, "肢体", 1, "", ""]])
    xlsx_import.import_sheet(profile, path, "disability")
    assert [e.id_number for e in department_evidence.leads(profile)] == [HEAD]
    household = household_service.import_household(profile, WU)
    assert [e.id_number for e in department_evidence.household_evidence(profile, household.id)] == [HEAD]
    assert department_evidence.leads(profile) == []


def test_a_dry_run_counts_the_same_and_writes_nothing(profile: Any, tmp_path: Path) -> None:
    household_service.import_household(profile, WU)
    path = disability_list(tmp_path / "list.xlsx")
    tried = xlsx_import.import_sheet(profile, path, "disability", dry_run=True,
                                     mapping={"备注": None, "公民身份号码": "身份证号"})
    assert evidence_count(profile) == 0
    assert xlsx_import.remembered_mapping(profile, "disability") == {}
    done = xlsx_import.import_sheet(profile, path, "disability")
    assert tried.as_json() == done.as_json() and tried.dry_run and not done.dry_run
    assert evidence_count(profile) == 3


def test_cancelling_writes_nothing(profile: Any, tmp_path: Path) -> None:
    rows = [[i, "某某", idcard.make("340104", dt.date(1950, 1, 1) + dt.timedelta(days=i), 1), "肢体", 1 + i % 4, "", ""]
            for i in range(1200)]
    path = write(tmp_path / "big.xlsx", rows, title=None)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2

    with pytest.raises(Cancelled):
        xlsx_import.import_sheet(profile, path, "disability", progress=progress)
    assert evidence_count(profile) == 0
    assert seen[0][0] > 0 and seen[0][1] >= 1200
    summary = xlsx_import.import_sheet(profile, path, "disability", progress=lambda d, t: True)
    assert (summary.rows, summary.new, summary.unmatched) == (1200, 1200, 1200)
    assert evidence_count(profile) == 1200


def test_importing_the_same_file_again_adds_nothing(profile: Any, tmp_path: Path) -> None:
    household_service.import_household(profile, WU)
    path = disability_list(tmp_path / "list.xlsx")
    first = xlsx_import.import_sheet(profile, path, "disability")
    copy = tmp_path / "list-copy.xlsx"
    shutil.copy(path, copy)
    for again in (path, copy):
        summary = xlsx_import.import_sheet(profile, again, "disability")
        assert (summary.new, summary.matched, summary.unmatched) == (0, first.matched, first.unmatched)
    assert evidence_count(profile) == first.new == 3


def test_the_error_report_is_corrected_and_imported_again(profile: Any, tmp_path: Path) -> None:
    household_service.import_household(profile, WU)
    summary = xlsx_import.import_sheet(profile, disability_list(tmp_path / "list.xlsx"), "disability")
    assert summary.report is not None
    book = load_workbook(summary.report)
    ws: Any = book.active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, "错误说明"]
    assert [r[0] for r in rows[1:]] == [4, 5, 6]  # the refused rows, as they were
    assert all(ws.cell(row=i, column=3).data_type == "s" for i in range(2, 5))  # ID numbers as text
    assert rows[1][2] == OTHER[:15] + "000" and "原表第 7 行" in rows[1][-1] and "文本" in rows[1][-1]
    assert "重复" in rows[2][-1] and "残疾类别" in rows[3][-1] and "残疾等级" in rows[3][-1]
    unchanged = xlsx_import.import_sheet(profile, summary.report, "disability", dry_run=True)
    assert unchanged.invalid == 2 and unchanged.report is not None  # the duplicate stands alone here
    header = next(load_workbook(unchanged.report).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert list(header) == [*HEADER, "错误说明"]  # one column of messages, the new ones
    # The clerk corrects the cells (and leaves the duplicate out) and imports the report itself.
    ws.cell(row=2, column=3).value = OTHER
    ws.delete_rows(3)
    ws.cell(row=3, column=4).value = "听力"
    ws.cell(row=3, column=5).value = "二级"
    ws.cell(row=3, column=6).value = "2024-02-20"
    book.save(summary.report)
    again = xlsx_import.import_sheet(profile, summary.report, "disability")
    assert again.as_json() == {"rows": 2, "matched": 0, "new": 2, "changed": 0, "unmatched": 2, "invalid": 0,
                               "report": None}
    assert evidence_count(profile) == 5


def test_a_medical_list_with_periods_money_as_text_and_extra_columns(profile: Any, tmp_path: Path) -> None:
    household = household_service.import_household(profile, WU)
    path = write(tmp_path / "医保.xlsx", [
        ["吴晓霞", HEAD, "2024年1-6月", "1,234.50元", 5000, "居民医保", "x"],
        ["吴晓霞", HEAD, "2024年7-12月", 800, None, "", ""],
        ["吴晓霞", HEAD, "2024年7-12月", 800, None, "", "重复"],
        ["吴小诚", CHILD, 45356, "-5", None, "", ""],
        ["吴小诚", CHILD, "2024/3/5", "", None, "", ""],
    ], header=["成员姓名", "身份证号", "结算期间", "个人自付（元）", "医疗总费用(元)", "参保类型", "经办人"],
        title=None)
    summary = xlsx_import.import_sheet(profile, path, "medical")
    assert (summary.rows, summary.matched, summary.new, summary.invalid) == (5, 2, 2, 3)
    assert {e.row: e.field for e in summary.errors} == {4: "id_number", 5: "self_paid", 6: "self_paid"}
    found = sorted(department_evidence.household_evidence(profile, household.id), key=lambda e: e.row_number)
    assert [(e.period, e.fields["self_paid"], e.fields.get("total_cost")) for e in found] == [
        ("2024年1-6月", 1234.5, 5000.0), ("2024年7-12月", 800.0, None)]


def test_a_mapping_given_is_remembered_for_the_kind(profile: Any, tmp_path: Path) -> None:
    header = ["姓名", "身份证", "类型", "级", "备注"]
    path = write(tmp_path / "odd.xlsx", [["吴晓霞", HEAD, "肢体", 1, ""]], header=header, title=None)
    with pytest.raises(Exception, match="缺少“残疾类别”“残疾等级”列"):
        xlsx_import.import_sheet(profile, path, "disability")
    mapping = {"类型": "disability_kind", "级": "残疾等级"}
    assert xlsx_import.import_sheet(profile, path, "disability", mapping=mapping).new == 1
    assert xlsx_import.remembered_mapping(profile, "disability")["类型"] == "disability_kind"
    preview = xlsx_import.preview(path, "disability", profile=profile)
    assert preview.mapping == {"姓名": "name", "身份证": "id_number", "类型": "disability_kind",
                               "级": "disability_grade", "备注": None}
    assert preview.header_row == 1 and preview.sheets == ["残疾人"] and preview.rows[0][1] == HEAD
    other = write(tmp_path / "odd2.xlsx", [["吴晓霞", CHILD, "视力", 2, ""]], header=header, title=None)
    assert xlsx_import.import_sheet(profile, other, "disability").new == 1  # no mapping needed now


ROSTER_HEADER = ["户编号", "户主姓名", "户主身份证号", "姓名", "公民身份号码", "与户主的关系", "村（社区）", "村民小组",
                 "联系电话", "残疾类别", "残疾等级", "保障类别", "保障金额", "保障起始日期"]


def roster_file(path: Path, households: int, *, changed_phone: str | None = None) -> Path:
    """A village's roster as the provincial system exports it: a title row, one row per person."""
    rows = []
    for r in village_rows(households, members=3):
        v = r.values
        phone = changed_phone if changed_phone and v["household_no"] == "H00001" else v["phone"]
        rows.append([v["household_no"], v["head_name"], v["head_id"], v["name"], v["id_number"], v["relation"],
                     v["village"], v["group"], phone, v.get("disability_kind"), v.get("disability_grade"),
                     v.get("program"), v.get("amount"), v.get("since")])
    return write(path, rows, header=ROSTER_HEADER, title="桃园村家庭成员花名册")


def test_a_roster_file_makes_households_and_a_second_one_lists_what_differs(profile: Any, tmp_path: Path) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="张明")
    first = roster_file(tmp_path / "花名册.xlsx", 12)
    dry = xlsx_import.import_sheet(profile, first, "roster", dry_run=True)
    assert (dry.rows, dry.new, dry.invalid) == (36, 12, 0) and household_service.list_households(profile) == []
    done = xlsx_import.import_sheet(profile, first, "roster")
    assert (done.rows, done.new, done.invalid, done.report) == (36, 12, 0, None)
    assert len(household_service.list_households(profile)) == 12
    second = roster_file(tmp_path / "花名册二.xlsx", 12, changed_phone="13800000000")
    again = xlsx_import.import_sheet(profile, second, "roster")
    assert (again.new, again.matched, again.changed) == (0, 36, 1)  # the phone the advisor recorded stays
    (pending,) = roster_differences.list_differences(profile)
    assert pending.source == "花名册二.xlsx" and pending.roster == "13800000000" and pending.existing != pending.roster


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_prints_json_and_exits_2_on_unreadable_files(profile: Any, data_dir: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    household_service.import_household(profile, WU)
    profile.close()
    path = disability_list(tmp_path / "list.xlsx")
    base = ("--data-dir", str(data_dir), "xlsx", "import")
    code, out, _ = run(capsys, *base, str(path), "--kind", "disability", "--dry-run", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"rows": 6, "matched": 2, "new": 3, "changed": 2, "unmatched": 1, "invalid": 3,
                               "report": str((tmp_path / "list_错误报告.xlsx").resolve())}
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"备注": None}, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, *base, str(path), "--kind", "disability", "--mapping", str(mapping),
                       "--report-dir", str(tmp_path / "reports"))
    assert code == 0
    assert "已导入：共 6 行" in out and "第 7 行：" in out and "reports" in out
    (tmp_path / "notes.txt").write_bytes(b"%PDF-1.4\n\x00\x01binary")
    for bad, words in ((tmp_path / "notes.txt", "不是表格文件"), (tmp_path / "missing.xlsx", "打不开文件")):
        code, out, err = run(capsys, *base, str(bad), "--kind", "medical", "--format", "json")
        assert (code, out) == (2, "") and words in err, err
    code, out, err = run(capsys, *base, str(roster_file(tmp_path / "花名册.xlsx", 2)), "--kind", "roster",
                         "--format", "json")
    assert (code, out) == (2, "") and "所属地区" in err  # a roster needs the profile's region first
    code, _, err = run(capsys, *base, str(path), "--kind", "medical")
    assert code == 2 and "自付金额" in err


def test_the_portable_insert_stores_what_the_driver_insert_stores(profile: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.store import department_evidence as store

    household = household_service.import_household(profile, WU)
    path = disability_list(tmp_path / "list.xlsx")
    xlsx_import.import_sheet(profile, path, "disability")
    fast = department_evidence.household_evidence(profile, household.id) + department_evidence.leads(profile)
    with profile.connection(write=True) as conn:
        conn.execute(sa.delete(DepartmentEvidenceRow))
    monkeypatch.setattr(store, "add", store.add_portable)
    xlsx_import.import_sheet(profile, path, "disability")  # the same file: its source is kept, its rows again
    portable = department_evidence.household_evidence(profile, household.id) + department_evidence.leads(profile)
    assert portable == fast and len(fast) == 3
    assert {type(e.on_date) for e in fast} == {dt.date}


@pytest.mark.parametrize(("kind", "header", "row", "fields", "on"), [
    ("monitoring", ["姓名", "证件号码", "监测对象类型", "致贫风险", "纳入监测时间", "风险是否消除"],
     ["吴晓霞", HEAD, "脱贫不稳定户", "因病", "2023/4/1", "否"],
     {"monitoring_type": "脱贫不稳定户", "risk": "因病", "identified_on": "2023-04-01", "risk_cleared": "否"},
     dt.date(2023, 4, 1)),
    ("pension", ["参保人姓名", "公民身份号码", "险种类型", "月养老金（元）", "待遇开始时间"],
     ["吴晓霞", HEAD, "城乡居民基本养老保险", "¥1,203.50", 45292],
     {"pension_type": "城乡居民基本养老保险", "monthly_amount": 1203.5, "start_date": "2024-01-01"},
     dt.date(2024, 1, 1)),
    ("employment", ["姓名", "身份证号码", "就业状况", "工作单位", "务工地点", "月工资", "务工时间"],
     ["吴晓霞", HEAD, "已就业", "合肥某厂", "合肥", 3200, "2024年3月5日"],
     {"employment_status": "已就业", "employer": "合肥某厂", "work_place": "合肥", "monthly_income": 3200.0,
      "start_date": "2024-03-05"}, dt.date(2024, 3, 5)),
])
def test_the_monitoring_pension_and_employment_lists(profile: Any, tmp_path: Path, kind: str, header: list[str],
                                                     row: list[Any], fields: dict[str, object], on: dt.date) -> None:
    household = household_service.import_household(profile, WU)
    bad = [*row[:1], LEAD, *row[2:]]
    bad[header.index(next(h for h in header if "时间" in h or "日期" in h))] = "2024-02-30"
    path = write(tmp_path / f"{kind}.xlsx", [row, [*row[:1], OTHER, *row[2:]], bad], header=header, title=None)
    summary = xlsx_import.import_sheet(profile, path, kind)
    assert (summary.rows, summary.matched, summary.unmatched, summary.new, summary.invalid) == (3, 1, 1, 2, 1)
    assert [(e.row, "不存在" in e.message) for e in summary.errors] == [(4, True)]
    (evidence,) = department_evidence.household_evidence(profile, household.id)
    assert (evidence.kind, evidence.fields, evidence.on_date) == (kind, fields, on)
    assert [e.id_number for e in department_evidence.leads(profile)] == [OTHER]


def test_the_command_reads_the_sheet_named_and_prints_the_roster_s_notes(
        profile: Any, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor="张明")
    profile.close()
    path = tmp_path / "两张表.xlsx"
    book = xlsxwriter.Workbook(str(path))
    for name, number in (("一组", HEAD), ("二组", OTHER)):
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, ["姓名", "身份证号", "与户主关系", "保障类别", "劳动能力"])
        ws.write_row(1, 0, ["吴某", number, "户主", "低保", "丧失劳动能力"])
    book.close()
    base = ("--data-dir", str(data_dir), "xlsx", "import", str(path), "--kind", "roster")
    code, out, _ = run(capsys, *base, "--sheet", "二组", "--dry-run")
    assert code == 0 and "共 1 行" in out and "新增记录 1 条" in out and "有错误 0 行" in out
    assert "提示：第 2 行：保障类别：填写了“低保”，但没有保障金额和保障起始日期" in out
    assert "提示：第 2 行：劳动能力：名册写“丧失劳动能力”" in out  # born 1990, no disability recorded
    code, out, err = run(capsys, *base, "--sheet", "三组", "--format", "json")
    assert (code, out) == (2, "") and "三组" in err and "一组、二组" in err


def test_a_department_list_s_import_loads_neither_the_roster_nor_the_rules() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom advisor_app.services import xlsx_import\n"
            "print(sorted(m for m in ('advisor_app.services.roster_import', 'advisor_app.rules.tekun', 'numpy')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"  # the command importing a list starts 0.25 s sooner without them


def test_an_opened_file_is_parsed_once_and_read_again_when_saved_since(profile: Any, tmp_path: Path) -> None:
    """The preview's (or the command's read-ahead) parsed sheet serves the import; a file saved again
    after it was opened (the clerk corrected it in Excel) is read again, not the stale copy."""
    household_service.import_household(profile, WU)
    path = write(tmp_path / "残联名册.xlsx", [[1, "吴晓霞", HEAD, "肢体", "一级", "2020-05-01", ""]])
    shown = xlsx_import.preview(path, "disability", profile=profile)
    assert shown.opened is not None
    book = shown.opened
    parses: list[str] = []
    workbook = book._workbook

    class Counting:
        def get_sheet_by_name(self, name: str) -> Any:
            parses.append(name)
            return workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]

    book._workbook = Counting()
    dry = xlsx_import.import_sheet(profile, path, "disability", dry_run=True, opened=book)
    assert (dry.rows, dry.matched, parses) == (1, 1, [])  # the preview's parse, not a second one
    write(path, [[1, "吴晓霞", HEAD, "肢体", "一级", "2020-05-01", ""], [2, "钱桂英", LEAD, "精神", "三级", None, ""]])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # saved again, a second later
    assert not book.unchanged()
    done = xlsx_import.import_sheet(profile, path, "disability", opened=book)
    assert (done.rows, done.matched, done.unmatched) == (2, 1, 1)  # the file as saved, both rows


def test_a_file_the_read_ahead_cannot_open_is_refused_as_before(profile: Any, data_dir: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from advisor_app.services import xlsx_files

    profile.close()
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert xlsx_files.read_ahead(tmp_path / "没有.xlsx") is None and xlsx_files.read_ahead(bad) is None
    code, out, err = run(capsys, "--data-dir", str(data_dir), "xlsx", "import", str(bad), "--kind", "disability",
                         "--format", "json")
    assert (code, out) == (2, "") and "损坏" in err, err
    good = disability_list(tmp_path / "list.xlsx")
    opened = xlsx_files.read_ahead(good)
    assert opened is not None and opened.unchanged()
