"""The 需求清单 page of the 走访记录 dialog: every need found on the household's visits, its status,
and the history of the selected one (found on which visit, by whom; each change with day and who).

更改状态… (or Enter / double-click on a need) opens :class:`.need_status_dialog.NeedStatusDialog`;
the page itself only shows what :class:`~advisor_app.services.visits.VisitHistory` holds, and is
filled again by the dialog when the data changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.needs import NeedEntry

from . import language

FOUND, CATEGORY, DESCRIPTION, STATUS, LAST_CHANGE = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole


def read_only_table(headers: list[str], stretch: int) -> QTableWidget:
    """A table to look at: whole rows selected one at a time, nothing editable, no row numbers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows: show them whole
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
    return table


def fill_row(table: QTableWidget, row: int, values: list[str], record_id: str | None = None) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if record_id is not None:
            item.setData(ID_ROLE, record_id)
        table.setItem(row, column, item)


class NeedsList(QWidget):
    change_requested = Signal(str)  # the need's id: 更改状态…

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needs: list[NeedEntry] = []
        self.table = read_only_table([self.tr("发现日期"), self.tr("类别"), self.tr("需求描述"), self.tr("状态"),
                                      self.tr("最近变更")], DESCRIPTION)
        self.empty = QLabel(self.tr("这户家庭的走访还没有登记需求。"))
        self.change_button = QPushButton(self.tr("更改状态(&C)…"))
        self.change_button.setToolTip(self.tr("待办 → 已转介 → 已满足，记下日期和经办人"))
        self.history_label = QLabel(self.tr("状态变更记录"))
        self.history = read_only_table([self.tr("日期"), self.tr("状态"), self.tr("经办人"), self.tr("说明")], 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 2)
        self.table.itemSelectionChanged.connect(self._show_history)
        self.table.activated.connect(lambda _index: self._request_change())
        self.table.doubleClicked.connect(lambda _index: self._request_change())
        self.change_button.clicked.connect(self._request_change)

    def set_needs(self, needs: list[NeedEntry]) -> None:
        """Show ``needs`` (newest visit first), keeping the selected need selected."""
        keep = self.current_need_id()
        self._needs = list(needs)
        self.table.setRowCount(len(needs))
        for row, n in enumerate(needs):
            fill_row(self.table, row, [n.visit_date.isoformat(), language.label("need_category", n.category),
                                       n.description, language.label("need_status", n.status),
                                       n.last_changed.isoformat() if n.changes else ""], n.id)
        self.empty.setVisible(not needs)
        rows = [i for i, n in enumerate(needs) if n.id == keep] or ([0] if needs else [])
        if rows:
            self.table.selectRow(rows[0])
        self._show_history()

    def current_need(self) -> NeedEntry | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows()
        if selected:
            row = selected[0].row()
        return self._needs[row] if 0 <= row < len(self._needs) else None

    def current_need_id(self) -> str | None:
        need = self.current_need()
        return need.id if need else None

    def select_need(self, need_id: str) -> bool:
        for row, n in enumerate(self._needs):
            if n.id == need_id:
                self.table.selectRow(row)
                return True
        return False

    def history_rows(self, need: NeedEntry) -> list[list[str]]:
        """How the history of ``need`` reads: found on the visit, then each change (oldest first)."""
        first = need.changes[0].old_status if need.changes else need.status
        rows = [[need.visit_date.isoformat(),
                 self.tr("走访发现（%1）").replace("%1", language.label("need_status", first)),
                 "、".join(need.found_by), language.label("visit_type", need.visit_type)]]
        for c in need.changes:
            rows.append([c.on.isoformat(), language.label("need_status", c.old_status) + " → "
                                           + language.label("need_status", c.new_status),
                         c.by or self.tr("（未填写）"), c.note])
        return rows

    def _show_history(self) -> None:
        need = self.current_need()
        rows = self.history_rows(need) if need else []
        self.history.setRowCount(len(rows))
        for row, values in enumerate(rows):
            fill_row(self.history, row, values)
        self.change_button.setEnabled(need is not None)

    def _request_change(self) -> None:
        need = self.current_need()
        if need is not None:
            self.change_requested.emit(need.id)
