"""The eligibility panel beside the household editor: which programmes the family qualifies for, why,
how much, and how far it is from the line.

What it shows, top to bottom (the wording is ``services.explanation``, shared with the CLI): the
two-sentence summary for the family; when several programmes are 符合, which combination to apply
for (and what not to apply for, with the rule); a one-line status per programme; each programme's
reasons, each with its regulation after it in a lighter, smaller style and default figures marked
"*"; and, once at the end, the note saying which figures are software defaults.

All of it is in the interface language (:func:`language.current`): the explanation carries every
sentence in Chinese and English, and the panel picks one when it shows a result. 复制说明 copies
``Explanation.text()`` in Chinese whatever the interface language: the text is for a message to the
family, and families read Chinese.

Checks are debounced (``DEBOUNCE_MS`` after the last change) and run off the GUI thread on a private
one-thread pool; every request carries a generation number and a result that is not the newest is
dropped, so a slow check never overwrites a newer one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from advisor_app.domain import idcard
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household
from advisor_app.domain.vocab import ENGLISH, Text
from advisor_app.services import eligibility, explanation
from advisor_app.services.changes import Changes
from advisor_app.services.eligibility import CheckResult, ProgramResult
from advisor_app.services.explanation import DEFAULT_MARK, ExplainedReason, Explanation

from . import language
from .assets_editor import from_qdate, to_qdate
from .operations import Operations

DEBOUNCE_MS = 300
COLOURS = {"eligible": "#2e7d32", "ineligible": "#c62828", "needs_info": "#ef6c00"}
CITATION_STYLE = "color:#8a8a8a; font-size:small"  # a reason's regulation: there, but not in the way
NOTE_STYLE = "color:#6b6b6b; font-size:small"
SUMMARY_BACKGROUND = "#eef4fb"
ADVICE_BACKGROUND = "#fff8e1"
log = logging.getLogger("advisor_app.gui")


class _Bridge(QObject):
    finished = Signal(int, object)  # generation, (CheckResult, Explanation) | str (a message instead)


def _money(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


class EligibilityPanel(QWidget):
    checked = Signal(object)  # the CheckResult now shown (or None with a message)

    def __init__(self, operations: Operations | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self._household: Household | None = None
        self._generation = 0
        self._shown_generation = 0
        self._result: CheckResult | None = None
        self._explanation: Explanation | None = None
        self._plain = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._finished)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        if operations is not None:
            operations.data_changed.connect(self.on_data_changed)

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(to_qdate(dt.date.today()))
        self.date.dateChanged.connect(lambda _d: self._debounce.start())
        self.copy_button = QPushButton(self.tr("复制说明"))
        self.copy_button.setToolTip(self.tr("把核对结果和理由复制到剪贴板，可发给家庭"))
        self.copy_button.clicked.connect(self.copy_explanation)
        self.copy_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("核对日期")))
        top.addWidget(self.date)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        self.summary = QLabel()  # the figures the check used (members, income, 低保标准)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color:#555;")
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        title = QLabel(self.tr("资格核对"))
        title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._show_message(self.tr("填写家庭成员后，这里会显示可申请的救助项目。"))

    # --- public API ---

    def show_for(self, household: Household, on: dt.date | None = None) -> None:
        """Re-check ``household`` (on ``on``, else the date in the picker) after a short pause."""
        self._household = household
        if on is not None:
            self.date.blockSignals(True)
            self.date.setDate(to_qdate(on))
            self.date.blockSignals(False)
        self._debounce.start()

    def on_data_changed(self, changes: Changes) -> None:
        """Check again after the policy tables changed (the editor gives a changed household itself)."""
        if changes.policy and self._household is not None:
            self._debounce.start()

    def on(self) -> dt.date:
        return from_qdate(self.date.date())

    def result(self) -> CheckResult | None:
        return self._result

    def status_of(self, program: str, member: str | None = None) -> str | None:
        found = self._result.program(program, member) if self._result else None
        return found.status if found else None

    def explanation(self) -> Explanation | None:
        return self._explanation

    def text(self) -> str:
        """What the panel shows, as plain text: the summary, the recommendation, one line per
        programme, reason or message, and the default-value note."""
        return self._plain

    def pending(self) -> bool:
        return self._debounce.isActive() or self._shown_generation != self._generation

    def copy_explanation(self) -> None:
        """The explanation in Chinese, for the family (see the module docstring)."""
        if self._explanation is not None:
            QGuiApplication.clipboard().setText(self._explanation.text())

    def check_now(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        household = self._household
        if household is None:
            return
        problem = self._not_checkable(household)
        if problem:
            self._finished(generation, problem)
            return
        on = self.on()
        profile = self.operations.profile if self.operations is not None else None
        bridge = self._bridge

        def run() -> None:
            outcome: object
            try:
                result = eligibility.check(household, on, profile=profile)
                outcome = (result, explanation.explain(household, result, profile=profile))
            except DomainError as exc:
                outcome = str(exc)
            except Exception as exc:  # shown in the panel; the editor stays usable
                log.exception("eligibility check failed")
                outcome = QCoreApplication.translate("EligibilityPanel", "核对时出错：%1").replace("%1", repr(exc))
            with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
                bridge.finished.emit(generation, outcome)

        self._pool.clear()  # checks queued but not started are stale now
        self._pool.start(run)

    # --- showing ---

    def _not_checkable(self, h: Household) -> str | None:
        if not h.members:
            return self.tr("填写家庭成员后，这里会显示可申请的救助项目。")
        head = next((m for m in h.members if m.relation == "head"), h.members[0])
        if not (head.name.strip() and head.id_number.strip() and h.region):
            return self.tr("填写户主姓名、身份证号并选择所属地区后，这里显示测算结果。")
        for i, m in enumerate(h.members, start=1):
            why = idcard.problem(m.id_number)
            if why:
                who = m.name or self.tr("第%1名成员").replace("%1", str(i))
                return self.tr("%1的身份证号有误，暂不能核对：%2").replace("%1", who).replace("%2", why)
        return None

    def _finished(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        self._shown_generation = generation
        if isinstance(outcome, tuple):
            self._show_result(*outcome)
        else:
            self._show_message(str(outcome))

    def _show_message(self, message: str) -> None:
        self._result = None
        self._explanation = None
        self.copy_button.setEnabled(False)
        self.summary.setText("")
        self.view.setHtml(f"<p style='color:#555'>{html.escape(message)}</p>")
        self._plain = message
        self.checked.emit(None)

    def _show_result(self, r: CheckResult, e: Explanation) -> None:
        self._result = r
        self._explanation = e
        self.copy_button.setEnabled(True)
        standard = r.policy.get("dibao_standard")
        line = self.tr("计入家庭人口 %1 人，家庭月收入 %2 元，月人均 %3 元").replace(
            "%1", str(r.counted_members)).replace("%2", f"{r.counted_income_monthly:.2f}").replace(
            "%3", f"{r.per_capita_monthly:.2f}")
        if standard is not None:
            line += self.tr("；低保标准 %1 元/人/月").replace("%1", _money(standard.value))
        else:
            line += self.tr("；没有该地区在该日期的低保标准")
        line += f"\n{r.table.text_in(language.current())}" if r.table is not None else ""  # whose table, and why
        self.summary.setText(line)
        dibao, lang = r.program("dibao"), language.current()
        parts = [self._program_html(p, section.reasons, dibao) for p, section in zip(r.programs, e.sections,
                                                                                      strict=True)]
        self.view.setHtml(self._summary_html(e) + self._advice_html(e) + self._overview_html(r)
                          + "".join(html_part for html_part, _plain in parts) + self._note_html(e))
        plain = [e.summary_in(lang)]
        if e.advice:
            plain += [self.tr("建议这样申请："), *(f"  · {a.text.in_language(lang)}"
                                                  + (_bracketed(a.citation) if a.citation else "")
                                                  for a in e.advice)]
        if e.outdated_note:
            plain.append(language.text(e.outdated_note))
        plain += [text for _html, text in parts]
        if e.default_note:
            plain.append(language.text(e.default_note))
        self._plain = "\n".join(plain)
        self.checked.emit(r)

    def _summary_html(self, e: Explanation) -> str:
        """The two sentences for the family, first and larger than the rest."""
        return (f"<table width='100%' cellspacing='0' cellpadding='6'><tr><td bgcolor='{SUMMARY_BACKGROUND}'"
                f" style='font-size:large; color:#1a1a1a'>{html.escape(e.summary_in(language.current()))}"
                "</td></tr></table>")

    def _advice_html(self, e: Explanation) -> str:
        """Which combination to apply for, when several programmes are 符合."""
        out = []
        if e.advice:
            heading = html.escape(self.tr("建议这样申请"))
            items = []
            for a in e.advice:
                cite = _citation_html(a.citation) if a.citation else ""
                colour = "#6b6b6b" if a.set_aside else "#1a1a1a"
                items.append(f"<tr><td style='padding-right:4px'>•</td>"
                             f"<td style='color:{colour}'>{html.escape(language.text(a.text))}{cite}</td></tr>")
            out.append(f"<table width='100%' cellspacing='0' cellpadding='6' style='margin-top:6px'><tr>"
                       f"<td bgcolor='{ADVICE_BACKGROUND}'><b style='color:#8a4b00'>{heading}</b>"
                       f"<table>{''.join(items)}</table></td></tr></table>")
        if e.outdated_note:
            out.append(f"<p style='color:{COLOURS['needs_info']}'>{html.escape(language.text(e.outdated_note))}</p>")
        return "".join(out)

    def _note_html(self, e: Explanation) -> str:
        """The note on default values, once, at the end."""
        if not e.default_note:
            return ""
        return f"<p style='{NOTE_STYLE}; margin-top:10px'>{html.escape(language.text(e.default_note))}</p>"

    def _overview_html(self, r: CheckResult) -> str:
        """One line per programme (status at a glance); the reasons follow below."""
        rows = []
        for p in r.programs:
            who = f" · {html.escape(p.member_name)}" if p.member else ""
            amount = (self.tr("每月 %1 元").replace("%1", f"{p.monthly_amount:,}") if p.monthly_amount is not None
                      else self.tr("最多 %1 元").replace("%1", f"{p.max_amount:,}") if p.max_amount is not None
                      else "")
            rows.append(f"<tr><td style='padding-right:10px'>{language.label('program', p.program)}{who}</td>"
                        f"<td style='color:{COLOURS.get(p.status, '#333')}; font-weight:bold;"
                        f" padding-right:10px'>{language.label('status', p.status)}</td>"
                        f"<td>{html.escape(amount)}</td></tr>")
        # the rule is a one-cell table: QTextDocument draws an <hr/> that follows a table beside it
        rule = ("<table width='100%' cellspacing='0'><tr>"
                "<td style='border-bottom:1px solid #aaa; padding-top:4px'></td></tr></table>")
        return f"<table>{''.join(rows)}</table>{rule}"

    def _program_html(self, p: ProgramResult, reasons: tuple[ExplainedReason, ...],
                      dibao: ProgramResult | None) -> tuple[str, str]:
        """The programme's block as HTML, and the same as plain text."""
        colour = COLOURS.get(p.status, "#333")
        who_plain = f" · {p.member_name}" if p.member else ""
        who = html.escape(who_plain)
        program, status = language.label("program", p.program), language.label("status", p.status)
        head = (f"<p style='margin-top:8px'><b>{program}{who}</b> "
                f"<span style='color:{colour}; font-weight:bold'>{status}</span></p>")
        facts = []
        if p.monthly_amount is not None:
            facts.append(self.tr("每月 %1 元").replace("%1", f"{p.monthly_amount:,}"))
        if p.care_level:
            facts.append(language.label("care_level", p.care_level))
        if p.kind:
            facts.append(language.label("temporary_kind", p.kind))
        if p.max_amount is not None:
            facts.append(self.tr("每次最多 %1 元").replace("%1", f"{p.max_amount:,}"))
        margin = self._margin_text(p, dibao)
        if margin:
            facts.append(margin)
        joined = self.tr("；").join(facts)  # the list separator of the interface language
        body = f"<p style='margin-left:12px'>{html.escape(joined)}</p>" if facts else ""
        rows = [(("✓", COLOURS["eligible"]) if reason.passed else ("✗", COLOURS["ineligible"]),
                 _statement_html(reason), language.text(reason.statement) + _bracketed(reason.citation))
                for reason in reasons]
        need, lang = self.tr("需补充："), language.current()
        query = "?" if lang == ENGLISH else "？"
        rows += [((query, COLOURS["needs_info"]), html.escape(need + m), need + m) for m in p.missing_in(lang)]
        items = "".join(
            f"<tr><td style='color:{colour}; font-weight:bold; padding-right:4px'>{mark}</td>"
            f"<td>{text_html}</td></tr>" for (mark, colour), text_html, _text in rows)
        plain = [f"{program}{who_plain} {status}"]
        plain += ["  " + joined] if facts else []
        plain += [f"  {mark} {text}" for (mark, _colour), _html, text in rows]
        return (head + body + (f"<table style='margin-left:8px'>{items}</table>" if items else ""),
                "\n".join(plain))

    def _margin_text(self, p: ProgramResult, dibao: ProgramResult | None) -> str:
        if p.margin is None:
            return ""
        if p.program == "dibao":
            if p.margin > 0:
                return self.tr("家庭月收入再增加 %1 元将不再符合").replace("%1", _money(p.margin))
            return self.tr("家庭月收入至少需减少 %1 元才符合").replace("%1", _money(-p.margin + 0.01))
        if p.program == "dibao_edge":
            below_dibao = dibao is not None and dibao.margin is not None and dibao.margin > 0
            if below_dibao:
                return self.tr("收入低于低保标准，应按低保申请")
            if p.margin > 0:
                return self.tr("家庭月收入再增加 %1 元将超出低保边缘标准").replace("%1", _money(p.margin))
            return self.tr("家庭月收入至少需减少 %1 元才属于低保边缘").replace("%1", _money(-p.margin + 0.01))
        return ""


def _bracketed(citation: Text) -> str:
    """A citation in brackets after a sentence, in the interface language: "（…）" or " (…)"."""
    cite = language.text(citation)
    return f" ({cite})" if language.current() == ENGLISH else f"（{cite}）"


def _citation_html(citation: Text) -> str:
    """The citation after a sentence, in a run of its own: lighter and smaller."""
    return f" <span style='{CITATION_STYLE}'>{html.escape(_bracketed(citation).lstrip())}</span>"


def _statement_html(reason: ExplainedReason) -> str:
    """The reason, default figures marked with a superscript "*", the regulation after it, lighter."""
    text = html.escape(language.text(reason.statement)).replace(html.escape(DEFAULT_MARK),
                                                                f"<sup>{DEFAULT_MARK}</sup>")
    return text + _citation_html(reason.citation)
