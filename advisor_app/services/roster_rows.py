"""The roster's columns (:data:`ROSTER_FIELDS`) and its rows read as people and households.

A roster (名册) is one row per person, as the provincial system exports it (农村低保家庭查询 /
人员查询) or a village keeps it by hand. The columns read, with the headers counties use for them:

* 户编号 (家庭编号, 户号 …), 户主姓名, 户主身份证号 — which household a row belongs to;
* 姓名, 身份证号, 与户主关系 (户主/配偶/子女/父母/孙子女/祖父母/兄弟姐妹/儿媳女婿/其他, and the words
  counties write: 妻, 长子, 外孙女 … :mod:`advisor_app.domain.roster_words`), 民族, 联系电话;
* 乡镇（街道）, 村（社区）, 组 (村民小组: put before the address), 居住地址, 户籍性质 (城镇/农村);
* 残疾类别 and 残疾等级 (or both in one cell: 肢体残疾二级), 健康状况 (重病 → serious illness),
  月收入 or 年收入 (one income of kind 其他收入);
* 保障类别 (低保, 特困 … → what the household receives), 保障金额 (a month), 保障起始日期.
  特困, 单人保 and 事实无人抚养儿童 are the person's own; the others the household's.

* 劳动能力 (有劳动能力 / 部分丧失 / 无劳动能力 …): a member has no such field — the rules decide it from
  the age and the disability (:func:`advisor_app.rules.tekun.no_work_ability`), the editor records
  those — so it is compared, not stored: a person the roster says cannot work but whom the record
  does not show as unable (16–59, no such disability) gets a warning to record why (:func:`labour_warning`).

Warnings (:attr:`RosterRow.warnings`) do not refuse a row: a 保障类别 without its 保障金额 or
保障起始日期 imports the household without that programme (a programme the household receives is
recorded with both: the rules reckon 渐退期 from the last amount and the start), saying what to add;
a 劳动能力 word not understood is not compared. A sheet with only the head's columns (a 家庭查询
export: 户主姓名, 户主身份证号, no 姓名/身份证号) gives one head per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from advisor_app.domain import roster_words, vocab
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household, Member, Receipt
from advisor_app.domain.roster_merge import SheetPerson
from advisor_app.sheets import cells
from advisor_app.sheets.model import Field, RowError, SheetRow

ROSTER_FIELDS: list[Field] = [
    Field("household_no", "户编号", ("家庭编号", "户号", "家庭户号", "户编码", "家庭编码", "家庭ID", "户ID",
                                       "户口编号")),
    Field("head_name", "户主姓名", ("户主", "户主名称", "户主名字")),
    Field("head_id", "户主身份证号", ("户主身份证号码", "户主证件号码", "户主公民身份号码", "户主身份证")),
    Field("name", "姓名", ("成员姓名", "人员姓名", "家庭成员姓名", "家庭成员", "名字")),
    Field("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码", "成员身份证号", "成员身份证号码",
                                "身份证", "身份号码")),
    Field("relation", "与户主关系", ("关系", "与户主的关系", "家庭关系", "户主关系", "成员关系")),
    Field("ethnicity", "民族", ("族别",)),
    Field("phone", "联系电话", ("电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "联系电话号码")),
    Field("town", "乡镇（街道）", ("乡镇", "街道", "乡镇街道", "乡镇(街道)", "所属乡镇", "镇（街道）")),
    Field("village", "村（社区）", ("村", "社区", "村社区", "村(社区)", "行政村", "所属村", "村居", "村（居）")),
    Field("group", "组", ("村民小组", "小组", "组别", "村组", "居民小组")),
    Field("address", "居住地址", ("地址", "家庭住址", "住址", "家庭地址", "现居住地址", "居住地", "现住址")),
    Field("area", "户籍性质", ("户口性质", "户籍类别", "城乡类别", "户籍类型")),
    Field("disability_kind", "残疾类别", ("残疾类型", "残疾情况", "残疾种类", "残疾")),
    Field("disability_grade", "残疾等级", ("残疾级别", "残疾程度")),
    Field("health", "健康状况", ("健康情况", "身体状况", "健康")),
    Field("monthly_income", "月收入", ("个人月收入", "月均收入", "月收入（元）", "月收入(元)")),
    Field("annual_income", "年收入", ("个人年收入", "年收入（元）", "年收入(元)", "年总收入")),
    Field("program", "保障类别", ("救助类别", "救助类型", "保障类型", "救助身份", "享受类别", "对象类别",
                              "保障对象类别", "救助项目")),
    Field("amount", "保障金额", ("月保障金额", "户月保障金额", "保障金", "救助金额", "月救助金额", "享受金额",
                             "保障金额（元）", "保障金额(元)")),
    Field("labour", "劳动能力", ("劳动能力状况", "劳动能力情况", "劳动力状况", "劳动力情况", "劳动力", "劳动力类型",
                              "是否有劳动能力", "劳力状况")),
    Field("since", "保障起始日期", ("保障开始日期", "起始日期", "享受开始日期", "开始享受日期", "最初享受年月",
                                "审批日期", "批准日期", "纳入日期", "保障起始时间", "享受起始日期")),
]
LABELS = {f.name: f.label for f in ROSTER_FIELDS}


@dataclass(slots=True)
class RosterRow:
    """One row read: the person, the household's values it gives, its programme, its group key."""

    person: SheetPerson
    key: str | None  # 户编号 or the head's ID number (None: grouped with the rows around it)
    household: dict[str, Any] = field(default_factory=dict)
    receipt: Receipt | None = None
    labour: tuple[str, str] | None = None  # (the code, the word as written) of 劳动能力
    warnings: list[RowError] = field(default_factory=list)  # said, not refused


