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

from advisor_app.domain.vocab import DISABILITY_GRADES, DISABILITY_KINDS

from .context import Ctx, missing_standard, missing_value, status_of
from .facts import CITE_INCOME, CITE_MEMBERS, ceil_yuan, figure, members_sentence, times, yuan
from .results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, ProgramResult, because

CITE_AMOUNT = "《社会救助暂行办法》第十条"
CITE_EDGE = "民政部2020年7月29日新闻发布会；低保边缘家庭认定（2021年）"
CITE_SINGLE = "《最低生活保障审核确认办法》第八条；民政部2022年低保和兜底保障通知"


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
        r.missing.append(missing_standard(p))
        if c.explain:
            r.reasons.append(because("standard_known", False, missing_standard(p), CITE_INCOME))
        return r
    if c.explain:
        _common(c, r)
    n, inc, line = f.counted, f.income_fen, p.standard_fen * f.counted
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, "家庭中没有可计入的成员", CITE_MEMBERS))
        return r
    income_ok = inc < line
    r.margin = (line - inc) / 100
    if c.explain:
        rel = "低于" if income_ok else "不低于"
        r.reasons.append(because(
            "income_below_standard", income_ok,
            f"家庭月人均收入 {_per_capita(inc, n)} 元，{rel}{c.std()}", CITE_INCOME))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.missing.extend(assets.missing)
    r.status = status_of([income_ok, assets.ok])
    if r.status != NEEDS_INFO:
        r.missing.clear()
    if r.status == ELIGIBLE:
        r.monthly_amount = ceil_yuan(line - inc)
        if c.explain:
            r.reasons.append(because(
                "amount", True,
                f"每月补差 {r.monthly_amount} 元 = 低保标准 {figure(p.standard_fen)} 元 × {n} 人 − "
                f"家庭月收入 {yuan(inc)} 元（按户计算，不足1元的部分进为1元）", CITE_AMOUNT))
    return r


def dibao_edge(c: Ctx) -> ProgramResult:
    f, p = c.facts, c.policy
    r = ProgramResult("dibao_edge", NEEDS_INFO)
    if p.standard_fen is None:
        r.missing.append(missing_standard(p))
    if p.edge_milli is None:
        r.missing.append(missing_value(p, "低保边缘家庭收入倍数"))
    if p.standard_fen is None or p.edge_milli is None:
        if c.explain:
            r.reasons.extend(because("standard_known", False, m, CITE_EDGE) for m in r.missing)
        return r
    if c.explain:
        _common(c, r)
    n, inc = f.counted, f.income_fen
    if n == 0:
        r.status = INELIGIBLE
        if c.explain:
            r.reasons.append(because("has_counted_members", False, "家庭中没有可计入的成员", CITE_MEMBERS))
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
            f"家庭月人均收入 {per} 元，{'不低于' if at_least else '低于'}{c.std()}"
            + ("" if at_least else "，应按低保审核"), CITE_EDGE))
        upper = figure(p.standard_fen * p.edge_milli // 1000)
        r.reasons.append(because(
            "income_below_edge_line", below_upper,
            f"家庭月人均收入 {per} 元，{'低于' if below_upper else '不低于'}低保标准的 "
            f"{times(p.edge_milli)} 倍（{upper} 元）{p.default_note('dibao_edge_multiple')}", CITE_EDGE))
    assets = c.assets()
    if c.explain:
        r.reasons.extend(assets.reasons)
    r.status = status_of([at_least, below_upper, assets.ok])
    if r.status == NEEDS_INFO:
        r.missing.extend(assets.missing)
    return r


def severe_for_single(c: Ctx, index: int) -> tuple[bool, str]:
    m = c.facts.members[index].member
    d = m.disability
    if d is not None and (d.grade <= 2 or (d.grade == 3 and d.kind in ("intellectual", "psychiatric"))):
        return True, f"{m.name}为{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}"
    if m.serious_illness:
        return True, f"{m.name}患有重特大疾病"
    if d is not None:
        grade = f"{DISABILITY_KINDS[d.kind]}{DISABILITY_GRADES[d.grade]}"
        return False, f"{m.name}为{grade}，不属于一、二级残疾或三级智力、精神残疾，也未患重特大疾病"
    return False, f"{m.name}没有一、二级残疾或三级智力、精神残疾，也未患重特大疾病"


def dibao_single(c: Ctx, index: int) -> ProgramResult:
    """单人保 for one counted member of a household already found to be 低保边缘."""
    p = c.policy
    mf = c.facts.members[index]
    assert p.standard_fen is not None
    r = ProgramResult("dibao_single", INELIGIBLE, member=mf.member.id_number, member_name=mf.member.name)
    severe, why = severe_for_single(c, index)
    own_ok = mf.income_fen < p.standard_fen
    if c.explain:
        r.reasons.append(because("edge_household", True, "本户为低保边缘家庭", CITE_SINGLE))
        r.reasons.append(because("severe_condition", severe, why, CITE_SINGLE))
        r.reasons.append(because(
            "own_income_below_standard", own_ok,
            f"{mf.member.name}本人月收入（计入部分）{yuan(mf.income_fen)} 元，"
            f"{'低于' if own_ok else '不低于'}{c.std()}", CITE_SINGLE))
    r.status = status_of([severe, own_ok])
    if r.status == ELIGIBLE:
        r.monthly_amount = ceil_yuan(p.standard_fen - mf.income_fen)
        if c.explain:
            r.reasons.append(because(
                "amount", True,
                f"按单人户计算，每月 {r.monthly_amount} 元 = 低保标准 {figure(p.standard_fen)} 元"
                f" − 本人月收入 {yuan(mf.income_fen)} 元（默认算法，县里可另行规定）", CITE_SINGLE))
    return r
