"""The 家庭 menu's actions that load the household shown and open a dialog or write on the worker:
记录走访 (:class:`.visit_dialog.VisitDialog`), 走访记录 (:mod:`.visit_history`), 资格核对 (the editor
with its eligibility panel), 归档家庭… (:mod:`.archive_dialog`, then the write; 已恢复 when the
list's 已归档 view restores one) and 批量筛查 (a long job with its progress dialog).

Each acts on the window's ``household_for_action()`` (the household shown, see
:class:`.main_window.MainWindow`) and says on its status bar what it did. The dialogs are opened
with ``open()`` and deleted by Qt on close (see ``docs/gui.md``, "Objects die on the GUI thread").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from advisor_app.domain.household import Household
from advisor_app.services import households as household_service
from advisor_app.services.changes import Changes
from advisor_app.services.profile_settings import ProfileInfo

from .household_table_model import household_label
from .operations import Operations

if TYPE_CHECKING:
    from advisor_app.services.eligibility import ScreeningSummary

    from .household_editor import HouseholdEditor


class Window(Protocol):
    """What the actions need of the main window."""

    @property
    def operations(self) -> Operations: ...
    @property
    def editor(self) -> HouseholdEditor | None: ...
    @property
    def profile_info(self) -> ProfileInfo: ...
    def household_for_action(self, archived: str | None = None) -> str | None: ...
    def editor_shown(self) -> bool: ...
    def household_editor(self) -> HouseholdEditor: ...
    def show_editor(self, widget: QWidget) -> None: ...
    def close_editor(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class HouseholdActions(QObject):
    """The actions of ``window``; ``parent`` (the window itself) owns their dialogs."""

    def __init__(self, window: Window, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.operations = window.operations

    def _with_household(self, then: Callable[[Household], None], archived: str) -> None:
        """Load the household shown on the worker, then ``then(household)`` (nothing when none is shown;
        ``archived`` says why when the row selected is an archived household)."""
        household_id = self.window.household_for_action(archived)
        if household_id is not None:
            self.operations.query(lambda p: household_service.load_household(p, household_id), then)

    def record_visit(self) -> None:
        """记录走访 for the household shown; the profile's advisor is its first 调查（走访）人员."""

        def show(household: Household) -> None:
            from .visit_dialog import VisitDialog

            # Window-modal and deleted by Qt on close, on this thread. Not exec(): PySide hands an
            # exec()'d dialog to Python's reference counting, which decides the thread it dies on.
            dialog = VisitDialog(self.operations, household, self.parent_widget,
                                 advisor=self.window.profile_info.advisor)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        self._with_household(show, self.tr("已归档的家庭不能记录走访，请先恢复"))

    def show_visit_history(self) -> None:
        """走访记录 of the household shown."""
        household_id = self.window.household_for_action(self.tr("已归档的家庭不能查看走访记录，请先恢复"))
        if household_id is None:
            return
        from .visit_history import open_visit_history

        open_visit_history(self.operations, household_id, self.parent_widget)

    def check_current(self) -> None:
        """资格核对 for the household shown: the editor with its eligibility panel."""
        self._with_household(self.show_eligibility, self.tr("已归档的家庭不能做资格核对，请先恢复"))

    def show_eligibility(self, household: Household) -> None:
        editor = self.window.household_editor()
        editor.load(household)
        self.window.show_editor(editor)
        editor.panel.setFocus()

    def archive_current(self) -> None:
        """归档 the household shown, after the advisor confirms with a reason (:mod:`.archive_dialog`)."""
        window = self.window
        household_id = window.household_for_action(self.tr("这户家庭已经归档了"))
        if household_id is None:
            return
        if window.editor_shown() and window.editor is not None and not window.editor.confirm_discard():
            return
        from .archive_dialog import ArchiveDialog

        def ask(household: Household) -> None:
            dialog = ArchiveDialog(household, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._archive(household, dialog.reason() or "", dialog.note_text(),
                                                          dialog.archived_on()))
            dialog.open()

        self.operations.query(lambda p: household_service.load_household(p, household_id), ask)

    def _archive(self, household: Household, reason: str, note: str, on: dt.date) -> None:
        household_id = household.id or ""
        label = household_label(household.head_name, household.village)

        def done(_result: None) -> None:
            editor = self.window.editor
            if editor is not None and editor.household_id == household_id:
                editor.clear()
                self.window.close_editor()
            self.window.statusBar().showMessage(
                self.tr("已归档 %1，可在列表的“已归档”中恢复").replace("%1", label), 8000)

        self.operations.write(
            lambda p: household_service.archive_household(p, household_id, reason, note, on=on),
            done, changed=Changes.of_households([household_id]))

    def household_restored(self, _household_id: str, label: str) -> None:
        """恢复 in the list's 已归档 view brought this household back."""
        self.window.statusBar().showMessage(self.tr("已恢复 %1").replace("%1", label), 8000)

    def screen_all(self) -> None:
        """批量筛查: every household checked again under the policy in force."""
        from advisor_app.services import eligibility

        def done(summary: ScreeningSummary) -> None:
            self.window.statusBar().showMessage(
                self.tr("已筛查 %n 户，用时 %1 秒", "", summary.households)
                .replace("%1", f"{summary.seconds:.1f}"), 10000)

        self.operations.long_job(lambda p, progress: eligibility.screen(p, progress=progress), done,
                                 title=self.tr("正在批量筛查"), changed=Changes(screening=True))
