"""家庭 ▸ 数据冲突…: the open conflicts, both values side by side, resolved with a click.

A conflict is one field that this profile and the other side (the office, or an advisor at the
office) both changed to different values, or a record deleted on one side and edited on the other
(docs/sync.md). Each row names the household (head and village), the record (家庭, 家庭成员 张三,
走访 2024-03-01, 需求：…), the field in the advisor's words and the two values — 本机的 beside
对方的, with who the other side is (:mod:`advisor_app.services.conflicts_view`).

保留本机的 / 采用对方的 resolve the selected conflict on the worker
(:func:`~advisor_app.services.conflicts_view.resolve`); the write announces the household as
changed, so the list and an editor showing it refresh, and the dialog reads the conflicts again.
A record with several conflicting fields is written once each has a choice: until then its other
rows stay, the chosen one marked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
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

from advisor_app.services import conflicts_view
from advisor_app.services.changes import Changes
from advisor_app.services.conflicts_view import MINE, THEIRS, ConflictRow, Resolved

from . import language
from .household_table_model import household_label
from .operations import Operations
from .values_table import values_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HOUSEHOLD, RECORD, FIELD, MINE_COLUMN, THEIRS_COLUMN, PEER = range(6)


class ConflictsDialog(QDialog):
    """The open conflicts; ``count_changed(n)`` after each reading (the window's badge follows)."""

    count_changed = Signal(int)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.rows: list[ConflictRow] = []
        self.setWindowTitle(self.tr("数据冲突"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # (Sizing every column to its contents after each reading would undo the values' stretch.)
        self.table = values_table([self.tr("家庭"), self.tr("记录"), self.tr("项目"), self.tr("本机的"),
                                   self.tr("对方的"), self.tr("对方")], stretched=(MINE_COLUMN, THEIRS_COLUMN))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.keep_mine = QPushButton(self.tr("保留本机的"))
        self.keep_mine.setToolTip(self.tr("这一项用本机的值，对方收到下一个数据包后也改成这个值"))
        self.take_theirs = QPushButton(self.tr("采用对方的"))
        self.take_theirs.setToolTip(self.tr("这一项改用对方的值"))
        self.keep_mine.clicked.connect(lambda: self.resolve_selected(MINE))
        self.take_theirs.clicked.connect(lambda: self.resolve_selected(THEIRS))
        choices = QHBoxLayout()
        choices.addWidget(self.keep_mine)
        choices.addWidget(self.take_theirs)
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
        self.operations.query(conflicts_view.open_conflicts, self.show_rows)

    def show_rows(self, rows: list[ConflictRow]) -> None:
        selected = self.selected()
        keep = selected.id if selected is not None else None
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            peer = r.peer_name or self.tr("对方")
            cells = (household_label(r.head_name, r.village), language.text(r.record), language.text(r.field),
                     language.text(r.mine), language.text(r.theirs), peer)
            items = [QTableWidgetItem(text) for text in cells]
            for column, item in enumerate(items):
                item.setData(ID_ROLE, r.id)
                if column in (MINE_COLUMN, THEIRS_COLUMN):
                    item.setToolTip(item.text())
                if r.chosen is not None:
                    item.setForeground(QColor(120, 120, 120))
                self.table.setItem(n, column, item)
            if r.chosen is not None:
                chosen = items[MINE_COLUMN if r.chosen == MINE else THEIRS_COLUMN]
                chosen.setText(self.tr("✓ %1").replace("%1", chosen.text()))
        self.table.resizeRowsToContents()
        if rows:
            self.summary.setText(self.tr("有 %1 处数据冲突：同一项在本机和对方都改过，值不一样。"
                                         "请逐条选择保留哪一边的值。").replace("%1", str(len(rows))))
        else:
            self.summary.setText(self.tr("没有数据冲突。"))
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.count_changed.emit(len(rows))

    def selected(self) -> ConflictRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(ID_ROLE)
        return next((r for r in self.rows if r.id == wanted), None)

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None and not self._busy and not self.operations.profile.read_only
        self.keep_mine.setEnabled(enabled)
        self.take_theirs.setEnabled(enabled)

    def resolve_selected(self, keep: str) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        conflict_id = row.id

        def done(_result: Resolved) -> None:
            self._busy = False
            self.reload()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.reload()
            self.summary.setText(str(exc))

        self.operations.write(lambda p: conflicts_view.resolve(p, conflict_id, keep), done,
                              changed=lambda r: Changes.of_households([r.household_id]), on_error=failed)
