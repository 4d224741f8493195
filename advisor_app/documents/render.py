"""Render a form or a public-notice list to PDF bytes.

QR payloads (one per document, on every page):

* forms: ``advisor-form/1;KIND;HOUSEHOLD_ID;VERSION;CHECKSUM`` and, for a visit record or an
  investigation of a given visit, ``;VISIT_ID`` at the end. CHECKSUM is the first 8 hex digits of
  SHA-256 over the household's canonical JSON (``advisor-household/2`` as a dict, keys sorted,
  no spaces, UTF-8): the office recomputes it to see whether the paper matches the data.
* notices: ``advisor-notice/1;village|town;PLACE;DATE;COUNT;CHECKSUM`` where CHECKSUM is over the
  list of rows as printed (masked).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Household, Visit
from advisor_app.domain.idcard import mask
from advisor_app.domain.interchange import household_to_dict

from . import page
from .bindings import ROW_FIELDS, SCALARS, EligibilityView, FormData, cn_date, form_data, money
from .definitions import FormDefinition, load_definition
from .fonts import chinese_font
from .kinds import ASSESSED_KINDS, FORM_KINDS, NoticeEntry, NoticeProgram
from .layout import Styles, fill, story
from .notice_rules import complaint_phone_problem, default_notice_end, notice_period_problem

__all__ = ["FORM_KINDS", "NoticeEntry", "NoticeProgram", "NoticeRefused", "mask_name", "render_form",
           "render_notice"]

NOTICE_KIND = "notice"
NOTICE_SCALARS = {
    "notice.county": "县（区）", "notice.town": "乡镇（街道）", "notice.place": "公示范围（乡镇或村）",
    "notice.scope": "village 或 town", "notice.period": "核对期", "notice.phone": "监督电话",
    "notice.start": "公示开始日期", "notice.end": "公示结束日期", "notice.days": "公示天数",
    "notice.count": "公示户数（每户一行）", "notice.people": "保障人数合计（每人只计一次）",
    "notice.total": "月救助金合计", "print.date": "打印日期",
}
NOTICE_ROWS = {"entries": ("no", "name", "id_masked", "village", "town", "program", "people", "amount")}


def load_form(kind: str, override_dir: Path | None = None) -> FormDefinition:
    return load_definition(kind, override_dir, scalars=SCALARS, row_fields=ROW_FIELDS)


def load_notice(override_dir: Path | None = None) -> FormDefinition:
    return load_definition(NOTICE_KIND, override_dir, scalars=NOTICE_SCALARS, row_fields=NOTICE_ROWS)


def household_checksum(household: Household) -> str:
    return page.checksum(household_to_dict(household))


def render_form(kind: str, household: Household, *, on: dt.date, county: str = "",
                eligibility: EligibilityView | None = None, visit: Visit | None = None,
                override_dir: Path | None = None, font_path: str | None = None, blank_visit: bool = False,
                watermark: str = "") -> bytes:
    """PDF bytes of form ``kind``. Only the kinds in :data:`ASSESSED_KINDS` (the 测算参考单, the visit
    record) print ``eligibility``: an application or authorisation the family signs carries what the
    family declares, never the software's assessment, whatever its definition file asks for.
    ``blank_visit``: the form for a visit still to come (see :func:`.bindings.form_data`);
    ``watermark`` (e.g. "演示") goes across every page."""
    definition = load_form(kind, override_dir)
    data = form_data(household, on=on, county=county, eligibility=eligibility if kind in ASSESSED_KINDS else None,
                     visit=visit, blank_visit=blank_visit)
    payload = page.form_payload(kind, household.id or "", household.version, household_checksum(household),
                                visit.id if visit is not None and kind in ("visit-record", "investigation")
                                else None)
    return _render(definition, data, payload, font_path,
                   [f"打印日期：{cn_date(on)}　档案编号：{household.id or '（未保存）'}",
                    f"档案版本：{household.version}　核对码：{payload.split(';')[4]}"], watermark)


def _render(definition: FormDefinition, data: FormData, payload: str, font_path: str | None,
            lines: list[str], watermark: str = "") -> bytes:
    font = chinese_font(font_path)
    styles = Styles(font)
    title = fill(definition.title, data.scalars)
    county = data.scalars.get("print.county", "")
    header = title if not county or title.startswith(county) else f"{county}　{title}"
    info = page.PageInfo(title=header, left_lines=lines, qr_payload=payload, footer_left=title,
                         watermark=watermark)
    flow = story(definition, data, page.frame_width(), styles)
    return page.build_pdf(flow, font, info, title=title)


def mask_name(name: str) -> str:
    """吴晓霞 → 吴*霞, 吴霞 → 吴*, 欧阳小明 → 欧**明 (the surname and the last character stay)."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


