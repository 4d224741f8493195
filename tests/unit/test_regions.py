"""Anhui's region list (statistical division codes), its search, and whose policy table a region uses."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from advisor_app.domain import interchange
from advisor_app.rules import CheckResult, check_household
from advisor_app.rules.policy import PolicyTables, default_tables
from advisor_app.rules.policy_format import PolicyTableError
from advisor_app.rules.regions import COUNTY_KINDS, RegionList, default_regions
from advisor_app.shipped import policy_dir

ON = dt.date(2024, 1, 1)
ROOT = Path(__file__).resolve().parents[2]
WU = ROOT / "tests" / "data" / "household_wu.json"


@pytest.fixture(scope="module")
def regions() -> RegionList:
    return default_regions()


def codes(regions: RegionList, text: str) -> list[str]:
    return [r.code for r in regions.search(text)]


# ---- the list ------------------------------------------------------------------------------------

def test_sixteen_cities_under_the_province(regions: RegionList) -> None:
    cities = regions.cities()
    assert [c.name for c in cities] == ["合肥市", "芜湖市", "蚌埠市", "淮南市", "马鞍山市", "淮北市", "铜陵市",
                                        "安庆市", "黄山市", "滁州市", "阜阳市", "宿州市", "六安市", "亳州市",
                                        "池州市", "宣城市"]
    assert all(c.parent == "340000" and c.code.endswith("00") for c in cities)
    province = regions.get("340000")
    assert province is not None and province.name == "安徽省" and province.kind == "province"


def test_every_county_level_code_sits_under_its_city(regions: RegionList) -> None:
    units = regions.county_level()
    assert len(units) == 119  # 2023 edition: 45 districts, 50 counties, 9 county-level cities, 15 zones
    city_codes = {c.code for c in regions.cities()}
    for unit in units:
        assert unit.parent in city_codes and unit.code[:4] == unit.parent[:4], unit
        assert unit.city_name == regions.get(unit.parent).name  # type: ignore[union-attr]
    counted = {kind: sum(u.kind == kind for u in units) for kind in COUNTY_KINDS}
    assert counted == {"district": 45, "county": 50, "county_city": 9, "zone": 15}
    assert all(len(regions.county_level(c)) >= 4 for c in city_codes)
    assert {u.code for u in regions.county_level("340100")} == {
        "340102", "340103", "340104", "340111", "340121", "340122", "340123", "340124",
        "340176", "340177", "340178", "340181"}


def test_hefei_zones_old_and_new_codes(regions: RegionList) -> None:
    names = {"合肥高新技术产业开发区": ("340171", "340176"), "合肥经济技术开发区": ("340172", "340177"),
             "合肥新站高新技术产业开发区": ("340173", "340178")}
    for name, (old, new) in names.items():
        current, former = regions.get(new), regions.get(old)
        assert current is not None and current.name == name and current.kind == "zone"
        assert current.label == f"合肥市 · {name}" and current.full_name == name
        assert current.former_codes == (old,)
        assert former is not None and former.name == name and former.is_former and former.replaced_by == new
        assert regions.current(old) is current
        assert old not in [r.code for r in regions]  # never offered as a current code


def test_printed_names(regions: RegionList) -> None:
    full = {code: regions.get(code).full_name for code in  # type: ignore[union-attr]
            ("340104", "340177", "341003", "341171", "340711", "340523", "340100")}
    assert full == {"340104": "合肥市蜀山区", "340177": "合肥经济技术开发区", "341003": "黄山市黄山区",
                    "341171": "滁州市中新苏滁高新技术产业开发区", "340711": "铜陵市郊区", "340523": "马鞍山市和县",
                    "340100": "合肥市"}


def test_place_name_readings_in_the_initials(regions: RegionList) -> None:
    initials = {code: regions.get(code).initials[0] for code in  # type: ignore[union-attr]
                ("340121", "341181", "341621", "340722", "341021", "340300", "341500", "341600")}
    assert initials == {"340121": "cfx", "341181": "tcs", "341621": "gyx", "340722": "zyx", "341021": "sx",
                        "340300": "bbs", "341500": "las", "341600": "bzs"}


def test_shipped_file_is_what_the_build_script_derives() -> None:
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "scripts" / "build_regions.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = (policy_dir() / "regions.csv").read_text(encoding="utf-8")
    assert build.render(build.derive(build.read_facts(policy_dir() / "regions.csv"))) == shipped


# ---- search --------------------------------------------------------------------------------------

def test_search_by_name(regions: RegionList) -> None:
    assert codes(regions, "蜀山") == ["340104"]
    assert codes(regions, "蜀山区") == ["340104"]
    hefei = codes(regions, "合肥")
    assert hefei[:12] == [u.code for u in regions.county_level("340100")]  # the city's units, in code order
    assert hefei[12:] == ["341271"]  # 阜阳合肥现代产业园区 names 合肥 too
    assert codes(regions, "合肥 蜀山") == codes(regions, "合肥蜀山") == ["340104"]
    assert codes(regions, "合肥·经开区") == ["340177"]
    assert codes(regions, "新站") == ["340178"]
    assert "340177" in codes(regions, "经开区") and "340104" not in codes(regions, "经开区")
    assert codes(regions, "寿县") == ["340422"]
    assert codes(regions, "不存在的地方") == []


def test_search_by_pinyin_initials(regions: RegionList) -> None:
    assert codes(regions, "ss")[0] == "340104"
    assert set(codes(regions, "ss")) == {"340104", "340826", "340272"}  # 蜀山区, 宿松县, 三山经开区
    assert codes(regions, "hf")[:12] == codes(regions, "合肥")[:12]
    assert codes(regions, "hfss") == ["340104"]
    assert codes(regions, "HFJKQ") == ["340177"]
    assert codes(regions, "gyx") == ["341621"]  # 涡阳 guō
    assert codes(regions, "cfx") == ["340121"]  # 长丰 cháng


def test_search_by_code(regions: RegionList) -> None:
    assert codes(regions, "340177") == ["340177"]
    assert codes(regions, "3401") == [u.code for u in regions.county_level("340100")]
    assert codes(regions, "340171") == ["340176"]  # an old code finds the zone under its new code
    assert codes(regions, "３４０１０４") == ["340104"]  # full-width digits from a Chinese input method
    assert codes(regions, "") == [u.code for u in regions.county_level()]
    assert [r.code for r in regions.search("合肥", kinds=("city",))] == ["340100"]


# ---- whose table -----------------------------------------------------------------------------------

def test_hefeis_zones_have_their_own_table_with_the_urban_standard() -> None:
    tables = default_tables()
    for code, name in (("340176", "合肥高新技术产业开发区"), ("340177", "合肥经济技术开发区"),
                       ("340178", "合肥新站高新技术产业开发区")):
        choice = tables.table_for(code, ON)
        assert (choice.table, choice.level, choice.table_name, choice.reason) == (code, "own", name, "")
        assert choice.text == f"使用的标准：{name}"
        dibao = tables.lookup(code, "dibao_standard", ON)
        tekun = tables.lookup(code, "tekun_basic_yearly", ON)
        urban = tables.lookup("340104", "dibao_standard", ON)  # 蜀山区, a 城区 district
        assert dibao is not None and tekun is not None and urban is not None
        assert (dibao.value, dibao.region, dibao.area) == (924, code, None)  # the 城区 figure, both areas
        assert (tekun.value, tekun.unit, tekun.region) == (19779, "元/人/年", code)
        assert (dibao.source, dibao.effective_from) == (urban.source, urban.effective_from)
        assert "市区" in dibao.note and "城区标准" in dibao.note and "未单独列出" in dibao.note
    care = tables.lookup("340177", "care_full_dispersed", ON)  # city-wide items still come from 340100
    assert care is not None and (care.value, care.region) == (8652, "340100")


def test_a_former_code_finds_the_rows_of_its_current_code() -> None:
    tables = default_tables()
    for old, new, name in (("340171", "340176", "合肥高新技术产业开发区"), ("340172", "340177", "合肥经济技术开发区"),
                           ("340173", "340178", "合肥新站高新技术产业开发区")):
        choice = tables.table_for(old, ON)
        assert (choice.region, choice.table, choice.level, choice.text) == (old, new, "own", f"使用的标准：{name}")
        value = tables.lookup(old, "dibao_standard", ON, "rural")
        assert value is not None and (value.value, value.region) == (924, new)
        assert tables.has_table(old)
    # a former code whose region has no table: named once, then its city, as before
    wuhu_county = tables.table_for("340221", ON)  # 芜湖县, now 湾沚区
    assert (wuhu_county.table, wuhu_county.level) == ("340000", "province")
    assert wuhu_county.text == "使用的标准：安徽省（芜湖县和芜湖市都没有单独的标准，按全省执行）"
    listed = {code for code, _name in tables.regions()}
    assert {"340176", "340177", "340178"} <= listed and not {"340171", "340172", "340173"} & listed


def test_rows_under_the_former_code_come_before_the_current_codes(tmp_path: Path) -> None:
    header = "region,key,area,value,unit,effective_from,effective_to,is_default,source\n"
    (tmp_path / "t.csv").write_text(header + "340177,dibao_standard,,900,元/人/月,2023-07-01,,no,new\n"
                                             "340100,dibao_standard,,800,元/人/月,2022-07-01,,no,city\n",
                                    encoding="utf-8")
    tables = PolicyTables.load(tmp_path)
    found = tables.lookup("340172", "dibao_standard", ON)
    assert found is not None and (found.value, found.region) == (900, "340177")
    before = tables.table_for("340172", dt.date(2023, 1, 1))  # the zone's row starts later: the city's
    assert (before.level, before.table) == ("city", "340100")
    assert before.reason == "合肥经济技术开发区没有单独的标准，按所在市执行"  # the zone named once
    (tmp_path / "t.csv").write_text(header + "340172,dibao_standard,,850,元/人/月,2023-07-01,,no,old\n"
                                             "340177,dibao_standard,,900,元/人/月,2023-07-01,,no,new\n",
                                    encoding="utf-8")
    old = PolicyTables.load(tmp_path).lookup("340172", "dibao_standard", ON)
    assert old is not None and (old.value, old.region) == (850, "340172")  # e.g. a local table of old


def test_a_zone_without_a_table_uses_its_citys_table() -> None:
    choice = default_tables().table_for("341172", ON)  # 滁州经济技术开发区; 滁州 has a city-wide table
    assert (choice.table, choice.level, choice.table_name) == ("341100", "city", "滁州市")
    assert choice.text == "使用的标准：滁州市（滁州经济技术开发区没有单独的标准，按所在市执行）"
    county = default_tables().table_for("341122", ON)  # 来安县
    assert county.text == "使用的标准：滁州市（来安县没有单独的标准，按所在市执行）"


def test_a_county_of_a_city_without_a_table_uses_the_provinces() -> None:
    choice = default_tables().table_for("340803", ON)
    assert (choice.table, choice.level) == ("340000", "province")
    assert choice.text == "使用的标准：安徽省（大观区和安庆市都没有单独的标准，按全省执行）"
    city = default_tables().table_for("340800", ON)
    assert city.text == "使用的标准：安徽省（安庆市没有单独的标准，按全省执行）"


def test_own_table_city_table_and_none() -> None:
    tables = default_tables()
    assert tables.table_for("340104", ON).text == "使用的标准：合肥市蜀山区"
    assert tables.table_for("340104", ON).reason == ""
    assert tables.table_for("341721", ON).level == "city"  # 东至县: 池州市's table
    assert tables.table_for("341723", ON).level == "own"  # 青阳县 has a row of its own
    nowhere = tables.table_for("320102", ON)
    assert nowhere.level == "none" and nowhere.table == "" and "没有政策标准" in nowhere.text


def test_the_choice_follows_the_date(tmp_path: Path) -> None:
    header = "region,key,area,value,unit,effective_from,effective_to,is_default,source\n"
    (tmp_path / "t.csv").write_text(header + "340100,dibao_standard,,800,元/人/月,2022-07-01,,no,a\n"
                                             "340104,dibao_standard,,900,元/人/月,2023-07-01,2023-12-31,no,b\n",
                                    encoding="utf-8")
    tables = PolicyTables.load(tmp_path)
    assert tables.table_for("340104", dt.date(2022, 6, 30)).level == "none"
    assert tables.table_for("340104", dt.date(2023, 1, 1)).level == "city"
    assert tables.table_for("340104", dt.date(2023, 7, 1)).level == "own"
    assert tables.table_for("340104", dt.date(2024, 1, 1)).level == "city"  # its own row ended
    assert tables.table_for("340104", dt.date(2023, 7, 1)).table_name == "合肥市蜀山区"  # shipped names


def check_wu_in(region: str) -> CheckResult:
    doc = json.loads(WU.read_text(encoding="utf-8"))
    doc["region"] = region
    return check_household(interchange.household_from_dict(doc), ON)


def test_check_result_carries_the_choice() -> None:
    result = check_wu_in("341172")
    assert result.table is not None and result.table.table == "341100"
    assert result.to_dict()["table"] == {"region": "341100", "name": "滁州市", "level": "city",
                                         "reason": "滁州经济技术开发区没有单独的标准，按所在市执行"}
    assert "使用的标准：滁州市（滁州经济技术开发区没有单独的标准，按所在市执行）" in result.explain()
    assert all(v.region in ("341100", "340000") for v in result.policy.values())
    assert result.policy["dibao_standard"].value == 727  # 滁州's urban standard


def test_a_zone_household_is_checked_with_the_zones_standard() -> None:
    result = check_wu_in("340177")
    assert result.to_dict()["table"] == {"region": "340177", "name": "合肥经济技术开发区", "level": "own",
                                         "reason": ""}
    assert "使用的标准：合肥经济技术开发区\n" in result.explain()
    standard = result.policy["dibao_standard"]
    assert (standard.value, standard.region) == (924, "340177")
    dibao = result.program("dibao")
    assert dibao is not None and dibao.status == "eligible"
    assert dibao.monthly_amount == check_wu_in("340104").program("dibao").monthly_amount  # type: ignore[union-attr]
    assert "低于本地低保标准 924 元" in result.explain()
    stored_old = check_wu_in("340172").to_dict()  # the same family stored with the 2017–2022 code
    assert (stored_old["table"], stored_old["policy"]) == (result.to_dict()["table"], result.to_dict()["policy"])
    assert [(p["program"], p["status"], p.get("monthly_amount")) for p in stored_old["programs"]] == [
        (p.program, p.status, p.to_dict().get("monthly_amount")) for p in result.programs]


def test_a_household_where_no_city_table_exists_is_asked_for_one() -> None:
    result = check_wu_in("340212")  # 繁昌区: 芜湖 ships no table
    assert result.to_dict()["table"] == {"region": "340000", "name": "安徽省", "level": "province",
                                         "reason": "繁昌区和芜湖市都没有单独的标准，按全省执行"}
    assert "dibao_standard" not in result.policy
    dibao = result.program("dibao")
    assert dibao is not None and dibao.status == "needs_info"


# ---- reading the files -----------------------------------------------------------------------------

def test_a_broken_region_file_names_file_and_row(tmp_path: Path) -> None:
    (tmp_path / "regions.csv").write_text("code,name,parent,kind\n340000,安徽省,,province\n3401,合肥市,340000,city\n",
                                          encoding="utf-8")
    with pytest.raises(PolicyTableError, match=r"regions\.csv 第3行"):
        RegionList.load(tmp_path)
    (tmp_path / "regions.csv").write_text("code,name,parent,kind\n340100,合肥市,340000,town\n", encoding="utf-8")
    with pytest.raises(PolicyTableError, match="town"):
        RegionList.load(tmp_path)


def test_the_old_two_column_file_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "regions.csv").write_text("# old\ncode,name\n340100,合肥市\n340104,合肥市蜀山区\n", encoding="utf-8")
    regions = RegionList.load(tmp_path)
    shuhsan = regions.get("340104")
    assert shuhsan is not None and shuhsan.full_name == "合肥市蜀山区" and shuhsan.parent == "340100"
    assert PolicyTables.load(tmp_path).name("340104") == "合肥市蜀山区"  # the list is no value table
