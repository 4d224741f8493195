"""The words a village roster (名册) uses, read as the app's codes.

A roster is one row per person, as the provincial system exports it (农村低保家庭查询, 人员查询) or a
village keeps it by hand. Its cells say 与户主关系 in many ways (妻, 长子, 外孙女 …), the programme a
household receives (保障类别: 农村低保, 分散供养特困 …), the disability (肢体残疾二级, or kind and grade
in two columns) and the health (健康 / 一般 / 重病). Each function here gives the code, or raises
:class:`RosterWordError` saying which words it knows.

Plain rules: no database, no spreadsheet library.
"""

from __future__ import annotations

import re

from . import vocab
from .errors import DomainError
from .limits import ascii_digits


class RosterWordError(DomainError):
    """A cell whose word the roster import does not know (the message lists the words it does)."""


def _key(word: str) -> str:
    return re.sub(r"[\s\u3000（）()、，,/]+", "", ascii_digits(word))


_RELATIONS: dict[str, str] = {}
for _code, _words in {
    "head": "户主 本人 户主本人",
    "spouse": "配偶 妻 妻子 夫 丈夫 之妻 之夫 爱人 老伴",
    "child": "子女 子 女 儿子 女儿 长子 次子 三子 四子 长女 次女 三女 四女 独子 独女 养子 养女 继子 继女 之子 之女",
    "parent": "父母 父 母 父亲 母亲 之父 之母 养父 养母 继父 继母",
    "grandchild": "孙子女 孙子 孙女 外孙 外孙子 外孙女 孙 之孙 之孙女",
    "grandparent": "祖父母 祖父 祖母 外祖父 外祖母 爷爷 奶奶 外公 外婆 外祖父母",
    "sibling": "兄弟姐妹 兄 弟 姐 妹 哥哥 弟弟 姐姐 妹妹 兄弟 姐妹",
    "child_in_law": "儿媳女婿 儿媳 女婿 媳 儿媳妇 媳妇",
    "other": "其他 其它 其他亲属 其他关系 侄子 侄女 外甥 外甥女 孙媳 曾孙 曾孙女",
    "lodger": "同住无赡养关系 非亲属 寄住",
}.items():
    for _word in _words.split():
        _RELATIONS[_word] = _code
for _code, _label in vocab.RELATIONS.items():
    _RELATIONS[_key(_label)] = _code
    _RELATIONS[_code] = _code

_PROGRAMS: dict[str, str] = {}
for _code, _words in {
    "dibao": "低保 农村低保 城市低保 城镇低保 最低生活保障 农村最低生活保障 城市最低生活保障 低保户 低保对象",
    "dibao_edge": "低保边缘 低边 低保边缘家庭 低保边缘户 低收入 低收入家庭",
    "dibao_single": "单人保 单人户 单人户施保 单独施保 单列户",
    "tekun": "特困 特困供养 特困人员 特困供养人员 分散供养特困 集中供养特困 分散供养 集中供养 五保 农村五保 五保户",
    "unsupported_child": "事实无人抚养儿童 无人抚养儿童",
    "temporary": "临时救助",
    "rigid_expense": "刚性支出困难家庭 刚性支出 支出型困难家庭",
}.items():
    for _word in _words.split():
        _PROGRAMS[_word] = _code
for _code, _label in vocab.PROGRAMS.items():
    _PROGRAMS[_key(_label)] = _code
    _PROGRAMS[_code] = _code

MEMBER_PROGRAMS = frozenset({"tekun", "dibao_single", "unsupported_child"})
"""Programmes that are a person's own (the receipt names the member); the others are the household's."""

NONE_WORDS = frozenset({"无", "否", "没有", "非", "未享受", "不享受", "—", "-", "/", "无残疾", "健全", "正常"})

_GRADES = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_KINDS = {"多重": "multiple", "肢体": "physical", "视力": "visual", "盲": "visual", "听力": "hearing", "聋": "hearing",
          "言语": "speech", "语言": "speech", "智力": "intellectual", "精神": "psychiatric"}

_ILL = ("重病", "大病", "重大疾病", "重特大疾病", "患重病", "严重疾病", "癌", "尿毒症", "白血病")
_WELL = ("健康", "良好", "一般", "较好", "好", "体弱", "慢性病", "患病", "长期慢性病", "残疾", "其他")


def _choices(words: dict[str, str]) -> str:
    return "、".join(dict.fromkeys(vocab.label("relation", c) if words is _RELATIONS else vocab.label("program", c)
                                   for c in words.values()))


