"""What makes a household or a visit fit to store: one set of rules for every writer.

The JSON reader (:mod:`.interchange`), the editors of the desktop app, the services that save (and
the sync and Excel imports to come) all ask :func:`household_problems` or :func:`visit_problems`.
Each :class:`Problem` says in an advisor's words which member (by position and name) and which field
is wrong, and carries a machine key such as ``members[1].id_number`` so a screen can put the message
beside the right widget. No problem means the record may be stored; :func:`check_household` and
:func:`check_visit` raise :class:`~.errors.InvalidRecord` with all of them otherwise.

:func:`tidy` / :func:`tidy_visit` first bring text into the form the store keeps (no surrounding
spaces, ID numbers with a capital X), so what is saved is exactly what an export gives back.

Whether a person (ID number) is already in another household needs the database: the services ask
the store and word the answer with :func:`registered_elsewhere`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass

from . import idcard, vocab
from .errors import InvalidRecord, Path, Problem
from .household import Household, Member, Visit
from .limits import ascii_digits, has_lone_surrogate, is_ascii_digits, shown

MAX_MONEY = 1e9  # yuan; larger amounts are typing mistakes
MAX_COUNT = 99  # vehicles, extra houses
MAX_MONTHS_AWAY = 1200

# The longest text each kind of field may hold (characters); docs/limits.md gives the reasons.
MAX_NAME = 50  # a person's name: the longest Chinese names with a transliterated part are ~20
MAX_SHORT = 100  # village, town, ethnicity, occupation, a supporter's reason or relation
MAX_ADDRESS = 200  # an address down to the room number is < 60
MAX_PHONE = 40  # "0551-12345678 转 123" or two mobile numbers
MAX_NOTE = 5000  # notes, a visit's follow-up, a need's description: a few pages of typing

def member_label(index: int, member: Member) -> str:
    """``第2名成员“吴小诚”`` (without the name when it is not filled in; a long name cut short)."""
    return f"第{index + 1}名成员“{shown(member.name, 20)}”" if member.name else f"第{index + 1}名成员"


def visit_label(index: int, visit: Visit) -> str:
    return f"第{index + 1}次走访（{visit.date.isoformat()}）"


# ---- small checks, each returning the problem's text or None ----------------------------------------

def _code(value: object, allowed: dict[str, str]) -> str | None:
    if isinstance(value, str) and value in allowed:
        return None
    if value is None or value == "":
        return "必须选择"
    choices = "、".join(f"{k}（{v}）" for k, v in allowed.items())
    return f"取值“{shown(value)}”无效，可选：{choices}"


_CONTROL = re.compile("[\x00-\x1f\x7f]")
_CONTROL_IN_NOTE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # without tab, line feed, return


def _text(value: object, limit: int) -> str | None:
    """A text field that cannot be stored: not text, a lone surrogate, a control character (a line
    break only in notes, ``limit`` :data:`MAX_NOTE`), or longer than ``limit``."""
    if not isinstance(value, str):
        return "应为文字"
    if has_lone_surrogate(value):
        return "含有无法保存的字符（不成对的 UTF-16 代理码）"
    control = _CONTROL_IN_NOTE if limit >= MAX_NOTE else _CONTROL  # a line break only in notes
    if not value.isprintable() and control.search(value.strip()):  # tidy() strips the ends
        return "含有控制字符（看不见的特殊字符），请删除后重新输入"
    if len(value) > limit:
        return f"太长：最多 {limit} 个字，现有 {len(value)} 个字"
    return None


def _money(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "金额应为数字"
    if value < 0:
        return f"金额不能为负数（{value:g}）"
    if value > MAX_MONEY:
        return f"金额过大（{value:g}）"
    return None


def _count(value: object, low: int, high: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "应为整数"
    return None if low <= value <= high else f"应在 {low} 到 {high} 之间，现为 {value}"


def _id_problem(text: str, today: dt.date | None) -> str | None:
    """:func:`idcard.problem` after "…的身份证号：" (without saying 身份证号 twice)."""
    why = idcard.problem(text, today=today)
    if why == "身份证号为空":
        return "未填写"
    return why.removeprefix("身份证号") if why else None


class _Problems(list[Problem]):
    def add(self, path: Path, what: str, why: str | None, *, other: str | None = None) -> None:
        """Add ``what：why`` when ``why`` says something is wrong."""
        if why is not None:
            self.append(Problem(path, f"{what}：{why}", other))

    def of(self, path: Path, who: Callable[[], str], what: str, why: str | None) -> None:
        """Add ``<who>的<what>：why`` when ``why`` says something is wrong; ``who`` is asked only then (an
        import checks thousands of members: the words are made for a wrong field only)."""
        if why is not None:
            self.append(Problem(path, f"{who()}的{what}：{why}"))


# ---- members -----------------------------------------------------------------------------------------

def _member(out: _Problems, i: int, m: Member, today: dt.date | None) -> bool:
    """Add the member's own problems; True when its ID number is valid."""
    def who() -> str:
        return member_label(i, m)

    at: Path = ("members", i)
    if not m.name:
        out.append(Problem((*at, "name"), f"{who()}的姓名未填写"))
    for key, limit, what in _MEMBER_TEXTS:
        out.of((*at, key), who, what, _text(getattr(m, key), limit))
    id_problem = _id_problem(m.id_number, today)
    out.of((*at, "id_number"), who, "身份证号", id_problem)
    out.of((*at, "relation"), who, "与户主关系", _code(m.relation, vocab.RELATIONS))
    if m.disability is not None:
        out.of((*at, "disability", "kind"), who, "残疾类别", _code(m.disability.kind, vocab.DISABILITY_KINDS))
        out.of((*at, "disability", "grade"), who, "残疾等级", _count(m.disability.grade, 1, 4))
    lost = _count(m.self_care_lost, 0, len(vocab.SELF_CARE_ITEMS))
    out.of((*at, "self_care_lost"), who, "不能自理项数", lost)
    unknown = [str(x) for x in m.self_care_items if x not in vocab.SELF_CARE_ITEMS]
    if unknown:
        out.of((*at, "self_care_items"), who, "不能自理项目", f"不认识的日常生活活动“{'、'.join(unknown)}”")
    elif len(set(m.self_care_items)) != len(m.self_care_items):
        out.of((*at, "self_care_items"), who, "不能自理项目", "有重复的项目")
    elif lost is None and m.self_care_items and len(m.self_care_items) != m.self_care_lost:
        out.of((*at, "self_care_lost"), who, "不能自理项数",
                f"记录为 {m.self_care_lost} 项，但勾选了 {len(m.self_care_items)} 个项目，两者应一致")
    out.of((*at, "whereabouts"), who, "去向", _code(m.whereabouts, vocab.WHEREABOUTS))
    out.of((*at, "months_away"), who, "离家月数", _count(m.months_away, 0, MAX_MONTHS_AWAY))
    out.of((*at, "state"), who, "状态", _code(m.state, vocab.MEMBER_STATES))
    if m.state != "living" and m.state_date is not None and today is not None and m.state_date > today:
        out.append(Problem((*at, "state_date"), f"{who()}的死亡或宣告日期不能晚于今天"))
    out.of((*at, "order_months"), who, "刑期或强制戒毒期限（月）", _count(m.order_months, 0, MAX_MONTHS_AWAY))
    for j, income in enumerate(m.incomes):
        kind, monthly = _code(income.kind, vocab.INCOME_KINDS), _money(income.monthly)
        if kind or monthly:
            out.of((*at, "incomes", j, "kind"), who, f"第{j + 1}项收入的类别", kind)
            out.of((*at, "incomes", j, "monthly"), who, f"第{j + 1}项收入的月金额", monthly)
    return id_problem is None


