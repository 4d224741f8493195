"""A stored screening result is shown only while it is current: in the household list, latest_status,
the public notice and the screening ledger, after a household changes, a local policy table is
imported or the rules change."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
from openpyxl import load_workbook

from advisor_app.documents.render import mask_name
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household, Income, Visit
from advisor_app.domain.idcard import mask
from advisor_app.rules import freshness
from advisor_app.services import documents, eligibility, households
from advisor_app.services import household_list as hl
from advisor_app.services import policy as policy_service
from advisor_app.services.screening_export import LEFT_OUT_REASON, export_xlsx
from advisor_app.store.settings import set_setting

ON = dt.date(2026, 11, 1)
NOTICE_PROGRAMS = ("dibao", "tekun", "dibao_single")


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")


def notice(profile: Any, h: Household) -> str:
    return pdf_text(documents.render_notice(profile, village=h.village, town=h.town, region=h.region, on=ON,
                                            phone="0551-12345678"))


def ledger(profile: Any, path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(result rows, left-out rows) of the exported workbook, headers dropped."""
    export_xlsx(profile, path)
    book = load_workbook(path, read_only=True)
    results = [tuple(r) for r in book["筛查结果"].iter_rows(min_row=3, values_only=True)]  # (title, headers)
    left = [tuple(r) for r in book["未列入"].iter_rows(min_row=3, values_only=True)] if "未列入" in book else []
    return results, left


def dibao_family(profile: Any) -> Household:
    """A household eligible for 低保 on ON, nobody in it 特困 (so its notice line is that 低保), whose
    head name is unique in its village, in a region with a policy table of its own."""
    all_households = [households.load_household(profile, s.id) for s in households.list_households(profile)]
    own_table = {r.region for r in policy_service.tables_for(profile).rows()}
    for h in all_households:
        if h.region not in own_table:
            continue
        check = eligibility.check(h, ON)
        dibao = check.program("dibao")
        tekun = any(p.program == "tekun" and p.status == "eligible" for p in check.programs)
        same_name = [o for o in all_households if (o.head_name, o.village) == (h.head_name, h.village)]
        if (dibao is not None and dibao.status == "eligible" and dibao.monthly_amount and not tekun
                and len(same_name) == 1):
            return h
    raise AssertionError("no 低保 household in the demo data")


