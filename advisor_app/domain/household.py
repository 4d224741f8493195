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
    # The law's states of a person (advisor-household/2). ``state``: vocab "member_state" (living,
    # deceased, declared_dead, declared_missing), with the day of the death or court declaration.
    state: str = "living"
    state_date: dt.date | None = None
    order_months: int = 0  # the term of a prison sentence or a compulsory-rehab order, in months
    no_legal_capacity: bool = False  # 无民事行为能力 (a court or the record says so)
    guardianship_revoked: bool = False  # 被撤销监护资格
    deported: bool = False  # 被遣送（驱逐）出境

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
    vehicles: int = 0  # ordinary motor vehicles (the asset rule counts these)
    extra_houses: int = 0  # houses beyond the one the family lives in
    disability_vehicles: int = 0  # used by a disabled member for mobility (exempt)
    production_vehicles: int = 0  # used for production: a farm tricycle, a small truck (exempt)


@dataclass(slots=True)
class Supporter:
    """A legal supporter (法定赡养/抚养/扶养义务人) living outside the household.

    ``kinship`` (vocab "kinship": father, daughter, elder_brother …) says what the supporter is to the
    member whose ID number is ``of_member`` (advisor-household/2); ``relation`` is the free text of
    advisor-household/1 files, kept as written. ``able``: None when not known (a check then asks).
    The facts after it let the rules decide whether the supporter is unable (POLICY §3.3).
    """

    name: str
    able: bool | None
    reason: str = ""
    relation: str = ""
    id_number: str = ""
    phone: str = ""
    kinship: str = ""
    of_member: str = ""  # the ID number of the household member the kinship is to
    status: str = ""  # vocab "supporter_status": "" | tekun | dibao (receives it, recorded)
    situation: str = ""  # vocab "supporter_situation": "" | deceased | no_capacity | declared_missing | prison
    disability: Disability | None = None
    monthly_income: float | None = None  # own income, yuan a month (None: not recorded)
    assets_ok: bool | None = None  # own assets within the local low-income rule (None: not recorded)


@dataclass(slots=True)
class Receipt:
    """What the household (or one member) receives now: the programme, since when, how much a month."""

    program: str  # vocab "program"
    since: dt.date
    monthly_amount: float
    member: str = ""  # ID number, for a member's own programme (特困, 单人保 …)


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
    receiving: list[Receipt] = field(default_factory=list)  # current receipt status (渐退期 needs it)

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
