"""Drafts in a real profile database: upsert, list, discard, and the atomic save-and-discard."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.domain.household import Need, Visit
from advisor_app.services import drafts
from advisor_app.services import households as svc


def _visit(notes: str = "家中老人腿脚不便") -> Visit:
    return Visit("investigation", dt.date(2024, 3, 5), ["王芳", "李强"], notes,
                 [Need("service", "每周助浴一次"), Need("cash", "医疗费用缺口", "referred")],
                 next_visit=dt.date(2024, 4, 5), follow_up="联系社工站")


def _draft_rows(profile: Any) -> int:
    with profile.connection() as conn:
        return int(conn.execute(sa.text("select count(*) from drafts")).scalar_one())


def test_save_draft_replaces_the_draft_of_the_same_record(profile: Any) -> None:
    first = drafts.save_draft(profile, "visit", "h-1", '{"a": 1}')
    second = drafts.save_draft(profile, "visit", "h-1", '{"a": 2}')
    other = drafts.save_draft(profile, "visit", "h-2", '{"b": 1}')
    assert first == second and other != first
    listed = drafts.list_drafts(profile)
    assert {(d.record_id, d.payload) for d in listed} == {("h-1", '{"a": 2}'), ("h-2", '{"b": 1}')}
    assert listed[0].record_id == "h-2"  # newest first
    assert drafts.list_drafts(profile, "household") == []


def test_discard_draft(profile: Any) -> None:
    draft_id = drafts.save_draft(profile, "visit", "h-1", "{}")
    assert drafts.discard_draft(profile, draft_id) is True
    assert drafts.discard_draft(profile, draft_id) is False
    assert drafts.list_drafts(profile) == []


def test_visit_payload_round_trip() -> None:
    visit = _visit()
    household_id, head, back = drafts.visit_from_payload(drafts.visit_payload("h-9", visit, head_name="吴晓霞"))
    assert (household_id, head) == ("h-9", "吴晓霞") and back == visit


def test_unreadable_payload_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match="草稿已损坏"):
        drafts.visit_from_payload('{"household_id": "x"}')


def test_saving_the_visit_discards_its_draft_in_the_same_transaction(profile: Any, household_json: str) -> None:
    household = svc.save_household(profile, interchange.household_from_json(household_json))
    assert household.id is not None
    drafts.save_draft(profile, "visit", household.id, drafts.visit_payload(household.id, _visit()))
    drafts.save_draft(profile, "visit", "another-household", "{}")
    saved = drafts.save_visit_and_discard_draft(profile, household.id, _visit())
    assert saved.id is not None
    assert [d.record_id for d in drafts.list_drafts(profile)] == ["another-household"]
    stored = svc.load_household(profile, household.id).visits
    assert len(stored) == 1 and [n.description for n in stored[0].needs] == ["每周助浴一次", "医疗费用缺口"]


def test_failed_visit_save_keeps_the_draft(profile: Any) -> None:
    drafts.save_draft(profile, "visit", "no-such-household", "{}")
    with pytest.raises(NotFound):
        drafts.save_visit_and_discard_draft(profile, "no-such-household", _visit())
    assert _draft_rows(profile) == 1


def test_draft_write_is_fast(profile: Any) -> None:
    payload = drafts.visit_payload("h-1", _visit("很长的记录" * 200))
    drafts.save_draft(profile, "visit", "h-1", payload)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        drafts.save_draft(profile, "visit", "h-1", payload)
        times.append(time.perf_counter() - start)
    assert sorted(times)[3] < 0.2  # generous: the write runs off the GUI thread anyway
