"""The household editor's 家庭 tab: region (政策表), 户籍性质, town, village, 居住地址 and 户籍地址,
phone and notes, with the problems of the region and the area below them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Household
from advisor_app.services.profile import Profile

from .income_table import code_combo
from .member_editor import problem_line
from .region_picker import RegionPicker


class HouseholdTab(QWidget):
    changed = Signal()  # a field edited (not emitted by set_household)

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying = False
        self.address = QLineEdit()
        self.registered_address = QLineEdit()
        self.registered_address.setPlaceholderText(self.tr("与居住地址不同时填写"))
        self.town = QLineEdit()
        self.village = QLineEdit()
        self.area = code_combo("area", "rural")
        self.region = RegionPicker(profile)
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.problem = problem_line()  # region, area
        form = QFormLayout(self)
        form.addRow(self.tr("所属地区（政策表）"), self.region)
        form.addRow(self.tr("户籍性质"), self.area)
        form.addRow(self.tr("乡镇（街道）"), self.town)
        form.addRow(self.tr("村（社区）"), self.village)
        form.addRow(self.tr("居住地址"), self.address)
        form.addRow(self.tr("户籍地址"), self.registered_address)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow("", self.problem)
        for edit in self._edits():
            edit.textChanged.connect(self._on_change)
        self.area.currentIndexChanged.connect(self._on_change)
        self.region.code_changed.connect(self._on_change)

    def _edits(self) -> tuple[QLineEdit, ...]:
        return (self.address, self.registered_address, self.town, self.village, self.phone, self.notes)

    def _on_change(self, *_args: object) -> None:
        if not self._applying:
            self.changed.emit()

    def set_household(self, h: Household) -> None:
        """Show ``h``'s facts (a field already showing its value is left alone)."""
        self._applying = True
        self.region.set_code(h.region)
        self.area.setCurrentIndex(max(0, self.area.findData(h.area)))
        for edit, value in zip(self._edits(), (h.address, h.registered_address, h.town, h.village,
                                               h.phone, h.notes), strict=True):
            if edit.text() != value:
                edit.setText(value)
        self._applying = False

    def show_problems(self, problems: list[Problem]) -> None:
        own = [p.message for p in problems if p.path[0] in ("region", "area")]
        self.problem.setText("\n".join(own))
        self.problem.setVisible(bool(own))
