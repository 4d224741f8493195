"""同步 ▸ 导出给乡镇… and 导入数据包… clicked in the real window, on real profiles enrolled with real keys:
an advisor's bundle written to a (stand-in) USB stick and imported at the office through the import
report; a re-import; a tampered file; a conflict opened by an import; a profile not enrolled; the
office exporting to every advisor; and the conflicts view's columns filling the dialog."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from advisor_app.domain import idcard, interchange
from advisor_app.domain.household import Household
from advisor_app.gui import bundle_import
from advisor_app.gui.bundle_export import ExportDialog
from advisor_app.gui.bundle_import import FILE, REASON, STATUS, ImportReportDialog
from advisor_app.gui.conflicts_dialog import MINE_COLUMN, THEIRS_COLUMN, ConflictsDialog
from advisor_app.gui.household_table_model import UNSENT
from advisor_app.services import bundles, drives, sync_status
from advisor_app.services import households as hh
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_enrolment import accept_enrolment, approve_enrolment, request_enrolment
from advisor_app.services.sync_keys import create_identity
from advisor_app.sync.bundle_header import EXTENSION

_numbers = itertools.count(1)


@pytest.fixture
def profiles(tmp_path: Path) -> Iterator[dict[str, Profile]]:
    """An office (莲花镇) and two advisors, 王老师 (七星村) and 李老师 (丰收村), enrolled with real keys."""
    made: dict[str, Profile] = {}
    for name, role in (("莲花镇", "office"), ("王老师", "advisor"), ("李老师", "advisor"), ("新来的", "advisor")):
        made[name] = open_profile(tmp_path / name)
        create_identity(made[name], role=role, name=name)
    for advisor, village in (("王老师", "七星村"), ("李老师", "丰收村")):
        request, _fingerprint = request_enrolment(made[advisor])
        accept_enrolment(made[advisor], approve_enrolment(made["莲花镇"], request, [village]).answer)
    yield made
    for p in made.values():
        p.close()


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick the system reports as mounted (and the only removable drive there is)."""
    folder = tmp_path / "media" / "KINGSTON"
    folder.mkdir(parents=True)
    monkeypatch.setattr(drives, "removable_drives", lambda: [drives.Drive(folder, "KINGSTON")])
    return folder


def new_household(profile: Profile, village: str, head: str) -> Household:
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "address": f"{village}1号",
           "village": village, "town": "莲花镇", "members": [
               {"name": head, "relation": "head", "id_number": idcard.make("340104", dt.date(1970, 1, 1),
                                                                          next(_numbers)),
                "disability": None, "serious_illness": False, "self_care_lost": 0, "student": False,
                "whereabouts": "home", "months_away": 0, "incomes": []}],
           "assets": {"financial": 100.0, "vehicles": 0, "extra_houses": 0}, "supporters": [],
           "expenses": {"medical_selfpaid_12m": 0.0, "education_12m": 0.0}, "emergency": None}
    return hh.save_household(profile, interchange.household_from_dict(doc))


def set_phone(profile: Profile, household_id: str, phone: str) -> None:
    household = hh.load_household(profile, household_id)
    household.phone = phone
    hh.save_household(profile, household)


def export_through_dialog(qtbot: Any, window: Any) -> ExportDialog:
    window.sync.export_action.trigger()
    assert window.operations.wait_idle()
    dialog = window.sync.last_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    return dialog


def import_through_dialog(window: Any, monkeypatch: pytest.MonkeyPatch, *files: Path) -> ImportReportDialog:
    offered: list[list[drives.Drive]] = []

    def choose(_parent: Any, found: list[drives.Drive], _last: str) -> list[str]:
        offered.append(found)
        return [str(f) for f in files]

    monkeypatch.setattr(bundle_import, "choose_bundle_files", choose)
    window.sync.import_action.trigger()
    assert window.operations.wait_idle(20000)
    assert offered and [d.label for d in offered[0]] == ["KINGSTON"]  # the stick is offered first
    dialog = window.sync.last_dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    return dialog


def rows(report: ImportReportDialog) -> list[tuple[str, str, str]]:
    t = report.table
    return [(t.item(r, FILE).text(), t.item(r, STATUS).text(), t.item(r, REASON).text()) for r in range(t.rowCount())]


def heads(window: Any) -> list[str]:
    model = window.model
    return sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))


