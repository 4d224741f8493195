"""The window's sync actions: the 同步(&Y) menu — 导出给乡镇… (on an office profile 导出给救助顾问…,
:mod:`.bundle_export`), 导入数据包… (:mod:`.bundle_import`), 数据冲突… (also in the 家庭 menu, and as
a toolbar badge counting the open conflicts) and, on an office profile, 救助顾问….

The badge (``conflicts_badge``, a toolbar action) shows "数据冲突 3" while conflicts are open and is
hidden otherwise; the count is read at start and again after every change that may have brought or
settled one (an import, a resolution, another program's write). 救助顾问… is shown only when the
profile's sync role is the office's (:func:`advisor_app.services.sync_setup.identity`).

:meth:`SyncActions.menu_actions` lists what the 同步 menu holds. Exporting and importing are writes
(an export records what was sent): both are disabled on a read-only profile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from advisor_app.services import conflicts_view, sync_setup
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from .operations import Operations


class SyncActions(QObject):
    def __init__(self, window: QWidget, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations
        self.role: str | None = None
        self.conflicts = 0
        self.last_dialog: QDialog | None = None
        self.export_action = QAction(self.tr("导出给乡镇…"), window)
        self.export_action.setObjectName("export_bundle")
        self.export_action.setStatusTip(self.tr("把还没有送到乡镇的记录写成数据包文件，存到 U 盘或文件夹"))
        self.export_action.triggered.connect(lambda _checked=False: self.export_bundle())
        self.import_action = QAction(self.tr("导入数据包…"), window)
        self.import_action.setObjectName("import_bundles")
        self.import_action.setStatusTip(self.tr("导入对方发来的数据包文件（.advbundle），看导入了什么"))
        self.import_action.triggered.connect(lambda _checked=False: self.import_bundles())
        for a in (self.export_action, self.import_action):
            a.setEnabled(not operations.profile.read_only)
        self.separator = QAction(window)
        self.separator.setSeparator(True)
        self.conflicts_action = QAction(self.tr("数据冲突…"), window)
        self.conflicts_action.setStatusTip(self.tr("同一项在本机和对方都改过：逐条选择保留哪一边的值"))
        self.conflicts_action.triggered.connect(lambda _checked=False: self.show_conflicts())
        self.conflicts_badge = QAction(window)
        self.conflicts_badge.setObjectName("conflicts_badge")
        self.conflicts_badge.setVisible(False)
        self.conflicts_badge.triggered.connect(lambda _checked=False: self.show_conflicts())
        self.advisors_action = QAction(self.tr("救助顾问…"), window)
        self.advisors_action.setStatusTip(self.tr("各位救助顾问什么时候发来了哪个数据包，谁很久没有发来"))
        self.advisors_action.triggered.connect(lambda _checked=False: self.show_advisors())
        self.advisors_action.setVisible(False)  # an office profile only
        operations.data_changed.connect(self._data_changed)
        self.refresh()

    def menu_actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.separator, self.conflicts_action, self.advisors_action]

    def refresh(self) -> None:
        """Read the sync role and the number of open conflicts again (on the worker)."""
        def read(profile: Profile) -> tuple[str | None, int]:
            me = sync_setup.identity(profile)
            return (me.role if me is not None else None), conflicts_view.open_count(profile)

        self.operations.query(read, self._show)

    def _show(self, result: tuple[str | None, int]) -> None:
        self.role, count = result
        self.advisors_action.setVisible(self.role == sync_setup.OFFICE)
        office = self.role == sync_setup.OFFICE
        self.export_action.setText(self.tr("导出给救助顾问…") if office else self.tr("导出给乡镇…"))
        self.set_count(count)

    def set_count(self, count: int) -> None:
        self.conflicts = count
        self.conflicts_badge.setText(self.tr("数据冲突 %1").replace("%1", str(count)))
        self.conflicts_badge.setToolTip(self.tr("有 %1 处数据冲突等待处理").replace("%1", str(count)))
        self.conflicts_badge.setVisible(count > 0)

    def _data_changed(self, changes: Changes) -> None:
        if changes.households_listed():
            self.refresh()

    def export_bundle(self) -> None:
        from .bundle_export import export_in_window

        export_in_window(self.operations, self.window, opened=self._opened)

    def import_bundles(self, files: list[str] | None = None) -> None:
        from .bundle_import import import_in_window

        import_in_window(self.operations, self.window, show_conflicts=self.show_conflicts, shown=self._opened,
                         files=files)

    def _opened(self, dialog: QDialog) -> None:
        self.last_dialog = dialog  # the export dialog or import report just opened (tests look at it)

    def show_conflicts(self) -> None:
        from .conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.operations, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.count_changed.connect(self.set_count)
        dialog.open()

    def show_advisors(self) -> None:
        from .advisors_dialog import AdvisorsDialog

        dialog = AdvisorsDialog(self.operations, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