def relation(word: str) -> str:
    """与户主关系 as a ``vocab.RELATIONS`` code: 户主/本人 → head, 妻 → spouse, 长子 → child …"""
    code = _RELATIONS.get(_key(word))
    if code is None:
        raise RosterWordError(f"与户主关系“{word}”看不懂，可填：{_choices(_RELATIONS)}")
    return code


def program(word: str) -> str | None:
    """保障类别 as a ``vocab.PROGRAMS`` code (None for 无 / 否 / blank)."""
    key = _key(word)
    if not key or key in NONE_WORDS:
        return None
    code = _PROGRAMS.get(key)
    if code is None:
        for suffix in ("对象", "人员", "家庭", "户"):  # 农村低保对象, 特困供养人员 …
            code = _PROGRAMS.get(key.removesuffix(suffix))
            if code is not None:
                break
    if code is None:
        raise RosterWordError(f"保障类别“{word}”看不懂，可填：{_choices(_PROGRAMS)}")
    return code


def area(word: str) -> str:
    """户籍性质 as ``urban`` / ``rural``."""
    key = _key(word)
    if "农" in key:
        return "rural"
    if "城" in key or "非农" in key or "居民" in key:
        return "urban"
    raise RosterWordError(f"户籍性质“{word}”看不懂，可填：城镇、农村")


def disability_grade(word: str) -> int:
    """残疾等级: 一级 / 1级 / 1 / 二 … → 1..4."""
    key = _key(word).removeprefix("残疾").removesuffix("级")
    grade = _GRADES.get(key)
    if grade is None:
        raise RosterWordError(f"残疾等级“{word}”看不懂，可填：一级、二级、三级、四级")
    return grade


def disability(kind_word: str, grade_word: str = "") -> tuple[str, int] | None:
    """残疾类别 (and 残疾等级, or both in one cell: 肢体残疾二级, 视力2级) → (kind code, grade);
    None when the cells say there is none (无, 否, blank)."""
    key, grade_key = _key(kind_word), _key(grade_word)
    if (not key or key in NONE_WORDS) and (not grade_key or grade_key in NONE_WORDS):
        return None
    kind = next((code for word, code in _KINDS.items() if word in key), None)
    if kind is None:
        kinds = "、".join(vocab.DISABILITY_KINDS.values())
        raise RosterWordError(f"残疾类别“{kind_word}”看不懂，可填：{kinds}")
    if grade_key:
        return kind, disability_grade(grade_word)
    match = re.search(r"([一二三四1-4])级?$", key)
    if match is None:
        raise RosterWordError(f"残疾“{kind_word}”没有写等级：请写明一级到四级")
    return kind, _GRADES[match.group(1)]


def seriously_ill(word: str) -> bool | None:
    """健康状况: True for 重病 / 大病 …, False for 健康 / 一般 / 慢性病 …, None when blank."""
    key = _key(word)
    if not key:
        return None
    if any(w in key for w in _ILL):
        return True
    if key in NONE_WORDS or any(w in key for w in _WELL):
        return False
    raise RosterWordError(f"健康状况“{word}”看不懂，可填：健康、一般、重病")


# 劳动能力 as the provincial systems write it: "none" (无劳动能力), "partial" (部分丧失, 弱劳动力 …), "able".
_LABOUR_PARTIAL = ("部分丧失", "部分劳动", "弱劳动", "半劳动", "劳动能力弱", "劳动能力较弱")
_LABOUR_NONE = ("无劳动", "丧失劳动", "没有劳动", "完全丧失", "不具备劳动", "无劳力", "丧失劳力")
_LABOUR_ABLE = ("有劳动", "普通劳动", "技能劳动", "健全劳动", "劳动力", "具备劳动", "有劳力", "正常劳动")


def labour(word: str) -> str | None:
    """劳动能力: ``none`` (无劳动能力, 丧失劳动能力 …), ``partial`` (部分丧失劳动能力, 弱劳动力, 半劳动力),
    ``able`` (有劳动能力, 普通劳动力, 技能劳动力 …); None when blank."""
    key = _key(word)
    if not key:
        return None
    if any(w in key for w in _LABOUR_PARTIAL):
        return "partial"
    if any(w in key for w in _LABOUR_NONE) or key in {"无", "否", "丧失"}:
        return "none"
    if any(w in key for w in _LABOUR_ABLE) or key in {"有", "是", "健全"}:
        return "able"
    raise RosterWordError(f"劳动能力“{word}”看不懂，可填：有劳动能力、部分丧失劳动能力、无劳动能力")


__all__ = ["MEMBER_PROGRAMS", "RosterWordError", "area", "disability", "disability_grade", "labour", "program",
           "relation", "seriously_ill"]
