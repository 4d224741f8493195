"""Visit history and the needs list on both databases: visits newest first, each status change kept
with its day, who and note, refused changes write nothing, a change leaves the screening result
current, and the 走访记录表 prints any past visit or a blank one for the next visit."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pypdf
import pytest
import sqlalchemy as sa

from advisor_app.domain import interchange
from advisor_app.domain.errors import InvalidRecord, NotFound
from advisor_app.domain.household import Household, Need, Visit
from advisor_app.services import eligibility, profile_settings, visits
from advisor_app.services import households as svc
from advisor_app.store.models import NeedRow, NeedStatusChangeRow
from advisor_app.store.settings import set_setting

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=60)
SECOND = TODAY - dt.timedelta(days=20)


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")


@pytest.fixture
def wu(profile: Any, household_json: str) -> Household:
    """吴晓霞's household with two visits: an investigation 60 days ago (two needs), a return visit
    20 days ago (one need), saved in that order."""
    h = svc.save_household(profile, interchange.household_from_json(household_json))
    svc.save_visit(profile, h.id or "", Visit(
        "investigation", FIRST, ["王芳", "李强"], "户主坐轮椅，孩子上初二",
        [Need("goods", "需要轮椅一台"), Need("cash", "医疗费用缺口")], follow_up="转介慈善资源"))
    svc.save_visit(profile, h.id or "", Visit("return", SECOND, ["王芳"], "轮椅已申请",
                                              [Need("service", "每周助浴一次")]))
    return svc.load_household(profile, h.id or "")


def test_history_lists_visits_newest_first_with_their_needs(profile: Any, wu: Household) -> None:
    history = visits.visit_history(profile, wu.id or "")
    assert [(v.date, v.type, v.investigators) for v in history.visits] == [
        (SECOND, "return", ["王芳"]), (FIRST, "investigation", ["王芳", "李强"])]
    assert history.household.head_name == "吴晓霞"
    assert [(n.visit_date, n.description, n.status) for n in history.needs] == [
        (SECOND, "每周助浴一次", "open"), (FIRST, "需要轮椅一台", "open"), (FIRST, "医疗费用缺口", "open")]
    first = history.visits[1]
    assert [n.description for n in history.needs_of(first.id)] == ["需要轮椅一台", "医疗费用缺口"]
    assert all(n.found_by == ["王芳", "李强"] for n in history.needs_of(first.id))


def test_status_changes_are_kept_with_day_who_and_note(profile: Any, wu: Household) -> None:
    wheelchair = next(n for n in visits.household_needs(profile, wu.id or "") if n.category == "goods")
    referred_on = FIRST + dt.timedelta(days=3)
    visits.change_need_status(profile, wheelchair.id, "referred", on=referred_on, by="王芳", note="转介县残联")
    visits.change_need_status(profile, wheelchair.id, "fulfilled", by=" 李强 ")
    entry = next(n for n in visits.household_needs(profile, wu.id or "") if n.id == wheelchair.id)
    assert entry.status == "fulfilled"
    assert [(c.old_status, c.new_status, c.on, c.by, c.note) for c in entry.changes] == [
        ("open", "referred", referred_on, "王芳", "转介县残联"), ("referred", "fulfilled", TODAY, "李强", "")]
    assert entry.last_changed == TODAY
    # the visit shows the need's status now; the other needs are untouched
    visit = next(v for v in svc.load_household(profile, wu.id or "").visits if v.date == FIRST)
    assert [(n.description, n.status) for n in visit.needs] == [("需要轮椅一台", "fulfilled"), ("医疗费用缺口", "open")]
    with profile.session() as session:
        row = session.get(NeedRow, wheelchair.id)
        assert row is not None and row.version == 3 and row.unsent  # a change to send in the next bundle


def test_who_defaults_to_the_profiles_advisor(profile: Any, wu: Household) -> None:
    need = visits.household_needs(profile, wu.id or "")[0]
    assert visits.advisor_name(profile) == ""
    visits.change_need_status(profile, need.id, "referred")
    with profile.connection(write=True) as conn:
        set_setting(conn, profile_settings.ADVISOR, "赵敏")
    assert visits.advisor_name(profile) == "赵敏"
    visits.change_need_status(profile, need.id, "fulfilled")
    visits.change_need_status(profile, need.id, "open", by="")  # typed empty: nobody named
    entry = visits.household_needs(profile, wu.id or "")[0]
    assert [c.by for c in entry.changes] == ["", "赵敏", ""]


@pytest.mark.parametrize(("status", "on", "words"), [
    ("open", None, "已经是“待办”"),
    ("referred", FIRST - dt.timedelta(days=1), "早于发现该需求的走访日期"),
    ("referred", TODAY + dt.timedelta(days=1), "晚于今天"),
    ("lost", None, "不认识的需求状态"),
])
def test_a_wrong_change_is_refused_and_nothing_is_written(profile: Any, wu: Household, status: str,
                                                          on: dt.date | None, words: str) -> None:
    need = next(n for n in visits.household_needs(profile, wu.id or "") if n.visit_date == FIRST)
    with pytest.raises(InvalidRecord) as caught:
        visits.change_need_status(profile, need.id, status, on=on, by="王芳")
    assert words in str(caught.value) and "需要轮椅一台" in str(caught.value)  # names the need
    entry = next(n for n in visits.household_needs(profile, wu.id or "") if n.id == need.id)
    assert entry.status == "open" and entry.changes == []


def test_a_change_before_the_previous_one_is_refused(profile: Any, wu: Household) -> None:
    need = visits.household_needs(profile, wu.id or "")[0]
    visits.change_need_status(profile, need.id, "referred", on=TODAY)
    with pytest.raises(InvalidRecord, match="早于上一次变更的日期"):
        visits.change_need_status(profile, need.id, "fulfilled", on=TODAY - dt.timedelta(days=1))


def test_an_unknown_need_is_not_found(profile: Any, wu: Household) -> None:
    with pytest.raises(NotFound):
        visits.change_need_status(profile, "no-such-need", "referred")


def test_a_status_saved_with_the_visit_is_kept_in_the_history_too(profile: Any, wu: Household) -> None:
    """A household file imported (or a visit saved) with another status: the change is not lost."""
    visit = next(v for v in wu.visits if v.date == SECOND)
    visit.needs[0].status = "fulfilled"
    svc.save_visit(profile, wu.id or "", visit)
    entry = visits.household_needs(profile, wu.id or "")[0]
    assert entry.status == "fulfilled"
    assert [(c.old_status, c.new_status, c.on, c.by) for c in entry.changes] == [("open", "fulfilled", TODAY, "")]
    svc.save_visit(profile, wu.id or "", visit)  # saved again unchanged: no second entry
    assert len(visits.household_needs(profile, wu.id or "")[0].changes) == 1


def test_a_status_change_leaves_the_screening_result_current(profile: Any, wu: Household) -> None:
    eligibility.screen(profile, TODAY)
    assert wu.id in eligibility.latest_status(profile, [wu.id or ""])
    need = visits.household_needs(profile, wu.id or "")[0]
    visits.change_need_status(profile, need.id, "referred")
    assert wu.id in eligibility.latest_status(profile, [wu.id or ""])  # needs are not read by the checks


def test_the_household_file_carries_the_status_and_reads_back(profile: Any, wu: Household) -> None:
    need = next(n for n in visits.household_needs(profile, wu.id or "") if n.category == "cash")
    visits.change_need_status(profile, need.id, "referred", by="王芳")
    text = svc.export_household(profile, wu.id or "")
    doc = json.loads(text)
    statuses = {n["description"]: n["status"] for v in doc["visits"] for n in v["needs"]}
    assert statuses == {"需要轮椅一台": "open", "医疗费用缺口": "referred", "每周助浴一次": "open"}
    assert all(set(n) <= {"id", "category", "description", "status"} for v in doc["visits"] for n in v["needs"])
    again = interchange.household_from_json(text)
    svc.save_household(profile, again)  # importing the same file changes nothing, records nothing new
    entry = next(n for n in visits.household_needs(profile, wu.id or "") if n.id == need.id)
    assert entry.status == "referred" and len(entry.changes) == 1


def test_deleting_the_household_tombstones_its_history(profile: Any, wu: Household) -> None:
    need = visits.household_needs(profile, wu.id or "")[0]
    visits.change_need_status(profile, need.id, "referred")
    svc.delete_household(profile, wu.id or "")
    with profile.session() as session:
        rows = session.scalars(sa.select(NeedStatusChangeRow)).all()
        assert len(rows) == 1 and rows[0].deleted_at is not None
    with pytest.raises(NotFound):
        visits.visit_history(profile, wu.id or "")


def test_visit_record_prints_any_past_visit_with_the_needs_status_now(profile: Any, wu: Household) -> None:
    first = next(v for v in wu.visits if v.date == FIRST)
    need = first.needs[0]
    visits.change_need_status(profile, need.id or "", "referred")
    text = pdf_text(visits.print_visit_record(profile, wu.id or "", first.id or ""))
    assert "户主坐轮椅，孩子上初二" in text and "王芳、李强" in text and "入户调查" in text
    assert "需要轮椅一台" in text and "已转介" in text and "医疗费用缺口" in text
    assert "轮椅已申请" not in text  # the later visit is not on this form
    assert "吴小诚" in text  # the household's members


def test_a_blank_visit_record_carries_the_household_and_no_visit(profile: Any, wu: Household) -> None:
    text = pdf_text(visits.print_blank_visit_record(profile, wu.id or ""))
    assert "走访记录表" in text and "吴晓霞" in text and "吴小诚" in text
    assert wu.address.replace(" ", "") in text
    for earlier in ("户主坐轮椅", "轮椅已申请", "需要轮椅一台", "每周助浴一次", "王芳", "本次未登记需求"):
        assert earlier not in text


def test_a_household_without_visits_prints_a_blank_record(profile: Any, household_json: str) -> None:
    h = svc.save_household(profile, interchange.household_from_json(household_json))
    assert visits.visit_history(profile, h.id or "").visits == []
    assert "吴晓霞" in pdf_text(visits.print_blank_visit_record(profile, h.id or ""))


def test_the_cli_prints_a_blank_visit_record(profile: Any, wu: Household, capsys: Any, tmp_path: Any) -> None:
    from advisor_app.cli import main

    out = tmp_path / "blank.pdf"
    assert main(["form", "visit-record", "--household", wu.id or "", "--blank", "--out", str(out)]) == 0
    text = "".join(p.extract_text() or "" for p in pypdf.PdfReader(out).pages).replace(" ", "")
    assert "吴小诚" in text and "轮椅已申请" not in text
    assert main(["form", "dibao-application", "--household", wu.id or "", "--blank", "--out", str(out)]) == 2
    assert "只有走访记录表可以打印空白表" in capsys.readouterr().err
