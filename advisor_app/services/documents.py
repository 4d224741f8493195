"""Printing: pre-filled forms for one household and public-notice lists for a village or town.

* :func:`render_form` — one of :data:`FORM_KINDS` for a stored household, filled with its members,
  incomes, the chosen visit and the eligibility check on the print date (run live, with the
  profile's policy tables, so the form always matches the data it carries in its QR code).
* :func:`render_notice` — the 公示 list of a village or town.

**Which households a notice lists.** Households of the village (or town) with an *eligible* result
for a programme the notice definition names (``programs`` in ``forms/notice.toml``; shipped:
低保, 单人保, 特困). The result comes from the stored batch screening (``screening_results``) when
the household's stored result is current (:func:`advisor_app.services.eligibility.result_freshness`)
— the list then matches what the office screened — and from a live check on the notice date for every
other household: never screened, changed after the screening, or all of them when the policy
tables or the rules changed since. A notice never prints an out-of-date amount.
事实无人抚养儿童 is never listed (no public notice by law), nor are 低保边缘 (no payment) and 临时救助
(decided per event). One line per household, naming the programmes the family is told to apply
for (the recommendation): a member supported as 特困 is not in the household's 低保, which is checked
again without her on the notice date, so the line lists the 低保 of the others and her 特困 and pays
nobody twice. People covered: the counted members (Art. 7) for 低保 less those on 特困, the member for
单人保 and 特困, each person once (:mod:`advisor_app.services.notice_lines`). Amount: the monthly
amount of each programme; "待核定" when the check could not compute one.

* :func:`render_form` of the kinds in ``ASSESSED_KINDS`` only (the 社会救助资格测算参考单 and the visit
  record) runs the eligibility check and its explanation (:mod:`advisor_app.services.assessment_view`):
  the applications and the authorisation the family signs carry what the family declares, never
  the software's assessment.

Profile settings read here: ``notice.complaint_phone`` (监督电话; a notice without one is refused,
:func:`set_complaint_phone` remembers the one used) and
``documents.font`` (font file; see :mod:`advisor_app.documents.fonts`). Every page printed from a
demo profile carries the watermark "演示" (:data:`DEMO_WATERMARK`). A profile's own form
definitions in ``<data folder>/forms/`` take precedence over the shipped ``forms/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from advisor_app.documents.bindings import EligibilityView
from advisor_app.documents.kinds import ASSESSED_KINDS, FORM_KINDS, NoticeEntry
from advisor_app.documents.notice_rules import (
    NOTICE_DAYS,
    complaint_phone_problem,
    default_notice_end,
    notice_period_problem,
)
from advisor_app.domain.errors import DomainError, NotFound
from advisor_app.domain.household import Household, Visit
from advisor_app.rules import check_household
from advisor_app.rules.results import PROGRAM_LABELS
from advisor_app.store import households as store
from advisor_app.store.notice import households_in, places
from advisor_app.store.screening import last_changes, stored_results
from advisor_app.store.settings import get_setting, set_setting

from . import audit, profile_settings
from .assessment_view import eligibility_view
from .eligibility import result_freshness
from .explanation import explain
from .notice_lines import Result, left_out, notice_entry, without
from .policy import tables_for
from .profile import Profile
from .profile_settings import profile_info

__all__ = ["FORM_KINDS", "NOTICE_DAYS", "NoticePlace", "complaint_phone", "complaint_phone_problem",
           "default_notice_end", "forms_dir", "notice_period_problem", "notice_places", "render_form",
           "render_notice", "set_complaint_phone"]

SETTING_PHONE = profile_settings.COMPLAINT_PHONE
SETTING_FONT = "documents.font"
DEMO_WATERMARK = "演示"


def _watermark(profile: Profile) -> str:
    return DEMO_WATERMARK if profile_info(profile).is_demo else ""


@dataclass(frozen=True, slots=True)
class NoticePlace:
    """A village (社区) a notice can be printed for."""

    village: str
    town: str
    region: str  # 6-digit county code
    county: str  # its name ("" when unknown)

    @property
    def label(self) -> str:
        """"莲花社区（莲花街道，合肥市蜀山区）"."""
        where = "，".join(x for x in (self.town, self.county) if x)
        return f"{self.village}（{where}）" if where else self.village


def forms_dir(profile: Profile) -> Path:
    """The profile's own form definitions (a file here replaces the shipped one of the same name)."""
    return profile.data.root / "forms"


