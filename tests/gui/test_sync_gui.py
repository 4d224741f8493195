"""Sync in the desktop app: the list's 未发送 / 待确认 marks, the conflicts view resolved by clicking,
and the office's view of its advisors — on real profiles (an office and two advisors) whose states
are built through the services, passing payloads as the bundle files will carry them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from advisor_app.domain import idcard, interchange
from advisor_app.domain.household import Household, Income
from advisor_app.gui.advisors_dialog import GAPS, LAST_SEQUENCE, NAME, SILENT_BACKGROUND, AdvisorsDialog
from advisor_app.gui.conflicts_dialog import ConflictsDialog
from advisor_app.gui.household_table_model import UNSENT
from advisor_app.services import households as hh
from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.sync_import import ImportReport, apply_payload
from advisor_app.services.sync_payload import build_payload
from advisor_app.services.sync_setup import enrol_peer, revoke_peer, set_up_identity

_numbers = itertools.count(1)


@dataclass
class Side:
    profile: Profile
    device: str
    name: str


@pytest.fixture
def sides(tmp_path: Path) -> Iterator[dict[str, Side]]:
    """An office and two advisors, with identities, not yet enrolled with each other."""
    made = {}
    for name, role in (("乡镇", "office"), ("王老师", "advisor"), ("李老师", "advisor")):
        profile = open_profile(tmp_path / name)
        made[name] = Side(profile, set_up_identity(profile, role=role, name=name).device_id, name)
    yield made
    for side in made.values():
        side.profile.close()


def enrol(s: dict[str, Side]) -> None:
    office, a, b = s["乡镇"], s["王老师"], s["李老师"]
    enrol_peer(office.profile, a.device, a.name, "advisor", "keys-a", ["七星村"])
    enrol_peer(office.profile, b.device, b.name, "advisor", "keys-b", ["丰收村"])
    for advisor in (a, b):
        enrol_peer(advisor.profile, office.device, office.name, "office", "keys-office")


def new_household(side: Side, village: str, head: str, *, others: tuple[str, ...] = ()) -> Household:
    names = [(head, "head", dt.date(1970, 1, 1))] + [(n, "child", dt.date(2000, 1, 1)) for n in others]
    doc = {"format": interchange.FORMAT, "region": "340104", "area": "rural", "address": f"{village}1号",
           "village": village, "town": "莲花镇", "members": [
               {"name": n, "relation": rel, "id_number": idcard.make("340104", born, next(_numbers)),
                "disability": None, "serious_illness": False, "self_care_lost": 0, "student": False,
                "whereabouts": "home", "months_away": 0, "incomes": []} for n, rel, born in names],
           "assets": {"financial": 100.0, "vehicles": 0, "extra_houses": 0}, "supporters": [],
           "expenses": {"medical_selfpaid_12m": 0.0, "education_12m": 0.0}, "emergency": None}
    return hh.save_household(side.profile, interchange.household_from_dict(doc))


def send(src: Side, dst: Side) -> ImportReport:
    payload = build_payload(src.profile, dst.device)
    return apply_payload(dst.profile, src.device, payload["sequence"], payload)


def marks(window: Any) -> dict[str, str]:
    """Head's name → the 发送 column as shown."""
    model = window.model
    return {model.data(model.index(r, 0)): model.data(model.index(r, UNSENT)) for r in range(model.rowCount())}


def refresh(window: Any) -> None:
    window.model.refresh()
    window.run_search()
    assert window.operations.wait_idle()


