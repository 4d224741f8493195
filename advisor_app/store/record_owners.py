"""What a save must refuse before it writes: records that belong elsewhere, a stale copy, a deleted
household.

* **Records of another household.** Member, visit and need ids are the records' identity (a later
  sync matches them by id). A household document whose member, visit or need carries the id of a
  record of another household — typically a copy of an export with its household ``"id"`` taken
  out — is refused (:class:`RecordsOfAnotherHousehold`), naming that household by its head and
  village. The ids are not re-issued: that would make a second copy of the same visits and needs
  under new ids, which nobody could tell from the first. The message says what to do: keep the
  household's id to update that household, or remove the ids to register a new one. A need that
  belongs to another visit of the same household is refused the same way.
* **A stale copy** (:class:`StaleHousehold`): a document or editor whose ``version`` is lower than
  the stored household's was made before a later change; saving it would silently undo that change.
  It is refused, saying which is newer. A ``version`` of 0 (a hand-written document) claims nothing
  and is not compared.
* **A deleted or archived household** (:class:`DeletedHousehold`): the deletion wins. Saving its
  export again does not bring it back; restoring is the archive's 恢复 (``household restore``).

No raw database error reaches the advisor: an integrity error that still happens (a race, a
damaged file) is turned into :class:`RecordConflict`, whose text names no person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError, InvalidRecord, Problem
from advisor_app.domain.household import Household, Member, Visit

from .models import HouseholdRow, MemberRow, NeedRow, VisitRow


class RecordsOfAnotherHousehold(InvalidRecord):
    """Member, visit or need ids of the document belong to records of another household."""


class StaleHousehold(DomainError):
    """The household was changed after the copy being saved was made."""


class DeletedHousehold(DomainError):
    """The household being saved was deleted or archived (the deletion wins)."""


class RecordConflict(DomainError):
    """The database refused the save for a reason the checks above did not foresee."""

    def __init__(self) -> None:
        super().__init__("无法保存：记录编号与档案里已有的记录冲突，没有保存任何改动。"
                         "请重新打开这户家庭（或重新导出）后再修改。")


def _label(row: HouseholdRow | sa.Row[str, str, str, str | None]) -> str:
    head, village = row.head_name or "—", row.village
    return f"户主“{head}”" + (f"，{village}" if village else "")


def refuse_stale_or_deleted(row: HouseholdRow, household: Household) -> None:
    """Raise when ``household`` (stored as ``row``) may not be saved over it: see the module doc."""
    if row.deleted_at is not None:
        what = "归档" if row.archive_reason else "删除"
        day = (row.archived_on.isoformat() if row.archived_on else row.deleted_at[:10])
        raise DeletedHousehold(
            f"这户家庭（{_label(row)}）已于 {day} {what}，删除的记录不会因为再次导入或保存而回来。"
            f"如确需恢复，请在“已归档”里选中它点“恢复”（命令行：advisor-app household restore {row.id}），"
            "恢复后再修改。")
    if household.version and household.version < row.version:
        raise StaleHousehold(
            f"要保存的这户家庭（{_label(row)}）是第 {household.version} 版，档案里已是第 {row.version} 版"
            f"（{row.updated_at[:10]} 改过）：档案里的更新。为免覆盖较新的修改，没有保存。"
            "请重新打开（或导出）档案里的版本，在它上面修改后再保存或导入。")


def refuse_records_of_others(session: Session, household: Household, *, with_visits: bool = True) -> None:
    """Raise :class:`RecordsOfAnotherHousehold` when a member, visit or need id of ``household``
    (its visits only ``with_visits``) belongs to another household, or a need to another visit."""
    refuse_foreign_ids(session, household.id, household.members, household.visits if with_visits else [])


def refuse_foreign_ids(session: Session, own: str | None, members: Sequence[Member],
                       visits: Sequence[Visit], *, first_visit: int = 0) -> None:
    """:func:`refuse_records_of_others` for these members and visits of household ``own`` (``None``:
    a new one); ``first_visit`` is the index of ``visits[0]`` in the document, for the messages."""
    member_ids = {m.id: i for i, m in enumerate(members) if m.id}
    visit_ids = {v.id: i for i, v in enumerate(visits) if v.id}
    need_ids = {n.id: (i, j, v.id) for i, v in enumerate(visits) for j, n in enumerate(v.needs) if n.id}
    found: list[tuple[tuple[str | int, ...], str, str]] = []  # (path, what, owner household id)
    for rid, owner in _owners(session, MemberRow, member_ids):
        if owner != own:
            i = member_ids[rid]
            found.append((("members", i, "id"), f"成员“{members[i].name or i + 1}”", owner))
    for rid, owner in _owners(session, VisitRow, visit_ids):
        if owner != own:
            i = visit_ids[rid]
            found.append((("visits", first_visit + i, "id"), f"{visits[i].date} 的走访", owner))
    other_visit: list[tuple[tuple[str | int, ...], str]] = []
    if need_ids:
        rows = session.execute(sa.select(NeedRow.id, NeedRow.household_id, NeedRow.visit_id)
                               .where(NeedRow.id.in_(list(need_ids)))).all()
        for rid, owner, visit_id in rows:
            i, j, visit_of_file = need_ids[rid]
            path: tuple[str | int, ...] = ("visits", first_visit + i, "needs", j, "id")
            what = f"{visits[i].date} 走访的第 {j + 1} 项需求"
            if owner != own:
                found.append((path, what, owner))
            elif visit_id != visit_of_file:
                other_visit.append((path, f"{what}的编号（id）属于这户的另一次走访，不能移到这次走访：请删掉它的 id"
                                          "（作为新的需求），或把它放回原来的走访"))
    if not found and not other_visit:
        return
    owners = {r.id: r for r in session.execute(
        sa.select(HouseholdRow.id, HouseholdRow.head_name, HouseholdRow.village, HouseholdRow.deleted_at)
        .where(HouseholdRow.id.in_({owner for _p, _w, owner in found})))}

    def whose(owner: str) -> str:
        r = owners.get(owner)
        return "另一户家庭" if r is None else f"另一户家庭（{_label(r)}{'，已删除或归档' if r.deleted_at else ''}）"

    problems = [Problem(path, f"{what}的编号（id）属于{whose(owner)}的记录，没有保存。这份文件可能是从那一户"
                              "复制来的：要更新那一户，请保留文件里家庭的 id；要登记成新的家庭，请删掉文件里"
                              "成员、走访和需求的 id。", owner)
                for path, what, owner in found]
    problems += [Problem(path, message) for path, message in other_visit]
    raise RecordsOfAnotherHousehold(problems)


def _owners(session: Session, table: type[MemberRow] | type[VisitRow],
            ids: Iterable[str]) -> list[tuple[str, str]]:
    wanted = list(ids)
    if not wanted:
        return []
    return [(r[0], r[1]) for r in session.execute(
        sa.select(table.id, table.household_id).where(table.id.in_(wanted)))]


def all_their_own(session: Session, households: Sequence[Household]) -> bool:
    """Whether :func:`refuse_records_of_others` would pass for each of these households (with their
    visits), saved one after another: no member, visit or need id of theirs belongs to another
    household (nor a need to another visit), and none is claimed twice among them. One query per
    table for all of them, 500 ids at a time."""
    members = {str(m.id): str(h.id) for h in households for m in h.members if m.id}
    visits = {str(v.id): str(h.id) for h in households for v in h.visits if v.id}
    needs = {str(n.id): (str(h.id), str(v.id)) for h in households for v in h.visits for n in v.needs if n.id}
    claimed = sum(sum(1 for m in h.members if m.id) + sum(1 for v in h.visits if v.id)
                  + sum(1 for v in h.visits for n in v.needs if n.id) for h in households)
    if claimed != len(members) + len(visits) + len(needs) or set(members) & set(visits) or set(needs) & (
            set(members) | set(visits)):
        return False
    for table, wanted in ((MemberRow, members), (VisitRow, visits)):
        ids = sorted(wanted)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            if any(owner != wanted[rid] for rid, owner in _owners(session, table, part)):
                return False
    ids = sorted(needs)
    for start in range(0, len(ids), 500):
        rows = session.execute(sa.select(NeedRow.id, NeedRow.household_id, NeedRow.visit_id)
                               .where(NeedRow.id.in_(ids[start:start + 500])))
        if any((owner, visit_id) != needs[rid] for rid, owner, visit_id in rows):
            return False
    return True
