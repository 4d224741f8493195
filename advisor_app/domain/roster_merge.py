"""A roster's household against the one the advisor recorded: what may be filled, what differs.

The roster (名册) gives, per household, what its columns say (:class:`SheetHousehold`: only the
fields the sheet has a value for). Against a stored household (:func:`merge`):

* a value the profile does not have (empty text, no disability recorded, no income recorded, a
  programme not recorded) is **filled** from the roster;
* a value the advisor recorded that the roster says otherwise is **never overwritten**: it becomes a
  :class:`Difference` (field, 现有值, 名册值) for a person to accept or keep;
* a person of the roster not in the stored household is a difference too (field ``member``):
  accepting adds them. A stored person the roster leaves out is left alone.

Values are kept in a plain form (text, numbers, lists, small dicts) that JSON stores as it is:
:func:`apply` writes an accepted roster value into a household, :func:`value_words` shows one.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import vocab
from .household import Disability, Household, Income, Member, Receipt

MEMBER_TEXTS = ("ethnicity", "phone")
HOUSEHOLD_TEXTS = ("village", "town", "address", "phone")
MEMBER = "member"  # the field of a person to add
RECEIVING = "receiving:"  # + the programme's code

FIELD_WORDS = {"name": "姓名", "relation": "与户主关系", "disability": "残疾", "serious_illness": "健康状况",
               "monthly_income": "月收入", "ethnicity": "民族", "phone": "联系电话", "village": "村（社区）",
               "town": "乡镇（街道）", "address": "居住地址", "area": "户籍性质", MEMBER: "家庭成员"}


@dataclass(slots=True)
class SheetPerson:
    row: int
    name: str
    id_number: str
    relation: str
    given: dict[str, Any] = field(default_factory=dict)  # plain values: see member_value


@dataclass(slots=True)
class SheetHousehold:
    people: list[SheetPerson]
    given: dict[str, Any] = field(default_factory=dict)  # village, town, address, phone, area
    receiving: list[Receipt] = field(default_factory=list)

    @property
    def rows(self) -> list[int]:
        return [p.row for p in self.people]


@dataclass(frozen=True, slots=True)
class Difference:
    member_id_number: str  # "" for the household's own fields
    member_name: str
    field: str  # FIELD_WORDS key, or receiving:<programme>
    existing: Any  # plain value (None: nothing recorded)
    roster: Any


# ---- plain values ------------------------------------------------------------------------------------

def member_value(m: Member, key: str) -> Any:
    if key == "disability":
        return [m.disability.kind, m.disability.grade] if m.disability is not None else None
    if key == "monthly_income":
        return m.monthly_income
    return getattr(m, key)


def set_member_value(m: Member, key: str, value: Any) -> None:
    if key == "disability":
        m.disability = Disability(str(value[0]), int(value[1])) if value else None
    elif key == "monthly_income":
        m.incomes = [Income("other", float(value))] if value else []
    else:
        setattr(m, key, value)


def receipt_value(x: Receipt) -> dict[str, Any]:
    return {"since": x.since.isoformat(), "monthly_amount": x.monthly_amount}


def person_value(p: SheetPerson) -> dict[str, Any]:
    return {"name": p.name, "id_number": p.id_number, "relation": p.relation, **p.given}


def new_member(p: SheetPerson | dict[str, Any]) -> Member:
    plain = person_value(p) if isinstance(p, SheetPerson) else p
    m = Member(name=plain["name"], id_number=plain["id_number"], relation=plain["relation"])
    for key, value in plain.items():
        if key not in ("name", "id_number", "relation"):
            set_member_value(m, key, value)
    return m


def new_household(sheet: SheetHousehold, *, region: str, area: str) -> Household:
    """The household a roster's rows make when nobody of it is stored."""
    given = sheet.given
    return Household(region=region, area=given.get("area", area), village=given.get("village", ""),
                     town=given.get("town", ""), address=given.get("address", ""), phone=given.get("phone", ""),
                     members=[new_member(p) for p in sheet.people], receiving=copy.deepcopy(sheet.receiving))


# ---- comparing ---------------------------------------------------------------------------------------

def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == 0


