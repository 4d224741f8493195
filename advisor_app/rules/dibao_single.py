"""单人保: a member who gets 低保 as a one-person household (Art. 8 + 民发〔2022〕83号).

* Route (a), only in a 低保边缘 household: disability grade 1–2 of any kind, grade 3
  intellectual/psychiatric, or a serious illness; own counted income below the standard.
* Route (b), whatever the family's income (assessed when the household itself is not eligible for
  低保): an adult (18+) with disability grade 1–2 or grade 3 intellectual/psychiatric and no wage or
  business income. Only the person's own counted income is tested (the county's list of excluded
  kinds applies: 残疾人两项补贴 are not counted by default). Assets: the record holds the household's
  assets, not each member's, so the person's share of the household's financial assets (per counted
  member) is tested against the one-person limit (months × standard); the household's vehicles and
  extra houses are not attributed to the person and are left for the home visit to verify (a reason
  says so). No family income limit is applied (POLICY: a county may add one; none is shipped).
* Route (c): clergy living at a religious site for 3 years or more apply through the site where
  they are registered: shown as ``needs_info`` with that instruction, not computed.
Amount for (a) and (b): the full standard for one person minus the person's own counted income,
rounded up to the yuan.

The decisions are formulas over the frame (:mod:`.single_formulas`: which route each member is
assessed by, the tests and the amounts); here they are read for one member and worded.
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text, disability

from .context import TRI, Ctx, missing_standard, missing_value
from .dibao_formulas import STATUSES
from .facts import CITE_ASSETS, figure, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because
from .single_formulas import SEVERE

CITE_SINGLE = Text("《最低生活保障审核确认办法》第八条；民政部2022年低保和兜底保障通知",
                   "Measures for Reviewing and Confirming Dibao, Art. 8; Ministry of Civil Affairs notice of 2022 "
                   "on dibao and basic protection")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")


def severe_for_single(c: Ctx, index: int) -> tuple[bool, Text]:
    """Route (a)'s condition for member ``index`` as the formulas decided it, and its sentence."""
    m = c.facts.members[index].member
    d = m.disability
    kind = SEVERE[int(c.single.severe_kind[c.first + index])]
    if kind == "disability":
        assert d is not None
        grade = disability(d.kind, d.grade)
        return True, Text(f"{m.name}为{grade.zh}", f"{m.name} has a {grade.en}")
    if kind == "illness":
        return True, Text(f"{m.name}患有重特大疾病", f"{m.name} has a serious illness")
    if d is not None:
        grade = disability(d.kind, d.grade)
        return False, Text(f"{m.name}为{grade.zh}，不属于一、二级残疾或三级智力、精神残疾，也未患重特大疾病",
                           f"{m.name} has a {grade.en}: not a grade 1–2 disability nor a grade 3 intellectual or "
                           "psychiatric one, and no serious illness")
    return False, Text(f"{m.name}没有一、二级残疾或三级智力、精神残疾，也未患重特大疾病",
                       f"{m.name} has no grade 1–2 disability nor a grade 3 intellectual or psychiatric one, "
                       "and no serious illness")


def dibao_single(c: Ctx, index: int) -> ProgramResult:
    """单人保 for one counted member of a household already found to be 低保边缘."""
    p = c.policy
    mf = c.facts.members[index]
    assert p.standard_fen is not None
    r = ProgramResult("dibao_single", INELIGIBLE, member=mf.member.id_number, member_name=mf.member.name,
                      route="a")
    t, j = c.single, c.first + index
    severe, why = severe_for_single(c, index)
    income, own_ok = int(t.own_fen[j]), bool(t.own_ok[j])
    if c.explain:
        name, own = mf.member.name, yuan(income)
        relation = BELOW if own_ok else NOT_BELOW
        r.reasons.append(because("edge_household", True, Text("本户为低保边缘家庭", "The household is near-dibao"),
                                 CITE_SINGLE))
        r.reasons.append(because("severe_condition", severe, why, CITE_SINGLE))
        r.reasons.append(because(
            "own_income_below_standard", own_ok,
            Text(f"{name}本人月收入（计入部分）{own} 元，{relation.zh}",
                 f"{name}'s own counted income of {own} yuan a month, {relation.en} ") + c.std(), CITE_SINGLE))
    r.status = STATUSES[int(t.status[j])]
    if r.status == ELIGIBLE:
        _amount(c, r, income, int(t.amount[j]))
    return r


