"""The region picker: every district, county, county-level city and zone (开发区) of Anhui, found by
typing.

Type a name or part of one (合肥, 蜀山, 经开区), pinyin initials (hf, ss) or a code (3401): a list of
matches opens under the field, the best one highlighted; arrow keys move, Enter or Tab picks, Esc
closes the list. The drop-down button (or Alt+↓) shows the whole list. Items read
"合肥市 · 合肥经济技术开发区（340177）", so a zone is never shown (or printed) as a district.

The list and the search rule come from ``services.regions``. A household stored with a code the list
does not offer (an older edition's code, a city's code, a code nobody knows) keeps it, shown with a
note, until the advisor picks another.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListView, QWidget

from advisor_app.domain.errors import DomainError
from advisor_app.services import demo, regions
from advisor_app.services.profile import Profile
from advisor_app.services.regions import RegionChoice

log = logging.getLogger("advisor_app.gui")
CODE_ROLE = Qt.ItemDataRole.UserRole


def known_choices(profile: Profile | None) -> list[RegionChoice]:
    """The regions to offer; the demo data's codes if the region list or tables cannot be read."""
    try:
        return regions.region_choices(profile)
    except DomainError as exc:
        log.warning("region list unreadable for the region picker: %s", exc)
        return [RegionChoice(code, name, name) for code, name in demo.demo_regions()]


def known_regions(profile: Profile | None) -> list[tuple[str, str]]:
    """(code, label) of the regions the picker offers."""
    return [(c.code, c.label) for c in known_choices(profile)]


def item_text(choice: RegionChoice) -> str:
    """"合肥市 · 合肥经济技术开发区（340177）"."""
    return choice.label if choice.label == choice.code else f"{choice.label}（{choice.code}）"


