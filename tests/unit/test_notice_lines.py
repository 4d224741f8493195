"""A public notice counts each person once: one line per household, naming its programmes."""

from __future__ import annotations

import datetime as dt

import pytest
from documents_pdf import pdftotext

from advisor_app.documents import render
from advisor_app.documents.notice_rules import complaint_phone_problem
from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Member
from advisor_app.services.notice_lines import notice_entry

PROGRAMS = ["dibao", "dibao_single", "tekun"]
ON = dt.date(2026, 12, 1)


def _member(name: str, relation: str, born: int, serial: int, **kw: object) -> Member:
    m = Member(name, idcard.make("340104", dt.date(born, 3, 14), serial), relation, **kw)  # type: ignore[arg-type]
    m.id = f"m-{name}"
    return m


def _wu() -> Household:
    return Household("340104", "urban", village="莲花社区", town="莲花街道", members=[
        _member("吴晓霞", "head", 1988, 2), _member("吴小诚", "child", 2009, 13)])


def test_a_family_on_dibao_with_the_head_also_tekun_is_one_line_of_two_people() -> None:
    h = _wu()
    entry = notice_entry(h, [(None, "dibao", "eligible", 1548), ("m-吴晓霞", "tekun", "eligible", 1300),
                             (None, "temporary", "eligible", 2772)], PROGRAMS)
    assert entry is not None
    assert entry.name == "吴晓霞" and entry.people == 2
    assert entry.program == "低保、特困"
    assert [(p.label, p.amount) for p in entry.programs] == [("低保", 1548), ("特困", 1300)]


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
                             ("m-吴晓霞", "tekun", "eligible", 1300)], PROGRAMS)
    assert entry is not None and entry.people == 2  # the son and the mother, once each
    assert entry.program == "低保、单人保（吴小诚）、特困"


def test_two_members_in_tekun_without_dibao_are_two_people_named_on_the_line() -> None:
    h = _wu()
    h.members.insert(1, _member("吴奶奶", "parent", 1940, 44))
    h.members.insert(2, _member("吴爷爷", "parent", 1938, 55))
    entry = notice_entry(h, [("m-吴爷爷", "tekun", "eligible", 1300), ("m-吴奶奶", "tekun", "eligible", 1300)],
                         PROGRAMS)
    assert entry is not None
    assert entry.name == "吴奶奶" and entry.people == 2  # the first covered member: the head is not
    assert entry.program == "特困、特困（吴爷爷）"


def test_the_printed_total_counts_each_person_once() -> None:
    entry = notice_entry(_wu(), [(None, "dibao", "eligible", 1548), ("m-吴晓霞", "tekun", "eligible", 1300)],
                         PROGRAMS)
    assert entry is not None
    text = pdftotext(render.render_notice([entry], scope="village", place="莲花社区", county="合肥市蜀山区",
                                          town="莲花街道", on=ON, phone="0551-12345"))
    flat = "".join(text.split())
    assert "共1户，保障2人" in flat
    assert flat.count("吴*霞") == 1
    assert "低保1,548" in flat and "特困1,300" in flat and "月救助金合计2,848元" in flat


@pytest.mark.parametrize(("phone", "ok"), [("0551-12345678", True), ("12345", True), ("12349转8", True),
                                           ("", False), ("  ", False), ("110", False), ("电话待定", False)])
def test_complaint_phone_must_be_a_number(phone: str, ok: bool) -> None:
    assert (complaint_phone_problem(phone) is None) == ok
