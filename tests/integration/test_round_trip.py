"""Nothing the app can store is refused by its own importer: save → export → import gives it back."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest

from advisor_app.demo.generator import PARTS, DemoGenerator
from advisor_app.domain import idcard, validation, vocab
from advisor_app.domain.household import (
    Assets,
    Disability,
    Emergency,
    Expenses,
    Household,
    Income,
    Member,
    Need,
    Supporter,
    Visit,
)
from advisor_app.services import household_list
from advisor_app.services import households as svc
from advisor_app.services.demo import fill_demo
from advisor_app.services.profile import open_profile


def _export_import(profile: Any, household_id: str, folder: Path) -> None:
    """Export the stored household to a file, import the file, and check nothing changed."""
    before = svc.load_household(profile, household_id)
    path = folder / f"{household_id}.json"
    path.write_text(svc.export_household(profile, household_id), encoding="utf-8")
    imported = svc.import_household(profile, path)
    after = svc.load_household(profile, household_id)
    assert imported.id == household_id
    assert after == before  # same content, same versions: the import changed nothing
    assert svc.read_document(path) == before


@pytest.mark.parametrize("seed", [1, 7, 23])
def test_every_demo_household_comes_back_through_export_and_import(tmp_path: Path, seed: int) -> None:
    profile = open_profile(tmp_path / "profile")
    try:
        assert fill_demo(profile, 300, seed=seed) == 300
        ids = household_list.ids(profile)
        assert len(ids) == 300
        for household_id in ids:
            _export_import(profile, household_id, tmp_path)
        assert svc.count_households(profile) == 300
    finally:
        profile.close()


def _n(area: str, birth: dt.date, sequence: int) -> str:
    return idcard.make(area, birth, sequence)


def _edge_cases() -> list[tuple[str, Household]]:
    x_id, x_id2 = [n for s in range(1, 999) if (n := _n("340104", dt.date(1955, 2, 28), s)).endswith("X")][:2]
    big = Household(region="341202", area="rural", village="王庄村", town="王家坝镇", members=[
        Member(f"王{vocab.RELATIONS[r]}{i}", _n("341202", dt.date(1940 + 6 * i, 1 + i, 1 + i), 10 + i), r)
        for i, r in enumerate(["head", "spouse", "child", "child", "child", "parent", "parent", "grandchild",
                               "grandchild", "grandparent", "sibling", "other"])])
    punctuation = Household(
        region="340104", area="urban", address="安徽省合肥市蜀山区“幸福里”小区（东门）3栋——201室；",
        village="莲花社区", town="莲花街道", phone="0551-6288 1234", notes="《低保》材料：已交！还缺？、……",
        members=[Member("阿依古丽·买买提", x_id, "head", ethnicity="维吾尔族", occupation="个体（小吃店）",
                        phone="138-0000-0000")],
        visits=[Visit("discovery", dt.date(2026, 3, 1), ["周明"], "邻居反映：“老人独居，冬天很冷。”\n第二行；第三行。",
                      follow_up="联系村委会，核实“独居”情况")])
    care = Household(
        region="340104", area="urban", village="莲花社区",
        members=[Member("张桂兰", _n("340104", dt.date(1938, 6, 1), 22), "head",
                        disability=Disability("multiple", 1), serious_illness=True, self_care_lost=4,
                        self_care_items=["eating", "dressing", "toileting", "bathing"],
                        incomes=[Income(kind, 10.0 * (j + 1) + 0.05) for j, kind in enumerate(vocab.INCOME_KINDS)]),
                 Member("张小军", _n("340104", dt.date(1980, 1, 1), 31), "child", whereabouts="prison",
                        months_away=36, self_care_lost=2)],
        assets=Assets(financial=123456.78, vehicles=2, extra_houses=1),
        supporters=[Supporter("张大军", able=False, reason="本人重度残疾（一级）", relation="子女",
                              id_number=_n("320102", dt.date(1962, 3, 3), 13), phone="13900000000"),
                    Supporter("张二妹", able=True, relation="子女"), Supporter("张三弟", able=False, reason="失联")],
        expenses=Expenses(medical_selfpaid_12m=38888.8, education_12m=0.01),
        emergency=Emergency("fire", dt.date(2026, 10, 30)),
        visits=[Visit(kind, dt.date(2026, 1 + i, 10), ["周明", "孙丽"], f"第{i + 1}次",
                      [Need(c, f"{vocab.NEED_CATEGORIES[c]}：{vocab.NEED_STATUSES[s]}", s)
                       for c, s in itertools.product(vocab.NEED_CATEGORIES, vocab.NEED_STATUSES)],
                      dt.date(2026, 1 + i, 10) if i % 2 else None, "跟进")
                for i, kind in enumerate(vocab.VISIT_TYPES)])
    untidy = Household(
        region="340104", area="rural", village=" 杏花村 ", address="\t某地 ",
        members=[Member(" 李 四 ", _n("340104", dt.date(1950, 1, 1), 51), "head")],
        supporters=[Supporter(" 李五 ", True, id_number=_n("340104", dt.date(1970, 7, 7), 1))],
        visits=[Visit("investigation", dt.date(2026, 5, 5), [" 王芳", "李强 "], " 备注 \n",
                      [Need("goods", " 棉被 ")], dt.date(2026, 6, 5))])
    with_x_lower = Household(region="340104", area="urban", members=[Member("陈默", x_id2.lower(), "head")])
    preset = Household(region="340104", area="urban", id="0f8fad5b-d9cb-469f-a165-70867728950e",
                       members=[Member("赵一", _n("340104", dt.date(1990, 9, 9), 71), "head")])
    return [("no visits, one member", Household(region="340104", area="rural", members=[
                Member("孙一", _n("340104", dt.date(1949, 12, 31), 1), "head")])),
            ("twelve members", big), ("Chinese punctuation, X in the ID number", punctuation),
            ("care, supporters, emergency, assets, every visit type with needs", care),
            ("text with spaces around it", untidy), ("lower-case x", with_x_lower),
            ("an id given in advance", preset)]


def test_edge_cases_come_back_through_save_export_and_import(profile: Any, tmp_path: Path) -> None:
    cases = _edge_cases()
    for name, household in cases:
        assert validation.household_problems(household) == [], name
        saved = svc.save_household(profile, household)
        assert saved.id is not None
        _export_import(profile, saved.id, tmp_path)
        stored = svc.load_household(profile, saved.id)
        assert stored == saved, name  # what was saved is what is stored (tidied first)
    assert svc.count_households(profile) == len(cases)


def test_the_demo_generator_makes_only_valid_households_and_never_one_person_twice() -> None:
    numbers: dict[int, set[str]] = {}
    for seed, part in itertools.product((1, 2, 3, 7), range(0, PARTS, 6)):
        seen = numbers.setdefault(seed, set())
        for h in DemoGenerator(seed, part=part).households(400):
            assert validation.household_problems(h) == [], (seed, part, h)
            for m in h.members:
                assert m.id_number not in seen
                seen.add(m.id_number)
    assert sum(map(len, numbers.values())) > 4 * 5 * 400
