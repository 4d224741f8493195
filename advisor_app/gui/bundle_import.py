"""同步 ▸ 导入数据包…: bundle files chosen, imported on the worker, and a report of what the import did.

:func:`import_in_window` asks for one or more ``.advbundle`` files (:func:`choose_bundle_files`: the
removable drives mounted now are offered first, in the dialog's side bar and as its starting
folder), then runs :func:`advisor_app.services.bundles.import_bundles` on the worker with a progress
dialog. Cancel works while the files are being checked (nothing is written then); once the
writing begins the import runs to its end and the Cancel button goes. Afterwards
:class:`ImportReportDialog` lists each file with its status (已导入 / 已导入过，没有变化 /
暂存：等待第 N 部分 / 拒绝) and the reason, and adds up what the import did — households new and
changed, records merged, conflicts opened, files held and refused. 查看冲突… opens the conflicts
view when the import opened any. The write announces every household as changed, so the list,
the conflicts badge and an open editor refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import bundles, drives
from advisor_app.services.bundles import BundleImport, FileResult
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from . import errors
from .operations import JobProgress, Operations
from .settings import settings

REFUSED_FOREGROUND = QColor(170, 30, 30)
FILE, STATUS, REASON = range(3)


translate = QCoreApplication.translate


def choose_bundle_files(parent: QWidget, found: list[drives.Drive], last: str) -> list[str]:
    """The file dialog, starting on the first removable drive (else the folder used last)."""
    dialog = QFileDialog(parent, translate("BundleImport", "选择要导入的数据包文件"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    # Qt's own dialog, as for 另存为 PDF: its side bar lists the drives on every system, and the
    # system's dialog would add the files to its recent-files list.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilters([translate("BundleImport", "数据包 (*%1)").replace("%1", bundles.EXTENSION),
                           translate("BundleImport", "所有文件 (*)")])
    places = [str(d.path) for d in found] + ([last] if last and Path(last).is_dir() else []) + [str(Path.home())]
    dialog.setSidebarUrls([QUrl.fromLocalFile(p) for p in dict.fromkeys(places)])
    dialog.setDirectory(places[0])
    dialog.resize(820, 500)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()


def status_text(result: FileResult) -> str:
    if result.status == bundles.IMPORTED:
        return translate("BundleImport", "已导入")
    if result.status == "already_imported":
        return translate("BundleImport", "已导入过，没有变化")
    if result.status == bundles.HELD:
        parts = translate("BundleImport", "、").join(str(n) for n in result.missing)
        waiting = translate("BundleImport", "暂存：等待第 %1 部分").replace("%1", parts)
        return waiting if parts else translate("BundleImport", "暂存")
    return translate("BundleImport", "拒绝")


class ImportReportDialog(QDialog):
    """What one import did; ``show_conflicts`` is called by 查看冲突…."""

    def __init__(self, result: BundleImport, parent: QWidget | None = None, *,
                 show_conflicts: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.outcome = result
        self.setWindowTitle(self.tr("导入结果"))
        self.summary = QLabel(self.summary_text())
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(result.results), 3)
        self.table.setObjectName("import_results")
        self.table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("结果"), self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, r in enumerate(result.results):
            items = [QTableWidgetItem(Path(r.file).name), QTableWidgetItem(status_text(r)), QTableWidgetItem(r.reason)]
            items[FILE].setToolTip(r.file)
            items[REASON].setToolTip(r.reason)
            for column, item in enumerate(items):
                if r.status == bundles.REFUSED:
                    item.setForeground(REFUSED_FOREGROUND)
                self.table.setItem(row, column, item)
        # The file's name and status as wide as they are (a name is not wrapped: it is one word), the
        # reason takes the rest of the width and wraps.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for column in (FILE, STATUS):
            texts = [status_text(r) if column == STATUS else Path(r.file).name for r in result.results]
            metrics = self.table.fontMetrics()
            width = max([metrics.horizontalAdvance(t) for t in texts] + [header.sectionSizeHint(column)])
            header.resizeSection(column, min(width + 24, 320))
        self.table.resizeRowsToContents()
        self.totals = QGridLayout()
        self.total_labels: dict[str, QLabel] = {}
        for n, (key, text) in enumerate(self.total_rows()):
            value = QLabel(str(result.totals[key]))
            value.setObjectName(f"total_{key}")
            self.total_labels[key] = value
            self.totals.addWidget(QLabel(text), n // 3, (n % 3) * 2)
            self.totals.addWidget(value, n // 3, (n % 3) * 2 + 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        self.conflicts_button = QPushButton(self.tr("查看冲突…"))
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.conflicts_button.setVisible(result.conflicts > 0)  # (after addButton, which shows it)
        if show_conflicts is not None:
            self.conflicts_button.clicked.connect(lambda: show_conflicts())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.totals)
        layout.addWidget(buttons)
        self.resize(820, 380)

    def total_rows(self) -> list[tuple[str, str]]:
        return [("households_new", self.tr("新增家庭（户）")), ("households_changed", self.tr("更新的家庭（户）")),
                ("merged", self.tr("合并的记录（条）")), ("new", self.tr("新增记录（条）")),
                ("changed", self.tr("更新的记录（条）")), ("conflicts", self.tr("新的冲突（处）")),
                ("closed", self.tr("对方已处理的冲突（处）")), ("dropped", self.tr("转给别人负责的家庭（户）")),
                ("files_held", self.tr("暂存的文件（个）")), ("files_refused", self.tr("拒绝的文件（个）"))]

    def summary_text(self) -> str:
        t, lines = self.outcome.totals, []
        if t["files_imported"]:
            lines.append(self.tr("导入完成：新增 %1 户家庭，更新 %2 户，合并 %3 条记录，新的冲突 %4 处。")
                         .replace("%1", str(t["households_new"])).replace("%2", str(t["households_changed"]))
                         .replace("%3", str(t["merged"])).replace("%4", str(t["conflicts"])))
        if t["files_already_imported"]:
            lines.append(self.tr("%1 个文件以前已经导入过，这次没有任何改动。")
                         .replace("%1", str(t["files_already_imported"])))
        if t["files_held"]:
            lines.append(self.tr("%1 个文件暂存在本机：数据包的其他部分到齐后一起导入。")
                         .replace("%1", str(t["files_held"])))
        if t["files_refused"]:
            lines.append(self.tr("%1 个文件被拒绝，没有改动任何数据（原因见下表）。")
                         .replace("%1", str(t["files_refused"])))
        if self.outcome.conflicts:
            lines.append(self.tr("有新的数据冲突：点“查看冲突…”逐条选择保留哪一边的值。"))
        return "\n".join(lines)


def import_in_window(operations: Operations, parent: QWidget, *, show_conflicts: Callable[[], object],
                     shown: Callable[[ImportReportDialog], object] | None = None,
                     files: list[str] | None = None) -> None:
    """Ask for the files (unless given), import them on the worker, then show the report."""
    if files is None:
        files = choose_bundle_files(parent, drives.removable_drives(), settings.bundle_folder)
    if not files:
        return
    settings.bundle_folder = str(Path(files[0]).parent)
    chosen = list(files)

    def job(profile: Profile, progress: JobProgress) -> BundleImport:
        return bundles.import_bundles(profile, chosen, progress=progress, applying=progress.finishing)

    def done(result: BundleImport) -> None:
        dialog = ImportReportDialog(result, parent, show_conflicts=show_conflicts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if shown is not None:
            shown(dialog)

    operations.long_job(job, done, title=translate("BundleImport", "正在导入数据包…"),
                        changed=Changes(all_households=True),
                        on_error=lambda exc: errors.show_error(parent, exc, translate("BundleImport", "没有导入")))
