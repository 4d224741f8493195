"""Batch screening over the 60-household demo profile: counts, stored rows, Excel, cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from advisor_app.cli import main
from advisor_app.domain.errors import Cancelled
from advisor_app.domain.household import Emergency, Supporter
from advisor_app.rules import check_household
from advisor_app.services import eligibility
from advisor_app.services import households as household_service
from advisor_app.services.profile import Profile
from advisor_app.services.screening_export import HEADERS, export_xlsx
from advisor_app.store import screening as store_screening

ON = dt.date(2026, 11, 1)


def stored(profile: Profile) -> list[tuple[Any, ...]]:
    """(household, member, programme, status, amount fen, detail, on date, screened at) per stored result."""
    with profile.connection() as conn:
        at = dict(conn.execute(sa.text("SELECT household_id, screened_at FROM screening_results")).all())
        rows = [(*r, at[r[0]]) for r in store_screening.stored_results(conn)]
    return sorted(rows, key=lambda r: (r[0], r[2], r[1] or ""))


def test_screen_counts_and_stores_what_check_says(demo_profile: Profile) -> None:
    summary = eligibility.screen(demo_profile, ON)
    assert summary.households == 60
    for program in ("dibao", "dibao_edge", "temporary"):
        assert sum(summary.counts[(program, s)] for s in ("eligible", "ineligible", "needs_info")) == 60
    rows = stored(demo_profile)
    assert len(rows) == summary.stored
    assert summary.stored == sum(n for (_, status), n in summary.counts.items() if status != "ineligible")
    assert {str(r[6]) for r in rows} == {"2026-11-01"}
    ids = [h.id for h in household_service.list_households(demo_profile)]
    for hid in ids:
        household = household_service.load_household(demo_profile, hid)
        result = check_household(household, ON)
        mine = {(r[1], r[2]): r for r in rows if r[0] == hid}
        member_ids = {m.id_number: m.id for m in household.members}
        for p in result.programs:
            key = (member_ids[p.member] if p.member else None, p.program)
            if p.status == "ineligible":
                assert key not in mine  # ineligible results are not stored
                continue
            row = mine.pop(key)
            assert row[3] == p.status and row[4] == p.amount_fen and row[5] == p.detail
        assert not mine
    assert any(r[2] == "dibao" and r[3] == "eligible" and r[4] and r[4] % 100 == 0 for r in rows)
    assert any(r[2] == "tekun" and r[5] in ("self", "partial", "full") for r in rows)


def test_latest_status_for_lists(demo_profile: Profile) -> None:
    ids = [h.id for h in household_service.list_households(demo_profile)]
    assert eligibility.latest_status(demo_profile, ids) == {}  # never screened
    eligibility.screen(demo_profile, ON)
    last = eligibility.last_screening(demo_profile)
    assert last is not None and last.on == ON and last.households == 60
    status = eligibility.latest_status(demo_profile, [*ids, "no-such-household"])
    assert set(status) == set(ids)
    assert any(entries for entries in status.values())
    for hid, entries in status.items():
        for _program, state, amount in entries:
            assert state in ("eligible", "needs_info")
            assert amount is None or (isinstance(amount, int) and amount > 0)
        dibao = [e for e in entries if e.program == "dibao"]
        full = check_household(household_service.load_household(demo_profile, hid), ON)
        expected = full.program("dibao")
        assert expected is not None
        if expected.status == "ineligible":
            assert not dibao
        else:
            assert dibao == [(expected.program, expected.status, expected.monthly_amount)]
    # A household saved after the screening has no (out-of-date) status until screened again.
    changed = household_service.load_household(demo_profile, ids[0])
    changed.notes = "家里情况有变化"
    household_service.save_household(demo_profile, changed)
    assert ids[0] not in eligibility.latest_status(demo_profile, ids[:3])


def test_parallel_parts_give_the_same_results(demo_profile: Profile) -> None:
    single = eligibility.screen(demo_profile, ON)
    one = [r[:7] for r in stored(demo_profile)]
    double = eligibility.screen(demo_profile, ON)
    assert [r[:7] for r in stored(demo_profile)] == one
    assert double.counts == single.counts and double.stored == single.stored


def test_portable_path_reads_and_writes_what_the_sqlite_path_does(demo_profile: Profile,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The SQL for other databases (named binds through SQLAlchemy, no driver cursor), run on SQLite."""
    some = household_service.load_household(demo_profile, household_service.list_households(demo_profile)[4].id)
    some.emergency = Emergency("accident", dt.date(2026, 10, 3))
    some.supporters = [Supporter("王大山", able=False, reason="重病", relation="son")]
    household_service.save_household(demo_profile, some)
    with demo_profile.connection() as conn:
        fast = [h for batch in store_screening.read_for_screening(store_screening.sql_runner(conn)) for h in batch]
    fast_summary = eligibility.screen(demo_profile, ON)
    fast_rows = [r[:7] for r in stored(demo_profile)]
    monkeypatch.setattr(store_screening, "SQLITE_SPEEDUPS", False)
    with demo_profile.connection() as conn:
        runner = store_screening.sql_runner(conn)
        assert not runner.fast
        portable = [h for batch in store_screening.read_for_screening(runner, batch=7) for h in batch]
    assert portable == fast and len(fast) == 60
    read = {h.id: h for h in portable}[some.id]
    assert read.emergency == some.emergency and read.supporters == some.supporters
    summary = eligibility.screen(demo_profile, ON)
    assert [r[:7] for r in stored(demo_profile)] == fast_rows
    assert summary.counts == fast_summary.counts


def test_cancel_leaves_the_previous_results(demo_profile: Profile) -> None:
    eligibility.screen(demo_profile, dt.date(2023, 9, 1))
    before = stored(demo_profile)
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2  # cancel after the first batch

    with pytest.raises(Cancelled):
        eligibility.screen(demo_profile, ON, progress)
    assert stored(demo_profile) == before and before
    assert calls[0] == (0, 60)


def test_xlsx_has_chinese_headers_and_masked_ids(demo_profile: Profile, tmp_path: Path) -> None:
    summary = eligibility.screen(demo_profile, ON)
    out = tmp_path / "筛查结果.xlsx"
    assert export_xlsx(demo_profile, out) == (summary.stored, 0)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["筛查结果"]  # nothing left out
    ws = book.active
    rows = list(ws.iter_rows(values_only=True))
    assert str(rows[0][0]).startswith("筛查结果")  # the title row, then the headers
    assert list(rows[1]) == HEADERS
    assert len(rows) == summary.stored + 2
    programs = {r[3] for r in rows[2:]}
    assert {"低保", "特困"} <= programs
    numbers = [r[5] for r in rows[2:] if r[5]]
    assert numbers and all("*" in n and len(n) == 18 for n in numbers)
    assert all(r[6] in ("符合", "需补充信息") for r in rows[2:])


def test_screen_of_an_empty_profile(profile: Profile) -> None:
    summary = eligibility.screen(profile, ON)
    assert summary.households == 0 and summary.stored == 0 and not summary.counts
    last = eligibility.last_screening(profile)
    assert last is not None and last.households == 0


def test_screen_command(demo_profile: Profile, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "out.xlsx"
    code = main(["--data-dir", str(demo_profile.data.root), "screen", "--on", "2026-11-01", "--xlsx", str(out_file)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "共 60 户" in out and "低保：符合" in out and "特困：" in out and out_file.exists()
