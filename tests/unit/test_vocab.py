"""The bilingual vocabulary (domain.vocab) and the English of the checks' reasons."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from advisor_app.documents.kinds import FORM_KINDS
from advisor_app.domain import vocab
from advisor_app.domain.interchange import household_from_dict
from advisor_app.domain.vocab import Text
from advisor_app.rules import check_household
from advisor_app.rules.results import ELIGIBLE, INELIGIBLE, NEEDS_INFO, PROTECTION_ORDER
from advisor_app.services.household_list import STATUS_LABELS

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize("kind", sorted(vocab.VOCABULARY))
def test_every_word_has_chinese_and_english(kind: str) -> None:
    words = vocab.VOCABULARY[kind]
    assert words, kind
    for code, word in words.items():
        assert CJK.search(word.zh), f"{kind}.{code}: no Chinese in {word.zh!r}"
        assert word.en.strip() and not CJK.search(word.en), f"{kind}.{code}: English {word.en!r}"
    assert len({w.en for w in words.values()}) == len(words), f"{kind}: two codes share an English word"


def test_lookup_by_kind_code_and_language() -> None:
    assert vocab.label("relation", "spouse", "en") == "Spouse"
    assert vocab.label("relation", "spouse", "zh_CN") == "配偶"
    assert vocab.label("relation", "spouse") == "配偶"  # Chinese unless told otherwise
    assert vocab.label("area", "rural", "en") == "Rural"
    assert vocab.label("disability_grade", 2, "en") == "Grade 2"
    assert vocab.label("status", NEEDS_INFO, "en") == "More information needed"
    assert vocab.label("relation", "neighbour", "en") == "neighbour"  # an unknown code is shown as it is
    assert list(vocab.labels("need_status", "en").items()) == [
        ("open", "Open"), ("referred", "Referred"), ("fulfilled", "Met")]
    assert vocab.label_list("program_short", ["dibao", "dibao_edge"], "zh_CN") == "低保、边缘"
    assert vocab.label_list("program_short", ["dibao", "dibao_edge"], "en") == "Dibao, Near-dibao"
    assert vocab.disability("physical", 1) == Text("肢体残疾一级", "physical disability, grade 1")


def test_the_chinese_mappings_are_the_vocabulary_s() -> None:
    for mapping, kind in ((vocab.RELATIONS, "relation"), (vocab.INCOME_KINDS, "income_kind"),
                          (vocab.WHEREABOUTS, "whereabouts"), (vocab.NEED_STATUSES, "need_status"),
                          (vocab.VISIT_TYPES, "visit_type"), (vocab.AREAS, "area")):
        assert mapping == {code: vocab.label(kind, code) for code in vocab.VOCABULARY[kind]}
    assert vocab.DISABILITY_GRADES == {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def test_programmes_statuses_and_forms_are_all_there() -> None:
    assert set(vocab.VOCABULARY["program"]) == set(PROTECTION_ORDER)
    assert set(vocab.VOCABULARY["program_short"]) == set(PROTECTION_ORDER) == set(STATUS_LABELS)
    assert set(vocab.VOCABULARY["status"]) == {ELIGIBLE, INELIGIBLE, NEEDS_INFO}
    # every printable form has its English title, and the Chinese one is the printed title
    assert {k: w.zh for k, w in vocab.VOCABULARY["form"].items()} == FORM_KINDS


def test_text_joins_in_both_languages() -> None:
    joined = Text("甲", "A") + "1" + Text("乙", "B")
    assert joined == Text("甲1乙", "A1B")
    assert "0" + Text("元", " yuan") == Text("0元", "0 yuan")
    assert vocab.join(vocab.LIST_SEPARATOR, [Text("甲", "A"), Text("乙", "B")]) == Text("甲、乙", "A, B")
    assert joined.in_language("en") == "A1B" and joined.in_language("zh_CN") == "甲1乙"


def _households() -> list[object]:
    found = [household_from_dict(json.loads((DATA / "household_wu.json").read_text(encoding="utf-8")))]
    for path in sorted((DATA / "casebook").glob("*.json")):
        found.append(household_from_dict(json.loads(path.read_text(encoding="utf-8"))["household"]))
    return found


def _user_words(h: object) -> list[str]:
    """What the advisor typed (names, supporters' relations and reasons): shown as typed."""
    words = [m.name for m in h.members]  # type: ignore[attr-defined]
    for s in h.supporters:  # type: ignore[attr-defined]
        words += [s.name, s.relation, s.reason]
    return sorted((w for w in words if w), key=len, reverse=True)


def _without(text: str, words: list[str]) -> str:
    for word in words:
        text = text.replace(word, "")
    return text


def test_every_reason_and_missing_fact_reads_in_english_and_the_chinese_is_unchanged() -> None:
    seen_rules: set[str] = set()
    for h in _households():
        for on in (dt.date(2023, 9, 1), dt.date(2026, 11, 29)):
            for p in check_household(h, on).programs:  # type: ignore[arg-type]
                for r in p.reasons:
                    seen_rules.add(r.rule)
                    assert r.text == f"{r.sentence.zh}（{r.source.zh}）" == r.text_in("zh_CN")
                    english = _without(r.text_in("en"), _user_words(h))
                    assert not CJK.search(english), (r.rule, r.text_in("en"))
                assert p.missing == [m.zh for m in p.missing_facts]
                for m in p.missing_in("en"):
                    assert not CJK.search(_without(m, _user_words(h))), m
    # the sample covers the conditions of every programme, not only a few
    assert {"income_below_standard", "financial_assets", "no_work_ability", "no_able_supporter",
            "parent_unable", "emergency", "amount", "care_level", "household_members"} <= seen_rules
