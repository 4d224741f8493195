"""The eligibility panel alone: debounced checks off the GUI thread, stale results dropped, statuses
with colours and reasons, margins, the check date, and the explanation copied for the family."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QTextCharFormat, QTextFormat

from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Income, Member
from advisor_app.gui import eligibility_panel
from advisor_app.gui.eligibility_panel import EligibilityPanel
from advisor_app.services.households import read_document


def _hefei(wage: float, people: int = 1) -> Household:
    members = [Member("吴晓霞", idcard.make("340104", dt.date(1980, 5, 1), 2), "head",
                      incomes=[Income("wage", wage)])]
    for i in range(1, people):
        members.append(Member(f"吴一{i}", idcard.make("340104", dt.date(1982, 1, i), 11), "spouse"))
    return Household(region="340104", area="urban", members=members)


@pytest.fixture
def panel(qtbot: Any) -> EligibilityPanel:
    widget = EligibilityPanel(None)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _settled(panel: EligibilityPanel) -> bool:
    return not panel.pending() and panel.result() is not None


def test_default_date_is_today_and_statuses_show_with_reasons(qtbot: Any, panel: EligibilityPanel) -> None:
    assert panel.on() == dt.date.today()
    panel.show_for(_hefei(1000))
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    assert panel.status_of("dibao") == "ineligible" and panel.status_of("dibao_edge") == "eligible"
    text = panel.text()
    assert "低保 不符合" in text and "低保边缘 符合" in text
    assert "✗ 家庭月人均收入" in text  # the failed condition, as a sentence
    assert "家庭月收入再增加 386 元将超出低保边缘标准" in text  # 924 × 1.5 − 1000
    assert "#c62828" in panel.view.toHtml().lower() and "#2e7d32" in panel.view.toHtml().lower()


def test_margin_below_the_line_and_copy(qtbot: Any, panel: EligibilityPanel) -> None:
    panel.show_for(_hefei(1100, people=2))
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    assert panel.status_of("dibao") == "eligible"
    assert "家庭月收入再增加 748 元将不再符合" in panel.text()  # 924 × 2 − 1100
    assert "收入低于低保标准，应按低保申请" in panel.text()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == panel.explanation().text()


def test_only_the_newest_request_is_shown(qtbot: Any, panel: EligibilityPanel,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    real = eligibility_panel.eligibility.check

    def slow_first(household: Household, on: dt.date, **kw: Any) -> Any:
        wage = household.members[0].incomes[0].monthly
        calls.append(wage)
        if wage == 5000:
            import time
            time.sleep(0.4)  # the old request finishes last
        return real(household, on, **kw)

    monkeypatch.setattr(eligibility_panel.eligibility, "check", slow_first)
    panel.show_for(_hefei(5000))
    panel.check_now()
    panel.show_for(_hefei(100))
    panel.check_now()
    qtbot.waitUntil(lambda: calls == [5000, 100] or calls == [5000], timeout=3000)
    qtbot.wait(600)
    assert panel.result() is not None and panel.result().counted_income_monthly == 100
    assert panel.status_of("dibao") == "eligible"


def test_date_picker_rechecks_and_missing_table_needs_info(qtbot: Any, panel: EligibilityPanel) -> None:
    household = _hefei(500)
    household.region = "340800"  # 安庆: no shipped table
    panel.show_for(household)
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    assert panel.status_of("dibao") == "needs_info" and "需补充信息" in panel.text()
    assert "没有该地区在该日期的低保标准" in panel.summary.text()
    panel.show_for(_hefei(500), on=dt.date(2024, 1, 2))
    qtbot.waitUntil(lambda: _settled(panel) and panel.result().region == "340104", timeout=5000)
    assert panel.on() == dt.date(2024, 1, 2) and panel.result().on == dt.date(2024, 1, 2)


def test_no_members_and_bad_id_give_a_message_not_a_check(qtbot: Any, panel: EligibilityPanel) -> None:
    panel.show_for(Household(region="340104", area="urban"))
    qtbot.waitUntil(lambda: not panel.pending(), timeout=3000)
    assert panel.result() is None and "填写家庭成员" in panel.text()
    bad = _hefei(100)
    bad.members[0].id_number = bad.members[0].id_number[:17] + ("1" if bad.members[0].id_number[17] != "1" else "2")
    panel.show_for(bad)
    qtbot.waitUntil(lambda: "身份证号有误" in panel.text(), timeout=3000)
    assert "吴晓霞" in panel.text() and "校验位错误" in panel.text()


# --- the explanation a family can follow ---------------------------------------------------------

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def _blocks(panel: EligibilityPanel) -> list[str]:
    doc = panel.view.document()
    block, out = doc.begin(), []
    while block.isValid():
        if block.text().strip():
            out.append(block.text())
        block = block.next()
    return out


def _fragments(panel: EligibilityPanel) -> list[tuple[str, QTextCharFormat]]:
    """Every run of text in the panel with its character format."""
    doc = panel.view.document()
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid():
                out.append((frag.text(), frag.charFormat()))
            it += 1
        block = block.next()
    return out


def _size(fmt: QTextCharFormat) -> int:
    """Relative text size: CSS "small"/"large" become Qt's font-size adjustment (−1 / +1, 0 normal)."""
    value = fmt.property(QTextFormat.Property.FontSizeAdjustment)
    return int(value) if value is not None else 0


