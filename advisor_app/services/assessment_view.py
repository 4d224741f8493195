"""What the 社会救助资格测算参考单 (and the visit record's 低保资格 line) prints of a check.

The sheet reads like the eligibility panel: first the two sentences for the family
(:meth:`Explanation.summary_in`) and the combination to apply for with its monthly total (the
recommendation, :mod:`advisor_app.rules.recommendation`), then one row per programme — every row
the panel shows, a member who does not qualify too ("特困 吴小诚 不符合") — with what the
recommendation does with it (申请 / 不申请), then each programme's deciding reasons below the table.
A row's 需补充 cell names the missing facts in a few words (:func:`short_fact`); the full sentence
is printed with the reasons.
"""

from __future__ import annotations

import re

from advisor_app.documents.bindings import EligibilityView, ProgramLine
from advisor_app.domain.vocab import CHINESE
from advisor_app.rules import CheckResult, ProgramResult
from advisor_app.rules.explanation import advice
from advisor_app.rules.results import ELIGIBLE, PROGRAM_LABELS, STATUS_LABELS
from advisor_app.rules.wording import money

from .explanation import ExplainedReason, Explanation, Recommendation

__all__ = ["eligibility_view", "short_fact"]

ROUTINE_RULES = frozenset({"household_members", "financial_assets", "vehicles", "extra_houses", "care_level"})
NO_LOCAL_VALUE = re.compile(r"^没有该地区在该日期的(?P<what>.+?)（地区 [^）]*）$")


def _key_reasons(p: ProgramResult, reasons: tuple[ExplainedReason, ...]) -> list[ExplainedReason]:
    """The reasons worth printing: for an eligible result the deciding ones (not the routine checks
    every family passes), otherwise the conditions that failed; at most 3 (2 per member)."""
    limit = 2 if p.member else 3
    pairs = list(zip(p.reasons, reasons, strict=True))
    if p.status == ELIGIBLE:
        return [x for r, x in pairs if r.passed and r.rule not in ROUTINE_RULES
                and not r.rule.startswith("income_excluded")][:limit]
    return [x for r, x in pairs if not r.passed][:limit]


def short_fact(fact: str, member: str = "") -> str:
    """A missing fact in a few words, for a narrow cell: "没有该地区在该日期的低保标准（地区 …）" →
    "本地低保标准"; "吴小诚的父母中的另一方不在家庭成员登记中：请补充其情况（…）" → "父母中的另一方
    不在家庭成员登记中" on 吴小诚's row (what is missing, not what to do about it)."""
    found = NO_LOCAL_VALUE.match(fact)
    if found:
        return "本地" + found.group("what")
    short = re.split(r"[：:]", fact, maxsplit=1)[0].rstrip("。")
    if member and short.startswith(member + "的") and len(short) > len(member) + 1:
        short = short[len(member) + 1:]
    return short


def _advice_cell(p: ProgramResult, rec: Recommendation) -> str:
    for pick in rec.apply_for:
        if (pick.program, pick.member) == (p.program, p.member):
            if pick.program == "dibao" and pick.remark and pick.people is not None:
                amount = f"{money(pick.monthly_amount)} 元/月" if pick.monthly_amount is not None else "金额待核定"
                return f"申请（其余 {pick.people} 人，{amount}）"
            return "申请"
    if any((s.program, s.member) == (p.program, p.member) for s in rec.set_aside):
        return "不申请（见建议）"
    return ""


def _line(p: ProgramResult, reasons: tuple[ExplainedReason, ...], rec: Recommendation) -> ProgramLine:
    wanted = _key_reasons(p, reasons)
    said = {x.statement.zh for x in wanted}
    amount = p.max_amount if p.program == "temporary" else p.monthly_amount
    return ProgramLine(program=p.program, label=PROGRAM_LABELS.get(p.program, p.program), status=p.status,
                       status_label=STATUS_LABELS.get(p.status, p.status), member=p.member_name, amount=amount,
                       detail=p.detail,
                       reasons=[f"{'√' if x.passed else '×'} {x.statement.zh}（{x.citation.zh}）" for x in wanted],
                       missing=list(dict.fromkeys(short_fact(m, p.member_name) for m in p.missing)),
                       needed=[m for m in p.missing if m not in said],
                       advice=_advice_cell(p, rec))


def eligibility_view(result: CheckResult, explained: Explanation) -> EligibilityView:
    """The check as a form prints it: the summary and the recommendation, every programme's row."""
    rec = explained.recommendation
    lines = [_line(s.result, s.reasons, rec) for s in explained.sections]
    told = explained.advice or (advice(rec) if rec.apply_for else ())
    advised = [a.text.zh + (f"（{a.citation.zh}）" if a.citation else "") for a in told]
    notes = [t.zh for t in (explained.outdated_note, explained.default_note) if t]
    standard = result.policy.get("dibao_standard")
    return EligibilityView(on=result.on, counted_members=result.counted_members,
                           counted_income_monthly=result.counted_income_monthly,
                           per_capita_monthly=result.per_capita_monthly,
                           standard=None if standard is None else standard.value, lines=lines,
                           summary=explained.summary_in(CHINESE), advice=advised, total=rec.monthly_total,
                           notes=notes)
