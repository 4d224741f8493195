"""A parent's situation in the sense of the 事实无人抚养儿童 notice (:mod:`.children` has the rules):
a member of the household (:func:`member_situation`) or a recorded supporter
(:func:`supporter_situation`: its situation, disability, and the advisor's reason for ``able: false``
where it names a situation of the notice: the words are :data:`advisor_app.domain.inputs.REASON_WORDS`).
The formulas compute the recorded supporter's kind by the same rule over its packed record
(:func:`.people.people_of`); the children's programme words both.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor_app.domain.household import Member, Supporter
from advisor_app.domain.inputs import PRISON_WORDS, REASON_WORDS
from advisor_app.domain.vocab import Text, disability, same, term

DEAD_STATES = frozenset({"deceased", "declared_dead"})
MONTHS_AWAY = 6
_AWAY = {"prison": Text("服刑在押", "in prison"),
         "drug_rehab": Text("强制隔离戒毒", "in compulsory drug rehabilitation")}
REHAB_MONTHS = 24  # 《禁毒法》第四十七条: compulsory isolated drug rehabilitation lasts two years

DEAD, MISSING, LISTED, NONE, UNKNOWN = "dead", "missing", "listed", "none", "unknown"


@dataclass(slots=True)
class Situation:
    kind: str  # dead | missing | listed | none | unknown
    why: Text
    missing: Text | None = None


def member_situation(m: Member) -> Situation:
    """A parent living in the household (or recorded as a member): the notice's situations."""
    if m.state in DEAD_STATES:
        return Situation(DEAD, term("member_state", m.state))
    if m.state == "declared_missing":
        return Situation(MISSING, Text("被宣告失踪", "declared missing by a court"))
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.kind in ("intellectual", "psychiatric") and d.grade <= 4)):
        return Situation(LISTED, disability(d.kind, d.grade) + Text("（重残）", " (severe disability)"))
    if m.serious_illness:
        return Situation(LISTED, Text("患重病", "seriously ill"))
    if m.guardianship_revoked:
        return Situation(LISTED, Text("被撤销监护资格", "deprived of guardianship by a court"))
    if m.deported:
        return Situation(LISTED, Text("被遣送（驱逐）出境", "deported"))
    w = m.whereabouts
    if w in ("prison", "drug_rehab"):
        what = _AWAY[w]
        term_ = m.order_months or (REHAB_MONTHS if w == "drug_rehab" else 0)
        if term_:
            law = Text("（法定期限2年）", " (2 years by law)") if not m.order_months else Text("", "")
            text = Text(f"{what.zh}，期限 {term_} 个月", f"{what.en}, for a term of {term_} months") + law
            if term_ >= MONTHS_AWAY:
                return Situation(LISTED, text + Text("（满6个月）", " (6 months or more)"))
            return Situation(NONE, text + Text("，不满6个月", ", less than 6"))
        if m.months_away >= MONTHS_AWAY:
            return Situation(LISTED, Text(f"{what.zh}已 {m.months_away} 个月（满6个月）",
                                          f"{what.en} for {m.months_away} months already (6 months or more)"))
        return Situation(UNKNOWN, Text(f"{what.zh}，刑期未登记", f"{what.en}, term not recorded"),
                         Text(f"{m.name}的刑期（月数）未登记：服刑期限满6个月才属于事实无人抚养的情形",
                              f"{m.name}'s term (months) is not recorded: a term of 6 months or more counts"))
    if w == "missing":
        if m.months_away >= MONTHS_AWAY:
            return Situation(LISTED, Text(f"失联 {m.months_away} 个月（满6个月）",
                                          f"out of contact for {m.months_away} months (6 months or more)"))
        return Situation(NONE, Text(f"失联仅 {m.months_away} 个月，不满6个月",
                                    f"out of contact for only {m.months_away} months, less than 6"))
    return Situation(NONE, _NONE_WHY)


_NONE_WHY = Text("没有重残、重病、服刑、强制隔离戒毒、失联满6个月、被撤销监护资格或被遣送出境的情形",
                 "not severely disabled, seriously ill, in prison or compulsory drug rehabilitation, "
                 "out of contact for 6 months or more, deprived of guardianship or deported")


def supporter_situation(s: Supporter) -> Situation:
    """A parent recorded as a supporter of the child."""
    name = s.name
    if s.situation == "deceased":
        return Situation(DEAD, Text("已故", "deceased"))
    if s.situation == "declared_missing":
        return Situation(MISSING, Text("被宣告失踪", "declared missing by a court"))
    d = s.disability
    if d is not None and (d.grade <= 2 or (d.kind in ("intellectual", "psychiatric") and d.grade <= 4)):
        return Situation(LISTED, disability(d.kind, d.grade) + Text("（重残）", " (severe disability)"))
    if s.able is False:
        for words, kind in REASON_WORDS:  # (the advisor's reason, where it names a situation of the notice)
            if any(w in s.reason for w in words):
                return Situation(kind, same(s.reason))
    if s.situation == "prison" or (s.able is False and any(w in s.reason for w in PRISON_WORDS)):
        return Situation(UNKNOWN, Text("服刑，刑期未登记", "in prison, term not recorded"),
                         Text(f"{name}服刑的刑期未登记：请把{name}登记为家庭成员（去向“服刑”）并填写刑期",
                              f"{name}'s prison term is not recorded: enter {name} as a household member "
                              "(whereabouts: serving a sentence) with the term"))
    if s.able is True:
        return Situation(NONE, Text("能够抚养", "able to raise the child"))
    return Situation(UNKNOWN, same(s.reason) if s.reason else Text("情况未写明", "situation not stated"),
                     Text(f"{name}属于哪种情形（已故，或重残、重病、服刑、强制隔离戒毒、失联满6个月、"
                          "被撤销监护资格、被遣送出境）", f"which situation {name} is in (deceased, or severely "
                          "disabled, seriously ill, in prison or drug rehabilitation, out of contact for 6 months "
                          "or more, deprived of guardianship, deported)"))


__all__ = ["DEAD", "DEAD_STATES", "LISTED", "MISSING", "MONTHS_AWAY", "NONE", "REHAB_MONTHS", "UNKNOWN", "Situation",
           "member_situation", "supporter_situation"]
