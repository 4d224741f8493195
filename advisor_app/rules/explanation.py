"""The explanation a family can follow, built from a check: a two-sentence summary first, the
recommendation when several programmes are 符合, then each programme's reasons with the regulation
after each reason, and the note on default values once.

:func:`explain` returns an :class:`Explanation` (plain data, no Qt). Like the reasons of a check,
every sentence in it is built once in both languages (:class:`~advisor_app.domain.vocab.Text`, the
same figures in each): the desktop panel shows the language of its interface and styles it
(citations lighter); :meth:`Explanation.text` renders plain text in a language (Chinese by default:
the CLI, and 复制说明, whose text goes to the family); :meth:`Explanation.to_dict` adds the Chinese to
the CLI's JSON.

A check writes :data:`~advisor_app.rules.snapshot.DEFAULT_NOTE` (in both languages) after each figure
that is a shipped default. Here each such note becomes the mark :data:`DEFAULT_MARK` after the figure,
in each language, and :attr:`Explanation.default_note` says once what the mark means and lists the
default figures. The citation is the reason's own ``source``, kept apart from its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor_app.domain.vocab import CHINESE, EMPTY, ENGLISH, Text, join, label

from .facts import yuan
from .recommendation import Recommendation, outdated_text, recommend
from .results import ELIGIBLE, NEEDS_INFO, CheckResult, ProgramResult, Reason, _headline, mask_member
from .snapshot import DEFAULT_NOTE
from .summary import summary
from .wording import FAMILY_NAMES, family_name, figure_name, money, people, the_others, unit

DEFAULT_MARK = "*"


@dataclass(frozen=True, slots=True)
class ExplainedReason:
    passed: bool
    statement: Text  # the sentence without its citation; default figures carry DEFAULT_MARK
    citation: Text
    uses_default: bool


@dataclass(frozen=True, slots=True)
class ProgramSection:
    result: ProgramResult  # status, amounts, member, missing facts (``missing_in``) …
    reasons: tuple[ExplainedReason, ...]


@dataclass(frozen=True, slots=True)
class AdviceLine:
    text: Text  # one line of the recommendation
    citation: Text = EMPTY  # the rule's regulation, for a programme set aside
    set_aside: bool = False


@dataclass(frozen=True, slots=True)
class Explanation:
    summary: tuple[Text, Text]  # two plain sentences for the family
    recommendation: Recommendation
    advice: tuple[AdviceLine, ...]  # empty unless several programmes are 符合
    sections: tuple[ProgramSection, ...]
    default_note: Text  # empty when no default figure was used
    outdated_note: Text  # empty unless a local figure is older than 12 months on the check date
    result: CheckResult

    def summary_in(self, language: str = CHINESE) -> str:
        """The two sentences as one paragraph."""
        return (" " if language == ENGLISH else "").join(s.in_language(language) for s in self.summary)

    @property
    def summary_text(self) -> str:
        """The summary in Chinese."""
        return self.summary_in(CHINESE)

    def text(self, language: str = CHINESE) -> str:
        """Plain text in ``language``: the CLI's, and (in Chinese) what 复制说明 copies for the family."""
        return render_text(self, language)

    def to_dict(self) -> dict[str, Any]:
        """The keys the CLI adds to the ``advisor-check/1`` document (Chinese, as the rest of it)."""
        rec = self.recommendation.to_dict()
        rec["text"] = [line.text.zh for line in self.advice]
        return {"summary": self.summary_text, "recommendation": rec,
                "default_note": self.default_note.zh or None, "outdated_note": self.outdated_note.zh or None}


def explained_reason(reason: Reason) -> ExplainedReason:
    """The reason's sentence with each default note turned into :data:`DEFAULT_MARK`, and its citation."""
    zh, en = reason.sentence.zh, reason.sentence.en
    uses_default = DEFAULT_NOTE.zh in zh or DEFAULT_NOTE.en in en
    statement = Text(zh.replace(DEFAULT_NOTE.zh, DEFAULT_MARK), en.replace(DEFAULT_NOTE.en, DEFAULT_MARK))
    return ExplainedReason(reason.passed, statement, reason.source, uses_default)


