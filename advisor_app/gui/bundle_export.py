"""同步 ▸ 导出给乡镇… (at the office: 导出给救助顾问…): the next bundle written to a USB stick or a folder.

:func:`export_in_window` reads the profile's sync identity and peers on the worker. Not enrolled
yet: a message with the enrolment steps, nothing else. Otherwise :class:`ExportDialog` asks where
to save — the removable drives mounted now first (:func:`advisor_app.services.drives.removable_drives`),
then the folder used last, then 选择其他文件夹… — and, at the office, for which advisor (or all of
them). :func:`advisor_app.services.bundles.export_bundles` then runs on the worker under a busy
indicator, and a summary names each file written with its size, what it carries, the bundle's
number, and what to do with it. The folder is remembered (``settings.bundle_folder``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services import bundles, drives, sync_setup
from advisor_app.services.bundles import BundleExport
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile
from advisor_app.services.sync_setup import Identity, Peer

from . import errors
from .operations import JobProgress, Operations
from .settings import settings

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = "*"  # the office's choice "every advisor"


translate = QCoreApplication.translate


def place_items(found: list[drives.Drive], last: str) -> list[tuple[str, str]]:
    """(text, folder) of the places offered, removable drives first, then the folder used last."""
    drive = translate("BundleExport", "U 盘：%1（%2）")
    out = [(drive.replace("%1", d.label).replace("%2", str(d.path)), str(d.path)) for d in found]
    if last and Path(last).is_dir() and all(folder != last for _text, folder in out):
        out.append((translate("BundleExport", "上次用的文件夹：%1").replace("%1", last), last))
    return out


def choose_folder(parent: QWidget, start: str) -> str:
    """The folder dialog (a function of its own: tests answer it)."""
    return QFileDialog.getExistingDirectory(parent, translate("BundleExport", "选择保存数据包的文件夹"), start)


class ExportDialog(QDialog):
    """Where to save the bundle (and, at the office, for whom); ``folder()`` and ``addressees()``."""

    def __init__(self, me: Identity, active: list[Peer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.me, self.active = me, active
        office = me.role == sync_setup.OFFICE
        self.setWindowTitle(self.tr("导出给救助顾问") if office else self.tr("导出给乡镇"))
        intro = QLabel(self.tr("把对方还没有确认收到的记录写成一个数据包文件（加密、签名，只有对方能打开）。"))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.to = QComboBox()
        if office and len(active) > 1:
            self.to.addItem(self.tr("全部救助顾问（每人一个文件）"), ALL)
        for peer in active:
            self.to.addItem(peer.name, peer.device_id)
        self.to.setVisible(self.to.count() > 1)
        self.to_name = QLabel(active[0].name)  # the only one there is: nothing to choose
        self.to_name.setVisible(self.to.count() == 1)
        to = QHBoxLayout()
        to.addWidget(self.to, 1)
        to.addWidget(self.to_name, 1)
        form.addRow(self.tr("发给："), to)
        self.places = QListWidget()
        self.places.setObjectName("export_places")
        self.places.itemSelectionChanged.connect(self._update)
        self.places.itemDoubleClicked.connect(lambda _item: self.accept())
        self.no_drive = QLabel(self.tr("没有找到插着的 U 盘：插上后点“刷新”，或选择其他文件夹。"))
        self.no_drive.setWordWrap(True)
        self.other = QPushButton(self.tr("选择其他文件夹…"))
        self.other.clicked.connect(self.choose_other)
        refresh = QPushButton(self.tr("刷新"))
        refresh.setToolTip(self.tr("重新查找插着的 U 盘"))
        refresh.clicked.connect(self.fill_places)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addWidget(refresh)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.export_button = QPushButton(self.tr("导出"))
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("保存到：")))
        layout.addWidget(self.places, 1)
        layout.addWidget(self.no_drive)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self.fill_places()

    def fill_places(self) -> None:
        chosen = self.folder()
        found = drives.removable_drives()
        self.places.clear()
        for text, folder in place_items(found, settings.bundle_folder):
            self._add(text, folder)
        self.no_drive.setVisible(not found)
        if chosen is not None and not self._select(str(chosen)):
            self._add(self.tr("文件夹：%1").replace("%1", str(chosen)), str(chosen))
            self._select(str(chosen))
        if self.places.currentRow() < 0 and self.places.count():
            self.places.setCurrentRow(0)
        self._update()

    def _add(self, text: str, folder: str) -> None:
        item = QListWidgetItem(text)
        item.setData(PATH_ROLE, folder)
        item.setToolTip(folder)
        self.places.addItem(item)

    def _select(self, folder: str) -> bool:
        for row in range(self.places.count()):
            if self.places.item(row).data(PATH_ROLE) == folder:
                self.places.setCurrentRow(row)
                return True
        return False

    def choose_other(self) -> None:
        current = self.folder()
        chosen = choose_folder(self, str(current) if current is not None else str(Path.home()))
        if chosen:
            if not self._select(chosen):
                self._add(self.tr("文件夹：%1").replace("%1", chosen), chosen)
                self._select(chosen)
            self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(self.folder() is not None)

    def folder(self) -> Path | None:
        item = self.places.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None and item.isSelected() else None

    def addressees(self) -> list[Peer]:
        wanted = self.to.currentData()
        return [p for p in self.active if wanted in (ALL, p.device_id)]


def not_enrolled_text(me: Identity | None) -> str:
    if me is not None and me.role == sync_setup.OFFICE:
        return translate("BundleExport", "还没有登记任何救助顾问，不能导出数据包。\n\n救助顾问先在自己的电脑上运行 "
                  "advisor-app enrol request --out 申请.json，把申请文件交给乡镇；乡镇核对指纹后运行 "
                  "advisor-app enrol approve 申请.json --villages 村名 --out 答复.json，把答复文件交回。"
                  "登记只需要做一次。")
    return translate("BundleExport", "本机还没有登记到乡镇，不能导出数据包。\n\n登记的三步：\n"
              "1. 在本机运行 advisor-app enrol request --out 申请.json，把申请文件交给乡镇，"
              "并把显示的指纹念给乡镇核对；\n"
              "2. 乡镇运行 advisor-app enrol approve 申请.json --villages 村名 --out 答复.json；\n"
              "3. 在本机运行 advisor-app enrol accept 答复.json。\n登记只需要做一次。")


def export_in_window(operations: Operations, parent: QWidget, *,
                     opened: Callable[[ExportDialog], object] | None = None) -> None:
    """Read who this profile can send to, then offer :class:`ExportDialog` (``opened`` gets it)."""
    def read(profile: Profile) -> tuple[Identity | None, list[Peer]]:
        me = sync_setup.identity(profile)
        return me, ([p for p in sync_setup.peers(profile) if not p.revoked] if me is not None else [])

    def offer(found: tuple[Identity | None, list[Peer]]) -> None:
        me, active = found
        if me is None or not active:
            QMessageBox.information(parent, translate("BundleExport", "还没有登记"), not_enrolled_text(me))
            return
        dialog = ExportDialog(me, active, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: run_export(operations, parent, me, dialog.folder(), dialog.addressees()))
        dialog.open()
        if opened is not None:
            opened(dialog)

    operations.query(read, offer)


def run_export(operations: Operations, parent: QWidget, me: Identity, folder: Path | None, to: list[Peer]) -> None:
    """Write the bundles for ``to`` into ``folder`` on the worker, then show the summary."""
    if folder is None or not to:
        return
    settings.bundle_folder = str(folder)

    def job(profile: Profile, _progress: JobProgress) -> tuple[list[BundleExport], list[str]]:
        done, failed = [], []
        for peer in to:
            try:
                done.append(bundles.export_bundles(profile, folder, to=peer.device_id))
            except DomainError as exc:
                if len(to) == 1:
                    raise
                failed.append(f"{peer.name}：{exc}")
        return done, failed

    def finished(result: tuple[list[BundleExport], list[str]]) -> None:
        done, failed = result
        title = translate("BundleExport", "导出完成") if not failed else translate("BundleExport", "导出没有全部完成")
        QMessageBox.information(parent, title, export_summary(me, done, failed))

    operations.long_job(job, finished, title=translate("BundleExport", "正在导出数据包…"), cancellable=False,
                        changed=Changes(all_households=True),
                        on_error=lambda exc: errors.show_error(parent, exc, translate("BundleExport", "没有导出")))


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def kind_word(kind: str) -> str:
    words = {"household": translate("BundleExport", "家庭"), "member": translate("BundleExport", "家庭成员"),
             "visit": translate("BundleExport", "走访记录"), "need": translate("BundleExport", "需求"),
             "policy_table": translate("BundleExport", "政策标准表")}
    return words.get(kind, kind)


def export_summary(me: Identity, done: list[BundleExport], failed: list[str]) -> str:
    """What was written, in the advisor's words (one paragraph per bundle)."""
    paragraphs = []
    for export in done:
        lines = [translate("BundleExport", "已导出给%1的第 %2 号数据包：").replace("%1", export.peer)
                 .replace("%2", str(export.sequence))]
        for f in export.files:
            size = f.stat().st_size if f.exists() else 0
            lines.append(f"    {f}（{size_text(size)}）")
        total = sum(export.records.values())
        if total:
            each = translate("BundleExport", "%1 %2 条")
            counts = translate("BundleExport", "、").join(each.replace("%1", kind_word(k)).replace("%2", str(n))
                                  for k, n in export.records.items() if n)
            households = export.households
            lines.append(translate("BundleExport", "共 %1 条记录，涉及 %2 户家庭（%3）。").replace("%1", str(total))
                         .replace("%2", str(households)).replace("%3", counts))
        else:
            lines.append(translate("BundleExport", "没有需要发送的新记录：这个数据包只带着“已收到”的确认，"
                                                   "对方导入后就不会再重复发送。"))
        if len(export.files) > 1:
            lines.append(translate("BundleExport", "数据包分成了 %1 个文件，要全部拷过去。")
                         .replace("%1", str(len(export.files))))
        paragraphs.append("\n".join(lines))
    if done:
        office = me.role == sync_setup.OFFICE
        whom = translate("BundleExport", "救助顾问") if office else translate("BundleExport", "乡镇")
        paragraphs.append(translate("BundleExport", "可以把这个文件拷给%1或作为邮件附件发送。").replace("%1", whom))
    if failed:
        paragraphs.append(translate("BundleExport", "没有导出：") + "\n" + "\n".join(failed))
    return "\n\n".join(paragraphs)
