"""The law's states of a member, in the member form (advisor-household/2).

状态 (在世 / 已故 / 宣告死亡 / 宣告失踪) with the day of the death or court declaration (enabled when
not living); 刑期/强制戒毒期限（月） (enabled while the member is in prison or compulsory rehab, the
whereabouts the term is for); and three check boxes: 无民事行为能力, 被撤销监护资格, 被遣送出境.
The form's own fields (whereabouts) stay in :mod:`.member_editor`; it tells this part which
whereabouts is chosen (:meth:`MemberStateFields.set_whereabouts`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QGridLayout, QSpinBox, QWidget

from advisor_app.domain.household import Member

from .income_table import code_combo

ORDER_WHEREABOUTS = ("prison", "drug_rehab")
"""Whereabouts with a term (刑期, 强制隔离戒毒期限): the months field is enabled for these."""


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class MemberStateFields(QObject):
    """The widgets, for the member form to lay out (:attr:`state`, :attr:`state_date`,
    :attr:`order_months`, :meth:`flags_row`); ``changed`` after every edit the advisor makes (not
    while :meth:`show` puts a member in)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.state = code_combo("member_state", "living")
        self.state_date = QDateEdit()
        self.state_date.setCalendarPopup(True)
        self.state_date.setDisplayFormat("yyyy-MM-dd")
        self.state_date.setDate(_qdate(dt.date.today()))
        self.state_date.setToolTip(self.tr("死亡日期，或法院宣告死亡、宣告失踪的日期"))
        self.state_date.setEnabled(False)
        self.order_months = QSpinBox()
        self.order_months.setRange(0, 600)
        self.order_months.setSuffix(self.tr(" 个月"))
        self.order_months.setToolTip(self.tr("判决的刑期或强制隔离戒毒决定的期限（不是已离家的月数）"))
        self.order_months.setEnabled(False)
        self.no_legal_capacity = QCheckBox(self.tr("无民事行为能力"))
        self.guardianship_revoked = QCheckBox(self.tr("被撤销监护资格"))
        self.deported = QCheckBox(self.tr("被遣送出境"))
        self.state.currentIndexChanged.connect(self._state_changed)
        self.state_date.dateChanged.connect(self._edited)
        self.order_months.valueChanged.connect(self._edited)
        for box in self.flags():
            box.toggled.connect(self._edited)

    def flags(self) -> tuple[QCheckBox, QCheckBox, QCheckBox]:
        return self.no_legal_capacity, self.guardianship_revoked, self.deported

    def flags_row(self) -> QGridLayout:
        """Two columns, so the row stays narrow in English too."""
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.flags()):
            grid.addWidget(box, i // 2, i % 2)
        return grid

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.state, self.state_date, self.order_months, *self.flags())

    def _state_changed(self, _index: int) -> None:
        self.state_date.setEnabled(self.state.currentData() != "living")
        self._edited()

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_whereabouts(self, whereabouts: str) -> None:
        self.order_months.setEnabled(whereabouts in ORDER_WHEREABOUTS)

    def show(self, m: Member) -> None:
        """Show ``m``'s state (emits nothing)."""
        self._loading = True
        self.state.setCurrentIndex(max(0, self.state.findData(m.state)))
        self.state_date.setDate(_qdate(m.state_date or dt.date.today()))
        self.state_date.setEnabled(m.state != "living")
        self.order_months.setValue(m.order_months)
        self.set_whereabouts(m.whereabouts)
        self.no_legal_capacity.setChecked(m.no_legal_capacity)
        self.guardianship_revoked.setChecked(m.guardianship_revoked)
        self.deported.setChecked(m.deported)
        self._loading = False

    def fill(self, m: Member) -> None:
        """Put the fields' values into ``m`` (a living member has no state date)."""
        m.state = str(self.state.currentData())
        q = self.state_date.date()
        m.state_date = None if m.state == "living" else dt.date(q.year(), q.month(), q.day())
        m.order_months = self.order_months.value()
        m.no_legal_capacity = self.no_legal_capacity.isChecked()
        m.guardianship_revoked = self.guardianship_revoked.isChecked()
        m.deported = self.deported.isChecked()
