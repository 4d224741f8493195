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
class NoticeEntry:
    """One line of a public notice (unmasked: masking happens when it is printed)."""

    name: str
    id_number: str
    village: str
    town: str
    program: str  # Chinese label
    people: int
    amount: int | None  # yuan per month
