"""健康状况 (health) and 残疾情况 (disability) as forms and ledgers print them.

One function each, asked by every printed form: the household format records no free-text health
field, so health is derived from what is recorded — the disability (kind and grade), a serious
illness (重病) and lost self-care (the six daily activities). "健康" is printed only when none of them
is recorded; a wheelchair user is never "健康".
"""

from __future__ import annotations

from .household import Member
from .vocab import DISABILITY_GRADES, DISABILITY_KINDS

# Lost daily activities from which a person is "不能自理" (as the 特困 care levels count them).
SELF_CARE_FULL = 4


def disability_text(m: Member) -> str:
    """"肢体残疾一级"; "无" when no disability is recorded."""
    if m.disability is None:
        return "无"
    kind = DISABILITY_KINDS.get(m.disability.kind, m.disability.kind)
    return f"{kind}{DISABILITY_GRADES.get(m.disability.grade, '')}"


def self_care_text(m: Member) -> str:
    """"能自理", "部分丧失" (1–3 activities lost) or "完全丧失" (4 or more)."""
    lost = m.self_care_lost
    return "完全丧失" if lost >= SELF_CARE_FULL else "部分丧失" if lost >= 1 else "能自理"


def health_status(m: Member) -> str:
    """"肢体残疾一级、重病、生活不能自理" — what is recorded, in that order; "健康" when nothing is."""
    parts: list[str] = []
    if m.disability is not None:
        parts.append(disability_text(m))
    if m.serious_illness:
        parts.append("重病")
    if m.self_care_lost >= SELF_CARE_FULL:
        parts.append("生活不能自理")
    elif m.self_care_lost >= 1:
        parts.append("生活部分不能自理")
    return "、".join(parts) or "健康"
