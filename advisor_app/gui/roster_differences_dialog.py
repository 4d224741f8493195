"""家庭 ▸ 名册差异…: what a roster import found that differs from what the advisor recorded.

Each row names the household (head and village), the member, the field in the advisor's words, the
value recorded (现有值) beside the roster's (名册值) and the roster's file
(:func:`advisor_app.services.roster_differences.list_differences`). 接受 writes the roster's value
through the ordinary save (validation, audit log); 保留现有 keeps the recorded one (the same roster
value is not listed again). Both run on the worker and announce the household as changed, so the
list and an editor showing it refresh; the dialog then reads the differences again. In the style
of the sync conflicts dialog (:mod:`.conflicts_dialog`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import roster_differences
from advisor_app.services.changes import Changes
from advisor_app.services.roster_differences import Answered, DifferenceView

from .household_table_model import household_label
from .operations import Operations
from .values_table import values_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HOUSEHOLD, MEMBER, FIELD, EXISTING, ROSTER, SOURCE = range(6)


class RosterDifferencesDialog(QDialog):
    """The pending differences; ``count_changed(n)`` after each reading."""

    count_changed = Signal(int)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.rows: list[DifferenceView] = []
        self.setWindowTitle(self.tr("名册差异"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = values_table([self.tr("家庭"), self.tr("成员"), self.tr("项目"), self.tr("现有值"),
                                   self.tr("名册值"), self.tr("来源文件")], stretched=(EXISTING, ROSTER))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = QPushButton(self.tr("接受"))
        self.accept_button.setToolTip(self.tr("这一项改用名册的值（保存并记入审计记录）"))
        self.keep_button = QPushButton(self.tr("保留现有"))
        self.keep_button.setToolTip(self.tr("这一项保留现在登记的值；同一名册再次导入时不再列出"))
        self.accept_button.clicked.connect(lambda: self.answer_selected(roster_differences.ACCEPT))
        self.keep_button.clicked.connect(lambda: self.answer_selected(roster_differences.REJECT))
        choices = QHBoxLayout()
        choices.addWidget(self.accept_button)
        choices.addWidget(self.keep_button)
        choices.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(close)
        self.resize(900, 420)
        self._busy = False
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.operations.query(roster_differences.list_differences, self.show_rows)

    def show_rows(self, rows: list[DifferenceView]) -> None:
        selected = self.selected()
        keep = selected.id if selected is not None else None
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            cells = (household_label(r.head_name, r.village), r.member_name or self.tr("（家庭）"), r.field_words,
                     r.existing_words, r.roster_words, r.source)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, r.id)
                if column in (EXISTING, ROSTER):
                    item.setToolTip(text)
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()
        if rows:
            self.summary.setText(self.tr("导入名册时有 %1 处与现在登记的不同。现有的值没有被改动："
                                         "请逐条选择接受名册的值，或保留现有的值。").replace("%1", str(len(rows))))
        else:
            self.summary.setText(self.tr("没有待处理的名册差异。"))
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.count_changed.emit(len(rows))

    def selected(self) -> DifferenceView | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(ID_ROLE)
        return next((r for r in self.rows if r.id == wanted), None)

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None and not self._busy and not self.operations.profile.read_only
        self.accept_button.setEnabled(enabled)
        self.keep_button.setEnabled(enabled)

    def answer_selected(self, choice: str) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        difference_id = row.id
        answer = roster_differences.accept if choice == roster_differences.ACCEPT else roster_differences.reject

        def done(_result: Answered) -> None:
            self._busy = False
            self.reload()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.reload()
            self.summary.setText(str(exc))

        self.operations.write(lambda p: answer(p, difference_id), done,
                              changed=lambda r: Changes.of_households([r.household_id]), on_error=failed)
