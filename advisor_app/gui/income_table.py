"""A member's incomes by kind: one row per income (kind + monthly amount in yuan), add and remove."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHeaderView, QWidget

from advisor_app.domain.household import Income

from . import language
from .rows_table import RowsTable

MAX_MONTHLY = 10_000_000.0
NARROWEST_COMBO = 6  # characters a shrinking combo box keeps visible


def shrinkable(combo: QComboBox) -> QComboBox:
    """Let ``combo`` be narrower than its longest item (English words are long: a form must fit a
    1366 px screen beside the eligibility panel); its list still opens wide enough for every item,
    and the tooltip shows the chosen one in full."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(NARROWEST_COMBO)
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the scroll bar's room

    def show_tip(_index: int) -> None:
        combo.setToolTip(combo.currentText())

    combo.currentIndexChanged.connect(show_tip)
    show_tip(combo.currentIndex())
    return combo


def code_combo(kind: str, current: str | None = None) -> QComboBox:
    """A combo box of the closed vocabulary ``kind`` (domain.vocab): its words in the interface
    language shown, the codes as item data."""
    combo = QComboBox()
    for code, label in language.labels(kind).items():
        combo.addItem(label, code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return shrinkable(combo)


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
        combo = code_combo("income_kind", kind)
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
