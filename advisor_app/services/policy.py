"""Policy tables as the advisor and the county clerk use them: see what is in force, import a
county's Excel sheet (preview first, then apply), write a template sheet.

A profile's own tables are kept in its database (:mod:`.policy_store`, one table per region code:
imported here from a sheet, or received from the town office in a bundle, which says so and when).
For every region code they name, their rows replace the shipped rows of that code. An older
profile's ``<data folder>/policy/local.csv`` is moved into the database when the profile is opened;
one that could not be moved (a bad cell, a read-only folder) is still read, on top.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import ascii_digits, is_ascii_digits
from advisor_app.rules.policy import PolicyTables, PolicyValue, default_tables, region_chain
from advisor_app.rules.policy_excel import read_xlsx, write_xlsx
from advisor_app.rules.policy_format import AREA_LABELS, AREAS, KEYS, check_periods, format_number, read_csv
from advisor_app.rules.policy_format import PolicyRow as PolicyRow  # part of this API (ImportPreview.rows)

from . import audit, backups, policy_store
from .policy_store import TableSource as TableSource  # part of this API (PolicyShow.sources)
from .profile import Profile

_lock = threading.Lock()
_Stamp = tuple[tuple[int, int], tuple[int, int] | None]
_cache: dict[tuple[str, Path], tuple[_Stamp, PolicyTables]] = {}


def legacy_table_path(profile: Profile) -> Path:
    """An older profile's plaintext table file (moved into the database when the profile opens)."""
    return profile.data.root / policy_store.LEGACY_FILE


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _stamp(profile: Profile) -> _Stamp:
    with profile.connection() as conn:  # asked at every use: a Core connection costs a quarter of a session
        stored = policy_store.stamp(conn)
    return stored, _file_stamp(legacy_table_path(profile))


def _local(profile: Profile) -> list[PolicyRow]:
    """The profile's own rows: the stored tables, with a legacy file not yet moved on top."""
    with profile.session() as session:
        rows = policy_store.local_rows(session)
    path = legacy_table_path(profile)
    if path.is_file():
        from_file = read_csv(path)
        named = {row.region for row in from_file}
        rows = [row for row in rows if row.region not in named] + from_file
    return rows


def tables_for(profile: Profile | None) -> PolicyTables:
    """The tables a profile works with: shipped ones plus its own tables (cached until they
    change). ``None`` gives the shipped tables."""
    base = default_tables()
    if profile is None:
        return base
    stamp = _stamp(profile)
    if stamp == ((0, 0), None):
        return base
    key = (profile.engine.url.render_as_string(hide_password=True), profile.data.root)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
    tables = base.with_local(_local(profile))
    with _lock:
        _cache[key] = (stamp, tables)
    return tables


def table_sources(profile: Profile) -> dict[str, TableSource]:
    """region → where the profile's own table of that region came from (imported here, or from the
    office: its name, fingerprint and when it arrived)."""
    with profile.session() as session:
        return policy_store.sources(session)


def regions(profile: Profile | None = None) -> list[tuple[str, str]]:
    """(code, Chinese name) of the regions with a policy table, for a region picker."""
    return tables_for(profile).regions()


# ---- show ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ShownValue:
    area: str | None  # the area this line is for; None = the same for both areas
    value: PolicyValue


@dataclass(slots=True)
class PolicyShow:
    region: str
    name: str
    on: dt.date
    area: str | None
    values: list[ShownValue] = field(default_factory=list)
    sources: dict[str, TableSource] = field(default_factory=dict)  # the profile's own tables shown

    @property
    def has_standard(self) -> bool:
        """False when no 低保标准 is known for this region and date (checks will need a table)."""
        return any(v.value.key == "dibao_standard" for v in self.values)


def resolve_region(text: str, tables: PolicyTables) -> str:
    """A 6-digit code, or a (part of a) Chinese name that matches exactly one known region."""
    text = ascii_digits(text.strip())
    if len(text) == 6 and is_ascii_digits(text):
        return text
    matches = [code for code, name in tables.names().items() if text and text in name]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise DomainError(f"“{text}”不是 6 位地区代码，也不是已知的地区名称")
    listed = "、".join(f"{tables.name(c)}（{c}）" for c in sorted(matches)[:8])
    raise DomainError(f"“{text}”对应多个地区：{listed}，请写地区代码")


def show(region: str, on: dt.date | None = None, area: str | None = None,
         profile: Profile | None = None) -> PolicyShow:
    """The values in force for a region on a date; without an area, both areas (once when equal)."""
    if area is not None and area not in AREAS:
        raise DomainError(f"城乡应为 urban 或 rural，不是“{area}”")
    tables = tables_for(profile)
    code = resolve_region(region, tables)
    on = on or dt.date.today()
    result = PolicyShow(region=code, name=tables.name(code), on=on, area=area)
    for key in KEYS:
        if area is not None:
            found = tables.lookup(code, key, on, area)
            if found is not None:
                result.values.append(ShownValue(area, found))
            continue
        urban, rural = (tables.lookup(code, key, on, a) for a in AREAS)
        if urban is not None and urban == rural and urban.area is None:
            result.values.append(ShownValue(None, urban))
            continue
        result.values.extend(ShownValue(a, v) for a, v in (("urban", urban), ("rural", rural)) if v)
    if profile is not None:
        shown = {v.value.region for v in result.values}
        result.sources = {r: src for r, src in table_sources(profile).items() if r in shown}
    return result


