"""Public-notice lists: masking, header, no health words, paging."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from documents_pdf import ID_18, ink_per_page, pdf_text

from advisor_app.documents import render
from advisor_app.documents.render import NoticeEntry, NoticeProgram, NoticeRefused, mask_name
from advisor_app.domain import idcard
from advisor_app.domain.vocab import DISABILITY_KINDS

ON = dt.date(2026, 12, 1)
HEALTH_WORDS = [*DISABILITY_KINDS.values(), "残疾", "重病", "疾病", "患病"]


@pytest.mark.parametrize(("name", "masked"),
                         [("吴晓霞", "吴*霞"), ("吴霞", "吴*"), ("欧阳小明", "欧**明"), ("吴", "吴")])
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def _entries(n: int) -> list[NoticeEntry]:
    return [NoticeEntry(f"王{'晓丽明'[i % 3]}{i:03d}", idcard.make("341222", dt.date(1960, 1, 1 + i % 28), i % 900),
                        f"{'东山西湖'[i % 2 * 2:i % 2 * 2 + 2]}村", "罗集镇",
                        (NoticeProgram("低保" if i % 4 else "特困", 700 + i),), 3 if i % 4 else 1)
            for i in range(n)]


def test_notice_masks_names_and_ids_and_shows_header() -> None:
    entries = _entries(5)
    pdf = render.render_notice(entries, scope="town", place="罗集镇", county="阜阳市太和县", town="罗集镇",
                               on=ON, phone="0558-1234567")
    text = "".join(pdf_text(pdf))
    flat = text.replace(" ", "")
    assert "阜阳市太和县罗集镇社会救助对象公示" in flat
    assert "2026年12月1日至2026年12月7日" in flat  # 7 days, both ends counted
    assert "0558-1234567" in flat
    for e in entries:
        assert e.name not in flat
        assert mask_name(e.name) in flat
        assert e.id_number not in flat
        assert idcard.mask(e.id_number) in flat
    assert not re.search(ID_18, flat)
    assert "700" in flat and "704" in flat
    assert not any(word in flat for word in HEALTH_WORDS)


@pytest.mark.parametrize("phone", ["", "   ", "110"])
def test_a_blank_or_impossible_phone_is_refused(phone: str) -> None:
    with pytest.raises(NoticeRefused, match="监督电话"):
        render.render_notice(_entries(1), scope="village", place="东山村", county="", town="罗集镇", on=ON,
                             phone=phone)


def test_the_period_runs_from_to_and_is_at_least_seven_days() -> None:
    text = "".join(pdf_text(render.render_notice(_entries(1), scope="village", place="东山村", county="",
                                                 town="罗集镇", on=ON, until=dt.date(2026, 12, 10),
                                                 phone="12345"))).replace(" ", "")
    assert "公示期：2026年12月1日至2026年12月10日（10天）" in text and "罗集镇东山村" in text
    with pytest.raises(NoticeRefused, match="不得少于7天"):
        render.render_notice(_entries(1), scope="village", place="东山村", county="", town="罗集镇", on=ON,
                             until=dt.date(2026, 12, 6), phone="12345")


def test_long_notice_runs_onto_pages_with_header_repeated() -> None:
    pdf = render.render_notice(_entries(120), scope="town", place="罗集镇", county="阜阳市太和县",
                               town="罗集镇", on=ON, phone="12345")
    pages = pdf_text(pdf)
    assert len(pages) >= 3
    assert all("身份证号码" in p and "救助类别" in p for p in pages)
    assert all(ink > 500 for ink in ink_per_page(pdf))
    assert f"共 {len(pages)} 页" in pages[0] or f"共{len(pages)}页" in pages[0].replace(" ", "")
    assert not re.search(ID_18, "".join(pages).replace(" ", ""))


def test_empty_notice_says_so() -> None:
    text = "".join(pdf_text(render.render_notice([], scope="village", place="东山村", county="",
                                                 town="罗集镇", on=ON, phone="12345")))
    assert "本期无公示对象" in text
