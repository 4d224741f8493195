"""最低生活保障 (低保), 低保边缘家庭 and 单人保.

* 低保 (household): counted monthly income / counted members strictly below the 低保标准, and assets
  compliant. 补差 = 标准 × counted members − counted household income, on the household total in
  integer fen, rounded **up** to whole yuan (never per person first: that gives 1-yuan errors).
* 低保边缘 (household): per-capita income ≥ the standard and < edge multiple (1.5) × the standard,
  assets compliant. All comparisons are exact integer arithmetic (fen × thousandths).
* 单人保 (per counted member, only in a 低保边缘 household): disability grade 1–2 of any kind, grade 3
  intellectual/psychiatric, or a serious illness; the person then applies as a one-person household:
  own counted income below the standard; amount = standard − own counted income, rounded up.

Per-capita income is shown rounded *down* to the fen, so the sentence always agrees with the exact
comparison (923.997 is shown as 923.99, "below 924").
"""

from __future__ import annotations

from advisor_app.domain.vocab import Text, disability

from .context import Ctx, missing_standard, missing_value, status_of
from .facts import CITE_INCOME, CITE_MEMBERS, ceil_yuan, figure, members_sentence, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE_AMOUNT = Text("《社会救助暂行办法》第十条", "Interim Measures for Social Assistance, Art. 10")
CITE_EDGE = Text("民政部2020年7月29日新闻发布会；低保边缘家庭认定（2021年）",
                 "Ministry of Civil Affairs press conference of 29 July 2020; near-dibao households (2021)")
CITE_SINGLE = Text("《最低生活保障审核确认办法》第八条；民政部2022年低保和兜底保障通知",
                   "Measures for Reviewing and Confirming Dibao, Art. 8; Ministry of Civil Affairs notice of 2022 "
                   "on dibao and basic protection")
NO_COUNTED_MEMBERS = Text("家庭中没有可计入的成员", "No member of the household can be counted")
BELOW = Text("低于", "below")
NOT_BELOW = Text("不低于", "not below")


def _per_capita(income_fen: int, n: int) -> str:
    return yuan(income_fen // n) if n else "0.00"


def _common(c: Ctx, r: ProgramResult) -> None:
    f = c.facts
    r.reasons.append(because("household_members", True, members_sentence(f), CITE_MEMBERS))
    r.reasons.extend(c.excluded_income_reasons())


def dibao(c: Ctx) -> ProgramResult:
    f, p = c.facts, c.policy
    r = ProgramResult("dibao", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE_INCOME))
        return r
    if c.explain:
        _common(c, r)
    n, inc, line = f.counted, f.income_fen, p.standard_fen * f.counted
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, NO_COUNTED_MEMBERS, CITE_MEMBERS))
        return r
    income_ok = inc < line
    r.margin = (line - inc) / 100
    if c.explain:
        r.reasons.append(because(
            "income_below_standard", income_ok,
            _income_per_person(_per_capita(inc, n), BELOW if income_ok else NOT_BELOW) + c.std(), CITE_INCOME))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.missing_facts.extend(assets.missing)
    r.status = status_of([income_ok, assets.ok])
    if r.status != NEEDS_INFO:
        r.missing_facts.clear()
    if r.status == ELIGIBLE:
        r.monthly_amount = ceil_yuan(line - inc)
        if c.explain:
            amount, std, income = r.monthly_amount, figure(p.standard_fen), yuan(inc)
            r.reasons.append(because(
                "amount", True,
                Text(f"每月补差 {amount} 元 = 低保标准 {std} 元 × {n} 人 − "
                     f"家庭月收入 {income} 元（按户计算，不足1元的部分进为1元）",
                     f"Top-up of {amount} yuan a month = dibao standard {std} yuan × {n} − household income "
                     f"{income} yuan a month (for the household as a whole, rounded up to the yuan)"), CITE_AMOUNT))
    return r


