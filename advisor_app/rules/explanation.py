"""The explanation a family can follow, built from a check: a two-sentence summary first, the
recommendation when several programmes are 符合, then each programme's reasons with the regulation
after each reason, and the note on default values once.

:func:`explain` returns an :class:`Explanation` (plain data, no Qt): the desktop panel styles it
(citations lighter), the CLI prints :meth:`Explanation.text` and adds :meth:`Explanation.to_dict`
to its JSON, and 复制说明 copies the same text.

Each reason of a check ends with its citation in brackets and, where a figure is a shipped default,
"（默认值，县里未另行规定）" after the figure. Here the citation is split off (``citation``) and each
default note becomes the mark :data:`DEFAULT_MARK` after the figure; :attr:`Explanation.default_note`
says once what the mark means and lists the default figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor_app.domain.vocab import AREAS

from .facts import yuan
from .recommendation import Pick, Recommendation, outdated_note, recommend
from .results import _POLICY_LABELS, ELIGIBLE, INELIGIBLE, NEEDS_INFO, CheckResult, ProgramResult, Reason, _headline

DEFAULT_NOTE = "（默认值，县里未另行规定）"
"""What a reason says after a default figure (``rules.snapshot.Policy.default_note``)."""
DEFAULT_MARK = "*"

# The programmes as a family hears them (the checks' short labels are the advisors' words).
FAMILY_NAMES = {
    "dibao": "低保",
    "dibao_edge": "低保边缘家庭认定",
    "dibao_single": "单人保（单独纳入低保）",
    "tekun": "特困人员救助供养",
    "unsupported_child": "事实无人抚养儿童基本生活补贴",
    "temporary": "临时救助",
}
CLOSING = "最后能领多少，以乡镇审核、县民政部门审批的结果为准。"
COME_BACK = "家里收入、人口或财产有变化时，可以再核对一次。"


@dataclass(frozen=True, slots=True)
class ExplainedReason:
    passed: bool
    statement: str  # the sentence without its citation; default figures carry DEFAULT_MARK
    citation: str
    uses_default: bool


@dataclass(frozen=True, slots=True)
class ProgramSection:
    result: ProgramResult  # status, amounts, member …
    reasons: tuple[ExplainedReason, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AdviceLine:
    text: str  # one line of the recommendation
    citation: str = ""  # the rule's regulation, for a programme set aside
    set_aside: bool = False


@dataclass(frozen=True, slots=True)
class Explanation:
    summary: tuple[str, str]  # two plain sentences for the family
    recommendation: Recommendation
    advice: tuple[AdviceLine, ...]  # empty unless several programmes are 符合
    sections: tuple[ProgramSection, ...]
    default_note: str  # "" when no default figure was used
    outdated_note: str  # "" unless a local figure is older than 12 months on the check date
    result: CheckResult

    @property
    def summary_text(self) -> str:
        return "".join(self.summary)

    def text(self) -> str:
        """Plain text: for the CLI, and what 复制说明 copies for a message to the family."""
        return render_text(self)

    def to_dict(self) -> dict[str, Any]:
        """The keys the CLI adds to the ``advisor-check/1`` document."""
        rec = self.recommendation.to_dict()
        rec["text"] = [line.text for line in self.advice]
        return {"summary": self.summary_text, "recommendation": rec,
                "default_note": self.default_note or None, "outdated_note": self.outdated_note or None}


def explained_reason(reason: Reason) -> ExplainedReason:
    text = reason.text
    suffix = f"（{reason.citation}）"
    if reason.citation and text.endswith(suffix):
        text = text[: -len(suffix)]
    uses_default = DEFAULT_NOTE in text
    return ExplainedReason(reason.passed, text.replace(DEFAULT_NOTE, DEFAULT_MARK), reason.citation, uses_default)


def plain(statement: str) -> str:
    """A statement for the summary: without default marks."""
    return statement.replace(DEFAULT_MARK, "")


def explain(result: CheckResult, rest: CheckResult | None = None) -> Explanation:
    """The explanation of ``result``; ``rest``: see :func:`recommendation.recommend`."""
    rec = recommend(result, rest)
    sections = tuple(ProgramSection(p, tuple(explained_reason(r) for r in p.reasons), tuple(p.missing))
                     for p in result.programs)
    return Explanation(summary(result, rec, rest), rec, advice(rec) if rec.several else (), sections,
                       default_note(result), outdated_note(result), result)


# --- the summary ---------------------------------------------------------------------------------

def _money(amount: int) -> str:
    return f"{amount:,}"


def _per_capita(value: float) -> str:
    return f"{value:,.2f}"


def _who(p: Pick, result: CheckResult) -> str:
    if p.member is not None:
        return p.member_name
    if p.program == "dibao" and p.people is not None and p.people < result.counted_members:
        return f"家里其他 {p.people} 人"
    return ""


def _offer(p: Pick, result: CheckResult) -> str:
    """"每月可以申请低保 1,548 元" (one pick)."""
    name, who = FAMILY_NAMES.get(p.program, p.program), _who(p, result)
    if p.monthly_amount is not None:
        return f"{who}每月可以申请{name} {_money(p.monthly_amount)} 元"
    if p.max_amount is not None:
        return f"可以申请{name}（{p.kind}），每次一般最多 {_money(p.max_amount)} 元"
    return f"{who}可以申请{name}"


def _item(p: Pick, result: CheckResult) -> str:
    """"吴晓霞的特困人员救助供养每月 2,061 元" (one of several picks)."""
    name, who = FAMILY_NAMES.get(p.program, p.program), _who(p, result)
    whose = f"{who}的" if who else ""
    if p.monthly_amount is not None:
        return f"{whose}{name}每月 {_money(p.monthly_amount)} 元"
    if p.max_amount is not None:
        return f"{name}（{p.kind}，每次最多 {_money(p.max_amount)} 元）"
    if p.note:
        return f"{whose}{name}（金额待核算）"
    return f"{whose}{name}"


def _standard(result: CheckResult) -> str:
    std = result.policy.get("dibao_standard")
    if std is None:
        return "本地低保标准"
    value = f"{std.value:,.0f}" if float(std.value).is_integer() else f"{std.value:,.2f}"
    return f"本地低保标准 {value} 元"


def _why(p: Pick, result: CheckResult, rest: CheckResult | None) -> str:
    name = p.member_name
    if p.program == "dibao":
        if p.people is not None and p.people < result.counted_members:
            if rest is None:
                return f"其他家人的收入低于{_standard(result)}"
            return f"其他家人月人均收入 {_per_capita(rest.per_capita_monthly)} 元，低于{_standard(result)}"
        return f"家庭月人均收入 {_per_capita(result.per_capita_monthly)} 元，低于{_standard(result)}"
    if p.program == "dibao_edge":
        multiple = result.policy.get("dibao_edge_multiple")
        times = f"{multiple.value:g} 倍" if multiple is not None else "低保边缘线"
        return (f"家庭月人均收入 {_per_capita(result.per_capita_monthly)} 元，"
                f"不低于{_standard(result)}，但低于它的 {times}")
    if p.program == "dibao_single":
        return f"{name}重度残疾或患重特大疾病，家里是低保边缘家庭，可以单独按一人申请低保"
    if p.program == "tekun":
        return f"{name}没有劳动能力、没有生活来源，也没有能供养的亲人"
    if p.program == "unsupported_child":
        return f"{name}的父母都不能抚养（重残、重病、服刑或失联等）"
    if p.program == "temporary":
        return ("家里遭遇突发困难，可以先救助、后补审核" if p.kind == "急难型"
                else "医疗、教育等必需的支出太大，家里生活困难")
    found = result.program(p.program, p.member)
    passed = [r for r in (found.reasons if found else []) if r.passed]
    return plain(explained_reason(passed[-1]).statement) if passed else "符合条件"


def _labels(programs: list[ProgramResult]) -> str:
    seen: list[str] = []
    for p in programs:
        if p.label not in seen:
            seen.append(p.label)
    return "、".join(seen)


def summary(result: CheckResult, rec: Recommendation, rest: CheckResult | None = None) -> tuple[str, str]:
    """Two sentences: what the family can apply for (or why not, or what is missing) and why."""
    picks = rec.apply_for
    if len(picks) == 1:
        p = picks[0]
        waiting = [q for q in result.programs if q.status == NEEDS_INFO]
        second = (f"{_labels(waiting)}还要补充情况才能判断，请看下面的说明。" if waiting else CLOSING)
        return f"您家{_offer(p, result)}，因为{_why(p, result, rest)}。", second
    if picks:
        total = rec.monthly_total
        monthly = sum(p.monthly_amount is not None for p in picks)
        first = f"您家可以申请：{'；'.join(_item(p, result) for p in picks)}"
        first += f"，合计每月 {_money(total)} 元。" if total is not None and monthly >= 2 else "。"
        return first, f"因为{'；'.join(_why(p, result, rest) for p in picks)}。"
    waiting = [p for p in result.programs if p.status == NEEDS_INFO]
    if waiting:
        missing = list(dict.fromkeys(m.rstrip("。") for p in waiting for m in p.missing))
        more = f"（共 {len(missing)} 项，见下面的说明）" if len(missing) > 1 else ""
        first = f"现在还不能确定您家能不能申请{_labels(waiting)}，因为还缺少一些情况。"
        return first, (f"需要补充：{missing[0]}{more}。" if missing else "请看下面的说明。")
    return f"按现在登记的情况，您家暂时不符合低保、特困等救助条件，因为{_why_not(result)}。", COME_BACK


def _why_not(result: CheckResult) -> str:
    """The first condition that failed, 低保 first (the programme most families are checked for)."""
    ordered = sorted(result.programs, key=lambda p: p.program != "dibao")
    for p in ordered:
        if p.status == INELIGIBLE:
            for r in p.reasons:
                if not r.passed:
                    return plain(explained_reason(r).statement)
    return "各项条件都不满足"


# --- recommendation, default note, text ---------------------------------------------------------

def advice(rec: Recommendation) -> tuple[AdviceLine, ...]:
    """The recommendation as lines: each programme to apply for, each one set aside and why, total."""
    lines = []
    for p in rec.apply_for:
        who = p.member_name if p.member else ""
        if p.program == "dibao" and p.people is not None:
            who = f"其余 {p.people} 人" if p.note else f"全家 {p.people} 人"
        amount = (f"，每月 {_money(p.monthly_amount)} 元" if p.monthly_amount is not None
                  else f"，每次一般最多 {_money(p.max_amount)} 元" if p.max_amount is not None else "")
        kind = f"（{p.kind}）" if p.kind else ""
        note = f"（{p.note}）" if p.note else ""
        lines.append(AdviceLine(f"{who}申请{FAMILY_NAMES.get(p.program, p.program)}{kind}{amount}{note}"))
    for s in rec.set_aside:
        lines.append(AdviceLine(f"{s.member_name}不申请{FAMILY_NAMES.get(s.program, s.program)}：{s.because}",
                                s.citation, set_aside=True))
    total = rec.monthly_total
    if total is not None:
        extra = "，临时救助另计" if any(p.program == "temporary" for p in rec.apply_for) else ""
        lines.append(AdviceLine(f"合计每月 {_money(total)} 元{extra}"))
    return tuple(lines)


def _value(v: Any) -> str:
    return str(int(v.value)) if float(v.value).is_integer() else str(v.value)


def default_note(result: CheckResult) -> str:
    """Once: what the mark means, and which figures are shipped defaults ("" when none is)."""
    defaults = [f"{_POLICY_LABELS.get(key) or key} {_value(v)} {v.unit}"
                for key, v in result.policy.items() if v.is_default]
    if not defaults:
        return ""
    return (f"{DEFAULT_MARK} 标有“{DEFAULT_MARK}”的数是本软件的默认值，县里还没有另行规定："
            f"{'；'.join(defaults)}。县里公布本地标准后，以县里的为准。")


def render_text(e: Explanation) -> str:
    r = e.result
    lines = [e.summary_text]
    if e.advice:
        lines += ["", "建议申请："] + [f"  · {a.text}" + (f"（{a.citation}）" if a.citation else "")
                                       for a in e.advice]
    if e.outdated_note:
        lines += ["", e.outdated_note]
    lines += ["", f"资格核对（核对日期 {r.on.isoformat()}，地区 {r.region}"
              + (f"，{AREAS.get(r.area, r.area)}" if r.area else "") + "）",
              *([r.table.text] if r.table is not None else []),  # whose table, and why
              f"计入家庭人口 {r.counted_members} 人，家庭月收入（计入部分）"
              f"{yuan(round(r.counted_income_monthly * 100))} 元，月人均 {r.per_capita_monthly:.2f} 元"]
    for s in e.sections:
        lines += ["", _headline(s.result)]
        lines += [f"  {'✓' if x.passed else '✗'} {x.statement}（{x.citation}）" for x in s.reasons]
        if s.result.status == NEEDS_INFO:
            lines += [f"  ？ 需补充：{m}" for m in s.missing]
    if r.policy:
        lines += ["", "所用政策标准："]
        for key, v in r.policy.items():
            mark = DEFAULT_MARK if v.is_default else ""
            label = _POLICY_LABELS.get(key) or key
            lines.append(f"  · {label}：{_value(v)} {v.unit}{mark}（{v.source}，{v.effective_from.isoformat()}起）")
    else:
        lines += ["", "没有该地区在该日期的政策标准。"]
    if e.default_note:
        lines += ["", e.default_note]
    return "\n".join(lines) + "\n"


__all__ = ["DEFAULT_MARK", "DEFAULT_NOTE", "ELIGIBLE", "AdviceLine", "ExplainedReason", "Explanation",
           "ProgramSection", "explain", "summary"]