def _settings(profile: Profile) -> tuple[str, str | None]:
    with profile.connection() as conn:
        phone = get_setting(conn, SETTING_PHONE, "") or ""
        font = get_setting(conn, SETTING_FONT) or None
    return phone, font


def _check_view(profile: Profile, household: Household, on: dt.date) -> EligibilityView:
    try:
        tables = tables_for(profile)
        result = check_household(household, on, tables)
        return eligibility_view(result, explain(household, result, tables))
    except DomainError as exc:  # e.g. no policy table for the region: print the form without it
        return EligibilityView(on=on, available=False, message=f"未能核对：{exc}")


def _pick_visit(household: Household, kind: str, visit_id: str | None) -> Visit | None:
    if visit_id:
        for v in household.visits:
            if v.id == visit_id:
                return v
        raise NotFound(f"该家庭没有编号为 {visit_id} 的走访记录", where=f"家庭 {household.head_name}")
    if kind == "investigation":
        found = [v for v in household.visits if v.type == "investigation"]
        return found[-1] if found else None
    if kind == "visit-record":
        if not household.visits:
            raise DomainError("该家庭还没有走访记录，无法打印走访记录表", where=f"家庭 {household.head_name}")
        return household.visits[-1]
    return None


BLANK_KINDS = ("visit-record",)  # forms that can be printed blank, for a visit still to come


def render_form(profile: Profile, kind: str, household_id: str, visit_id: str | None = None,
                on: dt.date | None = None, *, blank: bool = False) -> bytes:
    """PDF bytes of form ``kind`` for the stored household (printed ``on``, default today).

    ``visit_id`` picks the visit a visit record or investigation prints (default: the latest);
    ``blank=True`` prints it for the next visit instead: the household filled in, the visit left to
    write by hand (:data:`BLANK_KINDS` only)."""
    if kind not in FORM_KINDS:
        raise DomainError(f"没有“{kind}”这种表格，可用：{'、'.join(FORM_KINDS)}")
    if blank and (kind not in BLANK_KINDS or visit_id):
        raise DomainError(f"只有{'、'.join(FORM_KINDS[k] for k in BLANK_KINDS)}可以打印空白表，且不能同时指定走访记录")
    on = on or dt.date.today()
    with profile.session() as session:
        household = store.load_household(session, household_id)
    visit = None if blank else _pick_visit(household, kind, visit_id)
    _phone, font = _settings(profile)
    county = tables_for(profile).name(household.region) if household.region else ""
    from advisor_app.documents import render  # reportlab loads on the first print, not at start-up

    pdf = render.render_form(kind, household, on=on, county=county if county != household.region else "",
                             eligibility=_check_view(profile, household, on) if kind in ASSESSED_KINDS else None,
                             visit=visit, override_dir=forms_dir(profile), font_path=font, blank_visit=blank,
                             watermark=_watermark(profile))
    with profile.connection(write=True) as conn:  # made (for a preview or a file): the audit log says so
        audit.record(conn, action="print", kind="form", record_id=kind, household_id=household_id,
                     detail="blank" if blank else (f"visit {visit.id}" if visit is not None and visit.id else ""))
    return pdf


def _entries(households: Iterable[Household], stored: dict[str, list[Result]], programs: list[str],
             on: dt.date, profile: Profile) -> list[NoticeEntry]:
    tables = tables_for(profile)
    out: list[NoticeEntry] = []
    for h in households:
        results = stored.get(h.id or "")
        if results is None:
            try:
                check = check_household(h, on, tables, explain=False)
            except DomainError:
                continue
            by_number = {m.id_number: m.id for m in h.members}
            results = [(by_number.get(p.member) if p.member else None, p.program, p.status,
                        p.max_amount if p.program == "temporary" else p.monthly_amount) for p in check.programs]
        # A member supported as 特困 is not in the household's 低保: the others' 低保 is checked again,
        # as for the recommendation (services.explanation), so the line pays nobody twice.
        leave_out = left_out(h, results, on)
        rest = None
        if leave_out:
            with contextlib.suppress(DomainError):  # not computed: the 低保 prints 待核定
                rest = check_household(without(h, leave_out), on, tables, explain=False)
        entry = notice_entry(h, results, programs, on, rest)
        if entry is not None:
            out.append(entry)
    order = {PROGRAM_LABELS.get(p, p): i for i, p in enumerate(programs)}
    out.sort(key=lambda e: (e.village, order.get(e.programs[0].label, 99), e.name))
    return out


