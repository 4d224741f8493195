"""The eligibility panel alone: debounced checks off the GUI thread, stale results dropped, statuses
with colours and reasons, margins, the check date, and the explanation copied for the family."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from advisor_app.domain import idcard
from advisor_app.domain.household import Household, Income, Member
from advisor_app.gui import eligibility_panel
from advisor_app.gui.eligibility_panel import EligibilityPanel


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
