"""The needs list (需求台账) of a household: each need found on a visit, its status, and who changed it.

A need is found on a visit (:class:`~advisor_app.domain.household.Need`, status 待办 ``open``) and then
followed up: referred to someone who can help (已转介 ``referred``), then met (已满足 ``fulfilled``).
Each change of status is kept (:class:`NeedStatusChange`: from, to, the day, who, a note), so the
advisor and the office can see what happened to a need and when. The order 待办 → 已转介 → 已满足 is
the usual one, not a rule: a referral that came to nothing goes back to 待办, a need met directly
goes from 待办 to 已满足.

:func:`status_change_problems` is the one check of a change; the services refuse what it finds.
Plain data: no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .errors import InvalidRecord, Problem
from .vocab import NEED_CATEGORIES, NEED_STATUSES

MAX_NAME = 40  # characters of a name in 经办人
MAX_NOTE = 500


@dataclass(frozen=True, slots=True)
class NeedStatusChange:
    """One change of a need's status. ``on``: the day it happened (as the advisor says), ``by``: who
    did it ("" when nobody was named), ``recorded_at``: when it was stored (UTC, ISO text)."""

    need_id: str
    old_status: str  # vocab.NEED_STATUSES
    new_status: str
    on: dt.date
    by: str = ""
    note: str = ""
    recorded_at: str = ""
    id: str | None = None


@dataclass(slots=True)
class NeedEntry:
    """A need as the needs list shows it: what, found on which visit, its status and its changes
    (oldest first)."""

    id: str
    visit_id: str
    visit_date: dt.date
    visit_type: str  # vocab.VISIT_TYPES
    found_by: list[str]  # the visit's investigators
    category: str  # vocab.NEED_CATEGORIES
    description: str
    status: str  # vocab.NEED_STATUSES
    changes: list[NeedStatusChange] = field(default_factory=list)

    @property
    def label(self) -> str:
        """资金需求“医疗费用缺口”: how messages name the need."""
        return f"{NEED_CATEGORIES.get(self.category, '')}需求“{self.description}”"

    @property
    def last_changed(self) -> dt.date:
        """The day of the last change of status (the visit's day when it never changed)."""
        return self.changes[-1].on if self.changes else self.visit_date


def status_change_problems(need: NeedEntry, new_status: str, on: dt.date, by: str, note: str, *,
                           today: dt.date | None = None) -> list[Problem]:
    """What is wrong with changing ``need`` to ``new_status`` on ``on`` (empty: nothing)."""
    today = today or dt.date.today()
    out: list[Problem] = []
    if new_status not in NEED_STATUSES:
        known = "、".join(NEED_STATUSES.values())
        out.append(Problem(("status",), f"{need.label}：不认识的需求状态“{new_status}”，可用：{known}"))
    elif new_status == need.status:
        out.append(Problem(("status",), f"{need.label}已经是“{NEED_STATUSES[new_status]}”，请选择新的状态"))
    if on > today:
        out.append(Problem(("on",), f"{need.label}的变更日期 {on.isoformat()} 晚于今天，请填写实际办理的日期"))
    elif on < need.visit_date:
        out.append(Problem(("on",), f"{need.label}的变更日期 {on.isoformat()} 早于发现该需求的走访日期 "
                                    f"{need.visit_date.isoformat()}"))
    elif need.changes and on < need.changes[-1].on:
        out.append(Problem(("on",), f"{need.label}的变更日期 {on.isoformat()} 早于上一次变更的日期 "
                                    f"{need.changes[-1].on.isoformat()}"))
    if len(by) > MAX_NAME:
        out.append(Problem(("by",), f"{need.label}的经办人姓名太长（最多 {MAX_NAME} 个字）"))
    if len(note) > MAX_NOTE:
        out.append(Problem(("note",), f"{need.label}的说明太长（最多 {MAX_NOTE} 个字）"))
    return out


def check_status_change(need: NeedEntry, new_status: str, on: dt.date, by: str, note: str, *,
                        today: dt.date | None = None) -> None:
    """Raise :class:`InvalidRecord` with every problem of the change (nothing is written then)."""
    problems = status_change_problems(need, new_status, on, by, note, today=today)
    if problems:
        raise InvalidRecord(problems)
