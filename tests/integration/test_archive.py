"""Archiving (归档) a household and restoring it, on SQLite and PostgreSQL: hidden from every list,
count, search, screening, notice and ledger, kept in the database with why, when and by whom, and
restored only while none of its people is in another live household."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisor_app.cli import main
from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError, NotFound, PersonInAnotherHousehold
from advisor_app.domain.household import Need, Visit
from advisor_app.services import documents, eligibility, household_list
from advisor_app.services import households as svc
from advisor_app.store import notice
from advisor_app.store.record_owners import DeletedHousehold
from advisor_app.store.screening import ledger_rows


def _wu(household_json: str) -> Any:
    return interchange.household_from_json(household_json)


def _saved_wu(profile: Any, household_json: str) -> Any:
    household = _wu(household_json)
    household.visits = [Visit("investigation", dt.date(2026, 3, 2), ["王芳", "李强"], "入户",
                              needs=[Need("cash", "学费")])]
    return svc.save_household(profile, household)


def _other(profile: Any, household_json: str, head: str) -> Any:
    """Another household in 莲花社区 whose head is ``head`` (a new person) and nobody else."""
    household = _wu(household_json)
    household.members = household.members[:1]
    household.members[0].name = head
    household.members[0].id_number = "340104195001010019"
    return svc.save_household(profile, household)


def test_an_archived_household_is_hidden_everywhere_but_kept(profile: Any, household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    other = _other(profile, household_json, "张大山")
    eligibility.screen(profile)
    svc.archive_household(profile, wu.id, "moved", "迁往合肥市区", by="王芳", on=dt.date(2026, 4, 1))

    assert [h.id for h in svc.list_households(profile)] == [other.id]
    assert svc.count_households(profile) == 1
    assert household_list.ids(profile) == [other.id] and household_list.count(profile) == 1
    assert household_list.ids(profile, "吴小诚") == [] and household_list.ids(profile, "wxx") == []
    with pytest.raises(NotFound):
        svc.load_household(profile, wu.id)
    with profile.connection() as conn:
        assert [s[0] for s in notice.households_in(conn, "莲花社区", None, None)] == [other.id]
        assert {r[0] for r in ledger_rows(conn, "")} <= {"张大山"}
        row = conn.execute(sa.text("select archive_reason, archive_note, archived_on, archived_by, deleted_at, "
                                   "version, unsent from households where id = :id"), {"id": wu.id}).one()
        members = conn.execute(sa.text("select count(*) from members where household_id = :id"),
                               {"id": wu.id}).scalar_one()
    day = row[2] if isinstance(row[2], dt.date) else dt.date.fromisoformat(row[2])  # SQLite: text
    assert (row[0], row[1], day, row[3]) == ("moved", "迁往合肥市区", dt.date(2026, 4, 1), "王芳")
    assert row[4] is not None and row[5] == wu.version + 1 and row[6]
    assert members == 2  # kept for sync and audit
    assert eligibility.screen(profile).households == 1
    [archived] = svc.archived_households(profile)
    assert (archived.id, archived.head_name, archived.reason, archived.note, archived.archived_on,
            archived.archived_by, archived.member_count) == (
        wu.id, "吴晓霞", "moved", "迁往合肥市区", dt.date(2026, 4, 1), "王芳", 2)
    assert svc.archived_households(profile, "莲花") == [archived]
    assert svc.archived_households(profile, "张") == []
    pdf = documents.render_notice(profile, village="莲花社区", phone="0551-1")
    assert pdf.startswith(b"%PDF")


def test_a_notice_of_a_village_whose_households_are_all_archived_is_refused(profile: Any,
                                                                             household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    svc.archive_household(profile, wu.id, "deceased")
    with pytest.raises(NotFound, match="莲花社区"):
        documents.render_notice(profile, village="莲花社区", phone="0551-1")


@pytest.mark.parametrize(("reason", "note", "message"), [
    ("", "", "请选择归档原因"),
    ("gone", "", "没有“gone”这种归档原因"),
    ("other", "  ", "请写明"),
])
def test_a_missing_or_unknown_reason_is_refused_and_nothing_changes(profile: Any, household_json: str,
                                                                    reason: str, note: str, message: str) -> None:
    wu = _saved_wu(profile, household_json)
    with pytest.raises(DomainError, match=message):
        svc.archive_household(profile, wu.id, reason, note)
    assert svc.load_household(profile, wu.id) == wu
    assert svc.archived_households(profile) == []


def test_archiving_twice_or_an_unknown_household_is_not_found(profile: Any, household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    svc.archive_household(profile, wu.id, "duplicate")
    with pytest.raises(NotFound):
        svc.archive_household(profile, wu.id, "duplicate")
    with pytest.raises(NotFound):
        svc.archive_household(profile, "no-such-id", "duplicate")
    with pytest.raises(NotFound):
        svc.restore_household(profile, "no-such-id")
    svc.restore_household(profile, wu.id)
    with pytest.raises(DomainError, match="没有归档"):
        svc.restore_household(profile, wu.id)


def test_restore_brings_back_what_was_archived_and_not_what_was_removed_before(profile: Any,
                                                                                household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    wu.members = wu.members[:1]  # 吴小诚 left the household before it was archived
    wu = svc.save_household(profile, wu)
    svc.archive_household(profile, wu.id, "other", "户主外出务工，长期不在本村", by="王芳")
    svc.restore_household(profile, wu.id)
    back = svc.load_household(profile, wu.id)
    assert [m.name for m in back.members] == ["吴晓霞"]
    assert [(v.type, [n.description for n in v.needs]) for v in back.visits] == [("investigation", ["学费"])]
    assert back.version == wu.version + 2
    assert svc.archived_households(profile) == []
    with profile.connection() as conn:
        row = conn.execute(sa.text("select archive_reason, archive_note, archived_on, archived_by "
                                   "from households where id = :id"), {"id": wu.id}).one()
    assert tuple(row) == (None, "", None, "")
    assert household_list.ids(profile) == [wu.id]


def test_restore_keeps_the_history_of_each_need(profile: Any, household_json: str) -> None:
    from advisor_app.services import visits

    wu = _saved_wu(profile, household_json)
    need = visits.household_needs(profile, wu.id)[0]
    visits.change_need_status(profile, need.id, "referred", by="王芳", note="已转介县残联")
    before = visits.household_needs(profile, wu.id)
    assert [c.new_status for c in before[0].changes] == ["referred"]
    svc.archive_household(profile, wu.id, "duplicate", by="王芳")
    svc.restore_household(profile, wu.id)
    after = visits.household_needs(profile, wu.id)
    assert [(n.status, [(c.old_status, c.new_status, c.by, c.note) for c in n.changes]) for n in after] == \
        [(n.status, [(c.old_status, c.new_status, c.by, c.note) for c in n.changes]) for n in before]


def test_people_of_an_archived_household_can_be_registered_again(profile: Any, household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    with pytest.raises(PersonInAnotherHousehold):  # while it is live, 吴小诚 belongs to it
        svc.save_household(profile, _son_alone(household_json))
    svc.archive_household(profile, wu.id, "duplicate")
    son = svc.save_household(profile, _son_alone(household_json))  # registered again, as the head
    assert son.id is not None

    with pytest.raises(PersonInAnotherHousehold) as refused:
        svc.restore_household(profile, wu.id)
    assert "无法恢复：吴小诚现在登记在另一户家庭（户主“吴小诚”，莲花社区）" in str(refused.value)
    assert refused.value.other_household == son.id
    assert household_list.ids(profile) == [son.id]  # nothing written
    assert [a.id for a in svc.archived_households(profile)] == [wu.id]

    svc.archive_household(profile, son.id, "duplicate")
    svc.restore_household(profile, wu.id)
    assert [m.name for m in svc.load_household(profile, wu.id).members] == ["吴晓霞", "吴小诚"]


def _son_alone(household_json: str) -> Any:
    household = _wu(household_json)
    son = household.members[1]
    son.relation = "head"
    household.members = [son]
    return household


def test_saving_an_archived_household_again_is_refused_restoring_is_the_way_back(profile: Any,
                                                                                  household_json: str) -> None:
    wu = _saved_wu(profile, household_json)
    svc.archive_household(profile, wu.id, "moved")
    with pytest.raises(DeletedHousehold, match="恢复"):
        svc.save_household(profile, wu)  # e.g. its document imported again: the archiving wins
    assert household_list.ids(profile) == []
    assert [a.id for a in svc.archived_households(profile)] == [wu.id]
    svc.restore_household(profile, wu.id)
    assert household_list.ids(profile) == [wu.id]
    assert svc.archived_households(profile) == []


def test_the_cli_archives_lists_and_restores(profile: Any, household_json: str, capsys: Any,
                                             tmp_path: Path) -> None:
    wu = _saved_wu(profile, household_json)
    args = ["--data-dir", str(profile.data.root)]
    assert main([*args, "household", "archive", wu.id, "--reason", "deceased", "--by", "王芳"]) == 0
    assert "已归档" in capsys.readouterr().out
    assert main([*args, "household", "list"]) == 0
    assert capsys.readouterr().out == ""
    assert main([*args, "household", "list", "--archived"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.split("\t") == [wu.id, "吴晓霞", "莲花社区", dt.date.today().isoformat(), "死亡", "王芳"]
    assert main([*args, "household", "archive", wu.id, "--reason", "fled"]) == 2
    assert main([*args, "household", "restore", wu.id]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert main([*args, "household", "list"]) == 0
    assert wu.id in capsys.readouterr().out
