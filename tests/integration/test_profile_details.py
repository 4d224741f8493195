"""档案设置 through the services (SQLite and PostgreSQL): the advisor's own profile changes its region,
villages, advisor and 监督电话, checked as on the first start; a demo profile changes only its
advisor and 监督电话 and stays a demo; the notice's village list puts the profile's villages first."""

from __future__ import annotations

from collections import Counter

import pytest

from advisor_app.demo.generator import DemoGenerator
from advisor_app.services import documents, households, profile_settings
from advisor_app.services.demo import fill_demo
from advisor_app.services.profile import Profile
from advisor_app.services.profile_settings import ProfileKindError, update_profile_details


def _own(profile: Profile) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["莲花社区"], advisor="张明")


def test_the_own_profile_changes_its_details_and_the_notice_phone(profile: Profile) -> None:
    _own(profile)
    info = update_profile_details(profile, region="340181", villages=["七星村", "光明村", "七星村"],
                                  advisor=" 李娟 ", phone=" 0551-65551234 ")
    assert (info.kind, info.region, info.villages, info.village, info.advisor, info.phone) == (
        "real", "340181", ("七星村", "光明村"), "七星村", "李娟", "0551-65551234")
    assert profile_settings.profile_info(profile) == info
    assert documents.complaint_phone(profile) == "0551-65551234"  # what the notice dialog offers
    cleared = update_profile_details(profile, region="340181", villages=["七星村"], advisor="李娟", phone="")
    assert cleared.phone == "" and documents.complaint_phone(profile) == ""


@pytest.mark.parametrize(("region", "villages", "advisor", "phone", "says"), [
    ("", ["七星村"], "李娟", "", "所属地区"),
    ("340181", [" "], "李娟", "", "村（社区）"),
    ("340181", ["七星村"], " ", "", "姓名"),
    ("340181", ["七星村"], "李娟", "110", "不像电话号码"),
])
def test_a_missing_detail_is_named_and_nothing_is_stored(profile: Profile, region: str, villages: list[str],
                                                         advisor: str, phone: str, says: str) -> None:
    _own(profile)
    before = profile_settings.profile_info(profile)
    with pytest.raises(ProfileKindError, match=says):
        update_profile_details(profile, region=region, villages=villages, advisor=advisor, phone=phone)
    assert profile_settings.profile_info(profile) == before


def test_a_demo_changes_its_advisor_and_phone_only_and_stays_a_demo(profile: Profile) -> None:
    fill_demo(profile, 5)
    demo = profile_settings.profile_info(profile)
    info = update_profile_details(profile, region=demo.region, villages=demo.villages, advisor="李娟",
                                  phone="12345")
    assert (info.kind, info.is_demo, info.advisor, info.phone) == ("demo", True, "李娟", "12345")
    with pytest.raises(ProfileKindError, match="演示档案，不能更改所属地区"):
        update_profile_details(profile, region="340181", villages=["七星村"], advisor="李娟", phone="")
    assert profile_settings.profile_info(profile) == info


def test_a_profile_not_set_up_is_refused(profile: Profile) -> None:
    with pytest.raises(ProfileKindError, match="还没有建立"):
        update_profile_details(profile, region="340181", villages=["七星村"], advisor="李娟", phone="")
    assert profile_settings.profile_info(profile).needs_setup


def test_the_notice_lists_the_profiles_villages_first_in_its_order(profile: Profile) -> None:
    _own(profile)
    for household in DemoGenerator(7).households(40):
        households.save_household(profile, household)
    stored = [p.village for p in documents.notice_places(profile)]
    assert len(stored) > 3
    mine = [stored[-1], stored[1]]  # two villages the store lists late, named in the other order
    update_profile_details(profile, region="340104", villages=[*mine, "没有家庭的村"], advisor="张明", phone="")
    places = [p.village for p in documents.notice_places(profile)]
    count = Counter(stored)
    first = count[mine[0]] + count[mine[1]]
    assert places[:first] == [mine[0]] * count[mine[0]] + [mine[1]] * count[mine[1]]
    assert places[first:] == [v for v in stored if v not in mine]  # the others keep their order
    assert "没有家庭的村" not in places  # its notice would be empty
