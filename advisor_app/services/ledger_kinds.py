"""The columns of the ledgers a bureau keeps, and their rows in the advisor's words.

* ``households`` — 救助帮扶台账: one row per household: the head and the head's full ID number, the
  family's size, address and phone, the programmes and amounts of the latest screening (only when
  that result is still current, :mod:`advisor_app.rules.freshness`; otherwise 说明 says why and
  the programme columns stay empty, as on the screening ledger), the last and next visit, and 未发送
  (changes not yet sent in a bundle).
* ``members`` — 成员台账: one row per person, full ID number, sex, birth date and age (from the ID
  number), disability, illness, self-care, schooling, whereabouts, occupation and monthly income.
* ``needs`` — 需求台账: one row per need found on a visit: 资金/实物/服务, what, its status, when and by
  whom it was found, referred (已转介) and met (已满足), and the last change's note.
* ``visits`` — 走访台账: one row per visit.

ID numbers are written in full in the household and member ledgers (the office matches them against
the provincial system; they are text cells, never numbers); the needs and visit ledgers name the
household by its head and carry no ID number. The screening ledger (:mod:`.screening_export`) keeps
its masked numbers: it is the list that is passed round for checking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import sqlalchemy as sa

from advisor_app.domain import vocab
from advisor_app.domain.idcard import IdNumber
from advisor_app.rules.results import PROGRAM_LABELS, PROTECTION_ORDER
from advisor_app.sheets.write import COUNT, DATE, ID_NUMBER, MONEY, Column
from advisor_app.store import ledgers as store

from .eligibility import result_freshness
from .ledger_book import LedgerKind, Source
from .profile import Profile

LEFT_OUT_REASON = "筛查之后有改动或新增，结果未列入，请重新筛查"
PLACE = (Column("乡镇（街道）"), Column("村（社区）"), Column("户主姓名"))

HOUSEHOLD_COLUMNS = (*PLACE, Column("户主身份证号", ID_NUMBER), Column("家庭人口", COUNT), Column("住址"),
                     Column("电话"), Column("享受项目"), Column("需补充材料的项目"), Column("月保障金额（元）", MONEY),
                     Column("临时救助每次上限（元）", MONEY), Column("筛查日期", DATE), Column("说明"),
                     Column("最近走访", DATE), Column("下次核查", DATE), Column("未发送"))
MEMBER_COLUMNS = (*PLACE, Column("姓名"), Column("身份证号", ID_NUMBER), Column("与户主关系"), Column("性别"),
                  Column("出生日期", DATE), Column("年龄", COUNT), Column("民族"), Column("残疾类别"),
                  Column("残疾等级"), Column("重病"), Column("生活不能自理项数", COUNT), Column("在校学生"),
                  Column("去向"), Column("职业"), Column("电话"), Column("月收入（元）", MONEY), Column("收入来源"),
                  Column("状态"), Column("状态日期", DATE))
NEED_COLUMNS = (*PLACE, Column("需求类别"), Column("需求内容"), Column("状态"), Column("发现日期", DATE),
                Column("发现人"), Column("转介日期", DATE), Column("转介经办人"), Column("满足日期", DATE),
                Column("满足经办人"), Column("最近办理日期", DATE), Column("办理说明"))
VISIT_COLUMNS = (*PLACE, Column("走访日期", DATE), Column("走访类型"), Column("走访人"), Column("情况记录"),
                 Column("发现需求（条）", COUNT), Column("约定跟进"), Column("下次走访", DATE))

_RANK = {p: i for i, p in enumerate(PROTECTION_ORDER)}
YES = "是"


def programme_words(programs: Sequence[str]) -> str:
    """低保、特困: the programmes, each once, most protective first."""
    unique = sorted(set(programs), key=lambda p: (_RANK.get(p, len(_RANK)), p))
    return "、".join(PROGRAM_LABELS.get(p, p) for p in unique)


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def _households(profile: Profile, conn: sa.Connection, village: str | None, today: dt.date) -> Source:
    fresh = result_freshness(profile, conn)
    since = fresh.since
    stale = LEFT_OUT_REASON if since is not None else (fresh.reason() or "")
    screened_on = fresh.run.on if fresh.run is not None else None
    said: dict[tuple[str, ...], str] = {}

    def words(programs: tuple[str, ...]) -> str:
        found = said.get(programs)
        if found is None:
            found = said[programs] = programme_words(programs)
        return found

    def rows() -> Iterator[Sequence[object]]:
        for (town, place, head, number, members, address, phone, last, nxt, unsent, results, on,
             current) in store.household_rows(conn, since, village):
            eligible = needs_info = ""
            monthly: float | None = None
            cap: float | None = None
            day: dt.date | None = None
            why = stale
            if current:
                why, day = "", on or screened_on
                found = results or []
                eligible = words(tuple(p for p, s, _a, _d in found if s == "eligible"))
                needs_info = words(tuple(p for p, s, _a, _d in found if s == "needs_info"))
                amounts = [a for p, s, a, _d in found if s == "eligible" and p != "temporary" and a is not None]
                monthly = _yuan(sum(amounts)) if amounts else None
                caps = [a for p, s, a, _d in found if s == "eligible" and p == "temporary" and a is not None]
                cap = _yuan(max(caps)) if caps else None
            yield (town, place, head, number, members, address, phone, eligible, needs_info, monthly, cap, day,
                   why, last, nxt, YES if unsent else "")

    return Source(store.count(conn, "households", village), rows())


def _disability(kind: str | None, grade: int | None) -> tuple[str, str]:
    if not kind:
        return "", ""
    return vocab.DISABILITY_KINDS.get(kind, kind), vocab.DISABILITY_GRADES.get(grade, "") if grade else ""


def _members(profile: Profile, conn: sa.Connection, village: str | None, today: dt.date) -> Source:
    def rows() -> Iterator[Sequence[object]]:
        for (town, place, head, name, number, relation, dkind, dgrade, ill, lost, student, where, _away, incomes,
             ethnicity, occupation, phone, state, state_on) in store.member_rows(conn, village):
            sex, birth, age = "", None, None
            try:
                person = IdNumber(number)
                birth, sex = person.birth_date, vocab.SEXES.get(person.sex, "")
                age = person.age_on(today)
            except (ValueError, IndexError):
                pass  # an ID number that does not hold a date (not checked when it was stored)
            kind, grade = _disability(dkind, dgrade)
            total = round(sum(v for _k, v in incomes), 2) if incomes else None
            sources = "、".join(dict.fromkeys(vocab.INCOME_KINDS.get(k, k) for k, v in incomes if v))
            yield (town, place, head, name, number, vocab.RELATIONS.get(relation, relation), sex, birth, age,
                   ethnicity, kind, grade, YES if ill else "", lost, YES if student else "",
                   vocab.WHEREABOUTS.get(where, where), occupation, phone, total, sources,
                   "" if state == "living" else vocab.MEMBER_STATES.get(state, state), state_on)

    return Source(store.count(conn, "members", village), rows())


def _needs(profile: Profile, conn: sa.Connection, village: str | None, today: dt.date) -> Source:
    def rows() -> Iterator[Sequence[object]]:
        for (town, place, head, category, description, status, found_on, found_by, referred, fulfilled,
             last) in store.need_rows(conn, village):
            yield (town, place, head, vocab.NEED_CATEGORIES.get(category, category), description,
                   vocab.NEED_STATUSES.get(status, status), found_on, "、".join(found_by),
                   referred[0] if referred else None, referred[1] if referred else "",
                   fulfilled[0] if fulfilled else None, fulfilled[1] if fulfilled else "",
                   last[0] if last else None, last[2] if last else "")

    return Source(store.count(conn, "needs", village), rows())


def _visits(profile: Profile, conn: sa.Connection, village: str | None, today: dt.date) -> Source:
    def rows() -> Iterator[Sequence[object]]:
        for town, place, head, on, kind, investigators, notes, needs, follow, nxt in store.visit_rows(conn, village):
            yield (town, place, head, on, vocab.VISIT_TYPES.get(kind, kind), "、".join(investigators), notes, needs,
                   follow, nxt)

    return Source(store.count(conn, "visits", village), rows())


HOUSEHOLDS = LedgerKind("households", "救助帮扶台账", HOUSEHOLD_COLUMNS, 1, _households)
MEMBERS = LedgerKind("members", "成员台账", MEMBER_COLUMNS, 1, _members)
NEEDS = LedgerKind("needs", "需求台账", NEED_COLUMNS, 1, _needs)
VISITS = LedgerKind("visits", "走访台账", VISIT_COLUMNS, 1, _visits)
KINDS = {k.name: k for k in (HOUSEHOLDS, MEMBERS, NEEDS, VISITS)}
