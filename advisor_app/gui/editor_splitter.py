"""The household editor's tabs and its eligibility panel, side by side or one above the other.

:class:`EditorSplitter` puts the panel beside the tabs when the editor is at least
``side_by_side_width`` wide and below them otherwise (the editor calls :meth:`EditorSplitter.arrange`
with its width on every resize). The advisor's split is kept for each arrangement: in memory while
the app runs, and in the window settings (:mod:`.settings`) through :meth:`EditorSplitter.save_layout`,
which the main window calls when it closes. A stored split is applied as proportions, so it fits
whatever size the editor has now.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from . import settings as gui_settings

BESIDE, BELOW = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
FIRST_SHARE = {BESIDE: 0.64, BELOW: 0.5}  # the tabs' share until the advisor moves the handle


class EditorSplitter(QSplitter):
    def __init__(self, first: QWidget, second: QWidget, *, side_by_side_width: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(BESIDE, parent)
        self.side_by_side_width = side_by_side_width
        self.addWidget(first)
        self.addWidget(second)
        self.setChildrenCollapsible(False)
        stored = gui_settings.settings
        self._states: dict[Qt.Orientation, QByteArray] = {
            BESIDE: stored.editor_split_beside, BELOW: stored.editor_split_below}
        self._arranged = False  # no arrangement chosen yet (the editor has not been sized)

    def arrange(self, editor_width: int) -> None:
        """Beside or below for an editor this wide; the split of that arrangement comes back."""
        wanted = BESIDE if editor_width >= self.side_by_side_width else BELOW
        if self._arranged and wanted == self.orientation():
            return
        self._remember()
        self._arranged = True
        self.setOrientation(wanted)
        total = self.width() if wanted == BESIDE else self.height()
        sizes = self._stored_sizes(wanted)
        share = sizes[0] / sum(sizes) if sizes else FIRST_SHARE[wanted]
        first = round(max(1, total) * share)
        self.setSizes([first, max(1, total) - first])

    def save_layout(self) -> None:
        """Store the split of both arrangements in the window settings."""
        if not self._arranged:
            return
        self._remember()
        gui_settings.settings.editor_split_beside = self._states[BESIDE]
        gui_settings.settings.editor_split_below = self._states[BELOW]

    def _remember(self) -> None:
        """Keep the split of the arrangement now shown (one never seen is the default, not kept)."""
        if self._arranged and self.isVisible():
            self._states[self.orientation()] = self.saveState()

    def _stored_sizes(self, orientation: Qt.Orientation) -> list[int] | None:
        return stored_sizes(self._states[orientation], orientation)


def stored_sizes(state: QByteArray, orientation: Qt.Orientation) -> list[int] | None:
    """The sizes of both parts in a stored two-part splitter state, in proportion (None when the state
    is empty, of the other orientation, or has a part of no size: one never shown)."""
    if state.isEmpty():
        return None
    probe = QSplitter(orientation)
    probe.addWidget(QWidget())
    probe.addWidget(QWidget())
    if not probe.restoreState(state) or probe.orientation() != orientation:
        return None
    sizes = probe.sizes()
    return sizes if len(sizes) == 2 and min(sizes) > 0 else None
