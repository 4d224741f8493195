"""The main window: the household list (search as you type), the editor area, menus and toolbar.

Layout: a splitter with the list (:mod:`.household_list_pane`: search box above the table) on the left
and the editor area on the right (hidden until something is shown there with
:meth:`MainWindow.show_editor`). Every database call goes through ``self.operations`` (one
background worker); each write announces what it changed with one ``operations.data_changed``
(a :class:`~advisor_app.services.changes.Changes`), and each screen decides from it whether to
refresh: the list here, the household editor and its eligibility panel themselves.

Every action (记录走访, 资格核对, 编辑, the print menu, 归档) acts on *the household shown*
(:meth:`MainWindow.current_household_id`): the one in the editor while the editor is shown, else the
list's current row. The two cannot differ: while the editor is shown, moving to another row of the
list opens that household in it (asking first about unsaved edits; kept edits put the list back on
the editor's household), and a new household not yet saved leaves no row current. The window title
names the household shown ("吴晓霞户 — 七星村 — 救助顾问工作台", the app's name added by Qt, see
:meth:`MainWindow.update_title`), as does the editor's header. In the list's 已归档 view no household
is shown: the actions say an archived household must be restored first.

设置 ▸ 档案设置… (:mod:`.profile_dialog`) changes the profile's region, villages, advisor and 监督电话;
the window reads them again afterwards (:meth:`MainWindow.refresh_total`): a new household starts in
the region and first village, a new visit with the advisor as its 调查（走访）人员.
Esc in the editor closes it and returns to the list, on the same household.

The screens: the household editor (:class:`.household_editor.HouseholdEditor`, created on first
use), the visit dialog (:class:`.visit_dialog.VisitDialog`), a household's visit history and needs
list (:mod:`.visit_history`, 家庭 ▸ 走访记录) and the forms (actions in
``self.print_menu``, from :mod:`.print_preview`). Screens not needed to show the window (the editor,
the visit dialog, screening, demo data) are imported when first used, to keep start-up short.
The household actions that load a household and open a dialog or write (记录走访, 走访记录,
资格核对, 归档, 批量筛查) are :mod:`.household_actions`; filling and resetting the demo,
:mod:`.demo_actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QStackedWidget, QToolBar, QWidget

from advisor_app import __version__
from advisor_app.domain.household import Household
from advisor_app.services import household_list
from advisor_app.services import households as household_service
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile
from advisor_app.services.profile_settings import ProfileInfo, profile_info

from . import settings as gui_settings
from .demo_actions import DemoActions
from .editor_splitter import stored_sizes
from .household_actions import HouseholdActions
from .household_list_pane import HouseholdListPane
from .ledger_export import LedgerExportActions
from .operations import Operations
from .print_preview import install_print_actions
from .security_actions import SecurityActions
from .sheet_import import SheetImportActions
from .sync_actions import SyncActions

if TYPE_CHECKING:
    from .household_editor import HouseholdEditor

LIST_MIN_WIDTH = 420
# Of the window's width when the editor first opens. 1366 px: the list keeps 424 px, the panel fits
# beside the tabs and the member form is not cut.
EDITOR_SHARE = 0.69


def qt_adds_app_name(name: str) -> bool:
    """Whether Qt ends each window title shown with " — " and ``name``: it appends the application
    display name when one was set (:func:`.app.application` sets the app's name, in the interface
    language), except on macOS, whose menu bar names the app. Another display name (a test runner's
    application name, which Qt does not append unless it was set as display name) leaves it to us."""
    return QGuiApplication.applicationDisplayName() == name and QGuiApplication.platformName() != "cocoa"


class MainWindow(QMainWindow):
    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile
        self.operations = Operations(profile, self)
        self.operations.data_changed.connect(self.on_data_changed)
        self.settings = gui_settings.settings
        self.editor: HouseholdEditor | None = None  # created on first use
        self._demo = False
        self.profile_info = ProfileInfo(None)  # read with the first count (kind, region, villages …)
        self.household_actions = HouseholdActions(self, self)
        self.demo_actions = DemoActions(self, self.operations)

        self.list_pane = HouseholdListPane(profile, self.operations)
        self.list_pane.household_activated.connect(self.open_household)
        self.list_pane.current_changed.connect(self._list_current_changed)
        self.list_pane.restored.connect(self.household_actions.household_restored)
        self._opening = 0  # the latest household asked for in the editor (older answers are dropped)
        # The pane's parts, as other screens and tests know them.
        self.search, self.table, self.model = self.list_pane.search, self.list_pane.table, self.list_pane.model
        self.count_label = self.list_pane.count_label
        # 立即锁定, 更改口令, 恢复密钥, and the auto-lock
        self.security = SecurityActions(self, self.operations, self.list_pane, lambda: self.profile_info.is_demo)
        self.auto_lock = self.security.auto_lock
        self.sync = SyncActions(self, self.operations)  # 同步: 导出, 导入, 数据冲突…, 救助顾问… (office)
        self.ledger_export = LedgerExportActions(self, self.operations)  # 文件 ▸ 导出台账 ▸ …
        self.sheet_import = SheetImportActions(self, self.operations)  # 文件 ▸ 导入 Excel 名单…
        self._build_layout()
        self._build_actions()
        self._build_menus()
        # 演示数据 also inside the window, where a title bar is hidden (full screen, some desktops)
        self.demo_badge = QLabel(self.tr("演示数据：虚构家庭"))
        self.demo_badge.setStyleSheet("QLabel { background: #fff3cd; color: #8a4b00; padding: 1px 8px;"
                                      " border: 1px solid #e0b050; border-radius: 3px; }")
        self.demo_badge.setVisible(False)
        self.statusBar().addPermanentWidget(self.demo_badge)
        self.read_only_badge = QLabel(self.tr("只读：只能查看，不能保存改动"))
        self.read_only_badge.setToolTip(profile.refusal)
        self.read_only_badge.setVisible(profile.read_only)
        self.statusBar().addPermanentWidget(self.read_only_badge)
        self.statusBar().addPermanentWidget(self.count_label)
        self.resize(1180, 720)
        self._restore_state()
        self.update_title()
        self.run_search()
        self.refresh_total()

    # --- building ---

    def _build_layout(self) -> None:
        self.editor_area = QStackedWidget()
        self.editor_area.setMinimumWidth(380)
        self.editor_area.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.editor_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        def action(text: str, slot: Callable[[], object],
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                   tip: str | None = None) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if tip:
                a.setStatusTip(tip)
            return a

        self.new_action = action(self.tr("新建家庭"), self.new_household, QKeySequence.StandardKey.New,
                                 self.tr("登记一户新的家庭"))
        self.edit_action = action(self.tr("编辑家庭"), self.edit_current, "Ctrl+E",
                                  self.tr("打开选中的家庭"))
        self.visit_action = action(self.tr("记录走访"), self.record_visit, "Ctrl+R",
                                   self.tr("为选中的家庭记录一次走访"))
        self.history_action = action(self.tr("走访记录"), self.show_visit_history, "Ctrl+H",
                                     self.tr("查看历次走访和需求清单，打印走访记录表"))
        self.check_action = action(self.tr("资格核对"), self.household_actions.check_current, "Ctrl+K",
                                   self.tr("按政策核对选中家庭可申请的救助项目"))
        self.archive_action = action(self.tr("归档家庭…"), self.archive_current, None,
                                     self.tr("把这户家庭移出列表、公示和台账（记录保留，可以恢复）"))
        self.differences_action = action(self.tr("名册差异…"), self.show_roster_differences, None,
                                         self.tr("导入名册时与现在登记的不同之处：逐条接受名册的值或保留现有"))
        self.screen_action = action(self.tr("批量筛查"), self.household_actions.screen_all, None,
                                    self.tr("按现行政策重新核对全部家庭的救助资格"))
        self.find_action = action(self.tr("查找"), self.list_pane.focus_search, QKeySequence.StandardKey.Find)
        self.quit_action = action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.full_ids_action = QAction(self.tr("显示完整身份证号"), self)
        self.full_ids_action.setCheckable(True)
        self.full_ids_action.toggled.connect(self.model.set_show_full_ids)
        self.profile_action = action(self.tr("档案设置…"), self.edit_profile, None,
                                     self.tr("更改所属地区、负责的村（社区）、救助顾问姓名和监督电话"))
        self.about_action = action(self.tr("关于"), self.about)
        self.reset_demo_action = action(self.tr("重置演示数据…"), self.reset_demo, None,
                                        self.tr("删除演示档案里的全部家庭，重新生成演示家庭"))
        self.reset_demo_action.setVisible(False)  # shown on a demo profile only
        self.restore_action = action(self.tr("恢复备份…"), self.restore_backup, None,
                                     self.tr("用一份自动备份替换现在的档案（现在的档案先另存为备份）"))

        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.new_action, self.edit_action, self.visit_action, self.check_action, self.screen_action):
            toolbar.addAction(a)
        toolbar.addAction(self.sync.conflicts_badge)  # shown while conflicts are open
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.addAction(self.find_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.reset_demo_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sheet_import.action)
        self.ledger_menu = self.ledger_export.menu(file_menu)
        file_menu.addSeparator()
        for a in self.security.actions():
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        household_menu = bar.addMenu(self.tr("家庭(&H)"))
        for a in (self.edit_action, self.visit_action, self.history_action, self.check_action, self.screen_action,
                  self.find_action):
            household_menu.addAction(a)
        household_menu.addAction(self.sync.conflicts_action)
        household_menu.addAction(self.differences_action)
        household_menu.addSeparator()
        household_menu.addAction(self.archive_action)
        self.print_menu: QMenu = bar.addMenu(self.tr("打印(&P)"))
        self.print_menu.setObjectName("print_menu")
        self.print_actions = install_print_actions(self)  # one action per printable form
        sync_menu = bar.addMenu(self.tr("同步(&Y)"))  # 导出, 导入数据包, 数据冲突, 救助顾问 (office)
        sync_menu.setObjectName("sync_menu")
        for a in self.sync.menu_actions():
            sync_menu.addAction(a)
        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(self.profile_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.full_ids_action)
        language_menu = settings_menu.addMenu(self.tr("界面语言"))
        group = QActionGroup(self)
        for code, label in gui_settings.LANGUAGES.items():
            a = QAction(label, self, checkable=True)
            a.setChecked(code == self.settings.effective_language())
            a.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(a)
            language_menu.addAction(a)
        help_menu = bar.addMenu(self.tr("帮助(&A)"))
        help_menu.addAction(self.about_action)

    def show_roster_differences(self) -> None:
        from .roster_differences_dialog import RosterDifferencesDialog

        dialog = RosterDifferencesDialog(self.operations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- list ---

    @property
    def total(self) -> int:
        return self.list_pane.total

    def run_search(self, *, keep: str | None = None) -> None:
        self.list_pane.run_search(keep=keep)

    def current_household_id(self) -> str | None:
        """The household shown, which every action acts on: the editor's while the editor is shown
        (None for a new one not yet saved), else the list's current row."""
        if self.editor_shown():
            assert self.editor is not None
            return self.editor.household_id
        return self.list_pane.current_household_id()

    def editor_shown(self) -> bool:
        return (self.editor is not None and not self.editor_area.isHidden()
                and self.editor_area.currentWidget() is self.editor)

    def household_for_action(self, archived: str | None = None) -> str | None:
        """:meth:`current_household_id`, or None after saying on the status bar what is missing.
        ``archived`` is what to say when the row selected is in the list's 已归档 view: the actions
        need a registered household, and an archived one must be restored (恢复) first."""
        household_id = self.current_household_id()
        if household_id is None:
            if self.editor_shown():
                message = self.tr("请先保存这户新家庭")
            elif self.list_pane.showing_archived() and self.list_pane.archived.has_current():
                message = archived or self.tr("这户家庭已归档，请先恢复")
            else:
                message = self.tr("请先在列表中选择一户家庭")
            self.statusBar().showMessage(message, 4000)
        return household_id

    def _list_current_changed(self, household_id: str) -> None:
        """Another row is current: while the editor is shown, it opens that household."""
        if household_id and self.editor_shown():
            assert self.editor is not None
            if household_id != self.editor.household_id:
                self.open_household(household_id)
                return
        self.update_title()

    def select_household(self, household_id: str, *, scroll: bool = True) -> bool:
        return self.list_pane.select_household(household_id, scroll=scroll)

    def refresh_total(self) -> None:
        def done(result: tuple[int, ProfileInfo]) -> None:
            self.list_pane.total, self.profile_info = result
            self._demo = self.profile_info.is_demo
            self.reset_demo_action.setVisible(self._demo)
            self.demo_badge.setVisible(self._demo)
            self.security.update()
            if self.editor is not None:
                self.editor.set_new_household_defaults(self.profile_info.region, self.profile_info.village)
            self.list_pane.update_count()
            self.update_title()

        self.operations.query(lambda p: (household_list.count(p), profile_info(p)), done)

    def edit_profile(self) -> None:
        """设置 ▸ 档案设置…, on the settings as stored now; once saved, the window reads them again."""
        from .profile_dialog import ProfileDialog

        def ask(info: ProfileInfo) -> None:
            dialog = ProfileDialog(self.operations, info, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(lambda _info: self.refresh_total())
            dialog.saved.connect(lambda _info: self.security.apply_settings())
            dialog.open()

        self.operations.query(profile_info, ask)

    def on_data_changed(self, changes: Changes) -> None:
        """The list's part of a change (the editor and its panel look after themselves)."""
        self.list_pane.apply_changes(changes)
        if changes.households_listed():
            self.refresh_total()

    # --- households ---

    def edit_current(self) -> None:
        household_id = self.household_for_action(self.tr("已归档的家庭不能编辑，请先恢复"))
        if household_id is not None:
            self.open_household(household_id)

    def open_household(self, household_id: str) -> None:
        self._opening += 1
        opening = self._opening

        def show(household: Household) -> None:
            if opening == self._opening:  # not overtaken by a later row or request
                self.show_household(household)

        self.operations.query(lambda p: household_service.load_household(p, household_id), show)

    def show_household(self, household: Household) -> None:
        editor = self.household_editor()
        if not editor.load(household):  # the advisor kept unsaved edits: the list follows the editor
            self._select_editor_household()
        self.show_editor(editor)
        self.update_title()

    def _select_editor_household(self) -> None:
        editor_id = self.editor.household_id if self.editor is not None else None
        if editor_id is None or not self.select_household(editor_id):
            self.list_pane.clear_current()

    def household_editor(self) -> HouseholdEditor:
        """The household editor (created on first use)."""
        if self.editor is None:
            from .household_editor import HouseholdEditor

            self.editor = HouseholdEditor(self.operations, self)
            self.editor.set_new_household_defaults(self.profile_info.region, self.profile_info.village)
            self.editor.saved.connect(self._household_saved)
            self.editor.open_household_requested.connect(self.open_household)  # 打开该户
            self.editor.close_requested.connect(self.close_editor)  # Esc
            self.editor.header_changed.connect(self.update_title)
        return self.editor

    def _household_saved(self, household_id: str) -> None:
        """Select the saved household now, or once the list's refresh shows it (a new one)."""
        self.list_pane.select_after_search(str(household_id))

    def new_household(self) -> None:
        editor = self.household_editor()
        started = editor.new_household()  # False: the advisor kept unsaved work in the editor
        self.show_editor(editor)
        if started:
            self.list_pane.clear_current()  # no row is the household shown
            editor.members.name.setFocus()  # the head's name: what the advisor types first
        self.update_title()

    def close_editor(self) -> None:
        """Hide the editor (Esc); the list, on the editor's household, takes the focus."""
        if self.editor is None:
            return
        household_id = self.editor.household_id
        self.editor_area.hide()
        if household_id is not None:
            self.select_household(household_id)
        self.table.setFocus()
        self.update_title()

    def show_editor(self, widget: QWidget) -> None:
        """Show ``widget`` in the area right of the list (replacing what was there)."""
        if self.editor_area.indexOf(widget) < 0:
            while (old := self.editor_area.widget(0)) is not None:
                self.editor_area.removeWidget(old)
                if old is not self.editor:
                    old.deleteLater()
            self.editor_area.addWidget(widget)
        self.editor_area.setCurrentWidget(widget)
        if self.editor_area.isHidden():
            self.editor_area.show()
            if not self._splitter_restored:
                # the editor gets EDITOR_SHARE of the width, the list keeps at least LIST_MIN_WIDTH
                total = sum(self.splitter.sizes()) or self.width()
                editor_width = min(int(total * EDITOR_SHARE), max(total - LIST_MIN_WIDTH, total // 2))
                self.splitter.setSizes([total - editor_width, editor_width])

    def record_visit(self) -> None:
        self.household_actions.record_visit()

    def show_visit_history(self) -> None:
        self.household_actions.show_visit_history()

    def archive_current(self) -> None:
        self.household_actions.archive_current()

    def offer_drafts(self) -> None:
        """At start-up: offer to restore visits that were being typed when the app last stopped."""
        from .draft_restore import offer_draft_restore

        offer_draft_restore(self, self.operations)

    def fill_demo_households(self, count: int) -> None:
        self.demo_actions.fill_demo_households(count)

    def reset_demo(self) -> None:
        self.demo_actions.reset_demo()

    def restore_backup(self) -> None:
        from .restore_dialog import restore_in_window

        restore_in_window(self, self)

    # --- window ---

    def update_title(self) -> None:
        """"吴晓霞户 — 七星村 — 演示数据": the household shown and the demo mark. The app's name ends
        the title once: Qt appends the application display name (:mod:`.app` sets it) to every
        window's title on most platforms, so it is added here only where Qt does not."""
        if self.auto_lock.locked:
            return  # 已锁定 until unlocked (auto_lock sets the title again then)
        parts = [part for part in (self.shown_household_label(), self.tr("演示数据") if self._demo else None,
                                   self.tr("只读") if self.profile.read_only else None) if part]
        name = self.tr("救助顾问工作台")
        if not parts or not qt_adds_app_name(name):
            parts.append(name)
        self.setWindowTitle(" — ".join(parts))

    def shown_household_label(self) -> str | None:
        """The household the actions act on, as the title names it (None: no household)."""
        if self.editor_shown():
            assert self.editor is not None
            return self.editor.household_label()
        return self.list_pane.current_label()

    def set_language(self, code: str) -> None:
        if code == self.settings.effective_language():
            return
        self.settings.language = code
        QMessageBox.information(self, self.tr("界面语言"), self.tr("界面语言将在下次启动程序时切换。"))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "救助顾问工作台 %1\n\n为村（社区）救助顾问设计的桌面工具：家庭登记、入户走访、资格核对、"
            "表格打印，无网络也能使用。").replace("%1", __version__))

    def _restore_state(self) -> None:
        if not self.settings.main_geometry.isEmpty():
            self.restoreGeometry(self.settings.main_geometry)
        if not self.settings.main_state.isEmpty():
            self.restoreState(self.settings.main_state)
        self._splitter_restored = False
        state = self.settings.main_splitter
        # a split stored before the editor was ever opened has no width for it: EDITOR_SHARE then
        if stored_sizes(state, Qt.Orientation.Horizontal) is not None:
            self._splitter_restored = self.splitter.restoreState(state)
            self.editor_area.hide()  # shown again with the first household opened
        if not self.settings.header_state.isEmpty():
            self.list_pane.restore_header(self.settings.header_state)

    def save_state(self) -> None:
        if self.editor is not None:
            self.editor.save_layout()
        self.settings.main_geometry = self.saveGeometry()
        self.settings.main_state = self.saveState()
        self.settings.main_splitter = self.splitter.saveState()
        self.settings.header_state = self.table.horizontalHeader().saveState()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and not self.editor.confirm_close():
            event.ignore()
            return
        self.save_state()
        self.auto_lock.stop()
        self.list_pane.stop_watching()
        self.operations.shutdown()
        super().closeEvent(event)

