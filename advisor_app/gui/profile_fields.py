"""The profile's own fields — region, village(s), the advisor's name — as the first start's
own-profile page (:mod:`.first_start`) and 档案设置 (:mod:`.profile_dialog`) both ask for them, with
the one check of what is missing."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from advisor_app.services.profile import Profile
from advisor_app.services.profile_settings import ProfileInfo, parse_villages

from .region_picker import RegionPicker


class ProfileFields(QObject):
    def __init__(self, profile: Profile | None, info: ProfileInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.region = RegionPicker(profile)
        self.region.set_code(info.region)  # none yet: the advisor picks it, not the list's first
        self.villages = QLineEdit("、".join(info.villages))
        self.villages.setPlaceholderText(self.tr("例如：七星村、光明村（几个村用顿号隔开）"))
        self.advisor = QLineEdit(info.advisor)
        self.advisor.setPlaceholderText(self.tr("您的姓名"))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("所属地区（县、区）"), self.region)
        form.addRow(self.tr("负责的村（社区）"), self.villages)
        form.addRow(self.tr("救助顾问姓名"), self.advisor)

    def region_code(self) -> str:
        return self.region.code()

    def village_names(self) -> tuple[str, ...]:
        return parse_villages(self.villages.text())

    def advisor_name(self) -> str:
        return self.advisor.text().strip()

    def missing(self, *, place: bool = True) -> str:
        """What is missing, in the advisor's words ("" when nothing), with the focus moved there;
        ``place=False`` leaves the region and villages out (a demo profile keeps its own)."""
        if place and not self.region_code():
            self.region.setFocus()
            return self.tr("请选择所属地区（县、区）。")
        if place and not self.village_names():
            self.villages.setFocus()
            return self.tr("请填写您负责的村（社区）名称。")
        if not self.advisor_name():
            self.advisor.setFocus()
            return self.tr("请填写您的姓名。")
        return ""