def explain(result: CheckResult, rest: CheckResult | None = None) -> Explanation:
    """The explanation of ``result``; ``rest``: see :func:`recommendation.recommend`."""
    rec = recommend(result, rest)
    sections = tuple(ProgramSection(p, tuple(explained_reason(r) for r in p.reasons)) for p in result.programs)
    return Explanation(summary(result, rec, rest), rec, advice(rec) if rec.several else (), sections,
                       default_note(result), outdated_text(result), result)


# --- the recommendation, the default note -------------------------------------------------------

def advice(rec: Recommendation) -> tuple[AdviceLine, ...]:
    """The recommendation as lines: each programme to apply for, each one set aside and why, total."""
    lines = []
    for p in rec.apply_for:
        name = family_name(p.program)
        who = Text(p.member_name, f" for {p.member_name}") if p.member else EMPTY
        if p.program == "dibao" and p.people is not None:
            who = (Text(f"其余 {p.people} 人", f" for {the_others(p.people)}") if p.remark
                   else Text(f"全家 {p.people} 人", f" for the whole family ({people(p.people).en})"))
        amount = (Text(f"，每月 {money(p.monthly_amount)} 元", f": {money(p.monthly_amount)} yuan a month")
                  if p.monthly_amount is not None else
                  Text(f"，每次一般最多 {money(p.max_amount)} 元",
                       f": usually up to {money(p.max_amount)} yuan each time")
                  if p.max_amount is not None else EMPTY)
        kind = Text(f"（{p.kind}）", f" ({label('temporary_kind', p.kind, ENGLISH).lower()})") if p.kind else EMPTY
        note = Text(f"（{p.remark.zh}）", f" ({p.remark.en})") if p.remark else EMPTY
        lines.append(AdviceLine(Text(f"{who.zh}申请{name.zh}{kind.zh}{amount.zh}{note.zh}",
                                     f"Apply for {name.en}{kind.en}{who.en}{amount.en}{note.en}")))
    for s in rec.set_aside:
        name = family_name(s.program)
        whose = f" for {s.member_name}" if s.member_name else ""
        lines.append(AdviceLine(Text(f"{s.member_name}不申请{name.zh}：{s.why.zh}",
                                     f"Do not apply for {name.en}{whose}: {s.why.en}"), s.source, set_aside=True))
    total = rec.monthly_total
    if total is not None:
        temporary = any(p.program == "temporary" for p in rec.apply_for)
        extra = Text("，临时救助另计", " (temporary assistance comes on top)") if temporary else EMPTY
        lines.append(AdviceLine(Text(f"合计每月 {money(total)} 元", f"In all: {money(total)} yuan a month") + extra))
    return tuple(lines)


def _value(v: Any) -> str:
    return str(int(v.value)) if float(v.value).is_integer() else str(v.value)


def _figure(key: str, v: Any) -> Text:
    """"金融资产限额（月数） 24 月" / "financial asset limit (…): 24 months"."""
    name, u = figure_name(key), unit(v.unit)
    return Text(f"{name.zh} {_value(v)} {u.zh}", f"{name.en}: {_value(v)}" + (f" {u.en}" if u.en else ""))


def default_note(result: CheckResult) -> Text:
    """Once: what the mark means, and which figures are shipped defaults (empty when none is)."""
    defaults = [_figure(key, v) for key, v in result.policy.items() if v.is_default]
    if not defaults:
        return EMPTY
    listed = join(Text("；", "; "), defaults)
    return (Text(f"{DEFAULT_MARK} 标有“{DEFAULT_MARK}”的数是本软件的默认值，县里还没有另行规定：",
                 f"{DEFAULT_MARK} Figures marked {DEFAULT_MARK} are this software's defaults; the county has "
                 "not set figures of its own: ")
            + listed + Text("。县里公布本地标准后，以县里的为准。",
                            ". Once the county publishes its own standards, those apply."))


# --- plain text -----------------------------------------------------------------------------------

