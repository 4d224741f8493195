"""The region picker: the counties and districts that have a policy table, by code and name.

Fed by the policy tables (``services.policy.regions``, the shipped tables plus the profile's local
table). A household whose code has no table still shows its code, marked as such, so nothing is lost.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from advisor_app.domain.errors import DomainError
from advisor_app.services import demo, policy
from advisor_app.services.profile import Profile

log = logging.getLogger("advisor_app.gui")


def known_regions(profile: Profile | None) -> list[tuple[str, str]]:
    """(code, name) pairs from the policy tables; the demo data's codes if the tables cannot be read."""
    try:
        return policy.regions(profile)
    except DomainError as exc:
        log.warning("policy tables unreadable for the region picker: %s", exc)
        return demo.demo_regions()


class RegionPicker(QComboBox):
    """Pick a 6-digit region code. ``code_changed(str)`` fires when the advisor picks another one."""

    code_changed = Signal(str)

    def __init__(self, profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(False)
        self.setMaxVisibleItems(20)
        self._regions = known_regions(profile)
        self._fill("")
        self.currentIndexChanged.connect(lambda _i: self.code_changed.emit(self.code()))

    def _fill(self, keep: str) -> None:
        self.blockSignals(True)
        self.clear()
        codes = {code for code, _name in self._regions}
        if keep and keep not in codes:
            self.addItem(self.tr("%1（无政策表）").replace("%1", keep), keep)
        for code, name in self._regions:
            self.addItem(f"{code} {name}", code)
        self.setCurrentIndex(max(0, self.findData(keep)) if keep else 0)
        self.blockSignals(False)

    def code(self) -> str:
        data = self.currentData()
        return str(data) if data is not None else ""

    def set_code(self, code: str) -> None:
        """Select ``code`` (added as an item when the tables do not know it). Emits nothing."""
        index = self.findData(code)
        if index < 0:
            self._fill(code)
        else:
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def codes(self) -> list[str]:
        return [str(self.itemData(i)) for i in range(self.count())]
