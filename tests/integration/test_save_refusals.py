"""The services refuse what the rules refuse (nothing is written), and a person belongs to one household."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from advisor_app.domain import interchange
from advisor_app.domain.errors import InvalidRecord, NotFound, PersonInAnotherHousehold
from advisor_app.domain.household import Household, Member, Need, Visit
from advisor_app.services import drafts
from advisor_app.services import households as svc
from advisor_app.store import people

HEAD_ID = "34010419880314002X"
CHILD_ID = "340104200905200134"


def _rows(profile: Any) -> dict[str, int]:
    with profile.connection() as conn:
        return {t: int(conn.exec_driver_sql(f"select count(*) from {t}").scalar_one())
                for t in ("households", "members", "visits", "needs", "drafts")}


def _sample(household_json: str) -> Household:
    return interchange.household_from_json(household_json)


def test_two_heads_blank_name_and_id_123_are_refused_and_nothing_is_written(profile: Any) -> None:
    h = Household(region="340104", area="urban", members=[
        Member("吴晓霞", HEAD_ID, "head"), Member("", "123", "head")])
    with pytest.raises(InvalidRecord) as err:
        svc.save_household(profile, h)
    assert [p.key for p in err.value.problems] == ["members[1].name", "members[1].id_number",
                                                   "members[1].relation"]
    assert "第2名成员的姓名未填写" in str(err.value) and "应为18位" in str(err.value)
    assert _rows(profile) == {"households": 0, "members": 0, "visits": 0, "needs": 0, "drafts": 0}
    assert h.id is None


def test_a_bad_update_leaves_the_stored_household_as_it_was(profile: Any, household_json: str) -> None:
    stored = svc.save_household(profile, _sample(household_json))
    before = svc.load_household(profile, stored.id)
    changed = svc.load_household(profile, stored.id)
    changed.address = "新地址"
    changed.members[1].id_number = "340104200905200135"
    changed.visits = [Visit("investigation", dt.date(2026, 11, 2), ["周明"])]
    with pytest.raises(InvalidRecord) as err:
        svc.save_household(profile, changed)
    assert [p.key for p in err.value.problems] == ["members[1].id_number", "visits[0].investigators"]
    assert svc.load_household(profile, stored.id) == before


def test_with_visits_false_does_not_check_the_visits_it_does_not_write(profile: Any, household_json: str) -> None:
    stored = svc.save_household(profile, _sample(household_json))
    stored.visits = [Visit("investigation", dt.date(2026, 11, 2), ["周明"])]  # never written here
    stored.phone = "13800000000"
    assert svc.save_household(profile, stored, with_visits=False).version == 2
    assert svc.load_household(profile, stored.id).visits == []


def test_text_is_stored_tidied(profile: Any, household_json: str) -> None:
    h = _sample(household_json)
    h.village = "  莲花社区 "
    h.members[0].name = " 吴晓霞\t"
    h.members[0].id_number = HEAD_ID.lower()
    saved = svc.save_household(profile, h)
    loaded = svc.load_household(profile, saved.id)
    assert (loaded.village, loaded.members[0].name, loaded.members[0].id_number) == ("莲花社区", "吴晓霞", HEAD_ID)


@pytest.mark.parametrize(("visit", "key", "words"), [
    (Visit("investigation", dt.date(2026, 11, 2), ["周明"]), "investigators", ["入户调查", "至少两名调查人员"]),
    (Visit("return", dt.date(2026, 11, 2), ["周明"], next_visit=dt.date(2026, 11, 1)), "next_visit", ["早于"]),
    (Visit("return", dt.date(2026, 11, 2), ["周明"], needs=[Need("cash", "")]), "needs[0].description",
     ["第1条需求没有填写描述"]),
])
def test_save_visit_and_the_draft_save_refuse_a_bad_visit(profile: Any, household_json: str, visit: Visit,
                                                          key: str, words: list[str]) -> None:
    h = svc.save_household(profile, _sample(household_json))
    assert h.id is not None
    drafts.save_draft(profile, drafts.VISIT, h.id, drafts.visit_payload(h.id, visit))
    before = _rows(profile)
    for save in (svc.save_visit, drafts.save_visit_and_discard_draft):
        with pytest.raises(InvalidRecord) as err:
            save(profile, h.id, visit)
        assert [p.key for p in err.value.problems] == [key]
        for word in words:
            assert word in str(err.value)
    assert _rows(profile) == before  # no visit, and the draft is kept
    assert visit.id is None


def test_a_good_visit_is_still_saved_and_an_unknown_household_still_not_found(profile: Any,
                                                                              household_json: str) -> None:
    h = svc.save_household(profile, _sample(household_json))
    assert h.id is not None
    saved = drafts.save_visit_and_discard_draft(profile, h.id, Visit("investigation", dt.date(2026, 11, 2),
                                                                     [" 周明", "孙丽"]))
    assert saved.investigators == ["周明", "孙丽"] and saved.version == 1
    with pytest.raises(NotFound):
        svc.save_visit(profile, "00000000-0000-4000-8000-000000000000", Visit("care", dt.date(2026, 1, 1), ["王芳"]))


def test_import_of_an_invalid_file_writes_nothing(profile: Any, household_json: str, tmp_path: Path) -> None:
    doc = json.loads(household_json)
    doc["members"][1]["relation"] = "head"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidRecord) as err:
        svc.import_household(profile, bad)
    assert str(err.value).startswith("members[1].relation：第2名成员“吴小诚”也登记成了户主")
    assert _rows(profile)["households"] == 0


# ---- a person belongs to one live household --------------------------------------------------------

def _second_household(household_json: str) -> Household:
    """Another family whose second member is 吴小诚 of the sample household (same ID number)."""
    other = _sample(household_json)
    other.village = "杏花村"
    other.members[0].name, other.members[0].id_number = "李秀英", "340104198803140046"
    return other


def test_a_member_of_another_live_household_is_refused_with_its_name(profile: Any, household_json: str) -> None:
    first = svc.save_household(profile, _sample(household_json))
    other = _second_household(household_json)
    before = _rows(profile)
    with pytest.raises(PersonInAnotherHousehold) as err:
        svc.save_household(profile, other)
    problem, = err.value.problems
    assert problem.key == "members[1].id_number" and err.value.other_household == first.id
    assert "第2名成员“吴小诚”的身份证号已登记在另一户家庭（户主“吴晓霞”，莲花社区）" in str(err.value)
    assert _rows(profile) == before and other.id is None


def test_saving_a_household_again_is_not_a_conflict_with_itself(profile: Any, household_json: str) -> None:
    first = svc.save_household(profile, _sample(household_json))
    again = svc.load_household(profile, first.id)
    again.phone = "13800000000"
    assert svc.save_household(profile, again).version == first.version + 1
    doc = json.loads(svc.export_household(profile, first.id))
    assert interchange.household_from_dict(doc) == svc.load_household(profile, first.id)


def test_a_deleted_household_or_a_removed_member_frees_the_id_number(profile: Any, household_json: str) -> None:
    first = svc.save_household(profile, _sample(household_json))
    assert first.id is not None
    first.members = first.members[:1]  # 吴小诚 moved out: his member record is a tombstone now
    svc.save_household(profile, first)
    moved = svc.save_household(profile, _second_household(household_json))
    assert moved.id is not None
    third = _sample(household_json)
    third.members = third.members[:1]
    with pytest.raises(PersonInAnotherHousehold):  # 吴晓霞 is still in the first household
        svc.save_household(profile, third)
    svc.delete_household(profile, first.id)
    assert svc.save_household(profile, third).id is not None


def test_the_people_lookup_finds_live_households_only_in_chunks(profile: Any, household_json: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first = svc.save_household(profile, _sample(household_json))
    monkeypatch.setattr(people, "CHUNK", 1)
    with profile.session() as session:
        found = people.registrations(session, [CHILD_ID, HEAD_ID, "110105194912310021", CHILD_ID])
        assert [(r.id_number, r.member_name, r.household_id, r.head_name, r.village) for r in found] == [
            (HEAD_ID, "吴晓霞", first.id, "吴晓霞", "莲花社区"), (CHILD_ID, "吴小诚", first.id, "吴晓霞", "莲花社区")]
        assert people.registrations(session, [CHILD_ID], other_than=first.id) == []
        assert people.registrations(session, []) == []
    assert first.id is not None
    svc.delete_household(profile, first.id)
    with profile.session() as session:
        assert people.registrations(session, [CHILD_ID, HEAD_ID]) == []
