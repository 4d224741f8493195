"""A member's incomes by kind: one row per income (kind + monthly amount in yuan), add and remove."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import vocab
from advisor_app.domain.household import Income

MAX_MONTHLY = 10_000_000.0


def code_combo(labels: dict[str, str], current: str | None = None) -> QComboBox:
    """A combo box of a closed vocabulary: Chinese labels shown, codes as item data."""
    combo = QComboBox()
    for code, label in labels.items():
        combo.addItem(label, code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def money_box(value: float = 0.0, maximum: float = MAX_MONTHLY) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(2)
    box.setSingleStep(100.0)
    box.setGroupSeparatorShown(False)
    box.setValue(value)
    return box


class IncomeTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("收入类别"), self.tr("月收入（元）")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("添加收入"))
        self.remove_button = QPushButton(self.tr("删除收入"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _add_clicked(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, 1)
        box = self.amount_box(row)
        box.setFocus()
        box.selectAll()
        self.changed.emit()

    def add_row(self, kind: str = "wage", monthly: float = 0.0) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = code_combo(vocab.INCOME_KINDS, kind)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        box = money_box(monthly)
        box.valueChanged.connect(lambda _v: self.changed.emit())
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, box)
        return row

    def kind_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, QComboBox)
        return widget

    def amount_box(self, row: int) -> QDoubleSpinBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QDoubleSpinBox)
        return widget

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_incomes(self, incomes: list[Income]) -> None:
        """Show ``incomes`` (emits nothing)."""
        self.blockSignals(True)
        self.table.setRowCount(0)
        for income in incomes:
            self.add_row(income.kind, income.monthly)
        self.blockSignals(False)

    def incomes(self) -> list[Income]:
        return [Income(str(self.kind_combo(r).currentData()), round(self.amount_box(r).value(), 2))
                for r in range(self.table.rowCount())]
