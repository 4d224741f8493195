"""The papers the family signs carry what the family declares; the software's assessment prints on
its own sheet (社会救助资格测算参考单), which reads like the eligibility panel. 健康状况 and 户籍地址 on
the forms."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from documents_pdf import pdftotext

from advisor_app.documents import render
from advisor_app.documents.bindings import EligibilityView, ProgramLine
from advisor_app.domain.household import Disability, Household
from advisor_app.domain.interchange import household_from_json
from advisor_app.rules.wording import money
from advisor_app.services import documents, eligibility, explanation, households
from advisor_app.services.assessment_view import short_fact
from advisor_app.services.policy import tables_for

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


def test_a_missing_fact_is_a_few_words_in_its_cell() -> None:
    assert short_fact("没有该地区在该日期的低保标准（地区 340104，日期 2026-12-01）") == "本地低保标准"
    fact = ("吴小诚的父母中的另一方不在家庭成员登记中：请补充其情况（是否死亡，或重残、重病、服刑在押、"
            "强制隔离戒毒、失联满6个月），可登记在“赡养人”中，关系写父亲或母亲")
    assert short_fact(fact, "吴小诚") == "父母中的另一方不在家庭成员登记中"
    assert short_fact(fact) == "吴小诚的父母中的另一方不在家庭成员登记中"
    assert short_fact("法定义务人") == "法定义务人"


def test_the_sheet_of_the_wu_household_reads_like_the_panel(profile: Any, household_json: str) -> None:
    """The summary and the combination with its monthly total first; every programme's row, 吴小诚's
    不符合 特困 too; the reasons below; a missing fact in a few words in its cell, in full once."""
    wu = households.save_household(profile, household_from_json(household_json))
    tables = tables_for(profile)
    check = eligibility.check(wu, ON, tables)
    explained = explanation.explain(wu, check, tables)
    total = explained.recommendation.monthly_total
    assert total is not None
    text = _flat(pdftotext(documents.render_form(profile, "assessment", wu.id, on=ON)))
    summary = _flat(explained.summary_in("zh_CN"))
    assert summary.startswith("您家可以申请") and summary in text
    advice = text.index("二、建议这样申请")
    assert text.index(summary) < advice < text.index("三、各项救助逐项测算") < text.index("四、测算理由")
    assert f"合计每月{money(total)}元" in text[advice:text.index("三、各项救助逐项测算")]
    rows = text[text.index("三、各项救助逐项测算"):text.index("四、测算理由")]
    tekun = [p for p in check.programs if p.program == "tekun"]
    assert [(p.member_name, p.status) for p in tekun] == [("吴晓霞", "eligible"), ("吴小诚", "ineligible")]
    assert "特困吴晓霞符合" in rows and "特困吴小诚不符合" in rows
    assert "不能认定为无劳动能力" in text[text.index("4．特困（吴小诚）：不符合"):]
    assert "父母中的另一方不在家庭成员登记中" in rows and "请补充其情况" not in rows
    assert text.count("请补充其情况") == 1  # the full sentence, once, with the reasons
    dibao = next(p for p in explained.recommendation.apply_for if p.program == "dibao")
    assert dibao.people == 1 and dibao.monthly_amount is not None
    assert f"申请（其余1人，{money(dibao.monthly_amount)}元/月）" in rows
