"""The household editor's 部门信息 tab: what other departments' lists say about the household's members.

Read only: each line is one row of an imported list (残联残疾人名册, 医保个人自付费用 …) about a member,
as :func:`advisor_app.services.department_evidence.describe` words it — the list, its file, row and
date, and what it says — after the member's name; the tooltip gives the day it was imported. It is
read on the worker whenever the editor shows a household (and after a write that touches it), and
the tab is shown only when there is something (``has_evidence``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from advisor_app.domain.errors import DomainError
from advisor_app.services import department_evidence
from advisor_app.services.department_evidence import Evidence

from .operations import Operations


class EvidenceTab(QWidget):
    has_evidence = Signal(bool)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self._for: str | None = None  # the household asked for last (older answers are dropped)
        intro = QLabel(self.tr("其他部门名单里关于这户成员的记录（只供参考，不会改动登记的内容）："))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("evidence_list")
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)

    def show_for(self, household_id: str | None) -> None:
        """Read the evidence of ``household_id`` (None: a new household, nothing to show)."""
        self._for = household_id
        if household_id is None:
            self._show(None, [])
            return
        self.operations.query(lambda p: department_evidence.household_evidence(p, household_id),
                              lambda found: self._show(household_id, found), on_error=self._failed)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _show(self, household_id: str | None, found: list[Evidence]) -> None:
        if household_id != self._for:
            return
        self.list.clear()
        for e in found:
            item = QListWidgetItem(self.tr("%1：%2").replace("%1", e.name or e.id_number).replace(
                "%2", department_evidence.describe(e)))
            item.setToolTip(self.tr("导入于 %1").replace("%1", e.imported_at[:10]))
            self.list.addItem(item)
        self.has_evidence.emit(bool(found))

    def _failed(self, exc: DomainError) -> None:
        self.list.clear()
        self.has_evidence.emit(False)


__all__ = ["EvidenceTab"]
