"""The printable documents and a notice line: plain data, cheap to import (no reportlab)."""

from __future__ import annotations

from dataclasses import dataclass

FORM_KINDS = {
    "dibao-application": "最低生活保障申请书",
    "tekun-application": "特困人员救助供养申请书",
    "temporary-application": "临时救助申请书",
    "authorization": "家庭经济状况核对授权书",
    "investigation": "入户调查表",
    "visit-record": "走访记录表",
    "assessment": "社会救助资格测算参考单",  # the software's pre-assessment, apart from the signed papers
}
# The forms that print the eligibility check (the others carry only what the family declares).
ASSESSED_KINDS = frozenset({"assessment", "visit-record"})


@dataclass(frozen=True, slots=True)
class NoticeProgram:
    """One programme of a notice line."""

    label: str  # Chinese label: 低保, 特困 …
    amount: int | None  # yuan per month; None: not computed (printed 待核定)
    person: str = ""  # a member's programme (特困, 单人保): whose, when the line does not say it already
    people: int | None = None  # 低保 for part of the household (others supported as 特困): for how many

    @property
    def text(self) -> str:
        """"特困（吴晓霞）", "低保（1人）" (unmasked), "低保"."""
        return self.label + (f"（{self.person}）" if self.person else f"（{self.people}人）" if self.people else "")


@dataclass(frozen=True, slots=True)
class NoticeEntry:
    """One household of a public notice (unmasked: masking happens when it is printed).

    A household eligible for several programmes is one line naming the ones recommended (低保 for
    the others and 特困 for the head); ``people`` counts each person covered once."""

    name: str  # whom the line names: the head (or the one member covered)
    id_number: str
    village: str
    town: str
    programs: tuple[NoticeProgram, ...]
    people: int

    @property
    def program(self) -> str:
        """"低保、特困", "低保（1人）、特困（吴晓霞）" (unmasked)."""
        return "、".join(p.text for p in self.programs)

    @property
    def amount(self) -> int:
        """The line's monthly amounts added up: what the family gets (a programme not computed counts 0)."""
        return sum(p.amount or 0 for p in self.programs)
