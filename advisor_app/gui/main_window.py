"""The main window: the household list (search as you type), the editor area, menus and toolbar.

Layout: a splitter with the list (:mod:`.household_list_pane`: search box above the table) on the left
and the editor area on the right (hidden until something is shown there with
:meth:`MainWindow.show_editor`). Every database call goes through ``self.operations`` (one
background worker); the list re-runs its query when ``operations.data_changed`` fires.

Other screens plug in here: the household editor (``gui.household_editor.HouseholdEditor``), the
visit dialog (``gui.visit_dialog.VisitDialog``) and the forms (they add actions to
``self.print_menu``). Those modules are imported lazily, when first used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QSplitter, QStackedWidget, QToolBar, QWidget

from advisor_app import __version__
from advisor_app.domain.household import Household
from advisor_app.services import household_list
from advisor_app.services import households as household_service
from advisor_app.services.profile import Profile

from . import settings as gui_settings
from .editor_splitter import stored_sizes
from .household_list_pane import HouseholdListPane
from .household_summary import HouseholdSummaryView
from .operations import Operations

LIST_MIN_WIDTH = 420
EDITOR_SHARE = 0.6  # of the window's width when the editor first opens (1366 px: the panel fits beside the tabs)


def _has_module(name: str) -> bool:
    """Whether an optional screen's module exists (it is imported only when first used)."""
    if name in sys.modules:
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile
        self.operations = Operations(profile, self)
        self.operations.data_changed.connect(self.on_data_changed)
        self.settings = gui_settings.settings
        self.editor: Any = None  # the HouseholdEditor, created on first use
        self._demo = False

        self.list_pane = HouseholdListPane(profile, self.operations)
        self.list_pane.household_activated.connect(self.open_household)
        # The pane's parts, as other screens and tests know them.
        self.search, self.table, self.model = self.list_pane.search, self.list_pane.table, self.list_pane.model
        self.count_label = self.list_pane.count_label
        self._build_layout()
        self._build_actions()
        self._build_menus()
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
        def action(text: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
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
        self.check_action = action(self.tr("资格核对"), self.check_current, "Ctrl+K",
                                   self.tr("按政策核对选中家庭可申请的救助项目"))
        self.check_action.setVisible(_has_module("advisor_app.gui.eligibility_panel"))
        self.screen_action = action(self.tr("批量筛查"), self.screen_all, None,
                                    self.tr("按现行政策重新核对全部家庭的救助资格"))
        self.screen_action.setVisible(_has_module("advisor_app.services.eligibility"))
        self.find_action = action(self.tr("查找"), self.list_pane.focus_search, QKeySequence.StandardKey.Find)
        self.quit_action = action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.full_ids_action = QAction(self.tr("显示完整身份证号"), self)
        self.full_ids_action.setCheckable(True)
        self.full_ids_action.toggled.connect(self.model.set_show_full_ids)
        self.about_action = action(self.tr("关于"), self.about)

        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.new_action, self.edit_action, self.visit_action, self.check_action, self.screen_action):
            toolbar.addAction(a)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.addAction(self.find_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        household_menu = bar.addMenu(self.tr("家庭(&H)"))
        for a in (self.edit_action, self.visit_action, self.check_action, self.screen_action, self.find_action):
            household_menu.addAction(a)
        self.print_menu: QMenu = bar.addMenu(self.tr("打印(&P)"))
        self.print_menu.setObjectName("print_menu")
        self.print_menu.aboutToShow.connect(self._print_menu_placeholder)
        from .print_preview import install_print_actions  # one action per printable form

        self.print_actions = install_print_actions(self)
        settings_menu = bar.addMenu(self.tr("设置(&S)"))
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

    def _print_menu_placeholder(self) -> None:
        if not self.print_menu.actions():
            none = self.print_menu.addAction(self.tr("（暂无可打印的表格）"))
            none.setEnabled(False)
            none.setObjectName("print_placeholder")

    # --- list ---

    @property
    def total(self) -> int:
        return self.list_pane.total

    def run_search(self, *, keep: str | None = None) -> None:
        self.list_pane.run_search(keep=keep)

    def current_household_id(self) -> str | None:
        return self.list_pane.current_household_id()

    def select_household(self, household_id: str, *, scroll: bool = True) -> bool:
        return self.list_pane.select_household(household_id, scroll=scroll)

    def refresh_total(self) -> None:
        def done(result: tuple[int, bool]) -> None:
            self.list_pane.total, self._demo = result
            self.list_pane.update_count()
            self.update_title()

        self.operations.query(lambda p: (household_list.count(p), household_list.is_demo_profile(p)), done)

    def on_data_changed(self, changed: object) -> None:
        self.model.refresh()
        self.run_search()
        self.refresh_total()

    # --- households ---

    def edit_current(self) -> None:
        household_id = self.current_household_id()
        if household_id is None:
            self.statusBar().showMessage(self.tr("请先在列表中选择一户家庭"), 4000)
            return
        self.open_household(household_id)

    def open_household(self, household_id: str) -> None:
        self.operations.query(lambda p: household_service.load_household(p, household_id),
                              self.show_household)

    def show_household(self, household: Household) -> None:
        editor = self.household_editor()
        if editor is None:
            view = HouseholdSummaryView(self)
            view.show_household(household, full_ids=self.model.show_full_ids)
            self.show_editor(view)
            return
        editor.load(household)
        self.show_editor(editor)

    def household_editor(self) -> Any:
        """The household editor (created on first use), or None while that screen does not exist."""
        if self.editor is None:
            if not _has_module("advisor_app.gui.household_editor"):
                return None
            module = importlib.import_module("advisor_app.gui.household_editor")
            self.editor = module.HouseholdEditor(self.operations, self)
            saved = getattr(self.editor, "saved", None)
            if saved is not None:
                saved.connect(self._household_saved)
            requested = getattr(self.editor, "open_household_requested", None)  # 打开该户
            if requested is not None:
                requested.connect(self.open_household)
        return self.editor

    def _household_saved(self, household_id: str) -> None:
        """Select the saved household now, or once the list's refresh shows it (a new one)."""
        self.list_pane.select_after_search(str(household_id))

    def new_household(self) -> None:
        editor = self.household_editor()
        if editor is None:
            QMessageBox.information(self, self.tr("新建家庭"), self.tr("家庭编辑界面尚未提供。"))
            return
        editor.new_household()
        self.show_editor(editor)

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
        household_id = self.current_household_id()
        if household_id is None:
            self.statusBar().showMessage(self.tr("请先在列表中选择一户家庭"), 4000)
            return
        if not _has_module("advisor_app.gui.visit_dialog"):
            QMessageBox.information(self, self.tr("记录走访"), self.tr("走访记录界面尚未提供。"))
            return
        module = importlib.import_module("advisor_app.gui.visit_dialog")

        def show(household: Household) -> None:
            dialog = module.VisitDialog(self.operations, household, self)
            dialog.exec()

        self.operations.query(lambda p: household_service.load_household(p, household_id), show)

    def check_current(self) -> None:
        """资格核对 for the selected household: the editor with its eligibility panel, or the panel alone."""
        household_id = self.current_household_id()
        if household_id is None:
            self.statusBar().showMessage(self.tr("请先在列表中选择一户家庭"), 4000)
            return
        self.operations.query(lambda p: household_service.load_household(p, household_id),
                              self.show_eligibility)

    def show_eligibility(self, household: Household) -> None:
        editor = self.household_editor()
        panel = getattr(editor, "panel", None)
        if editor is not None and panel is not None:
            editor.load(household)
            self.show_editor(editor)
            panel.setFocus()
            return
        module = importlib.import_module("advisor_app.gui.eligibility_panel")
        panel = module.EligibilityPanel(self.operations, self)
        panel.show_for(household)
        self.show_editor(panel)

    def screen_all(self) -> None:
        from advisor_app.services import eligibility

        def done(summary: Any) -> None:
            households = getattr(summary, "households", 0)
            seconds = getattr(summary, "seconds", 0.0)
            self.statusBar().showMessage(
                self.tr("已筛查 %1 户，用时 %2 秒").replace("%1", str(households))
                .replace("%2", f"{seconds:.1f}"), 10000)

        self.operations.long_job(lambda p, progress: eligibility.screen(p, progress=progress), done,
                                 title=self.tr("正在批量筛查"), changed={"screening": True})

    def offer_drafts(self) -> None:
        """At start-up: offer to restore visits that were being typed when the app last stopped."""
        if _has_module("advisor_app.gui.draft_restore"):
            importlib.import_module("advisor_app.gui.draft_restore").offer_draft_restore(self)

    def fill_demo_households(self, count: int) -> None:
        """Fill a brand-new profile with demo households (with a progress dialog)."""
        from advisor_app.services import demo

        self.operations.long_job(lambda p, progress: demo.fill_demo(p, count, progress=progress), None,
                                 title=self.tr("正在生成演示数据"), changed={"households": "all"})

    # --- window ---

    def update_title(self) -> None:
        title = self.tr("救助顾问工作台")
        if self._demo:
            title += " — " + self.tr("演示数据")
        self.setWindowTitle(title)

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
        save_editor_layout = getattr(self.editor, "save_layout", None)
        if callable(save_editor_layout):
            save_editor_layout()
        self.settings.main_geometry = self.saveGeometry()
        self.settings.main_state = self.saveState()
        self.settings.main_splitter = self.splitter.saveState()
        self.settings.header_state = self.table.horizontalHeader().saveState()

    def closeEvent(self, event: QCloseEvent) -> None:
        close_editor = getattr(self.editor, "confirm_close", None)
        if callable(close_editor) and not close_editor():
            event.ignore()
            return
        self.save_state()
        self.operations.shutdown()
        super().closeEvent(event)

