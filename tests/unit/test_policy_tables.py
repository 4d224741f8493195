"""Policy tables: shipped values, lookup order, dates, areas, and broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advisor_app.domain.errors import DomainError
from advisor_app.rules.policy import PolicyTableError, PolicyTables, default_tables

D = dt.date
HEADER = "region,key,area,value,unit,effective_from,effective_to,is_default,source\n"


@pytest.fixture(scope="module")
def tables() -> PolicyTables:
    return default_tables()


def write_table(folder: Path, body: str, name: str = "340100_test.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("region", "area", "on", "standard"), [
    ("340104", "urban", D(2024, 1, 1), 924), ("340111", "rural", D(2024, 1, 1), 924),
    ("340121", "rural", D(2024, 1, 1), 881), ("340181", "urban", D(2023, 7, 1), 881),
    ("340402", "urban", D(2023, 1, 1), 725), ("340406", "rural", D(2023, 1, 1), 708),
    ("341202", "urban", D(2024, 1, 1), 738), ("341204", "rural", D(2024, 1, 1), 703),
    ("341221", "urban", D(2024, 1, 1), 739), ("341222", "rural", D(2024, 1, 1), 735),
    ("341225", "urban", D(2024, 1, 1), 687), ("341226", "rural", D(2024, 1, 1), 762),
    ("341282", "urban", D(2024, 1, 1), 781), ("341702", "urban", D(2024, 1, 1), 787),
    ("341702", "rural", D(2024, 1, 1), 750), ("341723", "rural", D(2024, 1, 1), 751),
    ("341102", "urban", D(2023, 1, 1), 727), ("341182", "rural", D(2023, 1, 1), 717),
])
def test_shipped_dibao_standards(tables: PolicyTables, region: str, area: str, on: dt.date,
                                 standard: int) -> None:
    found = tables.lookup(region, "dibao_standard", on, area)
    assert found is not None and found.value == standard
    assert found.unit == "元/人/月" and not found.is_default and found.source


def test_lookup_falls_back_county_then_city_then_province(tables: PolicyTables) -> None:
    on = D(2024, 3, 1)
    county = tables.lookup("340104", "dibao_standard", on, "urban")
    city = tables.lookup("341102", "dibao_standard", on, "urban")
    province = tables.lookup("340104", "asset_financial_months", on, "urban")
    assert county is not None and county.region == "340104"
    assert city is not None and city.region == "341100" and city.value == 727
    assert province is not None and province.region == "340000" and province.value == 24
    assert province.is_default and province.unit == "月"
    care = tables.lookup("340122", "care_full_dispersed", on, "rural")
    assert care is not None and care.region == "340100" and care.value == 8652 and care.unit == "元/人/年"


def test_province_defaults_are_marked(tables: PolicyTables) -> None:
    on = D(2024, 1, 1)
    values = tables.values_in_force("341802", on, "urban")
    assert {k: (v.value, v.is_default) for k, v in values.items()} == {
        "dibao_edge_multiple": (1.5, False),  # national rule, not a default
        "dibao_gradual_exit_months": (6, True),
        "asset_financial_months": (24, True),
        "asset_vehicles_max": (0, True),
        "asset_extra_houses_max": (0, True),
        "tekun_basic_multiple": (1.3, True),
        "temporary_emergency_min_multiple": (2, True),
        "temporary_cap_multiple": (10, True),
        "dibao_excluded_old_age_allowance": (1, True),  # the county list of excluded kinds (default)
        "dibao_excluded_disability_living_subsidy": (1, True),
        "dibao_excluded_disability_care_subsidy": (1, True),
        "dibao_excluded_medical_reimbursement": (1, True),
        "temporary_emergency_window_months": (3, True),
        # the province's published figure (2023, used in 2024): the fallback, not a default
        "disposable_income_yearly": (47446, False),
    }


def test_tekun_care_and_orphan_values(tables: PolicyTables) -> None:
    on = D(2024, 1, 1)

    def value(region: str, key: str, area: str = "urban") -> float | None:
        found = tables.lookup(region, key, on, area)
        return None if found is None else found.value

    assert value("340103", "tekun_basic_yearly") == 19779
    assert value("340123", "tekun_basic_yearly") == 13744
    assert value("340403", "tekun_basic_yearly", "urban") == 13800
    assert value("340403", "tekun_basic_yearly", "rural") == 11050
    assert value("341125", "tekun_basic_yearly", "urban") == 1320 * 12
    assert value("341125", "tekun_basic_yearly", "rural") == 970 * 12
    assert value("340405", "care_partial_centralized") == 450
    assert value("340102", "orphan_standard_monthly") == 2420
    assert value("341202", "orphan_standard_monthly") is None
    monthly = tables.lookup("340405", "care_full_dispersed", on, "rural")
    yearly = tables.lookup("340102", "care_full_dispersed", on, "rural")
    assert monthly is not None and monthly.per_month() == 525
    assert yearly is not None and yearly.per_month() == pytest.approx(721)


def test_day_before_and_after_a_change(tables: PolicyTables) -> None:
    assert tables.lookup("340402", "dibao_standard", D(2022, 6, 30), "urban") is None
    first = tables.lookup("340402", "dibao_standard", D(2022, 7, 1), "urban")
    assert first is not None and first.value == 725 and first.effective_from == D(2022, 7, 1)


def test_dated_periods_and_effective_to(tmp_path: Path) -> None:
    write_table(tmp_path, "340100,dibao_standard,,800,元/人/月,2022-07-01,,no,doc A\n"
                          "340100,dibao_standard,,850,元/人/月,2023-07-01,2024-06-30,no,doc B\n")
    t = PolicyTables.load(tmp_path)

    def at(day: dt.date) -> float | None:
        found = t.lookup("340104", "dibao_standard", day, "urban")
        return None if found is None else found.value

    assert at(D(2022, 6, 30)) is None
    assert at(D(2022, 7, 1)) == 800
    assert at(D(2023, 6, 30)) == 800
    assert at(D(2023, 7, 1)) == 850
    assert at(D(2024, 6, 30)) == 850
    assert at(D(2024, 7, 1)) is None  # expired and nothing newer: never carry an old number on


def test_area_split(tables: PolicyTables) -> None:
    on = D(2024, 1, 1)
    urban = tables.lookup("341203", "dibao_standard", on, "urban")
    rural = tables.lookup("341203", "dibao_standard", on, "rural")
    assert urban is not None and rural is not None
    assert (urban.value, urban.area, rural.value, rural.area) == (738, "urban", 703, "rural")
    # Without an area a split standard has no single answer.
    assert tables.lookup("341203", "dibao_standard", on) is None
    # Hefei splits 城区/县域, not urban/rural: one value for both areas, also without an area.
    both = tables.lookup("340104", "dibao_standard", on)
    assert both is not None and both.value == 924 and both.area is None
    # 青阳 has its own rural figure only; its towns use the Chizhou city figure.
    qy_urban = tables.lookup("341723", "dibao_standard", on, "urban")
    assert qy_urban is not None and (qy_urban.value, qy_urban.region) == (787, "341700")
    assert tables.lookup("341723", "dibao_standard", on) is None


@pytest.mark.parametrize("region", ["340803", "341802", "340421", "340422", "110105", "12345", "abcdef", ""])
def test_region_without_table_gets_none(tables: PolicyTables, region: str) -> None:
    for area in ("urban", "rural", None):
        assert tables.lookup(region, "dibao_standard", D(2024, 1, 1), area) is None


def test_regions_for_picker(tables: PolicyTables) -> None:
    regions = dict(tables.regions())
    assert regions["340104"] == "合肥市蜀山区"
    assert regions["341702"] == "池州市贵池区"  # through its city's table
    assert regions["341102"] == "滁州市琅琊区"
    for missing in ("340803", "341802", "340421", "340000", "340100"):
        assert missing not in regions


def test_default_tables_loaded_once() -> None:
    assert default_tables() is default_tables()


def test_local_table_replaces_the_regions_it_names(tables: PolicyTables) -> None:
    from advisor_app.rules.policy_format import PolicyRow

    row = PolicyRow(region="340104", key="dibao_standard", area=None, value=990.0, unit="元/人/月",
                    effective_from=D(2024, 7, 1), effective_to=None, is_default=False, source="县文件")
    local = tables.with_local([row])
    assert local.lookup("340104", "dibao_standard", D(2023, 12, 1), "urban") is None  # history replaced
    found = local.lookup("340104", "dibao_standard", D(2024, 7, 1), "urban")
    assert found is not None and found.value == 990
    other = local.lookup("340103", "dibao_standard", D(2024, 7, 1), "urban")
    assert other is not None and other.value == 924
    assert tables.lookup("340104", "dibao_standard", D(2024, 7, 1), "urban").value == 924  # type: ignore[union-attr]


GOOD = "340100,dibao_standard,,800,元/人/月,2022-07-01,,no,doc\n"


@pytest.mark.parametrize(("body", "words"), [
    ("340100,dibao_standard,,八百,元/人/月,2022-07-01,,no,doc\n", ["第3行", "value", "八百"]),
    ("340100,dibao_standrd,,800,元/人/月,2022-07-01,,no,doc\n", ["第3行", "key", "dibao_standrd"]),
    ("340100,dibao_standard,,800,元/月,2022-07-01,,no,doc\n", ["第3行", "unit", "元/月"]),
    ("340100,dibao_standard,,800,倍,2022-07-01,,no,doc\n", ["第3行", "unit", "dibao_standard"]),
    ("340100,dibao_standard,,800,元/人/月,2022-13-01,,no,doc\n", ["第3行", "effective_from", "2022-13-01"]),
    ("340100,dibao_standard,,800,元/人/月,2022-07-01,2022-01-01,no,doc\n", ["第3行", "effective_to"]),
    ("340100,dibao_standard,,800,元/人/月,2022-07-01,,no,\n", ["第3行", "source"]),
    ("340100,dibao_standard,,800,元/人/月,2022-07-01,,maybe,doc\n", ["第3行", "is_default"]),
    ("340100,dibao_standard,city,800,元/人/月,2022-07-01,,no,doc\n", ["第3行", "area"]),
    ("3401,dibao_standard,,800,元/人/月,2022-07-01,,no,doc\n", ["第3行", "region"]),
    ("340100,dibao_standard,,-5,元/人/月,2022-07-01,,no,doc\n", ["第3行", "value"]),
    ("340100,dibao_standard,urban,810,元/人/月,2022-07-01,,no,doc\n", ["第3行", "重叠", "第2行"]),
    ("340100,dibao_standard,,810,元/人/月,2021-07-01,2022-07-01,no,doc\n", ["重叠"]),
])
def test_broken_table_names_file_row_and_column(tmp_path: Path, body: str, words: list[str]) -> None:
    write_table(tmp_path, GOOD + body, name="341000_broken.csv")
    with pytest.raises(PolicyTableError) as caught:
        PolicyTables.load(tmp_path)
    assert isinstance(caught.value, DomainError)
    text = str(caught.value)
    assert "341000_broken.csv" in text
    for word in words:
        assert word in text


def test_unknown_and_missing_columns(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("region,key,colour\n340100,dibao_standard,red\n", encoding="utf-8")
    with pytest.raises(PolicyTableError, match=r"a\.csv.*第1行.*colour"):
        PolicyTables.load(tmp_path)
    (tmp_path / "a.csv").write_text("region,key,value\n340100,dibao_standard,1\n", encoding="utf-8")
    with pytest.raises(PolicyTableError, match=r"缺少必需的列.*unit"):
        PolicyTables.load(tmp_path)


def test_chinese_headers_comments_and_bom_are_read(tmp_path: Path) -> None:
    text = ("# 注释行\n地区代码,项目代码,城乡,数值,单位,生效日期,默认值,依据来源 source\n"
            "340100,dibao_standard,城镇,800,元/人/月,2022/07/01,否,doc\n"
            "#340100,dibao_standard,农村,1,元/人/月,2022-07-01,否,doc\n\n")
    (tmp_path / "a.csv").write_text(text, encoding="utf-8-sig")
    t = PolicyTables.load(tmp_path)
    found = t.lookup("340100", "dibao_standard", D(2023, 1, 1), "urban")
    assert found is not None and found.value == 800 and found.area == "urban"
    assert t.lookup("340100", "dibao_standard", D(2023, 1, 1), "rural") is None


def test_missing_folder_is_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyTableError, match="找不到"):
        PolicyTables.load(tmp_path / "nowhere")


def test_lookup_agrees_with_a_plain_scan(tmp_path: Path) -> None:
    """The indexed lookup gives what reading the rules literally gives, over many dates."""
    import random

    body = ("340100,dibao_standard,,700,元/人/月,2021-01-01,,no,a\n"
            "340100,dibao_standard,urban,760,元/人/月,2022-01-01,2022-12-31,no,b\n"
            "340100,dibao_standard,rural,720,元/人/月,2022-01-01,,no,c\n"
            "340100,dibao_standard,,800,元/人/月,2023-07-01,,no,d\n"
            "340104,dibao_standard,rural,810,元/人/月,2023-01-01,2023-09-30,no,e\n"
            "340000,dibao_standard,,500,元/人/月,2020-01-01,,yes,f\n")
    write_table(tmp_path, body)
    t = PolicyTables.load(tmp_path)
    rows = t.rows()

    def scan(region: str, on: dt.date, area: str) -> float | None:
        for level in (region, region[:4] + "00", region[:2] + "0000"):
            candidates = [r for r in rows if r.region == level and r.area in (None, area)
                          and r.effective_from <= on]
            if candidates:
                latest = max(candidates, key=lambda r: r.effective_from)
                if latest.effective_to is None or on <= latest.effective_to:
                    return latest.value
        return None

    rng = random.Random(5)
    for _ in range(400):
        on = D(2019, 6, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        region, area = rng.choice(["340104", "340103"]), rng.choice(["urban", "rural"])
        found = t.lookup(region, "dibao_standard", on, area)
        assert (None if found is None else found.value) == scan(region, on, area), (region, on, area)
    # spot checks of the interesting days
    assert t.lookup("340103", "dibao_standard", D(2023, 1, 1), "urban").value == 500  # type: ignore[union-attr]
    assert t.lookup("340103", "dibao_standard", D(2023, 1, 1), "rural").value == 720  # type: ignore[union-attr]
    assert t.lookup("340104", "dibao_standard", D(2023, 10, 1), "rural").value == 800  # type: ignore[union-attr]


def test_every_shipped_region_has_a_name(tables: PolicyTables) -> None:
    names = tables.names()
    assert {row.region for row in tables.rows()} <= set(names)
    assert all(row.source for row in tables.rows())
