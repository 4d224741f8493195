"""The passphrase and the recovery key in the desktop app (文件 menu, :mod:`.security_actions`).

* :class:`ChangePassphraseDialog` — 更改口令…: the current passphrase, the new one twice (the
  warning that a forgotten one cannot be recovered). The re-key of the database and every backup
  runs on the window's worker (:func:`advisor_app.services.passphrase.change_passphrase`) while the
  dialog shows a busy bar and the window stays responsive; a wrong current passphrase is said on the
  red line and nothing changes. ``changed`` fires once done (the profile is open on the new key).
* :class:`RecoveryKeyDialog` — 生成恢复密钥…: the current passphrase (a window left unlocked must not
  be enough to make a lasting key), then the key, shown this once, with 打印….
* :class:`RecoverDialog` — 忘记口令？用恢复密钥 in the unlock dialog at start: the recovery key and
  a new passphrase; ``attempt(code, passphrase)`` opens the profile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services import passphrase as keys
from advisor_app.services import recovery
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile, WrongPassphrase

from .operations import Operations
from .passphrase_dialogs import NewPassphraseFields, password_field


def _problem_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    return label


class ChangePassphraseDialog(QDialog):
    changed = Signal(int)  # backups re-keyed

    def __init__(self, operations: Operations, before: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_passphrase")
        self.setWindowTitle(self.tr("更改口令"))
        self.operations = operations
        self._before = before  # run on the worker before the re-key (the list's watch lets go of the file)
        self.current = password_field()
        self.fields = NewPassphraseFields(self)
        self.problem = _problem_label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy, no percentage: a re-key is one step per file
        self.busy.setFormat(self.tr("正在用新口令重新加密档案和备份…"))
        self.busy.hide()
        form = QFormLayout()
        form.addRow(self.tr("现在的口令"), self.current)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("更改口令"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.resize(520, 300)
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        problem = self.fields.problem() or (self.tr("请输入现在的口令") if not self.current.text() else "")
        self.problem.setText(problem)
        if problem:
            return
        old, new, before = self.current.text(), self.fields.passphrase(), self._before
        self._set_running(True)

        def job(profile: Profile) -> int:
            keys.check_passphrase(profile, old)  # nothing is let go of for a wrong one
            before()
            return keys.change_passphrase(profile, old, new)

        self.operations.write(job, self._done, changed=Changes(), on_error=self._refused)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.busy.setVisible(running)
        for widget in (self.ok_button, self.cancel_button, self.current, self.fields):
            widget.setEnabled(not running)

    def _done(self, backups: int) -> None:
        self._set_running(False)
        self.changed.emit(backups)
        self.accept()

    def _refused(self, exc: DomainError) -> None:
        self._set_running(False)
        self.current.clear()
        self.current.setFocus()
        self.problem.setText(self.tr("现在的口令不对，口令没有更改") if isinstance(exc, WrongPassphrase)
                             else str(exc))

    def reject(self) -> None:
        if not self.running:  # the re-key is not stopped half-way
            super().reject()


class RecoveryKeyDialog(QDialog):
    """The current passphrase, then the new recovery key, shown once."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key")
        self.setWindowTitle(self.tr("生成恢复密钥"))
        self.operations = operations
        self.pages = QStackedWidget()
        ask = QWidget()
        intro = QLabel(self.tr("恢复密钥是一串字母和数字：忘记口令时，用它可以打开档案并设置新口令。它只显示这一次，"
                               "请打印或抄下来，和电脑分开保管；拿到它的人不用口令就能打开档案。"))
        intro.setWordWrap(True)
        self.replaces = QLabel(self.tr("这个档案已经有恢复密钥：生成新的以后，原来那张就不能用了。"))
        self.replaces.setWordWrap(True)
        self.replaces.setStyleSheet("color: #8d4b00;")
        self.replaces.setVisible(recovery.has_recovery_key(operations.profile))
        self.passphrase = password_field()
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(self.tr("现在的口令"), self.passphrase)
        ask_layout = QVBoxLayout(ask)
        for widget in (intro, self.replaces):
            ask_layout.addWidget(widget)
        ask_layout.addLayout(form)
        ask_layout.addWidget(self.problem)
        ask_layout.addStretch(1)
        shown = QWidget()
        self.code = QLabel()
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setWordWrap(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(14)
        self.code.setFont(font)
        once = QLabel(self.tr("这是您的恢复密钥，只显示这一次，程序不保存它。请现在打印或抄下来（0 和 1 不会出现，"
                              "O 和 I 是字母），放在安全的地方。"))
        once.setWordWrap(True)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_code)
        shown_layout = QVBoxLayout(shown)
        shown_layout.addWidget(once)
        shown_layout.addWidget(self.code)
        shown_layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        shown_layout.addStretch(1)
        self.pages.addWidget(ask)
        self.pages.addWidget(shown)
        self.buttons = QDialogButtonBox()
        self.make_button = self.buttons.addButton(self.tr("生成"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_button.setDefault(True)
        self.close_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(560, 280)

    def make(self) -> None:
        if self.pages.currentIndex() != 0 or not self.make_button.isEnabled():
            return
        typed = self.passphrase.text()
        self.make_button.setEnabled(False)
        self.operations.query(lambda p: recovery.create_recovery_key(p, typed), self._made, on_error=self._refused)

    def _made(self, code: str) -> None:
        self.passphrase.clear()
        self.code.setText(code)
        self.pages.setCurrentIndex(1)
        self.make_button.hide()
        self.close_button.setText(self.tr("我已记下，关闭"))

    def _refused(self, exc: DomainError) -> None:
        self.make_button.setEnabled(True)
        self.passphrase.clear()
        wrong = isinstance(exc, WrongPassphrase)
        self.problem.setText(self.tr("口令不对，没有生成恢复密钥") if wrong else str(exc))

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        title = self.tr("救助顾问工作台 恢复密钥（妥善保管，不要和电脑放在一起）")
        document.setPlainText(title + "\n\n" + self.code.text())
        document.print_(printer)


class RecoverDialog(QDialog):
    """The recovery key and a new passphrase; ``attempt(code, new)`` opens the profile (its result is
    :attr:`result_value`) or raises :class:`DomainError`, shown on the red line."""

    def __init__(self, attempt: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recover")
        self.setWindowTitle(self.tr("用恢复密钥打开档案"))
        self._attempt = attempt
        self.result_value: object = None
        intro = QLabel(self.tr("输入生成恢复密钥时打印或抄下的那串字母和数字（可以不输入横线），再设置一个新口令。"))
        intro.setWordWrap(True)
        self.code = QPlainTextEdit()
        self.code.setObjectName("recovery_code_input")
        self.code.setTabChangesFocus(True)
        self.code.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.fields = NewPassphraseFields(self)
        self.problem = _problem_label()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("打开档案"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 340)

    def _try(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.problem.setText(problem)
            return
        try:
            self.result_value = self._attempt(self.code.toPlainText(), self.fields.passphrase())
        except DomainError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
