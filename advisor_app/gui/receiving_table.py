"""正在享受的救助: what the household (or one member) receives now, one row per programme: the
programme, since when, how much a month, and whose it is (全户, or a member for a member's own
programme such as 特困 or 单人保). The 渐退期 rule needs it (``Household.receiving``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QWidget

from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Member, Receipt

from .income_table import code_combo, money_box
from .rows_table import RowsTable

PROGRAM, SINCE, AMOUNT, MEMBER = range(4)


class ReceivingTable(RowsTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("救助项目"), self.tr("开始享受"), self.tr("每月金额（元）"), self.tr("享受人")],
                         stretch_column=MEMBER, edit_column=PROGRAM, add_text=self.tr("添加正在享受的救助"),
                         remove_text=self.tr("删除"), parent=parent,
                         header_tips={SINCE: self.tr("从哪一天起享受"),
                                      MEMBER: self.tr("全户享受，或本户某一位成员单独享受（如特困、单人保）")})
        self._members: list[Member] = []
        self.table.setMinimumHeight(self.table.horizontalHeader().height() + 3 * self.table.verticalHeader()
                                    .defaultSectionSize())

    def set_members(self, members: list[Member]) -> None:
        """The members a row can name (a chosen one stays chosen; emits nothing)."""
        if [(m.name, m.id_number) for m in members] == [(m.name, m.id_number) for m in self._members]:
            return
        self._members = list(members)
        for row in range(self.table.rowCount()):
            combo = self.member_combo(row)
            self._fill_members(combo, str(combo.currentData() or ""))

    def _fill_members(self, combo: QComboBox, chosen: str) -> None:
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全户"), "")
        for m in self._members:
            if m.id_number:
                combo.addItem(m.name or m.id_number, m.id_number)
        if chosen and combo.findData(chosen) < 0:  # kept, so that the problem is shown, not lost
            combo.addItem(self.tr("不是本户成员（%1）").replace("%1", chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(blocked)

    def add_blank_row(self) -> int:
        return self.add_row(Receipt("dibao", dt.date.today(), 0.0))

    def add_row(self, x: Receipt) -> int:
        program = code_combo("program", x.program)
        since = QDateEdit(QDate(x.since.year, x.since.month, x.since.day))
        since.setCalendarPopup(True)
        since.setDisplayFormat("yyyy-MM-dd")
        amount = money_box(x.monthly_amount)
        member = QComboBox()
        self._fill_members(member, x.member)
        program.currentIndexChanged.connect(lambda _i: self.changed.emit())
        member.currentIndexChanged.connect(lambda _i: self.changed.emit())
        since.dateChanged.connect(lambda _d: self.changed.emit())
        amount.valueChanged.connect(lambda _v: self.changed.emit())
        return self.append_row({PROGRAM: program, SINCE: since, AMOUNT: amount, MEMBER: member})

    def member_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, MEMBER, QComboBox)

    def set_receipts(self, receipts: list[Receipt]) -> None:
        self.replace_rows(receipts, self.add_row)

    def receipts(self) -> list[Receipt]:
        out = []
        for r in range(self.table.rowCount()):
            q = self.cell_widget(r, SINCE, QDateEdit).date()
            out.append(Receipt(str(self.cell_widget(r, PROGRAM, QComboBox).currentData()),
                               dt.date(q.year(), q.month(), q.day()),
                               round(self.cell_widget(r, AMOUNT, QDoubleSpinBox).value(), 2),
                               str(self.member_combo(r).currentData() or "")))
        return out

    def show_problems(self, problems: list[Problem]) -> None:
        """The rows' problems (from domain.validation), listed below the table."""
        self.mark_problems({(int(p.path[1]), PROGRAM): p.message for p in problems
                            if p.under("receiving") and len(p.path) > 1 and isinstance(p.path[1], int)})
