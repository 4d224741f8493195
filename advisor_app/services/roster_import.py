"""Importing a village's roster (名册): households and members, one row per person.

:func:`import_roster` takes the rows of a sheet whose headers are already matched to
:data:`ROSTER_FIELDS` (:mod:`.roster_rows` says which columns, with their synonyms) and

1. groups them into households: by 户编号 where a row has one, else by the head's ID number
   (户主身份证号), else consecutive rows, a new household starting at each 户主 row;
2. makes each household and checks it with the editor's own validation
   (:func:`advisor_app.domain.validation.household_problems`); a person in two households of the
   sheet, or whose household's people are stored in different households, refuses both. A refused
   household is not written: each of its rows gets a :class:`RowError` (the wrong cell's in Chinese,
   naming the row and the field; the others say which row of their household is wrong);
3. matches households to the stored ones by their members' ID numbers. Nobody stored: created
   (``new``). Stored: compared field by field (:func:`advisor_app.domain.roster_merge.merge`) —
   what the profile lacks is filled through the ordinary save (with its audit entries); what the
   advisor recorded otherwise is listed as a difference for a person to accept or reject
   (:mod:`.roster_differences`), never overwritten. A difference already listed or answered for the
   same value is not listed again, so importing the same roster twice changes nothing.

All in one transaction: a dry run does everything but the writes (and says what would happen);
``progress(done, total)`` returning False cancels (:class:`Cancelled`) and nothing is written.

Counts (:class:`ImportSummary`): ``rows`` read; ``matched`` rows whose person is stored;
``unmatched`` valid rows whose person is not (created, or listed to add); ``invalid`` rows of refused
households (rows = matched + unmatched + invalid); ``new`` households created; ``changed``
differences newly listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from advisor_app.domain import roster_merge, roster_words, validation
from advisor_app.domain.errors import Cancelled, DomainError, Problem
from advisor_app.domain.household import Household, Receipt
from advisor_app.domain.roster_merge import Difference, SheetHousehold
from advisor_app.sheets import cells
from advisor_app.sheets.model import ImportSummary, RowError, SheetRow
from advisor_app.store import bulk as bulk_store
from advisor_app.store import households as store
from advisor_app.store import people
from advisor_app.store import roster_differences as difference_store

from . import audit, backups, profile_settings
from .profile import Profile
from .roster_rows import LABELS, ROSTER_FIELDS, RosterRow, RowProblems, blank, labour_warnings, read_row

Progress = Callable[[int, int], bool]
DEFAULT_AREA = "rural"  # a village's roster: 农村, unless its 户籍性质 column says otherwise
_PROBLEM_FIELDS = {"name": "姓名", "id_number": "身份证号", "relation": "与户主关系", "ethnicity": "民族",
                   "phone": "联系电话", "disability": "残疾类别", "village": "村（社区）", "town": "乡镇（街道）",
                   "address": "居住地址", "receiving": "保障类别", "incomes": "月收入"}


@dataclass(slots=True)
class _Entry:
    number: int
    key: str | None
    head: bool
    read: RosterRow | None
    errors: list[RowError]


@dataclass(slots=True)
class _Group:
    entries: list[_Entry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    sheet: SheetHousehold | None = None
    household: Household | None = None

    @property
    def refused(self) -> bool:
        return bool(self.errors) or any(e.errors for e in self.entries)


def _entry(row: SheetRow) -> _Entry:
    v = row.values
    key = cells.text(v.get("household_no")) or None
    if key is None and not cells.is_blank(v.get("head_id")):
        try:  # typed two ways (３４…, spaces, a small x): still one head
            key = "户主" + cells.id_number(v.get("head_id"))
        except cells.CellError:
            key = "户主" + cells.text(v.get("head_id"))
    try:
        read = read_row(row)
    except RowProblems as exc:
        try:
            head = roster_words.relation(cells.text(v.get("relation"))) == "head"
        except DomainError:
            head = False
        return _Entry(row.number, key, head, None, exc.errors)
    return _Entry(row.number, key, read.person.relation == "head", read, [])


def group_rows(entries: Iterable[_Entry]) -> list[_Group]:
    """Households by 户编号 / the head's ID number, else consecutive rows from a 户主 row on."""
    groups: list[_Group] = []
    keyed: dict[str, _Group] = {}
    current: _Group | None = None
    for e in entries:
        if e.key is not None:
            if e.key not in keyed:
                keyed[e.key] = _Group()
                groups.append(keyed[e.key])
            keyed[e.key].entries.append(e)
            continue
        if current is None or e.head:
            current = _Group()
            groups.append(current)
        current.entries.append(e)
    return groups


