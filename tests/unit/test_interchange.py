import copy
import json

import pytest

from advisor_app.demo.generator import DemoGenerator
from advisor_app.domain import interchange
from advisor_app.domain.errors import InvalidDocument


def _doc(household_json: str) -> dict:
    return json.loads(household_json)


def test_sample_document_reads_into_domain_types(household_json: str) -> None:
    h = interchange.household_from_json(household_json)
    assert h.region == "340104" and h.area == "urban" and h.village == "莲花社区"
    head = h.head
    assert head is not None and head.name == "吴晓霞"
    assert head.disability is not None and (head.disability.kind, head.disability.grade) == ("physical", 1)
    assert [i.kind for i in head.incomes] == ["wage", "assistance"]
    assert h.members[1].student is True
    assert h.assets.financial == 5000.0
    assert h.expenses.medical_selfpaid_12m == 6200.0


def test_round_trip_is_lossless_for_the_sample(household_json: str) -> None:
    h = interchange.household_from_json(household_json)
    again = interchange.household_from_json(interchange.household_to_json(h))
    assert again == h
    assert interchange.household_to_dict(again) == interchange.household_to_dict(h)


def test_round_trip_is_lossless_for_varied_demo_households() -> None:
    households = list(DemoGenerator(seed=3).households(300))
    assert any(h.visits for h in households) and any(h.emergency for h in households)
    assert any(m.disability for h in households for m in h.members)
    for h in households:
        text = interchange.household_to_json(h)
        assert interchange.household_from_json(text) == h


def test_output_keeps_the_documented_field_names(household_json: str) -> None:
    d = interchange.household_to_dict(interchange.household_from_json(household_json))
    assert {"format", "region", "area", "address", "village", "members", "assets", "supporters",
            "expenses", "emergency"} <= set(d)
    assert {"name", "id_number", "relation", "disability", "serious_illness", "self_care_lost", "student",
            "whereabouts", "months_away", "incomes"} <= set(d["members"][0])
    assert d["format"] == "advisor-household/2"


def test_optional_fields_default_sensibly() -> None:
    h = interchange.household_from_dict({
        "format": "advisor-household/1", "region": "340104", "area": "rural",
        "members": [{"name": "张三", "id_number": "11010519491231002X", "relation": "head"}]})
    m = h.members[0]
    assert (m.whereabouts, m.self_care_lost, m.incomes, m.disability) == ("home", 0, [], None)
    assert h.emergency is None and h.supporters == []


def _error(doc: object) -> str:
    with pytest.raises(InvalidDocument) as err:
        interchange.household_from_dict(doc)
    return str(err.value)


def test_bad_json_says_where() -> None:
    with pytest.raises(InvalidDocument) as err:
        interchange.household_from_json('{"format": "advisor-household/1",\n "region": }')
    assert "JSON" in str(err.value) and "第2行" in str(err.value)


def test_unknown_income_kind_names_member_and_field(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][1]["incomes"][0]["kind"] = "lottery"
    message = _error(doc)
    assert "吴小诚" in message and "incomes[0].kind" in message and "lottery" in message


def test_negative_money_names_member_and_field(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][0]["incomes"][0]["monthly"] = -1
    message = _error(doc)
    assert "吴晓霞" in message and "monthly" in message and "负数" in message


def test_negative_assets(household_json: str) -> None:
    doc = _doc(household_json)
    doc["assets"]["financial"] = -0.5
    assert "assets.financial" in _error(doc)


def test_bad_id_number_names_member(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][1]["id_number"] = "340104200905200135"
    message = _error(doc)
    assert "吴小诚" in message and "id_number" in message and "校验位错误" in message


def test_missing_name(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][1]["name"] = "  "
    message = _error(doc)
    assert "members[1]" in message and "姓名未填写" in message


def test_unknown_key_is_refused_not_dropped(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][0]["nickname"] = "霞姐"
    assert "nickname" in _error(doc)


def test_duplicate_id_numbers(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"].append(copy.deepcopy(doc["members"][0]))
    doc["members"][2]["relation"] = "other"
    message = _error(doc)
    assert "members[2].id_number" in message and "与第1名成员“吴晓霞”相同" in message


def test_wrong_format_and_bad_region(household_json: str) -> None:
    doc = _doc(household_json)
    doc["format"] = "advisor-household/3"
    assert "format" in _error(doc)
    doc = _doc(household_json)
    doc["region"] = "3401"
    assert "6位" in _error(doc)


def test_self_care_items_must_match_the_count(household_json: str) -> None:
    doc = _doc(household_json)
    doc["members"][0]["self_care_items"] = ["eating"]
    assert "self_care_lost" in _error(doc)
    doc["members"][0]["self_care_items"] = ["eating", "bathing"]
    h = interchange.household_from_dict(doc)
    assert h.members[0].self_care_items == ["eating", "bathing"]
