"""The public notice says what the family is told to apply for (on SQLite and PostgreSQL): 吴晓霞 is
supported as 特困, her son gets the 低保 of the others, and nobody is paid twice — whether the line
comes from a live check or from the stored screening."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pypdf
import pytest

from advisor_app.domain import interchange
from advisor_app.domain.idcard import mask
from advisor_app.rules.wording import money
from advisor_app.services import documents, eligibility, explanation
from advisor_app.services import households as svc
from advisor_app.services.policy import tables_for

ON = dt.date(2026, 12, 1)


def _flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("screened", [False, True], ids=["live", "stored"])
def test_the_wu_line_pays_her_tekun_and_the_sons_dibao_as_recommended(profile: Any, household_json: str,
                                                                      screened: bool) -> None:
    wu = svc.save_household(profile, interchange.household_from_json(household_json))
    tables = tables_for(profile)
    check = eligibility.check(wu, ON, tables)
    rec = explanation.explain(wu, check, tables).recommendation
    tekun = next(p for p in rec.apply_for if p.program == "tekun")
    dibao = next(p for p in rec.apply_for if p.program == "dibao")
    household_dibao = check.program("dibao")
    assert household_dibao is not None and household_dibao.monthly_amount is not None
    assert dibao.people == 1 and dibao.monthly_amount is not None and rec.monthly_total is not None
    assert dibao.monthly_amount != household_dibao.monthly_amount  # the others' 低保, not the household's
    if screened:
        assert eligibility.screen(profile, ON).households == 1
    flat = _flat(documents.render_notice(profile, village=wu.village, town=wu.town, region=wu.region,
                                                   on=ON, phone="0551-12345678"))
    people = sum(p.people or 1 for p in rec.apply_for if p.program in ("dibao", "dibao_single", "tekun"))
    assert people == 2
    assert f"共1户，保障{people}人，月救助金合计{money(rec.monthly_total)}元" in flat
    assert flat.count(mask(wu.members[0].id_number)) == 1  # one line
    assert "低保（1人）特困（吴*霞）" in flat
    assert f"低保{money(dibao.monthly_amount)}" in flat and f"特困{money(tekun.monthly_amount)}" in flat
    assert money(household_dibao.monthly_amount) not in flat
