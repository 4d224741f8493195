"""The needs found on a visit (需求台账 rows): category 资金/实物/服务, description, status."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QTableWidgetItem, QWidget

from advisor_app.domain.household import Need

from .income_table import code_combo
from .rows_table import RowsTable

CATEGORY, DESCRIPTION, STATUS = range(3)


class NeedsTable(RowsTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("类别"), self.tr("需求描述"), self.tr("状态")], stretch_column=DESCRIPTION,
                         edit_column=DESCRIPTION, add_text=self.tr("添加需求"), remove_text=self.tr("删除需求"),
                         parent=parent)
        self._ids: list[str | None] = []  # the stored id of each row's need (None: new)

    def combo(self, row: int, column: int) -> QComboBox:
        return self.cell_widget(row, column, QComboBox)

    def add_blank_row(self) -> int:
        return self.add_row()

    def add_row(self, need: Need | None = None) -> int:
        need = need or Need("service", "")
        category = code_combo("need_category", need.category)
        status = code_combo("need_status", need.status)
        category.currentIndexChanged.connect(lambda _i: self.changed.emit())
        status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row = self.append_row({CATEGORY: category, DESCRIPTION: QTableWidgetItem(need.description),
                               STATUS: status})
        self._ids.append(need.id)
        return row

    def row_removed(self, row: int) -> None:
        del self._ids[row]

    def set_needs(self, needs: list[Need]) -> None:
        """Show ``needs`` (emits nothing)."""
        self.replace_rows(needs, self.add_row)

    def needs(self) -> list[Need]:
        return [Need(str(self.combo(r, CATEGORY).currentData()), self.text(r, DESCRIPTION),
                     str(self.combo(r, STATUS).currentData()), self._ids[r])
                for r in range(self.table.rowCount())]
