"""A public notice counts each person once: one line per household, naming its programmes."""

from __future__ import annotations

import datetime as dt

import pytest
from documents_pdf import pdftotext

from advisor_app.documents import render
from advisor_app.documents.notice_rules import complaint_phone_problem
from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Member
from advisor_app.rules.recommendation import recommend
from advisor_app.rules.results import CheckResult, ProgramResult
from advisor_app.services.notice_lines import Result, first_check, left_out, notice_entry

PROGRAMS = ["dibao", "dibao_single", "tekun"]
ON = dt.date(2026, 12, 1)


def _member(name: str, relation: str, born: int, serial: int, **kw: object) -> Member:
    m = Member(name, idcard.make("340104", dt.date(born, 3, 14), serial), relation, **kw)  # type: ignore[arg-type]
    m.id = f"m-{name}"
    return m


def _wu() -> Household:
    return Household("340104", "urban", village="莲花社区", town="莲花街道", members=[
        _member("吴晓霞", "head", 1988, 2), _member("吴小诚", "child", 2009, 13)])


def _rest(status: str, amount: int | None, counted: int = 1) -> CheckResult:
    """The second check: the household's 低保 without the members supported as 特困."""
    return CheckResult(on=ON, region="340104", policy={}, counted_members=counted, counted_income_monthly=0.0,
                       per_capita_monthly=0.0, programs=[ProgramResult("dibao", status, monthly_amount=amount)])


WU_RESULTS: list[Result] = [(None, "dibao", "eligible", 1548), ("m-吴晓霞", "tekun", "eligible", 1558),
                            ("m-吴小诚", "tekun", "ineligible", None), (None, "temporary", "eligible", 2772)]


def test_a_family_on_dibao_with_the_head_also_tekun_is_one_line_paying_the_son_dibao_and_her_tekun() -> None:
    h = _wu()
    assert left_out(h, WU_RESULTS, ON) == (h.members[0].id_number,)
    rest = _rest("eligible", 881)
    entry = notice_entry(h, WU_RESULTS, PROGRAMS, ON, rest)
    assert entry is not None
    assert entry.name == "吴晓霞" and entry.people == 2
    assert entry.program == "低保（1人）、特困（吴晓霞）"
    assert [(p.label, p.amount) for p in entry.programs] == [("低保", 881), ("特困", 1558)]
    rec = recommend(first_check(h, WU_RESULTS, ON), rest)
    assert entry.amount == rec.monthly_total == 2439
    assert entry.people == sum(p.people or 1 for p in rec.apply_for if p.program in PROGRAMS)


def test_without_the_second_check_the_others_dibao_is_not_computed_rather_than_paid_for_everyone() -> None:
    entry = notice_entry(_wu(), WU_RESULTS, PROGRAMS, ON)
    assert entry is not None and entry.people == 2
    assert [(p.label, p.amount, p.people) for p in entry.programs] == [("低保", None, 1), ("特困", 1558, None)]
    assert entry.amount == 1558


def test_when_the_others_no_longer_qualify_only_her_tekun_is_listed() -> None:
    entry = notice_entry(_wu(), WU_RESULTS, PROGRAMS, ON, _rest("ineligible", None))
    assert entry is not None
    assert (entry.name, entry.program, entry.people, entry.amount) == ("吴晓霞", "特困", 1, 1558)


def test_a_single_dibao_set_aside_for_a_tekun_member_and_a_tekun_set_aside_for_a_child_are_not_listed() -> None:
    h = _wu()
    entry = notice_entry(h, [("m-吴晓霞", "dibao_single", "eligible", 924), ("m-吴晓霞", "tekun", "eligible", 1558)],
                         PROGRAMS, ON)
    assert entry is not None and (entry.program, entry.people, entry.amount) == ("特困", 1, 1558)
    child = [("m-吴小诚", "unsupported_child", "eligible", 1900), ("m-吴小诚", "tekun", "eligible", 1558)]
    assert notice_entry(h, child, PROGRAMS, ON) is None  # paid as 事实无人抚养儿童, never publicly noticed
    entry = notice_entry(h, [(None, "dibao", "eligible", 1548), *child], PROGRAMS, ON)
    assert left_out(h, [(None, "dibao", "eligible", 1548), *child], ON) == ()
    assert entry is not None and (entry.program, entry.people, entry.amount) == ("低保", 2, 1548)


