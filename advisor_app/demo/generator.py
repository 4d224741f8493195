"""Deterministic synthetic households for demos, tests and benchmarks.

The mix follows what advisors meet: elderly people living alone, elderly couples, families with
children, single parents, grandparents raising grandchildren, disabled adults cared for by parents,
with plausible incomes for town and country, some disabilities, serious illness and lost self-care,
a few members in prison or out of contact, and visits with needs. Same seed → same households.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import random
from collections.abc import Iterator

from advisor_app.domain import idcard
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
from advisor_app.domain.vocab import SELF_CARE_ITEMS

from . import names, places

_SELF_CARE = list(SELF_CARE_ITEMS)
_DISABILITY_KINDS = ["physical", "physical", "physical", "visual", "hearing", "speech", "intellectual",
                     "psychiatric", "multiple"]
_ILL_REASONS = ["本人低保且年满60周岁", "本人重度残疾", "年满70周岁且收入低于当地人均可支配收入", "本人患重病",
                "长期在外务工，收入微薄"]
_NEEDS = {
    "cash": ["医疗费用负担重，申请临时救助", "孩子学费有困难", "冬季取暖费用", "房屋漏雨需要维修资金"],
    "goods": ["需要轮椅一台", "冬衣、棉被", "米面油等生活物资", "助听器", "学习用品"],
    "service": ["每周一次家务清洁", "孩子课业辅导", "老人日常照料", "心理疏导", "代办医保报销", "就业技能培训"],
}
_INVESTIGATORS = ["周明", "孙丽", "胡建国", "李晓燕", "郑涛", "王芳", "陈静", "杨帆"]
_VISIT_NOTES = ["家中卫生状况一般，房屋为自建砖房。", "老人独居，子女在外务工，每月电话联系。",
                "孩子在校成绩良好，家长身体欠佳。", "家中有慢性病患者，长期服药。", "住房老旧，冬季保暖不足。"]


PARTS = 25
"""Generators for different ``part`` numbers (mod PARTS) never make the same ID number, because each
part draws its sequence numbers from its own class; so parts can be generated in parallel."""


class DemoGenerator:
    def __init__(self, seed: int = 1, today: dt.date | None = None, *, part: int = 0) -> None:
        self.rng = random.Random(f"advisor-demo/{seed}/{part}")
        self.today = today or dt.date(2026, 11, 1)
        self._sequence_classes = list(range(part % PARTS, 500, PARTS))
        self._used: set[str] = set()
        self._regions = list(places.REGIONS)
        self._region_cum = list(itertools.accumulate(places.WEIGHTS[c] for c in self._regions))
        self._surname_cum = list(itertools.accumulate(1 / (i + 8) for i in range(len(names.SURNAMES))))
        self._towns: dict[str, list[str]] = {}

    # -- people ---------------------------------------------------------------------------------
    def _name(self, sex: str, birth_year: int, surname: str | None = None) -> str:
        rng = self.rng
        surname = surname or rng.choices(names.SURNAMES, cum_weights=self._surname_cum)[0]
        old = birth_year < 1965
        pool = ((names.OLD_MALE_CHARS if old else names.MALE_CHARS) if sex == "male"
                else (names.OLD_FEMALE_CHARS if old else names.FEMALE_CHARS))
        given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
        return surname + given

    def _id_number(self, region: str, birth: dt.date, sex: str) -> str:
        """A number no earlier person of this generator (or of another part) has."""
        classes = self._sequence_classes
        while True:
            start = self.rng.randrange(len(classes))
            for j in range(len(classes)):
                k = classes[(start + j) % len(classes)]
                number = idcard.make(region, birth, 2 * k + 1 if sex == "male" else 2 * k)  # odd = male
                if number not in self._used:
                    self._used.add(number)
                    return number
            birth += dt.timedelta(days=1)  # every sequence of this day is taken (practically never)

    def _birth(self, age_low: int, age_high: int) -> dt.date:
        age = self.rng.randint(age_low, age_high)
        day = self.rng.randint(0, 364)
        return dt.date(self.today.year - age - 1, 1, 1) + dt.timedelta(days=day)

    def _person(self, region: str, relation: str, age: tuple[int, int], sex: str | None = None,
                surname: str | None = None, area: str = "rural") -> Member:
        rng = self.rng
        sex = sex or rng.choice(("male", "female"))
        birth = self._birth(*age)
        years = idcard.age_on(birth, self.today)
        m = Member(name=self._name(sex, birth.year, surname), id_number=self._id_number(region, birth, sex),
                   relation=relation)
        roll = rng.random()
        if roll < 0.09:
            m.disability = Disability(rng.choice(_DISABILITY_KINDS), rng.choices((1, 2, 3, 4), (2, 3, 3, 2))[0])
        m.serious_illness = rng.random() < (0.12 if years >= 60 else 0.03)
        if years >= 70 or (m.disability and m.disability.grade <= 2):
            lost = rng.choices((0, 1, 2, 3, 4, 5, 6), (50, 10, 8, 6, 6, 5, 5))[0]
            m.self_care_lost = lost
            m.self_care_items = rng.sample(_SELF_CARE, lost) if rng.random() < 0.5 else []
        m.student = 6 <= years <= 22 and rng.random() < 0.92
        if 18 <= years < 60 and rng.random() < 0.015:
            m.whereabouts = rng.choice(("prison", "prison", "drug_rehab", "missing"))
            m.months_away = rng.randint(3, 60)
        m.incomes = self._incomes(m, years, area)
        m.ethnicity = "汉族" if rng.random() < 0.98 else "回族"
        return m

    def _incomes(self, m: Member, years: int, area: str) -> list[Income]:
        rng = self.rng
        out: list[Income] = []
        able = m.whereabouts == "home" and not (m.disability and m.disability.grade <= 2) and not m.student
        if 18 <= years < 60 and able:
            if rng.random() < 0.75:
                base = 2600 if area == "urban" else 1500
                out.append(Income("wage", float(round(rng.uniform(0.2, 1.6) * base, -1))))
            if area == "rural" and rng.random() < 0.5:
                out.append(Income("business", float(round(rng.uniform(100, 900), -1))))
        if years >= 60:
            if area == "urban" and rng.random() < 0.5:
                out.append(Income("pension_other", float(round(rng.uniform(1200, 3200), -1))))
            else:
                out.append(Income("pension_basic", float(rng.choice((153, 163, 173, 188)))))
            if rng.random() < 0.15:
                out.append(Income("transfer", float(round(rng.uniform(100, 600), -1))))
        if m.student and rng.random() < 0.1:
            out.append(Income("scholarship", float(rng.choice((100, 150, 200)))))
        if rng.random() < 0.03:
            out.append(Income("preferential_care", float(round(rng.uniform(300, 1200), -1))))
        if rng.random() < 0.04:
            out.append(Income("property", float(round(rng.uniform(50, 800), -1))))
        return out

    # -- households ---------------------------------------------------------------------------
    def _place(self, region: str, area: str) -> tuple[str, str, str]:
        rng = self.rng
        towns = self._towns.setdefault(region, rng.sample(places.TOWN_STEMS, 4))
        town = rng.choice(towns)
        town_name = town + ("街道" if area == "urban" else "镇")
        village = rng.choice(places.VILLAGE_STEMS) + ("社区" if area == "urban" else "村")
        city, county, _ = places.REGIONS[region]
        if area == "urban":
            address = f"安徽省{city}{county}{town_name}{rng.choice(places.STREETS)}{rng.randint(1, 300)}号" \
                      f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}0{rng.randint(1, 4)}室"
        else:
            address = f"安徽省{city}{county}{town_name}{village}{rng.choice('东西南北')}组{rng.randint(1, 99)}号"
        return town_name, village, address

    def household(self) -> Household:
        rng = self.rng
        region = rng.choices(self._regions, cum_weights=self._region_cum)[0]
        area = "rural" if rng.random() < places.REGIONS[region][2] else "urban"
        town, village, address = self._place(region, area)
        h = Household(region=region, area=area, address=address, village=village, town=town)
        kind = rng.choices(("alone", "couple_old", "family", "single_parent", "left_behind", "disabled_adult"),
                           (22, 14, 34, 10, 10, 10))[0]
        p = functools.partial(self._person, region, area=area)
        if kind == "alone":
            head = p("head", (60, 95))
            h.members = [head]
            h.supporters = [Supporter(self._name(rng.choice(("male", "female")), 1975), able, reason, "子女")
                            for able, reason in self._supporter_facts(rng.randint(0, 3))]
        elif kind == "couple_old":
            head = p("head", (60, 90), sex="male")
            h.members = [head, p("spouse", (58, 88), sex="female")]
            h.supporters = [Supporter(self._name("male", 1978, head.name[0]), able, reason, "子女")
                            for able, reason in self._supporter_facts(rng.randint(0, 2))]
        elif kind == "family":
            head = p("head", (28, 55), sex="male")
            h.members = [head, p("spouse", (26, 53), sex="female")]
            h.members += [p("child", (0, 20), surname=head.name[0]) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
            if rng.random() < 0.3:
                h.members.append(p("parent", (60, 85), surname=head.name[0]))
        elif kind == "single_parent":
            head = p("head", (26, 50))
            h.members = [head] + [p("child", (1, 17), surname=head.name[0]) for _ in range(rng.choice((1, 1, 2)))]
        elif kind == "left_behind":
            head = p("head", (58, 80), sex="male")
            h.members = [head, p("spouse", (56, 78), sex="female")]
            h.members += [p("grandchild", (3, 15), surname=head.name[0]) for _ in range(rng.choice((1, 2)))]
            h.supporters = [Supporter(self._name("male", 1985, head.name[0]), able, reason, "子女")
                            for able, reason in self._supporter_facts(1)]
        else:
            head = p("head", (50, 78), sex="male")
            h.members = [head, p("spouse", (48, 76), sex="female")]
            child = p("child", (18, 45), surname=head.name[0])
            child.disability = Disability(rng.choice(("intellectual", "psychiatric", "physical")), rng.choice((1, 2)))
            child.incomes = []
            h.members.append(child)
        h.assets = Assets(financial=float(round(rng.expovariate(1 / 9000), -2)),
                          vehicles=1 if rng.random() < 0.08 else 0,
                          extra_houses=1 if rng.random() < 0.04 else 0)
        ill = any(m.serious_illness for m in h.members)
        h.expenses = Expenses(
            medical_selfpaid_12m=float(round(rng.uniform(3000, 40000) if ill else rng.uniform(0, 2000), -1)),
            education_12m=float(round(rng.uniform(0, 6000), -1)) if any(m.student for m in h.members) else 0.0)
        if rng.random() < 0.03:
            h.emergency = Emergency(rng.choice(("accident", "fire", "disaster", "illness")),
                                    self.today - dt.timedelta(days=rng.randint(1, 60)))
        h.phone = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
        h.visits = self._visits()
        return h

    def _supporter_facts(self, n: int) -> list[tuple[bool, str]]:
        out = []
        for _ in range(n):
            able = self.rng.random() < 0.6
            out.append((able, "" if able else self.rng.choice(_ILL_REASONS)))
        return out

    def _visits(self) -> list[Visit]:
        rng = self.rng
        visits = []
        for i in range(rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0]):
            kind = "discovery" if i == 0 else rng.choice(("investigation", "return", "review", "care"))
            date = self.today - dt.timedelta(days=rng.randint(5, 400))
            team = rng.sample(_INVESTIGATORS, 2 if kind == "investigation" else rng.choice((1, 2)))
            needs = []
            for _ in range(rng.choices((0, 1, 2), (40, 45, 15))[0]):
                category = rng.choice(tuple(_NEEDS))
                needs.append(Need(category, rng.choice(_NEEDS[category]),
                                  rng.choices(("open", "referred", "fulfilled"), (5, 2, 3))[0]))
            next_visit = date + dt.timedelta(days=rng.choice((30, 90, 180, 365)))
            visits.append(Visit(kind, date, team, rng.choice(_VISIT_NOTES), needs, next_visit))
        visits.sort(key=lambda v: v.date)
        return visits

    def households(self, count: int) -> Iterator[Household]:
        for _ in range(count):
            yield self.household()
