"""The ``policy_table`` kind: registered once, sent by the office only, its records checked before
they are taken (advisor_app.sync.kinds, services/sync_standalone.py, services/sync_policy.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from advisor_app.domain.errors import DomainError
from advisor_app.services import sync_standalone
from advisor_app.services.sync_import import read_records
from advisor_app.services.sync_payload import FORMAT
from advisor_app.services.sync_policy import KEEPER
from advisor_app.services.sync_write import PayloadRefused
from advisor_app.sync.kinds import KINDS, NO_HOUSEHOLD, SENDER


def cells(value: object = "980", start: str = "2024-07-01", region: str = "340104") -> dict[str, str]:
    return {"region": region, "region_name": "合肥市蜀山区", "key": "dibao_standard", "area": "", "value": str(value),
            "unit": "元/人/月", "effective_from": start, "effective_to": "", "is_default": "no",
            "source": "县通知", "note": ""}


def test_the_kind_is_registered_once_and_travels_from_the_office_only() -> None:
    kind = KINDS["policy_table"]
    assert (kind.merge, kind.of_household, kind.label) == (SENDER, False, "政策标准表")
    assert kind.sent_by("office") and not kind.sent_by("advisor")
    assert all(k.sent_by("advisor") and k.sent_by("office") for k in KINDS.values() if k.of_household)
    # every kind of no household has its keeper, and no keeper is left without a kind
    assert set(sync_standalone.KEEPERS) == set(sync_standalone.standalone_kinds()) == {"policy_table"}
    assert sync_standalone.standalone_kinds("advisor") == []


def test_a_good_table_and_a_removal_pass_the_check() -> None:
    KEEPER.check("340104", {"rows": [cells(924, "2023-07-01"), cells(980)], "deleted": False})
    KEEPER.check("340104", {"rows": [], "deleted": True})


@pytest.mark.parametrize(("record_id", "values", "words"), [
    ("34010", {"rows": [cells()], "deleted": False}, "6 位数字"),
    ("340104", {"rows": [cells()]}, "结构不对"),
    ("340104", {"rows": [cells()], "deleted": False, "extra": 1}, "结构不对"),
    ("340104", {"rows": "980", "deleted": False}, "结构不对"),
    ("340104", {"rows": [cells()], "deleted": True}, "不应带有数值"),
    ("340104", {"rows": [], "deleted": False}, "没有数据行"),
    ("340104", {"rows": [cells("九百八")], "deleted": False}, "九百八"),
    ("340104", {"rows": [cells(98000)], "deleted": False}, "合理范围"),
    ("340104", {"rows": [cells(region="340103")], "deleted": False}, "不符"),
    ("340104", {"rows": [cells(980), cells(990)], "deleted": False}, "重叠"),
])
def test_a_table_that_cannot_be_used_is_refused_naming_why(record_id: str, values: dict[str, Any],
                                                           words: str) -> None:
    with pytest.raises(DomainError) as caught:
        KEEPER.check(record_id, values)
    assert words in str(caught.value)


def test_a_bundle_from_an_advisor_holding_a_table_is_refused() -> None:
    advisor = SimpleNamespace(role="advisor", name="王老师")
    office = SimpleNamespace(role="office", name="莲花镇")
    with pytest.raises(PayloadRefused, match=r"王老师.*政策标准表.*只能由乡镇发出"):
        sync_standalone.check_senders(["household", "policy_table"], advisor)  # type: ignore[arg-type]
    sync_standalone.check_senders(["household", "policy_table"], office)  # type: ignore[arg-type]
    sync_standalone.check_senders(["household", "member"], advisor)  # type: ignore[arg-type]


def _payload(*records: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "records": list(records)}


def test_a_table_record_has_no_household_and_a_household_record_has_one() -> None:
    history = [{"id": "office:1", "parents": [], "fields": ["deleted", "rows"]}]
    table = {"kind": "policy_table", "id": "340104", "household": NO_HOUSEHOLD,
             "values": {"rows": [cells()], "deleted": False}, "history": history}
    (read,) = read_records(_payload(table))
    assert (read.kind, read.id, read.household) == ("policy_table", "340104", NO_HOUSEHOLD)
    with pytest.raises(PayloadRefused, match="结构不对"):
        read_records(_payload({**table, "household": "某户"}))
    with pytest.raises(PayloadRefused, match="结构不对"):
        read_records(_payload({**table, "kind": "member", "values": {}}))
