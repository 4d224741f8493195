"""Malformed input gives a message naming the field, never a traceback: household documents, ID
numbers typed with full-width digits, text limits, policy values out of range, damaged Excel files."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from advisor_app.documents.definitions import FormDefinitionError, parse_definition
from advisor_app.documents.notice_rules import complaint_phone_problem, default_notice_end, notice_period_problem
from advisor_app.domain import idcard, interchange, validation
from advisor_app.domain.errors import DomainError, InvalidDocument, InvalidRecord
from advisor_app.domain.limits import FileTooLarge, read_limited, shown
from advisor_app.rules.policy import default_tables
from advisor_app.rules.policy_excel import read_xlsx
from advisor_app.rules.policy_format import KEYS, PolicyTableError, read_csv, value_range

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"
HEADER = "region,key,area,value,unit,effective_from,is_default,source\n"


def doc() -> dict[str, Any]:
    d: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    d["format"] = "advisor-household/2"
    return d


def refused(text: str | bytes) -> str:
    with pytest.raises(InvalidDocument) as info:
        interchange.read_household_json(text)
    return str(info.value)


@pytest.mark.parametrize(("replace", "by", "where"), [
    ('"financial": 5000.0', '"financial": 1e400', "assets.financial"),
    ('"financial": 5000.0', '"financial": NaN', "assets.financial"),
    ('"financial": 5000.0', '"financial": ' + "9" * 400, "assets.financial"),
    ('"vehicles": 0', '"vehicles": ' + "9" * 5000, ""),
    ('"name": "吴晓霞"', '"name": "\\ud800"', "members[0].name"),
    ('"relation": "head"', '"relation": []', "relation"),
])
def test_hostile_values_are_refused_naming_the_field(replace: str, by: str, where: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace('"advisor-household/1"', '"advisor-household/2"')
    assert replace in text
    message = refused(text.replace(replace, by))
    assert where in message and "Traceback" not in message


def test_deep_nesting_is_refused() -> None:
    assert "嵌套" in refused("[" * 100_000 + "]" * 100_000)
    assert "嵌套" in refused('{"format": "advisor-household/2", "notes": ' + "[" * 50 + "]" * 50 + "}")


@pytest.mark.parametrize("assets", [[], 0, "", False])
def test_assets_that_are_not_an_object_are_refused(assets: object) -> None:
    d = doc()
    d["assets"] = assets
    assert refused(json.dumps(d)).startswith("assets：")
    d["expenses"] = assets
    del d["assets"]  # left out: nothing recorded, zero; the expenses still refused
    assert refused(json.dumps(d)).startswith("expenses：")


def test_left_out_assets_are_zero() -> None:
    d = doc()
    del d["assets"]
    assert interchange.household_from_json(json.dumps(d)).assets.financial == 0


def test_full_width_digits_are_ascii_and_one_person_is_found_twice() -> None:
    d = doc()
    d["region"] = "３４０１０４"
    d["members"][0]["id_number"] = "３４０１０４１９８８０３１４００２ｘ"
    household = interchange.household_from_json(json.dumps(d))
    assert household.region == "340104" and household.members[0].id_number == "34010419880314002X"
    d["members"][1]["id_number"] = "34010419880314002X"  # the same person, typed the other way
    assert "同一个人不能在一户里登记两次" in refused(json.dumps(d))


def test_other_digits_are_refused() -> None:
    assert idcard.problem("٣٤٠١٠٤19880314002X") is not None
    assert idcard.problem("３４０１０４１９８８０３１４００２Ｘ") is None
    assert idcard.parse("３４０１０４１９８８０３１４００２Ｘ").value == "34010419880314002X"
    d = doc()
    d["region"] = "٣٤٠١٠٤"
    assert "region" in refused(json.dumps(d))


def test_the_editor_path_normalises_too() -> None:
    household = interchange.household_from_json(json.dumps(doc()))
    household.region = "３４０１０４"
    household.members[1].id_number = household.members[0].id_number.translate(
        str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    problems = validation.household_problems(validation.tidy(household))
    assert household.region == "340104"
    assert [p.key for p in problems] == ["members[1].id_number"]


@pytest.mark.parametrize(("field", "limit"), [("name", validation.MAX_NAME), ("phone", validation.MAX_PHONE)])
def test_text_limits(field: str, limit: int) -> None:
    household = interchange.household_from_json(json.dumps(doc()))
    setattr(household.members[0], field, "吴" * limit)
    ok = [p for p in validation.household_problems(household) if p.field == field]
    setattr(household.members[0], field, "吴" * (limit + 1))
    too_long = [p for p in validation.household_problems(household) if p.field == field]
    assert not ok and len(too_long) == 1 and f"最多 {limit} 个字" in too_long[0].message
    assert len(too_long[0].message) < 200  # a long name is cut short in the message


def test_control_characters_are_refused_in_names_but_not_line_breaks_in_notes() -> None:
    household = interchange.household_from_json(json.dumps(doc()))
    household.members[0].name = "吴\x01晓霞"
    household.notes = "第一行\n第二行"
    problems = validation.household_problems(household)
    assert [p.key for p in problems] == ["members[0].name"] and "控制字符" in problems[0].message
    with pytest.raises(InvalidRecord):
        validation.check_household(household)


def test_files_are_read_with_a_cap(tmp_path: Path) -> None:
    with pytest.raises(FileTooLarge):
        read_limited("/dev/zero", 1024, "家庭文件")
    small = tmp_path / "small"
    small.write_bytes(b"x" * 1024)
    assert read_limited(small, 1024, "家庭文件") == b"x" * 1024
    with pytest.raises(FileTooLarge):
        interchange.read_household_json(b" " * (20 * 2**20 + 1))


def test_shown_is_safe_to_print() -> None:
    assert shown("\ud800ab\x00") == "\ufffdab\ufffd"
    assert shown("长" * 100, 10) == "长" * 10 + "…"
    assert "位" in shown(10**5000) and shown([[1]]) == "[…]"


# ---- policy tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e308", "340104198803140026", "99", "10001"])
def test_policy_values_out_of_range_are_refused_naming_the_cell(value: str, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + f"340104,dibao_standard,,{value},元/人/月,2024-01-01,no,文件\n", encoding="utf-8")
    with pytest.raises(PolicyTableError) as info:
        read_csv(path)
    assert "t.csv 第2行 value 列" in str(info.value) and "100 到 10000" in str(info.value)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "9" * 500])
def test_non_finite_policy_values_get_the_cell(value: str, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + f"340104,dibao_standard,,{value},元/人/月,2024-01-01,no,文件\n", encoding="utf-8")
    with pytest.raises(PolicyTableError, match="第2行 value 列"):
        read_csv(path)


def test_every_key_has_a_range_that_the_shipped_tables_keep() -> None:
    for key, spec in KEYS.items():
        for unit in spec.units:
            low, high = value_range(key, unit)
            assert 0 <= low < high < 1e7, key
    rows = default_tables().rows()
    assert rows and all(value_range(r.key, r.unit)[0] <= r.value <= value_range(r.key, r.unit)[1] for r in rows)
    assert value_range("care_full_dispersed", "元/人/月")[1] * 12 == value_range("care_full_dispersed", "元/人/年")[1]


def sheet(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    ws: Any = book.active
    ws.title = "政策标准"
    ws.append(["region", "key", "area", "value", "unit", "effective_from", "is_default", "source"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(raw: bytes, part: str, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, change(data) if name == part else data)
    return out.getvalue()


GOOD = [["340104", "dibao_standard", "", 924, "元/人/月", dt.date(2024, 1, 1), "否", "文件"]]


@pytest.mark.parametrize(("number", "message"), [(b"NaN", "第2行"), (b"9" * 5000, "第2行"), (b"1E999", "D列")])
def test_bad_number_cells_in_a_sheet_name_the_row(number: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(rewrite(sheet(GOOD), "xl/worksheets/sheet1.xml", lambda b: b.replace(b"<v>924</v>",
                                                                                          b"<v>" + number + b"</v>")))
    with pytest.raises(PolicyTableError) as info:
        read_xlsx(path)
    assert "工作表“政策标准”第2行" in str(info.value) and message in str(info.value)


@pytest.mark.parametrize(("part", "where"), [("xl/worksheets/sheet1.xml", "工作表“政策标准”第"),
                                           ("xl/workbook.xml", "t.xlsx"), ("xl/styles.xml", "t.xlsx")])
def test_bad_xml_inside_the_sheet_is_a_message(part: str, where: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(rewrite(sheet(GOOD), part, lambda b: b[: len(b) // 2]))
    with pytest.raises(PolicyTableError) as info:
        read_xlsx(path)
    assert (info.value.where or "").startswith(where) and "损坏" in info.value.message


def test_password_protected_and_other_files(tmp_path: Path) -> None:
    protected = tmp_path / "p.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # what Excel writes with a password
    with pytest.raises(PolicyTableError, match="密码"):
        read_xlsx(protected)
    with pytest.raises(PolicyTableError, match="不是一个文件"):
        read_xlsx(Path("/dev/zero"))
    with pytest.raises(PolicyTableError, match="太大"):
        read_csv(Path("/dev/zero"))
    good = tmp_path / "g.xlsx"
    good.write_bytes(sheet(GOOD))
    assert [r.value for r in read_xlsx(good)] == [924]


# ---- form definitions, notices, printing ------------------------------------------------------------

@pytest.mark.parametrize("value", ["inf", "nan", "1e400", "99999", "-1"])
def test_form_definition_numbers_must_be_plausible(value: str, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('format = "advisor-form-def/1"\ntitle = "表"\n[[sections]]\ntype = "lines"\n'
                    f"count = {value}\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match=r"sections\[0\]\.count"):
        parse_definition(path, "x")


def test_form_definition_nesting_and_size(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError):
        parse_definition(path, "x")
    path.write_bytes(b"#" * (2 * 2**20))
    with pytest.raises(FormDefinitionError, match="太大"):
        parse_definition(path, "x")


def test_notice_dates_and_phone() -> None:
    end = default_notice_end(dt.date(9999, 12, 31))
    assert end == dt.date.max
    assert "不合理" in (notice_period_problem(dt.date(9999, 12, 31), end) or "")
    assert notice_period_problem(dt.date(2026, 1, 1), default_notice_end(dt.date(2026, 1, 1))) is None
    assert "太长" in (complaint_phone_problem("1" * 100_000) or "")
    assert complaint_phone_problem("0551-12345678") is None


def test_text_too_long_for_a_page_is_a_message() -> None:
    from advisor_app.documents.render import render_form

    household = interchange.household_from_json(json.dumps(doc()))
    household.members[0].name = "吴" * 200_000  # stored before names had a limit
    with pytest.raises(DomainError, match="太长"):
        render_form("dibao-application", household, on=dt.date(2026, 1, 1))