def dibao_edge(c: Ctx) -> ProgramResult:
    f, p = c.facts, c.policy
    r = ProgramResult("dibao_edge", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing_facts.append(missing_standard(p))
    if p.edge_milli is None:
        r.missing_facts.append(missing_value(p, Text("低保边缘家庭收入倍数", "near-dibao income multiple")))
    if p.standard_fen is None or p.edge_milli is None:
        if c.explain:
            r.reasons.extend(because("standard_known", False, m, CITE_EDGE) for m in r.missing_facts)
        return r
    if c.explain:
        _common(c, r)
    n, inc = f.counted, f.income_fen
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, NO_COUNTED_MEMBERS, CITE_MEMBERS))
        return r
    lower = p.standard_fen * n
    at_least = inc >= lower
    below_upper = inc * 1000 < p.standard_fen * p.edge_milli * n
    upper_total = p.standard_fen * p.edge_milli * n // 1000
    r.margin = (upper_total - inc) / 100 if at_least else (inc - lower) / 100
    if c.explain:
        per = _per_capita(inc, n)
        r.reasons.append(because(
            "income_not_below_standard", at_least,
            _income_per_person(per, NOT_BELOW if at_least else BELOW) + c.std()
            + ("" if at_least else Text("，应按低保审核", ": to be assessed for dibao")), CITE_EDGE))
        upper, multiple = figure(p.standard_fen * p.edge_milli // 1000), times(p.edge_milli)
        r.reasons.append(because(
            "income_below_edge_line", below_upper,
            _income_per_person(per, BELOW if below_upper else NOT_BELOW)
            + Text(f"低保标准的 {multiple} 倍（{upper} 元）", f"{multiple} times the dibao standard ({upper} yuan)")
            + p.default_note("dibao_edge_multiple"), CITE_EDGE))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.status = status_of([at_least, below_upper, assets.ok])
    if r.status == NEEDS_INFO:
        r.missing_facts.extend(assets.missing)
    return r


def _income_per_person(per: str, relation: Text) -> Text:
    """家庭月人均收入 923.99 元，低于… / Household income of 923.99 yuan a month per person, below …"""
    return Text(f"家庭月人均收入 {per} 元，{relation.zh}",
                f"Household income of {per} yuan a month per person, {relation.en} ")


def severe_for_single(c: Ctx, index: int) -> tuple[bool, Text]:
    m = c.facts.members[index].member
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric"))):
        grade = disability(d.kind, d.grade)
        return True, Text(f"{m.name}为{grade.zh}", f"{m.name} has a {grade.en}")
    if m.serious_illness:
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
    r = ProgramResult("dibao_single", INELIGIBLE, member=mf.member.id_number, member_name=mf.member.name)
    severe, why = severe_for_single(c, index)
    own_ok = mf.income_fen < p.standard_fen
    if c.explain:
        name, own = mf.member.name, yuan(mf.income_fen)
        relation = BELOW if own_ok else NOT_BELOW
        r.reasons.append(because("edge_household", True, Text("本户为低保边缘家庭", "The household is near-dibao"),
                                 CITE_SINGLE))
        r.reasons.append(because("severe_condition", severe, why, CITE_SINGLE))
        r.reasons.append(because(
            "own_income_below_standard", own_ok,
            Text(f"{name}本人月收入（计入部分）{own} 元，{relation.zh}",
                 f"{name}'s own counted income of {own} yuan a month, {relation.en} ") + c.std(), CITE_SINGLE))
    r.status = status_of([severe, own_ok])
    if r.status == ELIGIBLE:
        r.monthly_amount = ceil_yuan(p.standard_fen - mf.income_fen)
        if c.explain:
            amount, std, own = r.monthly_amount, figure(p.standard_fen), yuan(mf.income_fen)
            r.reasons.append(because(
                "amount", True,
                Text(f"按单人户计算，每月 {amount} 元 = 低保标准 {std} 元"
                     f" − 本人月收入 {own} 元（默认算法，县里可另行规定）",
                     f"As a one-person household: {amount} yuan a month = dibao standard {std} yuan − own income "
                     f"{own} yuan (the default method; the county may set its own)"), CITE_SINGLE))
    return r