def test_export_to_a_stick_then_import_at_the_office_with_its_report(
        qtbot: Any, profiles: dict[str, Profile], stick: Path, window_on: Any, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str, str]]) -> None:
    office, wang = profiles["莲花镇"], profiles["王老师"]
    new_household(wang, "七星村", "张三")
    new_household(wang, "七星村", "李四")
    window = window_on(wang, alone=True)
    assert window.sync.export_action.text() == "导出给乡镇…"
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "sync_menu")
    assert [a.text() for a in menu.actions() if not a.isSeparator()][:2] == ["导出给乡镇…", "导入数据包…"]

    window.sync.export_action.trigger()
    assert window.operations.wait_idle()
    dialog = window.sync.last_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.places.item(0).text() == f"U 盘：KINGSTON（{stick}）" and dialog.folder() == stick
    assert not dialog.no_drive.isVisible() and dialog.to.isHidden() and dialog.to_name.text() == "莲花镇"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    written = sorted(stick.iterdir())
    assert [f.name for f in written] == [f"王老师-莲花镇-1{EXTENSION}"]
    kind, title, text = message_boxes[-1]
    assert (kind, title) == ("information", "导出完成")
    assert f"{written[0]}（{max(1, round(written[0].stat().st_size / 1024))} KB）" in text
    assert "第 1 号数据包" in text and "涉及 2 户家庭" in text and "家庭 2 条" in text
    assert "可以把这个文件拷给乡镇或作为邮件附件发送" in text
    model = window.model  # the list refreshed after the export: sent, not yet acknowledged
    assert [model.data(model.index(r, UNSENT)) for r in range(model.rowCount())] == ["待确认", "待确认"]

    window = window_on(office, alone=True)
    assert window.sync.export_action.text() == "导出给救助顾问…"
    before = sync_status.sync_status(office)["digest"]
    report = import_through_dialog(window, monkeypatch, written[0])
    assert rows(report) == [(written[0].name, "已导入", rows(report)[0][2])]
    assert "来自王老师的第 1 号数据包" in rows(report)[0][2]
    assert report.total_labels["households_new"].text() == "2"
    assert report.total_labels["conflicts"].text() == "0" and report.total_labels["files_refused"].text() == "0"
    assert "新增 2 户家庭" in report.summary.text()
    assert not report.conflicts_button.isVisible()
    assert heads(window) == ["张三", "李四"]  # the list refreshed after the import
    assert sync_status.sync_status(office)["digest"] != before
    report.close()

    # The same file again: already imported, nothing changes.
    digest = sync_status.sync_status(office)["digest"]
    again = import_through_dialog(window, monkeypatch, written[0])
    assert [r[1] for r in rows(again)] == ["已导入过，没有变化"]
    assert again.total_labels["households_new"].text() == "0"
    assert "以前已经导入过" in again.summary.text()
    assert sync_status.sync_status(office)["digest"] == digest


