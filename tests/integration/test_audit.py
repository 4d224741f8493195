"""The audit log on both databases: each service that writes leaves its entries in the same
transaction (a failed save leaves none, and no entry is written without its change), only the
names of changed fields are kept, writers in two processes keep one chain, and the CLI's contract
(``audit verify`` exit codes, ``audit list`` JSON keys)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from advisor_app.cli import main
from advisor_app.domain import interchange, validation
from advisor_app.domain.errors import DomainError, InvalidRecord
from advisor_app.domain.household import Household, Need, Visit
from advisor_app.domain.idcard import make
from advisor_app.services import audit, eligibility, profile_settings, screening_export, visits
from advisor_app.services import households as svc
from advisor_app.store import audit as audit_store
from advisor_app.store.settings import set_setting

TODAY = dt.date.today()


def entries(profile: Any) -> list[tuple[str, str, list[str]]]:
    """(action, kind, fields) of every entry, oldest first."""
    return [(e.action, e.kind, e.field_names) for e in audit.list_entries(profile)]


def raw_log_text(profile: Any) -> str:
    """Every value of every column of the audit tables, as text."""
    with profile.connection(write=True) as conn:
        rows = [*conn.execute(sa.text("SELECT * FROM audit_log")), *conn.execute(sa.text("SELECT * FROM audit_head"))]
    return "\n".join("\t".join(str(v) for v in row) for row in rows)


@pytest.fixture
def wu(profile: Any, household_json: str) -> Household:
    with profile.connection(write=True) as conn:
        set_setting(conn, profile_settings.ADVISOR, "赵敏")
    return svc.save_household(profile, interchange.household_from_json(household_json))


def test_a_new_household_is_recorded_with_its_members_by_the_advisor(profile: Any, wu: Household) -> None:
    assert entries(profile) == [("create", "household", []), ("create", "member", []), ("create", "member", [])]
    found = audit.list_entries(profile)
    assert {e.who for e in found} == {"赵敏"}
    assert {e.household_id for e in found} == {wu.id}
    assert [e.record_id for e in found] == [wu.id, *(m.id for m in wu.members)]
    assert audit.verify(profile).holds


def test_a_change_names_the_changed_fields_and_never_their_values(profile: Any, wu: Household) -> None:
    old_names = [m.name for m in wu.members]
    old_numbers = [m.id_number for m in wu.members]
    changed = svc.load_household(profile, wu.id or "")
    child = changed.members[1]
    child.name = "吴晓诚"
    child.id_number = make("340104", dt.date(2009, 5, 20), 157)
    changed.phone = "13912345678"
    svc.save_household(profile, changed)
    assert entries(profile)[3:] == [("change", "household", ["phone"]), ("change", "member", ["id_number", "name"])]
    assert audit.list_entries(profile)[-1].record_id == child.id
    text = raw_log_text(profile)
    for value in [*old_names, *old_numbers, child.name, child.id_number, "13912345678", old_numbers[1][-4:] + "X"]:
        assert value not in text
    assert "id_number" in text  # the names are there


def test_saving_an_unchanged_household_adds_nothing_and_removed_members_are_recorded(
        profile: Any, wu: Household) -> None:
    svc.save_household(profile, svc.load_household(profile, wu.id or ""))
    assert len(entries(profile)) == 3
    smaller = svc.load_household(profile, wu.id or "")
    gone = smaller.members.pop()
    svc.save_household(profile, smaller)
    assert [(e.action, e.kind, e.record_id) for e in audit.list_entries(profile)[3:]] == [
        ("delete", "member", gone.id)]  # the member count follows from the members: no household entry


def test_a_refused_save_writes_no_entry(profile: Any, wu: Household) -> None:
    bad = svc.load_household(profile, wu.id or "")
    bad.members[1].id_number = "340104200905200135"  # wrong check digit
    with pytest.raises(InvalidRecord):
        svc.save_household(profile, bad)
    assert len(entries(profile)) == 3


def test_a_save_that_fails_after_its_entries_leaves_neither(profile: Any, wu: Household,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real = svc.audit.record_household_save

    def then_fail(*args: Any, **kwargs: Any) -> int:
        real(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(svc.audit, "record_household_save", then_fail)
    changed = svc.load_household(profile, wu.id or "")
    changed.phone = "13912345678"
    with pytest.raises(RuntimeError):
        svc.save_household(profile, changed)
    assert len(entries(profile)) == 3
    assert svc.load_household(profile, wu.id or "").phone != "13912345678"
    assert audit.verify(profile).holds


def test_a_change_whose_entry_cannot_be_written_is_not_saved(profile: Any, wu: Household,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("audit table unwritable")

    monkeypatch.setattr(audit_store, "append", refuse)
    changed = svc.load_household(profile, wu.id or "")
    changed.phone = "13912345678"
    with pytest.raises(RuntimeError):
        svc.save_household(profile, changed)
    with pytest.raises(RuntimeError):
        svc.delete_household(profile, wu.id or "")
    monkeypatch.undo()
    assert svc.load_household(profile, wu.id or "").phone != "13912345678"


def test_visits_needs_delete_archive_restore_and_export(profile: Any, wu: Household) -> None:
    hid = wu.id or ""
    visit = svc.save_visit(profile, hid, Visit("investigation", TODAY, ["王芳", "李强"], "户主坐轮椅",
                                               [Need("goods", "需要轮椅一台")]))
    visit.notes = "户主坐轮椅，孩子上初二"
    visit.needs.append(Need("cash", "医疗费用缺口"))
    svc.save_visit(profile, hid, visit)
    need = visits.household_needs(profile, hid)[0]
    visits.change_need_status(profile, need.id, "referred")
    svc.export_household(profile, hid)
    svc.archive_household(profile, hid, "moved", "搬到县城")
    svc.restore_household(profile, hid)
    svc.delete_household(profile, hid)
    assert entries(profile)[3:] == [
        ("create", "visit", []), ("create", "need", []),
        ("change", "visit", ["notes"]), ("create", "need", []),
        ("change", "need", ["status"]),
        ("export", "household", []), ("archive", "household", []), ("restore", "household", []),
        ("delete", "household", [])]
    found = audit.list_entries(profile)
    assert {e.household_id for e in found} == {hid}
    assert found[-3].detail == "moved" and "县城" not in raw_log_text(profile)  # the code, not the note
    assert len(audit.list_entries(profile, household_id=hid)) == len(found)
    assert audit.verify(profile).holds


def test_an_import_says_import_new_then_update(profile: Any, household_json: str, tmp_path: Path) -> None:
    path = tmp_path / "wu.json"
    path.write_text(household_json, encoding="utf-8")
    saved = svc.import_household(profile, path)
    path.write_text(svc.export_household(profile, saved.id or ""), encoding="utf-8")
    svc.import_household(profile, path)
    found = audit.list_entries(profile)
    assert [(e.action, e.kind, e.detail) for e in found if e.kind == "household"] == [
        ("import", "household", "new"), ("export", "household", ""), ("import", "household", "update")]


def test_printing_screening_and_the_ledger_are_recorded(profile: Any, wu: Household, tmp_path: Path) -> None:
    visits.print_blank_visit_record(profile, wu.id or "")
    eligibility.screen(profile, TODAY)
    screening_export.export_xlsx(profile, tmp_path / "ledger.xlsx")
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with pytest.raises(DomainError):
        screening_export.export_xlsx(profile, blocked / "ledger.xlsx")  # cannot be written: no entry
    found = audit.list_entries(profile)[3:]
    assert [(e.action, e.kind, e.record_id, e.household_id) for e in found] == [
        ("print", "form", "visit-record", wu.id), ("screen", "screening", None, None),
        ("export", "ledger", None, None)]
    assert found[0].detail == "blank"
    assert f"on={TODAY.isoformat()} households=1" in found[1].detail


def test_one_screening_run_is_one_entry(profile: Any, household_json: str) -> None:
    for i in range(3):
        h = interchange.household_from_json(household_json)
        for m in h.members:
            m.id_number = make("340104", dt.date(1988 + 10 * i, 3, 14) if m.relation == "head"
                               else dt.date(2009, 5, 20 + i), 3 + i)
        validation.tidy(h)
        svc.save_household(profile, h)
    before = len(entries(profile))
    eligibility.screen(profile, TODAY)
    assert entries(profile)[before:] == [("screen", "screening", [])]


def _policy_sheet(path: Path) -> Path:
    book = Workbook()
    ws: Any = book.active
    ws.title = "政策标准"
    ws.append(["地区代码 region", "地区名称 region_name", "项目代码 key", "城乡 area", "数值 value", "单位 unit",
               "生效日期 effective_from", "截止日期 effective_to", "默认值 is_default", "依据来源 source"])
    ws.append(["340104", "合肥市蜀山区", "dibao_standard", "", 980, "元/人/月", "2024-07-01", None, "否", "测试"])
    book.save(path)
    return path


def test_policy_import_and_reset_are_recorded(profile: Any, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "import", str(_policy_sheet(tmp_path / "p.xlsx")), "--yes"]) == 0
    assert main(["policy", "reset", "340104", "--yes"]) == 0
    capsys.readouterr()
    found = audit.list_entries(profile)
    assert [(e.action, e.kind, e.detail) for e in found] == [("import", "policy", "340104"),
                                                             ("reset", "policy", "340104")]


def test_unlock_is_recorded(profile: Any) -> None:
    entry = audit.record_unlock(profile)
    assert (entry.action, entry.kind, entry.seq) == ("unlock", "profile", 1)


WRITER = textwrap.dedent("""
    import sys
    from advisor_app.services import audit
    from advisor_app.services.profile import open_profile
    profile = open_profile(sys.argv[1], database_url=sys.argv[2] or None)
    for _ in range(int(sys.argv[3])):
        audit.record_unlock(profile)
    profile.close()