def _sheet_household(g: _Group) -> SheetHousehold:
    """The group's people and the household values its rows give (the head's row first)."""
    rows = [e.read for e in g.entries if e.read is not None]
    ordered = sorted(rows, key=lambda r: r.person.relation != "head")
    given: dict[str, object] = {}
    for r in ordered:
        for k, value in r.household.items():
            if value != "" and k not in given:
                given[k] = value
    if "phone" in given:  # a member row's other number is the member's own
        for r in rows:
            phone = r.household.get("phone")
            if phone and phone != given["phone"]:
                r.person.given["phone"] = phone
    receiving: list[Receipt] = []
    first: dict[tuple[str, str], tuple[int, Receipt]] = {}
    for r in rows:
        x = r.receipt
        if x is None:
            continue
        seen = first.get((x.program, x.member))
        if seen is None:
            first[x.program, x.member] = (r.person.row, x)
            receiving.append(x)
        elif (seen[1].since, seen[1].monthly_amount) != (x.since, x.monthly_amount):
            g.errors.append(RowError(r.person.row, f"保障金额或起始日期与第{seen[0]}行（同一户）不一致",
                                     LABELS["amount"]))
    return SheetHousehold([r.person for r in rows], given, receiving)


def _problem_rows(g: _Group, problems: Iterable[Problem]) -> None:
    assert g.sheet is not None
    people_rows = g.sheet.rows
    for p in problems:
        i = p.path[1] if len(p.path) > 1 and p.path[0] == "members" and isinstance(p.path[1], int) else None
        number = people_rows[i] if i is not None and i < len(people_rows) else people_rows[0]
        name = "relation" if p.path == ("members",) else p.field
        g.errors.append(RowError(number, p.message, _PROBLEM_FIELDS.get(name)))


def _refuse_shared_people(groups: list[_Group]) -> None:
    """A person in two households of the sheet: both refused."""
    where: dict[str, tuple[_Group, int]] = {}
    for g in groups:
        if g.sheet is None:
            continue
        for p in g.sheet.people:
            other, row = where.setdefault(p.id_number, (g, p.row))
            if other is not g:
                g.errors.append(RowError(p.row, _in_two(row), LABELS["id_number"]))
                other.errors.append(RowError(row, _in_two(p.row), LABELS["id_number"]))


def _in_two(other_row: int) -> str:
    return f"身份证号：此人在第{other_row}行的另一户也出现了，一个人只能属于一户，请核实后只保留一处"


def _row_errors(groups: list[_Group]) -> list[RowError]:
    out: list[RowError] = []
    for g in groups:
        if not g.refused:
            continue
        own = [*(err for e in g.entries for err in e.errors), *g.errors]
        wrong = {err.row for err in own}
        out += own
        first = min(wrong)
        out += [RowError(e.number, f"同一户的第{first}行有错误，这一户没有导入") for e in g.entries
                if e.number not in wrong]
    out.sort(key=lambda err: err.row)
    return out


def _stored(session: Session, ids: set[str]) -> dict[str, Household]:
    out: dict[str, Household] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        for batch in store.iter_households(session.connection(), ids=wanted[start:start + 500]):
            out.update((str(h.id), h) for h in batch)
    return out


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled()


def import_roster(profile: Profile, rows: Iterable[SheetRow], summary: ImportSummary, *, dry_run: bool,
                  progress: Progress | None = None, source: str = "") -> ImportSummary:
    """Import the roster's rows (see the module doc); ``source``: the file's name, kept with each
    difference listed. Returns ``summary``, filled in."""
    summary.dry_run = dry_run
    region = profile_settings.profile_info(profile).region
    if not region:
        raise DomainError("档案还没有设置所属地区（行政区划代码）：请先在“档案设置”中填写，再导入名册")
    entries = []
    for row in rows:
        if not blank(row):
            summary.rows += 1
            entries.append(_entry(row))
    groups = group_rows(entries)
    total = len(groups)
    _tick(progress, 0, total)
    for g in groups:
        if g.refused:
            continue
        g.sheet = _sheet_household(g)
        h = validation.tidy(roster_merge.new_household(g.sheet, region=region, area=DEFAULT_AREA))
        _problem_rows(g, validation.household_problems(h, with_visits=False))
        g.household = h
    _refuse_shared_people(groups)
    if not dry_run:
        profile.refuse_writes()
        backups.backup_before(profile, "import")
    with profile.session(write=not dry_run) as session:
        _match_and_write(session, groups, summary, dry_run=dry_run, progress=progress, source=source)
        summary.errors = _row_errors(groups)
        summary.warnings += [w for g in groups if not g.refused for e in g.entries if e.read is not None
                             for w in e.read.warnings]
        summary.warnings.sort(key=lambda w: w.row)
        summary.invalid = sum(len(g.entries) for g in groups if g.refused)
        _tick(progress, total, total)
    return summary


