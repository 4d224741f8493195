"""Household facts every programme shares: who is counted, counted income, assets, ages.

**Who is counted (《最低生活保障审核确认办法》第七条).** People serving a prison sentence and people in
compulsory drug rehabilitation (whereabouts ``prison`` / ``drug_rehab``) are *not* counted, however
long they have been away: Art. 7 lists them without a minimum time, and from the first day the
state, not the family, provides for them. Clergy living at a religious site (``religious``) are not
counted from 36 months away (the 3-year rule of Art. 7); below 36 months they are still counted.
A member whose whereabouts are unknown (``missing``) is still counted; one a court has declared
missing (state ``declared_missing``, 宣告失踪) is not, from the day of the declaration. A deceased
member or one declared dead (``deceased`` / ``declared_dead``) is not counted from the day recorded
(``state_date``; without a day the state holds on every date), nor is a person born after the check
date (he or she does not exist yet: age 0, ``exists`` false), nor a co-resident with no support
relationship (relation ``lodger``: a lodger, a hired carer). Members not counted bring neither their
person nor their income into the household's figures; they stay in ``HouseholdFacts.members`` with
``counted`` false (``exists`` false for the unborn and the dead), so per-member programmes still see
them.

**Counted income (第十三条).** wage, business, property, transfer, pension_other and other are
counted; preferential_care, family_planning_award, scholarship, heroism_award, assistance and
pension_basic (the 基础养老金 part) are not. All sums are integer fen.

These rules are computed as formulas over columns, for one household or many at once, by
:func:`.frame.count_members`; :meth:`.frame.Frame.facts` gives one household's
:class:`HouseholdFacts` from them. This module holds the vocabulary of the rules (the kinds, the
36 months) and their wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advisor_app.domain.household import Household, Member
from advisor_app.domain.vocab import INCOME_KINDS, LIST_SEPARATOR, Text, join, term

COUNTED_INCOME = frozenset({"wage", "business", "property", "transfer", "pension_other", "other"})
EXCLUDED_INCOME = frozenset(INCOME_KINDS) - COUNTED_INCOME
NOT_COUNTED_ANY_TIME = frozenset({"prison", "drug_rehab"})
RELIGIOUS_MONTHS = 36

_MEASURES = "Measures for Reviewing and Confirming Dibao"
CITE_MEMBERS = Text("《最低生活保障审核确认办法》第七条", f"{_MEASURES}, Art. 7")
CITE_INCOME = Text("《最低生活保障审核确认办法》第十三条", f"{_MEASURES}, Art. 13")
CITE_ASSETS = Text("《最低生活保障审核确认办法》第十四条", f"{_MEASURES}, Art. 14")


@dataclass(slots=True)
class MemberFacts:
    member: Member
    age: int  # completed years on the check date (60 on the 60th birthday)
    counted: bool  # part of the household for income and per-capita figures
    income_fen: int  # own counted monthly income (Art. 13), fen
    exists: bool = True  # born on or before the check date, and not deceased / declared dead on it
    out: str = ""  # why not counted: "" (counted) | unborn | deceased | declared_dead | declared_missing
    #                | lodger | whereabouts (prison, rehab, religious site 3+ years)


@dataclass(slots=True)
class HouseholdFacts:
    household: Household
    on: dt.date
    members: list[MemberFacts]
    counted: int  # counted members
    income_fen: int  # counted monthly income of the counted members, fen


def is_counted(m: Member) -> bool:
    w = m.whereabouts
    if w in NOT_COUNTED_ANY_TIME:
        return False
    return not (w == "religious" and m.months_away >= RELIGIOUS_MONTHS)


def state_on(m: Member, on: dt.date | None) -> str:
    """The member's state on ``on``: the recorded state from its day (``state_date``) on, else living."""
    if m.state == "living" or on is None or m.state_date is None or m.state_date <= on:
        return m.state
    return "living"


# --- wording -------------------------------------------------------------------------------------

def yuan(fen: int) -> str:
    """Money as an advisor writes it: 800.00."""
    return f"{fen / 100:.2f}"


def figure(fen: int) -> str:
    """A policy figure: whole yuan without decimals (924), else two decimals (1321.50)."""
    return str(fen // 100) if fen % 100 == 0 else f"{fen / 100:.2f}"


def times(milli: int) -> str:
    """A multiple: 1500 → "1.5"."""
    return f"{milli / 1000:g}"


def ceil_yuan(fen: int) -> int:
    """Round a fen amount up to whole yuan (补差 is rounded up, never down)."""
    return -(-fen // 100)


_OUT_WHY = {
    "unborn": Text("核对日期时尚未出生", "not yet born on the check date"),
    "deceased": Text("已故，不计入", "deceased: not counted"),
    "declared_dead": Text("已被人民法院宣告死亡，不计入", "declared dead by a court: not counted"),
    "declared_missing": Text("已被人民法院宣告失踪，不计入（仅失联而未经法院宣告的仍计入）",
                             "declared missing by a court: not counted (out of contact without a court "
                             "declaration is still counted)"),
    "lodger": Text("同住但与家庭成员没有法定赡养、抚养或扶养关系，不计入",
                   "lives with the family without a legal duty of support either way: not counted"),
}


def not_counted_why(m: Member, on: dt.date | None = None, out: str = "") -> Text:
    """Why ``m`` is not counted: ``out`` (``MemberFacts.out``) when given, else from the record."""
    if not out:
        out = state_on(m, on) if m.state != "living" else ("lodger" if m.relation == "lodger" else "")
        out = "" if out == "living" else out
    if out in _OUT_WHY:
        why = _OUT_WHY[out]
        if out not in ("unborn", "lodger") and m.state_date is not None:
            day = m.state_date.isoformat()
            why = Text(f"{day}{why.zh}", f"{why.en} (from {day})")
        return why
    where, months = term("whereabouts", m.whereabouts), m.months_away
    if m.whereabouts == "religious":
        return Text(f"{where.zh}已满3年（{months}个月）", f"{where.en.lower()} for 3 years or more ({months} months)")
    away = Text(f"，已离家{months}个月", f", away for {months} months") if months else Text("", "")
    return (Text(f"{where.zh}中", where.en.lower()) + away
            + Text("；服刑、强制隔离戒毒人员不计入",
                   "; people serving a sentence or in compulsory drug rehabilitation are not counted"))


def members_sentence(f: HouseholdFacts) -> Text:
    out = [m for m in f.members if not m.counted]
    text = Text(f"计入家庭人口 {f.counted} 人", f"Members counted in the household: {f.counted}")
    if out:
        text += Text("；不计入：", "; not counted: ") + join(Text("；", "; "), (
            Text(f"{m.member.name}（", f"{m.member.name} (") + not_counted_why(m.member, f.on, m.out)
            + Text("）", ")")
            for m in out))
    staying = [m for m in f.members if m.counted and m.member.whereabouts == "religious"]
    if staying:
        names = join(LIST_SEPARATOR, (Text(m.member.name, m.member.name) for m in staying))
        text += Text("；", "; ") + names + Text("在宗教场所居住不满3年，仍计入",
                                               " living at a religious site for less than 3 years, still counted")
    lost = [m for m in f.members if m.counted and m.member.whereabouts == "missing"]
    if lost:
        names = join(LIST_SEPARATOR, (Text(m.member.name, m.member.name) for m in lost))
        text += Text("；", "; ") + names + Text("失联但未经人民法院宣告失踪，仍计入",
                                               " out of contact but not declared missing by a court, still counted")
    return text