def _members(out: _Problems, members: list[Member], today: dt.date | None) -> None:
    if not members:
        out.append(Problem(("members",), "请至少添加一名家庭成员"))
        return
    first_with: dict[str, int] = {}
    for i, m in enumerate(members):
        if not _member(out, i, m, today):
            continue
        number = idcard.normalise(m.id_number)  # typed two ways (３４… and 34…), still one person
        if number in first_with:
            j = first_with[number]
            out.append(Problem(("members", i, "id_number"),
                               f"{member_label(i, m)}的身份证号与{member_label(j, members[j])}相同："
                               "同一个人不能在一户里登记两次"))
        else:
            first_with[number] = i
    heads = [i for i, m in enumerate(members) if m.relation == "head"]
    if not heads:
        out.append(Problem(("members",), "没有户主：请把一名成员的“与户主关系”选为“户主”"))
    for i in heads[1:]:
        out.append(Problem(("members", i, "relation"),
                           f"{member_label(i, members[i])}也登记成了户主，但一户只能有一名户主"
                           f"（已有{member_label(heads[0], members[heads[0]])}）"))


def registered_elsewhere(index: int, member: Member, household_id: str, head_name: str,
                         village: str) -> Problem:
    """The problem of a member whose ID number is already in another live household."""
    where = f"户主“{head_name or '—'}”" + (f"，{village}" if village else "")
    return Problem(("members", index, "id_number"),
                   f"{member_label(index, member)}的身份证号已登记在另一户家庭（{where}）："
                   "一个人只能属于一户家庭，请先核实，或到那一户修改", household_id)