def test_a_tampered_file_is_refused_with_its_reason_and_changes_nothing(
        qtbot: Any, profiles: dict[str, Profile], stick: Path, window_on: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    office, wang = profiles["莲花镇"], profiles["王老师"]
    new_household(wang, "七星村", "张三")
    export_through_dialog(qtbot, window_on(wang, alone=True))
    (good,) = stick.iterdir()
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x40
    tampered = tmp_path / "tampered" / good.name
    tampered.parent.mkdir()
    tampered.write_bytes(bytes(data))
    window = window_on(office, alone=True)
    digest, status = sync_status.sync_status(office)["digest"], sync_status.sync_status(office)["peers"]
    report = import_through_dialog(window, monkeypatch, tampered)
    ((name, shown, reason),) = rows(report)
    name_width = report.table.fontMetrics().horizontalAdvance(name)
    assert report.table.horizontalHeader().sectionSize(FILE) > name_width  # the file's name is not cut
    assert (name, shown) == (good.name, "拒绝") and "损坏或被改动" in reason
    assert report.total_labels["files_refused"].text() == "1"
    assert "1 个文件被拒绝，没有改动任何数据" in report.summary.text()
    assert report.table.item(0, STATUS).foreground().color() == bundle_import.REFUSED_FOREGROUND
    assert sync_status.sync_status(office)["digest"] == digest and sync_status.sync_status(office)["peers"] == status
    assert heads(window) == []


def test_an_import_that_opens_a_conflict_offers_the_conflicts_view(
        qtbot: Any, profiles: dict[str, Profile], stick: Path, window_on: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    office, wang = profiles["莲花镇"], profiles["王老师"]
    made = new_household(wang, "七星村", "张三")
    to_office = bundles.export_bundles(wang, tmp_path / "a")
    bundles.import_bundles(office, to_office.files)
    set_phone(office, str(made.id), "13800000001")
    set_phone(wang, str(made.id), "13900000002")
    to_wang = bundles.export_bundles(office, tmp_path / "b", to="王老师")
    window = window_on(wang, alone=True)
    assert not window.sync.conflicts_badge.isVisible()
    report = import_through_dialog(window, monkeypatch, *to_wang.files)
    assert [r[1] for r in rows(report)] == ["已导入"]
    assert report.total_labels["conflicts"].text() == "1" and report.conflicts_button.isVisible()
    assert window.sync.conflicts_badge.isVisible() and window.sync.conflicts_badge.text() == "数据冲突 1"
    qtbot.mouseClick(report.conflicts_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    conflicts = window.findChild(ConflictsDialog)
    assert conflicts is not None and conflicts.isVisible() and conflicts.table.rowCount() == 1


def test_a_bundle_in_parts_is_held_until_every_part_is_there(
        qtbot: Any, profiles: dict[str, Profile], stick: Path, window_on: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    office, wang = profiles["莲花镇"], profiles["王老师"]
    for n in range(40):
        new_household(wang, "七星村", f"张{n}")
    parts = bundles.export_bundles(wang, tmp_path / "parts", max_size=4096).files
    assert len(parts) >= 2
    window = window_on(office, alone=True)
    report = import_through_dialog(window, monkeypatch, parts[0])
    waiting = "、".join(str(n) for n in range(2, len(parts) + 1))
    assert [r[1] for r in rows(report)] == [f"暂存：等待第 {waiting} 部分"]
    assert report.total_labels["files_held"].text() == "1" and heads(window) == []
    report.close()
    rest = import_through_dialog(window, monkeypatch, *parts[1:])
    assert {r[1] for r in rows(rest)} == {"已导入"} and rest.total_labels["households_new"].text() == "40"
    assert len(heads(window)) == 40


def test_a_profile_not_enrolled_is_told_the_enrolment_steps(
        profiles: dict[str, Profile], stick: Path, window_on: Any, message_boxes: list[tuple[str, str, str]]) -> None:
    window = window_on(profiles["新来的"], alone=True)
    window.sync.export_action.trigger()
    assert window.operations.wait_idle()
    kind, title, text = message_boxes[-1]
    assert (kind, title) == ("information", "还没有登记")
    assert "enrol request" in text and "enrol accept" in text
    assert list(stick.iterdir()) == []


def test_the_office_exports_to_every_advisor_into_a_folder_of_its_choice(
        qtbot: Any, profiles: dict[str, Profile], stick: Path, window_on: Any, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str, str]], tmp_path: Path) -> None:
    from advisor_app.gui import bundle_export

    other = tmp_path / "发送"
    other.mkdir()
    monkeypatch.setattr(bundle_export, "choose_folder", lambda _parent, _start: str(other))
    window = window_on(profiles["莲花镇"], alone=True)
    window.sync.export_action.trigger()
    assert window.operations.wait_idle()
    dialog = window.sync.last_dialog
    assert isinstance(dialog, ExportDialog)
    choices = [dialog.to.itemText(i) for i in range(dialog.to.count())]
    assert choices[0] == "全部救助顾问（每人一个文件）" and sorted(choices[1:]) == ["李老师", "王老师"]
    qtbot.mouseClick(dialog.other, Qt.MouseButton.LeftButton)
    assert dialog.folder() == other
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    assert sorted(f.name for f in other.iterdir()) == [f"莲花镇-李老师-1{EXTENSION}", f"莲花镇-王老师-1{EXTENSION}"]
    text = message_boxes[-1][2]
    assert "已导出给王老师的第 1 号数据包" in text and "已导出给李老师的第 1 号数据包" in text
    assert "没有需要发送的新记录" in text and "拷给救助顾问" in text

    # The folder is remembered: offered after the stick next time.
    window.sync.export_action.trigger()
    assert window.operations.wait_idle()
    again = window.sync.last_dialog
    assert [again.places.item(i).data(bundle_export.PATH_ROLE) for i in range(again.places.count())] == [
        str(stick), str(other)]
    again.reject()


def test_the_conflicts_view_gives_the_values_columns_the_room(
        qtbot: Any, profiles: dict[str, Profile], window_on: Any, tmp_path: Path) -> None:
    office, wang = profiles["莲花镇"], profiles["王老师"]
    made = new_household(wang, "七星村", "张三")
    bundles.import_bundles(office, bundles.export_bundles(wang, tmp_path / "a").files)
    set_phone(office, str(made.id), "13800000001")
    set_phone(wang, str(made.id), "13900000002")
    bundles.import_bundles(wang, bundles.export_bundles(office, tmp_path / "b", to="王老师").files)
    window = window_on(wang, alone=True)
    dialog = ConflictsDialog(window.operations, window)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 420)
    dialog.show()
    assert window.operations.wait_idle()
    qtbot.wait(50)
    header = dialog.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert abs(sum(widths) - dialog.table.viewport().width()) <= 2, widths  # the columns fill the table
    values = widths[MINE_COLUMN] + widths[THEIRS_COLUMN]
    assert values > sum(widths) / 2, widths  # the two values take most of the room
    dialog.resize(1500, 420)
    qtbot.wait(50)
    assert header.sectionSize(MINE_COLUMN) + header.sectionSize(THEIRS_COLUMN) > values + 200
