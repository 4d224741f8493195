"""What kind of profile this is — the demo, or the advisor's own — and the advisor's own settings.

A profile is either **演示数据** (``demo``: synthetic families to try the app on, marked everywhere,
printed pages carry a "演示" watermark, can be reset) or **the advisor's own** (``real``: starts
empty, never receives synthetic families). The kind and, for an own profile, the advisor's county or
district (the region code of the policy tables), village(s) and name are stored as profile settings:

======================  =====================================================
``profile.kind``         ``demo`` or ``real``; missing: not set up yet
``profile.region``       6-digit region code (a new household starts in it)
``profile.villages``     JSON list of village (community) names, the first is the default
``profile.advisor``      the advisor's name
======================  =====================================================

They are set on the first start (:func:`set_up_own_profile`) and changed later in 设置 ▸ 档案设置…
(:func:`update_profile_details`, which also keeps the notices' 监督电话, ``notice.complaint_phone``,
read by :func:`advisor_app.services.documents.complaint_phone`). A demo profile may change its
advisor's name and 监督电话 there, never its region and villages (its families are invented in the demo
regions), and never becomes the advisor's own: that is a profile of its own, in the data folder.

**Profiles made by an earlier release** have no ``profile.kind``. That release filled every new
profile with demo households made with seed 1 and set ``profile.demo``; it is classified here:

* no households → not set up: the app asks on its next start, as on a first start;
* households and no ``profile.demo`` → the advisor's own (stored at once);
* ``profile.demo`` set → not set up either, with :attr:`ProfileInfo.legacy_demo` households the demo
  generator (seed 1) makes — recognised by the head's ID number — and :attr:`ProfileInfo.legacy_own`
  others. Until the advisor chooses, it counts as demo data (watermarked prints). Choosing one's own
  profile removes the generated households and keeps the others (:func:`set_up_own_profile`).

The demo generator, the notice rules and the re-encryption are imported by the functions that use
them: every audit entry reads the advisor's name from here, and a command that only lists or checks
households does not load them (docs/startup.md).
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass

import sqlalchemy as sa

from advisor_app.domain.errors import DomainError
from advisor_app.store import engine as store_engine
from advisor_app.store import paths, purge
from advisor_app.store import settings as settings_store
from advisor_app.store.settings import all_settings, delete_setting, get_setting, set_setting

from .profile import (
    DEMO_PASSPHRASE,
    MISSING,
    PLAINTEXT,
    Profile,
    WrongPassphrase,
    database_state,
    demo_data_dir,
    open_profile,
    own_database_url,
)

DEMO = "demo"
REAL = "real"
KIND = "profile.kind"
REGION = "profile.region"
VILLAGES = "profile.villages"
ADVISOR = settings_store.ADVISOR
COMPLAINT_PHONE = "notice.complaint_phone"  # the notices' 监督电话 (services.documents reads it)
LEGACY_DEMO_FLAG = "profile.demo"  # set by every demo fill, also by the earlier release
LEGACY_SEED = 1  # the earlier release filled new profiles with this seed

_VILLAGE_SEPARATORS = re.compile(r"[、，,；;/\s]+")


class ProfileKindError(DomainError):
    """The action does not fit this kind of profile (demo families into one's own, and the like)."""


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    kind: str | None  # DEMO, REAL or None (not set up yet)
    region: str = ""
    villages: tuple[str, ...] = ()
    advisor: str = ""
    phone: str = ""  # the notices' 监督电话 ("" when none is saved yet)
    legacy_demo: int = 0  # households of an earlier release's demo fill, still waiting for a choice
    legacy_own: int = 0  # the other households of such a profile
    legacy_flag: bool = False  # the earlier release's profile.demo is set

    @property
    def is_demo(self) -> bool:
        """Synthetic data: a demo profile, or an earlier release's profile not yet set up."""
        return self.kind == DEMO or (self.kind is None and self.legacy_flag)

    @property
    def is_real(self) -> bool:
        return self.kind == REAL

    @property
    def needs_setup(self) -> bool:
        """The app asks 试用演示数据 or 建立我自己的档案 before opening it."""
        return self.kind is None

    @property
    def village(self) -> str:
        """The village a new household starts in (the first one named)."""
        return self.villages[0] if self.villages else ""


def parse_villages(text: str) -> tuple[str, ...]:
    """``七星村、光明村`` (or commas, semicolons, spaces between) → the names, each once, in order."""
    return tuple(dict.fromkeys(v for v in _VILLAGE_SEPARATORS.split(text.strip()) if v))


def profile_info(profile: Profile) -> ProfileInfo:
    with profile.connection() as conn:
        info = read_info(conn)
        unsaved = info.is_real and get_setting(conn, KIND) is None  # an earlier release's own profile
    if unsaved:
        with profile.connection(write=True) as conn:
            info = read_info(conn)  # stores the kind
    return info


def advisor_in(conn: sa.Connection) -> str:
    """The advisor's name recorded for this profile ("" when none): who a change is by."""
    return (get_setting(conn, ADVISOR, "") or "").strip()


def read_info(conn: sa.Connection) -> ProfileInfo:
    """The profile's kind and settings; classifies (and, when that is certain and ``conn`` is
    writing, marks) an earlier release's profile as the module doc says."""
    settings = all_settings(conn)
    kind = settings.get(KIND)
    if kind in (DEMO, REAL):
        return ProfileInfo(kind, settings.get(REGION, ""), _villages(settings.get(VILLAGES, "")),
                           settings.get(ADVISOR, ""), settings.get(COMPLAINT_PHONE, ""))
    households = purge.live_household_count(conn)
    flag = settings.get(LEGACY_DEMO_FLAG) == "true"
    if households == 0:
        return ProfileInfo(None, legacy_flag=flag)
    if not flag:
        if store_engine.is_writing(conn):  # else stored by the next change of settings; the answer is the same
            set_setting(conn, KIND, REAL)
        return ProfileInfo(REAL)
    generated = len(generated_households(conn))
    return ProfileInfo(None, legacy_demo=generated, legacy_own=households - generated, legacy_flag=True)


def _villages(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text) if text else []
    except json.JSONDecodeError:
        return parse_villages(text)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def generated_households(conn: sa.Connection) -> list[str]:
    """Ids of the live households whose head has an ID number the demo generator makes with the
    earlier release's seed (it makes the same families for the same seed and count)."""
    from advisor_app.demo.generator import PARTS, DemoGenerator

    heads = purge.head_id_numbers(conn)
    if not heads:
        return []
    total = len(heads)
    size = max(5000, math.ceil(total / PARTS))
    made: set[str] = set()
    for part, start in enumerate(range(0, total, size)):
        for household in DemoGenerator(LEGACY_SEED, part=part).households(min(size, total - start)):
            made.update(m.id_number for m in household.members if m.relation == "head")
    return [household_id for household_id, number in heads.items() if number in made]


def _checked(region: str, villages: tuple[str, ...] | list[str],
             advisor: str) -> tuple[str, tuple[str, ...], str]:
    """The own profile's settings trimmed; refused, naming what is missing, as on the first start."""
    region, advisor = region.strip(), advisor.strip()
    names = tuple(dict.fromkeys(v.strip() for v in villages if v.strip()))
    if not re.fullmatch(r"\d{6}", region):
        raise ProfileKindError("请选择所属地区（县、区）")
    if not names:
        raise ProfileKindError("请填写负责的村（社区）名称，几个村之间用顿号隔开")
    if not advisor:
        raise ProfileKindError("请填写您的姓名（救助顾问）")
    return region, names, advisor


def set_up_own_profile(profile: Profile, *, region: str, villages: tuple[str, ...] | list[str],
                       advisor: str) -> ProfileInfo:
    """Make this the advisor's own profile (first start). An earlier release's generated households
    are removed (the advisor's own registrations stay). Refused on a demo profile."""
    region, villages, advisor = _checked(region, villages, advisor)
    with profile.connection(write=True) as conn:
        info = read_info(conn)
        if info.kind == DEMO:
            raise ProfileKindError("这是演示档案，不能改作您自己的档案。请在数据文件夹中建立您自己的档案。")
        if info.legacy_flag:
            purge.remove_households(conn, generated_households(conn))
            delete_setting(conn, LEGACY_DEMO_FLAG)
        set_setting(conn, KIND, REAL)
        set_setting(conn, REGION, region)
        set_setting(conn, VILLAGES, json.dumps(list(villages), ensure_ascii=False))
        set_setting(conn, ADVISOR, advisor)
        return read_info(conn)


def update_profile_details(profile: Profile, *, region: str, villages: tuple[str, ...] | list[str],
                           advisor: str, phone: str) -> ProfileInfo:
    """档案设置: the region, villages (the first is a new household's), advisor's name and the notices'
    监督电话 ("" leaves none: the notice dialog asks), stored together or not at all.

    The advisor's own profile needs region, villages and name, as on the first start. A demo profile
    may change its advisor's name and 监督电话 only; it stays a demo. A profile not set up yet is
    refused (the first start sets it up)."""
    from advisor_app.documents.notice_rules import complaint_phone_problem

    phone = phone.strip()
    problem = complaint_phone_problem(phone) if phone else None
    if problem:
        raise ProfileKindError(problem)
    with profile.connection(write=True) as conn:
        info = read_info(conn)
        if info.needs_setup:
            raise ProfileKindError("这个档案还没有建立：请重新启动程序，选择试用演示数据或建立自己的档案。")
        if info.is_demo:
            advisor = advisor.strip()
            names = tuple(dict.fromkeys(v.strip() for v in villages if v.strip()))
            if region.strip() != info.region or names != info.villages:
                raise ProfileKindError("这是演示档案，不能更改所属地区和负责的村（社区）；"
                                       "请在您自己的档案中设置。")
            if not advisor:
                raise ProfileKindError("请填写您的姓名（救助顾问）")
        else:
            region, names, advisor = _checked(region, villages, advisor)
            set_setting(conn, REGION, region)
            set_setting(conn, VILLAGES, json.dumps(list(names), ensure_ascii=False))
        set_setting(conn, ADVISOR, advisor)
        set_setting(conn, COMPLAINT_PHONE, phone)
        return read_info(conn)


def mark_demo(conn: sa.Connection) -> None:
    """Make the profile a demo profile; refused on the advisor's own (real families must never be
    mixed with invented ones)."""
    info = read_info(conn)
    if info.is_real or info.legacy_own:
        raise ProfileKindError(
            "这是您自己的档案（真实家庭），不能放入演示用的虚构家庭。"
            "要试用演示数据，请用 advisor-app --demo 打开演示档案。")
    set_setting(conn, KIND, DEMO)
    set_setting(conn, LEGACY_DEMO_FLAG, "true")


def require_demo(conn: sa.Connection) -> ProfileInfo:
    """The profile's info when it holds only demo data (to reset it); refused otherwise."""
    info = read_info(conn)
    if info.is_real or info.legacy_own:
        raise ProfileKindError(
            "这是您自己的档案（真实家庭），不能重置演示数据：重置只用于演示档案"
            "（advisor-app --demo 打开的档案）。")
    if not info.is_demo:
        raise ProfileKindError("这个档案还没有演示数据，无需重置。")
    return info


def open_demo_profile(data_dir: str | os.PathLike[str] | None = None) -> Profile:
    """Open (creating as needed) the demo profile in ``<data folder>/demo``, marked as a demo; always
    its own SQLite file, whatever database URL the data folder's own profile uses."""
    from .passphrase import encrypt_profile, rekey_full_cost_demo

    folder = demo_data_dir(data_dir)
    data = paths.DataDir(folder).ensure()
    if database_state(folder) == PLAINTEXT:  # a demo written before encryption: encrypted, nothing asked
        encrypt_profile(folder, DEMO_PASSPHRASE, new_passphrase_checked=False)
    try:
        profile = open_profile(folder, database_url=own_database_url(data, DEMO_PASSPHRASE, check_new=False))
    except WrongPassphrase:
        if not rekey_full_cost_demo(data):
            raise
        profile = open_profile(folder, database_url=own_database_url(data, DEMO_PASSPHRASE, check_new=False))
    try:
        with profile.connection() as conn:
            new = read_info(conn).kind is None
        if new:
            with profile.connection(write=True) as conn:
                if read_info(conn).kind is None:  # asked again: another program may have set it meanwhile
                    mark_demo(conn)
    except BaseException:
        profile.close()
        raise
    return profile


def init_profile(data_dir: str | os.PathLike[str] | None, passphrase: str, *, advisor: str = "",
                 region: str = "", villages: tuple[str, ...] | list[str] = (),
                 database_url: str | None = None) -> ProfileInfo:
    """Create an empty own (real) profile in ``data_dir``, encrypted with ``passphrase`` (no demo
    data), with whichever of the advisor's name, region and villages are given; what is left out is
    asked at the desktop app's first start. Refused when the folder already holds a profile.
    ``database_url``: in that database instead (an office's server); refused when it holds one."""
    if database_url is None and database_state(data_dir) != MISSING:
        raise ProfileKindError("这个数据文件夹里已经有档案了，不能再新建")
    region, advisor = region.strip(), advisor.strip()
    names = tuple(dict.fromkeys(v.strip() for v in villages if v.strip()))
    if region and not re.fullmatch(r"\d{6}", region):
        raise ProfileKindError(f"地区代码应为 6 位数字：{region[:20]}")
    profile = open_profile(data_dir, passphrase=passphrase, database_url=database_url)
    try:
        with profile.connection(write=True) as conn:
            if database_url is not None and get_setting(conn, KIND) is not None:
                raise ProfileKindError("这个数据库里已经有档案了，不能再新建")
            set_setting(conn, KIND, REAL)
            for key, value in ((REGION, region), (ADVISOR, advisor)):
                if value:
                    set_setting(conn, key, value)
            if names:
                set_setting(conn, VILLAGES, json.dumps(list(names), ensure_ascii=False))
            return read_info(conn)
    finally:
        profile.close()
