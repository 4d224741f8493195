"""The needs found on a visit (需求台账 rows): category 资金/实物/服务, description, status."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import vocab
from advisor_app.domain.household import Need

from .income_table import code_combo

CATEGORY, DESCRIPTION, STATUS = range(3)


class NeedsTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str | None] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("需求描述"), self.tr("状态")])
        self.table.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("添加需求"))
        self.remove_button = QPushButton(self.tr("删除需求"))
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

    def combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def add_row(self, need: Need | None = None) -> int:
        need = need or Need("service", "")
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        category = code_combo(vocab.NEED_CATEGORIES, need.category)
        status = code_combo(vocab.NEED_STATUSES, need.status)
        category.currentIndexChanged.connect(lambda _i: self.changed.emit())
        status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, CATEGORY, category)
        self.table.setItem(row, DESCRIPTION, QTableWidgetItem(need.description))
        self.table.setCellWidget(row, STATUS, status)
        self._ids.append(need.id)
        self.table.blockSignals(False)
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, DESCRIPTION)
        self.table.editItem(self.table.item(row, DESCRIPTION))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]
            self.changed.emit()

    def set_needs(self, needs: list[Need]) -> None:
        """Show ``needs`` (emits nothing)."""
        self.blockSignals(True)
        self.table.setRowCount(0)
        self._ids = []
        for need in needs:
            self.add_row(need)
        self.blockSignals(False)

    def needs(self) -> list[Need]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, DESCRIPTION)
            out.append(Need(str(self.combo(r, CATEGORY).currentData()), item.text().strip() if item else "",
                            str(self.combo(r, STATUS).currentData()), self._ids[r]))
        return out
