"""Legal supporters living elsewhere (法定赡养/抚养/扶养义务人): name, relation, able or not, why."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QTableWidgetItem, QWidget

from advisor_app.domain.errors import Problem
from advisor_app.domain.household import Supporter

from .rows_table import RowsTable

NAME, RELATION, ABLE, REASON = range(4)


class SupportersEditor(RowsTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("姓名"), self.tr("与申请人关系"), self.tr("有无赡养能力"), self.tr("无能力的原因")],
                         stretch_column=REASON, edit_column=NAME, add_text=self.tr("添加赡养人"),
                         remove_text=self.tr("删除赡养人"), parent=parent,
                         header_tips={RELATION: self.tr("与申请人（户主）的关系，如儿子、女儿、父亲"),
                                      ABLE: self.tr("有无履行赡养、抚养或扶养义务的能力")})
        self._kept: list[tuple[str, str]] = []  # id number and phone of each row (not edited here)
        hint = QLabel(self.tr("不在本户居住的法定赡养、抚养、扶养义务人。无赡养能力时请写明原因"
                              "（如本人为低保对象且年满60岁、重度残疾等）。"))
        hint.setWordWrap(True)
        self.box.insertWidget(0, hint)
        self.box.unsetContentsMargins()  # a whole tab page: the style's margins

    def add_blank_row(self) -> int:
        return self.add_row(Supporter(name="", able=True))

    def add_row(self, s: Supporter) -> int:
        able = QComboBox()
        able.addItem(self.tr("有能力"), True)
        able.addItem(self.tr("无能力"), False)
        able.setCurrentIndex(0 if s.able else 1)
        able.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row = self.append_row({NAME: QTableWidgetItem(s.name), RELATION: QTableWidgetItem(s.relation),
                               ABLE: able, REASON: QTableWidgetItem(s.reason)})
        self._kept.append((s.id_number, s.phone))
        return row

    def able_combo(self, row: int) -> QComboBox:
        return self.cell_widget(row, ABLE, QComboBox)

    def row_removed(self, row: int) -> None:
        del self._kept[row]

    def set_supporters(self, supporters: list[Supporter]) -> None:
        self.replace_rows(supporters, self.add_row)

    def supporters(self) -> list[Supporter]:
        return [Supporter(name=self.text(r, NAME), able=bool(self.able_combo(r).currentData()),
                          reason=self.text(r, REASON), relation=self.text(r, RELATION),
                          id_number=self._kept[r][0], phone=self._kept[r][1])
                for r in range(self.table.rowCount())]

    def show_problems(self, problems: list[Problem]) -> None:
        """The supporters' problems (from domain.validation): the row's name cell turns red, the
        messages are listed below the table."""
        cells: dict[tuple[int, int], str] = {}
        for p in problems:
            if p.under("supporters") and len(p.path) > 1 and isinstance(p.path[1], int):
                column = {"relation": RELATION, "reason": REASON}.get(p.field, NAME)
                cells.setdefault((p.path[1], column), p.message)
        self.mark_problems(cells)
