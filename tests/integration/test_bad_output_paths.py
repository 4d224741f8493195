"""Where a command cannot write, or is given what no form can print, it says so (exit 2, one line)
and changes nothing: export, template, screening sheet, notice, and a local policy table out of range."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.cli import main
from advisor_app.services import eligibility
from advisor_app.services import households as household_service
from advisor_app.services.profile import Profile
from advisor_app.store.screening import stored_results


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def not_a_folder(tmp_path: Path) -> Path:
    """A path whose folder is a file: unwritable for every user, root included."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    return blocker / "out"


def one_line_error(code: int, err: str) -> None:
    assert code == 2 and err.startswith("错误：") and "Traceback" not in err and err.count("\n") == 1


def test_export_to_a_folder_that_cannot_be_written(demo_profile: Profile, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    household_id = household_service.list_households(demo_profile, limit=1)[0].id
    code, _, err = run(capsys, "--data-dir", str(demo_profile.data.root), "household", "export", household_id,
                       "--out", str(not_a_folder(tmp_path)) + ".json")
    one_line_error(code, err)
    assert "无法写入文件" in err


def test_template_to_a_folder_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = not_a_folder(tmp_path) / "t.xlsx"
    code, _, err = run(capsys, "policy", "template", str(target))
    one_line_error(code, err)
    assert not target.exists()


def stored(profile: Profile) -> list[tuple[Any, ...]]:
    with profile.connection() as conn:
        at = dict(conn.execute(sa.text("SELECT household_id, screened_at FROM screening_results")).all())
        return sorted((r[0], r[2], r[3], r[6], at[r[0]]) for r in stored_results(conn))


def test_screen_to_an_unwritable_sheet_keeps_the_stored_results(demo_profile: Profile, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    eligibility.screen(demo_profile, dt.date(2026, 1, 1))
    before = stored(demo_profile)
    assert before
    code, _, err = run(capsys, "--data-dir", str(demo_profile.data.root), "screen", "--on", "2026-11-01",
                       "--xlsx", str(not_a_folder(tmp_path) / "s.xlsx"))
    one_line_error(code, err)
    assert stored(demo_profile) == before  # the screening did not run: nothing replaced


def test_screening_sheet_drops_control_characters(demo_profile: Profile, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    household = household_service.load_household(demo_profile, household_service.list_households(
        demo_profile, limit=1)[0].id)
    with demo_profile.connection(write=True) as conn:  # a name stored before names were checked for control characters
        conn.execute(sa.text("UPDATE members SET name = :name WHERE household_id = :id"),
                     {"name": "吴\x01晓霞", "id": household.id})
    out_file = tmp_path / "s.xlsx"
    code, _, err = run(capsys, "--data-dir", str(demo_profile.data.root), "screen", "--xlsx", str(out_file))
    assert code == 0, err
    names = {row[4] for row in load_workbook(out_file).worksheets[0].iter_rows(values_only=True)}
    assert "吴晓霞" in names


def test_notice_far_in_the_future_and_a_huge_phone(demo_profile: Profile, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    village = household_service.list_households(demo_profile, limit=1)[0].village
    base = ["--data-dir", str(demo_profile.data.root), "notice", "--village", village, "--out",
            str(tmp_path / "n.pdf")]
    code, _, err = run(capsys, *base, "--phone", "12345", "--on", "9999-12-31")
    one_line_error(code, err)
    assert "9999-12-31" in err
    code, _, err = run(capsys, *base, "--phone", "1" * 100_000)
    one_line_error(code, err)
    assert "太长" in err and len(err) < 300
    assert not (tmp_path / "n.pdf").exists()


def test_a_local_table_out_of_range_gives_a_message_on_load(demo_profile: Profile,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = demo_profile.data.root / "policy" / "local.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("region,key,area,value,unit,effective_from,effective_to,is_default,source\n"
                    "340104,dibao_standard,,1e308,元/人/月,2024-07-01,,no,doc\n", encoding="utf-8")
    for command in (["screen"], ["policy", "show", "340104"]):
        code, _, err = run(capsys, "--data-dir", str(demo_profile.data.root), *command)
        one_line_error(code, err)
        assert "local.csv 第2行 value 列" in err and "合理范围" in err
