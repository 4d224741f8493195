"""Recording a visit: type, date, investigators, notes, the needs found, the next visit.

What is typed is never lost: ``AUTOSAVE_MS`` after the last change (and when the dialog closes
without saving) the visit is written to the ``drafts`` table through the background operations.
Saving the visit deletes the draft in the same transaction (``save_visit_and_discard_draft``).
Opening the dialog for a household with a draft restores it; after a crash the main window offers
the drafts at start-up (:mod:`.draft_restore`).

The visit is checked as it is typed with :func:`advisor_app.domain.validation.visit_problems` (the
rules the services use: 入户调查 needs two investigators, a need needs a description, the next visit
is not before this one …); each problem shows in red under its field, and 保存 is refused with the
same messages while there is one.

A new visit's 调查（走访）人员 starts with the advisor's name from the profile (``advisor=``, see
设置 ▸ 档案设置…); a restored draft keeps the names it was typed with.

Esc with something typed asks first: 保存, 放弃 (the typed visit and its draft are thrown away) or
取消 (back to typing); with nothing typed it just closes. 关闭 closes at once and keeps the draft.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advisor_app.domain import validation
from advisor_app.domain.errors import DomainError, Problem
from advisor_app.domain.household import Household, Visit
from advisor_app.services import drafts
from advisor_app.services.changes import Changes

from . import errors
from .assets_editor import from_qdate, to_qdate
from .income_table import code_combo
from .member_editor import problem_line
from .needs_table import DESCRIPTION, NeedsTable
from .operations import Operations

AUTOSAVE_MS = 3000


def split_names(text: str) -> list[str]:
    return [n for n in (part.strip() for part in re.split(r"[、,，;；\s]+", text)) if n]


class VisitDialog(QDialog):
    def __init__(self, operations: Operations, household: Household, parent: QWidget | None = None, *,
                 draft: Visit | None = None, advisor: str = "") -> None:
        super().__init__(parent)
        self.operations = operations
        self.household = household
        self.household_id = household.id or ""
        self._loading = False
        self._dirty = False
        self._quiet = draft is None  # a new, untouched visit: no red lines until something is typed
        self._saved = False
        self._saving = False
        self._visit_id: str | None = None
        self._version = 0
        self._written = ""  # the payload of the last draft written
        self.setWindowTitle(self.tr("记录走访 — %1").replace("%1", household.head_name or "—"))
        self.resize(640, 620)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._build()
        if draft is not None:
            self.set_visit(draft)
            self._note_restored()
        else:
            advisor = advisor.strip()
            self.set_visit(Visit(type="investigation", date=dt.date.today(),
                                 investigators=[advisor] if advisor else []))
            self._look_for_draft()

    def _build(self) -> None:
        self.type = code_combo("visit_type", "investigation")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.investigators = QLineEdit()
        self.investigators.setPlaceholderText(self.tr("姓名之间用顿号或逗号隔开，如：王芳、李强"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("入户所见、家庭陈述的情况"))
        self.notes.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere else
        self.needs = NeedsTable()
        self.has_next = QCheckBox(self.tr("约定下次走访"))
        self.next_visit = QDateEdit()
        self.next_visit.setCalendarPopup(True)
        self.next_visit.setDisplayFormat("yyyy-MM-dd")
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("下一步要做的事，如：转介慈善资源、协助申请低保"))
        self.banner = QLabel()
        self.banner.setStyleSheet("color: #1565c0;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.draft_state = QLabel()
        self.draft_state.setStyleSheet("color: #777;")
        # Problems (domain.validation) under their fields; the needs' ones are below the needs table.
        self.lines = {key: problem_line() for key in ("type", "investigators", "next_visit", "other")}

        form = QFormLayout()
        form.addRow(self.tr("走访类型"), self.type)
        form.addRow("", self.lines["type"])
        form.addRow(self.tr("走访日期"), self.date)
        form.addRow(self.tr("调查（走访）人员"), self.investigators)
        form.addRow("", self.lines["investigators"])
        form.addRow(self.tr("情况记录"), self.notes)
        next_row = QHBoxLayout()
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_visit)
        next_row.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.discard_button = self.buttons.addButton(self.tr("放弃草稿"),
                                                     QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard_button.setToolTip(self.tr("不保存这次走访，并删除自动保存的草稿"))
        self.discard_button.hide()
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)  # Ctrl+S, as in the editor
        self.cancel_button.clicked.connect(self.reject)
        self.discard_button.clicked.connect(self.discard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("发现的需求（资金、实物、服务）")))
        layout.addWidget(self.needs)
        layout.addLayout(next_row)
        layout.addWidget(self.lines["next_visit"])
        follow = QFormLayout()
        follow.addRow(self.tr("后续跟进"), self.follow_up)
        layout.addLayout(follow)
        layout.addWidget(self.lines["other"])
        bottom = QHBoxLayout()
        bottom.addWidget(self.draft_state, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.type.currentIndexChanged.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        self.investigators.textChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.needs.changed.connect(self._changed)
        self.has_next.toggled.connect(self._next_toggled)
        self.next_visit.dateChanged.connect(self._changed)
        self.follow_up.textChanged.connect(self._changed)

    # --- the visit ---

    def set_visit(self, v: Visit) -> None:
        self._loading = True
        self._visit_id, self._version = v.id, v.version
        self.type.setCurrentIndex(max(0, self.type.findData(v.type)))
        self.date.setDate(to_qdate(v.date))
        self.investigators.setText("、".join(v.investigators))
        self.notes.setPlainText(v.notes)
        self.needs.set_needs(v.needs)
        self.has_next.setChecked(v.next_visit is not None)
        self.next_visit.setDate(to_qdate(v.next_visit or v.date + dt.timedelta(days=30)))
        self.next_visit.setEnabled(v.next_visit is not None)
        self.follow_up.setText(v.follow_up)
        self._loading = False
        self.show_problems()

    def visit(self) -> Visit:
        return Visit(type=str(self.type.currentData()), date=from_qdate(self.date.date()),
                     investigators=split_names(self.investigators.text()),
                     notes=self.notes.toPlainText().strip(), needs=self.needs.needs(),
                     next_visit=from_qdate(self.next_visit.date()) if self.has_next.isChecked() else None,
                     follow_up=self.follow_up.text().strip(), id=self._visit_id, version=self._version)

    def problems(self) -> list[Problem]:
        return validation.visit_problems(self.visit())

    def show_problems(self) -> list[Problem]:
        """Show the visit's problems under their fields (and the needs' below the table); returns them.
        Nothing is shown on a new visit before anything is typed (or 保存 is pressed)."""
        problems = self.problems()
        by_line: dict[str, list[str]] = {key: [] for key in self.lines}
        cells: dict[tuple[int, int], str] = {}
        for p in [] if self._quiet else problems:
            if p.under("needs") and len(p.path) > 1 and isinstance(p.path[1], int):
                cells.setdefault((p.path[1], DESCRIPTION), p.message)
            else:
                by_line[p.field if p.field in by_line else "other"].append(p.message)
        for key, label in self.lines.items():
            label.setText("\n".join(by_line[key]))
            label.setVisible(bool(by_line[key]))
        self.needs.mark_problems(cells)
        return problems

    # --- saving ---

    def save(self) -> bool:
        if self._saving:
            return False
        self._quiet = False
        problems = self.show_problems()
        if problems:
            QMessageBox.warning(self, self.tr("无法保存走访记录"), "\n".join(p.message for p in problems))
            return False
        self._saving = True
        self._autosave.stop()
        self.save_button.setEnabled(False)
        household_id, visit = self.household_id, self.visit()
        self.operations.write(lambda p: drafts.save_visit_and_discard_draft(p, household_id, visit),
                              self._saved_ok, changed=Changes.of_visits([household_id], drafts=True),
                              on_error=self._save_failed)
        return True

    def _saved_ok(self, _visit: Visit) -> None:
        self._saving = False
        self._saved = True
        self._dirty = False
        self.accept()

    def _save_failed(self, exc: DomainError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        errors.show_error(self, exc, self.tr("无法保存走访记录"))

    # --- drafts ---

    def discard(self) -> None:
        """Close without saving and delete the draft (after asking)."""
        answer = QMessageBox.question(
            self, self.tr("放弃草稿"), self.tr("不保存这次走访记录，并删除它的草稿吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._throw_away()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escape()
            return
        super().keyPressEvent(event)

    def escape(self) -> None:
        """Esc: close; with something typed, only after asking (保存, 放弃 or 取消)."""
        if not self._dirty or self._saved:
            self.reject()
            return
        answer = QMessageBox.question(
            self, self.tr("走访记录还没有保存"), self.tr("这次走访记录还没有保存。保存，还是放弃已填写的内容？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
        elif answer == QMessageBox.StandardButton.Discard:
            self._throw_away()

    def _throw_away(self) -> None:
        """Close without saving, deleting the draft."""
        self._autosave.stop()
        self._saved = True  # nothing more to keep: no draft on close
        household_id = self.household_id
        self.operations.write(lambda p: drafts.discard_visit_draft(p, household_id), None,
                              changed=Changes(drafts=True))
        self.reject()

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._quiet = False
        self.show_problems()
        if self._saved or self._saving:
            return
        self._dirty = True
        self.discard_button.show()
        self.draft_state.setText(self.tr("有未保存的内容"))
        self._autosave.start()

    def _next_toggled(self, checked: bool) -> None:
        self.next_visit.setEnabled(checked)
        self._changed()

    def save_draft(self) -> None:
        """Write the draft now (off the GUI thread); nothing when untouched, saving or saved."""
        self._autosave.stop()
        if not self._dirty or self._saved or self._saving or not self.household_id:
            return
        payload = drafts.visit_payload(self.household_id, self.visit(), head_name=self.household.head_name)
        if payload == self._written:
            return  # the stored draft is already this
        self._written = payload
        household_id = self.household_id
        text = self.tr("草稿已自动保存（%1）").replace("%1", dt.datetime.now().strftime("%H:%M:%S"))
        label = self.draft_state

        def done(_draft_id: str) -> None:
            if isValid(label):  # the dialog may be gone; the draft is stored all the same
                label.setText(text)

        self.operations.write(lambda p: drafts.save_draft(p, drafts.VISIT, household_id, payload), done,
                              changed=Changes(drafts=True))

    def _look_for_draft(self) -> None:
        if not self.household_id:
            return
        household_id = self.household_id

        def found(draft: drafts.Draft | None) -> None:
            if draft is None or not isValid(self) or self._dirty or self._saved:
                return
            try:
                _hid, _head, visit = drafts.visit_from_payload(draft.payload)
            except DomainError:
                return
            self.set_visit(visit)
            self._dirty = True  # the draft is kept until the visit is saved
            self._note_restored()

        self.operations.query(lambda p: drafts.find_visit_draft(p, household_id), found)

    def _note_restored(self) -> None:
        self._dirty = True
        self._quiet = False
        self.show_problems()
        self.discard_button.show()
        self.banner.setText(self.tr("已恢复上次未保存的走访记录草稿。保存后草稿自动删除。"))
        self.banner.show()

    def done(self, result: int) -> None:  # accept, reject, Esc
        if not self._saved:
            self.save_draft()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._saved:
            self.save_draft()
        super().closeEvent(event)
