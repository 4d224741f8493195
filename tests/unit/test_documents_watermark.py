"""Every page printed from a demo profile carries the 演示 watermark (light grey, diagonal, over the
form without hiding it) and says so in its footer; a page from the advisor's own profile does not."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_pdf import gray_pages, pdf_text

from advisor_app.domain import interchange
from advisor_app.services import documents, households, profile_settings
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.profile_settings import open_demo_profile

ON = dt.date(2026, 11, 2)


def _pdftotext(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout


def _print(profile: Profile, household_json: str, kind: str) -> bytes:
    saved = households.save_household(profile, interchange.household_from_json(household_json.encode()))
    return documents.render_form(profile, kind, str(saved.id), on=ON)


@pytest.fixture
def both(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    own = open_profile(tmp_path / "own")
    profile_settings.set_up_own_profile(own, region="340104", villages=["莲花社区"], advisor="张明")
    demo = open_demo_profile(tmp_path / "own")
    yield own, demo
    own.close()
    demo.close()


@pytest.mark.parametrize("kind", ["dibao-application", "authorization"])
def test_demo_pages_are_watermarked_and_own_pages_are_not(both: tuple[Profile, Profile], household_json: str,
                                                          kind: str) -> None:
    own, demo = both
    demo_pdf, own_pdf = _print(demo, household_json, kind), _print(own, household_json, kind)
    assert "演示数据：虚构家庭，不能作为正式材料" in _pdftotext(demo_pdf)
    assert "演示" not in _pdftotext(own_pdf)
    demo_pages, own_pages = pdf_text(demo_pdf), pdf_text(own_pdf)
    assert len(demo_pages) == len(own_pages)
    assert all(page.count("演示") >= 2 for page in demo_pages)  # the diagonal mark and the footer, each page
    assert not any("演示" in page for page in own_pages)


def test_the_watermark_is_light_and_leaves_the_text_readable(both: tuple[Profile, Profile],
                                                             household_json: str) -> None:
    own, demo = both
    dpi = 50
    marked = gray_pages(_print(demo, household_json, "dibao-application"), dpi)[0][2]
    plain = gray_pages(_print(own, household_json, "dibao-application"), dpi)[0][2]
    light = sum(1 for b in marked if 150 <= b < 245) - sum(1 for b in plain if 150 <= b < 245)
    assert light > 0.015 * len(marked)  # a mark one sees across the page (about 2 % of it) …
    dark_marked, dark_plain = sum(1 for b in marked if b < 128), sum(1 for b in plain if b < 128)
    assert abs(dark_marked - dark_plain) < 0.03 * dark_plain  # … that makes no text darker or lighter
    assert min(marked) < 60  # the form's black text is still black under it
