"""The household editor: every fact about one household, with the eligibility check beside it.

Tabs: 家庭 (居住地址 and 户籍地址, region, area, phone), 成员 (:mod:`.member_editor`), 财产与支出
(:mod:`.assets_editor`), 赡养人 (:mod:`.supporters_editor`); the :class:`EligibilityPanel` beside the
tabs (below them when the editor is narrower than ``SIDE_BY_SIDE_WIDTH``, see :mod:`.editor_splitter`)
re-checks as the advisor types. 撤销 steps back through snapshots of the household (edits closer
together than ``SNAPSHOT_MS`` count as one), and Ctrl+Z does exactly the same wherever the focus is in
the editor, also inside a field: a field's own undo is bypassed (:meth:`HouseholdEditor.eventFilter`),
so there is one undo history, not one per field plus the button's. Ctrl+Y (Ctrl+Shift+Z) redoes
what was undone, until the next edit. Esc closes the editor (``close_requested``), after asking
when there are unsaved edits, which are then discarded. 保存 (Ctrl+S) writes through the background
operations and never blocks. When a write elsewhere changes the household shown (a visit
recorded, the list's data regenerated), the editor loads it again, unless the advisor has unsaved
edits in it.

After every edit the household is checked with :func:`advisor_app.domain.validation.household_problems`
(the rules the services and the importer use) and each problem is shown beside its field, on its
tab. While there is one, 保存 is refused with the same messages and nothing is written. When the
service refuses because a member is already in another household, the message offers 打开该户:
``open_household_requested`` then carries that household's id (the main window opens it).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import validation
from advisor_app.domain.errors import DomainError, InvalidRecord, PersonInAnotherHousehold, Problem
from advisor_app.domain.household import Household, Visit
from advisor_app.services import households as household_service
from advisor_app.services.changes import Changes

from . import errors
from .assets_editor import AssetsEditor
from .editor_splitter import EditorSplitter
from .eligibility_panel import EligibilityPanel
from .household_table_model import household_label
from .income_table import code_combo
from .member_editor import MemberEditor, problem_line
from .operations import Operations
from .region_picker import RegionPicker
from .supporters_editor import SupportersEditor

SNAPSHOT_MS = 400
HISTORY_LIMIT = 200
SIDE_BY_SIDE_WIDTH = 800  # narrower: the eligibility panel goes below the tabs


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab page that scrolls instead of making the tabs tall (the panel below them keeps its room)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class HouseholdEditor(QWidget):
    changed = Signal()
    saved = Signal(str)
    open_household_requested = Signal(str)  # 打开该户: the household a member is already in
    close_requested = Signal()  # Esc: back to the list (unsaved edits discarded after asking)
    header_changed = Signal()  # the household named in the header (or its unsaved mark) changed

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self._id: str | None = None
        self._version = 0
        self._visits: list[Visit] = []
        self._applying = False
        self._saving = False
        self._history: list[Household] = []
        self._future: list[Household] = []  # what 撤销 undid, for Ctrl+Y, until the next edit
        self._refused: list[Problem] = []  # what the last save was refused for (until the next edit)
        self._quiet = True  # a new, untouched household: no red lines until something is typed
        self._new_region = ""  # where a new household starts: the profile's region and village
        self._new_village = ""
        self.other_household_box: QMessageBox | None = None
        self._snap_timer = QTimer(self)
        self._snap_timer.setSingleShot(True)
        self._snap_timer.setInterval(SNAPSHOT_MS)
        self._snap_timer.timeout.connect(self._record)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销上一次修改（Ctrl+Z）"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setToolTip(self.tr("保存这户家庭（Ctrl+S）"))
        self.save_button.setDefault(True)
        self.undo_button.clicked.connect(self.undo)
        self.save_button.clicked.connect(self.save)
        self.history_button = QPushButton(self.tr("走访记录…"))  # visits and needs of this household
        self.history_button.setToolTip(self.tr("查看这户家庭的历次走访和需求清单，打印走访记录表（Ctrl+H）"))
        self.history_button.clicked.connect(self.open_visit_history)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.history_button)
        top.addWidget(self.undo_button)
        top.addWidget(self.save_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._build_household_tab()), self.tr("家庭"))
        self.members = MemberEditor()  # its form scrolls on its own
        self.tabs.addTab(self.members, self.tr("成员"))
        self.assets = AssetsEditor()
        self.tabs.addTab(_scrolling(self.assets), self.tr("财产与支出"))
        self.supporters = SupportersEditor()
        self.tabs.addTab(self.supporters, self.tr("赡养人"))
        self.panel = EligibilityPanel(operations)
        self.splitter = EditorSplitter(self.tabs, self.panel, side_by_side_width=SIDE_BY_SIDE_WIDTH)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        for part in (self.members, self.assets, self.supporters):
            part.changed.connect(self._on_change)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save, context=context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo, context=context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, self.redo, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.escape, context=context)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # Ctrl+Z in a field: see eventFilter
            app.focusChanged.connect(self._focus_changed)
        operations.data_changed.connect(self.on_data_changed)

        blank = self._blank()
        self._last = blank
        self._saved: Household = copy.deepcopy(blank)
        self._apply(blank)
        self._refresh_header()
        self._show_problems()

    def _build_household_tab(self) -> QWidget:
        page = QWidget()
        self.address = QLineEdit()
        self.registered_address = QLineEdit()
        self.registered_address.setPlaceholderText(self.tr("与居住地址不同时填写"))
        self.town = QLineEdit()
        self.village = QLineEdit()
        self.area = code_combo("area", "rural")
        self.region = RegionPicker(self.operations.profile)
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.household_problem = problem_line()  # region, area
        form = QFormLayout(page)
        form.addRow(self.tr("所属地区（政策表）"), self.region)
        form.addRow(self.tr("户籍性质"), self.area)
        form.addRow(self.tr("乡镇（街道）"), self.town)
        form.addRow(self.tr("村（社区）"), self.village)
        form.addRow(self.tr("居住地址"), self.address)
        form.addRow(self.tr("户籍地址"), self.registered_address)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow("", self.household_problem)
        for edit in (self.address, self.registered_address, self.town, self.village, self.phone, self.notes):
            edit.textChanged.connect(self._on_change)
        self.area.currentIndexChanged.connect(self._on_change)
        self.region.code_changed.connect(self._on_change)
        return page

    def _blank(self) -> Household:
        # a profile without its own region (the demo, a test): 合肥市蜀山区, where the demo starts
        return Household(region=self._new_region or "340104", village=self._new_village, area="rural")

    def set_new_household_defaults(self, region: str, village: str) -> None:
        """The profile's own region and (first) village: what a new household starts with."""
        self._new_region, self._new_village = region, village

    # --- public API ---

    def load(self, household: Household) -> bool:
        """Show ``household`` (after asking, when unsaved changes would be lost)."""
        if not self._may_discard():
            return False
        self._reset(copy.deepcopy(household))
        return True

    def new_household(self) -> bool:
        if not self._may_discard():
            return False
        self._reset(self._blank())
        self.tabs.setCurrentWidget(self.members)
        self.members.add_member()
        self._saved = self.household()  # an untouched new household is not "unsaved work"
        self._last = self._saved
        self._history.clear()
        self._future.clear()
        self._refresh_header()
        self._quiet = True
        self._show_problems()
        return True

    @property
    def household_id(self) -> str | None:
        """The id of the stored household shown (``None``: a new one, not saved yet)."""
        return self._id

    def household_label(self, household: Household | None = None) -> str:
        """吴晓霞户 — 七星村 (as typed now, or as in ``household``), or 新建家庭 before it is saved."""
        if self._id is None:
            return self.tr("新建家庭")
        now = household or self.household()
        head = next((m for m in now.members if m.relation == "head"), None)
        return household_label(head.name if head else "", now.village)

    def open_visit_history(self) -> None:
        """走访记录 of the household shown (:mod:`.visit_history`)."""
        if self._id is not None:
            from .visit_history import open_visit_history

            open_visit_history(self.operations, self._id, self)

    def household(self) -> Household:
        """The household as it stands in the editor now (a new object each call)."""
        return Household(
            region=self.region.code(), area=str(self.area.currentData()), address=self.address.text().strip(),
            village=self.village.text().strip(), members=self.members.members(),
            assets=self.assets.assets(), supporters=self.supporters.supporters(),
            expenses=self.assets.expenses(), emergency=self.assets.emergency(),
            visits=copy.deepcopy(self._visits), town=self.town.text().strip(), phone=self.phone.text().strip(),
            notes=self.notes.text().strip(), id=self._id, version=self._version,
            registered_address=self.registered_address.text().strip())

    def is_dirty(self) -> bool:
        return self.household() != self._saved

    def problems(self) -> list[Problem]:
        """What keeps the household in the editor from being saved (the visits are not saved here)."""
        return validation.household_problems(self.household(), with_visits=False)

    def save(self) -> bool:
        """Start saving (in the background). False when something must be corrected first."""
        if self._saving:
            return False
        self._record()
        problems = self.problems()
        if problems:
            self._quiet = False
            self._show_problems()
            self._refuse(problems)
            QMessageBox.warning(self, self.tr("无法保存"), self.tr("请先改正以下内容，家庭信息没有保存：") + "\n"
                                + "\n".join(p.message for p in problems))
            return False
        job = self.household()
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在保存…"))
        self.operations.write(lambda p: household_service.save_household(p, job, with_visits=False),
                              self._saved_ok, changed=lambda h: Changes.of_households([h.id]),
                              on_error=self._save_failed)
        return True

    def undo(self) -> None:
        """撤销 and Ctrl+Z (in any field of the editor): back to the previous snapshot."""
        if self._snap_timer.isActive():
            self._snap_timer.stop()
        self._record()
        if not self._history:
            self.status.setText(self.tr("没有可以撤销的修改"))
            return
        self._future.append(self._last)
        self._step_to(self._history.pop(), self.tr("已撤销上一次修改"))

    def redo(self) -> None:
        """Ctrl+Y / Ctrl+Shift+Z: forward again to what 撤销 undid (nothing after a new edit)."""
        self._snap_timer.stop()
        self._record()
        if not self._future:
            self.status.setText(self.tr("没有可以恢复的修改"))
            return
        self._history.append(self._last)
        self._step_to(self._future.pop(), self.tr("已恢复撤销的修改"))

    def _step_to(self, state: Household, message: str) -> None:
        self._last = state
        self._apply(state)
        self.status.setText(message)
        self._after_change()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Undo and redo keys in a field of the editor go to the editor's one history: the field
        is told it wants the key (no shortcut fires), then the key press does :meth:`undo`."""
        if isinstance(event, QKeyEvent) and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            step = (self.undo if event.matches(QKeySequence.StandardKey.Undo)
                    else self.redo if event.matches(QKeySequence.StandardKey.Redo) else None)
            if step is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    step()
                return True
        return super().eventFilter(watched, event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Fields come and go (table cells, members): watch each one as it takes the focus. Installing
        # the same filter again only moves it first.
        if new is not None and self.isAncestorOf(new):
            new.installEventFilter(self)

    def escape(self) -> None:
        """Esc: close the editor; with unsaved edits, only after the advisor agrees to discard them."""
        if self.is_dirty():
            if not self._may_discard():
                return
            self.discard_changes()
        self.close_requested.emit()

    def discard_changes(self) -> None:
        """Show the household as last saved (or the new household as started), edits gone."""
        self._reset(copy.deepcopy(self._saved))

    def clear(self) -> None:
        """Show an empty new household, without asking (the household shown was archived)."""
        self._reset(self._blank())

    def confirm_discard(self) -> bool:
        """Ask before unsaved edits would be lost; True when there are none or they may go."""
        return self._may_discard()

    def confirm_close(self) -> bool:
        """Called when the main window closes: ask about unsaved changes."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("未保存的修改"), self.tr("这户家庭有未保存的修改。要保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def on_data_changed(self, changes: Changes) -> None:
        """Load the household shown again when a write changed what is stored about it."""
        if self._id is None or self._saving or not changes.touches_household(self._id):
            return
        household_id = self._id
        self.operations.query(lambda p: household_service.load_household(p, household_id), self._reloaded,
                              on_error=self._reload_failed)

    def _reloaded(self, stored: Household) -> None:
        if stored.id != self._id or self._saving or stored == self._saved:
            return  # another household by now, a save under way, or nothing new (the editor's own save)
        if self.is_dirty():
            return  # the advisor's unsaved edits win; saving them keeps the stored visits
        self._reset(stored)

    def _reload_failed(self, exc: DomainError) -> None:  # e.g. deleted meanwhile
        self.status.setText(str(exc))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The panel sits beside the tabs when there is room, below them when the editor is narrow."""
        super().resizeEvent(event)
        self.splitter.arrange(self.width())

    def save_layout(self) -> None:
        """Keep the advisor's split between the tabs and the panel (the main window calls this on close)."""
        self.splitter.save_layout()

    # --- machinery ---

    def _may_discard(self) -> bool:
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("未保存的修改"), self.tr("当前家庭有未保存的修改，放弃这些修改吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _reset(self, household: Household) -> None:
        self._snap_timer.stop()
        self._id, self._version = household.id, household.version
        self._visits = copy.deepcopy(household.visits)
        self._apply(household)
        self._saved = self.household()
        self._last = self._saved
        self._history.clear()
        self._future.clear()
        self.status.setText("")
        self.status.setStyleSheet("")
        self._refused = []
        self._quiet = False
        self._refresh_header(self._saved)
        self._show_problems(self._saved)
        self.panel.show_for(self._saved)

    def _apply(self, h: Household) -> None:
        """Put ``h`` into the widgets without recording an edit."""
        self._applying = True
        row = self.members.current_row()
        self.region.set_code(h.region)
        self.area.setCurrentIndex(max(0, self.area.findData(h.area)))
        for edit, value in ((self.address, h.address), (self.registered_address, h.registered_address),
                            (self.town, h.town), (self.village, h.village),
                            (self.phone, h.phone), (self.notes, h.notes)):
            if edit.text() != value:
                edit.setText(value)
        self.members.set_members(h.members)
        if 0 <= row < len(h.members):
            self.members.select(row)
        self.assets.set_values(h.assets, h.expenses, h.emergency)
        self.supporters.set_supporters(h.supporters)
        self._applying = False

    def _on_change(self, *_args: object) -> None:
        if self._applying:
            return
        self._future.clear()  # a new edit: what was undone cannot come back
        self._snap_timer.start()
        self._after_change()

    def _after_change(self) -> None:
        self._refused = []
        self._quiet = False
        household = self.household()
        self._refresh_header(household)
        self._show_problems(household)
        self.changed.emit()
        self.panel.show_for(household)

    def _show_problems(self, household: Household | None = None) -> None:
        """Put each problem beside its field: members, supporters, assets and household tabs (nothing
        on a new household before anything is typed or 保存 is pressed)."""
        problems = [] if self._quiet else validation.household_problems(household or self.household(),
                                                                        with_visits=False)
        problems += [p for p in self._refused if p not in problems]
        self.members.show_problems(problems)
        self.supporters.show_problems(problems)
        self.assets.show_problems(problems)
        own = [p.message for p in problems if p.path[0] in ("region", "area")]
        self.household_problem.setText("\n".join(own))
        self.household_problem.setVisible(bool(own))

    def _refuse(self, problems: list[Problem]) -> None:
        """Saving was refused: say so on the status line and bring the first problem into view."""
        self.status.setText(self.tr("未保存：") + problems[0].message)
        self.status.setStyleSheet("color: #d32f2f;")
        first = problems[0]
        part = first.path[0]
        if part == "members":
            self.tabs.setCurrentWidget(self.members)
            if len(first.path) > 1 and isinstance(first.path[1], int):
                self.members.select(first.path[1])
        elif part == "supporters":
            self.tabs.setCurrentWidget(self.supporters)
        elif part in ("assets", "expenses", "emergency"):
            self.tabs.setCurrentIndex(2)
        else:
            self.tabs.setCurrentIndex(0)

    def _record(self) -> None:
        now = self.household()
        if now != self._last:
            self._history.append(self._last)
            del self._history[:-HISTORY_LIMIT]
            self._last = now

    def _saved_ok(self, stored: Household) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._id, self._version = stored.id, stored.version
        self.members.adopt_ids(stored.members)
        self._saved = stored
        self.status.setText(self.tr("已保存"))
        self._refresh_header()
        if stored.id:
            self.saved.emit(stored.id)

    def _save_failed(self, exc: DomainError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, InvalidRecord) or not exc.problems:
            self.status.setText(self.tr("未保存：") + str(exc))
            self.status.setStyleSheet("color: #d32f2f;")
            errors.show_error(self, exc, self.tr("无法保存"))
            return
        self._refused = list(exc.problems)
        self._show_problems()
        self._refuse(self._refused)
        if isinstance(exc, PersonInAnotherHousehold):
            self._offer_other_household(exc)
        else:
            errors.show_error(self, exc, self.tr("无法保存"))

    def _offer_other_household(self, exc: PersonInAnotherHousehold) -> None:
        """The refusal, with 打开该户 (opens the household the member is already in) and 关闭."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法保存"), str(exc), parent=self)
        open_button = box.addButton(self.tr("打开该户"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        other = exc.other_household

        def finished(_result: int) -> None:
            self.other_household_box = None
            if box.clickedButton() is open_button:
                self.open_household_requested.emit(other)
            box.deleteLater()

        box.finished.connect(finished)
        self.other_household_box = box
        box.open()  # window-modal, does not block: the worker's callback returns at once

    def _refresh_header(self, household: Household | None = None) -> None:
        """Title (head, village, unsaved) and undo; ``household``: what the editor holds now, when known."""
        now = household or self.household()
        title = self.household_label(now)
        if self._id is None and now.village:
            title += " — " + now.village
        if now != self._saved:
            title += self.tr("（未保存）")
        self.title.setText(title)
        self.undo_button.setEnabled(bool(self._history) or self._snap_timer.isActive())
        self.history_button.setEnabled(self._id is not None)
        self.header_changed.emit()
