"""The household's members: a list (add/remove) and, for the selected member, every fact the rules
and forms need.

What is wrong is not decided here: the household editor asks :mod:`advisor_app.domain.validation`
after every edit and hands the problems to :meth:`MemberEditor.show_problems`. The selected member's
problems appear as red lines under the fields they concern (a wrong ID number also turns its field
red); members with a problem are red in the list; household-wide ones (no head) sit above the form.
A line keeps its room (one line's height) from its first problem until another member is shown
(:class:`ProblemLine`), so the fields below do not jump each time a problem comes and goes while the
advisor types. (Lines kept always would make the form taller than a 1366×768 screen's editor.)

A member just added with 添加成员 stays quiet (no 未填写 under its empty fields, not red in the list)
until the advisor changes something in its form or the editor asks for every problem
(:meth:`MemberEditor.reveal_problems`, when 保存 is pressed).
"""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import idcard
from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Disability, Member

from . import language
from .income_table import IncomeTable, code_combo, shrinkable
from .member_state import MemberStateFields

INVALID_STYLE = "QLineEdit { background: #ffe0e0; border: 1px solid #d32f2f; }"
# Which line under the form shows a problem with this field of a member (others: ``other``).
FIELD_LINES = {"name": "name", "id_number": "id_number", "relation": "relation", "disability": "disability",
               "self_care_lost": "self_care", "self_care_items": "self_care", "whereabouts": "whereabouts",
               "months_away": "whereabouts", "order_months": "whereabouts", "incomes": "incomes",
               "state": "state", "state_date": "state"}


def problem_line() -> QLabel:
    """A red line for a problem, hidden while there is none."""
    label = QLabel()
    label.setStyleSheet("color: #d32f2f;")
    label.setWordWrap(True)
    label.hide()
    return label