# ---- the household -----------------------------------------------------------------------------------

def household_problems(h: Household, *, with_visits: bool = True, today: dt.date | None = None) -> list[Problem]:
    """Everything that keeps ``h`` from being stored, in the order of the household document.

    ``with_visits=False`` leaves the visits out (a save that does not write them need not check them).
    ``today`` is for ID numbers' birth dates (default: the real today).
    """
    out = _Problems()
    if len(h.region) != 6 or not is_ascii_digits(h.region):
        out.append(Problem(("region",), f"所属地区的行政区划代码应为6位数字，现为“{shown(h.region)}”"))
    out.add(("area",), "户籍性质", _code(h.area, vocab.AREAS))
    for key, limit, what in _HOUSEHOLD_TEXTS:
        out.add((key,), what, _text(getattr(h, key), limit))
    _members(out, h.members, today)
    out.add(("assets", "financial"), "金融资产", _money(h.assets.financial))
    out.add(("assets", "vehicles"), "机动车数量", _count(h.assets.vehicles, 0, MAX_COUNT))
    out.add(("assets", "extra_houses"), "自住以外的房屋数量", _count(h.assets.extra_houses, 0, MAX_COUNT))
    out.add(("assets", "disability_vehicles"), "残疾人代步车数量", _count(h.assets.disability_vehicles, 0, MAX_COUNT))
    out.add(("assets", "production_vehicles"), "生产用车数量", _count(h.assets.production_vehicles, 0, MAX_COUNT))
    members_by_number = {idcard.normalise(m.id_number): (i, m) for i, m in enumerate(h.members) if m.id_number}
    seen: dict[str, int] = {}
    for i, s in enumerate(h.supporters):
        who = f"第{i + 1}名赡养人“{shown(s.name, 20)}”" if s.name else f"第{i + 1}名赡养人"
        if not s.name:
            out.append(Problem(("supporters", i, "name"), f"{who}的姓名未填写"))
        for key, limit, what in _SUPPORTER_TEXTS:
            out.add(("supporters", i, key), f"{who}的{what}", _text(getattr(s, key), limit))
        if s.kinship:
            out.add(("supporters", i, "kinship"), f"{who}的亲属关系", _code(s.kinship, vocab.KINSHIPS))
            if idcard.normalise(s.of_member) not in members_by_number:
                out.append(Problem(("supporters", i, "of_member"),
                                   f"{who}是哪位家庭成员的亲属？请选择本户的一名成员"))
        out.add(("supporters", i, "status"), f"{who}的救助身份", _code(s.status, vocab.SUPPORTER_STATUSES))
        out.add(("supporters", i, "situation"), f"{who}的情况", _code(s.situation, vocab.SUPPORTER_SITUATIONS))
        if s.disability is not None:
            out.add(("supporters", i, "disability", "kind"), f"{who}的残疾类别",
                    _code(s.disability.kind, vocab.DISABILITY_KINDS))
            out.add(("supporters", i, "disability", "grade"), f"{who}的残疾等级", _count(s.disability.grade, 1, 4))
        if s.monthly_income is not None:
            out.add(("supporters", i, "monthly_income"), f"{who}的月收入", _money(s.monthly_income))
        if not s.id_number:
            continue
        if why := _id_problem(s.id_number, today):
            out.add(("supporters", i, "id_number"), f"{who}的身份证号", why)
            continue
        number = idcard.normalise(s.id_number)
        if number in members_by_number:
            j, m = members_by_number[number]
            out.append(Problem(("supporters", i, "id_number"),
                               f"{who}的身份证号与{member_label(j, m)}相同：赡养人是不在本户居住的人"))
        elif number in seen:
            out.append(Problem(("supporters", i, "id_number"),
                               f"{who}的身份证号与第{seen[number] + 1}名赡养人相同"))
        else:
            seen[number] = i
    for i, x in enumerate(h.receiving):
        what = f"第{i + 1}项正在享受的救助"
        out.add(("receiving", i, "program"), what + "的项目", _code(x.program, vocab.PROGRAMS))
        out.add(("receiving", i, "monthly_amount"), what + "的月金额", _money(x.monthly_amount))
        if x.member and idcard.normalise(x.member) not in members_by_number:
            out.append(Problem(("receiving", i, "member"), f"{what}的享受人不是本户成员"))
    out.add(("expenses", "medical_selfpaid_12m"), "近12个月医疗自付费用", _money(h.expenses.medical_selfpaid_12m))
    out.add(("expenses", "education_12m"), "近12个月教育支出", _money(h.expenses.education_12m))
    if h.emergency is not None:
        out.add(("emergency", "kind"), "突发困难的类别", _code(h.emergency.kind, vocab.EMERGENCY_KINDS))
    if with_visits:
        for i, v in enumerate(h.visits):
            out += visit_problems(v, at=("visits", i), label=visit_label(i, v))
    return list(out)


