"""Before a public notice (公示名单) prints: which village, the 公示期 (from–to) and the 监督电话.

The village list holds every village with households, the profile's own villages first in the
profile's order (:func:`advisor_app.services.documents.notice_places`; the selected household's
village is chosen, else the first); the
公示期 starts today and runs 7 days (both ends counted), and may be longer, never shorter; the
监督电话 is the one used last time (a profile setting, remembered once the notice has been made).
生成 stays disabled while a field would give a notice the services refuse — a blank or impossible
监督电话, a 公示期 shorter than 7 days — and the line under the fields says why, in the same words
(:func:`advisor_app.services.documents.complaint_phone_problem`, ``notice_period_problem``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services.documents import (
    NoticePlace,
    complaint_phone_problem,
    default_notice_end,
    notice_period_problem,
)

from . import language
from .confirm import may_discard


@dataclass(frozen=True, slots=True)
class NoticeRequest:
    """What the advisor chose: the arguments of :func:`advisor_app.services.documents.render_notice`."""

    place: NoticePlace
    start: dt.date
    until: dt.date
    period: str
    phone: str


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class NoticeDialog(QDialog):
    def __init__(self, places: list[NoticePlace], phone: str, current: NoticePlace | None = None,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_dialog")
        self.setWindowTitle(self.tr("打印公示名单"))
        today = today or dt.date.today()
        self._saved_phone = phone.strip()

        self.place = QComboBox()
        self.place.setObjectName("notice_place")
        for p in places:
            self.place.addItem(p.label, p)
        if current is not None and current in places:
            self.place.setCurrentIndex(places.index(current))
        self.start = QDateEdit(_qdate(today))
        self.start.setObjectName("notice_start")
        self.until = QDateEdit(_qdate(default_notice_end(today)))
        self.until.setObjectName("notice_until")
        for edit in (self.start, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period = QLineEdit()
        self.period.setObjectName("notice_period")
        self.period.setPlaceholderText(self.tr("默认为公示开始的月份，如 2026年12月"))
        self.phone = QLineEdit(phone)
        self.phone.setObjectName("notice_phone")
        self.phone.setPlaceholderText(self.tr("如 0551-12345678，下次自动填入"))
        self.problem = QLabel()
        self.problem.setObjectName("notice_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")

        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("至")))
        dates.addWidget(self.until)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("村（社区）"), self.place)
        form.addRow(self.tr("公示期"), dates)
        form.addRow(self.tr("期别"), self.period)
        form.addRow(self.tr("监督电话"), self.phone)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = self.buttons.addButton(self.tr("生成公示名单"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_button.setObjectName("notice_make")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 64)  # the hints stay readable

        self.start.dateChanged.connect(self._start_moved)
        self.until.dateChanged.connect(self._check)
        self.phone.textChanged.connect(self._check)
        self.place.currentIndexChanged.connect(self._check)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.accept,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._check()
        (self.phone if not phone else self.place).setFocus()

    def _start_moved(self, _date: QDate) -> None:
        """Keep the 公示期 at least 7 days: a later start moves the end along."""
        start = _date_of(self.start)
        least = default_notice_end(start)
        if _date_of(self.until) < least:
            self.until.setDate(_qdate(least))
        self._check()

    def problems(self) -> list[str]:
        found = []
        if self.place.currentData() is None:
            found.append(self.tr("没有可公示的村（社区）：请先登记家庭"))
        period = notice_period_problem(_date_of(self.start), _date_of(self.until), language.current())
        if period:
            found.append(period)
        phone = complaint_phone_problem(self.phone.text(), language.current())
        if phone:
            found.append(phone)
        return found

    def _check(self, *_args: object) -> None:
        found = self.problems()
        self.problem.setText("\n".join(found))
        self.problem.setVisible(bool(found))
        self.make_button.setEnabled(not found)

    def accept(self) -> None:
        if self.problems():  # Ctrl+S with a problem left: stay, the line says why
            self._check()
            return
        super().accept()

    def reject(self) -> None:  # Esc, 取消 and the window's close button
        """A 监督电话 or 期别 typed and not used yet is asked about before it is thrown away."""
        typed = self.phone.text().strip() != self._saved_phone or bool(self.period.text().strip())
        if typed and not may_discard(self, self.tr("取消打印"), self.tr("不打印公示名单，放弃已填写的内容吗？")):
            return
        super().reject()

    def request(self) -> NoticeRequest:
        place = self.place.currentData()
        assert isinstance(place, NoticePlace)
        return NoticeRequest(place, _date_of(self.start), _date_of(self.until), self.period.text().strip(),
                             self.phone.text().strip())


def _date_of(edit: QDateEdit) -> dt.date:
    return _date(edit.date())
