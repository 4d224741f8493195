"""The household editor: every fact about one household, with the eligibility check beside it.

Tabs: 家庭 (居住地址 and 户籍地址, region, area, phone), 成员 (:mod:`.member_editor`), 财产与支出
(:mod:`.assets_editor`), 赡养人 (:mod:`.supporters_editor`), and 部门信息 (:mod:`.evidence_tab`, read
only, shown when an imported department list named a member); the :class:`EligibilityPanel` beside the
tabs (below them when the editor is narrower than ``SIDE_BY_SIDE_WIDTH``, see :mod:`.editor_splitter`)
re-checks as the advisor types. 撤销 and Ctrl+Z step back through one history of snapshots,
Ctrl+Y (Ctrl+Shift+Z) forward again (:mod:`.edit_history`). Esc closes the editor
(``close_requested``), after asking when there are unsaved edits, which are then discarded. 保存
(Ctrl+S) writes through the background operations and never blocks. When a write elsewhere changes
the household shown (a visit recorded, the list's data regenerated), the editor loads it again,
unless the advisor has unsaved edits in it.

After every edit the household is checked with :func:`advisor_app.domain.validation.household_problems`
(the rules the services and the importer use) and each problem is shown beside its field, on its
tab. While there is one, 保存 is refused with the same messages and nothing is written. When the
service refuses because a member is already in another household, the message offers 打开该户:
``open_household_requested`` then carries that household's id (the main window opens it).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
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

from . import editor_questions as questions
from . import errors
from .assets_editor import AssetsEditor
from .edit_history import EditHistory, UndoKeys
from .editor_splitter import EditorSplitter
from .eligibility_panel import EligibilityPanel
from .evidence_tab import EvidenceTab
from .household_tab import HouseholdTab
from .household_table_model import household_label
from .member_editor import MemberEditor
from .operations import Operations
from .supporters_editor import SupportersEditor

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
        self._refused: list[Problem] = []  # what the last save was refused for (until the next edit)
        self._quiet = True  # a new, untouched household: no red lines until something is typed
        self._new_region = ""  # where a new household starts: the profile's region and village
        self._new_village = ""
        self.other_household_box: QMessageBox | None = None
        blank = self._blank()
        self.edit_history = EditHistory(blank, self.household, self)

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
        self.household_tab = HouseholdTab(operations.profile)
        self.tabs.addTab(_scrolling(self.household_tab), self.tr("家庭"))
        tab = self.household_tab  # its fields, as the editor's (tests and other screens know them so)
        self.region, self.area, self.town, self.village = tab.region, tab.area, tab.town, tab.village
        self.address, self.registered_address = tab.address, tab.registered_address
        self.phone, self.notes = tab.phone, tab.notes
        self.members = MemberEditor()  # its form scrolls on its own
        self.tabs.addTab(self.members, self.tr("成员"))
        self.assets = AssetsEditor()
        self.tabs.addTab(_scrolling(self.assets), self.tr("财产与支出"))
        self.supporters = SupportersEditor()
        self.tabs.addTab(self.supporters, self.tr("赡养人"))
        self.evidence = EvidenceTab(operations)  # 部门信息: shown only when a list said something
        evidence_index = self.tabs.addTab(self.evidence, self.tr("部门信息"))
        self.tabs.setTabVisible(evidence_index, False)
        self.evidence.has_evidence.connect(lambda found: self.tabs.setTabVisible(evidence_index, found))
        self.panel = EligibilityPanel(operations)
        self.splitter = EditorSplitter(self.tabs, self.panel, side_by_side_width=SIDE_BY_SIDE_WIDTH)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        for part in (self.household_tab, self.members, self.assets, self.supporters):
            part.changed.connect(self._on_change)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save, context=context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo, context=context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, self.redo, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.escape, context=context)
        self.undo_keys = UndoKeys(self, self.undo, self.redo)  # Ctrl+Z in a field: the same history
        operations.data_changed.connect(self.on_data_changed)

        self._saved: Household = copy.deepcopy(blank)
        self._apply(blank)
        self._refresh_header()
        self._show_problems()

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
        self.edit_history.start_from(self._saved)
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
            registered_address=self.registered_address.text().strip(), receiving=self.assets.receipts())

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
            self.members.reveal_problems()
            self._show_problems()
            self._refuse(problems)
            questions.not_saved(self, problems)
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
        state = self.edit_history.undo()
        if state is None:
            self.status.setText(self.tr("没有可以撤销的修改"))
            return
        self._step_to(state, self.tr("已撤销上一次修改"))

    def redo(self) -> None:
        """Ctrl+Y / Ctrl+Shift+Z: forward again to what 撤销 undid (nothing after a new edit)."""
        state = self.edit_history.redo()
        if state is None:
            self.status.setText(self.tr("没有可以恢复的修改"))
            return
        self._step_to(state, self.tr("已恢复撤销的修改"))

    def _step_to(self, state: Household, message: str) -> None:
        self._apply(state)
        self.status.setText(message)
        self._after_change()

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
        answer = questions.save_before_close(self)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def on_data_changed(self, changes: Changes) -> None:
        """Load the household shown again when a write changed what is stored about it."""
        if self._id is None or not changes.touches_household(self._id):
            return
        household_id = self._id
        self.evidence.show_for(household_id)  # an import may have added some (the household unchanged)
        if self._saving:
            return
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
        return not self.is_dirty() or questions.may_discard(self)

    def _reset(self, household: Household) -> None:
        self._id, self._version = household.id, household.version
        self._visits = copy.deepcopy(household.visits)
        self._apply(household)
        self._saved = self.household()
        self.edit_history.reset(self._saved)
        self.status.setText("")
        self.status.setStyleSheet("")
        self._refused = []
        self._quiet = False
        self._refresh_header(self._saved)
        self._show_problems(self._saved)
        self.panel.show_for(self._saved)
        self.evidence.show_for(self._id)

    def _apply(self, h: Household) -> None:
        """Put ``h`` into the widgets without recording an edit."""
        self._applying = True
        row = self.members.current_row()
        self.household_tab.set_household(h)
        self.members.set_members(h.members)
        if 0 <= row < len(h.members):
            self.members.select(row)
        self.assets.set_values(h.assets, h.expenses, h.emergency)
        self._share_members(h)
        self.assets.set_receipts(h.receiving)
        self.supporters.set_supporters(h.supporters)
        self._applying = False

    def _share_members(self, h: Household) -> None:
        """The members, for the supporters' 是谁的亲属 and the receipts' 享受人 choices."""
        self.supporters.set_members(h.members)
        self.assets.set_members(h.members)

    def _on_change(self, *_args: object) -> None:
        if self._applying:
            return
        self.edit_history.edited()
        self._after_change()

    def _after_change(self) -> None:
        self._refused = []
        self._quiet = False
        household = self.household()
        self._share_members(household)
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
        self.household_tab.show_problems(problems)

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
        elif part in ("assets", "expenses", "emergency", "receiving"):
            self.tabs.setCurrentIndex(2)
        else:
            self.tabs.setCurrentIndex(0)

    def _record(self) -> None:
        """Take the snapshot now that ``SNAPSHOT_MS`` after the last edit would take."""
        self.edit_history.record()

    @property
    def _snap_timer(self) -> QTimer:  # running: an edit not yet in a snapshot
        return self.edit_history.timer

    def _saved_ok(self, stored: Household) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._id, self._version = stored.id, stored.version
        self.members.adopt_ids(stored.members)
        self._saved = stored
        self.status.setStyleSheet("")
        self.status.setText(self.tr("已保存") if not self.is_dirty() else
                            self.tr("已保存；保存时正在输入的修改尚未保存"))
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

        def closed() -> None:
            self.other_household_box = None

        self.other_household_box = questions.offer_other_household(self, exc, self.open_household_requested.emit,
                                                                   closed)

    def _refresh_header(self, household: Household | None = None) -> None:
        """Title (head, village, unsaved) and undo; ``household``: what the editor holds now, when known."""
        now = household or self.household()
        title = self.household_label(now)
        if self._id is None and now.village:
            title += " — " + now.village
        if now != self._saved:
            title += self.tr("（未保存）")
            if self.status.text() == self.tr("已保存"):  # the title and the status line say the same
                self.status.setText("")
        self.title.setText(title)
        self.undo_button.setEnabled(self.edit_history.can_undo())
        self.history_button.setEnabled(self._id is not None)
        self.header_changed.emit()
