"""``advisor-app policy``: show, Excel import with preview, template, and broken sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from advisor_app.cli import main

HEADER = ["地区代码 region", "地区名称 region_name", "项目代码 key", "城乡 area", "数值 value", "单位 unit",
          "生效日期 effective_from", "截止日期 effective_to", "默认值 is_default", "依据来源 source"]
SOURCE = "蜀山区民政局通知（演示）"


def sheet(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    ws: Any = book.active
    ws.title = "政策标准"
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def shuhsan_rows() -> list[list[Any]]:
    return [
        ["340104", "合肥市蜀山区", "dibao_standard", "", 924, "元/人/月", dt.datetime(2023, 7, 1), None, "否",
         "市场星报 2023-06-09（合肥市2023年社会救助标准调整）"],
        [340104, "合肥市蜀山区", "dibao_standard", "城乡通用", 980, "元/人/月", "2024-07-01", None, "否", SOURCE],
        ["340104", "合肥市蜀山区", "temporary_cap_multiple", "", 12, "倍", "2024-01-01", None, "否", SOURCE],
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def legacy_file(home: Path) -> Path:
    """Where an older profile kept its imported table (moved into the database when opened)."""
    return home / "policy" / "local.csv"


def stored(home: Path) -> list[tuple[str, bool, str]]:
    """The profile's own tables as kept in its database: (region, removed, value rows)."""
    from advisor_app.services import policy_store
    from advisor_app.services.profile import open_profile

    profile = open_profile(home)
    try:
        with profile.session() as session:
            return [(t.region, t.removed, t.value_rows) for t in policy_store.stored_tables(session, with_removed=True)]
    finally:
        profile.close()


def stored_regions(home: Path) -> list[str]:
    return [region for region, removed, _rows in stored(home) if not removed]


def test_show_prints_values_sources_and_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "show", "340104", "--on", "2024-01-01")
    assert code == 0
    assert "合肥市蜀山区（340104）" in out and "2024-01-01" in out
    line = next(x for x in out.splitlines() if "dibao_standard" in x)
    assert "低保标准" in line and "924" in line and "元/人/月" in line and "默认值" not in line
    assert "市场星报" in out and "2023-07-01" in out
    assets = next(x for x in out.splitlines() if "asset_financial_months" in x)
    assert "24" in assets and "【默认值】" in assets
    assert "no policy table" not in out


def test_show_split_areas_and_missing_region(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "show", "341202", "--on", "2024-01-01")
    assert code == 0
    lines = [x for x in out.splitlines() if "dibao_standard" in x]
    assert len(lines) == 2 and "738" in lines[0] and "城镇" in lines[0] and "703" in lines[1]
    code, out, _ = run(capsys, "policy", "show", "340803", "--on", "2024-01-01")
    assert code == 0 and "no policy table for this region and date" in out
    assert "dibao_standard" not in out
    code, _, err = run(capsys, "policy", "show", "不存在的地方")
    assert code == 2 and "错误" in err


