"""A member's incomes by kind: one row per income (kind + monthly amount in yuan), add and remove."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHeaderView, QWidget

from advisor_app.domain import vocab
from advisor_app.domain.household import Income

from .rows_table import RowsTable

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


class IncomeTable(RowsTable):
    KIND, AMOUNT = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("收入类别"), self.tr("月收入（元）")], stretch_column=self.KIND,
                         edit_column=self.AMOUNT, add_text=self.tr("添加收入"), remove_text=self.tr("删除收入"),
                         parent=parent)
        self.table.horizontalHeader().setSectionResizeMode(self.AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)

    def add_blank_row(self) -> int:
        return self.add_row()

    def add_row(self, kind: str = "wage", monthly: float = 0.0) -> int:
        combo = code_combo(vocab.INCOME_KINDS, kind)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        box = money_box(monthly)
        box.valueChanged.connect(lambda _v: self.changed.emit())
        return self.append_row({self.KIND: combo, self.AMOUNT: box})

    def kind_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, self.KIND, QComboBox)

    def amount_box(self, row: int) -> QDoubleSpinBox:
        return self.cell_widget(row, self.AMOUNT, QDoubleSpinBox)

    def set_incomes(self, incomes: list[Income]) -> None:
        """Show ``incomes`` (emits nothing)."""
        self.replace_rows(incomes, lambda income: self.add_row(income.kind, income.monthly))

    def incomes(self) -> list[Income]:
        return [Income(str(self.kind_combo(r).currentData()), round(self.amount_box(r).value(), 2))
                for r in range(self.table.rowCount())]