class NoticeRefused(DomainError):
    """A notice that may not be printed as asked (no 监督电话, a 公示期 shorter than the law's)."""


def _amount_cell(e: NoticeEntry) -> str:
    if len(e.programs) == 1:
        only = e.programs[0].amount
        return money(only) if only is not None else "待核定"
    return "\n".join(f"{p.label} {money(p.amount) if p.amount is not None else '待核定'}" for p in e.programs)


def _program_cell(e: NoticeEntry) -> str:
    """One programme a line, beside its amount: "低保（1人）" / "特困（吴*霞）" (names masked)."""
    return "\n".join(NoticeProgram(p.label, p.amount, mask_name(p.person), p.people).text for p in e.programs)


def render_notice(entries: list[NoticeEntry], *, scope: str, place: str, county: str, town: str, on: dt.date,
                  phone: str, until: dt.date | None = None, period: str = "", override_dir: Path | None = None,
                  font_path: str | None = None, watermark: str = "") -> bytes:
    """A public-notice list, one line per household. Names and ID numbers are masked; nothing about
    health is printed. The 公示期 runs from ``on`` to ``until`` (default: 7 days, both ends counted);
    a shorter one, or a blank 监督电话, is refused (:class:`NoticeRefused`): a notice never prints
    without the number to complain to."""
    problem = complaint_phone_problem(phone)
    if problem:
        raise NoticeRefused(problem)
    end = until or default_notice_end(on)
    problem = notice_period_problem(on, end)
    if problem:
        raise NoticeRefused(problem)
    days = (end - on).days + 1
    definition = load_notice(override_dir)
    rows = [{"no": str(i), "name": mask_name(e.name), "id_masked": mask(e.id_number), "village": e.village,
             "town": e.town, "program": _program_cell(e), "people": str(e.people), "amount": _amount_cell(e)}
            for i, e in enumerate(entries, 1)]
    scalars = {
        "notice.county": county, "notice.town": town, "notice.place": place if scope == "village" else town,
        "notice.scope": scope, "notice.period": period or f"{on.year}年{on.month}月",
        "notice.phone": phone.strip(), "notice.start": cn_date(on), "notice.end": cn_date(end),
        "notice.days": str(days), "notice.count": str(len(entries)),
        "notice.people": str(sum(e.people for e in entries)),
        "notice.total": money(sum(e.amount for e in entries)), "print.date": cn_date(on),
        "print.county": county,
    }
    if scope == "village":
        scalars["notice.place"] = f"{town}{place}"
    digest = page.checksum(rows)
    payload = ";".join([page.NOTICE_PAYLOAD, scope, place, on.isoformat(), str(len(rows)), digest])
    data = FormData(scalars, {"entries": rows})
    return _render(definition, data, payload, font_path,
                   [f"打印日期：{cn_date(on)}　公示 {cn_date(on)} 至 {cn_date(end)}",
                    f"共 {len(rows)} 户　核对码：{digest}"], watermark)


def notice_programs(override_dir: Path | None = None) -> list[str]:
    """The programme codes the notice definition lists (default 低保, 单人保, 特困)."""
    value = load_notice(override_dir).options.get("programs", ["dibao", "dibao_single", "tekun"])
    return [str(v) for v in value] if isinstance(value, list) else ["dibao", "dibao_single", "tekun"]