# ---- how a value is written (the CLI and the screens show what the tables say) -----------------

def area_label(area: str | None) -> str:
    """城镇, 农村, or 城乡通用 for a value that holds in both."""
    return AREA_LABELS[area]


def key_label(key: str) -> str:
    """The Chinese name of a policy item, e.g. 低保标准 for ``dibao_standard``."""
    return KEYS[key].label


def number_text(value: float) -> str:
    """A figure as the tables write it: 924, not 924.0; 1.5 as it is."""
    return format_number(value)


# ---- import -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "added" | "changed" | "removed"
    before: PolicyRow | None
    after: PolicyRow | None

    @property
    def row(self) -> PolicyRow:
        row = self.after or self.before
        assert row is not None
        return row


@dataclass(slots=True)
class ImportPreview:
    source: Path
    regions: list[str]  # region codes the sheet names (their whole tables are replaced)
    rows: list[PolicyRow]  # the sheet's rows
    changes: list[Change]
    unchanged: int
    new_local: list[PolicyRow] = field(repr=False, default_factory=list)
    local_stamp: _Stamp | None = None

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)


def preview_import(profile: Profile, xlsx: Path) -> ImportPreview:
    """Read and check a county's sheet and say what importing it would change. Changes nothing."""
    sheet_rows = read_xlsx(xlsx)
    if not sheet_rows:
        raise DomainError("表中没有数据行", where=xlsx.name)
    check_periods(sheet_rows)
    regions = sorted({row.region for row in sheet_rows})
    return _preview(profile, xlsx, regions, sheet_rows)


def preview_reset(profile: Profile, region: str) -> ImportPreview:
    """What removing a region's imported values (back to the shipped table) would change."""
    code = resolve_region(region, tables_for(profile))
    if not any(row.region == code for row in _local(profile)):
        raise DomainError(f"{tables_for(profile).name(code)}（{code}）没有导入过本地标准，无需恢复")
    return _preview(profile, Path(f"{code}"), [code], [])


def _preview(profile: Profile, source: Path, regions: list[str], rows: list[PolicyRow]) -> ImportPreview:
    stamp = _stamp(profile)
    current_local = _local(profile)
    new_local = [row for row in current_local if row.region not in regions] + rows
    new_tables = default_tables().with_local(new_local)  # the result must validate as a whole
    before = {row.identity: row for row in tables_for(profile).rows() if row.region in regions}
    after = {row.identity: row for row in new_tables.rows() if row.region in regions}
    changes: list[Change] = []
    unchanged = 0
    for identity, row in after.items():
        old = before.get(identity)
        if old is None:
            changes.append(Change("added", None, row))
        elif not old.same_content(row):
            changes.append(Change("changed", old, row))
        else:
            unchanged += 1
    changes.extend(Change("removed", row, None) for identity, row in before.items() if identity not in after)
    changes.sort(key=lambda c: (c.row.region, c.row.key, c.row.area or "", c.row.effective_from))
    return ImportPreview(source=source, regions=regions, rows=rows, changes=changes,
                         unchanged=unchanged, new_local=new_local, local_stamp=stamp)


def apply_import(profile: Profile, preview: ImportPreview) -> list[str]:
    """Store the previewed sheet (or reset) as the profile's own tables of its regions, with the
    audit entry, in one transaction; returns the regions. Refuses when the profile's tables were
    changed since the preview (preview again)."""
    if _stamp(profile) != preview.local_stamp:
        raise DomainError("预览之后本地政策表已被修改，请重新导入预览")
    action = "import" if preview.rows else "reset"  # a reset imports no rows
    profile.refuse_writes()
    if preview.rows:
        backups.backup_before(profile, "import")
    legacy = legacy_table_path(profile)
    with profile.session(write=True) as session:
        if (policy_store.stamp(session), _file_stamp(legacy)) != preview.local_stamp:
            raise DomainError("预览之后本地政策表已被修改，请重新导入预览")
        # every region of a legacy file not yet moved is stored too: the file then goes
        regions = sorted(set(preview.regions) | ({r.region for r in preview.new_local} if legacy.is_file() else set()))
        policy_store.replace_regions(session, regions, preview.new_local)
        audit.record(session, action=action, kind="policy", detail=" ".join(preview.regions))
    legacy.unlink(missing_ok=True)
    with _lock:
        for key in [k for k in _cache if k[1] == profile.data.root]:
            _cache.pop(key, None)
    return list(preview.regions)


# ---- template -----------------------------------------------------------------------------------

def write_template(out: Path, region: str | None = None, profile: Profile | None = None) -> int:
    """Write an Excel sheet in the import layout; with a region, filled with that region's current
    rows (its own, not its city's or province's). Returns the number of rows written."""
    tables = tables_for(profile)
    rows: list[PolicyRow] = []
    if region is not None:
        code = resolve_region(region, tables)
        if not region_chain(code):
            raise DomainError(f"地区代码“{code}”应是 6 位数字")
        rows = sorted((r for r in tables.rows() if r.region == code),
                      key=lambda r: (list(KEYS).index(r.key), r.area or "", r.effective_from))
    try:
        write_xlsx(out, rows, tables.names())
    except OSError as exc:
        raise DomainError(f"无法写入文件：{exc.strerror or exc}", where=str(out)) from None
    return len(rows)