_HOUSEHOLD_TEXTS = (("address", MAX_ADDRESS, "居住地址"), ("registered_address", MAX_ADDRESS, "户籍地址"),
                    ("village", MAX_SHORT, "村（社区）"), ("town", MAX_SHORT, "乡镇（街道）"),
                    ("phone", MAX_PHONE, "联系电话"), ("notes", MAX_NOTE, "备注"))
_MEMBER_TEXTS = (("name", MAX_NAME, "姓名"), ("ethnicity", MAX_SHORT, "民族"), ("occupation", MAX_SHORT, "职业"),
                 ("phone", MAX_PHONE, "联系电话"))
_SUPPORTER_TEXTS = (("name", MAX_NAME, "姓名"), ("reason", MAX_SHORT * 5, "情况说明"),
                    ("relation", MAX_SHORT, "关系"), ("phone", MAX_PHONE, "联系电话"))


# ---- visits ------------------------------------------------------------------------------------------

def visit_problems(v: Visit, *, at: Path = (), label: str = "本次走访") -> list[Problem]:
    """Everything that keeps visit ``v`` from being stored. ``at`` prefixes the paths (a visit inside
    a household: ``("visits", 2)``); ``label`` names the visit in the messages."""
    out = _Problems()
    out.add((*at, "type"), f"{label}的走访类型", _code(v.type, vocab.VISIT_TYPES))
    out.add((*at, "notes"), f"{label}的情况记录", _text(v.notes, MAX_NOTE))
    out.add((*at, "follow_up"), f"{label}的后续安排", _text(v.follow_up, MAX_NOTE))
    for k, name in enumerate(v.investigators):
        out.add((*at, "investigators"), f"{label}的第{k + 1}名调查人员的姓名", _text(name, MAX_NAME))
    names = list(v.investigators)
    blank = [k + 1 for k, name in enumerate(names) if not name]
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    people = len({name for name in names if name})
    if blank:
        out.append(Problem((*at, "investigators"), f"{label}的第{'、'.join(map(str, blank))}名调查人员没有填写姓名"))
    if repeated:
        out.append(Problem((*at, "investigators"), f"{label}的调查人员“{'、'.join(repeated)}”重复填写了"))
    if v.type == "investigation" and people < 2:
        out.append(Problem((*at, "investigators"),
                           f"{label}是入户调查，需要至少两名调查人员（现有 {people} 名），"
                           "请在“调查（走访）人员”中填写两人的姓名"))
    elif people == 0 and not blank:
        out.append(Problem((*at, "investigators"), f"{label}没有填写走访人员"))
    for j, need in enumerate(v.needs):
        what = f"{label}的第{j + 1}条需求"
        out.add((*at, "needs", j, "category"), what + "的类别", _code(need.category, vocab.NEED_CATEGORIES))
        if not need.description:
            out.append(Problem((*at, "needs", j, "description"), what + "没有填写描述"))
        out.add((*at, "needs", j, "description"), what + "的描述", _text(need.description, MAX_NOTE))
        out.add((*at, "needs", j, "status"), what + "的状态", _code(need.status, vocab.NEED_STATUSES))
    if v.next_visit is not None and v.next_visit < v.date:
        out.append(Problem((*at, "next_visit"),
                           f"{label}约定的下次走访日期（{v.next_visit.isoformat()}）早于走访日期"
                           f"（{v.date.isoformat()}）"))
    return list(out)


