"""The passphrase of an encrypted profile: set it (twice, with the warning that it cannot be
recovered), type it to unlock.

* :class:`NewPassphraseFields` — the two fields and the warning, for the first start's own-profile
  page and for encrypting a profile written before encryption (:class:`EncryptDialog`).
* :class:`UnlockDialog` — at start (and when the window was locked): the passphrase, tried by the
  caller's ``attempt`` (which raises :class:`DomainError` when it does not open the profile). After a
  wrong one the 解锁 button waits 1 s, then 2, 4 … up to 30 s: guessing is slow, typing it right once
  is not. A wrong passphrase changes nothing. With ``recover`` (the folder has a recovery key) a
  button 忘记口令？用恢复密钥 opens the profile that way instead (:class:`.security_dialogs.RecoverDialog`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services.passphrase import MIN_PASSPHRASE

T = TypeVar("T")
MAX_DELAY_S = 30


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class NewPassphraseFields(QWidget):
    """口令 and 再输入一次, with what the advisor must know before choosing one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field(self.tr("至少 %1 个字符，可以是一句好记的话").replace("%1", str(MIN_PASSPHRASE)))
        self.second = password_field()
        warning = QLabel(self.tr("档案用这个口令加密：笔记本丢失时别人读不到家庭信息。忘记口令就无法找回档案，"
                                 "任何人（包括技术人员）都不能恢复，请记在安全的地方。"))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8d4b00;")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("设置口令"), self.first)
        form.addRow(self.tr("再输入一次"), self.second)
        form.addRow(warning)

    def problem(self) -> str:
        """What is wrong with what was typed ("" when it can be used)."""
        if len(self.first.text()) < MIN_PASSPHRASE:
            return self.tr("口令太短：至少 %1 个字符").replace("%1", str(MIN_PASSPHRASE))
        if self.first.text() != self.second.text():
            return self.tr("两次输入的口令不一样")
        return ""

    def passphrase(self) -> str:
        return self.first.text()


class EncryptDialog(QDialog):
    """A profile written before encryption: set a passphrase to encrypt it (and its backups)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("给档案设置口令"))
        intro = QLabel(self.tr("这个档案是旧版本保存的，还没有加密。设置口令后，档案和它的备份都会加密，"
                               "未加密的原文件会被删除。"))
        intro.setWordWrap(True)
        self.fields = NewPassphraseFields(self)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("加密档案"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(520, 260)

    def _accept(self) -> None:
        problem = self.fields.problem()
        self.problem_label.setText(problem)
        if not problem:
            self.accept()


class UnlockDialog(QDialog):
    """Type the passphrase; ``attempt(passphrase)`` opens the profile (the result is :attr:`result_value`)."""

    def __init__(self, attempt: Callable[[str], object], title: str, parent: QWidget | None = None,
                 recover: Callable[[QWidget], object | None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._attempt = attempt
        self._recover = recover
        self.result_value: object = None
        self.failures = 0
        self.field = password_field()
        self.message = QLabel(self.tr("这个档案已加密，请输入口令。"))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.quit_button = buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button = buttons.addButton(self.tr("忘记口令？用恢复密钥"), QDialogButtonBox.ButtonRole.ActionRole)
        self.recover_button.setVisible(recover is not None)
        self.recover_button.clicked.connect(self._use_recovery_key)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ready)
        form = QFormLayout()
        form.addRow(self.tr("口令"), self.field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def delay_s(self) -> int:
        """How long 解锁 waits after the latest wrong passphrase."""
        return min(MAX_DELAY_S, 2 ** (self.failures - 1)) if self.failures else 0

    def _try(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        try:
            self.result_value = self._attempt(self.field.text())
        except DomainError as exc:
            self.failures += 1
            self.field.clear()
            wait = self.delay_s()
            self.message.setText(str(exc) + self.tr("（%1 秒后可以再试）").replace("%1", str(wait)))
            self.message.setStyleSheet("color: #c62828;")
            self.unlock_button.setEnabled(False)
            self._timer.start(wait * 1000)
            return
        self.accept()

    def _use_recovery_key(self) -> None:
        opened = self._recover(self) if self._recover is not None else None
        if opened is not None:
            self.result_value = opened
            self.accept()

    def _ready(self) -> None:
        self.unlock_button.setEnabled(True)
        self.field.setFocus()


def unlock(attempt: Callable[[str], T], title: str, parent: QWidget | None = None,
           recover: Callable[[QWidget], T | None] | None = None) -> T | None:
    """Ask until ``attempt`` (or ``recover``, the recovery key's way) succeeds (its result) or the
    advisor quits (None)."""
    dialog = UnlockDialog(attempt, title, parent, recover)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value  # type: ignore[return-value]
