"""设置 ▸ 档案设置…: the profile's region, villages, advisor's name and the notices' 监督电话.

The same fields as the first start's own-profile page (:mod:`.first_start`), checked the same way:
保存 (or Ctrl+S) with something missing names it on the red line and keeps the dialog open. The
监督电话 may stay blank (the notice dialog asks for it then); one typed must be a number a notice
can print. Saving runs :func:`advisor_app.services.profile_settings.update_profile_details` on the
window's worker; a refusal shows in the same red line. ``saved`` (the new
:class:`~advisor_app.services.profile_settings.ProfileInfo`) fires once it is stored.

On a demo profile only the advisor's name and the 监督电话 can be changed (the region and village
fields are shown read-only, with a note): a demo never becomes the advisor's own profile.

自动锁定: the minutes without input before the windows lock (:mod:`.auto_lock`), 1 to 60, kept in
the app's settings when 保存 succeeds. There is no 从不: the advisor's own profile always locks
(the records hold ID numbers and illnesses). On a demo profile the field is disabled: it never locks.

Esc, 取消 or the window's close button with something changed asks before throwing it away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services.changes import Changes
from advisor_app.services.documents import complaint_phone_problem
from advisor_app.services.profile_settings import ProfileInfo, update_profile_details

from . import language
from . import settings as gui_settings
from .auto_lock import MAX_MINUTES, MIN_MINUTES
from .confirm import may_discard
from .operations import Operations
from .profile_fields import ProfileFields


class ProfileDialog(QDialog):
    saved = Signal(object)  # the ProfileInfo stored

    def __init__(self, operations: Operations, info: ProfileInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_dialog")
        self.setWindowTitle(self.tr("档案设置"))
        self.operations = operations
        self.info = info
        self._saving = False
        self.fields = ProfileFields(operations.profile, info, self)
        self.region, self.villages, self.advisor = self.fields.region, self.fields.villages, self.fields.advisor
        self.phone = QLineEdit(info.phone)
        self.phone.setPlaceholderText(self.tr("如 0551-12345678，打印公示名单时自动填入"))
        self.note = QLabel(self.tr("新登记的家庭默认使用这里的地区和第一个村（社区）；"
                                   "新的走访记录默认由您（救助顾问）调查。"))
        self.note.setWordWrap(True)
        if info.is_demo:
            self.note.setText(self.tr("这是演示档案：可以更改救助顾问姓名和监督电话，地区和村（社区）"
                                      "只能在您自己的档案中设置。"))
            self.region.setEnabled(False)
            self.villages.setReadOnly(True)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lock_minutes")
        self.lock_minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.lock_minutes.setSuffix(self.tr(" 分钟无操作后"))
        self.lock_minutes.setValue(gui_settings.settings.lock_minutes)
        self.lock_minutes.setToolTip(self.tr("离开电脑时，程序在这么长时间没有键盘和鼠标操作后遮住所有窗口，输入口令才能继续"))
        if info.is_demo:
            self.lock_minutes.setEnabled(False)
            self.lock_minutes.setToolTip(self.tr("演示档案不自动锁定"))
        self.problem = QLabel()
        self.problem.setObjectName("profile_problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        self.fields.add_rows(form)
        form.addRow(self.tr("监督电话"), self.phone)
        form.addRow(self.tr("自动锁定"), self.lock_minutes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 64)
        self._initial = self._typed()
        self._initial_minutes = self.lock_minutes.value()
        self.advisor.setFocus()

    # --- what was typed ---

    def region_code(self) -> str:
        return self.fields.region_code()

    def village_names(self) -> tuple[str, ...]:
        return self.fields.village_names()

    def advisor_name(self) -> str:
        return self.fields.advisor_name()

    def phone_number(self) -> str:
        return self.phone.text().strip()

    def _typed(self) -> tuple[str, tuple[str, ...], str, str]:
        return self.region_code(), self.village_names(), self.advisor_name(), self.phone_number()

    def changed(self) -> bool:
        return self._typed() != self._initial or self.lock_minutes.value() != self._initial_minutes

    def missing(self) -> str:
        """What keeps the settings from being saved, as the first start says it ("" when nothing)."""
        missing = self.fields.missing(place=not self.info.is_demo)
        if missing:
            return missing
        phone = self.phone_number()
        problem = complaint_phone_problem(phone, language.current()) if phone else None
        if problem:
            self.phone.setFocus()
            return problem
        return ""

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- saving ---

    def save(self) -> None:
        """保存 (Ctrl+S): checked here, then stored on the worker; the dialog closes once stored."""
        if self._saving:
            return
        missing = self.missing()
        self._show_problem(missing)
        if missing:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        region, villages, advisor, phone = self._typed()
        if self.info.is_demo:  # what the fields show: the demo's own, unchanged
            region, villages = self.info.region, self.info.villages
        # no household, visit or result changes: the window reads the settings again on ``saved``
        self.operations.write(
            lambda p: update_profile_details(p, region=region, villages=villages, advisor=advisor, phone=phone),
            self._saved, changed=Changes(), on_error=self._refused)

    def _saved(self, info: ProfileInfo) -> None:
        self._saving = False
        self._initial = self._typed()
        if self.lock_minutes.isEnabled():
            gui_settings.settings.lock_minutes = self.lock_minutes.value()
        self._initial_minutes = self.lock_minutes.value()
        self.saved.emit(info)
        self.accept()

    def _refused(self, exc: DomainError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._show_problem(str(exc))

    def reject(self) -> None:  # Esc, 取消 and the window's close button
        """Changed settings are asked about before they are thrown away."""
        if self._saving:
            return
        if self.changed() and not may_discard(self, self.tr("档案设置"),
                                              self.tr("不保存档案设置，放弃已填写的内容吗？")):
            return
        super().reject()
