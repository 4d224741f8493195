"""归档家庭: the confirmation and reason before a household is archived.

The advisor picks why (``vocab.ARCHIVE_REASONS``: 迁出, 重复登记, 死亡, 其他 with the reason in
words) and the day (today unless changed; not in the future). 归档 stays disabled until the reason
will do (:func:`advisor_app.services.households.archive_reason_problem`, the rule the service
applies). The dialog only asks: the main window archives (the service) when it is accepted.
Esc (and 取消) asks first when something was chosen or typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.household import Household
from advisor_app.services.households import archive_reason_problem

from . import language
from .assets_editor import from_qdate
from .confirm import may_discard
from .household_table_model import household_label
from .member_editor import problem_line


class ArchiveDialog(QDialog):
    def __init__(self, household: Household, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household = household
        self.setWindowTitle(self.tr("归档家庭"))
        label = household_label(household.head_name, household.village)
        self.heading = QLabel(self.tr("归档 %1（%2 人）").replace("%1", label)
                              .replace("%2", str(len(household.members))))
        self.heading.setStyleSheet("font-weight: bold;")
        explanation = QLabel(self.tr(
            "归档后，这户家庭不再出现在家庭列表、搜索、户数统计、批量筛查、公示名单和台账中；"
            "记录仍保存在数据库里（用于同步和核查），可以在列表的“已归档”中恢复。"))
        explanation.setWordWrap(True)

        self.reasons = QButtonGroup(self)
        reason_row = QHBoxLayout()
        self.reason_buttons: dict[str, QRadioButton] = {}
        for code, text in language.labels("archive_reason").items():
            button = QRadioButton(text)
            self.reasons.addButton(button)
            self.reason_buttons[str(code)] = button
            reason_row.addWidget(button)
            button.toggled.connect(self._update)
        reason_row.addStretch(1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("原因说明，如：迁往合肥市区（选“其他”时必填）"))
        self.note.textChanged.connect(self._update)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.problem = problem_line()

        form = QFormLayout()
        form.addRow(self.tr("归档原因"), reason_row)
        form.addRow(self.tr("原因说明"), self.note)
        form.addRow(self.tr("归档日期"), self.date)
        self.buttons = QDialogButtonBox()
        self.archive_button = self.buttons.addButton(self.tr("归档"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.archive_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        # Ctrl+S confirms, as it saves in every dialog (refused, like 归档, while a reason is missing)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.accept,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update()

    def reason(self) -> str | None:
        return next((code for code, button in self.reason_buttons.items() if button.isChecked()), None)

    def set_reason(self, code: str) -> None:
        self.reason_buttons[code].setChecked(True)

    def note_text(self) -> str:
        return self.note.text().strip()

    def archived_on(self) -> dt.date:
        return from_qdate(self.date.date())

    def _update(self, *_args: object) -> None:
        problem = archive_reason_problem(self.reason(), self.note.text())
        self.archive_button.setEnabled(problem is None)
        # Before anything is chosen, 归档 is simply disabled; afterwards say what is missing.
        shown = problem if problem and self.reason() is not None else ""
        self.problem.setText(shown)
        self.problem.setVisible(bool(shown))

    def accept(self) -> None:
        if archive_reason_problem(self.reason(), self.note.text()) is None:
            super().accept()

    def touched(self) -> bool:
        """Something was chosen or typed (Esc then asks before throwing it away)."""
        return self.reason() is not None or bool(self.note.text().strip())

    def reject(self) -> None:  # Esc, 取消 and the window's close button
        if self.touched() and not self._may_discard():
            return
        super().reject()

    def _may_discard(self) -> bool:
        return may_discard(self, self.tr("取消归档"), self.tr("不归档这户家庭，放弃已选择的原因和填写的说明吗？"))
