"""Which line of a public notice (公示) a household gets, and how many people it covers.

One line per household, whatever the number of programmes it is eligible for: 吴晓霞's family, on
低保 (both members) with 特困 for 吴晓霞, is one line "低保、特困" covering **2** people, not a 低保
line of 2 and a 特困 line of 1 (3 people for a family of two). People covered: the counted members
(《最低生活保障审核确认办法》第七条) for 低保, the member for 单人保 and 特困; a person in several
programmes is counted once. The line names the 户主 when the household's 低保 is listed or the head
is covered, else the (first) member covered; a member programme of anyone else carries that
member's name ("特困（吴*芳）" once masked), so nobody covered goes unnamed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from advisor_app.domain.household import Household
from advisor_app.rules.facts import is_counted
from advisor_app.rules.results import ELIGIBLE, PROGRAM_LABELS

from .kinds import NoticeEntry, NoticeProgram

# (member id or None for a household programme, programme code, status, monthly amount in yuan)
Result = tuple[str | None, str, str, int | None]


def notice_entry(household: Household, results: Sequence[Result], programs: Sequence[str]) -> NoticeEntry | None:
    """The household's notice line for the eligible results among ``programs`` (in that order), or
    ``None`` when it is eligible for none of them."""
    h = household
    index = {m.id: i for i, m in enumerate(h.members) if m.id}
    order = {p: i for i, p in enumerate(programs)}
    listed: list[tuple[str, int | None, int | None]] = []  # (programme, member index or None, amount)
    for member_id, program, status, amount in results:
        if status != ELIGIBLE or program not in order:
            continue
        if member_id is None:
            listed.append((program, None, amount))
        elif member_id in index:
            listed.append((program, index[member_id], amount))
    if not listed:
        return None
    listed.sort(key=lambda item: (order[item[0]], -1 if item[1] is None else item[1]))
    covered: set[int] = set()
    for _program, who, _amount in listed:
        if who is not None:
            covered.add(who)
        else:  # a household programme (低保) covers the counted members
            covered.update(i for i, m in enumerate(h.members) if is_counted(m))
    head = h.head
    head_at = h.members.index(head) if head is not None else None
    household_wide = any(who is None for _p, who, _a in listed)
    named = head_at if household_wide or head_at in covered or not covered else min(covered)
    if named is None:
        return None
    person = h.members[named]
    lines = tuple(NoticeProgram(PROGRAM_LABELS.get(program, program), amount,
                                "" if who is None or who == named else h.members[who].name)
                  for program, who, amount in listed)
    return NoticeEntry(person.name, person.id_number, h.village, h.town, lines, len(covered) or 1)


PHONE_DIGITS = 5  # 12345 (the government hotline) is the shortest number a notice gives


def complaint_phone_problem(phone: str) -> str | None:
    """Why ``phone`` cannot be a notice's 监督电话 (blank, or too few digits to be a number), or None."""
    text = phone.strip()
    if not text:
        return "请填写监督电话：公示名单必须印有监督电话"
    if sum(ch.isdigit() for ch in text) < PHONE_DIGITS:
        return f"监督电话“{text}”不像电话号码：至少要有{PHONE_DIGITS}位数字，例如 0551-12345678 或 12345"
    return None


NOTICE_DAYS = 7  # 公示期: 7 days (《最低生活保障审核确认办法》, 《特困人员认定办法》), both ends counted


def default_notice_end(start: dt.date) -> dt.date:
    """The last day of a 公示期 of :data:`NOTICE_DAYS` days starting ``start``."""
    return start + dt.timedelta(days=NOTICE_DAYS - 1)


def notice_period_problem(start: dt.date, end: dt.date) -> str | None:
    """Why a 公示期 from ``start`` to ``end`` (both counted) may not be used, or None."""
    days = (end - start).days + 1
    if days < NOTICE_DAYS:
        return (f"公示期不得少于{NOTICE_DAYS}天：{start.year}年{start.month}月{start.day}日至"
                f"{end.year}年{end.month}月{end.day}日只有{max(days, 0)}天")
    return None