""")


def test_writers_in_two_processes_keep_one_chain(profile: Any, data_dir: Path, database_url: str | None) -> None:
    each = 40
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), database_url or "", str(each)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for _ in range(each):
        audit.record_unlock(profile)
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    check = audit.verify(profile)
    assert check.holds, check.message
    assert check.entries == 3 * each
    assert [e.seq for e in audit.list_entries(profile)] == list(range(1, 3 * each + 1))


# --- the command line -------------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_exits_0_then_1_naming_the_first_broken_entry(profile: Any, wu: Household,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "verify")
    assert (code, out.strip()) == (0, "审计记录完好，共 3 条")
    assert run(capsys, "profile", "check")[:2] == (0, "档案文件完好；审计记录完好，共 3 条\n")
    with profile.connection(write=True) as conn:
        conn.execute(sa.text("UPDATE audit_log SET fields = '[]', who = '' WHERE seq = 2"))
    code, out, err = run(capsys, "audit", "verify")
    assert (code, out, err) == (1, "", "审计记录第 2 条被改动或删除\n")
    code, out, err = run(capsys, "profile", "check")  # the file itself is sound: the chain is not
    assert code == 1 and "审计记录第 2 条被改动或删除" in err
    with profile.connection(write=True) as conn:
        conn.execute(sa.text("DELETE FROM audit_log WHERE seq = 1"))
    assert run(capsys, "audit", "verify")[2] == "审计记录第 1 条被改动或删除\n"


def test_list_as_json_has_the_documented_keys_and_filters(profile: Any, wu: Household, household_json: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    other = interchange.household_from_json(household_json)
    for m in other.members:
        m.id_number = make("340104", dt.date(1970, 1, 1) if m.relation == "head" else dt.date(2000, 1, 1), 11)
    svc.save_household(profile, other)
    code, out, _ = run(capsys, "audit", "list", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 6
    assert all(list(item) == list(audit.JSON_KEYS) for item in listed)
    assert [item["seq"] for item in listed] == [1, 2, 3, 4, 5, 6]
    assert listed[0]["action"] == "create" and listed[0]["kind"] == "household" and listed[0]["fields"] == []
    assert listed[0]["who"] == "赵敏" and listed[0]["at"].endswith("Z")
    code, out, _ = run(capsys, "audit", "list", "--format", "json", "--household", wu.id or "")
    assert {item["household_id"] for item in json.loads(out)} == {wu.id} and len(json.loads(out)) == 3
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert json.loads(run(capsys, "audit", "list", "--format", "json", "--since", tomorrow)[1]) == []
    assert len(json.loads(run(capsys, "audit", "list", "--format", "json", "--since", TODAY.isoformat())[1])) == 6


def test_list_as_text_is_a_table_in_chinese(profile: Any, wu: Household, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("序号\t时间\t经办人\t操作")
    assert lines[1].split("\t")[:5][2:] == ["赵敏", "新建", "家庭"]
    assert len(lines) == 4
    code, _, err = run(capsys, "audit", "list", "--since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err
