"""The rules a public notice (公示) is printed under: its 公示期 and its 监督电话.

Asked by the notice renderer (which refuses a notice that breaks them), the services and the notice
dialog (which says why before anything is printed), so all three speak the same words.
"""

from __future__ import annotations

import datetime as dt

from advisor_app.domain.vocab import CHINESE, Text

PHONE_DIGITS = 5  # 12345 (the government hotline) is the shortest number a notice gives


def complaint_phone_problem(phone: str, language: str = CHINESE) -> str | None:
    """Why ``phone`` cannot be a notice's 监督电话 (blank, or too few digits to be a number), or None;
    in ``language`` (the notice dialog speaks the interface's)."""
    text = phone.strip()
    if not text:
        return Text("请填写监督电话：公示名单必须印有监督电话",
                    "Enter the complaint phone: a public notice must print one").in_language(language)
    if sum(ch.isdigit() for ch in text) < PHONE_DIGITS:
        return Text(f"监督电话“{text}”不像电话号码：至少要有{PHONE_DIGITS}位数字，例如 0551-12345678 或 12345",
                    f"The complaint phone \"{text}\" does not look like a phone number: it needs at least "
                    f"{PHONE_DIGITS} digits, e.g. 0551-12345678 or 12345").in_language(language)
    return None


NOTICE_DAYS = 7  # 公示期: 7 days (《最低生活保障审核确认办法》, 《特困人员认定办法》), both ends counted


def default_notice_end(start: dt.date) -> dt.date:
    """The last day of a 公示期 of :data:`NOTICE_DAYS` days starting ``start``."""
    return start + dt.timedelta(days=NOTICE_DAYS - 1)


def notice_period_problem(start: dt.date, end: dt.date, language: str = CHINESE) -> str | None:
    """Why a 公示期 from ``start`` to ``end`` (both counted) may not be used, or None; in ``language``."""
    days = (end - start).days + 1
    if days < NOTICE_DAYS:
        return Text(f"公示期不得少于{NOTICE_DAYS}天：{start.year}年{start.month}月{start.day}日至"
                    f"{end.year}年{end.month}月{end.day}日只有{max(days, 0)}天",
                    f"A notice period must be at least {NOTICE_DAYS} days: {start.isoformat()} to "
                    f"{end.isoformat()} is only {max(days, 0)}").in_language(language)
    return None