def test_a_household_whose_only_counted_member_is_tekun_needs_no_second_check() -> None:
    h = _wu()
    del h.members[1]
    results: list[Result] = [(None, "dibao", "eligible", 924), ("m-吴晓霞", "tekun", "eligible", 1558)]
    assert left_out(h, results, ON) == ()
    entry = notice_entry(h, results, PROGRAMS, ON)
    assert entry is not None and (entry.program, entry.people, entry.amount) == ("特困", 1, 1558)


def test_programmes_not_on_the_notice_or_not_eligible_give_no_line() -> None:
    h = _wu()
    assert notice_entry(h, [(None, "dibao", "ineligible", None), (None, "temporary", "eligible", 900),
                            ("m-吴晓霞", "tekun", "needs_info", None)], PROGRAMS) is None


def test_people_away_are_not_counted_by_dibao_but_a_member_programme_counts_its_member() -> None:
    h = _wu()
    h.members.append(_member("吴大", "spouse", 1985, 31, whereabouts="prison"))
    entry = notice_entry(h, [(None, "dibao", "eligible", 1548)], PROGRAMS)
    assert entry is not None and entry.people == 2
    entry = notice_entry(h, [(None, "dibao", "eligible", 1548), ("m-吴小诚", "dibao_single", "eligible", 400),
                             ("m-吴晓霞", "tekun", "eligible", 1300)], PROGRAMS, ON, _rest("eligible", 500))
    assert entry is not None and entry.people == 2  # the son and the mother, once each
    assert entry.program == "低保（1人）、单人保（吴小诚）、特困（吴晓霞）"


def test_two_members_in_tekun_without_dibao_are_two_people_named_on_the_line() -> None:
    h = _wu()
    h.members.insert(1, _member("吴奶奶", "parent", 1940, 44))
    h.members.insert(2, _member("吴爷爷", "parent", 1938, 55))
    entry = notice_entry(h, [("m-吴爷爷", "tekun", "eligible", 1300), ("m-吴奶奶", "tekun", "eligible", 1300)],
                         PROGRAMS)
    assert entry is not None
    assert entry.name == "吴奶奶" and entry.people == 2  # the first covered member: the head is not
    assert entry.program == "特困、特困（吴爷爷）"


def test_the_printed_line_counts_each_person_once_and_totals_what_the_family_gets() -> None:
    h = _wu()
    entry = notice_entry(h, WU_RESULTS, PROGRAMS, ON, _rest("eligible", 881))
    assert entry is not None
    text = pdftotext(render.render_notice([entry], scope="village", place="莲花社区", county="合肥市蜀山区",
                                          town="莲花街道", on=ON, phone="0551-12345"))
    flat = "".join(text.split())
    assert "共1户，保障2人" in flat
    assert flat.count(idcard.mask(h.members[0].id_number)) == 1  # one line
    assert "低保（1人）特困（吴*霞）" in flat and "吴晓霞" not in flat
    assert "低保881" in flat and "特困1,558" in flat and "月救助金合计2,439元" in flat
    assert "1,548" not in flat


@pytest.mark.parametrize(("phone", "ok"), [("0551-12345678", True), ("12345", True), ("12349转8", True),
                                           ("", False), ("  ", False), ("110", False), ("电话待定", False)])
def test_complaint_phone_must_be_a_number(phone: str, ok: bool) -> None:
    assert (complaint_phone_problem(phone) is None) == ok
