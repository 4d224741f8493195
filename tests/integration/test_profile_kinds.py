"""Demo and own profiles through the services and the command line (each on SQLite and PostgreSQL):
demo families are refused in an own profile, the demo is reset, ``--demo`` opens the demo folder's
own SQLite file, and profiles made by the earlier release are classified."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor_app.cli import main
from advisor_app.domain import interchange
from advisor_app.services import households, profile_settings
from advisor_app.services.demo import fill_demo, reset_demo
from advisor_app.services.profile import Profile
from advisor_app.services.profile_settings import ProfileKindError, open_demo_profile
from advisor_app.store.settings import delete_setting

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _own(profile: Profile) -> None:
    profile_settings.set_up_own_profile(profile, region="340104", villages=["莲花社区", "桃园村"], advisor="张明")


def test_the_own_profile_keeps_its_settings_and_refuses_demo_families(profile: Profile) -> None:
    _own(profile)
    info = profile_settings.profile_info(profile)
    assert (info.kind, info.region, info.villages, info.village, info.advisor) == (
        "real", "340104", ("莲花社区", "桃园村"), "莲花社区", "张明")
    with pytest.raises(ProfileKindError, match="不能放入演示用的虚构家庭"):
        fill_demo(profile, 10)
    with pytest.raises(ProfileKindError, match="不能重置演示数据"):
        reset_demo(profile)
    assert households.count_households(profile) == 0


def test_setting_up_asks_for_each_field(profile: Profile) -> None:
    with pytest.raises(ProfileKindError, match="所属地区"):
        profile_settings.set_up_own_profile(profile, region="", villages=["桃园村"], advisor="张明")
    with pytest.raises(ProfileKindError, match="村（社区）"):
        profile_settings.set_up_own_profile(profile, region="340104", villages=[" "], advisor="张明")
    with pytest.raises(ProfileKindError, match="姓名"):
        profile_settings.set_up_own_profile(profile, region="340104", villages=["桃园村"], advisor=" ")
    assert profile_settings.profile_info(profile).needs_setup
    assert profile_settings.parse_villages(" 七星村、光明村，七星村 桃园村") == ("七星村", "光明村", "桃园村")


def test_a_demo_profile_cannot_become_an_own_one_and_resets_to_the_same_families(profile: Profile) -> None:
    fill_demo(profile, 40, seed=3)
    names = sorted(h.head_name for h in households.list_households(profile))
    households.delete_household(profile, households.list_households(profile, limit=1)[0].id)
    households.save_household(profile, interchange.household_from_json(SAMPLE.read_bytes()))  # practice entry
    with pytest.raises(ProfileKindError, match="演示档案"):
        _own(profile)
    assert reset_demo(profile) == 40
    assert sorted(h.head_name for h in households.list_households(profile)) == names
    assert profile_settings.profile_info(profile).is_demo


def test_the_cli_acts_on_the_demo_folder_with_demo_and_refuses_the_own_profile(
        profile: Profile, capsys: pytest.CaptureFixture[str]) -> None:
    _own(profile)
    folder = str(profile.data.root)
    code, _out, err = run(capsys, "--data-dir", folder, "demo", "fill", "--households", "5")
    assert code == 2 and "不能放入演示用的虚构家庭" in err and "--demo" in err
    code, _out, err = run(capsys, "--data-dir", folder, "demo", "reset")
    assert code == 2 and "不能重置演示数据" in err
    assert households.count_households(profile) == 0

    code, out, _err = run(capsys, "--data-dir", folder, "--demo", "demo", "--households", "12")
    assert code == 0 and "已生成 12 户演示家庭" in out and str(Path(folder) / "demo") in out
    code, out, _err = run(capsys, "--data-dir", folder, "--demo", "demo", "reset")
    assert code == 0 and "已重置演示数据：重新生成 12 户" in out
    demo = open_demo_profile(folder)  # its own SQLite file, whatever database the own profile is on
    try:
        assert demo.engine.url.get_backend_name() == "sqlite"
        assert Path(str(demo.engine.url.database)) == Path(folder) / "demo" / "advisor.sqlite"
        assert households.count_households(demo) == 12 and profile_settings.profile_info(demo).is_demo
    finally:
        demo.close()
    assert households.count_households(profile) == 0


def _earlier_release(profile: Profile, generated: int) -> None:
    """What the earlier release left: generated households (seed 1), profile.demo, and no kind."""
    fill_demo(profile, generated, seed=1)
    with profile.connection(write=True) as conn:
        for key in (profile_settings.KIND, "demo.households", "demo.seed"):
            delete_setting(conn, key)


def test_an_earlier_release_demo_profile_waits_for_a_choice(profile: Profile) -> None:
    _earlier_release(profile, 25)
    info = profile_settings.profile_info(profile)
    assert info.needs_setup and info.is_demo and (info.legacy_demo, info.legacy_own) == (25, 0)
    assert reset_demo(profile) == 25  # it holds only demo families: the demo can be reset
    assert profile_settings.profile_info(profile).kind == "demo"


def test_an_earlier_release_profile_set_up_as_own_loses_only_the_generated_families(profile: Profile) -> None:
    _earlier_release(profile, 25)
    households.save_household(profile, interchange.household_from_json(SAMPLE.read_bytes()))
    info = profile_settings.profile_info(profile)
    assert (info.legacy_demo, info.legacy_own) == (25, 1)
    with pytest.raises(ProfileKindError):
        reset_demo(profile)  # would delete the advisor's own family
    _own(profile)
    assert [h.head_name for h in households.list_households(profile)] == ["吴晓霞"]
    assert not profile_settings.profile_info(profile).is_demo


def test_an_earlier_release_profile_without_demo_data_is_the_advisors_own(profile: Profile) -> None:
    households.save_household(profile, interchange.household_from_json(SAMPLE.read_bytes()))
    info = profile_settings.profile_info(profile)
    assert info.is_real and not info.needs_setup
    with pytest.raises(ProfileKindError):
        fill_demo(profile, 3)
