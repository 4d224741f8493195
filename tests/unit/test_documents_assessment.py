"""The papers the family signs carry what the family declares; the software's assessment prints on
its own sheet (社会救助资格测算参考单). 健康状况 and 户籍地址 on the forms."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from documents_pdf import pdftotext

from advisor_app.documents import render
from advisor_app.documents.bindings import EligibilityView, ProgramLine
from advisor_app.domain.household import Disability, Household
from advisor_app.domain.interchange import household_from_json

ON = dt.date(2026, 11, 29)
SIGNED = ("dibao-application", "tekun-application", "temporary-application", "authorization", "investigation")
REGISTERED = "安徽省六安市金寨县梅山镇红石村三组"


@pytest.fixture
def wu(household_json: str) -> Household:
    h = household_from_json(household_json)
    h.id = "0f0e0d0c-1111-4222-8333-444455556666"
    h.registered_address = REGISTERED
    return h


def _view() -> EligibilityView:
    return EligibilityView(on=ON, counted_members=2, counted_income_monthly=300.0, per_capita_monthly=150.0,
                           standard=924.0, lines=[
                               ProgramLine("dibao", "低保", "eligible", "符合", amount=1548,
                                           reasons=["家庭月人均收入150.00元低于低保标准924元"]),
                               ProgramLine("tekun", "特困", "needs_info", "需补充信息", member="吴晓霞",
                                           reasons=["无劳动能力：肢体残疾一级"], missing=["法定义务人"]),
                               ProgramLine("temporary", "临时救助", "eligible", "符合", amount=2772,
                                           reasons=["突发事件：意外事故"])])


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", SIGNED)
def test_a_paper_the_family_signs_carries_no_assessment(kind: str, wu: Household) -> None:
    text = _flat(pdftotext(render.render_form(kind, wu, on=ON, county="合肥市蜀山区", eligibility=_view(),
                                              visit=None)))
    assert "吴晓霞" in text  # the form printed
    for word in ("1,548", "2,772", "需补充", "符合", "预审", "测算", "低保标准", "元/月", "924"):
        assert word not in text, f"{kind} prints the software's “{word}”"


def test_the_assessment_sheet_carries_programmes_amounts_reasons_and_says_it_is_no_decision(wu: Household) -> None:
    text = _flat(pdftotext(render.render_form("assessment", wu, on=ON, county="合肥市蜀山区", eligibility=_view())))
    assert "社会救助资格测算参考单" in text
    assert "1,548元/月" in text and "2,772元（每次上限）" in text
    assert "低保" in text and "特困" in text and "临时救助" in text
    assert "家庭月人均收入150.00元低于低保标准924元" in text
    assert "法定义务人" in text and "需补充信息" in text
    assert "仅供参考，不是审核确认或审批决定" in text
    assert "924元/人/月" in text and "2026年11月29日" in text


def test_an_ineligible_amount_is_not_printed_on_the_sheet(wu: Household) -> None:
    view = EligibilityView(on=ON, standard=924.0, lines=[
        ProgramLine("dibao", "低保", "ineligible", "不符合", amount=321, reasons=["金融资产超过限额"])])
    text = _flat(pdftotext(render.render_form("assessment", wu, on=ON, eligibility=view)))
    assert "不符合" in text and "金融资产超过限额" in text and "321" not in text


@pytest.mark.parametrize("kind", ("dibao-application", "tekun-application", "temporary-application",
                                  "investigation"))
def test_registered_address_is_printed_beside_the_home_address(kind: str, wu: Household) -> None:
    text = _flat(pdftotext(render.render_form(kind, wu, on=ON)))
    assert "户籍地址" + REGISTERED in text
    assert "居住地址安徽省合肥市蜀山区莲花社区明珠华庭12栋301室" in text


def test_health_on_the_application_follows_disability_and_illness(wu: Household) -> None:
    wu.members[1].serious_illness = True
    text = _flat(pdftotext(render.render_form("dibao-application", wu, on=ON)))
    head_row = text[text.index("吴晓霞", text.index("二、家庭成员")):]
    assert "肢体残疾一级" in head_row[:80]
    assert "健康" not in text.split("三、")[0].split("健康状况")[1]  # no member is 健康 now
    wu.members[0].disability = None
    wu.members[0].self_care_lost = 0
    wu.members[1].serious_illness = False
    text = _flat(pdftotext(render.render_form("dibao-application", wu, on=ON)))
    members = text.split("二、家庭成员情况")[1].split("三、")[0]
    assert members.count("健康") == 3  # the column header and both members
    wu.members[0].disability = Disability("visual", 2)
    assert "视力残疾二级" in _flat(pdftotext(render.render_form("tekun-application", wu, on=ON)))
