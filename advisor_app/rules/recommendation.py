"""Which combination of programmes a family should apply for (POLICY §6b), and whether the figures
used may be out of date.

One household can satisfy several programmes: 低保 for the family, 特困 for one member, 事实无人抚养
for a child, 临时救助 once. :func:`recommend` is a pure function of the check results: it keeps
every eligible result the family can hold together and sets aside the ones that would pay the same
person twice, naming the rule:

* **特困 and 低保** (《特困人员认定办法》): a person supported as 特困 is not also counted in the
  household's 低保, and gets no 单人保. The 低保 of the others is the check of the household without
  the 特困 members (``rest``, computed by the caller: :attr:`Recommendation.dibao_without` names who
  to leave out). Without ``rest`` the 低保 is still recommended, its amount to be worked out again.
  特困 always comes first: its basic standard (≥ 1.3 × 低保标准, plus care) is more than the at most
  one 低保标准 that the person adds to the household's 低保.
* **One programme per child** (民发〔2019〕62号, 分类保障): a child eligible under more than one of
  :data:`CHILD_PROGRAMS` is paid under the first of them (default §4: 事实无人抚养儿童, whose
  standard is higher than 特困's). An orphan-allowance programme, when the checks add one, goes
  first in that tuple.
* **One layer per family** (国办发〔2023〕39号, 分层分类): 刚性支出困难家庭 is the layer of low-income
  families beyond 低保, 特困 and 低保边缘; a family recommended 低保 or 低保边缘 is not also
  recommended it, nor one whose counted members are all 特困 (the check still shows that it meets the
  criteria).
* 低保边缘 and 刚性支出困难家庭 (statuses that open specialised assistance, no monthly payment: not
  in the monthly total), 单人保 and 临时救助 (one-off, capped per event) are kept with the rest.

The result lists picks most protective first (:data:`results.PROTECTION_ORDER`). Extending the rule
(another exclusion, another programme) means adding a step in :func:`recommend`; its callers read
only :class:`Recommendation`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from advisor_app.domain.vocab import EMPTY, LIST_SEPARATOR, Text, join, same

from .results import (
    ELIGIBLE,
    INELIGIBLE,
    PROTECTION_ORDER,
    CheckResult,
    PolicyValueLike,
    ProgramResult,
)
from .wording import family_name, figure_name, money, people, the_others

# Each rule and its regulation in both languages; RULE_* and CITE_* are the Chinese (the JSON).
TEKUN_DIBAO = Text("已按特困人员供养的人，不再计入家庭低保，也不再单独享受低保",
                   "a person supported under extreme poverty support is no longer counted in the household's "
                   "Dibao and gets no Dibao of their own")
ONE_CHILD_PROGRAM = Text("一名儿童只能按特困供养、事实无人抚养儿童或孤儿保障中的一项领取",
                         "a child can be paid under only one of extreme poverty support, the allowance for a "
                         "de facto unsupported child and orphan support")
SOURCE_TEKUN_DIBAO = Text("《特困人员认定办法》", "Measures for Identifying People in Extreme Poverty")
SOURCE_CHILD = Text("《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）",
                    "Opinions on Further Strengthening the Protection of De Facto Unsupported Children "
                    "(Ministry of Civil Affairs, 2019, No. 62)")
RIGID_LAYER = Text("刚性支出困难家庭是低保、特困、低保边缘之外的另一层低收入家庭，已按上一层认定的不再另行认定",
                   "a family in hardship from essential spending is a further layer of low-income family, beyond "
                   "Dibao, extreme poverty support and near-Dibao: a family recognised in one of those is not "
                   "recognised again")
_LAYER_WORDS = {"dibao": Text("：您家按低保申请", ": your family applies for Dibao"),
                "dibao_edge": Text("：您家按低保边缘家庭申请", ": your family applies as a near-Dibao family"),
                "tekun": Text("：家里计入的人都按特困供养",
                              ": everyone counted in the household is supported under extreme poverty support")}
SOURCE_LAYERS = Text("《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》（国办发〔2023〕39号）",
                     "Opinions on Dynamic Monitoring of Low-Income People and Layered, Classified Social "
                     "Assistance (General Office of the State Council, 2023, No. 39)")
CITE_TEKUN_DIBAO = SOURCE_TEKUN_DIBAO.zh
CITE_CHILD = SOURCE_CHILD.zh
RULE_TEKUN_DIBAO = TEKUN_DIBAO.zh
RULE_CHILD = ONE_CHILD_PROGRAM.zh

CHILD_PROGRAMS = ("unsupported_child", "tekun")
"""A child eligible under several of these is paid under the first (POLICY §4 default)."""

STALE_AFTER_YEARS = 1


@dataclass(frozen=True, slots=True)
class Pick:
    """One programme to apply for."""

    program: str
    member: str | None = None  # ID number, for a per-member programme
    member_name: str = ""
    monthly_amount: int | None = None  # yuan per month (None: no monthly payment, or not yet known)
    max_amount: int | None = None  # 临时救助: cap per event
    kind: str | None = None  # 临时救助: 急难型 | 支出型
    people: int | None = None  # 低保: how many people the payment is for
    remark: Text = EMPTY  # how the amount was worked out when it differs from the programme's own result

    @property
    def note(self) -> str:
        """The remark in Chinese (the JSON's ``note``)."""
        return self.remark.zh

    def to_dict(self) -> dict[str, Any]:
        return {"program": self.program, "member": self.member, "monthly_amount": self.monthly_amount,
                "max_amount": self.max_amount, "kind": self.kind, "people": self.people, "note": self.note}


@dataclass(frozen=True, slots=True)
class SetAside:
    """An eligible result the family should not apply for, and the rule why."""

    program: str
    member: str | None
    member_name: str
    why: Text  # the rule, as it applies here
    source: Text  # its regulation

    @property
    def because(self) -> str:
        return self.why.zh

    @property
    def citation(self) -> str:
        return self.source.zh

    def to_dict(self) -> dict[str, Any]:
        return {"program": self.program, "member": self.member, "because": self.because,
                "citation": self.citation}


@dataclass(frozen=True, slots=True)
class Recommendation:
    apply_for: tuple[Pick, ...]
    set_aside: tuple[SetAside, ...]
    eligible: int  # how many results are 符合
    dibao_without: tuple[str, ...] = ()  # ID numbers the household's 低保 must leave out (特困)

    @property
    def several(self) -> bool:
        """More than one result is eligible: the family must be told what to apply for."""
        return self.eligible >= 2

    @property
    def monthly_total(self) -> int | None:
        """The monthly payments of the picks added up (``None`` when no pick has a known one)."""
        amounts = [p.monthly_amount for p in self.apply_for if p.monthly_amount is not None]
        return sum(amounts) if amounts else None

    def to_dict(self) -> dict[str, Any]:
        return {"apply_for": [p.to_dict() for p in self.apply_for],
                "set_aside": [s.to_dict() for s in self.set_aside],
                "monthly_total": self.monthly_total}


def _pick(p: ProgramResult, **changes: Any) -> Pick:
    fields: dict[str, Any] = {"program": p.program, "member": p.member, "member_name": p.member_name,
                              "monthly_amount": p.monthly_amount, "max_amount": p.max_amount, "kind": p.kind}
    fields.update(changes)
    return Pick(**fields)


def _set_aside(p: ProgramResult, why: Text, source: Text) -> SetAside:
    return SetAside(p.program, p.member, p.member_name, why, source)


def recommend(result: CheckResult, rest: CheckResult | None = None) -> Recommendation:
    """The combination to apply for. ``rest``: the check of the same household on the same date
    without the members in ``recommend(result).dibao_without`` (only its 低保 result is read)."""
    eligible = [p for p in result.programs if p.status == ELIGIBLE]
    picks: list[Pick] = []
    aside: list[SetAside] = []
    per_member: dict[str, dict[str, ProgramResult]] = {}
    for p in eligible:
        if p.member is not None:
            per_member.setdefault(p.member, {})[p.program] = p
    tekun_people: list[ProgramResult] = []
    for programs in per_member.values():
        child = [programs[name] for name in CHILD_PROGRAMS if name in programs]
        for other in child[1:]:
            paid_as = Text(f"，按{child[0].label}领取",
                           f", so the child is paid under {family_name(child[0].program).en}")
            aside.append(_set_aside(other, ONE_CHILD_PROGRAM + paid_as, SOURCE_CHILD))
            del programs[other.program]
        tekun = programs.get("tekun")
        if tekun is not None:
            tekun_people.append(tekun)
            single = programs.pop("dibao_single", None)
            if single is not None:
                aside.append(_set_aside(single, TEKUN_DIBAO, SOURCE_TEKUN_DIBAO))
        picks.extend(_pick(p) for p in programs.values())
    dibao = result.program("dibao")
    without = tuple(str(t.member) for t in tekun_people)
    if dibao is not None and dibao.status == ELIGIBLE:
        _household_dibao(result, dibao, tekun_people, rest, picks, aside)
    for name in ("dibao_edge", "rigid_expense", "temporary"):
        found = result.program(name)
        if found is None or found.status != ELIGIBLE:
            continue
        layer = next((q.program for q in picks if q.program in ("dibao", "dibao_edge")), None)
        if layer is None and tekun_people and len(tekun_people) >= result.counted_members:
            layer = "tekun"
        if name == "rigid_expense" and layer is not None:
            aside.append(_set_aside(found, RIGID_LAYER + _LAYER_WORDS[layer], SOURCE_LAYERS))
            continue
        picks.append(_pick(found))
    order = {name: i for i, name in enumerate(PROTECTION_ORDER)}
    picks.sort(key=lambda p: order.get(p.program, len(order)))
    needs_rest = (dibao is not None and dibao.status == ELIGIBLE and bool(without)
                  and result.counted_members > len(without))
    return Recommendation(tuple(picks), tuple(aside), len(eligible), without if needs_rest else ())


def _household_dibao(result: CheckResult, dibao: ProgramResult, tekun_people: list[ProgramResult],
                     rest: CheckResult | None, picks: list[Pick], aside: list[SetAside]) -> None:
    if not tekun_people:
        picks.append(_pick(dibao, people=result.counted_members))
        return
    names = join(LIST_SEPARATOR, (same(t.member_name) for t in tekun_people))
    others = result.counted_members - len(tekun_people)
    if others <= 0:
        everyone = Text("：家里计入的人都按特困供养",
                        ": everyone counted in the household is supported under extreme poverty support")
        aside.append(_set_aside(dibao, TEKUN_DIBAO + everyone, SOURCE_TEKUN_DIBAO))
        return
    verb = "is" if len(tekun_people) == 1 else "are"
    head = names + Text("按特困供养，不计入家庭低保",
                        f" {verb} supported under extreme poverty support and not counted in the household's Dibao")
    rest_dibao = rest.program("dibao") if rest is not None else None
    if rest is None or rest_dibao is None:
        again = Text(f"；低保金额要按其余 {others} 人重新核算",
                     f"; the Dibao amount must be worked out again for {the_others(others)}")
        picks.append(_pick(dibao, monthly_amount=None, people=others, remark=head + again))
        return
    n = rest.counted_members
    if rest_dibao.status == ELIGIBLE:
        std = result.policy.get("dibao_standard")
        how = EMPTY
        if std is not None:
            income = f"{rest.counted_income_monthly:,.2f}"
            how = Text(f"：{money(std.value)} 元 × {n} 人 − 月收入 {income} 元",
                       f": {money(std.value)} yuan × {people(n).en} − monthly income {income} yuan")
        worked = Text(f"；按其余 {n} 人核算", f"; worked out for {the_others(n)}") + how
        picks.append(_pick(dibao, monthly_amount=rest_dibao.monthly_amount, people=n, remark=head + worked))
    elif rest_dibao.status == INELIGIBLE:
        no_longer = Text(f"；其余 {n} 人的收入不低于低保标准，不再符合低保",
                         f"; the income of {the_others(n)} is not below the Dibao standard, "
                         "so the Dibao no longer applies")
        aside.append(_set_aside(dibao, head + no_longer, SOURCE_TEKUN_DIBAO))
    else:
        later = Text(f"；其余 {n} 人的低保还需补充信息后核算",
                     f"; the Dibao of {the_others(n)} can be worked out once more information is given")
        picks.append(_pick(dibao, monthly_amount=None, people=n, remark=head + later))


def _year_later(day: dt.date) -> dt.date:
    """The same day one year later (29 February → 1 March, as the shipped rules read birthdays)."""
    try:
        return day.replace(year=day.year + STALE_AFTER_YEARS)
    except ValueError:
        return dt.date(day.year + STALE_AFTER_YEARS, 3, 1)


def outdated(result: CheckResult) -> list[tuple[str, PolicyValueLike]]:
    """Local money standards (yuan figures, not shipped defaults) in force for more than 12 months on
    the check date: (Chinese label, value), oldest first. Counties revise them about once a year, so
    these may be out of date; multiples and counts from national rules are not revised yearly."""
    found = [(figure_name(key).zh, v) for key, v in result.policy.items()
             if not v.is_default and "元" in v.unit and result.on > _year_later(v.effective_from)]
    return sorted(found, key=lambda item: item[1].effective_from)


def outdated_text(result: CheckResult) -> Text:
    """One sentence naming the 低保标准 (else the oldest figure) when older than 12 months on the check
    date, with its effective date, and how many other local figures are as old (empty if none is)."""
    found = outdated(result)
    if not found:
        return EMPTY
    standard = result.policy.get("dibao_standard")
    v = next((val for _lbl, val in found if val is standard), found[0][1])
    name, since, others = figure_name(v.key), v.effective_from.isoformat(), len(found) - 1
    more = EMPTY
    if others:
        figures = "local figure is" if others == 1 else "local figures are"
        more = Text(f"；另有 {others} 项本地标准也已执行超过12个月", f"; {others} other {figures} as old")
    return (Text(f"所用的{name.zh}自 {since} 起执行，到核对日已超过12个月，可能已经调整",
                 f"The {name.en} used has been in force since {since}, more than 12 months before the check "
                 "date, and may have been revised")
            + more + Text("，请向县民政部门核实。", ". Please check with the county civil affairs bureau."))


def outdated_note(result: CheckResult) -> str:
    """:func:`outdated_text` in Chinese ("" if no figure is out of date)."""
    return outdated_text(result).zh
