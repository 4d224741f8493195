"""Pre-filled forms rendered from households in memory (no database)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from documents_pdf import dark_share, embedded_font_files, gray_pages, ink_per_page, pdf_text

from advisor_app.documents import render
from advisor_app.documents.bindings import EligibilityView, ProgramLine
from advisor_app.documents.definitions import FormDefinitionError
from advisor_app.documents.fonts import chinese_font
from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Income, Member, Visit
from advisor_app.domain.interchange import household_from_json
from advisor_app.shipped import forms_dir

ON = dt.date(2026, 11, 29)
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def wu(household_json: str) -> Household:
    h = household_from_json(household_json)
    h.id = "0f0e0d0c-1111-4222-8333-444455556666"
    h.version = 4
    h.phone = "13900001111"
    h.visits = [Visit("investigation", dt.date(2026, 10, 3), ["周明", "孙丽"], "两居室，家具简陋。",
                      follow_up="联系医保")]
    return h


def _view() -> EligibilityView:
    return EligibilityView(on=ON, counted_members=2, counted_income_monthly=300.0, per_capita_monthly=150.0,
                           standard=924.0, lines=[
                               ProgramLine("dibao", "低保", "eligible", "符合", amount=1548,
                                           reasons=["家庭月人均收入150.00元低于低保标准924元"]),
                               ProgramLine("tekun", "特困", "needs_info", "需补充信息", member="吴晓霞",
                                           missing=["法定义务人"])])


@pytest.mark.parametrize("kind", list(render.FORM_KINDS))
def test_every_form_prints_the_household(kind: str, wu: Household) -> None:
    pdf = render.render_form(kind, wu, on=ON, county="合肥市蜀山区", eligibility=_view(), visit=wu.visits[0])
    text = "".join(pdf_text(pdf))
    assert render.FORM_KINDS[kind] in text
    assert "吴晓霞" in text
    assert "第 1 页 共" in text.replace("\n", " ") or "第1页共" in text.replace(" ", "")
    assert all(ink > 500 for ink in ink_per_page(pdf))


def test_application_carries_members_and_declared_incomes(wu: Household) -> None:
    pdf = render.render_form("dibao-application", wu, on=ON, county="合肥市蜀山区", eligibility=_view())
    text = "".join(pdf_text(pdf)).replace(" ", "")
    assert "34010419880314002X" in text and "340104200905200134" in text
    assert "肢体残疾一级" in text  # the member's disability belongs on the application
    assert "900元" in text  # monthly income total 300 + 500 + 100
    assert "开户银行" in text and "申请理由" in text


def test_missing_eligibility_is_said_not_hidden(wu: Household) -> None:
    view = EligibilityView(on=ON, available=False, message="未能核对：没有该地区该日期的政策表")
    text = "".join(pdf_text(render.render_form("assessment", wu, on=ON, eligibility=view)))
    assert "没有该地区该日期的政策表" in text


def test_authorization_lists_adults_to_sign_and_minors_with_guardian(wu: Household) -> None:
    wu.members.append(Member("吴婆婆", idcard.make("340104", dt.date(1950, 2, 1), 22), "parent"))
    # 吴小诚 (born 2009-05-20) turns 18 on 2027-05-20: a minor on the print date.
    text = "".join(pdf_text(render.render_form("authorization", wu, on=ON))).replace(" ", "")
    for clause in ("公安", "人力资源和社会保障", "住房和城乡建设", "自然资源", "交通运输", "市场监督管理",
                   "税务", "住房公积金", "银行", "证券", "保险", "一式三份"):
        assert clause in text
    assert "指模印" in text and "监护人代签" in text and "经办人" in text
    signing, minors = text.split("未成年", 1)
    assert "吴晓霞" in signing and "吴婆婆" in signing and "吴小诚" not in signing
    assert "吴小诚" in minors
    later = "".join(pdf_text(render.render_form("authorization", wu, on=dt.date(2027, 5, 20)))).replace(" ", "")
    assert "吴小诚" in later.split("未成年", 1)[0]  # 18 on the print date: signs himself


def test_investigation_shows_visit_incomes_and_two_investigators(wu: Household) -> None:
    text = "".join(pdf_text(render.render_form("investigation", wu, on=ON, visit=wu.visits[0])))
    flat = text.replace(" ", "")
    assert "两居室，家具简陋。" in flat
    assert "周明" in flat and "孙丽" in flat and "被调查家庭成员" in flat
    assert "工资性收入" in flat and "3,600" in flat  # wage 300/month → 3,600 a year
    assert "10,800" in flat  # annual total 900 × 12


def test_many_members_run_onto_pages_with_the_header_repeated(wu: Household) -> None:
    for i in range(40):
        wu.members.append(Member(f"吴成员{i:02d}", idcard.make("340104", dt.date(1990, 1, 1 + i % 28), 100 + i),
                                 "other", incomes=[Income("wage", 1000.0)]))
    pdf = render.render_form("dibao-application", wu, on=ON)
    pages = pdf_text(pdf)
    assert len(pages) >= 3
    with_members = [p for p in pages if "吴成员" in p]
    assert len(with_members) >= 2
    assert all("与户主关系" in p for p in with_members)  # the table header on every page it runs onto
    n = len(pages)
    assert f"共 {n} 页" in pages[-1] or f"共{n}页" in pages[-1].replace(" ", "")


def test_qr_payload_and_checksum(wu: Household) -> None:
    pdf = render.render_form("visit-record", wu, on=ON, visit=wu.visits[0])
    subject = pypdf.PdfReader(io.BytesIO(pdf)).metadata.subject  # the payload is also the PDF's subject
    parts = subject.split(";")
    assert parts[:4] == ["advisor-form/1", "visit-record", wu.id, "4"]
    assert re.fullmatch(r"[0-9a-f]{8}", parts[4]) and parts[4] == render.household_checksum(wu)
    wu.phone = "13900002222"
    assert render.household_checksum(wu) != parts[4]


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei is not installed")
def test_font_is_embedded_when_wenquanyi_is_available(wu: Household) -> None:
    pdf = render.render_form("authorization", wu, on=ON, font_path=str(WQY))
    assert any("WenQuanYi" in name for name in embedded_font_files(pdf))


def test_cid_fallback_when_no_font_is_found(wu: Household, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.documents import fonts

    monkeypatch.setattr(fonts, "SYSTEM_FONTS", ())
    monkeypatch.setattr("advisor_app.shipped.fonts_dir", lambda: Path("/nonexistent"))
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    font = fonts.chinese_font("/nonexistent/font.ttf")
    assert font.name == fonts.FALLBACK_CID and not font.embedded
    pdf = render.render_form("visit-record", wu, on=ON, visit=wu.visits[0], font_path="/nonexistent/font.ttf")
    assert not embedded_font_files(pdf)
    assert all(ink > 500 for ink in ink_per_page(pdf))


def test_font_registration_is_cached() -> None:
    assert chinese_font() is chinese_font()


def test_a_county_changes_wording_by_editing_a_copy(wu: Household, tmp_path: Path) -> None:
    own = tmp_path / "forms"
    own.mkdir()
    text = (forms_dir() / "authorization.toml").read_text(encoding="utf-8")
    text = text.replace("本授权书一式三份", "本授权书一式四份，另交村委会一份")
    text = text.replace('{ label = "经办人（最后签字）" }',
                        '{ label = "村级经办人" }, { label = "乡镇经办人（最后签字）" }')
    (own / "authorization.toml").write_text(text, encoding="utf-8")
    edited = "".join(pdf_text(render.render_form("authorization", wu, on=ON, override_dir=own))).replace(" ", "")
    assert "一式四份，另交村委会一份" in edited and "村级经办人" in edited and "一式三份" not in edited
    shipped = "".join(pdf_text(render.render_form("authorization", wu, on=ON))).replace(" ", "")
    assert "一式三份" in shipped and "村级经办人" not in shipped


def test_a_definition_mistake_names_the_file_and_place(wu: Household, tmp_path: Path) -> None:
    shutil.copy(forms_dir() / "visit-record.toml", tmp_path / "visit-record.toml")
    path = tmp_path / "visit-record.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("{visit.type}", "{visit.kind}"), encoding="utf-8")
    with pytest.raises(FormDefinitionError) as err:
        render.render_form("visit-record", wu, on=ON, visit=wu.visits[0], override_dir=tmp_path)
    assert "visit-record.toml" in str(err.value) and "{visit.kind}" in str(err.value)
    path.write_text('format = "advisor-form-def/1"\ntitle = "x"\n[[sections]]\ntype = "chart"\n', encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="未知的部分类型"):
        render.render_form("visit-record", wu, on=ON, override_dir=tmp_path)
    path.write_text("title = [", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="格式错误"):
        render.render_form("visit-record", wu, on=ON, override_dir=tmp_path)


def test_a_text_section_prints_its_paragraphs_once_per_row(wu: Household, tmp_path: Path) -> None:
    path = tmp_path / "assessment.toml"
    head = 'format = "advisor-form-def/1"\ntitle = "x"\n[[sections]]\ntype = "text"\n'
    path.write_text(head + 'rows = "members"\nparagraphs = ["· {name}：{relation}"]\nempty = "无人"\n',
                    encoding="utf-8")
    text = "".join(pdf_text(render.render_form("assessment", wu, on=ON, override_dir=tmp_path))).replace(" ", "")
    assert "·吴晓霞：户主" in text and "·吴小诚：" in text and "无人" not in text
    path.write_text(head + 'rows = "nothing"\nparagraphs = ["{name}"]\n', encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="未知的行集合"):
        render.render_form("assessment", wu, on=ON, override_dir=tmp_path)
    path.write_text(head + 'rows = "members"\nparagraphs = ["{amount}"]\n', encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="未知字段"):
        render.render_form("assessment", wu, on=ON, override_dir=tmp_path)


def test_every_shipped_definition_loads() -> None:
    for kind in render.FORM_KINDS:
        assert render.load_form(kind).sections
    assert render.notice_programs() == ["dibao", "dibao_single", "tekun"]


def test_every_page_has_the_qr_code_in_the_top_right_corner(wu: Household) -> None:
    for w in range(30):
        wu.members.append(Member(f"吴亲属{w:02d}", idcard.make("340104", dt.date(1980, 3, 1 + w % 28), 300 + w),
                                 "other"))
    pdf = render.render_form("authorization", wu, on=ON)
    pages = gray_pages(pdf, dpi=72)
    assert len(pages) >= 2
    for page in pages:
        assert dark_share(page, 72, 174, 15, 192, 33) > 0.25  # the QR code: 18 mm square, right margin 18 mm
        assert dark_share(page, 72, 174, 5, 192, 14) == 0  # nothing printed within 15 mm of the top edge
        assert dark_share(page, 72, 195, 40, 210, 280) == 0  # nor of the right edge


def test_font_search_order_env_then_resources_then_system(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from advisor_app.documents import fonts

    monkeypatch.setenv(fonts.ENV_FONT, "/office/fonts/song.ttf")
    monkeypatch.setattr("advisor_app.shipped.fonts_dir", lambda: tmp_path)
    (tmp_path / "b.ttf").write_bytes(b"")
    (tmp_path / "a.ttc").write_bytes(b"")
    (tmp_path / "README.md").write_text("x")
    order = fonts.candidates("/configured.ttf")
    assert order[:4] == ["/configured.ttf", "/office/fonts/song.ttf", str(tmp_path / "a.ttc"), str(tmp_path / "b.ttf")]
    assert order[4:] == list(fonts.SYSTEM_FONTS)


def test_a_file_that_is_not_a_font_is_skipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from advisor_app.documents import fonts

    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font at all")
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    font = fonts.chinese_font(str(bad))
    assert font.path != str(bad)
    if WQY.exists():
        assert font.embedded and font.path == str(WQY)