def test_a_wage_raise_after_screening_is_shown_nowhere_with_the_old_amount(demo_profile: Any,
                                                                           tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    family = dibao_family(demo_profile)
    head = family.head
    assert head is not None
    eligibility.screen(demo_profile, ON)
    assert eligibility.latest_status(demo_profile, [family.id or ""])[family.id or ""]
    assert "低保" in hl.rows(demo_profile, [family.id or ""])[0].status
    before_notice = notice(demo_profile, family)
    assert mask_name(head.name) in before_notice and mask(head.id_number) in before_notice
    before_rows, before_left = ledger(demo_profile, tmp_path / "before.xlsx")
    own = [r for r in before_rows if (r[0], r[1], r[2]) == (family.head_name, family.town, family.village)]
    assert own and not before_left

    head.incomes = [Income("wage", 50_000)]
    households.save_household(demo_profile, family)

    live = eligibility.check(households.load_household(demo_profile, family.id or ""), ON, profile=demo_profile)
    assert live.program("dibao").status == "ineligible"  # type: ignore[union-attr]
    assert family.id not in eligibility.latest_status(demo_profile, [family.id or ""])
    assert hl.rows(demo_profile, [family.id or ""])[0].status == ""
    after_notice = notice(demo_profile, family)
    assert mask(head.id_number) not in after_notice
    after_rows, after_left = ledger(demo_profile, tmp_path / "after.xlsx")
    assert after_rows == [r for r in before_rows if r not in own]
    assert after_left == [(family.head_name, family.town, family.village, LEFT_OUT_REASON)]
    # The rest of the notice still comes from the stored results and says what a live check says.
    monkeypatch.setattr(freshness, "RULES_VERSION", "next")
    assert notice(demo_profile, family) == after_notice


def test_a_member_change_counts_even_when_the_household_row_is_untouched(demo_profile: Any,
                                                                         tmp_path: Path) -> None:
    family = dibao_family(demo_profile)
    eligibility.screen(demo_profile, ON)
    with_status = [r.id for r in hl.rows(demo_profile, hl.ids(demo_profile)) if r.status]
    assert hl.ids(demo_profile, "", "status").index(family.id or "") < len(with_status)
    family.version = 0  # as a file without a version: the store then leaves the household row alone
    family.members[-1].incomes = [Income("wage", 50_000)]
    households.save_household(demo_profile, family)
    assert family.id not in eligibility.latest_status(demo_profile, [family.id or ""])
    assert hl.rows(demo_profile, [family.id or ""])[0].status == ""  # asked per household
    assert hl.ids(demo_profile, "", "status").index(family.id or "") >= len(with_status) - 1  # whole list
    rows, left = ledger(demo_profile, tmp_path / "l.xlsx")
    assert [r[:3] for r in left] == [(family.head_name, family.town, family.village)]
    assert not [r for r in rows if (r[0], r[2]) == (family.head_name, family.village)]


def test_removing_a_member_makes_the_result_stale_and_a_visit_does_not(demo_profile: Any) -> None:
    ids = hl.ids(demo_profile)
    eligibility.screen(demo_profile, ON)
    visited, shrunk = ids[0], next(i for i in ids[1:] if len(households.load_household(demo_profile, i).members) > 1)
    visit = Visit(type="review", date=dt.date(2026, 11, 20), investigators=["张明"])
    households.save_visit(demo_profile, visited, visit)
    family = households.load_household(demo_profile, shrunk)
    family.members.pop()
    households.save_household(demo_profile, family)
    status = eligibility.latest_status(demo_profile, [visited, shrunk])
    assert visited in status and shrunk not in status


def _raise_local_standard(profile: Any, region: str, tmp_path: Path) -> None:
    """Import the region's own table with every 低保标准 raised by 300 yuan (a county's new sheet)."""
    template = tmp_path / "template.xlsx"
    policy_service.write_template(template, region, profile)
    book = load_workbook(template)
    sheet: Any = book.active
    header = [c.value for c in sheet[1]]
    key_col = next(i for i, h in enumerate(header) if "key" in str(h))
    value_col = next(i for i, h in enumerate(header) if "value" in str(h))
    changed = 0
    for row in sheet.iter_rows(min_row=2):
        if row[key_col].value == "dibao_standard":
            row[value_col].value = float(row[value_col].value) + 300
            changed += 1
    assert changed
    sheet_path = tmp_path / "local.xlsx"
    book.save(sheet_path)
    policy_service.apply_import(profile, policy_service.preview_import(profile, sheet_path))


def test_importing_a_local_policy_table_makes_every_result_stale(demo_profile: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    family = dibao_family(demo_profile)
    ids = hl.ids(demo_profile)
    eligibility.screen(demo_profile, ON)
    assert any(r.status for r in hl.rows(demo_profile, ids))
    stored_notice = notice(demo_profile, family)
    _raise_local_standard(demo_profile, family.region, tmp_path)
    fresh = eligibility.result_freshness(demo_profile)
    assert fresh.since is None and "政策标准表" in (fresh.reason() or "")
    assert eligibility.latest_status(demo_profile, ids) == {}
    assert all(r.status == "" for r in hl.rows(demo_profile, ids))
    assert hl.ids(demo_profile, "", "status") == hl.ids(demo_profile)  # nothing to sort by
    with pytest.raises(DomainError, match="政策标准表"):
        export_xlsx(demo_profile, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    # The notice is checked live with the new standard: higher amounts than the stored ones.
    live_notice = notice(demo_profile, family)
    assert live_notice != stored_notice
    live = eligibility.check(households.load_household(demo_profile, family.id or ""), ON, profile=demo_profile)
    assert f"{live.program('dibao').monthly_amount:,}" in live_notice  # type: ignore[union-attr]
    eligibility.screen(demo_profile, ON)  # screening again makes the results current
    assert eligibility.result_freshness(demo_profile).since is not None
    assert notice(demo_profile, family) == live_notice


def test_a_new_rules_version_makes_every_result_stale(demo_profile: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ids = hl.ids(demo_profile)
    eligibility.screen(demo_profile, ON)
    assert len(eligibility.latest_status(demo_profile, ids)) == 60
    monkeypatch.setattr(freshness, "RULES_VERSION", freshness.RULES_VERSION + "-next")
    assert eligibility.latest_status(demo_profile, ids) == {}
    assert all(r.status == "" for r in hl.rows(demo_profile, ids))
    with pytest.raises(DomainError, match="核对规则"):
        export_xlsx(demo_profile, tmp_path / "x.xlsx")
    eligibility.screen(demo_profile, ON)
    assert eligibility.last_screening(demo_profile).rules == freshness.RULES_VERSION  # type: ignore[union-attr]
    assert len(eligibility.latest_status(demo_profile, ids)) == 60


def test_a_run_recorded_without_fingerprint_is_stale(demo_profile: Any) -> None:
    ids = hl.ids(demo_profile)
    eligibility.screen(demo_profile, ON)
    run = eligibility.last_screening(demo_profile)
    assert run is not None and run.policy and run.rules == freshness.RULES_VERSION
    with demo_profile.connection(write=True) as conn:  # as an earlier version of the program wrote it
        set_setting(conn, eligibility.LAST_KEY, json.dumps(
            {"on": ON.isoformat(), "screened_at": run.screened_at, "households": 60}))
    assert eligibility.latest_status(demo_profile, ids) == {}
    assert "旧版本" in (eligibility.result_freshness(demo_profile).reason() or "")


def test_no_screening_yet_is_said_when_exporting(profile: Any, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="还没有做过批量筛查"):
        export_xlsx(profile, tmp_path / "x.xlsx")