def _match_and_write(session: Session, groups: list[_Group], summary: ImportSummary, *, dry_run: bool,
                     progress: Progress | None, source: str) -> None:
    valid = [g for g in groups if not g.refused]
    found = people.registrations(session, (p.id_number for g in valid for p in (g.sheet.people if g.sheet else ())))
    where: dict[str, people.Registration] = {}
    for r in found:
        where.setdefault(r.id_number, r)
    stored = _stored(session, {r.household_id for r in where.values()})
    listed = difference_store.of_households(session, stored)
    answered: dict[str, set[tuple[str, str, str]]] = {}
    for row in listed:
        if row.choice != difference_store.ACCEPTED:  # pending, or kept as recorded
            answered.setdefault(row.household_id, set()).add((row.member_id_number, row.field, row.roster))
    new: list[Household] = []
    filled: list[tuple[Household, Household]] = []
    differences: dict[str, list[Difference]] = {}
    for n, g in enumerate(groups, 1):
        if n % 50 == 0:
            _tick(progress, n, len(groups))
        if g.refused or g.sheet is None or g.household is None:
            continue
        homes = {where[p.id_number].household_id for p in g.sheet.people if p.id_number in where}
        if len(homes) > 1:
            for p in g.sheet.people:
                if (there := where.get(p.id_number)) is not None:
                    place = f"户主“{there.head_name or '—'}”" + (f"（{there.village}）" if there.village else "")
                    g.errors.append(RowError(p.row, f"身份证号：此人已登记在{place}的家庭，同一户的其他人却登记在"
                                                    "别的家庭：请先核实", LABELS["id_number"]))
            continue
        if not homes:
            summary.warnings += labour_warnings([e.read for e in g.entries if e.read is not None], g.household)
            new.append(g.household)
            summary.new += 1
            summary.unmatched += len(g.entries)
            continue
        before = stored[homes.pop()]
        after, diffs, was_filled = roster_merge.merge(before, g.sheet)
        if was_filled:
            validation.tidy(after)
            problems = validation.household_problems(after, with_visits=False)
            if problems:
                _problem_rows(g, problems)
                continue
            filled.append((before, after))
        summary.warnings += labour_warnings([e.read for e in g.entries if e.read is not None], after)
        fresh = [d for d in diffs if _key(d) not in answered.get(str(before.id), ())]
        if fresh:
            differences[str(before.id)] = fresh
        summary.changed += len(fresh)
        summary.matched += sum(1 for p in g.sheet.people if p.id_number in where)
        summary.unmatched += sum(1 for p in g.sheet.people if p.id_number not in where)
    if dry_run:
        return
    session.flush()
    bulk_store.insert_many(session.connection(), new, unsent=True)
    audit.record_household_imports(session, new)
    for before, after in filled:
        saved = store.save_household(session, after, with_visits=False, refresh_list=False)
        audit.record_household_save(session, before, saved, with_visits=False, imported=True)
    if filled:
        store.refresh_after_save(session, [str(after.id) for _before, after in filled])
    for household_id, diffs in differences.items():
        changed = {(d.member_id_number, d.field) for d in diffs}
        difference_store.close(session, [row for row in listed if row.household_id == household_id
                                         and row.resolved_at is None
                                         and (row.member_id_number, row.field) in changed], difference_store.SUPERSEDED)
        difference_store.add(session, household_id, diffs, source)


def _key(d: Difference) -> tuple[str, str, str]:
    return d.member_id_number, d.field, difference_store.dumps(d.roster)


__all__ = ["DEFAULT_AREA", "ROSTER_FIELDS", "Progress", "group_rows", "import_roster"]
