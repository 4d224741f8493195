"""The rules a public notice (公示) is printed under: its 公示期 and its 监督电话.

Asked by the notice renderer (which refuses a notice that breaks them), the services and the notice
dialog (which says why before anything is printed), so all three speak the same words.
"""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.vocab import CHINESE, Text

PHONE_DIGITS = 5  # 12345 (the government hotline) is the shortest number a notice gives
PHONE_LENGTH = 40  # characters: "0551-12345678 转 123" or two numbers; more does not fit the line
FIRST_YEAR, LAST_YEAR = 2000, 2100  # a notice dated outside is a typing mistake (9999-12-31)


def complaint_phone_problem(phone: str, language: str = CHINESE) -> str | None:
    """Why ``phone`` cannot be a notice's 监督电话 (blank, or too few digits to be a number), or None;
    in ``language`` (the notice dialog speaks the interface's)."""
    text = phone.strip()
    if not text:
        return Text("请填写监督电话：公示名单必须印有监督电话",
                    "Enter the complaint phone: a public notice must print one").in_language(language)
    if len(text) > PHONE_LENGTH:
        return Text(f"监督电话太长：最多 {PHONE_LENGTH} 个字，现有 {len(text)} 个字",
                    f"The complaint phone is too long: at most {PHONE_LENGTH} characters, "
                    f"not {len(text)}").in_language(language)
    if sum(ch.isdigit() for ch in text) < PHONE_DIGITS:
        return Text(f"监督电话“{text}”不像电话号码：至少要有{PHONE_DIGITS}位数字，例如 0551-12345678 或 12345",
                    f"The complaint phone \"{text}\" does not look like a phone number: it needs at least "
                    f"{PHONE_DIGITS} digits, e.g. 0551-12345678 or 12345").in_language(language)
    return None


NOTICE_DAYS = 7  # 公示期: 7 days (《最低生活保障审核确认办法》, 《特困人员认定办法》), both ends counted


def default_notice_end(start: dt.date) -> dt.date:
    """The last day of a 公示期 of :data:`NOTICE_DAYS` days starting ``start`` (at most the last day
    the calendar has: :func:`notice_period_problem` then refuses the period)."""
    if start > dt.date.max - dt.timedelta(days=NOTICE_DAYS - 1):
        return dt.date.max
    return start + dt.timedelta(days=NOTICE_DAYS - 1)


def notice_period_problem(start: dt.date, end: dt.date, language: str = CHINESE) -> str | None:
    """Why a 公示期 from ``start`` to ``end`` (both counted) may not be used, or None; in ``language``."""
    for day in (start, end):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return Text(f"公示日期 {day.isoformat()} 不合理：应在 {FIRST_YEAR} 年到 {LAST_YEAR} 年之间",
                        f"The notice date {day.isoformat()} is not plausible: it must lie between "
                        f"{FIRST_YEAR} and {LAST_YEAR}").in_language(language)
    days = (end - start).days + 1
    if days < NOTICE_DAYS:
        return Text(f"公示期不得少于{NOTICE_DAYS}天：{start.year}年{start.month}月{start.day}日至"
                    f"{end.year}年{end.month}月{end.day}日只有{max(days, 0)}天",
                    f"A notice period must be at least {NOTICE_DAYS} days: {start.isoformat()} to "
                    f"{end.isoformat()} is only {max(days, 0)}").in_language(language)
    return None
