"""Households, their members and what an advisor records about them.

Plain data: no database, no Qt. Money is yuan (元) as ``float`` rounded to the fen (分); the rules
convert to integer fen before any arithmetic. Every record that will travel between laptops carries
a random UUID (``id``) and a ``version``; both are ``None``/0 until the store first saves it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .idcard import IdNumber


@dataclass(slots=True)
class Disability:
    kind: str  # vocab.DISABILITY_KINDS
    grade: int  # 1 (most severe) .. 4


@dataclass(slots=True)
class Income:
    kind: str  # vocab.INCOME_KINDS
    monthly: float  # yuan per month


@dataclass(slots=True)
class Member:
    name: str
    id_number: str  # validated, upper-case X
    relation: str  # vocab.RELATIONS
    disability: Disability | None = None
    serious_illness: bool = False
    self_care_lost: int = 0  # how many of the 6 daily activities the person cannot do
    student: bool = False
    whereabouts: str = "home"  # vocab.WHEREABOUTS
    months_away: int = 0
    incomes: list[Income] = field(default_factory=list)
    # Optional details (forms and ledgers use them when known).
    self_care_items: list[str] = field(default_factory=list)  # vocab.SELF_CARE_ITEMS, when recorded
    ethnicity: str = ""
    occupation: str = ""
    phone: str = ""
    id: str | None = None

    @property
    def ident(self) -> IdNumber:
        return IdNumber(self.id_number)

    @property
    def birth_date(self) -> dt.date:
        return self.ident.birth_date

    @property
    def sex(self) -> str:
        return self.ident.sex

    def age_on(self, on: dt.date) -> int:
        return self.ident.age_on(on)

    @property
    def monthly_income(self) -> float:
        return round(sum(i.monthly for i in self.incomes), 2)


@dataclass(slots=True)
class Assets:
    financial: float = 0.0  # deposits, securities, insurance … in yuan
    vehicles: int = 0
    extra_houses: int = 0  # houses beyond the one the family lives in


@dataclass(slots=True)
class Supporter:
    """A legal supporter (法定赡养/抚养/扶养义务人) living outside the household."""

    name: str
    able: bool
    reason: str = ""
    relation: str = ""
    id_number: str = ""
    phone: str = ""


@dataclass(slots=True)
class Expenses:
    medical_selfpaid_12m: float = 0.0
    education_12m: float = 0.0


@dataclass(slots=True)
class Emergency:
    kind: str  # vocab.EMERGENCY_KINDS
    date: dt.date


@dataclass(slots=True)
class Need:
    category: str  # vocab.NEED_CATEGORIES: cash | goods | service
    description: str
    status: str = "open"  # vocab.NEED_STATUSES
    id: str | None = None


@dataclass(slots=True)
class Visit:
    type: str  # vocab.VISIT_TYPES
    date: dt.date
    investigators: list[str] = field(default_factory=list)
    notes: str = ""
    needs: list[Need] = field(default_factory=list)
    next_visit: dt.date | None = None
    follow_up: str = ""  # what was agreed to do next
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class Household:
    region: str  # 6-digit 行政区划代码 of the county/district
    area: str  # "urban" | "rural"
    address: str = ""  # 居住地址: where the family lives
    village: str = ""
    members: list[Member] = field(default_factory=list)
    assets: Assets = field(default_factory=Assets)
    supporters: list[Supporter] = field(default_factory=list)
    expenses: Expenses = field(default_factory=Expenses)
    emergency: Emergency | None = None
    visits: list[Visit] = field(default_factory=list)
    town: str = ""  # 乡镇(街道)
    phone: str = ""
    notes: str = ""
    id: str | None = None
    version: int = 0
    registered_address: str = ""  # 户籍地址: where the family's hukou is registered (may differ)

    @property
    def head(self) -> Member | None:
        for m in self.members:
            if m.relation == "head":
                return m
        return self.members[0] if self.members else None

    @property
    def head_name(self) -> str:
        head = self.head
        return head.name if head else ""
