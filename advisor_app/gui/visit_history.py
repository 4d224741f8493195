"""走访记录: a household's visit history and its needs list, in one dialog opened from the household.

Two tabs. 走访记录 lists the visits newest first (date, type, investigators, needs); the selected one
is shown below, read-only: a past visit records what was seen and said that day and may have been
signed on paper, so it is not edited afterwards (see :mod:`advisor_app.services.visits`). What
changes later is the status of its needs, on the 需求清单 tab (:mod:`.needs_list`,
:mod:`.need_status_dialog`). 打印此次走访记录表 previews the 走访记录表 of the selected visit;
打印空白走访记录表 one for the next visit, with the household and its members filled in.

Opened with :func:`open_visit_history` (window-modal, deleted on close) from the household editor's
走访记录 button and the main window's 家庭 ▸ 走访记录 (Ctrl+H). It reads through the background
operations and reloads itself when a write changes this household (a visit recorded, a status
changed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Visit
from advisor_app.services import visits
from advisor_app.services.changes import Changes
from advisor_app.services.visits import VisitHistory

from . import errors, language
from .need_status_dialog import NeedStatusDialog
from .needs_list import NeedsList, fill_row, read_only_table
from .operations import Operations
from .print_preview import PrintPreviewDialog, pdf_file_name, show_print_preview

DATE, TYPE, INVESTIGATORS, NEEDS = range(4)


def _read_only_line() -> QLineEdit:
    line = QLineEdit()
    line.setReadOnly(True)
    return line


class VisitHistoryDialog(QDialog):
    def __init__(self, operations: Operations, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.household_id = household_id
        self.history: VisitHistory | None = None
        self.advisor = ""
        self.preview: PrintPreviewDialog | None = None  # the last preview opened
        self.status_dialog: NeedStatusDialog | None = None
        self.setWindowTitle(self.tr("走访记录"))
        self.resize(760, 620)
        self._build()
        operations.data_changed.connect(self._on_data_changed)
        self.reload()

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setStyleSheet("font-weight: bold;")
        self.header.setWordWrap(True)
        self.visit_table = read_only_table([self.tr("走访日期"), self.tr("走访类型"), self.tr("走访人员"),
                                            self.tr("需求")], INVESTIGATORS)
        self.no_visits = QLabel(self.tr("这户家庭还没有走访记录。可以先打印空白走访记录表，走访时填写。"))
        self.no_visits.setWordWrap(True)
        self.no_visits.hide()
        self.detail = QGroupBox(self.tr("所选走访（只读）"))
        self.date = _read_only_line()
        self.type = _read_only_line()
        self.investigators = _read_only_line()
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.visit_needs = read_only_table([self.tr("类别"), self.tr("需求描述"), self.tr("当前状态")], 1)
        self.visit_needs.setMaximumHeight(120)
        self.follow_up = _read_only_line()
        self.next_visit = _read_only_line()
        form = QFormLayout(self.detail)
        form.addRow(self.tr("走访日期"), self.date)
        form.addRow(self.tr("走访类型"), self.type)
        form.addRow(self.tr("调查（走访）人员"), self.investigators)
        form.addRow(self.tr("情况记录"), self.notes)
        form.addRow(self.tr("发现的需求"), self.visit_needs)
        form.addRow(self.tr("后续跟进"), self.follow_up)
        form.addRow(self.tr("约定下次走访"), self.next_visit)
        self.print_visit_button = QPushButton(self.tr("打印此次走访记录表(&P)…"))
        self.print_blank_button = QPushButton(self.tr("打印空白走访记录表(&B)…"))
        self.print_blank_button.setToolTip(self.tr("下次走访时手写：已填好户主、住址和家庭成员"))
        prints = QHBoxLayout()
        prints.addWidget(self.print_visit_button)
        prints.addWidget(self.print_blank_button)
        prints.addStretch(1)
        visits_page = QWidget()
        page = QVBoxLayout(visits_page)
        page.addWidget(self.no_visits)
        page.addWidget(self.visit_table, 1)
        page.addWidget(self.detail, 2)
        page.addLayout(prints)
        self.needs = NeedsList()
        self.tabs = QTabWidget()
        self.tabs.addTab(visits_page, self.tr("走访记录(&V)"))
        self.tabs.addTab(self.needs, self.tr("需求清单(&N)"))
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.visit_table.itemSelectionChanged.connect(self._show_selected_visit)
        self.print_visit_button.clicked.connect(self.print_selected_visit)
        self.print_blank_button.clicked.connect(self.print_blank)
        self.needs.change_requested.connect(self.change_need_status)

    # --- loading ---

    def reload(self) -> None:
        household_id = self.household_id
        self.operations.query(lambda p: (visits.visit_history(p, household_id), visits.advisor_name(p)),
                              self._loaded, on_error=self._load_failed)

    def _loaded(self, result: tuple[VisitHistory, str]) -> None:
        if not isValid(self):
            return
        history, self.advisor = result
        keep = self.selected_visit()
        self.history = history
        h = history.household
        self.setWindowTitle(self.tr("走访记录 — %1").replace("%1", h.head_name or "—"))
        self.header.setText(self.tr("户主：%1　%2　共 %n 次走访", "", len(history.visits))
                            .replace("%1", h.head_name or "—")
                            .replace("%2", " ".join(p for p in (h.village, h.address) if p)))
        self.visit_table.setRowCount(len(history.visits))
        for row, v in enumerate(history.visits):
            fill_row(self.visit_table, row, [v.date.isoformat(), language.label("visit_type", v.type),
                                             "、".join(v.investigators), str(len(v.needs))], v.id)
        self.no_visits.setVisible(not history.visits)
        self.detail.setVisible(bool(history.visits))
        rows = [i for i, v in enumerate(history.visits) if keep is not None and v.id == keep.id] or [0]
        if history.visits:
            self.visit_table.selectRow(rows[0])
        self._show_selected_visit()
        self.needs.set_needs(history.needs)

    def _load_failed(self, exc: DomainError) -> None:
        if isValid(self):
            errors.show_error(self, exc, self.tr("无法打开走访记录"))
            self.reject()

    def _on_data_changed(self, changes: Changes) -> None:
        if isValid(self) and changes.touches_household(self.household_id):
            self.reload()

    # --- the selected visit ---

    def selected_visit(self) -> Visit | None:
        if self.history is None:
            return None
        selected = self.visit_table.selectionModel().selectedRows()
        row = selected[0].row() if selected else -1
        return self.history.visits[row] if 0 <= row < len(self.history.visits) else None

    def select_visit(self, visit_id: str) -> bool:
        assert self.history is not None
        for row, v in enumerate(self.history.visits):
            if v.id == visit_id:
                self.visit_table.selectRow(row)
                return True
        return False

    def _show_selected_visit(self) -> None:
        v = self.selected_visit()
        self.print_visit_button.setEnabled(v is not None)
        self.date.setText(v.date.isoformat() if v else "")
        self.type.setText(language.label("visit_type", v.type) if v else "")
        self.investigators.setText("、".join(v.investigators) if v else "")
        self.notes.setPlainText(v.notes if v else "")
        self.follow_up.setText(v.follow_up if v else "")
        self.next_visit.setText(v.next_visit.isoformat() if v and v.next_visit else "")
        # the needs with their status now (the needs list's), in the visit's order
        needs = self.history.needs_of(v.id) if v and self.history else []
        self.visit_needs.setRowCount(len(needs))
        for row, n in enumerate(needs):
            fill_row(self.visit_needs, row, [language.label("need_category", n.category), n.description,
                                             language.label("need_status", n.status)], n.id)

    # --- printing ---

    def print_selected_visit(self) -> None:
        v = self.selected_visit()
        if v is None or v.id is None or self.history is None:
            return
        household_id, visit_id = self.household_id, v.id
        title = self.tr("走访记录表")
        name = pdf_file_name("走访记录表", self.history.household.head_name, on=v.date)  # Chinese, as printed
        self.operations.query(lambda p: visits.print_visit_record(p, household_id, visit_id),
                              lambda pdf: self._preview(pdf, title, name))

    def print_blank(self) -> None:
        if self.history is None:
            return
        household_id = self.household_id
        title = self.tr("走访记录表（空白）")
        name = pdf_file_name("走访记录表", self.history.household.head_name, "空白")
        self.operations.query(lambda p: visits.print_blank_visit_record(p, household_id),
                              lambda pdf: self._preview(pdf, title, name))

    def _preview(self, pdf: bytes, title: str, file_name: str) -> None:
        if isValid(self):
            self.preview = show_print_preview(self, pdf, title, file_name)

    # --- needs ---

    def change_need_status(self, need_id: str) -> None:
        need = next((n for n in self.history.needs if n.id == need_id), None) if self.history else None
        if need is None:
            return
        dialog = NeedStatusDialog(self.operations, self.household_id, need, self.advisor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.status_dialog = dialog
        dialog.open()


def open_visit_history(operations: Operations, household_id: str, parent: QWidget | None) -> VisitHistoryDialog:
    """Open the 走访记录 dialog of a stored household (window-modal, deleted on close)."""
    dialog = VisitHistoryDialog(operations, household_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