def complaint_phone(profile: Profile) -> str:
    """The 监督电话 saved for notices ("" when none was saved yet)."""
    return _settings(profile)[0]


def set_complaint_phone(profile: Profile, phone: str) -> None:
    """Remember the 监督电话 for the next notices (refused when it could not be printed)."""
    problem = complaint_phone_problem(phone)
    if problem:
        raise DomainError(problem)
    with profile.connection(write=True) as conn:
        set_setting(conn, SETTING_PHONE, phone.strip())


def notice_places(profile: Profile) -> list[NoticePlace]:
    """Every village (社区) with live households, with its town and county, for choosing a notice:
    the profile's own villages first, in the profile's order (one in the profile's region before a
    namesake elsewhere), then the others by town and village. A village of the profile without
    households is not offered: its notice would be empty."""
    with profile.connection() as conn:
        found = places(conn)
    info = profile_info(profile)
    own = {village: i for i, village in enumerate(info.villages)}

    def order(place: tuple[str, str, str]) -> tuple[int, bool]:
        village, _town, region = place
        if village not in own:
            return len(own), False  # the store's order: town, village
        return own[village], region != info.region

    tables = tables_for(profile)
    return [NoticePlace(village, town, region, tables.name(region) if region else "")
            for village, town, region in sorted(found, key=order)]


def render_notice(profile: Profile, village: str | None = None, town: str | None = None,
                  on: dt.date | None = None, region: str | None = None, phone: str | None = None,
                  period: str = "", until: dt.date | None = None) -> bytes:
    """The public-notice list of a village or a town: 公示期 from ``on`` (default today) to ``until``
    (default the 7th day), one line per household.

    ``town`` together with ``village`` picks the village of that town; ``region`` (6-digit county
    code) picks the county when the same name exists in several. ``period`` is the 期别 printed
    (default: the month of ``on``, "2026年12月"); ``phone`` the 监督电话 (default: the saved one).
    Without a 监督电话 (none given, none saved) the notice is refused: it never prints a blank one."""
    if not village and not town:
        raise DomainError("请指定村（社区）或乡镇（街道）")
    on = on or dt.date.today()
    stored_phone, font = _settings(profile)
    phone = stored_phone if phone is None else phone
    problem = complaint_phone_problem(phone)
    if problem:
        raise DomainError(problem)
    with profile.connection() as conn:
        scope = households_in(conn, village, town, region)
        if not scope:
            what = f"村（社区）“{village}”" if village else f"乡镇（街道）“{town}”"
            raise NotFound(f"没有{what}的家庭" + (f"（乡镇：{town}）" if village and town else ""))
        towns = sorted({s[2] for s in scope})
        regions = sorted({s[3] for s in scope})
        if village and len(towns) > 1:
            raise DomainError(f"多个乡镇都有名为“{village}”的村（社区）：{'、'.join(towns)}，请同时指定乡镇"
                              "（--in-town）")
        if len(regions) > 1:
            names = "、".join(tables_for(profile).name(r) for r in regions)
            codes = "、".join(regions)
            raise DomainError(f"“{village or town}”在多个县（区）都有：{names}，请指定县（区）代码"
                              f"（--region，可选：{codes}）")
        ids = [s[0] for s in scope]
        fresh = result_freshness(profile, conn)
        # Households whose stored result is current (an empty list: eligible for nothing); the others
        # are checked live below.
        stored: dict[str, list[Result]] = {}
        if fresh.since is not None:
            stored = {hid: [] for hid, changed in last_changes(conn, ids).items() if fresh.is_current(changed)}
        for hid, member, program, status, fen, _detail, _on in stored_results(conn, list(stored)):
            stored[hid].append((member, program, status, None if fen is None else fen // 100))
        households = [h for batch in store.iter_households(conn, ids=ids) for h in batch]
    override = forms_dir(profile)
    from advisor_app.documents import render

    entries = _entries(households, stored, render.notice_programs(override), on, profile)
    county = tables_for(profile).name(regions[0])
    pdf = render.render_notice(entries, scope="village" if village else "town", place=village or towns[0],
                               county=county if county != regions[0] else "", town=towns[0], on=on,
                               until=until, phone=phone, period=period, override_dir=override, font_path=font,
                               watermark=_watermark(profile))
    with profile.connection(write=True) as conn:
        audit.record(conn, action="print", kind="notice", record_id=regions[0],
                     detail=f"{'village' if village else 'town'} households={len(entries)}")
    return pdf
