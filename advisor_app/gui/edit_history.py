"""The household editor's one undo history: 撤销, Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z).

:class:`EditHistory` keeps snapshots of the household in the editor: edits closer together than
``SNAPSHOT_MS`` count as one, at most ``HISTORY_LIMIT`` are kept, and what 撤销 undid can be redone
until the next edit. :class:`UndoKeys` makes Ctrl+Z and Ctrl+Y do exactly what the 撤销 button does
wherever the focus is in the editor, also inside a field: a field's own undo is bypassed, so there
is one undo history, not one per field plus the button's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.domain.household import Household

SNAPSHOT_MS = 400
HISTORY_LIMIT = 200


class EditHistory(QObject):
    """Snapshots of what the editor holds, starting from ``start``; ``current()`` reads what it holds
    now (a new object each call)."""

    def __init__(self, start: Household, current: Callable[[], Household], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self._past: list[Household] = []
        self._future: list[Household] = []  # what undo undid, for redo, until the next edit
        self.last = start  # the latest snapshot
        self.timer = QTimer(self)  # running: an edit not yet in a snapshot
        self.timer.setSingleShot(True)
        self.timer.setInterval(SNAPSHOT_MS)
        self.timer.timeout.connect(self.record)

    def reset(self, state: Household) -> None:
        """Start again from ``state`` (a household loaded or discarded): nothing to undo."""
        self.timer.stop()
        self.start_from(state)

    def start_from(self, state: Household) -> None:
        """Forget every snapshot: ``state`` is the first (an edit under way still ends in one)."""
        self.last = state
        self._past.clear()
        self._future.clear()

    def edited(self) -> None:
        """An edit by the advisor: a snapshot soon; what was undone cannot come back."""
        self._future.clear()
        self.timer.start()

    def record(self) -> None:
        """Take a snapshot now when the household differs from the last one."""
        now = self._current()
        if now != self.last:
            self._past.append(self.last)
            del self._past[:-HISTORY_LIMIT]
            self.last = now

    def can_undo(self) -> bool:
        return bool(self._past) or self.timer.isActive()

    def undo(self) -> Household | None:
        """The previous snapshot (None: nothing to undo)."""
        self.timer.stop()
        self.record()
        if not self._past:
            return None
        self._future.append(self.last)
        self.last = self._past.pop()
        return self.last

    def redo(self) -> Household | None:
        """Forward again to what :meth:`undo` undid (None: nothing, or an edit since)."""
        self.timer.stop()
        self.record()
        if not self._future:
            return None
        self._past.append(self.last)
        self.last = self._future.pop()
        return self.last


class UndoKeys(QObject):
    """The undo and redo keys in any field of ``editor`` go to ``undo`` and ``redo``."""

    def __init__(self, editor: QWidget, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(editor)
        self._editor = editor
        self._undo, self._redo = undo, redo
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The field is told it wants the key (no shortcut fires), then the key press steps."""
        if isinstance(event, QKeyEvent) and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            step = (self._undo if event.matches(QKeySequence.StandardKey.Undo)
                    else self._redo if event.matches(QKeySequence.StandardKey.Redo) else None)
            if step is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    step()
                return True
        return super().eventFilter(watched, event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Fields come and go (table cells, members): watch each one as it takes the focus. Installing
        # the same filter again only moves it first.
        if new is not None and self._editor.isAncestorOf(new):
            new.installEventFilter(self)
