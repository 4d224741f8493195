"""The household list's 已归档 view: the households archived (归档, see
:func:`advisor_app.services.households.archive_household`) with reason, day and advisor
(:class:`.household_table_model.ArchivedTableModel`), filtered by the list's search box, and 恢复,
which makes the selected one a registered household again. ``switch`` (在册家庭 / 已归档) goes
beside the search box; the list pane shows this view or its table by it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.errors import DomainError
from advisor_app.services import households as household_service
from advisor_app.services.changes import Changes

from . import errors
from .household_table_model import ArchivedTableModel, household_label
from .operations import Operations

COLUMN_WIDTHS = (90, 110, 50, 100, 200)


class ArchivedView(QWidget):
    restored = Signal(str, str)  # id and label of the household restored

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.switch = QComboBox()
        self.switch.addItem(self.tr("在册家庭"), False)
        self.switch.addItem(self.tr("已归档"), True)
        self.switch.setToolTip(self.tr("已归档的家庭不出现在列表、公示和台账中，可以恢复"))
        self.model = ArchivedTableModel(self)
        self.table = self._build_table()
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setToolTip(self.tr("把选中的家庭恢复到在册家庭中"))
        self.restore_button.clicked.connect(self.restore_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        layout.addLayout(restore_row)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.horizontalHeader().resizeSection(column, width)
        return table

    def showing(self) -> bool:
        """The switch is on 已归档."""
        return bool(self.switch.currentData())

    def search(self, text: str, *, wanted: Callable[[], bool], shown: Callable[[], None]) -> None:
        """List the archived households matching ``text`` (on the worker); the answer is shown only
        while ``wanted()`` (no newer search since), then ``shown()`` runs."""

        def done(rows: list[household_service.ArchivedHousehold]) -> None:
            if not wanted():
                return
            self.model.set_rows(rows)
            if rows:
                self.table.setCurrentIndex(self.model.index(0, 0))
            self.restore_button.setEnabled(bool(rows))
            shown()

        self.operations.query(lambda p: household_service.archived_households(p, text), done)

    def has_current(self) -> bool:
        """An archived household is selected (the household actions say to restore it first)."""
        return self.table.currentIndex().isValid()

    def count_text(self) -> str:
        return self.tr("已归档 %1 户").replace("%1", str(self.model.rowCount()))

    def restore_current(self) -> None:
        """恢复: make the selected archived household a registered one again."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        archived = self.model.archived(index.row())
        household_id, label = archived.id, household_label(archived.head_name, archived.village)

        def done(_result: None) -> None:
            self.restored.emit(household_id, label)

        def failed(exc: DomainError) -> None:
            errors.show_error(self, exc, self.tr("无法恢复"))

        self.operations.write(lambda p: household_service.restore_household(p, household_id), done,
                              changed=Changes.of_households([household_id]), on_error=failed)
