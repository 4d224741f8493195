"""``check_household``: every programme for one household on one date, explained.

Order of the results: 低保, 低保边缘, 单人保 (route a: each counted member when the household is 低保边缘;
route b: each counted severely disabled adult when the household is neither 低保 nor 低保边缘; route c:
each member living at a religious site 3+ years), 特困 (each member alive and born on the date),
事实无人抚养儿童 (each such member under 18), 临时救助, and from 2025-01-01 刚性支出困难家庭
(not assessed, so absent from the results, before that day). With ``explain=False`` no
reasons are built (batch screening); statuses, amounts, margins and missing facts are the same.

Every programme's decision is a formula over columns (:mod:`.frame`, :mod:`.dibao_formulas`,
:mod:`.aid_formulas`, :mod:`.single_formulas`, :mod:`.tekun_formulas` with the kinship pairs of
:mod:`.kinship`; run together by :func:`formulas`): ``check_household`` runs them on a frame of one
household and words it with :func:`check_in_frame`; :func:`check_frame` does the same for every
household of a frame of many; the batch screening reads its results straight from the arrays
(:mod:`.rows`). 特困 and 事实无人抚养儿童 are still worded (and, for the few households the formulas
leave undecided, decided) by the kinship graph of :mod:`.supporters`: the formulas' answers are the
graph's, as the tests prove for many thousand households.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from advisor_app.domain.household import Household

from .aid_formulas import AidTrace, aid_formulas
from .children import unsupported_child
from .context import Ctx
from .dibao import dibao, dibao_edge, dibao_single, dibao_single_alone, dibao_single_clergy
from .dibao_formulas import DibaoTrace, dibao_formulas
from .frame import Frame, frame_from_households
from .results import CheckResult, ProgramResult
from .rigid import assessed_on, rigid_expense
from .single_formulas import SingleTrace, single_formulas
from .snapshot import TablesLike
from .tekun import family_of, tekun
from .tekun_formulas import ChildTrace, TekunTrace, tekun_formulas
from .temporary import temporary


def _default_tables() -> TablesLike:
    from .policy import default_tables

    return default_tables()


def check_household(household: Household, on: dt.date, tables: TablesLike | None = None, *,
                    explain: bool = True) -> CheckResult:
    """Check ``household`` against the policy in force on ``on`` (shipped tables by default)."""
    if tables is None:
        tables = _default_tables()
    frame = frame_from_households([household], on, tables)
    return check_in_frame(frame, formulas(frame), 0, explain=explain)


@dataclass(frozen=True, slots=True)
class Traces:
    """The runs of every programme's formulas over one frame."""

    dibao: DibaoTrace
    aid: AidTrace
    single: SingleTrace
    tekun: TekunTrace
    child: ChildTrace


def formulas(frame: Frame) -> Traces:
    """Run the formulas of the ported programmes over ``frame`` (once for all its households)."""
    dibao = dibao_formulas(frame)
    tekun, child = tekun_formulas(frame, dibao)
    return Traces(dibao, aid_formulas(frame), single_formulas(frame, dibao), tekun, child)


def check_frame(frame: Frame, *, explain: bool = False) -> Iterator[CheckResult]:
    """Every household of ``frame`` in order: the formulas run once for all of them."""
    traces = formulas(frame)
    for i in range(frame.size):
        yield check_in_frame(frame, traces, i, explain=explain)


def check_in_frame(frame: Frame, traces: Traces, i: int, *, explain: bool = True) -> CheckResult:
    """Household ``i`` of ``frame``: the ported programmes read from the formulas' ``traces``, the
    others computed for this household (reading 低保's status)."""
    household = frame.household(i)
    on = frame.on
    facts, policy = frame.facts(i), frame.policy_of(i)
    c = Ctx(facts, policy, explain, trace=traces.dibao, row=i, first=frame.first_member(i), aid_trace=traces.aid,
            single_trace=traces.single)
    edge = dibao_edge(c)
    household_dibao = dibao(c)
    programs: list[ProgramResult] = [household_dibao, edge]
    members = facts.members
    count = len(members)
    lo = c.first
    routes = traces.single.route[lo:lo + count].tolist()  # the route each member is assessed by (if any)
    for i in range(count):
        if routes[i] == 1:
            programs.append(dibao_single(c, i))  # route (a): the household is 低保边缘
        elif routes[i] == 2:
            programs.append(dibao_single_alone(c, i))  # route (b): neither 低保 nor 低保边缘
    clergy = traces.single.clergy[lo:lo + count].tolist()
    for i in range(count):
        if clergy[i]:
            programs.append(dibao_single_clergy(c, i))  # route (c)
    family = family_of(c, household_dibao.status)  # kinship and supporters, shared by 特困 and children
    for i in range(count):
        if members[i].exists:  # nobody is assessed before birth or after death
            programs.append(tekun(c, i, family))
    for i in range(count):
        if members[i].exists and members[i].age < 18:
            programs.append(unsupported_child(c, i, family))
    programs.append(temporary(c))
    if assessed_on(on):
        programs.append(rigid_expense(c))
    n = facts.counted
    # ``policy.values`` is shared by every result of the same region, area and date: read only.
    return CheckResult(
        on=on, region=household.region, area=household.area, policy=policy.values, table=policy.table,
        counted_members=n, counted_income_monthly=facts.income_fen / 100,
        per_capita_monthly=(facts.income_fen // n) / 100 if n else 0.0, programs=programs)