def test_import_previews_then_applies(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = sheet(tmp_path / "蜀山区.xlsx", shuhsan_rows())
    code, out, _ = run(capsys, "policy", "import", str(xlsx), "--dry-run")
    assert code == 0
    assert "新增" in out and "980" in out and "temporary_cap_multiple" in out
    removed = [x for x in out.splitlines() if x.strip().startswith("删除")]
    assert len(removed) == 1 and "tekun_basic_yearly" in removed[0]  # not in the sheet → removed
    assert "不变 1 行" in out
    assert stored_regions(data_dir) == []

    code, out, err = run(capsys, "policy", "import", str(xlsx))  # not a terminal, no --yes
    assert code == 1 and "--yes" in err
    assert stored_regions(data_dir) == []

    code, out, _ = run(capsys, "policy", "import", str(xlsx), "--yes")
    assert code == 0 and "已导入" in out
    assert stored_regions(data_dir) == ["340104"] and not legacy_file(data_dir).exists()

    _, before, _ = run(capsys, "policy", "show", "340104", "--on", "2024-06-30", "--area", "urban")
    _, after, _ = run(capsys, "policy", "show", "340104", "--on", "2024-07-01", "--area", "urban")
    assert "924 元/人/月" in before and "980 元/人/月" in after and SOURCE in after
    assert "tekun_basic_yearly" not in after
    cap = next(x for x in after.splitlines() if "temporary_cap_multiple" in x)
    assert "12 倍" in cap and "默认值" not in cap
    _, neighbour, _ = run(capsys, "policy", "show", "340103", "--on", "2024-07-01")
    assert "924 元/人/月" in neighbour  # other districts keep the shipped table

    code, out, _ = run(capsys, "policy", "import", str(xlsx), "--yes")
    assert code == 0 and "没有变化" in out


@pytest.mark.parametrize(("row_change", "words"), [
    ((1, 4, "九百八"), ["第3行", "E列", "九百八"]),
    ((1, 2, "dibao"), ["第3行", "C列", "dibao"]),
    ((0, 6, "2023年7月"), ["第2行", "G列"]),
    ((2, 9, None), ["第4行", "J列", "依据来源"]),
    ((1, 6, dt.datetime(2023, 7, 1)), ["第3行", "重叠", "第2行"]),
])
def test_broken_sheet_exits_2_and_changes_nothing(tmp_path: Path, data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  row_change: tuple[int, int, Any], words: list[str]) -> None:
    good = sheet(tmp_path / "good.xlsx", shuhsan_rows()[:1])
    assert run(capsys, "policy", "import", str(good), "--yes")[0] == 0
    before = stored(data_dir)
    rows = shuhsan_rows()
    r, c, value = row_change
    rows[r][c] = value
    bad = sheet(tmp_path / "bad.xlsx", rows)
    code, out, err = run(capsys, "policy", "import", str(bad), "--yes")
    assert code == 2 and "Traceback" not in err
    assert "政策标准" in err  # the sheet's name
    for word in words:
        assert word in err
    assert "已导入" not in out
    assert stored(data_dir) == before


def test_unreadable_files(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(capsys, "policy", "import", str(fake), "--yes")
    assert code == 2 and "Excel" in err and "fake.xlsx" in err
    code, _, err = run(capsys, "policy", "import", str(tmp_path / "missing.xlsx"), "--yes")
    assert code == 2 and "找不到" in err
    bad_header = sheet(tmp_path / "h.xlsx", [], header=[*HEADER[:9], "颜色 colour"])
    code, _, err = run(capsys, "policy", "import", str(bad_header), "--yes")
    assert code == 2 and "第1行" in err and "J列" in err and "colour" in err
    assert stored_regions(data_dir) == []


def test_template_round_trip(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "模板.xlsx"
    code, out, _ = run(capsys, "policy", "template", str(out_path), "--region", "340406")
    assert code == 0 and "已填入 10 行" in out
    book = load_workbook(out_path)
    assert book.sheetnames == ["政策标准", "项目说明"]
    values = [row for row in book["政策标准"].iter_rows(min_row=2, values_only=True)]
    assert ("340406", "淮南市潘集区", "dibao_standard", "农村", 708) in [v[:5] for v in values]
    code, out, _ = run(capsys, "policy", "import", str(out_path), "--yes")
    assert code == 0 and "没有变化" in out
    assert stored_regions(data_dir) == []

    empty = tmp_path / "empty.xlsx"
    assert run(capsys, "policy", "template", str(empty))[0] == 0
    code, _, err = run(capsys, "policy", "import", str(empty), "--yes")
    assert code == 2 and "没有数据行" in err


def test_regions_lists_picker_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "regions")
    assert code == 0
    assert "340104  合肥市蜀山区" in out and "341723  池州市青阳县" in out and "340803" not in out


@pytest.mark.parametrize(("answer", "applied"), [("y", True), ("n", False), ("", False)])
def test_interactive_confirmation(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch, answer: str, applied: bool) -> None:
    xlsx = sheet(tmp_path / "s.xlsx", shuhsan_rows())
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": answer)
    code, out, err = run(capsys, "policy", "import", str(xlsx))
    assert (stored_regions(data_dir) == ["340104"]) is applied
    assert code == (0 if applied else 2)
    assert ("已导入" in out) is applied and ("已取消" in err) is not applied


def test_broken_local_table_is_named(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = legacy_file(data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("region,key,area,value,unit,effective_from,effective_to,is_default,source\n"
                    "340104,dibao_standard,,abc,元/人/月,2024-07-01,,no,doc\n", encoding="utf-8")
    code, _, err = run(capsys, "policy", "show", "340104")
    assert code == 2 and "local.csv 第2行" in err and "abc" in err


def test_apply_refuses_when_local_table_changed_after_preview(tmp_path: Path, profile: Any) -> None:
    from advisor_app.domain.errors import DomainError
    from advisor_app.services import policy as service

    first = sheet(tmp_path / "a.xlsx", shuhsan_rows()[:1])
    service.apply_import(profile, service.preview_import(profile, first))
    preview = service.preview_import(profile, sheet(tmp_path / "b.xlsx", shuhsan_rows()))
    other = [["340103", "合肥市庐阳区", "dibao_standard", "", 930, "元/人/月", "2024-07-01", None, "否", SOURCE]]
    service.apply_import(profile, service.preview_import(profile, sheet(tmp_path / "c.xlsx", other)))
    before = service.tables_for(profile).rows()
    with pytest.raises(DomainError, match="重新导入"):
        service.apply_import(profile, preview)
    assert service.tables_for(profile).rows() == before
    tables = service.tables_for(profile)
    assert tables.lookup("340103", "dibao_standard", dt.date(2024, 7, 1), "rural").value == 930  # type: ignore[union-attr]
    assert ("340103", "合肥市庐阳区") in service.regions(profile)


def test_sheet_accepts_clerk_friendly_cells(tmp_path: Path, profile: Any) -> None:
    from advisor_app.services import policy as service

    rows = [[340104, "", "dibao_standard", "城镇", "1,010", "元/人/月", "2025/7/1", "2026年6月30日", "否", SOURCE],
            [340104, "", "dibao_standard", "农村", 1000.0, "元/人/月", dt.date(2025, 7, 1), None, "no", SOURCE]]
    preview = service.preview_import(profile, sheet(tmp_path / "x.xlsx", rows))
    urban = next(r for r in preview.rows if r.area == "urban")
    assert (urban.value, urban.effective_from, urban.effective_to) == (1010, dt.date(2025, 7, 1),
                                                                       dt.date(2026, 6, 30))
    assert {c.kind for c in preview.changes} == {"added", "removed"}


def test_reset_returns_a_region_to_the_shipped_table(tmp_path: Path, data_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "policy", "import", str(sheet(tmp_path / "s.xlsx", shuhsan_rows())), "--yes")[0] == 0
    code, out, _ = run(capsys, "policy", "reset", "蜀山区", "--yes")
    assert code == 0 and "已恢复" in out
    assert "删除" in out and "980" in out and "新增" in out and "tekun_basic_yearly" in out
    _, shown, _ = run(capsys, "policy", "show", "340104", "--on", "2024-07-01", "--area", "rural")
    assert "924 元/人/月" in shown and "19779 元/人/年" in shown
    assert stored_regions(data_dir) == []
    code, _, err = run(capsys, "policy", "reset", "340104", "--yes")
    assert code == 2 and "没有导入过" in err


def test_template_for_a_region_that_uses_its_city_table(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "template", str(tmp_path / "t.xlsx"), "--region", "341102")
    assert code == 0 and "空表" in out and "上级" in out
    rows = list(load_workbook(tmp_path / "t.xlsx")["政策标准"].iter_rows(min_row=2, values_only=True))
    assert rows == []


def test_an_older_profiles_table_file_moves_into_the_database(data_dir: Path, profile: Any,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from advisor_app.services import audit
    from advisor_app.services import policy as service

    profile.close()
    path = legacy_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("region,key,area,value,unit,effective_from,effective_to,is_default,source\n"
                    "340104,dibao_standard,,990,元/人/月,2024-07-01,,no,县民政局通知\n", encoding="utf-8")
    code, out, _ = run(capsys, "policy", "show", "340104", "--on", "2024-08-01")
    assert code == 0 and "990 元/人/月" in out and "是本机导入的" in out
    assert not path.exists()  # moved at open, then removed
    assert [(region, removed) for region, removed, _ in stored(data_dir)] == [("340104", False)]
    from advisor_app.services.profile import open_profile

    again = open_profile(data_dir)
    try:
        moved = [e for e in audit.list_entries(again) if e.kind == "policy"]
        assert [(e.action, e.detail) for e in moved] == [("import", "340104 (local.csv)")]
        assert service.tables_for(again).lookup("340104", "dibao_standard", dt.date(2024, 8, 1), "rural").value == 990  # type: ignore[union-attr]
    finally:
        again.close()


def test_the_tables_are_in_the_backups_and_come_back_with_a_restore(tmp_path: Path, data_dir: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    first = [["340104", "合肥市蜀山区", "dibao_standard", "", 960, "元/人/月", "2024-07-01", None, "否", SOURCE]]
    second = [["340104", "合肥市蜀山区", "dibao_standard", "", 970, "元/人/月", "2024-07-01", None, "否", SOURCE]]
    assert run(capsys, "policy", "import", str(sheet(tmp_path / "a.xlsx", first)), "--yes")[0] == 0
    assert run(capsys, "policy", "import", str(sheet(tmp_path / "b.xlsx", second)), "--yes")[0] == 0
    _, shown, _ = run(capsys, "policy", "show", "340104", "--on", "2024-08-01")
    assert "970 元/人/月" in shown
    _, listed, _ = run(capsys, "backup", "list", "--format", "json")
    newest = json.loads(listed)[0]
    assert newest["cause"] == "before-import"  # made before the second sheet went in: it holds the first
    code, _, err = run(capsys, "backup", "restore", newest["name"])
    assert code == 0, err
    _, shown, _ = run(capsys, "policy", "show", "340104", "--on", "2024-08-01")
    assert "960 元/人/月" in shown and "970" not in shown
