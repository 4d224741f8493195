"""Which line of a public notice (公示) a household gets, and how many people it covers.

The notice follows the recommendation (:func:`advisor_app.rules.recommendation.recommend`): it lists
what the family is told to apply for, never two payments for the same person. 吴晓霞's family, with
低保 for both members and 特困 for 吴晓霞, is told "吴晓霞 特困; the other 1 person 低保" (a person
supported as 特困 is not counted in the household's 低保). Its notice line is the same: one line,
"低保（1人）、特困（吴*霞）", 2 people, the 低保 amount of the son alone (the household checked again
without her, ``rest``) and 特困's amount; not a 低保 of 2 plus a 特困 of 1 (3 people, paid twice).
Without ``rest`` the 低保 amount prints 待核定. Likewise a 单人保 set aside for a 特困 member, and a
特困 set aside for a child paid as 事实无人抚养儿童, are not listed.

One line per household, whatever the number of programmes. People covered: the counted members
(《最低生活保障审核确认办法》第七条) for 低保, less those supported as 特困; the member for 单人保 and
特困; each person once. The line names the 户主 when the household's 低保 is listed or the head is
covered, else the (first) member covered; a member programme of anyone else carries that member's
name ("特困（吴*芳）" once masked), and when the 低保 is for part of the household every member
programme names its member, so nobody covered goes unnamed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from advisor_app.documents.kinds import NoticeEntry, NoticeProgram
from advisor_app.domain.household import Household, Member
from advisor_app.rules.facts import is_counted
from advisor_app.rules.recommendation import Pick, recommend
from advisor_app.rules.results import PROGRAM_LABELS, CheckResult, ProgramResult

# (member id or None for a household programme, programme code, status, amount in yuan: the monthly
# amount, for 临时救助 the cap per event)
Result = tuple[str | None, str, str, int | None]

__all__ = ["Result", "first_check", "left_out", "notice_entry", "without"]


def first_check(household: Household, results: Sequence[Result], on: dt.date) -> CheckResult:
    """The results (stored or live) as a check the recommendation can read: per-member results carry
    the member's ID number and name; results of a member the household no longer has are dropped."""
    by_id = {m.id: m for m in household.members if m.id}
    programs = []
    for member_id, program, status, amount in results:
        if program not in PROGRAM_LABELS:
            continue
        member: Member | None = None
        if member_id is not None:
            member = by_id.get(member_id)
            if member is None:
                continue
        monthly, cap = (None, amount) if program == "temporary" else (amount, None)
        programs.append(ProgramResult(program, status, member=member.id_number if member else None,
                                      monthly_amount=monthly, max_amount=cap,
                                      member_name=member.name if member else ""))
    counted = sum(1 for m in household.members if is_counted(m))
    return CheckResult(on=on, region=household.region, policy={}, counted_members=counted,
                       counted_income_monthly=0.0, per_capita_monthly=0.0, programs=programs,
                       area=household.area)


def left_out(household: Household, results: Sequence[Result], on: dt.date) -> tuple[str, ...]:
    """ID numbers of the members the household's 低保 must be checked again without (特困), or ()."""
    return recommend(first_check(household, results, on)).dibao_without


def without(household: Household, id_numbers: Sequence[str]) -> Household:
    """The household without these members: the one whose 低保 is checked a second time."""
    return dataclasses.replace(household, members=[m for m in household.members if m.id_number not in id_numbers])


def notice_entry(household: Household, results: Sequence[Result], programs: Sequence[str],
                 on: dt.date | None = None, rest: CheckResult | None = None) -> NoticeEntry | None:
    """The household's notice line: the recommended programmes among ``programs`` (in that order),
    or ``None`` when none of them is recommended. ``rest``: the check of the household without the
    members :func:`left_out` names, on the same date (only its 低保 is read)."""
    h = household
    day = on or (rest.on if rest is not None else dt.date.today())
    rec = recommend(first_check(h, results, day), rest)
    index = {m.id_number: i for i, m in enumerate(h.members)}
    order = {p: i for i, p in enumerate(programs)}
    listed: list[tuple[Pick, int | None]] = []  # (pick, member index or None for the household's)
    for pick in rec.apply_for:
        if pick.program in order:
            listed.append((pick, None if pick.member is None else index[pick.member]))
    if not listed:
        return None
    listed.sort(key=lambda item: (order[item[0].program], -1 if item[1] is None else item[1]))
    tekun = {index[p.member] for p in rec.apply_for if p.program == "tekun" and p.member is not None}
    covered: set[int] = set()
    for _pick, who in listed:
        if who is not None:
            covered.add(who)
        else:  # the household's 低保 covers the counted members, less those supported as 特困
            covered.update(i for i, m in enumerate(h.members) if is_counted(m) and i not in tekun)
    head = h.head
    head_at = h.members.index(head) if head is not None else None
    household_wide = any(who is None for _p, who in listed)
    named = head_at if household_wide or head_at in covered or not covered else min(covered)
    if named is None:
        return None
    split = household_wide and bool(tekun)  # the 低保 is for part of the household
    person = h.members[named]
    lines = tuple(NoticeProgram(PROGRAM_LABELS.get(p.program, p.program), p.monthly_amount,
                                "" if who is None or (who == named and not split) else h.members[who].name,
                                p.people if split and who is None else None)
                  for p, who in listed)
    return NoticeEntry(person.name, person.id_number, h.village, h.town, lines, len(covered) or 1)