class RowProblems(DomainError):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("；".join(e.message for e in errors))


def _text(values: dict[str, object], key: str) -> str:
    return cells.text(values.get(key))


def read_row(row: SheetRow) -> RosterRow:
    """The row as a person of a household; raises :class:`RowProblems` with every cell that is wrong."""
    v = row.values
    errors: list[RowError] = []

    def cell(key: str, read: Any) -> Any:
        try:
            return read(v[key])
        except DomainError as exc:
            errors.append(RowError(row.number, f"{LABELS[key]}：{exc.message}", LABELS[key]))
            return None

    has = {k for k, value in v.items() if not cells.is_blank(value)}
    head_id = cell("head_id", cells.id_number) if "head_id" in has else None
    if "id_number" in has:
        number = cell("id_number", cells.id_number)
        name = _text(v, "name")
    elif head_id is not None and "name" not in has:  # a household sheet: the head's columns only
        number, name = head_id, _text(v, "head_name")
    else:
        number, name = None, _text(v, "name")
        if "head_id" not in has or head_id is not None:
            errors.append(RowError(row.number, "身份证号：未填写", LABELS["id_number"]))
    if "relation" in has:
        relation = cell("relation", roster_words.relation)
    elif number is not None and number == head_id:
        relation = "head"
    else:
        relation = None
        errors.append(RowError(row.number, "与户主关系：未填写", LABELS["relation"]))
    if not name:
        errors.append(RowError(row.number, "姓名：未填写", LABELS["name"]))
    given: dict[str, Any] = {}
    if "ethnicity" in has:
        given["ethnicity"] = _text(v, "ethnicity")
    if "disability_kind" in v or "disability_grade" in v:
        try:
            found = roster_words.disability(_text(v, "disability_kind"), _text(v, "disability_grade"))
            given["disability"] = list(found) if found else None
        except DomainError as exc:
            errors.append(RowError(row.number, f"残疾：{exc.message}", LABELS["disability_kind"]))
    if "health" in has:
        given["serious_illness"] = cell("health", lambda x: roster_words.seriously_ill(cells.text(x)))
    if "monthly_income" in has:
        given["monthly_income"] = cell("monthly_income", cells.money)
    elif "annual_income" in has:
        yearly = cell("annual_income", cells.money)
        given["monthly_income"] = round(yearly / 12, 2) if yearly is not None else None
    household: dict[str, Any] = {k: _text(v, k) for k in ("town", "village", "address", "phone") if k in has}
    if "group" in has:
        group = _text(v, "group")
        address = household.get("address", "")
        household["address"] = address if group in address else group + address
    if "area" in has:
        household["area"] = cell("area", lambda x: roster_words.area(cells.text(x)))
    receipt = None
    warnings: list[RowError] = []
    program = cell("program", lambda x: roster_words.program(cells.text(x))) if "program" in has else None
    if program is not None:
        since = cell("since", cells.date) if "since" in has else None
        amount = cell("amount", cells.money) if "amount" in has else None
        missing = [LABELS[k] for k in ("amount", "since") if k not in has]
        if missing:
            warnings.append(RowError(row.number, f"保障类别：填写了“{_text(v, 'program')}”，但没有"
                                                 f"{'和'.join(missing)}，这一项没有记入正在享受的救助："
                                                 "请在这一户的“正在享受的救助”里补上", LABELS["program"]))
        elif since is not None and amount is not None and number is not None:
            own = number if program in roster_words.MEMBER_PROGRAMS else ""
            receipt = Receipt(program, since, amount, own)
    labour = None
    if "labour" in has:
        try:
            code = roster_words.labour(_text(v, "labour"))
            labour = (code, _text(v, "labour")) if code else None
        except DomainError as exc:
            warnings.append(RowError(row.number, f"{LABELS['labour']}：{exc.message}（没有比对）", LABELS["labour"]))
    if errors:
        raise RowProblems(errors)
    key = _text(v, "household_no") or (head_id if head_id is not None else None)
    assert number is not None and relation is not None
    return RosterRow(SheetPerson(row.number, name, number, relation, given), key or None, household, receipt, labour,
                     warnings)


