"""A household document cut into synchronised records and put back together (advisor_app.sync.kinds)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from advisor_app.domain import interchange
from advisor_app.domain.household import Need, Visit
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