def merge(stored: Household, sheet: SheetHousehold) -> tuple[Household, list[Difference], bool]:
    """``stored`` with what the roster fills (a copy), the differences, and whether anything was filled."""
    out = copy.deepcopy(stored)
    diffs: list[Difference] = []
    filled = False
    for key in (*HOUSEHOLD_TEXTS, "area"):
        if key in sheet.given and sheet.given[key] != getattr(out, key):
            if key != "area" and _empty(getattr(out, key)):
                setattr(out, key, sheet.given[key])
                filled = True
            elif not _empty(sheet.given[key]):
                diffs.append(Difference("", "", key, getattr(out, key), sheet.given[key]))
    by_number = {m.id_number: m for m in out.members}
    for p in sheet.people:
        m = by_number.get(p.id_number)
        if m is None:
            diffs.append(Difference(p.id_number, p.name, MEMBER, None, person_value(p)))
            continue
        for key, value in (("name", p.name), ("relation", p.relation), *p.given.items()):
            mine = member_value(m, key)
            if mine == value:
                continue
            if key in (*MEMBER_TEXTS, "disability", "monthly_income") and _empty(mine):
                set_member_value(m, key, value)
                filled = True
            elif not (key in MEMBER_TEXTS and _empty(value)):
                diffs.append(Difference(p.id_number, m.name, key, mine, value))
    for x in sheet.receiving:
        mine_x = next((r for r in out.receiving if r.program == x.program and r.member == x.member), None)
        who = by_number.get(x.member)
        if mine_x is None:
            out.receiving.append(copy.deepcopy(x))
            filled = True
        elif receipt_value(mine_x) != receipt_value(x):
            diffs.append(Difference(x.member, who.name if who else "", RECEIVING + x.program,
                                    receipt_value(mine_x), receipt_value(x)))
    return out, diffs, filled


def apply(h: Household, d: Difference) -> None:
    """Write the roster's value of ``d`` into ``h`` (the difference accepted). Raises ``LookupError``
    when the member it is about is no longer in the household."""
    if d.field == MEMBER:
        if all(m.id_number != d.member_id_number for m in h.members):
            h.members.append(new_member(d.roster))
        return
    if d.field.startswith(RECEIVING):
        program = d.field.removeprefix(RECEIVING)
        since = dt.date.fromisoformat(d.roster["since"])
        amount = float(d.roster["monthly_amount"])
        x = next((r for r in h.receiving if r.program == program and r.member == d.member_id_number), None)
        if x is None:
            h.receiving.append(Receipt(program, since, amount, d.member_id_number))
        else:
            x.since, x.monthly_amount = since, amount
        return
    if not d.member_id_number:
        setattr(h, d.field, d.roster)
        return
    m = next((m for m in h.members if m.id_number == d.member_id_number), None)
    if m is None:
        raise LookupError(d.member_id_number)
    set_member_value(m, d.field, d.roster)


# ---- words -------------------------------------------------------------------------------------------

def field_words(key: str) -> str:
    if key.startswith(RECEIVING):
        return "保障：" + vocab.label("program", key.removeprefix(RECEIVING))
    return FIELD_WORDS.get(key, key)


def value_words(key: str, value: Any) -> str:
    """A plain value as the advisor reads it (现有值 / 名册值)."""
    if value is None or value == "":
        return "（未填）"
    if key == "relation" or key == "area":
        return vocab.label("relation" if key == "relation" else "area", str(value))
    if key == "disability":
        return vocab.disability(str(value[0]), int(value[1])).zh
    if key == "serious_illness":
        return "重病" if value else "无重病"
    if key == "monthly_income":
        return f"{float(value):.2f} 元/月"
    if key.startswith(RECEIVING):
        return f"{value['since']} 起，每月 {float(value['monthly_amount']):.2f} 元"
    if key == MEMBER:
        return f"{value['name']}（{vocab.label('relation', value['relation'])}，{value['id_number']}）"
    return str(value)


__all__ = ["FIELD_WORDS", "MEMBER", "RECEIVING", "Difference", "SheetHousehold", "SheetPerson", "apply",
           "field_words", "member_value", "merge", "new_household", "new_member", "person_value",
           "set_member_value", "value_words"]