def test_summary_first_then_reasons_with_lighter_citations(qtbot: Any, panel: EligibilityPanel) -> None:
    panel.show_for(_hefei(200, people=2), on=dt.date(2023, 9, 1))
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    summary = "您家每月可以申请低保 1,648 元，因为家庭月人均收入 100.00 元，低于本地低保标准 924 元。"
    assert _blocks(panel)[0].startswith(summary)  # the first thing the panel shows
    assert panel.text().startswith(summary)
    assert "建议这样申请" not in panel.text()  # one programme only: the summary says it all
    frags = _fragments(panel)
    statement = next(fmt for text, fmt in frags if text.startswith("家庭月人均收入 100.00 元，低于本地低保标准"))
    citations = [(text, fmt) for text, fmt in frags if "《最低生活保障审核确认办法》第十三条" in text]
    assert citations and all(text.startswith("（") for text, _fmt in citations)  # a run of its own
    for _text, fmt in citations:
        assert fmt.foreground().color().lightness() > statement.foreground().color().lightness() + 60
        assert _size(fmt) < _size(statement) == 0
    summary_fmt = next(fmt for text, fmt in frags if text.startswith("您家每月可以申请低保"))
    assert _size(summary_fmt) > _size(statement)


def test_default_value_note_exactly_once(qtbot: Any, panel: EligibilityPanel) -> None:
    panel.show_for(_hefei(200, people=2), on=dt.date(2023, 9, 1))
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    shown = panel.view.toPlainText()
    assert "默认值，县里未另行规定" not in shown
    assert shown.count("本软件的默认值") == 1 and panel.text().count("本软件的默认值") == 1
    assert _blocks(panel)[-1].startswith("* 标有“*”的数是本软件的默认值")  # at the end, as a footnote
    marks = [fmt for text, fmt in _fragments(panel) if text == "*"]
    assert len(marks) >= 3 and all(
        fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript for fmt in marks)


def test_recommendation_shown_when_several_programmes_are_eligible(qtbot: Any, panel: EligibilityPanel) -> None:
    panel.show_for(read_document(str(SAMPLE)), on=dt.date(2023, 9, 1))
    qtbot.waitUntil(lambda: _settled(panel), timeout=5000)
    blocks = _blocks(panel)
    assert blocks[0].startswith("您家可以申请：吴晓霞的特困人员救助供养每月 2,061 元；家里其他 1 人的低保每月 924 元")
    heading = blocks.index("建议这样申请")
    assert heading == 1  # right under the summary, above the statuses and reasons
    advice = [b for b in blocks[heading + 1:heading + 10] if b != "•"]
    assert advice[0] == "吴晓霞申请特困人员救助供养，每月 2,061 元"
    assert advice[1].startswith("其余 1 人申请低保，每月 924 元（吴晓霞按特困供养，不计入家庭低保")
    # the high medical costs also make a 支出型 临时救助 (Anhui's 2022 disposable income as fallback)
    assert advice[2] == "申请临时救助（支出型），每次一般最多 9,240 元"
    assert advice[3] == "合计每月 2,985 元，临时救助另计"
    assert blocks.index("建议这样申请") < next(i for i, b in enumerate(blocks) if b.startswith("低保 符合"))
    assert "每月 2,061 元" in panel.view.toPlainText().split("建议这样申请")[1]  # the overview writes money alike
    assert "每月 2061 元" not in panel.view.toPlainText()
    panel.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(blocks[0]) and "建议申请：" in copied and copied.count("本软件的默认值") == 1
