"""文件 ▸ 恢复备份…: the profile's backups (time, cause), one restored after a question.

The list comes from :func:`advisor_app.services.backups.list_backups` (files only: it works on a
damaged profile too). :func:`restore_in_window` runs the restore on the window's worker after
closing the list's change watch (its connection would keep the file open), then watches the
restored file and refreshes every screen: the profile is re-opened on it by the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services import backups, restore
from advisor_app.services.backups import BackupFile
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from . import errors
from .household_list_pane import HouseholdListPane
from .operations import Operations

if TYPE_CHECKING:
    from .household_editor import HouseholdEditor


class MainWindow(Protocol):
    """What the restore needs of the main window (the window itself; a protocol, not an import)."""

    profile: Profile
    operations: Operations
    list_pane: HouseholdListPane
    editor: HouseholdEditor | None

    def editor_shown(self) -> bool: ...
    def close_editor(self) -> None: ...
    def update_title(self) -> None: ...
    def tr(self, text: str) -> str: ...


class RestoreDialog(QDialog):
    """Choose a backup; ``chosen`` is its name once the advisor confirmed."""

    def __init__(self, found: list[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复备份"))
        self.found = found
        self.chosen: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("选一份备份，用它替换现在的档案（现在的档案会先另存为一份“恢复备份前”的备份）：")))
        self.table = QTableWidget(len(found), 3)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("大小")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, b in enumerate(found):
            cells = (f"{b.taken:%Y-%m-%d %H:%M:%S}", backups.cause_label(b.cause), f"{b.size / 1024 / 1024:.1f} MB")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(b.name)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        if not found:
            layout.addWidget(QLabel(self.tr("还没有备份。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.confirm)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        layout.addWidget(buttons)
        self.resize(520, 360)

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def confirm(self) -> None:
        b = self.selected()
        if b is None:
            return
        answer = QMessageBox.question(
            self, self.tr("恢复备份"),
            self.tr("用 %1 的备份（%2）替换现在的档案？\n\n这之后做的改动不在那份备份里；现在的档案会先另存为"
                    "一份备份，需要时可以再恢复回来。").replace("%1", f"{b.taken:%Y-%m-%d %H:%M}")
            .replace("%2", backups.cause_label(b.cause)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = b.name
            self.accept()


def restore_in_window(window: MainWindow, parent: QWidget) -> None:
    """Ask which backup, then restore it on the window's worker and refresh every screen
    (``parent``: the window as the dialogs' parent)."""
    profile = window.profile
    try:
        found = backups.list_backups(profile.data.root, database_url=None if profile.has_own_file else "server")
    except DomainError as exc:
        errors.show_error(parent, exc)
        return
    dialog = RestoreDialog(found, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    if window.editor_shown() and window.editor is not None and not window.editor.confirm_close():
        return
    window.close_editor()
    name, pane = dialog.chosen, window.list_pane
    pane.pause_watching()

    def job(p: Profile) -> restore.Restored:
        return restore.restore_backup(p.data.root, name, None, profile=p)

    def done(restored: restore.Restored) -> None:
        pane.resume_watching()
        window.update_title()
        QMessageBox.information(parent, window.tr("恢复备份"), window.tr("已从 %1 的备份恢复档案。")
                                .replace("%1", f"{restored.backup.taken:%Y-%m-%d %H:%M}"))

    def failed(exc: DomainError) -> None:
        pane.resume_watching()
        errors.show_error(parent, exc)

    window.operations.write(job, done, changed=Changes(all_households=True, screening=True), on_error=failed)


def offer_restore_of_damaged(window: MainWindow, parent: QWidget) -> None:
    """At start, a damaged profile: say so (the latest good backup named) and offer to restore."""
    box = QMessageBox(QMessageBox.Icon.Warning, window.tr("档案文件已损坏"), window.profile.refusal, parent=parent)
    restore = box.addButton(window.tr("恢复备份…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(window.tr("只查看"), QMessageBox.ButtonRole.RejectRole)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    if box.clickedButton() is restore:
        restore_in_window(window, parent)
