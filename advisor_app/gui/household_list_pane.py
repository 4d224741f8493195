"""The household list pane: the search box above the table, searching as the advisor types.

Each search (150 ms after the last key, or at once on Enter, on a header click, after a change)
runs on the background worker: ``services.household_list.first_ids`` (the first ``FIRST_ROWS``,
painted at once when the list's order allows it), then ``ids`` for the whole list (appended; the count
and the selection follow). A newer search wins over an older one: its results are dropped, and the
whole list of a search that a new key has replaced is not looked for at all.
The table shows :class:`HouseholdTableModel`, which fetches the rows it shows.
Double-click or Enter on a row emits ``household_activated(id)``; moving to another row (a click,
the arrow keys) emits ``current_changed(id)`` ("" when no row is current): while the editor is shown,
the main window opens that household in it, so the list and the editor never show different ones.

The switch beside the search box shows the registered households or the archived ones
(:mod:`.archived_view`: reason, day and advisor, filtered by the same search box, and 恢复).

Writes by another program (the CLI, an import in another window) are noticed without a click: every
``EXTERNAL_POLL_MS`` the worker asks ``household_list.watch_changes`` whether the database changed
(skipped while the worker is busy); when it did, ``operations.data_changed`` carries a change of all
households and the screening results, and every screen refreshes as after an import.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import household_list
from advisor_app.services.changes import Changes
from advisor_app.services.profile import Profile

from .archived_view import ArchivedView
from .household_table_model import STATUS, VILLAGE, HouseholdTableModel, household_label
from .operations import Operations

SEARCH_DEBOUNCE_MS = 150
FIRST_ROWS = 200
"""A search shows its first rows as soon as they are found, the rest follow (and then the count)."""
EXTERNAL_POLL_MS = 1000  # how often to ask whether another program changed the database
COLUMN_WIDTHS = (90, 170, 110, 50, 150, 100, 100, 64)
VISIT_SORT_KEYS = ("last_visit", "next_review")  # what a visit changes of a row, as the list sorts by it


class HouseholdTableView(QTableView):
    """Enter/Return opens the current household like a double-click; the status column takes the
    spare width (down to ``status_min_width``, then the list scrolls sideways)."""

    status_min_width = 150

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_status_column()

    def fit_status_column(self) -> None:
        header = self.horizontalHeader()
        spare = self.viewport().width() - header.length()
        width = header.sectionSize(STATUS)
        target = max(self.status_min_width, width + spare)
        if target != width:
            header.resizeSection(STATUS, target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.doubleClicked.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class HouseholdListPane(QWidget):
    household_activated = Signal(str)
    current_changed = Signal(str)  # the household of the current row; "" for none
    restored = Signal(str, str)  # id and label of a household restored from the archived view

    def __init__(self, profile: Profile, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.total = 0  # households in the profile (set by the window)
        self.searched_text: str | None = None  # the text of the search now shown
        self._generation = 0
        self._select_after_search: str | None = None

        self.model = HouseholdTableModel(lambda ids: household_list.rows(profile, ids), self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母（如 wxx）、身份证号后几位、村（社区）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.run_search)
        self.search.installEventFilter(self)
        self.table = self._build_table()
        self.model.sort_requested.connect(lambda *_: self.run_search())  # header clicks from now on
        self._replacing = False  # the rows are being replaced by a search's: the current row is in flux
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: None if self._replacing else self.current_changed.emit(self.current_household_id() or ""))
        self.count_label = QLabel()  # the window puts it in its status bar

        self.archived = ArchivedView(operations)
        self.archived.restored.connect(self.restored)
        self.archived.switch.currentIndexChanged.connect(self._view_changed)
        # the view's parts, as other screens and tests know them
        self.view, self.archived_model = self.archived.switch, self.archived.model
        self.archived_table, self.restore_button = self.archived.table, self.archived.restore_button
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.archived)

        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(QLabel(self.tr("查找：")))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(search_row)
        layout.addWidget(self.pages, 1)

        self._watch = household_list.watch_changes(profile)
        self._poll = QTimer(self)
        self._poll.setInterval(EXTERNAL_POLL_MS)
        self._poll.timeout.connect(self.check_external_changes)
        self._poll.start()
        self.check_external_changes()  # takes note of the version the list starts from

    def _build_table(self) -> HouseholdTableView:
        table = HouseholdTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        metrics = header.fontMetrics()
        for column, width in enumerate(COLUMN_WIDTHS):  # never narrower than the (translated) header
            text = self.model.header_text(column)
            header.resizeSection(column, max(width, metrics.horizontalAdvance(text) + 36))
        table.status_min_width = header.sectionSize(STATUS)
        table.setSortingEnabled(True)
        header.setSortIndicator(VILLAGE, Qt.SortOrder.AscendingOrder)
        table.doubleClicked.connect(self._row_activated)
        return table

    def restore_header(self, state: object) -> None:
        header = self.table.horizontalHeader()
        header.restoreState(state)  # type: ignore[arg-type]
        header.setSortIndicator(VILLAGE, Qt.SortOrder.AscendingOrder)  # the query starts in this order

    # --- searching ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box moves into the list (typing, then arrows and Enter)."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount()):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _text_changed(self, _text: str) -> None:
        """A key in the search box: the search shown is no longer wanted (its whole list, if still
        being looked for, is given up); the new one runs after the typing pause."""
        self._generation += 1
        self._debounce.start()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self, *, keep: str | None = None) -> None:
        """Run the list query for the search text and sort on the worker; newer searches win.
        The selected household (or ``keep``) stays selected when it is still listed."""
        self._debounce.stop()
        text = self.search.text().strip()
        if self.showing_archived():
            self._search_archived(text)
            return
        sort, descending = self.model.sort_key, self.model.descending
        self._generation += 1
        generation = self._generation
        keep = keep or self._select_after_search or self.current_household_id()

        def done(ids: list[str]) -> None:
            with self._rows_replaced():
                self.model.set_ids(ids)
                shown()

        def shown() -> None:  # every id of the result is in the model
            self.searched_text = text
            self.update_count()
            just_saved = keep is not None and keep == self._select_after_search
            if just_saved:
                self._select_after_search = None
            if keep is None or self.select_household(keep, scroll=just_saved):
                return
            if just_saved and text:
                # a household just created that the search leaves out: the whole list, with it selected
                self._select_after_search = keep
                self.search.clear()
                self.run_search()

        def whole(ids: list[str] | None, first_shown: bool) -> None:
            if ids is None or generation != self._generation:
                return
            if first_shown:
                with self._rows_replaced():
                    self.model.complete_ids(ids)
                    shown()
            else:
                done(ids)

        def first(ids: list[str] | None) -> None:
            if generation != self._generation:
                return  # a newer search is on its way
            if ids is not None and len(ids) < FIRST_ROWS:
                done(ids)  # that is all of them
                return
            if ids is not None:
                self.model.set_ids(ids)  # painted now; the count and the selection when all are in
            # Not run, or given up as it runs, once the text changed again (typing on): the worker
            # goes on to the newer search instead of finishing this whole list first.
            self.operations.query(lambda p: household_list.ids(p, text, sort, descending,
                                                               wanted=lambda: generation == self._generation)
                                  if generation == self._generation else None,
                                  lambda all_ids: whole(all_ids, ids is not None))

        self.operations.query(lambda p: household_list.first_ids(p, text, sort, descending, limit=FIRST_ROWS),
                              first)

    @contextmanager
    def _rows_replaced(self) -> Iterator[None]:
        """While a search's rows replace the list's and the kept household is selected again, the
        current row passes through none or another row: ``current_changed`` is said once afterwards,
        and only when the household differs (else the editor would open another one meanwhile)."""
        before = self.current_household_id() or ""
        self._replacing = True
        try:
            yield
        finally:
            self._replacing = False
        now = self.current_household_id() or ""
        if now != before:
            self.current_changed.emit(now)

    # --- writes by another program ---

    def check_external_changes(self) -> None:
        """Ask (on the worker) whether the database changed; refresh every screen when it did."""
        if self.operations.busy() or not self.operations.running():
            return  # a job of ours is running or queued: ask at the next tick
        watch = self._watch

        def seen(changed: bool) -> None:
            if changed:
                self.operations.data_changed.emit(Changes(all_households=True, screening=True))

        self.operations.query(lambda _p: watch.changed(), seen)

    def release_watch(self) -> None:
        """On the worker, before a re-key: the watch gives its connection (on the old key) back."""
        self._watch.close()

    def renew_watch(self) -> None:
        """A watch on the profile's engine as it is now (after a re-key), the old one closed."""
        old, self._watch = self._watch, household_list.watch_changes(self.operations.profile)
        if self.operations.running():
            self.operations.query(lambda _p: old.close(), lambda _none: None)
        else:
            old.close()

    def pause_watching(self) -> None:
        """Stop asking and close the watch's connection (before a restore replaces the file)."""
        self.stop_watching()

    def resume_watching(self) -> None:
        """Watch the profile's (re-opened) database again."""
        self._watch = household_list.watch_changes(self.operations.profile)
        self._poll.start()
        self.check_external_changes()

    def stop_watching(self) -> None:
        """Stop asking and give the watch's connection back (when the window closes)."""
        self._poll.stop()
        watch = self._watch
        if self.operations.running():
            self.operations.query(lambda _p: watch.close(), lambda _none: None)
        else:
            watch.close()

    # --- the archived view ---

    def showing_archived(self) -> bool:
        return self.archived.showing()

    def show_archived(self, archived: bool) -> None:
        self.view.setCurrentIndex(1 if archived else 0)

    def _view_changed(self, _index: int) -> None:
        archived = self.showing_archived()
        self.pages.setCurrentIndex(1 if archived else 0)
        self.run_search()
        self.current_changed.emit(self.current_household_id() or "")

    def _search_archived(self, text: str) -> None:
        self._generation += 1
        generation = self._generation

        def shown() -> None:
            self.searched_text = text
            self.update_count()

        self.archived.search(text, wanted=lambda: generation == self._generation, shown=shown)

    def restore_current(self) -> None:
        """恢复: make the selected archived household a registered one again."""
        self.archived.restore_current()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a write changed: the search again when households were added, edited or
        deleted (they may now match, or sort, differently); only the changed rows when their visits
        changed; the status column after a screening or a policy change (and the search again when
        the list is sorted by what changed)."""
        sort = self.model.sort_key
        if (changes.households_listed() or (changes.visits and sort in VISIT_SORT_KEYS)
                or ((changes.screening or changes.policy) and sort == "status")):
            self.model.refresh()
            self.run_search()
            return
        if changes.visits:
            self.model.refresh_households(changes.visits)
        if changes.screening or changes.policy:
            self.model.refresh_column(STATUS)

    def update_count(self) -> None:
        if self.showing_archived():
            self.count_label.setText(self.archived.count_text())
            return
        shown = self.model.rowCount()
        if self.searched_text:
            self.count_label.setText(self.tr("找到 %n 户（共 %1 户）", "", shown).replace("%1", str(self.total)))
        else:
            self.count_label.setText(self.tr("共 %n 户", "", max(shown, self.total)))

    # --- selection ---

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.household_activated.emit(self.model.household_id(index.row()))

    def current_household_id(self) -> str | None:
        """The registered household of the current row (None in the archived view)."""
        if self.showing_archived():
            return None
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.household_id(index.row())

    def select_household(self, household_id: str, *, scroll: bool = True) -> bool:
        row = self.model.row_of(household_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        if scroll:
            self.table.scrollTo(index)
        return True

    def clear_current(self) -> None:
        """No row current (the editor shows a household not yet saved)."""
        self.table.setCurrentIndex(QModelIndex())
        self.table.clearSelection()

    def current_label(self) -> str | None:
        """The current row's household as :func:`household_label` names it."""
        household_id = self.current_household_id()
        row = self.model.row_of(household_id) if household_id else None
        data = self.model.row_data(row) if row is not None else None
        return household_label(data.head_name, data.village) if data is not None else None

    def select_after_search(self, household_id: str) -> None:
        """Select this household now, or when the next search shows it (one just created; when the
        search text leaves it out, the search is cleared)."""
        if not self.select_household(household_id):
            self._select_after_search = household_id
