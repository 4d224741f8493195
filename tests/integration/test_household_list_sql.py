"""The household list's SQL on a real profile: search kinds, sorting, paging, statuses.

Every test runs twice: with the SQLite speed-ups (index hints, ``instr``, the driver's cursor) and
on the portable path that other databases use.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor_app.domain.household import Income, Visit
from advisor_app.domain.pinyin import initials
from advisor_app.rules.results import PROTECTION_ORDER
from advisor_app.services import eligibility, households
from advisor_app.services import household_list as hl
from advisor_app.store import household_list as store_list

ON = dt.date(2026, 11, 1)


@pytest.fixture(autouse=True, params=["sqlite-speedups", "portable"])
def sql_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(store_list, "SQLITE_SPEEDUPS", request.param == "sqlite-speedups")
    return str(request.param)


def all_rows(profile: Any) -> list[hl.HouseholdListRow]:
    return hl.rows(profile, hl.ids(profile))


def test_default_order_is_village_then_head(demo_profile: Any) -> None:
    rows = all_rows(demo_profile)
    assert len(rows) == 60 == hl.count(demo_profile)
    keys = [(r.village, r.head_name) for r in rows]
    assert keys == sorted(keys)
    assert [r.id for r in hl.page(demo_profile, offset=10, limit=5)] == [r.id for r in rows[10:15]]


@pytest.mark.parametrize("sort", hl.SORT_KEYS)
def test_every_sort_key_orders_all_households(demo_profile: Any, sort: str) -> None:
    up, down = hl.ids(demo_profile, "", sort), hl.ids(demo_profile, "", sort, True)
    assert sorted(up) == sorted(down) and len(up) == 60


def test_member_count_sort(demo_profile: Any) -> None:
    counts = [r.member_count for r in hl.rows(demo_profile, hl.ids(demo_profile, "", "member_count", True))]
    assert counts == sorted(counts, reverse=True)


def test_pinyin_initials_match_the_start(demo_profile: Any) -> None:
    rows = all_rows(demo_profile)
    query = initials(rows[5].head_name)
    found = hl.rows(demo_profile, hl.ids(demo_profile, query.upper()))
    assert rows[5].id in [r.id for r in found]
    assert {r.id for r in found} == {r.id for r in rows if initials(r.head_name).startswith(query)}


def test_id_number_end_matches_any_member(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[12])
    number = household.members[-1].id_number
    for n in (4, 8, 18):
        assert household.id in hl.ids(demo_profile, number[-n:].lower())
    assert household.id not in hl.ids(demo_profile, "9" + number[-17:]) or number[0] == "9"


def test_name_part_matches_any_member_and_village_too(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[30])
    member = household.members[-1]
    assert household.id in hl.ids(demo_profile, member.name[1:])
    by_village = hl.ids(demo_profile, household.village)
    assert household.id in by_village
    assert all(household.village in r.village or r.town for r in hl.rows(demo_profile, by_village))


def test_a_single_digit_or_character_stays_narrow(demo_profile: Any) -> None:
    assert len(hl.ids(demo_profile, "3")) == 60  # one digit: no ID-number filter yet
    rows = all_rows(demo_profile)
    village = rows[0].village
    assert village.endswith(("村", "社区"))
    one_char = village[-1]
    found = hl.ids(demo_profile, one_char)
    for household_id in found:  # one character: names only, not every 村
        names = [m.name for m in households.load_household(demo_profile, household_id).members]
        assert any(one_char in n for n in names)
    assert len(found) < len(hl.ids(demo_profile, village[-2:])) or len(village) < 2


NAMES = ("阿依古丽·买买提", "欧阳晓霞", "司马相如", "晓𠇔", "𠇔晓霞", "吴")


def test_a_name_part_is_found_wherever_it_stands(demo_profile: Any) -> None:
    # Names of every length: the part at each place (1–4 on their own indexes, later ones among the
    # long names), a rare character (outside the basic plane) right after the part.
    listed = hl.ids(demo_profile)
    for n, name in enumerate(NAMES):
        household = households.load_household(demo_profile, listed[n * 3])
        household.members[-1].name = name
        households.save_household(demo_profile, household)
    everyone = [households.load_household(demo_profile, h) for h in hl.ids(demo_profile)]
    for name in NAMES:
        for start in range(len(name)):
            for end in range(start + 1, min(len(name), start + 3) + 1):
                part = name[start:end]
                if part.isdigit() or part.isascii():
                    continue
                expected = {h.id for h in everyone if any(part in m.name for m in h.members)
                            or (len(part) > 1 and (part in h.village or part in h.town))}
                assert set(hl.ids(demo_profile, part)) == expected, part


def test_a_part_of_a_village_or_town_finds_its_households(demo_profile: Any) -> None:
    listed = hl.ids(demo_profile)
    moved = households.load_household(demo_profile, listed[5])
    moved.village, moved.town = "新建村", "远山镇"  # a place of its own, first and last in order
    households.save_household(demo_profile, moved)
    gone = households.load_household(demo_profile, listed[9])
    gone.village = "拆迁村"  # only a deleted household lives there
    households.save_household(demo_profile, gone)
    households.delete_household(demo_profile, gone.id)
    everyone = [households.load_household(demo_profile, h) for h in hl.ids(demo_profile)]
    places = {h.village for h in everyone} | {h.town for h in everyone} | {"拆迁村"}
    for place in places:
        for start in range(len(place) - 1):
            part = place[start:start + 2]
            expected = {h.id for h in everyone if part in h.village or part in h.town
                        or any(part in m.name for m in h.members)}
            assert set(hl.ids(demo_profile, part)) == expected, part
    assert hl.ids(demo_profile, "拆迁") == []


def test_words_must_all_match(demo_profile: Any) -> None:
    household = households.load_household(demo_profile, hl.ids(demo_profile)[7])
    both = hl.ids(demo_profile, f"{household.village} {household.members[0].id_number[-4:]}")
    assert household.id in both
    assert set(both) <= set(hl.ids(demo_profile, household.village))
    assert hl.ids(demo_profile, "这个名字不存在") == []


def test_deleted_households_are_not_listed(demo_profile: Any) -> None:
    gone = hl.ids(demo_profile)[0]
    households.delete_household(demo_profile, gone)
    assert gone not in hl.ids(demo_profile) and hl.count(demo_profile) == 59
    assert hl.rows(demo_profile, [gone]) == []  # a list still showing it gets no row for it


def test_latest_visit_and_next_review(demo_profile: Any) -> None:
    household_id = hl.ids(demo_profile)[3]
    households.save_visit(demo_profile, household_id, Visit(
        type="review", date=dt.date(2031, 5, 1), investigators=["王芳"], next_visit=dt.date(2032, 5, 1)))
    row = hl.rows(demo_profile, [household_id])[0]
    assert row.last_visit == dt.date(2031, 5, 1) and row.next_review == dt.date(2032, 5, 1)
    assert hl.ids(demo_profile, "", "last_visit", True)[0] == household_id


def _eligible(profile: Any) -> dict[str, list[str]]:
    """Household id → its eligible programmes on ON (a live check), for households with any."""
    out = {}
    for household_id in hl.ids(profile):
        result = eligibility.check(households.load_household(profile, household_id), ON)
        found = {p.program for p in result.programs if p.status == "eligible"}
        if found:
            out[household_id] = [p for p in PROTECTION_ORDER if p in found]
    return out


def test_status_comes_from_a_current_screening(demo_profile: Any) -> None:
    expected = _eligible(demo_profile)
    assert len(expected) > 3
    assert all(r.status == "" for r in all_rows(demo_profile))  # never screened
    eligibility.screen(demo_profile, ON)
    for row in all_rows(demo_profile):
        assert row.status == "、".join(hl.STATUS_LABELS[p] for p in expected.get(row.id, []))
    by_status = hl.ids(demo_profile, "", "status")
    with_status = [i for i in by_status if i in expected]
    assert by_status[:len(with_status)] == with_status  # households with a status first
    order = [PROTECTION_ORDER.index(expected[i][0]) for i in with_status]
    assert order == sorted(order)
    down = hl.ids(demo_profile, "", "status", True)
    assert set(down[:len(by_status) - len(with_status)]) == set(by_status) - set(with_status)


def test_a_change_after_screening_clears_the_status(demo_profile: Any) -> None:
    expected = _eligible(demo_profile)
    eligibility.screen(demo_profile, ON)
    household_id = next(i for i, programs in expected.items() if "dibao" in programs)
    household = households.load_household(demo_profile, household_id)
    household.members[0].incomes = [Income("wage", 50_000)]
    households.save_household(demo_profile, household)
    assert hl.rows(demo_profile, [household_id])[0].status == ""
    by_status = hl.ids(demo_profile, "", "status")
    assert set(by_status[:len(expected) - 1]) == set(expected) - {household_id}  # the others with a status
    other = next(i for i in expected if i != household_id)
    assert hl.rows(demo_profile, [other])[0].status != ""


def test_the_ranking_is_the_callers(demo_profile: Any) -> None:
    eligibility.screen(demo_profile, ON)
    expected = _eligible(demo_profile)
    several = next(i for i, programs in expected.items() if len(programs) > 1)
    since = eligibility.result_freshness(demo_profile).since
    assert since is not None
    backwards = tuple(reversed(PROTECTION_ORDER))
    with demo_profile.connection() as conn:
        row = store_list.rows(conn, [several], ranking=backwards)[0]
        unranked = store_list.rows(conn, [several], ranking=())[0]
        by_rank = store_list.ids(conn, "", "status", status=store_list.StatusQuery(backwards, since))
        unsorted = store_list.ids(conn, "", "status", status=store_list.StatusQuery(backwards, None))
    assert list(row.programs) == list(reversed(expected[several]))
    assert list(unranked.programs) == sorted(expected[several])
    last_ranks = [backwards.index(expected[i][-1]) for i in by_rank if i in expected]
    assert last_ranks == sorted(last_ranks)  # sorted by the caller's first (here: least protective)
    assert unsorted == hl.ids(demo_profile)  # no current result: the list order


def test_demo_flag(profile: Any) -> None:
    assert not hl.is_demo_profile(profile)
    from advisor_app.services.demo import fill_demo

    fill_demo(profile, 3, seed=2)
    assert hl.is_demo_profile(profile)


AGREED = dt.date(2027, 1, 10)


def _unvisited(profile: Any, n: int) -> list[str]:
    return [r.id for r in all_rows(profile) if r.last_visit is None][:n]


def _visit(profile: Any, household_id: str, day: dt.date, next_visit: dt.date | None = None) -> None:
    households.save_visit(profile, household_id, Visit(
        type="return", date=day, investigators=["王芳"], next_visit=next_visit))


def _review_order(profile: Any, *household_ids: str) -> list[str]:
    return [i for i in hl.ids(profile, "", "next_review") if i in household_ids]


def test_a_visit_without_a_next_date_keeps_the_agreed_one(demo_profile: Any) -> None:
    x, earlier, later = _unvisited(demo_profile, 3)
    _visit(demo_profile, earlier, dt.date(2026, 12, 1), dt.date(2027, 1, 5))
    _visit(demo_profile, later, dt.date(2026, 12, 1), dt.date(2027, 1, 15))
    _visit(demo_profile, x, dt.date(2026, 12, 1), AGREED)
    _visit(demo_profile, x, dt.date(2026, 12, 20))  # a quick visit, 约定下次走访 left off
    assert hl.rows(demo_profile, [x])[0].next_review == AGREED
    assert _review_order(demo_profile, x, earlier, later) == [earlier, x, later]


def test_a_visit_on_or_after_the_agreed_date_fulfils_it(demo_profile: Any) -> None:
    x, other = _unvisited(demo_profile, 2)
    _visit(demo_profile, other, dt.date(2026, 12, 1), dt.date(2027, 3, 1))
    _visit(demo_profile, x, dt.date(2026, 12, 1), AGREED)
    _visit(demo_profile, x, dt.date(2026, 12, 20))
    assert hl.rows(demo_profile, [x])[0].next_review == AGREED
    _visit(demo_profile, x, AGREED)  # the agreed visit, no new date
    assert hl.rows(demo_profile, [x])[0].next_review is None
    assert _review_order(demo_profile, x, other) == [other, x]  # nothing pending sorts last


def test_a_later_visit_with_a_new_date_replaces_it(demo_profile: Any) -> None:
    (x,) = _unvisited(demo_profile, 1)
    _visit(demo_profile, x, dt.date(2026, 12, 1), AGREED)
    _visit(demo_profile, x, dt.date(2026, 12, 20))
    assert hl.rows(demo_profile, [x])[0].next_review == AGREED
    _visit(demo_profile, x, dt.date(2027, 1, 12), dt.date(2027, 7, 1))
    assert hl.rows(demo_profile, [x])[0].next_review == dt.date(2027, 7, 1)


def test_the_list_and_the_rule_agree(demo_profile: Any) -> None:
    import random

    from advisor_app.domain.review import next_review

    rng = random.Random(3)
    chosen = _unvisited(demo_profile, 8)
    for household_id in chosen:
        for _ in range(rng.randint(1, 4)):
            day = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randint(0, 60))
            agreed = day + dt.timedelta(days=rng.choice((0, 10, 30))) if rng.random() < 0.5 else None
            _visit(demo_profile, household_id, day, agreed)
    for row in hl.rows(demo_profile, chosen):
        assert row.next_review == next_review(households.load_household(demo_profile, row.id).visits)


@pytest.mark.parametrize("sort", store_list.SORT_KEYS)
def test_the_first_ids_are_the_start_of_the_list(demo_profile: Any, sql_path: str, sort: str) -> None:
    with demo_profile.connection() as conn:
        on_sqlite = conn.dialect.name == "sqlite"
    for text in ("", "村", "2", "26"):
        for descending in (False, True):
            whole = hl.ids(demo_profile, text, sort, descending)
            first = hl.first_ids(demo_profile, text, sort, descending, limit=7)
            # along an index: ascending, or the whole list descending (walked group by group from its end)
            along_an_index = sort != "status" and (not descending or text == "")
            cheap = on_sqlite and sql_path == "sqlite-speedups" and along_an_index
            assert (first is not None) == cheap, (sort, descending)
            if first is not None:
                assert first == whole[:7]
                # as long as the list (every group, the NULLs last, walked as the first page is)
                assert hl.first_ids(demo_profile, text, sort, descending, limit=len(whole) + 5) == whole



def test_an_id_ending_many_members_have_walks_the_list_for_the_first_page(demo_profile: Any, sql_path: str,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with demo_profile.connection() as conn:
        cheap = conn.dialect.name == "sqlite" and sql_path == "sqlite-speedups"
    ending = households.load_household(demo_profile, hl.ids(demo_profile)[0]).members[0].id_number[-2:]
    seen: list[str] = []
    real = store_list._driver_rows
    monkeypatch.setattr(store_list, "_driver_rows",
                        lambda conn, sql, params: seen.append(sql) or real(conn, sql, params))
    # broad when its members number at least 1 in BROAD_ID_SHARE of the households: 1 in 10**9 (any
    # match), and 1 in 1 (as many as there are households, which two digits never have here)
    for share, walked in ((10**9, True), (1, False)):
        monkeypatch.setattr(store_list, "BROAD_ID_SHARE", share)
        seen.clear()
        first = hl.first_ids(demo_profile, ending, limit=3)
        if not cheap:
            assert first is None  # (the portable path: the whole list gives the first page)
            return
        assert ("+h.id IN" in seen[-1]) == walked, share  # walked along the list, or the matches looked up
        assert first == hl.ids(demo_profile, ending)[:3] and len(first) == 3
    seen.clear()
    hl.ids(demo_profile, ending)  # the whole list: its matches looked up and sorted
    assert seen and not any("+h.id IN" in sql for sql in seen)
