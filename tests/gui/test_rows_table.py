"""The shared add/remove table behind the income, needs and supporters tables: removing keeps the
data kept per row in step, refilling emits nothing, 添加 puts the keyboard in the new row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor_app.domain.household import Income, Need, Supporter
from advisor_app.gui.income_table import IncomeTable
from advisor_app.gui.needs_table import NeedsTable
from advisor_app.gui.supporters_editor import SupportersEditor


def _supporter(name: str, id_number: str) -> Supporter:
    return Supporter(name=name, able=False, reason="重度残疾", relation="儿子", id_number=id_number, phone="1")


def test_removing_a_supporter_keeps_the_others_id_numbers(qtbot: Any) -> None:
    editor = SupportersEditor()
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_supporters([_supporter("甲", "A"), _supporter("乙", "B"), _supporter("丙", "C")])
    editor.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(editor.changed, timeout=1000):
        editor.remove_current()
    assert [(s.name, s.id_number) for s in editor.supporters()] == [("甲", "A"), ("丙", "C")]
    editor.set_supporters([_supporter("丁", "D")])
    assert [(s.name, s.id_number) for s in editor.supporters()] == [("丁", "D")]


def test_without_a_current_row_the_last_need_goes(qtbot: Any) -> None:
    table = NeedsTable()
    qtbot.addWidget(table)
    table.set_needs([Need("cash", "学费", "open", "n1"), Need("goods", "棉被", "open", "n2")])
    table.table.setCurrentCell(-1, -1)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert [(n.description, n.id) for n in table.needs()] == [("学费", "n1")]
    table.remove_current()
    table.remove_current()  # nothing left: nothing happens
    assert table.needs() == []


def test_add_income_focuses_the_amount(qtbot: Any) -> None:
    table = IncomeTable()
    qtbot.addWidget(table)
    table.show()
    table.set_incomes([Income("pension_basic", 163.0)])
    with qtbot.waitSignal(table.changed, timeout=1000):
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    box = table.amount_box(1)

    def on_the_amount() -> bool:  # (focus may pass through the button first on a loaded machine)
        focused = QApplication.focusWidget()
        return focused is not None and (focused is box or box.isAncestorOf(focused))

    qtbot.waitUntil(on_the_amount, timeout=3000)
    assert table.table.currentRow() == 1
    assert [(i.kind, i.monthly) for i in table.incomes()] == [("pension_basic", 163.0), ("wage", 0.0)]
