"""A read-only summary of one household (shown when no editor is available for it)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from advisor_app.domain import vocab
from advisor_app.domain.household import Household
from advisor_app.domain.idcard import mask


class HouseholdSummaryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser)
        self.household: Household | None = None

    def show_household(self, household: Household, *, full_ids: bool = False) -> None:
        self.household = household
        self.browser.setHtml(self.summary_html(household, full_ids=full_ids))

    def summary_html(self, h: Household, *, full_ids: bool) -> str:
        e = html.escape
        today = dt.date.today()
        family, phone, members, years = self.tr("家"), self.tr("电话"), self.tr("家庭成员"), self.tr("岁")
        last_visit, notes = self.tr("最近走访"), self.tr("备注")
        place = h.address if h.village and h.village in h.address else f"{h.town} {h.village} {h.address}"
        parts = [f"<h3>{e(h.head_name)} {e(family)}</h3>",
                 f"<p>{e(place)}<br>"
                 f"{e(vocab.AREAS.get(h.area, h.area))} · {e(phone)}：{e(h.phone or '—')}</p>",
                 f"<h4>{e(members)}（{len(h.members)}）</h4><table cellspacing=4>"]
        for m in h.members:
            number = m.id_number if full_ids else mask(m.id_number)
            try:
                age = str(m.age_on(today))
            except ValueError:
                age = "?"
            parts.append(f"<tr><td>{e(m.name)}</td><td>{e(vocab.RELATIONS.get(m.relation, m.relation))}</td>"
                         f"<td>{e(age)}{e(years)}</td><td>{e(number)}</td></tr>")
        parts.append("</table>")
        if h.visits:
            last = max(h.visits, key=lambda v: v.date)
            parts.append(f"<h4>{e(last_visit)}</h4><p>{last.date.isoformat()} "
                         f"{e(vocab.VISIT_TYPES.get(last.type, last.type))}<br>{e(last.notes)}</p>")
        if h.notes:
            parts.append(f"<h4>{e(notes)}</h4><p>{e(h.notes)}</p>")
        return "".join(parts)
