"""Pinyin initials of Chinese names, for search as you type ("wxx" finds 吴晓霞).

Names repeat the same few thousand characters, so each character's initial is cached; that makes
computing initials for 100,000 names cheap. Characters that are not Chinese are kept lower-cased.

pypinyin (its phrase dictionary takes about 0.2 s to load) is imported the first time a Chinese
character's initial is asked for, not when this module is: a command that never computes initials
(``advisor-app household list``, ``check``) does not pay for it.
"""

from __future__ import annotations

from functools import lru_cache

# Surnames whose reading differs from the character's most common reading.
_SURNAME_READINGS = {"单": "s", "曾": "z", "解": "x", "仇": "q", "区": "o", "查": "z", "朴": "p",
                     "盖": "g", "尉": "y", "乐": "y", "覃": "q", "翟": "z", "繁": "p", "缪": "m"}


@lru_cache(maxsize=20000)
def _initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    from pypinyin import Style, pinyin

    reading = pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return reading[0][0].lower() if reading and reading[0] else ""


def initials(name: str) -> str:
    """``"吴晓霞"`` → ``"wxx"``; the first character is read as a surname."""
    name = name.strip()
    if not name:
        return ""
    first = _SURNAME_READINGS.get(name[0]) or _initial(name[0])
    return first + "".join(_initial(c) for c in name[1:])
