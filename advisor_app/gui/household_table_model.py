"""The household list as a Qt table model: only ids, plus a lazily filled cache of row pages.

Searching and sorting happen in SQL (:mod:`advisor_app.services.household_list`); the model is
given the resulting ordered ids (``set_ids``) and asks ``fetch_rows`` for the columns of a page of
100 ids when a row of that page is first displayed. At most ``MAX_PAGES`` pages are kept, so
scrolling through 200,000 households neither stalls nor fills memory. Row fetches are synchronous
on the GUI thread (a page costs a few milliseconds; SQLite's WAL lets them read while the worker
writes), like Anki's browser table.

Clicking a header does not sort here: the model emits ``sort_requested(key, descending)`` and the
window runs the ordered query again.

:class:`ArchivedTableModel` lists the archived households (归档: a few, so all their rows at once),
with why, when and by whom. :func:`household_label` is how every screen names a household.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from advisor_app.services import household_list as marks
from advisor_app.services.household_list import HouseholdListRow
from advisor_app.services.households import ArchivedHousehold

from . import language

FetchRows = Callable[[Sequence[str]], list[HouseholdListRow]]
Index = QModelIndex | QPersistentModelIndex

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# (header text, sort key or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("户主", "head_name"),
    ("身份证号", None),
    ("村（社区）", "village"),
    ("人数", "member_count"),
    ("当前状态", "status"),
    ("最近走访", "last_visit"),
    ("下次核查", "next_review"),
    ("发送", "unsent"),  # 未发送 / 待确认 / nothing (services.household_list: the row's mark)
)
HEAD, ID_NUMBER, VILLAGE, MEMBERS, STATUS, LAST_VISIT, NEXT_REVIEW, UNSENT = range(len(COLUMNS))


def household_label(head_name: str, village: str) -> str:
    """How the window title, the editor and the dialogs name a household: 吴晓霞户 — 七星村."""
    label = QCoreApplication.translate("HouseholdLabel", "%1户").replace("%1", head_name or "—")
    return f"{label} — {village}" if village else label


class HouseholdTableModel(QAbstractTableModel):
    PAGE = 100
    MAX_PAGES = 40

    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, fetch_rows: FetchRows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, HouseholdListRow]] = OrderedDict()
        self._row_of: dict[str, int] | None = None
        self.show_full_ids = False
        self.today = dt.date.today()
        self.fetches = 0  # page fetches so far (tests and benchmarks look at it)
        self.sort_key = "village"
        self.descending = False

    # --- content ---

    def set_ids(self, ids: list[str]) -> None:
        """Show these households, in this order (the result of a search). The same households in
        the same order (a search again after a change) keep the view as it is: its current row, its
        scroll position; only their cells are fetched again."""
        if ids == self._ids:
            self.refresh()
            return
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._row_of = None
        self.today = dt.date.today()
        self.endResetModel()

    def complete_ids(self, ids: list[str]) -> None:
        """The whole result of the search whose first rows are shown (``set_ids``): the rest are
        appended, the rows shown stay as they are (all anew when the shown ones are not its start)."""
        shown = len(self._ids)
        if ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self._row_of = None
            self.endInsertRows()

    def refresh(self) -> None:
        """Forget cached rows (after a change); shown rows are fetched again."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def refresh_households(self, household_ids: Iterable[str]) -> None:
        """Fetch these households' rows again when next shown (their pages are forgotten)."""
        rows = sorted(r for r in (self.row_of(h) for h in household_ids) if r is not None)
        for row in rows:
            self._pages.pop(row // self.PAGE, None)
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def refresh_column(self, column: int) -> None:
        """Fetch every row again when next shown, announcing that ``column`` changed."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def set_show_full_ids(self, show: bool) -> None:
        self.show_full_ids = show
        if self._ids:
            self.dataChanged.emit(self.index(0, ID_NUMBER), self.index(len(self._ids) - 1, ID_NUMBER))

    def ids(self) -> list[str]:
        return self._ids

    def household_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, household_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {h: i for i, h in enumerate(self._ids)}
        return self._row_of.get(household_id)

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_data(self, row: int) -> HouseholdListRow | None:
        page = row // self.PAGE
        cached = self._pages.get(page)
        if cached is None:
            start = page * self.PAGE
            chunk = self._ids[start:start + self.PAGE]
            cached = {r.id: r for r in self._fetch_rows(chunk)}
            self.fetches += 1
            self._pages[page] = cached
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return cached.get(self._ids[row])

    # --- QAbstractTableModel ---

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None

    def header_text(self, section: int) -> str:
        headers = (self.tr("户主"), self.tr("身份证号"), self.tr("村（社区）"), self.tr("人数"),
                   self.tr("当前状态"), self.tr("最近走访"), self.tr("下次核查"), self.tr("发送"))
        return headers[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == HOUSEHOLD_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_data(index.row())
        if row is None:  # deleted since the search ran
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (MEMBERS, UNSENT):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == NEXT_REVIEW and row.next_review is not None and row.next_review < self.today:
                return QBrush(QColor(180, 30, 30))  # review overdue
            if column == UNSENT and row.mark == marks.UNSENT:
                return QBrush(QColor(160, 80, 0))
            if column == UNSENT and row.mark == marks.UNCONFIRMED:
                return QBrush(QColor(110, 110, 110))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == VILLAGE:
                return f"{row.town} {row.village}"
            if column == NEXT_REVIEW and row.next_review is not None and row.next_review < self.today:
                return self.tr("已过核查日期")
            if column == UNSENT and row.mark == marks.UNSENT:
                return self.tr("有改动还没有导出到数据包")
            if column == UNSENT and row.mark == marks.UNCONFIRMED:
                return self.tr("已导出，对方还没有确认收到")
            return None
        return self._display(row, column)

    def _display(self, row: HouseholdListRow, column: int) -> str | int:
        if column == HEAD:
            return row.head_name
        if column == ID_NUMBER:
            return row.head_id_number if self.show_full_ids else row.head_id_masked
        if column == VILLAGE:
            return row.village
        if column == MEMBERS:
            return row.member_count
        if column == STATUS:
            return language.label_list("program_short", row.programs)
        if column == LAST_VISIT:
            return row.last_visit.isoformat() if row.last_visit else ""
        if column == NEXT_REVIEW:
            return row.next_review.isoformat() if row.next_review else ""
        if column == UNSENT:
            return self.mark_text(row.mark)
        return ""

    def mark_text(self, mark: int) -> str:
        if mark == marks.UNSENT:
            return self.tr("未发送")
        if mark == marks.UNCONFIRMED:
            return self.tr("待确认")
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sort_requested.emit(key, self.descending)



class ArchivedTableModel(QAbstractTableModel):
    """The archived households: head, village, members, day archived, reason, by whom."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArchivedHousehold] = []

    def set_rows(self, rows: list[ArchivedHousehold]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def household_id(self, row: int) -> str:
        return self._rows[row].id

    def archived(self, row: int) -> ArchivedHousehold:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("户主"), self.tr("村（社区）"), self.tr("人数"), self.tr("归档日期"),
                    self.tr("归档原因"), self.tr("经办人"))[section]
        return None

    def reason_text(self, a: ArchivedHousehold) -> str:
        reason = language.label("archive_reason", a.reason) if a.reason else self.tr("未记录原因")
        return f"{reason}：{a.note}" if a.note else reason

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == HOUSEHOLD_ID_ROLE:
            return a.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (a.head_name, a.village, a.member_count, a.archived_on.isoformat() if a.archived_on else "",
                  self.reason_text(a), a.archived_by)
        return values[index.column()]
