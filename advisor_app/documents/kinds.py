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
    person: str = ""  # a member's programme (特困, 单人保) for someone the line does not name: who


@dataclass(frozen=True, slots=True)
class NoticeEntry:
    """One household of a public notice (unmasked: masking happens when it is printed).

    A household eligible for several programmes (低保 for the family and 特困 for the head) is one
    line naming them all; ``people`` counts each person covered once."""

    name: str  # whom the line names: the head (or the one member covered)
    id_number: str
    village: str
    town: str
    programs: tuple[NoticeProgram, ...]
    people: int

    @property
    def program(self) -> str:
        """"低保、特困" (member programmes of someone else: "特困（name）", unmasked)."""
        return "、".join(p.label + (f"（{p.person}）" if p.person else "") for p in self.programs)

    @property
    def amount(self) -> int:
        """The line's monthly amounts added up (a programme not computed counts 0)."""
        return sum(p.amount or 0 for p in self.programs)
