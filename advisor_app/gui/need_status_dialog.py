"""Changing a need's status (待办 → 已转介 → 已满足, or back): the new status, the day, who, a note.

The new status proposed is the next one in the usual order (待办 → 已转介 → 已满足; an 已满足 need is
proposed 待办 again, for a need that came back). 经办人 starts with the profile's advisor name when
the profile has one (``advisor``), and can be typed over. The change is checked as it is typed with
:func:`advisor_app.domain.needs.status_change_problems` (the services' rule), problems in red under
the form; 保存 (Ctrl+S) writes it through the background operations. Esc or 取消 after typing asks
before the typed text is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advisor_app.domain import needs as need_rules
from advisor_app.domain import vocab
from advisor_app.domain.errors import DomainError, Problem
from advisor_app.domain.needs import NeedEntry, NeedStatusChange
from advisor_app.services import visits
from advisor_app.services.changes import Changes

from . import errors, language
from .assets_editor import from_qdate, to_qdate
from .income_table import code_combo
from .member_editor import problem_line
from .operations import Operations

ORDER = list(vocab.NEED_STATUSES)  # open, referred, fulfilled


def proposed_status(current: str) -> str:
    """The status a change most likely goes to: the next one, and 待办 again after 已满足."""
    index = ORDER.index(current) if current in ORDER else -1
    return ORDER[(index + 1) % len(ORDER)]


class NeedStatusDialog(QDialog):
    def __init__(self, operations: Operations, household_id: str, need: NeedEntry, advisor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.household_id = household_id
        self.need = need
        self.advisor = advisor
        self._saving = False
        self.saved_change: NeedStatusChange | None = None
        self.setWindowTitle(self.tr("更改需求状态"))
        self.setMinimumWidth(460)
        current = language.label("need_status", need.status)
        self.what = QLabel(self.tr("%1（%2发现，现为“%3”）").replace("%1", need.label)
                           .replace("%2", need.visit_date.isoformat()).replace("%3", current))
        self.what.setWordWrap(True)
        self.status = code_combo("need_status", proposed_status(need.status))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(to_qdate(dt.date.today()))
        self.by = QLineEdit(advisor)
        self.by.setPlaceholderText(self.tr("办理人姓名"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：已转介县慈善会；轮椅已送到"))
        self.problem = problem_line()
        form = QFormLayout()
        form.addRow(self.tr("新状态"), self.status)
        form.addRow(self.tr("变更日期"), self.date)
        form.addRow(self.tr("经办人"), self.by)
        form.addRow(self.tr("说明"), self.note)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self.show_problems)
        self.date.dateChanged.connect(self.show_problems)
        self.by.textChanged.connect(self.show_problems)
        self.note.textChanged.connect(self.show_problems)
        self.show_problems()
        self.status.setFocus()

    def change(self) -> tuple[str, dt.date, str, str]:
        """(new status, day, who, note) as typed."""
        return (str(self.status.currentData()), from_qdate(self.date.date()), self.by.text().strip(),
                self.note.text().strip())

    def problems(self) -> list[Problem]:
        return need_rules.status_change_problems(self.need, *self.change())

    def show_problems(self, *_args: object) -> list[Problem]:
        problems = self.problems()
        self.problem.setText("\n".join(p.message for p in problems))
        self.problem.setVisible(bool(problems))
        return problems

    def save(self) -> bool:
        if self._saving:
            return False
        problems = self.show_problems()
        if problems:
            QMessageBox.warning(self, self.tr("无法更改需求状态"), "\n".join(p.message for p in problems))
            return False
        self._saving = True
        self.save_button.setEnabled(False)
        status, on, by, note = self.change()
        need_id = self.need.id
        self.operations.write(lambda p: visits.change_need_status(p, need_id, status, on=on, by=by, note=note),
                              self._saved_ok, changed=Changes.of_visits([self.household_id]),
                              on_error=self._save_failed)
        return True

    def _saved_ok(self, change: NeedStatusChange) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.saved_change = change
        self.accept()

    def _save_failed(self, exc: DomainError) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        errors.show_error(self, exc, self.tr("无法更改需求状态"))

    def reject(self) -> None:  # 取消, Esc, the window's close button
        typed = self.note.text().strip() or self.by.text().strip() != self.advisor.strip()
        if typed and not self._saving:
            answer = QMessageBox.question(
                self, self.tr("更改需求状态"), self.tr("放弃已填写的内容吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
