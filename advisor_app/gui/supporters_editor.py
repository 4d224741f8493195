"""Legal supporters living elsewhere (法定赡养/抚养/扶养义务人): name, ID number, kinship to a named
member, able or not (or not known), recorded status and situation, disability, own monthly income,
own assets within the rule or not, why unable (the facts by which the rules decide a supporter unable:
the ID number gives the age, 60+ and 70+ matter).

亲属关系 (vocab "kinship") says what the supporter is to the member chosen under 是谁的亲属 (the
household's members by name; the ID number is what is kept, ``Supporter.of_member``). 有无赡养能力
has three answers: 有 / 无 / 不清楚 (True / False / None: a check then asks). 月收入 left empty means
not recorded (None), which is not the same as 0; 财产 has 符合 / 不符合 / 不清楚 (``assets_ok``).
What the table does not show (the old free-text relation of an advisor-household/1 file, the phone)
is kept per row as it was loaded; the old relation words are the name cell's tooltip, for choosing
the kinship.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableWidgetItem, QWidget

from advisor_app.domain import vocab
from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Disability, Member, Supporter

from . import language
from .income_table import code_combo, shrinkable
from .rows_table import RowsTable

NAME, ID_NUMBER, KINSHIP, OF_MEMBER, ABLE, STATUS, SITUATION, DISABILITY, INCOME, ASSETS, REASON = range(11)


def member_choice(m: Member) -> str:
    return m.name or m.id_number


class SupportersEditor(RowsTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("姓名"), self.tr("身份证号"), self.tr("亲属关系"), self.tr("是谁的亲属"),
                          self.tr("有无赡养能力"), self.tr("救助身份"), self.tr("情况"), self.tr("残疾"),
                          self.tr("月收入"), self.tr("财产"), self.tr("无能力的原因")],
                         stretch_column=REASON, edit_column=NAME, add_text=self.tr("添加赡养人"),
                         remove_text=self.tr("删除赡养人"), parent=parent,
                         header_tips={ID_NUMBER: self.tr("赡养人的身份证号：由此算出年龄（年满60、70周岁时规则不同）"),
                                      KINSHIP: self.tr("赡养人是所选家庭成员的什么亲属，如儿子、女儿、哥哥"),
                                      OF_MEMBER: self.tr("赡养人是本户哪一位成员的亲属"),
                                      ABLE: self.tr("有无履行赡养、抚养或扶养义务的能力"),
                                      STATUS: self.tr("赡养人本人是否为特困供养人员或低保对象"),
                                      SITUATION: self.tr("赡养人已故、无民事行为能力、被宣告失踪或正在服刑"),
                                      DISABILITY: self.tr("赡养人本人的残疾类别和等级"),
                                      INCOME: self.tr("赡养人本人的月收入（元），不清楚时留空"),
                                      ASSETS: self.tr("赡养人本人的财产是否符合当地低保家庭财产规定")})
        self._kept: list[Supporter] = []  # each row as loaded: the fields not edited here
        self._members: list[Member] = []
        hint = QLabel(self.tr("不在本户居住的法定赡养、抚养、扶养义务人。请选择他是哪位成员的什么亲属；"
                              "无赡养能力时请写明原因（如本人为低保对象且年满60岁、重度残疾等）。"))
        hint.setWordWrap(True)
        self.box.insertWidget(0, hint)
        self.box.unsetContentsMargins()  # a whole tab page: the style's margins

    # --- the household's members, for 是谁的亲属 ---

    def set_members(self, members: list[Member]) -> None:
        """The members a supporter can be the kin of (kept choices stay chosen; emits nothing)."""
        if [(m.name, m.id_number) for m in members] == [(m.name, m.id_number) for m in self._members]:
            return
        self._members = [dataclasses.replace(m) for m in members]
        for row in range(self.table.rowCount()):
            combo = self.of_member_combo(row)
            self._fill_members(combo, str(combo.currentData() or ""))

    def _fill_members(self, combo: QComboBox, chosen: str) -> None:
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("（未选择）"), "")
        for m in self._members:
            if m.id_number:
                combo.addItem(member_choice(m), m.id_number)
        if chosen and combo.findData(chosen) < 0:  # kept, so that the problem is shown, not lost
            combo.addItem(self.tr("不是本户成员（%1）").replace("%1", chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(blocked)

    # --- rows ---

    def add_blank_row(self) -> int:
        head = next((m for m in self._members if m.relation == "head"), None)
        # 不清楚 until the advisor says: a default of 有能力 would decide the 特困 check unasked
        return self.add_row(Supporter(name="", able=None, of_member=head.id_number if head else ""))

    def add_row(self, s: Supporter) -> int:
        able = QComboBox()
        for text, value in ((self.tr("有能力"), True), (self.tr("无能力"), False), (self.tr("不清楚"), None)):
            able.addItem(text, value)
        able.setCurrentIndex({True: 0, False: 1, None: 2}[s.able])
        kinship = QComboBox()
        kinship.addItem(self.tr("（未选择）"), "")
        for code, label in language.labels("kinship").items():
            kinship.addItem(label, code)
        shrinkable(kinship)
        kinship.setCurrentIndex(max(0, kinship.findData(s.kinship)))
        if s.relation:
            kinship.setToolTip(self.tr("原记录的关系：%1").replace("%1", s.relation))
        of_member = QComboBox()
        self._fill_members(of_member, s.of_member)
        status = code_combo("supporter_status", s.status)
        situation = code_combo("supporter_situation", s.situation)
        disability = QComboBox()
        disability.addItem(self.tr("无残疾"), None)
        for kind in language.labels("disability_kind"):
            for grade in language.labels("disability_grade"):
                words = language.text(vocab.disability(str(kind), int(grade)))
                disability.addItem(words[:1].upper() + words[1:], f"{kind}:{grade}")
        shrinkable(disability)
        if s.disability is not None:
            code = f"{s.disability.kind}:{s.disability.grade}"
            found = disability.findData(code)
            if found < 0:  # not in the vocabulary: kept, so that the problem is shown, not lost
                disability.addItem(code, code)
                found = disability.count() - 1
            disability.setCurrentIndex(found)
        assets = QComboBox()
        for text, value in ((self.tr("不清楚"), None), (self.tr("符合"), True), (self.tr("不符合"), False)):
            assets.addItem(text, value)
        assets.setCurrentIndex({None: 0, True: 1, False: 2}[s.assets_ok])
        income = QLineEdit("" if s.monthly_income is None else f"{s.monthly_income:.2f}")
        income.setValidator(QDoubleValidator(0.0, 1_000_000_000.0, 2))
        income.setPlaceholderText(self.tr("未记录"))
        income.setFrame(False)
        for combo in (able, kinship, of_member, status, situation, disability, assets):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        income.textEdited.connect(lambda _t: self.changed.emit())
        name = QTableWidgetItem(s.name)
        if s.relation:
            name.setToolTip(self.tr("原记录的关系：%1").replace("%1", s.relation))
        row = self.append_row({NAME: name, ID_NUMBER: QTableWidgetItem(s.id_number), KINSHIP: kinship,
                               OF_MEMBER: of_member, ABLE: able, STATUS: status, SITUATION: situation,
                               DISABILITY: disability, INCOME: income, ASSETS: assets,
                               REASON: QTableWidgetItem(s.reason)})
        self._kept.append(dataclasses.replace(s))
        return row

    def able_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, ABLE, QComboBox)

    def kinship_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, KINSHIP, QComboBox)

    def of_member_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, OF_MEMBER, QComboBox)

    def status_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, STATUS, QComboBox)

    def situation_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, SITUATION, QComboBox)

    def disability_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, DISABILITY, QComboBox)

    def assets_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, ASSETS, QComboBox)

    def _disability(self, row: int) -> Disability | None:
        chosen = self.disability_combo(row).currentData()  # "kind:grade", or None
        if not chosen:
            return None
        kind, _, grade = str(chosen).rpartition(":")
        return Disability(kind, int(grade))

    def income_edit(self, row: int) -> QLineEdit:
        return self.cell_widget(row, INCOME, QLineEdit)

    def row_removed(self, row: int) -> None:
        del self._kept[row]

    def set_supporters(self, supporters: list[Supporter]) -> None:
        self.replace_rows(supporters, self.add_row)

    def _income(self, row: int) -> float | None:
        text = self.income_edit(row).text().strip().replace(",", "")
        try:
            return round(float(text), 2) if text else None
        except ValueError:
            return None

    def supporters(self) -> list[Supporter]:
        return [dataclasses.replace(
            self._kept[r], name=self.text(r, NAME), id_number=self.text(r, ID_NUMBER).strip().upper(),
            able=self.able_combo(r).currentData(), disability=self._disability(r),
            assets_ok=self.assets_combo(r).currentData(),
            reason=self.text(r, REASON), kinship=str(self.kinship_combo(r).currentData() or ""),
            of_member=str(self.of_member_combo(r).currentData() or ""),
            status=str(self.status_combo(r).currentData() or ""),
            situation=str(self.situation_combo(r).currentData() or ""), monthly_income=self._income(r))
            for r in range(self.table.rowCount())]

    def show_problems(self, problems: list[Problem]) -> None:
        """The supporters' problems (from domain.validation): the row's ID number, reason or name cell
        turns red (the other columns are choices), the messages are listed below the table."""
        cells: dict[tuple[int, int], str] = {}
        for p in problems:
            if p.under("supporters") and len(p.path) > 1 and isinstance(p.path[1], int):
                column = {"reason": REASON, "id_number": ID_NUMBER}.get(p.field, NAME)
                cells.setdefault((p.path[1], column), p.message)
        self.mark_problems(cells)