def _headline_en(p: ProgramResult) -> str:
    who = f" {p.member_name} ({mask_member(p.member)})" if p.member else ""
    parts = [label("status", p.status, ENGLISH)]
    if p.monthly_amount is not None:
        parts.append(f"{p.monthly_amount} yuan a month")
    if p.care_level:
        parts.append(label("care_level", p.care_level, ENGLISH).lower())
    if p.kind:
        parts.append(label("temporary_kind", p.kind, ENGLISH).lower())
    if p.max_amount is not None:
        parts.append(f"at most {p.max_amount} yuan each time")
    if p.margin is not None and p.program == "dibao":
        parts.append(f"no longer eligible if monthly income rises by {p.margin:.2f} yuan" if p.margin > 0
                     else f"eligible only if monthly income falls by at least {-p.margin + 0.01:.2f} yuan")
    if p.margin is not None and p.program == "dibao_edge" and p.status == ELIGIBLE:
        parts.append(f"above the near-Dibao line if monthly income rises by {p.margin:.2f} yuan")
    return f"[{label('program', p.program, ENGLISH)}]{who}: " + ", ".join(parts)


def _words(language: str) -> dict[str, str]:
    if language == ENGLISH:
        return {"apply": "What to apply for:", "check": "Eligibility check (date {on}, region {region}{area})",
                "area": ", ", "household": "Members counted: {n}; counted household income {income} yuan a "
                "month, {per} yuan per person", "needed": "Still needed: ", "figures": "Policy figures used:",
                "figure": "  · {label}: {value}{unit}{mark} (in force from {since})",
                "no_figures": "No policy figures for this region on this date."}
    return {"apply": "建议申请：", "check": "资格核对（核对日期 {on}，地区 {region}{area}）", "area": "，",
            "household": "计入家庭人口 {n} 人，家庭月收入（计入部分）{income} 元，月人均 {per} 元",
            "needed": "需补充：", "figures": "所用政策标准：",
            "figure": "  · {label}：{value}{unit}{mark}（{source}，{since}起）",
            "no_figures": "没有该地区在该日期的政策标准。"}


def render_text(e: Explanation, language: str = CHINESE) -> str:
    r, w, en = e.result, _words(language), language == ENGLISH
    lines = [e.summary_in(language)]
    if e.advice:
        lines += ["", w["apply"]]
        for a in e.advice:
            cite = a.citation.in_language(language)
            bracketed = (f" ({cite})" if en else f"（{cite}）") if cite else ""
            lines.append(f"  · {a.text.in_language(language)}{bracketed}")
    if e.outdated_note:
        lines += ["", e.outdated_note.in_language(language)]
    area = w["area"] + label("area", r.area, language) if r.area else ""
    lines += ["", w["check"].format(on=r.on.isoformat(), region=r.region, area=area),
              *([r.table.text_in(language)] if r.table is not None else []),
              w["household"].format(n=r.counted_members, income=yuan(round(r.counted_income_monthly * 100)),
                                    per=f"{r.per_capita_monthly:.2f}")]
    for s in e.sections:
        lines += ["", _headline_en(s.result) if en else _headline(s.result)]
        for x in s.reasons:
            statement, cite = x.statement.in_language(language), x.citation.in_language(language)
            lines.append(f"  {'✓' if x.passed else '✗'} {statement}" + (f" ({cite})" if en else f"（{cite}）"))
        if s.result.status == NEEDS_INFO:
            lines += [f"  ？ {w['needed']}{m}" if not en else f"  ? {w['needed']}{m}"
                      for m in s.result.missing_in(language)]
    if r.policy:
        lines += ["", w["figures"]]
        for key, v in r.policy.items():
            u = unit(v.unit).in_language(language)
            lines.append(w["figure"].format(label=figure_name(key).in_language(language), value=_value(v),
                                            unit=f" {u}" if u else "", mark=DEFAULT_MARK if v.is_default else "",
                                            source=v.source, since=v.effective_from.isoformat()))
    else:
        lines += ["", w["no_figures"]]
    if e.default_note:
        lines += ["", e.default_note.in_language(language)]
    return "\n".join(lines) + "\n"


__all__ = ["DEFAULT_MARK", "DEFAULT_NOTE", "ELIGIBLE", "FAMILY_NAMES", "AdviceLine", "ExplainedReason",
           "Explanation", "ProgramSection", "explain", "summary"]
