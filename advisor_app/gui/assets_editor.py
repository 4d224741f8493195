"""Assets (vehicles by kind: ordinary, a disabled member's mobility vehicle, production vehicles),
rigid expenses of the last 12 months, a sudden emergency (if any), and 正在享受的救助 (what the
household receives now, :mod:`.receiving_table`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Assets, Emergency, Expenses, Member, Receipt

from . import language
from .income_table import money_box
from .receiving_table import ReceivingTable

MAX_MONEY = 1_000_000_000.0


def count_box(maximum: int = 99) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class AssetsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.financial = money_box(0.0, MAX_MONEY)
        self.vehicles = count_box()
        self.disability_vehicles = count_box()
        self.production_vehicles = count_box()
        self.extra_houses = count_box()
        self.medical = money_box(0.0, MAX_MONEY)
        self.education = money_box(0.0, MAX_MONEY)
        self.emergency_kind = QComboBox()
        self.emergency_kind.addItem(self.tr("无"), None)
        for code, label in language.labels("emergency_kind").items():
            self.emergency_kind.addItem(label, code)
        self.emergency_date = QDateEdit()
        self.emergency_date.setCalendarPopup(True)
        self.emergency_date.setDisplayFormat("yyyy-MM-dd")
        self.emergency_date.setDate(to_qdate(dt.date.today()))
        self.emergency_date.setEnabled(False)

        assets = QGroupBox(self.tr("家庭财产"))
        form = QFormLayout(assets)
        form.addRow(self.tr("金融资产（元）"), self.financial)
        form.addRow(self.tr("机动车（辆）"), self.vehicles)
        form.addRow(self.tr("残疾人代步车（辆）"), self.disability_vehicles)
        form.addRow(self.tr("生产用车（辆）"), self.production_vehicles)
        tips = ((self.vehicles, self.tr("普通机动车，不含残疾人代步车和生产用车")),
                (self.disability_vehicles, self.tr("残疾成员本人使用的代步车（不算作家庭财产）")),
                (self.production_vehicles, self.tr("用于生产的车辆，如农用三轮车、小货车（不算作家庭财产）")))
        for field, tip in tips:
            field_label = form.labelForField(field)
            if field_label is not None:
                field_label.setToolTip(tip)
        form.addRow(self.tr("自住以外的房屋（套）"), self.extra_houses)
        expenses = QGroupBox(self.tr("近12个月刚性支出"))
        form = QFormLayout(expenses)
        form.addRow(self.tr("医疗自付费用（元）"), self.medical)
        form.addRow(self.tr("教育支出（元）"), self.education)
        emergency = QGroupBox(self.tr("突发困难"))
        form = QFormLayout(emergency)
        form.addRow(self.tr("类别"), self.emergency_kind)
        form.addRow(self.tr("发生日期"), self.emergency_date)
        receiving = QGroupBox(self.tr("正在享受的救助"))
        self.receiving = ReceivingTable()
        QVBoxLayout(receiving).addWidget(self.receiving)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #d32f2f;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        for box in (assets, expenses, emergency, receiving):
            layout.addWidget(box)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)

        for spin in (self.financial, self.medical, self.education):
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        for count in (self.vehicles, self.disability_vehicles, self.production_vehicles, self.extra_houses):
            count.valueChanged.connect(lambda _v: self.changed.emit())
        self.receiving.changed.connect(self.changed.emit)
        self.emergency_kind.currentIndexChanged.connect(self._kind_changed)
        self.emergency_date.dateChanged.connect(lambda _d: self.changed.emit())

    def _kind_changed(self, _index: int) -> None:
        self.emergency_date.setEnabled(self.emergency_kind.currentData() is not None)
        self.changed.emit()

    def set_values(self, assets: Assets, expenses: Expenses, emergency: Emergency | None) -> None:
        widgets = (self.financial, self.vehicles, self.disability_vehicles, self.production_vehicles,
                   self.extra_houses, self.medical, self.education, self.emergency_kind, self.emergency_date)
        for w in widgets:
            w.blockSignals(True)
        self.financial.setValue(assets.financial)
        self.vehicles.setValue(assets.vehicles)
        self.disability_vehicles.setValue(assets.disability_vehicles)
        self.production_vehicles.setValue(assets.production_vehicles)
        self.extra_houses.setValue(assets.extra_houses)
        self.medical.setValue(expenses.medical_selfpaid_12m)
        self.education.setValue(expenses.education_12m)
        self.emergency_kind.setCurrentIndex(max(0, self.emergency_kind.findData(emergency.kind))
                                            if emergency else 0)
        self.emergency_date.setDate(to_qdate(emergency.date if emergency else dt.date.today()))
        self.emergency_date.setEnabled(emergency is not None)
        for w in widgets:
            w.blockSignals(False)

    def set_members(self, members: list[Member]) -> None:
        """The household's members, for 享受人 (emits nothing)."""
        self.receiving.set_members(members)

    def set_receipts(self, receipts: list[Receipt]) -> None:
        self.receiving.set_receipts(receipts)

    def receipts(self) -> list[Receipt]:
        return self.receiving.receipts()

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems with the assets, expenses or emergency (from domain.validation), below the boxes;
        those of 正在享受的救助 below its table."""
        own = [p.message for p in problems if p.path[0] in ("assets", "expenses", "emergency")]
        self.problem_label.setText("\n".join(own))
        self.problem_label.setVisible(bool(own))
        self.receiving.show_problems(problems)

    def assets(self) -> Assets:
        return Assets(round(self.financial.value(), 2), self.vehicles.value(), self.extra_houses.value(),
                      self.disability_vehicles.value(), self.production_vehicles.value())

    def expenses(self) -> Expenses:
        return Expenses(round(self.medical.value(), 2), round(self.education.value(), 2))

    def emergency(self) -> Emergency | None:
        kind = self.emergency_kind.currentData()
        return None if kind is None else Emergency(str(kind), from_qdate(self.emergency_date.date()))
