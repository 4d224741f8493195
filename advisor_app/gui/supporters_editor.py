"""Legal supporters living elsewhere (法定赡养/抚养/扶养义务人): name, relation, able or not, why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.household import Supporter

NAME, RELATION, ABLE, REASON = range(4)


class SupportersEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept: list[tuple[str, str]] = []  # id number and phone of each row (not edited here)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("与申请人关系"), self.tr("有无赡养能力"), self.tr("无能力的原因")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("添加赡养人"))
        self.remove_button = QPushButton(self.tr("删除赡养人"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_current)
        hint = QLabel(self.tr("不在本户居住的法定赡养、抚养、扶养义务人。无赡养能力时请写明原因"
                              "（如本人为低保对象且年满60岁、重度残疾等）。"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _add_clicked(self) -> None:
        row = self.add_row(Supporter(name="", able=True))
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.table.item(row, NAME))
        self.changed.emit()

    def add_row(self, s: Supporter) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(s.name))
        self.table.setItem(row, RELATION, QTableWidgetItem(s.relation))
        self.table.setItem(row, REASON, QTableWidgetItem(s.reason))
        able = QComboBox()
        able.addItem(self.tr("有能力"), True)
        able.addItem(self.tr("无能力"), False)
        able.setCurrentIndex(0 if s.able else 1)
        able.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, ABLE, able)
        self._kept.append((s.id_number, s.phone))
        self.table.blockSignals(False)
        return row

    def able_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, ABLE)
        assert isinstance(widget, QComboBox)
        return widget

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            del self._kept[row]
            self.changed.emit()

    def set_supporters(self, supporters: list[Supporter]) -> None:
        self.blockSignals(True)
        self.table.setRowCount(0)
        self._kept = []
        for s in supporters:
            self.add_row(s)
        self.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def supporters(self) -> list[Supporter]:
        return [Supporter(name=self._text(r, NAME), able=bool(self.able_combo(r).currentData()),
                          reason=self._text(r, REASON), relation=self._text(r, RELATION),
                          id_number=self._kept[r][0], phone=self._kept[r][1])
                for r in range(self.table.rowCount())]

    def problems(self) -> list[str]:
        return [self.tr("赡养人第%1行：请填写姓名").replace("%1", str(r + 1))
                for r in range(self.table.rowCount()) if not self._text(r, NAME)]
