"""临时救助, 刚性支出 and 单人保 as formulas over a frame: the named intermediates of several households
computed together, each as its own one-household check decides (window edges, unknown figures,
routes a, b and c)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advisor_app.domain import idcard
from advisor_app.domain.household import Disability, Emergency, Expenses, Household, Income, Member
from advisor_app.rules import check_household
from advisor_app.rules.aid_formulas import KINDS, aid_formulas
from advisor_app.rules.check import formulas
from advisor_app.rules.dibao_formulas import NO, STATUSES, dibao_formulas
from advisor_app.rules.frame import frame_from_households
from advisor_app.rules.policy import PolicyTables, default_tables
from advisor_app.rules.single_formulas import ROUTES

D = dt.date
ON = D(2025, 9, 1)
TABLES = Path(__file__).parents[1] / "data" / "casebook" / "tables" / "rigid_2025"


def _family(wage: float, *, medical: float = 0.0, event: D | None = None, region: str = "340104") -> Household:
    return Household(
        region=region, area="urban", expenses=Expenses(medical_selfpaid_12m=medical),
        emergency=None if event is None else Emergency("fire", event), members=[
            Member("王军", idcard.make(region, D(1976, 6, 6), 11), "head", incomes=[Income("wage", wage)]),
            Member("李梅", idcard.make(region, D(1978, 7, 7), 22), "spouse")])


def test_the_emergency_window_is_counted_in_calendar_months_for_every_household_at_once() -> None:
    households = [_family(300.0, event=D(2025, 6, 1)), _family(300.0, event=D(2025, 5, 31)),
                  _family(300.0, event=D(2025, 9, 2)), _family(300.0), _family(9000.0, event=D(2025, 8, 1))]
    frame = frame_from_households(households, ON, PolicyTables.load(TABLES))
    t = aid_formulas(frame)
    assert t.since_day.tolist() == [D(2025, 6, 1).toordinal()] * 5
    assert t.emergency_recent.tolist() == [True, False, False, False, True]
    assert t.emergency_future.tolist() == [False, False, True, False, False]
    # the rich family meets the event but is not below the disposable income: not 急难型
    assert t.below_disposable.tolist() == [1, 1, 1, 1, 0]
    assert [KINDS[k] for k in t.temporary_kind] == ["急难型", "", "", "", ""]
    for i, h in enumerate(households):
        alone = check_household(h, ON, PolicyTables.load(TABLES)).program("temporary")
        assert alone is not None and alone.status == STATUSES[int(t.temporary_status[i])]
        assert alone.kind == (KINDS[int(t.temporary_kind[i])] or None)


def test_expense_tests_and_unknown_figures_are_tri_state() -> None:
    tables = PolicyTables.load(TABLES)
    # 340104 has a standard and a disposable income figure in 2025 in this table; 340121 has neither
    households = [_family(300.0, medical=5000.0), _family(300.0), _family(300.0, medical=5000.0, region="340121"),
                  _family(3000.0, medical=40000.0)]
    frame = frame_from_households(households, ON, tables)
    t = aid_formulas(frame)
    assert t.spent_fen.tolist() == [500_000, 0, 500_000, 4_000_000]
    assert t.below_disposable.tolist() == [1, 1, -1, 1]
    assert t.spending_high.tolist() == [1, 0, 1, 1]  # 5,000 > 50 % of 3,600; 40,000 > 50 % of 36,000
    assert [STATUSES[s] for s in t.rigid_status] == ["eligible", "ineligible", "needs_info", "eligible"]
    assert t.expense_ok.tolist() == [1, 0, -1, 1]
    assert [STATUSES[s] for s in t.temporary_status] == ["eligible", "ineligible", "needs_info", "eligible"]
    assert t.share_milli.tolist() == [50_000] * 4 and t.cap_yuan.tolist() == [9240, 9240, NO, 9240]


def test_single_routes_are_chosen_per_member_from_the_households_statuses() -> None:
    severe = Disability("physical", 1)
    on = D(2024, 6, 30)
    poor = _family(0.0, region="340104")  # 低保: no 单人保
    rich = _family(9000.0, region="340104")  # neither: route b for the severely disabled adult
    rich.members[1].disability = severe
    edge = _family(2400.0, region="340104")  # 1,200 a person: 低保边缘 under the shipped standard
    edge.members[1].serious_illness = True
    clergy = _family(9000.0, region="340104")
    clergy.members[1].whereabouts, clergy.members[1].months_away = "religious", 40
    households = [poor, rich, edge, clergy]
    frame = frame_from_households(households, on, default_tables())
    traces = formulas(frame)
    d = dibao_formulas(frame)
    assert [STATUSES[s] for s in d.dibao_status] == ["eligible", "ineligible", "ineligible", "ineligible"]
    assert [STATUSES[s] for s in d.edge_status] == ["ineligible", "ineligible", "eligible", "ineligible"]
    s = traces.single
    assert [ROUTES[r] for r in s.route] == ["", "", "", "b", "a", "a", "", ""]
    assert s.clergy.tolist() == [False] * 7 + [True]
    assert s.severe_kind.tolist() == [0, 0, 0, 1, 0, 2, 0, 0]
    std = int(d.standard_fen[2])
    assert s.own_fen.tolist()[4] == 240_000 and bool(s.own_ok[5]) and not s.own_ok[4]
    assert s.amount.tolist()[5] == -(-std // 100) and s.amount.tolist()[4] == NO
    for i, h in enumerate(households):
        singles = [(p.route, p.status, p.monthly_amount) for p in check_household(h, on).programs
                   if p.program == "dibao_single"]
        lo, hi = int(frame.first[i]), int(frame.first[i + 1])
        expected = [(ROUTES[int(s.route[j])], STATUSES[int(s.status[j])],
                     None if s.amount[j] == NO else int(s.amount[j])) for j in range(lo, hi) if s.route[j]]
        expected += [("c", "needs_info", None) for j in range(lo, hi) if s.clergy[j]]
        assert singles == expected