def labour_warnings(rows: list[RosterRow], household: Household, on: dt.date | None = None) -> list[RowError]:
    """劳动能力 the rows give, against the household's members as they will be recorded."""
    said = {r.person.id_number: (r.labour, r.person.row) for r in rows if r.labour is not None}
    out = []
    for m in household.members if said else ():
        if m.id_number in said:
            labour, row = said[m.id_number]
            assert labour is not None
            if (warning := labour_warning(m, labour, row, on or dt.date.today())) is not None:
                out.append(warning)
    return out


def labour_warning(member: Member, labour: tuple[str, str], row: int, on: dt.date) -> RowError | None:
    """A warning when the roster says the person cannot work and the record does not show it."""
    code, word = labour
    if code != "none" or member.state != "living":
        return None
    # the rules (and numpy with them) only when a roster says so: a department list's import does not load them
    from advisor_app.rules.facts import MemberFacts
    from advisor_app.rules.tekun import no_work_ability

    age = member.age_on(on)
    if no_work_ability(MemberFacts(member, age, True, 0)):
        return None
    d = member.disability
    disability = "无残疾" if d is None else f"{vocab.DISABILITY_KINDS.get(d.kind, d.kind)}{'一二三四'[d.grade - 1]}级"
    return RowError(row, f"劳动能力：名册写“{word}”，按记录（{age}岁，{disability}）不能认定无劳动能力："
                         "如有残疾、重病或不能自理，请在成员信息里记下，筛查才能用上", LABELS["labour"])


def blank(row: SheetRow) -> bool:
    return all(cells.is_blank(value) for value in row.values.values())


__all__ = ["LABELS", "ROSTER_FIELDS", "RosterRow", "RowProblems", "blank", "labour_warning", "labour_warnings",
           "read_row"]
