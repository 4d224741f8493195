"""A household document cut into synchronised records and put back together (advisor_app.sync.kinds)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from advisor_app.domain import interchange, vocab
from advisor_app.domain.household import Disability, Emergency, Need, Receipt, Supporter, Visit
from advisor_app.sync.kinds import KINDS, ORDER, Record, join_household, split_household
from advisor_app.sync.versions import DELETED

WU = Path(__file__).resolve().parents[1] / "data" / "household_wu.json"


def stored_document() -> dict:
    """吴's household as the store would hold it: every part with an id, and one visit with two needs."""
    household = interchange.household_from_json(WU.read_text(encoding="utf-8"))
    household.id = str(uuid.uuid4())
    for m in household.members:
        m.id = str(uuid.uuid4())
    household.visits = [Visit(type="return", date=dt.date(2026, 11, 3), investigators=["赵敏", "钱进"],
                              notes="", needs=[Need("cash", "学费", id=str(uuid.uuid4())),
                                               Need("service", "康复训练", id=str(uuid.uuid4()))],
                              id=str(uuid.uuid4()), version=1)]
    return interchange.household_to_dict(household)


def test_a_document_split_and_joined_reads_back_as_the_same_household() -> None:
    doc = stored_document()
    records = split_household(doc)
    assert [r.kind for r in records] == ["household", "member", "member", "visit", "need", "need"]
    assert all(r.values[DELETED] is False for r in records)
    assert {r.household for r in records} == {doc["id"]}
    joined = join_household(reversed(records), version=doc["version"])  # any order
    assert joined is not None
    back, original = interchange.household_from_dict(joined), interchange.household_from_dict(doc)
    for visit in original.visits:
        visit.version = 0  # a row's own counter is each profile's bookkeeping, not a synchronised value
    assert back == original
    assert "version" not in records[3].values


def test_deleted_records_are_left_out_and_a_deleted_household_makes_no_document() -> None:
    doc = stored_document()
    records = split_household(doc)
    child = records[2]
    gone = [Record(r.kind, r.id, {**r.values, DELETED: True}) if r is child or r.kind == "need" else r
            for r in records]
    joined = join_household(gone)
    assert joined is not None
    assert [m["name"] for m in joined["members"]] == ["吴晓霞"]
    assert joined["visits"][0]["needs"] == []
    assert join_household(split_household(doc, deleted=True)) is None


def test_members_keep_their_order_by_position() -> None:
    doc = stored_document()
    records = split_household(doc)
    swapped = [Record(r.kind, r.id, {**r.values, "position": 1 - r.values["position"]}) if r.kind == "member" else r
               for r in records]
    joined = join_household(swapped)
    assert joined is not None
    assert [m["name"] for m in joined["members"]] == ["吴小诚", "吴晓霞"]


def test_every_kind_is_registered_once_with_a_label() -> None:
    assert ORDER[:4] == ("household", "member", "visit", "need")
    assert all(k.label for k in KINDS.values())


def _plain_json(value: Any) -> bool:
    """Whether ``value`` holds only what JSON text reads back as: dicts of text keys, lists, text,
    numbers, true/false and null (no tuples, dates or other objects)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def test_a_stored_documents_records_hold_only_json_values_so_sealing_need_not_reparse_them() -> None:
    household = interchange.household_from_dict(stored_document())
    head, child = household.members
    household.emergency = Emergency(next(iter(vocab.EMERGENCY_KINDS)), dt.date(2026, 5, 1))
    household.receiving = [Receipt(next(iter(vocab.PROGRAMS)), dt.date(2025, 1, 1), 610.5, head.id_number)]
    household.supporters = [Supporter("吴大伟", False, "重病", kinship="elder_brother", of_member=head.id_number,
                                      disability=Disability("physical", 2), monthly_income=800.0, assets_ok=True)]
    household.phone, household.notes, household.registered_address = "13800000000", "备注", "户籍地址"
    child.state, child.state_date, child.self_care_items = "dead", dt.date(2026, 1, 2), ["eating"]
    household.visits[0].next_visit, household.visits[0].follow_up = dt.date(2026, 12, 1), "再访"
    records = split_household(interchange.household_to_dict(household))
    assert {r.kind for r in records} == {"household", "member", "visit", "need"}
    for r in records:
        assert _plain_json(r.values), r
        assert json.loads(json.dumps(r.values)) == r.values