def test_the_list_marks_unsent_and_unconfirmed_households_and_sorts_by_it(
        qtbot: Any, sides: dict[str, Side], window_on: Any) -> None:
    office, a = sides["乡镇"], sides["王老师"]
    first = new_household(a, "七星村", "张三")
    window = window_on(a.profile)
    assert window.model.header_text(UNSENT) == "发送"
    assert marks(window) == {"张三": "未发送"}  # no office yet: every household changed

    enrol(sides)
    second = new_household(a, "七星村", "李四")
    send(a, office)  # exported: the office has not said yet that it arrived
    refresh(window)
    assert marks(window) == {"张三": "待确认", "李四": "待确认"}

    send(office, a)  # the office's bundle acknowledges ours
    refresh(window)
    assert marks(window) == {"张三": "", "李四": ""}

    household = hh.load_household(a.profile, str(second.id))
    household.phone = "13900000009"
    hh.save_household(a.profile, household)
    new_household(a, "七星村", "王五")
    refresh(window)
    assert marks(window) == {"张三": "", "李四": "未发送", "王五": "未发送"}
    send(a, office)
    household = hh.load_household(a.profile, str(second.id))
    household.notes = "又改了一次"
    hh.save_household(a.profile, household)
    refresh(window)
    assert marks(window) == {"张三": "", "李四": "未发送", "王五": "待确认"}

    # Sorting by the column (a click on its header): nothing, then 待确认, then 未发送; again: reversed.
    header = window.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(UNSENT) + header.sectionSize(UNSENT) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: window.model.sort_key == "unsent")
    order = [window.model.data(window.model.index(r, 0)) for r in range(3)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: window.model.descending)
    reverse = [window.model.data(window.model.index(r, 0)) for r in range(3)]
    assert (order, reverse) == (["张三", "王五", "李四"], ["李四", "王五", "张三"])
    assert str(first.id) in window.model.ids()


