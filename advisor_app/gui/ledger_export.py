"""文件 ▸ 导出台账 ▸ 救助帮扶台账 / 成员台账 / 需求台账 / 走访台账 / 筛查结果: a ledger as an Excel file.

Choosing one reads the profile's villages on the worker, then :class:`LedgerExportDialog` asks
where to save (Qt's own save dialog behind 浏览…, as the PDF preview's: no system recent-files entry),
which village (or all of them) and whether each village gets a sheet of its own.
:func:`advisor_app.services.ledgers.export_ledger` then runs on the worker as a long job with a
progress dialog that can be cancelled (a cancelled export leaves no file). When it is written a
message says how many rows went where, with 打开所在文件夹. The folder is remembered
(``settings.ledger_folder``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services.profile import Profile

from .operations import JobProgress, Operations
from .print_preview import SAVE_DIALOG_OPTIONS
from .settings import settings

if TYPE_CHECKING:  # (the ledgers and XlsxWriter are loaded on the first export, not at start)
    from advisor_app.services.ledgers import LedgerFile

translate = QCoreApplication.translate
ALL = None  # the village choice "all villages"


def ledger_titles() -> dict[str, str]:
    """The ledgers as the menu names them (in the interface's language)."""
    return {"households": translate("LedgerExport", "救助帮扶台账"), "members": translate("LedgerExport", "成员台账"),
            "needs": translate("LedgerExport", "需求台账"), "visits": translate("LedgerExport", "走访台账"),
            "screening": translate("LedgerExport", "筛查结果")}


def proposed_folder() -> Path:
    last = settings.ledger_folder
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def choose_file(parent: QWidget, start: str) -> str:
    """The save dialog (a function of its own: tests answer it)."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("LedgerExport", "保存台账"), start,
                                          translate("LedgerExport", "Excel 文件 (*.xlsx)"), "", SAVE_DIALOG_OPTIONS)
    return path


def open_folder(path: Path) -> None:
    """Show the folder holding ``path`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class LedgerExportDialog(QDialog):
    """Where to save, which village, one sheet per village: ``path()``, ``village()``, ``per_village()``."""

    def __init__(self, which: str, villages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = ledger_titles()[which]
        self.setWindowTitle(self.tr("导出%1").replace("%1", title))
        form = QFormLayout()
        self.file = QLineEdit(str(proposed_folder() / f"{title}_{dt.date.today().isoformat()}.xlsx"))
        self.file.setObjectName("ledger_file")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到："), row)
        self.villages = QComboBox()
        self.villages.setObjectName("ledger_village")
        self.villages.addItem(self.tr("全部村（社区）"), ALL)
        for village in villages:
            self.villages.addItem(village or self.tr("未填村（社区）"), village)
        form.addRow(self.tr("村（社区）："), self.villages)
        self.by_village = QCheckBox(self.tr("每个村（社区）一个工作表"))
        self.by_village.setObjectName("ledger_by_village")
        form.addRow("", self.by_village)
        self.villages.currentIndexChanged.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.export_button = QPushButton(self.tr("导出"))
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)
        self._update()

    def browse(self) -> None:
        chosen = choose_file(self, self.file.text())
        if chosen:
            self.file.setText(chosen)

    def _update(self) -> None:
        self.by_village.setEnabled(self.village() is ALL)

    def path(self) -> Path:
        text = self.file.text().strip()
        return Path(text if text.lower().endswith(".xlsx") else text + ".xlsx")

    def village(self) -> str | None:
        data = self.villages.currentData()
        return None if data is None else str(data)

    def per_village(self) -> bool:
        return self.by_village.isEnabled() and self.by_village.isChecked()


class LedgerExportActions:
    """The 导出台账 submenu's actions and what they do."""

    def __init__(self, parent: QWidget, operations: Operations) -> None:
        self.parent, self.operations = parent, operations
        self.actions: dict[str, QAction] = {}
        self.done_box: QMessageBox | None = None  # the last "written" message (tests read it)
        for which, title in ledger_titles().items():
            action = QAction(title + "…", parent)
            action.setObjectName(f"export_{which}")
            action.triggered.connect(lambda _checked=False, w=which: self.start(w))
            self.actions[which] = action

    def menu(self, into: QMenu) -> QMenu:
        sub = into.addMenu(translate("LedgerExport", "导出台账"))
        sub.setObjectName("ledger_menu")
        for action in self.actions.values():
            sub.addAction(action)
        return sub

    def start(self, which: str) -> None:
        from advisor_app.services import ledgers

        self.operations.query(ledgers.villages, lambda found: self.ask(which, found))

    def ask(self, which: str, villages: list[str]) -> None:
        dialog = LedgerExportDialog(which, villages, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.export(which, dialog.path(), dialog.village(), dialog.per_village())

    def export(self, which: str, path: Path, village: str | None, per_village: bool) -> None:
        from advisor_app.services import ledgers

        def job(profile: Profile, progress: JobProgress) -> LedgerFile:
            return ledgers.export_ledger(profile, which, path, village=village, sheet_per_village=per_village,
                                         progress=progress)

        title = translate("LedgerExport", "正在导出%1").replace("%1", ledger_titles()[which])
        self.operations.long_job(job, self.written, title=title)

    def written(self, result: LedgerFile) -> None:
        settings.ledger_folder = str(result.path.parent)
        text = translate("LedgerExport", "已导出 %1 行到：\n%2").replace("%1", str(result.rows)).replace(
            "%2", str(result.path))
        if len(result.sheets) > 1:
            text += "\n" + translate("LedgerExport", "共 %1 个工作表").replace("%1", str(len(result.sheets)))
        if result.left_out:
            text += "\n" + translate("LedgerExport", "有 %1 户在筛查之后有改动，结果未导出（见“未列入”工作表），"
                                                     "请重新筛查").replace("%1", str(result.left_out))
        box = QMessageBox(QMessageBox.Icon.Information, translate("LedgerExport", "导出台账"), text,
                          QMessageBox.StandardButton.Close, self.parent)
        folder = box.addButton(translate("LedgerExport", "打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: open_folder(result.path))
        box.button(QMessageBox.StandardButton.Close).setText(translate("LedgerExport", "关闭"))
        self.done_box = box
        box.open()