# ---- tidying and refusing ----------------------------------------------------------------------------

def _strip_text(obj: object) -> None:
    """Strip every text field of a dataclass and of the dataclasses (and lists of them) inside it."""
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if isinstance(value, str):
            setattr(obj, f.name, value.strip())
        elif isinstance(value, list):
            items = [x.strip() if isinstance(x, str) else x for x in value]
            setattr(obj, f.name, items)
            for x in items:
                if is_dataclass(x):
                    _strip_text(x)
        elif is_dataclass(value):
            _strip_text(value)


def tidy(h: Household) -> Household:
    """Bring ``h`` (in place) into the form the store keeps and an export gives back: no surrounding
    spaces in any text, ID numbers and the region code in ASCII digits (full-width ３４… typed by an
    input method become 34…), with a capital X. Returns ``h``."""
    _strip_text(h)
    h.region = ascii_digits(h.region)
    for m in h.members:
        m.id_number = idcard.normalise(m.id_number)
    for s in h.supporters:
        s.id_number = idcard.normalise(s.id_number)
        s.of_member = idcard.normalise(s.of_member)
    for x in h.receiving:
        x.member = idcard.normalise(x.member)
    return h


def tidy_visit(v: Visit) -> Visit:
    _strip_text(v)
    return v


def check_household(h: Household, *, with_visits: bool = True) -> None:
    """Raise :class:`InvalidRecord` listing every problem of ``h`` (nothing when it may be stored)."""
    problems = household_problems(h, with_visits=with_visits)
    if problems:
        raise InvalidRecord(problems)


def check_visit(v: Visit) -> None:
    problems = visit_problems(v)
    if problems:
        raise InvalidRecord(problems)
