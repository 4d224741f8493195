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

from collections.abc import Sequence

from advisor_app.documents.kinds import NoticeEntry, NoticeProgram
from advisor_app.domain.household import Household
from advisor_app.rules.facts import is_counted
from advisor_app.rules.results import ELIGIBLE, PROGRAM_LABELS

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