class ProblemLine(QLabel):
    """A red, word-wrapped line for a problem that keeps its room (one line's height) while empty,
    from the first problem it shows until :meth:`release` (another member is shown), so a problem
    that comes and goes while the advisor types does not move the fields below each time.

    It is as high as its text needs at its width: a form layout otherwise gives a wrapped label the
    height of its size hint, two lines for a message that fits on one."""

    def __init__(self) -> None:
        super().__init__()
        self.kept = False  # keeps its room now
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # no taller than its text
        self.setStyleSheet("color: #d32f2f;")
        self.setWordWrap(True)
        super().setText("未填写")  # a line of Chinese (its glyphs may come from a taller fallback font)
        self.setMinimumHeight(max(super().sizeHint().height(), self.fontMetrics().lineSpacing()))
        super().setText("")
        self.setVisible(self.kept)

    def say(self, text: str) -> None:
        """Show ``text`` ("" for no problem; the line keeps its room once it has shown one)."""
        self.setText(text)
        self.kept = self.kept or bool(text)
        self.setVisible(self.kept)

    def release(self) -> None:
        """Give the room back while empty."""
        self.kept = False
        self.setVisible(bool(self.text()))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > 0:
            hint.setHeight(max(self.minimumHeight(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height needed changes with the width


def member_label(m: Member) -> str:
    """王芳（配偶） in the member list: name and relation to the head."""
    name = m.name or QCoreApplication.translate("MemberEditor", "（未填姓名）")
    return (QCoreApplication.translate("MemberEditor", "%1（%2）")
            .replace("%1", name).replace("%2", language.label("relation", m.relation)))


class MemberEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: list[Member] = []
        self._row = -1
        self._loading = False
        self._unspecified_lost = 0  # self_care_lost recorded without naming the activities
        self._problems: list[Problem] = []  # the members' problems, as last shown
        self._fresh: list[bool] = []  # per member: added by 添加成员 and not edited yet (problems quiet)

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._select)
        self.add_button = QPushButton(self.tr("添加成员"))
        self.remove_button = QPushButton(self.tr("删除成员"))
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_current)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list)
        lv.addWidget(self.add_button)  # one above the other: the list column stays narrow
        lv.addWidget(self.remove_button)

        self.form = QWidget()
        self._build_form()
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setWidget(self.form)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form_area)
        splitter.setStretchFactor(0, 0)  # the form gets the room (its fields need about 340 px)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([120, 680])
        self.list.setMinimumWidth(90)
        self.members_problem = ProblemLine()  # household-wide: no member, no head
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.members_problem)
        layout.addWidget(splitter, 1)
        self._show_member(None)

    def _build_form(self) -> None:
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18位居民身份证号"))
        self.lines = {key: ProblemLine() for key in
                      ("name", "id_number", "relation", "state", "disability", "self_care", "whereabouts", "incomes",
                       "other")}
        self.id_problem = self.lines["id_number"]
        self.derived = QLabel()
        self.relation = code_combo("relation")
        self.disability_kind = QComboBox()
        self.disability_kind.addItem(self.tr("无残疾"), None)
        for code, label in language.labels("disability_kind").items():
            self.disability_kind.addItem(label, code)
        shrinkable(self.disability_kind)
        self.disability_grade = code_combo("disability_grade")
        self.serious_illness = QCheckBox(self.tr("患重特大疾病"))
        self.student = QCheckBox(self.tr("在校学生"))
        self.whereabouts = code_combo("whereabouts")
        self.months_away = QSpinBox()
        self.months_away.setRange(0, 600)
        self.months_away.setSuffix(self.tr(" 个月"))
        self.care_boxes: dict[str, QCheckBox] = {str(code): QCheckBox(label)
                                                 for code, label in language.labels("self_care_item").items()}
        self.care_summary = QLabel()
        self.care_summary.setWordWrap(True)  # a long level name wraps instead of widening the form
        self.incomes = IncomeTable()
        self.state_fields = MemberStateFields(self)
        self.state, self.state_date = self.state_fields.state, self.state_fields.state_date
        self.order_months = self.state_fields.order_months
        self.no_legal_capacity, self.guardianship_revoked, self.deported = self.state_fields.flags()

        form = QFormLayout(self.form)
        # The form is taller than a 1366×768 editor now (a vertical scroll bar takes its width):
        # slim side margins, so that no row needs a horizontal scroll bar in English.
        margins = form.contentsMargins()
        form.setContentsMargins(4, margins.top(), 4, margins.bottom())
        form.addRow(self.tr("姓名"), self.name)
        form.addRow("", self.lines["name"])
        form.addRow(self.tr("身份证号"), self.id_number)
        form.addRow("", self.id_problem)
        form.addRow(self.tr("性别、年龄"), self.derived)
        form.addRow(self.tr("与户主关系"), self.relation)
        relation_label = form.labelForField(self.relation)
        if relation_label is not None:  # the label may be short ("Relation"): the long form on hover
            relation_label.setToolTip(self.tr("与户主的关系（户主本人选“户主”）"))
        form.addRow("", self.lines["relation"])
        form.addRow(self.tr("状态"), self.state)
        form.addRow(self.tr("死亡或宣告日期"), self.state_date)
        form.addRow("", self.lines["state"])
        disability = QHBoxLayout()
        disability.addWidget(self.disability_kind, 2)
        disability.addWidget(self.disability_grade, 1)
        form.addRow(self.tr("残疾"), disability)
        form.addRow("", self.lines["disability"])
        flags = QHBoxLayout()
        flags.addWidget(self.serious_illness)
        flags.addWidget(self.student)
        flags.addStretch(1)
        form.addRow("", flags)
        care = QGroupBox(self.tr("不能自理的日常活动（勾选不能独立完成的项目）"))
        grid = QGridLayout(care)
        for i, box in enumerate(self.care_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)  # two columns: the form stays narrow enough in English
        grid.addWidget(self.care_summary, 3, 0, 1, 2)
        grid.addWidget(self.lines["self_care"], 4, 0, 1, 2)
        form.addRow(care)
        form.addRow(self.tr("去向"), self.whereabouts)
        form.addRow(self.tr("已离家"), self.months_away)
        # 刑期/强制戒毒期限（月） on two lines: the label column stays about as narrow as the others
        order_label = QLabel(self.tr("刑期/强制戒毒") + "\n" + self.tr("期限（月）"))
        order_label.setToolTip(self.tr("去向为服刑或强制隔离戒毒时填写：判决或决定的期限"))
        form.addRow(order_label, self.order_months)
        form.addRow("", self.lines["whereabouts"])
        form.addRow(self.state_fields.flags_row())  # across both columns: narrow in English too
        form.addRow(self.tr("收入"), self.incomes)
        form.addRow("", self.lines["incomes"])
        form.addRow("", self.lines["other"])

        for edit in (self.name, self.id_number):
            edit.textChanged.connect(self._form_changed)
            # the red INVALID_STYLE frame is lower than the style's own: keep the height, so the
            # fields below do not move when a number turns red
            edit.setMinimumHeight(edit.sizeHint().height())
        for combo in (self.relation, self.disability_kind, self.disability_grade, self.whereabouts):
            combo.currentIndexChanged.connect(self._form_changed)
        for check in (self.serious_illness, self.student):
            check.toggled.connect(self._form_changed)
        for box in self.care_boxes.values():
            box.toggled.connect(self._care_toggled)
        self.months_away.valueChanged.connect(self._form_changed)
        self.incomes.changed.connect(self._form_changed)
        self.state_fields.changed.connect(self._form_changed)

    # --- members ---

    def set_members(self, members: list[Member]) -> None:
        """Show ``members`` (copies are kept; emits nothing). A member just added and still as it
        was added stays quiet (undo, redo and the like put the same member back)."""
        self._fresh = [i < len(self._members) and self._fresh[i] and self._members[i] == m
                       for i, m in enumerate(members)]
        self._members = copy.deepcopy(members)
        self._row = -1
        self.list.blockSignals(True)
        self.list.clear()
        for m in self._members:
            self.list.addItem(member_label(m))
        self.list.blockSignals(False)
        self._problems = []
        self.members_problem.release()
        for i in range(len(self._members)):
            self._decorate(i)
        if self._members:
            self.list.setCurrentRow(0)
        else:
            self._show_member(None)

    def members(self) -> list[Member]:
        return copy.deepcopy(self._members)

    def current_row(self) -> int:
        return self._row

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def add_member(self) -> None:
        """添加成员: a blank member, selected, its form scrolled to the top and the focus in its name
        (its problems stay quiet until something is typed in it)."""
        has_head = any(m.relation == "head" for m in self._members)
        self._members.append(Member(name="", id_number="", relation="child" if has_head else "head"))
        self._fresh.append(True)
        self.list.addItem(member_label(self._members[-1]))
        self.list.setCurrentRow(len(self._members) - 1)
        self._decorate(len(self._members) - 1)
        self.changed.emit()
        self.form_area.verticalScrollBar().setValue(0)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal_problems(self) -> None:
        """Stop keeping the members just added quiet (保存 was pressed); shown at the next
        :meth:`show_problems`."""
        self._fresh = [False] * len(self._members)

    def is_quiet(self, row: int) -> bool:
        """True while member ``row`` was just added and nothing was typed in it."""
        return 0 <= row < len(self._fresh) and self._fresh[row]

    def remove_current(self) -> None:
        row = self._row
        if row < 0:
            return
        del self._members[row]
        del self._fresh[row]
        self._row = -1
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        if self._members:
            self.list.setCurrentRow(min(row, len(self._members) - 1))
            self._select(self.list.currentRow())
        else:
            self._show_member(None)
        self.changed.emit()

    def _select(self, row: int) -> None:
        self._row = row
        self._show_member(self._members[row] if 0 <= row < len(self._members) else None)

    # --- the form ---

    def _show_member(self, m: Member | None) -> None:
        self._loading = True
        for line in self.lines.values():
            line.release()
        self.form.setEnabled(m is not None)
        self.remove_button.setEnabled(m is not None)
        m = m or Member(name="", id_number="", relation="head")
        self.name.setText(m.name)
        self.id_number.setText(m.id_number)
        self.relation.setCurrentIndex(max(0, self.relation.findData(m.relation)))
        self.disability_kind.setCurrentIndex(
            self.disability_kind.findData(m.disability.kind) if m.disability else 0)
        self.disability_grade.setCurrentIndex(
            max(0, self.disability_grade.findData(m.disability.grade)) if m.disability else 0)
        self.disability_grade.setEnabled(m.disability is not None)
        self.serious_illness.setChecked(m.serious_illness)
        self.student.setChecked(m.student)
        self.whereabouts.setCurrentIndex(max(0, self.whereabouts.findData(m.whereabouts)))
        self.months_away.setValue(m.months_away)
        for code, box in self.care_boxes.items():
            box.setChecked(code in m.self_care_items)
        self._unspecified_lost = 0 if m.self_care_items else m.self_care_lost
        self.incomes.set_incomes(m.incomes)
        self.state_fields.show(m)
        self._loading = False
        self._show_id_state()
        self._show_care_summary()
        self._show_form_problems()

    def _care_toggled(self, _checked: bool) -> None:
        if not self._loading:
            self._unspecified_lost = 0
        self._form_changed()

    def _form_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._show_id_state()
        self._show_care_summary()
        self.disability_grade.setEnabled(self.disability_kind.currentData() is not None)
        self.state_fields.set_whereabouts(str(self.whereabouts.currentData()))
        if 0 <= self._row < len(self._members):
            self._fresh[self._row] = False  # typed in: its problems are shown from now on
            self._members[self._row] = self._member_from_form(self._members[self._row])
            self.list.item(self._row).setText(member_label(self._members[self._row]))
            self._decorate(self._row)
        self.changed.emit()

    def _member_from_form(self, old: Member) -> Member:
        kind = self.disability_kind.currentData()
        items = [code for code, box in self.care_boxes.items() if box.isChecked()]
        member = Member(
            name=self.name.text().strip(), id_number=self.id_number.text().strip().upper(),
            relation=str(self.relation.currentData()),
            disability=Disability(str(kind), int(self.disability_grade.currentData())) if kind else None,
            serious_illness=self.serious_illness.isChecked(),
            self_care_lost=len(items) if items else self._unspecified_lost,
            student=self.student.isChecked(), whereabouts=str(self.whereabouts.currentData()),
            months_away=self.months_away.value(), incomes=self.incomes.incomes(), self_care_items=items,
            ethnicity=old.ethnicity, occupation=old.occupation, phone=old.phone, id=old.id)
        self.state_fields.fill(member)
        return member

    def _show_id_state(self) -> None:
        """Sex, age and birth date as read from the number typed (nothing while it is not valid)."""
        text = self.id_number.text().strip()
        if not text or idcard.problem(text) is not None:
            self.derived.setText("")
            return
        ident = idcard.parse(text)
        self.derived.setText(self.tr("%1，%2岁（出生于%3）")
                             .replace("%1", language.label("sex", ident.sex))
                             .replace("%2", str(ident.age_on(dt.date.today())))
                             .replace("%3", ident.birth_date.isoformat()))

    def _show_care_summary(self) -> None:
        lost = sum(box.isChecked() for box in self.care_boxes.values()) or self._unspecified_lost
        level = (self.tr("具备生活自理能力") if lost == 0 else
                 self.tr("部分丧失生活自理能力") if lost <= 3 else self.tr("完全丧失生活自理能力"))
        text = self.tr("不能自理 %1 项：%2").replace("%1", str(lost)).replace("%2", level)
        if self._unspecified_lost and not any(box.isChecked() for box in self.care_boxes.values()):
            text += self.tr("（已记录项数，未指明具体项目）")
        self.care_summary.setText(text)

    def _decorate(self, row: int) -> None:
        item = self.list.item(row)
        bad = any(p.under("members", row) for p in self._problems)
        item.setForeground(QBrush(QColor("#d32f2f")) if bad else QBrush())
        item.setToolTip("\n".join(p.message for p in self._problems if p.under("members", row)))

    # --- problems (from domain.validation, through the household editor) ---

    def show_problems(self, problems: list[Problem]) -> None:
        """Show the members' problems: under the selected member's fields, red in the list, and the
        household-wide ones above. ``problems`` may hold others; only ``members…`` ones are used."""
        self._problems = [p for p in problems if p.under("members") and not (
            len(p.path) > 1 and isinstance(p.path[1], int) and self.is_quiet(p.path[1]))]
        general = [p.message for p in self._problems if len(p.path) == 1]
        self.members_problem.say("\n".join(general))
        for row in range(self.list.count()):
            self._decorate(row)
        self._show_form_problems()

    def problems_of(self, row: int) -> list[Problem]:
        return [p for p in self._problems if p.under("members", row)]

    def _show_form_problems(self) -> None:
        by_line: dict[str, list[str]] = {key: [] for key in self.lines}
        for p in self.problems_of(self._row) if 0 <= self._row < len(self._members) else []:
            by_line[FIELD_LINES.get(str(p.path[2]) if len(p.path) > 2 else "", "other")].append(p.message)
        for key, label in self.lines.items():
            label.say("\n".join(by_line[key]))
        for key, edit in (("name", self.name), ("id_number", self.id_number)):
            bad = bool(by_line[key])
            edit.setStyleSheet(INVALID_STYLE if bad else "")
            edit.setProperty("invalid", bad)

    def adopt_ids(self, stored: list[Member]) -> None:
        """After a save: take the stored members' ids (matched by position and ID number)."""
        for m, s in zip(self._members, stored, strict=False):
            if m.id_number == s.id_number:
                m.id = s.id
