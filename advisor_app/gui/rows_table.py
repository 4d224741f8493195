"""A small table of rows the advisor adds and removes: the shared part of the income, needs and
supporters tables.

:class:`RowsTable` builds the :class:`QTableWidget` (header labels, optionally with a longer form
as tooltip; one column taking the spare width, the others never narrower than their header, so no
header is cut off in either language; no row numbers, whole rows selected) with an "添加…" / "删除…"
button pair below it, and emits ``changed`` after every edit. A subclass puts its cells in with
:meth:`RowsTable.append_row`, says how a blank row looks (:meth:`RowsTable.add_blank_row`) and, when
it keeps data per row that is not shown, forgets it in :meth:`RowsTable.row_removed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")
INVALID_CELL = QColor("#ffe0e0")
W = TypeVar("W", bound=QWidget)


class RowsTable(QWidget):
    changed = Signal()

    def __init__(self, headers: list[str], *, stretch_column: int, edit_column: int, add_text: str,
                 remove_text: str, header_tips: Mapping[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``edit_column``: the cell that gets the keyboard when 添加 makes a new row; ``header_tips``:
        column → the header's long form, shown on hover."""
        super().__init__(parent)
        self.edit_column = edit_column
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        for column in range(len(headers)):
            if column != stretch_column:
                header.resizeSection(column, max(header.defaultSectionSize(),
                                                 header.sectionSizeFromContents(column).width()))
        for column, tip in (header_tips or {}).items():
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(remove_text)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.problem_label = QLabel()  # what is wrong in the rows, in words (see mark_problems)
        self.problem_label.setStyleSheet("color: #d32f2f;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.table)
        self.box.addWidget(self.problem_label)
        self.box.addLayout(buttons)

    # --- for subclasses ---

    def add_blank_row(self) -> int:
        """Append the row 添加 makes; returns its number."""
        raise NotImplementedError

    def row_removed(self, row: int) -> None:
        """Row ``row`` has just been taken out of the table (forget what was kept for it)."""

    def append_row(self, cells: Mapping[int, QWidget | QTableWidgetItem]) -> int:
        """Append a row with these cells (column → widget or item) without emitting ``changed``.
        A widget's own change signals are the subclass's to connect."""
        blocked = self.table.blockSignals(True)
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, cell in cells.items():
                if isinstance(cell, QTableWidgetItem):
                    self.table.setItem(row, column, cell)
                else:
                    self.table.setCellWidget(row, column, cell)
        finally:
            self.table.blockSignals(blocked)
        return row

    def replace_rows(self, values: Iterable[T], add: Callable[[T], object]) -> None:
        """Show one row per value (``add(value)`` appends it); emits nothing."""
        blocked = self.blockSignals(True)
        try:
            for row in reversed(range(self.table.rowCount())):
                self._remove_row(row)
            for value in values:
                add(value)
        finally:
            self.blockSignals(blocked)

    def cell_widget(self, row: int, column: int, kind: type[W]) -> W:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, kind)
        return widget

    def text(self, row: int, column: int) -> str:
        """The stripped text of an item cell ("" when there is none)."""
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def mark_problems(self, by_cell: Mapping[tuple[int, int], str]) -> None:
        """Show what is wrong: the item cells named by (row, column) turn red with the message as
        their tooltip, and the messages are listed below the table. Emits nothing."""
        blocked = self.table.blockSignals(True)
        try:
            for row in range(self.table.rowCount()):
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    if item is not None:
                        message = by_cell.get((row, column))
                        item.setBackground(QBrush(INVALID_CELL) if message else QBrush())
                        item.setToolTip(message or "")
        finally:
            self.table.blockSignals(blocked)
        messages = list(dict.fromkeys(by_cell.values()))
        self.problem_label.setText("\n".join(messages))
        self.problem_label.setVisible(bool(messages))

    # --- buttons ---

    def remove_current(self) -> None:
        """删除: the current row, or the last one when none is current."""
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self._remove_row(row)
            self.changed.emit()

    def _remove_row(self, row: int) -> None:
        self.table.removeRow(row)
        self.row_removed(row)

    def _add_clicked(self) -> None:
        row = self.add_blank_row()
        column = self.edit_column
        self.table.setCurrentCell(row, column)
        item = self.table.item(row, column)
        if item is not None:
            self.table.editItem(item)
        elif (widget := self.table.cellWidget(row, column)) is not None:
            widget.setFocus()
            select_all = getattr(widget, "selectAll", None)
            if callable(select_all):
                select_all()
        self.changed.emit()
