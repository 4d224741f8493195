"""The kinds kept outside the household document — ``policy_table`` (sent by the office only) and
``need_status_change`` — registered once, their records checked before they are taken
(advisor_app.sync.kinds, services/sync_keepers.py, services/sync_policy.py, services/sync_need_history.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from advisor_app.domain.errors import DomainError
from advisor_app.services import sync_keepers
from advisor_app.services.sync_import import read_records
from advisor_app.services.sync_need_history import KEEPER as NEED_HISTORY
from advisor_app.services.sync_payload import FORMAT
from advisor_app.services.sync_policy import KEEPER
from advisor_app.services.sync_write import PayloadRefused
from advisor_app.sync.kinds import APPEND, KINDS, NO_HOUSEHOLD, ORDER, SENDER

NO_SESSION: Any = None  # the checks below fail (or pass) before they would read the profile


def cells(value: object = "980", start: str = "2024-07-01", region: str = "340104") -> dict[str, str]:
    return {"region": region, "region_name": "合肥市蜀山区", "key": "dibao_standard", "area": "", "value": str(value),
            "unit": "元/人/月", "effective_from": start, "effective_to": "", "is_default": "no",
            "source": "县通知", "note": ""}


def test_the_kind_is_registered_once_and_travels_from_the_office_only() -> None:
    kind = KINDS["policy_table"]
    assert (kind.merge, kind.of_household, kind.in_document, kind.label) == (SENDER, False, False, "政策标准表")
    assert kind.sent_by("office") and not kind.sent_by("advisor")
    assert all(k.sent_by("advisor") and k.sent_by("office") for k in KINDS.values() if k.of_household)
    history = KINDS["need_status_change"]
    assert (history.merge, history.of_household, history.in_document) == (APPEND, True, False)
    assert ORDER.index("need") < ORDER.index("need_status_change")  # written after the needs it names
    # every kind kept outside the document has its keeper, and no keeper is left without a kind
    assert set(sync_keepers.KEEPERS) == set(sync_keepers.kept_kinds()) == {"need_status_change", "policy_table"}
    assert sync_keepers.kept_kinds("advisor") == ["need_status_change"]


def test_a_good_table_and_a_removal_pass_the_check() -> None:
    KEEPER.check(NO_SESSION, "340104", NO_HOUSEHOLD, {"rows": [cells(924, "2023-07-01"), cells(980)], "deleted": False})
    KEEPER.check(NO_SESSION, "340104", NO_HOUSEHOLD, {"rows": [], "deleted": True})


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
        KEEPER.check(NO_SESSION, record_id, NO_HOUSEHOLD, values)
    assert words in str(caught.value)


def test_a_bundle_from_an_advisor_holding_a_table_is_refused() -> None:
    advisor = SimpleNamespace(role="advisor", name="王老师")
    office = SimpleNamespace(role="office", name="莲花镇")
    with pytest.raises(PayloadRefused, match=r"王老师.*政策标准表.*只能由乡镇发出"):
        sync_keepers.check_senders(["household", "policy_table"], advisor)  # type: ignore[arg-type]
    sync_keepers.check_senders(["household", "policy_table"], office)  # type: ignore[arg-type]
    sync_keepers.check_senders(["household", "member"], advisor)  # type: ignore[arg-type]


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


def change(**values: Any) -> dict[str, Any]:
    return {"need": "n1", "old_status": "open", "new_status": "referred", "changed_on": "2026-10-05",
            "changed_by": "乡镇李干事", "note": "转县残联", "recorded_at": "2026-10-05T01:00:00.000000Z",
            "deleted": False, **values}


@pytest.mark.parametrize(("values", "words"), [
    ({**change(), "extra": 1}, "结构不对"),
    ({k: v for k, v in change().items() if k != "note"}, "结构不对"),
    (change(deleted="no"), "结构不对"),
    (change(changed_by=None), "结构不对"),
    (change(new_status="done"), "不认识的需求状态“done”"),
    (change(changed_on="10月5日"), "不是日期"),
    (change(note="长" * 501), "太长"),
])
def test_a_status_change_that_cannot_be_used_is_refused_naming_why(values: dict[str, Any], words: str) -> None:
    with pytest.raises(DomainError) as caught:
        NEED_HISTORY.check(NO_SESSION, "c1", "h1", values)
    assert words in str(caught.value)