def _amount(c: Ctx, r: ProgramResult, income: int, amount: int) -> None:
    p = c.policy
    assert p.standard_fen is not None
    r.monthly_amount = amount
    if c.explain:
        amount, std, own = r.monthly_amount, figure(p.standard_fen), yuan(income)
        r.reasons.append(because(
            "amount", True,
            Text(f"按单人户计算，每月 {amount} 元 = 低保标准 {std} 元"
                 f" − 本人月收入 {own} 元（默认算法，县里可另行规定）",
                 f"As a one-person household: {amount} yuan a month = dibao standard {std} yuan − own income "
                 f"{own} yuan (the default method; the county may set its own)"), CITE_SINGLE))


def dibao_single_alone(c: Ctx, index: int) -> ProgramResult:
    """Route (b) for a counted adult with a severe disability (see the module docstring)."""
    p = c.policy
    mf = c.facts.members[index]
    m = mf.member
    r = ProgramResult("dibao_single", NEEDS_INFO, member=m.id_number, member_name=m.name, route="b")
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
        return r
    t, j = c.single, c.first + index
    severe, why = severe_for_single(c, index)
    working = not bool(t.no_work[j])
    income, own_ok = int(t.own_fen[j]), bool(t.own_ok[j])
    n, financial = c.facts.counted, round(c.facts.household.assets.financial * 100)
    assets_ok = TRI[int(t.assets_ok[c.row])]
    if assets_ok is None:
        r.missing_facts.append(missing_value(p, Text("家庭金融资产限额（几个月低保标准）",
                                                     "limit on financial assets (months of the dibao standard)")))
    if c.explain:
        name = m.name
        r.reasons.append(because("adult", True, Text(f"{name}已满18周岁（{mf.age}岁）", f"{name} is an adult "
                                                     f"(aged {mf.age})"), CITE_SINGLE))
        r.reasons.append(because("severe_condition", severe, why, CITE_SINGLE))
        r.reasons.append(because(
            "no_work_income", not working,
            Text(f"{name}没有工资性收入或家庭经营收入", f"{name} has no wage or business income") if not working else
            Text(f"{name}有工资性收入或家庭经营收入，不能单独申请", f"{name} has wage or business income: cannot apply "
                 "alone"), CITE_SINGLE))
        relation = BELOW if own_ok else NOT_BELOW
        r.reasons.append(because(
            "own_income_below_standard", own_ok,
            Text(f"只核算{name}本人的收入（不论家庭收入）：本人月收入（计入部分）{yuan(income)} 元，{relation.zh}",
                 f"Only {name}'s own income is tested, whatever the family's: own counted income of "
                 f"{yuan(income)} yuan a month, {relation.en} ") + c.std(), CITE_SINGLE))
        if assets_ok is not None:
            assert p.asset_months_milli is not None
            share, limit = yuan(financial // n) if n else "0.00", figure(p.asset_months_milli * p.standard_fen // 1000)
            r.reasons.append(because(
                "own_assets", assets_ok,
                Text(f"按家庭金融资产人均计算，{name}名下约 {share} 元，{'不超过' if assets_ok else '超过'}一人限额 "
                     f"{limit} 元（{times(p.asset_months_milli)} 个月低保标准）；车辆、房产是否在本人名下需入户核实",
                     f"{name}'s share of the household's financial assets, about {share} yuan, is "
                     f"{'within' if assets_ok else 'above'} the one-person limit of {limit} yuan "
                     f"({times(p.asset_months_milli)} months of the standard); whether vehicles or houses are in "
                     f"{name}'s name is to be verified at the home visit") + p.default_note("asset_financial_months"),
                CITE_ASSETS))
    r.status = STATUSES[int(t.status[j])]
    if r.status != NEEDS_INFO:
        r.missing_facts.clear()
    if r.status == ELIGIBLE:
        _amount(c, r, income, int(t.amount[j]))
    return r


def dibao_single_clergy(c: Ctx, index: int) -> ProgramResult:
    """Route (c): clergy at a religious site 3+ years apply through the site (not computed)."""
    m = c.facts.members[index].member
    r = ProgramResult("dibao_single", NEEDS_INFO, member=m.id_number, member_name=m.name, route="c")
    what = Text(f"{m.name}在宗教活动场所居住已满3年（{m.months_away}个月），不计入本户；如需低保，应通过宗教活动场所"
                "向其登记所在地申请（本软件不计算）",
                f"{m.name} has lived at a religious site for 3 years or more ({m.months_away} months) and is not "
                "counted in this household; for dibao, apply through the religious site where registered (not "
                "computed here)")
    r.missing_facts.append(what)
    if c.explain:
        r.reasons.append(because("apply_through_religious_site", False, what, CITE_SINGLE))
    return r
