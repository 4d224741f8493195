"""The rules a public notice (公示) is printed under: its 公示期 and its 监督电话.

Asked by the notice renderer (which refuses a notice that breaks them), the services and the notice
dialog (which says why before anything is printed), so all three speak the same words.
"""

from __future__ import annotations

import datetime as dt

PHONE_DIGITS = 5  # 12345 (the government hotline) is the shortest number a notice gives


def complaint_phone_problem(phone: str) -> str | None:
    """Why ``phone`` cannot be a notice's 监督电话 (blank, or too few digits to be a number), or None."""
    text = phone.strip()
    if not text:
        return "请填写监督电话：公示名单必须印有监督电话"
    if sum(ch.isdigit() for ch in text) < PHONE_DIGITS:
        return f"监督电话“{text}”不像电话号码：至少要有{PHONE_DIGITS}位数字，例如 0551-12345678 或 12345"
    return None


NOTICE_DAYS = 7  # 公示期: 7 days (《最低生活保障审核确认办法》, 《特困人员认定办法》), both ends counted


def default_notice_end(start: dt.date) -> dt.date:
    """The last day of a 公示期 of :data:`NOTICE_DAYS` days starting ``start``."""
    return start + dt.timedelta(days=NOTICE_DAYS - 1)


def notice_period_problem(start: dt.date, end: dt.date) -> str | None:
    """Why a 公示期 from ``start`` to ``end`` (both counted) may not be used, or None."""
    days = (end - start).days + 1
    if days < NOTICE_DAYS:
        return (f"公示期不得少于{NOTICE_DAYS}天：{start.year}年{start.month}月{start.day}日至"
                f"{end.year}年{end.month}月{end.day}日只有{max(days, 0)}天")
    return None