def _conflicts_dialog(window: Any) -> ConflictsDialog:
    dialogs = [d for d in window.findChildren(ConflictsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _rows(dialog: ConflictsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
            for r in range(table.rowCount())]


def test_conflicts_are_listed_in_words_and_resolved_by_clicking(
        qtbot: Any, sides: dict[str, Side], window_on: Any) -> None:
    office, a = sides["乡镇"], sides["王老师"]
    enrol(sides)
    made = new_household(a, "七星村", "张三", others=("张小",))
    send(a, office)
    send(office, a)
    for side, phone, wage in ((a, "13900000001", 1200.0), (office, "13900000002", 800.0)):
        household = hh.load_household(side.profile, str(made.id))
        household.phone, household.notes = phone, f"{side.name}核实过"
        household.members[1].incomes = [Income("wage", wage)]
        hh.save_household(side.profile, household)
    assert send(a, office).conflicts == 3

    window = window_on(office.profile)
    badge = window.sync.conflicts_badge
    qtbot.waitUntil(lambda: badge.isVisible())
    assert badge.text() == "数据冲突 3"
    window.table.setCurrentIndex(window.model.index(0, 0))
    window.open_household(str(made.id))
    assert window.operations.wait_idle()
    assert window.editor is not None and window.editor.household_id == str(made.id)

    window.sync.conflicts_action.trigger()
    dialog = _conflicts_dialog(window)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert sorted(_rows(dialog)) == sorted([
        ["张三户 — 七星村", "家庭", "联系电话", "13900000002", "13900000001", "王老师"],
        ["张三户 — 七星村", "家庭", "备注", "乡镇核实过", "王老师核实过", "王老师"],
        ["张三户 — 七星村", "家庭成员 张小", "收入", "工资性收入 800.00 元/月", "工资性收入 1,200.00 元/月", "王老师"],
    ])
    assert dialog.table.horizontalHeaderItem(3).text() == "本机的"  # type: ignore[union-attr]
    assert dialog.table.horizontalHeaderItem(4).text() == "对方的"  # type: ignore[union-attr]

    phone_row = next(i for i, r in enumerate(_rows(dialog)) if r[2] == "联系电话")
    dialog.table.selectRow(phone_row)
    qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    # The household is written once both of its fields are chosen: the phone's choice waits, marked.
    qtbot.waitUntil(lambda: any(r[4] == "✓ 13900000001" for r in _rows(dialog)))
    assert dialog.table.rowCount() == 3
    assert hh.load_household(office.profile, str(made.id)).phone == "13900000002"
    notes_row = next(i for i, r in enumerate(_rows(dialog)) if r[2] == "备注")
    dialog.table.selectRow(notes_row)
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert badge.text() == "数据冲突 1"
    income_row = next(i for i, r in enumerate(_rows(dialog)) if r[2] == "收入")
    dialog.table.selectRow(income_row)
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert dialog.summary.text() == "没有数据冲突。"

    stored = hh.load_household(office.profile, str(made.id))
    assert (stored.phone, stored.notes, stored.members[1].incomes[0].monthly) == ("13900000001", "乡镇核实过", 800.0)
    qtbot.waitUntil(lambda: not badge.isVisible())
    editor = window.editor
    qtbot.waitUntil(lambda: editor.household_tab.phone.text() == "13900000001")  # the household shown follows
    qtbot.waitUntil(lambda: marks(window) == {"张三": "未发送"})  # the resolution goes back to the advisor
    report = send(office, a)
    assert report.conflicts == 0
    assert hh.load_household(a.profile, str(made.id)).phone == "13900000001"
    assert hh.load_household(a.profile, str(made.id)).members[1].incomes[0].monthly == 800.0


def _cell(dialog: AdvisorsDialog, row: int, column: int) -> Any:
    item = dialog.table.item(row, column)
    assert item is not None
    return item


def test_the_office_sees_its_advisors_and_who_has_gone_quiet(
        qtbot: Any, sides: dict[str, Side], window_on: Any) -> None:
    office, a, b = sides["乡镇"], sides["王老师"], sides["李老师"]
    enrol(sides)
    made = [new_household(a, "七星村", head) for head in ("张三", "张四", "张五")]
    new_household(b, "丰收村", "李一")
    payloads = [build_payload(a.profile, office.device) for _ in range(3)]  # bundles 1, 2, 3
    for payload in (payloads[0], payloads[2]):  # bundle 2 never arrives
        apply_payload(office.profile, a.device, payload["sequence"], payload)
    for n, household in enumerate(made[:2]):  # changed at the office: 张三 sent (not yet acknowledged), 张四 not
        stored = hh.load_household(office.profile, str(household.id))
        stored.notes = "乡镇核实过"
        hh.save_household(office.profile, stored)
        if n == 0:
            build_payload(office.profile, a.device)
    revoke_peer(office.profile, b.device)

    advisor_window = window_on(a.profile)
    assert not advisor_window.sync.advisors_action.isVisible()  # an advisor has no such view
    advisor_window.close()

    window = window_on(office.profile)
    assert window.sync.advisors_action.isVisible()
    window.sync.advisors_action.trigger()
    dialogs = [d for d in window.findChildren(AdvisorsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    names = [_cell(dialog, r, NAME).text() for r in range(2)]
    assert names == ["李老师（已停用）", "王老师"]
    wang = 1
    row = [_cell(dialog, wang, c).text() for c in range(dialog.table.columnCount())]
    assert row[1] == "七星村" and row[LAST_SEQUENCE] == "3" and row[GAPS] == "2"
    assert row[6:9] == ["3", "1", "1"]  # households assigned; 张四 未发送; 张三 待确认
    assert row[9] == "0 天"

    def highlighted(r: int) -> bool:
        return _cell(dialog, r, NAME).background().color() == SILENT_BACKGROUND

    def greyed(r: int) -> bool:
        return _cell(dialog, r, NAME).foreground().color().name() == "#969696"

    assert not highlighted(wang) and greyed(0) and not greyed(wang)
    dialog.now = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    dialog.reload()
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: highlighted(wang))
    assert _cell(dialog, wang, 9).text() == "8 天"
    assert not highlighted(0)  # revoked: not expected to send
    assert "1 名救助顾问 7 天以上没有发来数据包" in dialog.silent_label.text()
    dialog.days.setValue(10)  # N adjusted in the view
    assert not highlighted(wang) and dialog.silent_label.text() == ""
    dialog.days.setValue(8)
    assert highlighted(wang)