class RegionPicker(QComboBox):
    """Pick a 6-digit region code. ``code_changed(str)`` fires when the advisor picks another one."""

    code_changed = Signal(str)

    def __init__(self, profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.setEditable(True)
        self._edit = edit = QLineEdit(self)
        self.setLineEdit(edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # not the combo's inline completion (Qt takes None; the stubs do not say so): ``finder`` lists the matches
        self.setCompleter(None)  # type: ignore[arg-type]
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        edit.setPlaceholderText(self.tr("输入地名、拼音首字母或代码"))
        self.setToolTip(self.tr("输入地名（合肥、蜀山、经开区）、拼音首字母（hf、ss）或代码（3401），"
                                "用↑↓选择，回车确定"))
        self._choices = known_choices(profile)
        self._matches = QStandardItemModel(self)
        self.finder = QCompleter(self._matches, self)
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setMaxVisibleItems(12)
        self._popup = QListView()
        self.finder.setPopup(self._popup)  # the completer owns it from here on
        self._popup.installEventFilter(self)
        self.finder.setWidget(edit)
        # the stubs do not know overloaded signals: this is activated(QModelIndex), not (str)
        self.finder.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        edit.textEdited.connect(self._typed)
        edit.returnPressed.connect(self._enter)
        self._fill("")
        self.currentIndexChanged.connect(lambda _i: self.code_changed.emit(self.code()))

    # --- public API ---

    def code(self) -> str:
        data = self.currentData(CODE_ROLE)
        return str(data) if data is not None else ""

    def set_code(self, code: str) -> None:
        """Select ``code`` (added as an item, with a note, when the list does not offer it); ``""``: none
        yet (the field shows its hint until the advisor picks one). Emits nothing."""
        if not code:
            self.blockSignals(True)
            self.setCurrentIndex(-1)
            self._edit.clear()
            self.blockSignals(False)
            return
        index = self.findData(code, CODE_ROLE)
        if index < 0:
            self._fill(code)
        else:
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def codes(self) -> list[str]:
        return [str(self.itemData(i, CODE_ROLE)) for i in range(self.count())]

    def matches(self) -> list[str]:
        """Codes in the list of matches now open (or last opened) under the field, in order."""
        return [str(self._matches.item(i).data(CODE_ROLE)) for i in range(self._matches.rowCount())]

    # --- filling ---

    def _fill(self, keep: str) -> None:
        self.blockSignals(True)
        self.clear()
        offered = {c.code for c in self._choices}
        if keep and keep not in offered:
            self._add(self._kept(keep), keep)
        for choice in self._choices:
            self._add(item_text(choice), choice.code, choice.full_name)
        self.setCurrentIndex(max(0, self.findData(keep, CODE_ROLE)) if keep else 0)
        self.blockSignals(False)

    def _add(self, text: str, code: str, tip: str = "") -> None:
        self.addItem(text)
        self.setItemData(self.count() - 1, code, CODE_ROLE)
        if tip:
            self.setItemData(self.count() - 1, f"{tip}（{code}）", Qt.ItemDataRole.ToolTipRole)

    def _kept(self, code: str) -> str:
        """The text of a stored code the list does not offer."""
        try:
            found = regions.describe(code, self._profile)
        except DomainError:
            found = RegionChoice(code, code, code, status="unknown")
        if found.status == "former":
            return self.tr("%1（%2，旧代码，现为 %3）").replace("%1", found.label).replace(
                "%2", code).replace("%3", found.replaced_by)
        if found.status == "not_county":
            return self.tr("%1（%2，请选到县、区）").replace("%1", found.label).replace("%2", code)
        if found.status == "unknown":
            return self.tr("%1（不在地区代码表中）").replace("%1", code)
        return item_text(found)

    # --- typing ---

    def _search(self, text: str) -> list[str]:
        try:
            return regions.search(text, self._profile)
        except DomainError:  # the list could not be read: match the offered items by code or name
            words = text.split()
            return [c.code for c in self._choices if all(w in c.code or w in c.label for w in words)]

    def _typed(self, text: str) -> None:
        self._matches.clear()
        if not text.strip():
            self._popup.hide()
            return
        texts = {self.itemData(i, CODE_ROLE): self.itemText(i) for i in range(self.count())}
        for code in self._search(text):
            if code in texts:
                item = QStandardItem(texts[code])
                item.setData(code, CODE_ROLE)
                self._matches.appendRow(item)
        if self._matches.rowCount() == 0:
            self._popup.hide()
            return
        self.finder.complete()
        popup = self._popup
        popup.setCurrentIndex(self.finder.completionModel().index(0, 0))

    def _picked(self, index: QModelIndex) -> None:
        self._choose(str(index.data(CODE_ROLE)))

    def _enter(self) -> None:
        """Enter with the list of matches closed: take the best match of what was typed. (With the list
        open the list's highlighted match is taken: the key reaches the field first.)"""
        if self._popup.isVisible() or self._edit.text() == self.itemText(self.currentIndex()):
            return
        found = [c for c in self._search(self._edit.text()) if self.findData(c, CODE_ROLE) >= 0]
        if found:
            self._choose(found[0])
        else:
            self._restore()

    def _choose(self, code: str) -> None:
        index = self.findData(code, CODE_ROLE)
        if index < 0:
            return
        self._popup.hide()
        if index == self.currentIndex():
            self._restore()
        else:
            self.setCurrentIndex(index)
        self._edit.selectAll()

    def _restore(self) -> None:
        """Show the picked region's text again (what was typed matched nothing, or focus left)."""
        self._edit.setText(self.itemText(self.currentIndex()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A list of matches hidden before the platform got round to activating it must not keep the
        keyboard (the offscreen platform activates a shown window later, even when it is gone)."""
        if (watched is self._popup and event.type() == QEvent.Type.WindowActivate and not self._popup.isVisible()
                and self.window().isVisible()):
            self.window().activateWindow()
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Typing replaces the shown region (a click would deselect at once: select after it)."""
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self._edit.selectAll)  # not after the picker is gone

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Tab with the list of matches open takes the highlighted match; otherwise leaving the field
        shows the picked region again instead of a half-typed search."""
        popup = self._popup
        current = popup.currentIndex()
        tab = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if popup.isVisible() and current.isValid() and tab:
            self._choose(str(current.data(CODE_ROLE)))
        elif not popup.isVisible() and self._edit.text() != self.itemText(self.currentIndex()):
            self._restore()
        super().focusOutEvent(event)
