"""同步 ▸ 救助顾问…, at the office: the enrolled advisors, what each sent and when, who has gone quiet.

One row per advisor (:func:`advisor_app.services.advisors_view.advisors`): name, villages,
fingerprint, the last bundle received (when, in local time, and its number), the bundles never
received (gaps), the households assigned and how many of them are 未发送 (changes the office has
not yet sent to the advisor) or 待确认 (sent, not yet acknowledged). Advisors who have sent nothing
for N days (N = ``SILENT_DAYS`` unless changed in the view) are highlighted; revoked ones greyed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import advisors_view
from advisor_app.services.advisors_view import SILENT_DAYS, AdvisorRow, is_silent, silent_days

from .operations import Operations

SILENT_BACKGROUND = QColor(255, 228, 214)
REVOKED_FOREGROUND = QColor(150, 150, 150)
(NAME, VILLAGES, FINGERPRINT, LAST_AT, LAST_SEQUENCE, GAPS, HOUSEHOLDS, UNSENT, UNCONFIRMED,
 QUIET) = range(10)


class AdvisorsDialog(QDialog):
    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.rows: list[AdvisorRow] = []
        self.items: list[list[QTableWidgetItem]] = []  # per row, per column
        self.now: dt.datetime | None = None  # tests fix the time; None: the clock
        self.setWindowTitle(self.tr("救助顾问的数据包"))
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(SILENT_DAYS)
        self.days.setSuffix(self.tr(" 天"))
        self.days.valueChanged.connect(lambda _n: self._paint())
        self.silent_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("标出这么多天以上没有发来数据包的救助顾问：")))
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.silent_label)
        self.table = QTableWidget(0, 10)
        self.table.setHorizontalHeaderLabels([
            self.tr("救助顾问"), self.tr("负责的村（社区）"), self.tr("指纹"), self.tr("最近收到"),
            self.tr("数据包编号"), self.tr("缺少的数据包"), self.tr("家庭户数"), self.tr("未发送"),
            self.tr("待确认"), self.tr("距上次收到")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(1000, 380)
        self.reload()

    def reload(self) -> None:
        self.operations.query(advisors_view.advisors, self.show_rows)

    def show_rows(self, rows: list[AdvisorRow]) -> None:
        self.rows = rows
        self.items = []
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            name = r.name + (self.tr("（已停用）") if r.revoked else "")
            last = r.last_bundle_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.last_bundle_at else self.tr("从未收到")
            cells = (name, "、".join(r.villages), r.fingerprint or "—", last,
                     str(r.last_sequence) if r.last_sequence is not None else "",
                     "、".join(str(g) for g in r.gaps), str(r.households), str(r.unsent), str(r.unconfirmed), "")
            items = [QTableWidgetItem(text) for text in cells]
            for column, item in enumerate(items):
                self.table.setItem(n, column, item)
            self.items.append(items)
            if r.gaps:
                items[GAPS].setToolTip(
                    self.tr("这些编号的数据包没有导入；后来的数据包已包含它们的全部内容"))
        self.table.resizeColumnsToContents()
        self._paint()

    def silent(self, row: AdvisorRow) -> bool:
        return is_silent(row, self.days.value(), self.now)

    def _paint(self) -> None:
        """The highlight and the days column follow N."""
        quiet = 0
        for n, r in enumerate(self.rows):
            silent = self.silent(r)
            quiet += silent
            days = silent_days(r, self.now)
            self.items[n][QUIET].setText("" if r.revoked else self.tr("%1 天").replace("%1", str(days)))
            for column, item in enumerate(self.items[n]):
                item.setBackground(QBrush(SILENT_BACKGROUND) if silent else QBrush())
                item.setForeground(QBrush(REVOKED_FOREGROUND) if r.revoked else QBrush())
                if column != GAPS:
                    item.setToolTip(self.tr("已经 %1 天没有发来数据包").replace("%1", str(days)) if silent else "")
        self.silent_label.setText(self.tr("%1 名救助顾问 %2 天以上没有发来数据包").replace("%1", str(quiet))
                                  .replace("%2", str(self.days.value())) if quiet else "")
