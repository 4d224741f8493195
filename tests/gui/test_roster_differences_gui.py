"""家庭 ▸ 名册差异…: the differences a roster import listed, accepted or kept by clicking."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Member
from advisor_app.gui.roster_differences_dialog import RosterDifferencesDialog
from advisor_app.services import households, profile_settings
from advisor_app.services.roster_import import import_roster
from advisor_app.sheets.model import ImportSummary, SheetRow


def _id(n: int) -> str:
    return idcard.make("340104", dt.date(1970 + n, 3, 1), n)


def _rows(dialog: RosterDifferencesDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
            for r in range(table.rowCount())]


def test_differences_are_listed_and_answered_by_clicking(qtbot: Any, profile: Any, window_on: Any) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["七星村"], advisor="张明")
    saved = households.save_household(profile, Household(
        region="340104", area="rural", village="七星村", phone="0556-1234567",
        members=[Member("张三", _id(1), "head"), Member("李四", _id(2), "spouse")]))
    rows = [SheetRow(2, {"household_no": "1", "name": "张三", "id_number": _id(1), "relation": "户主",
                         "phone": "13900000001"}),
            SheetRow(3, {"household_no": "1", "name": "李四", "id_number": _id(2), "relation": "长女"})]
    summary = import_roster(profile, rows, ImportSummary(), dry_run=False, source="七星村名册.xlsx")
    assert summary.changed == 2

    window = window_on(profile)
    window.differences_action.trigger()
    dialogs = [d for d in window.findChildren(RosterDifferencesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert sorted(_rows(dialog)) == sorted([
        ["张三户 — 七星村", "（家庭）", "联系电话", "0556-1234567", "13900000001", "七星村名册.xlsx"],
        ["张三户 — 七星村", "李四", "与户主关系", "配偶", "子女", "七星村名册.xlsx"],
    ])
    assert [dialog.table.horizontalHeaderItem(c).text() for c in (3, 4)] == ["现有值", "名册值"]  # type: ignore[union-attr]

    relation_row = next(i for i, r in enumerate(_rows(dialog)) if r[2] == "与户主关系")
    dialog.table.selectRow(relation_row)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert households.load_household(profile, str(saved.id)).members[1].relation == "child"

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert window.operations.wait_idle()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert households.load_household(profile, str(saved.id)).phone == "0556-1234567"
    assert dialog.summary.text() == "没有待处理的名册差异。"
    assert not dialog.accept_button.isEnabled()
