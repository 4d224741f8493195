"""文件 ▸ 立即锁定 (Ctrl+L), 更改口令…, 生成恢复密钥…: the window's security actions, and the offer of a
recovery key once a passphrase was set (:meth:`SecurityActions.offer_recovery_key`).

The auto-lock itself is :mod:`.auto_lock`; the dialogs are :mod:`.security_dialogs`. On the demo
profile (published passphrase) and on a database given by URL (no passphrase) 更改口令 and
生成恢复密钥 are disabled; 立即锁定 works everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from advisor_app.services import passphrase as keys
from advisor_app.services import recovery

from . import settings as gui_settings
from .auto_lock import AutoLock
from .household_list_pane import HouseholdListPane
from .operations import Operations


class SecurityActions(QObject):
    """On ``window`` (the main window), whose list is ``list_pane``; ``is_demo`` tells the profile's kind
    once it is read."""

    def __init__(self, window: QWidget, operations: Operations, list_pane: HouseholdListPane,
                 is_demo: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations
        self.profile = operations.profile
        self.list_pane = list_pane
        self.is_demo = is_demo
        self.auto_lock = AutoLock(window, self.profile, operations, is_demo, gui_settings.settings.lock_minutes)
        self.lock_action = QAction(self.tr("立即锁定"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip(self.tr("遮住所有窗口，输入口令才能继续（离开电脑时用）"))
        self.lock_action.triggered.connect(lambda _checked=False: self.auto_lock.lock())
        self.change_action = QAction(self.tr("更改口令…"), window)
        self.change_action.setStatusTip(self.tr("换一个新口令：档案和全部备份用新口令重新加密"))
        self.change_action.triggered.connect(lambda _checked=False: self.change_passphrase())
        self.recovery_action = QAction(self.tr("生成恢复密钥…"), window)
        self.recovery_action.setStatusTip(self.tr("生成一张忘记口令时用的恢复密钥，只显示一次"))
        self.recovery_action.triggered.connect(lambda _checked=False: self.make_recovery_key())
        window.addAction(self.lock_action)  # Ctrl+L also while the menu bar is hidden
        self.update()

    def actions(self) -> list[QAction]:
        return [self.lock_action, self.change_action, self.recovery_action]

    def update(self) -> None:
        """After the profile's kind is known: a passphrase to change only on an own encrypted profile."""
        own = keys.has_passphrase(self.profile) and not self.is_demo()
        self.change_action.setEnabled(own)
        self.recovery_action.setEnabled(own)

    def apply_settings(self) -> None:
        self.auto_lock.set_minutes(gui_settings.settings.lock_minutes)

    def change_passphrase(self) -> None:
        from .security_dialogs import ChangePassphraseDialog

        pane = self.list_pane
        dialog = ChangePassphraseDialog(self.operations, pane.release_watch, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: pane.renew_watch())  # a watch on the engine open now
        dialog.changed.connect(self._passphrase_changed)
        dialog.open()

    def _passphrase_changed(self, backups: int) -> None:
        has_key = recovery.has_recovery_key(self.profile)
        QMessageBox.information(self.window, self.tr("更改口令"), self.tr(
            "口令已更改：档案和 %1 份备份已用新口令重新加密。").replace("%1", str(backups))
            + (self.tr("恢复密钥仍然有效。") if has_key else ""))
        if not has_key:
            self.offer_recovery_key()

    def make_recovery_key(self) -> None:
        from .security_dialogs import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(self.operations, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def offer_recovery_key(self) -> None:
        """Once a passphrase was set: a recovery key is optional, and offered."""
        if recovery.has_recovery_key(self.profile) or not self.change_action.isEnabled():
            return
        answer = QMessageBox.question(
            self.window, self.tr("恢复密钥"),
            self.tr("忘记口令就无法打开档案。要生成一张恢复密钥吗？它只显示一次，请打印或抄下来，和电脑分开保管。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.make_recovery_key()
