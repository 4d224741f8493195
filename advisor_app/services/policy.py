"""Policy tables as the advisor and the county clerk use them: see what is in force, import a
county's Excel sheet (preview first, then apply), write a template sheet.

A profile's imported table lives in ``<data folder>/policy/local.csv`` (the shipped CSV format).
For every region code it names, its rows replace the shipped rows of that code.
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
from advisor_app.rules.policy_format import AREA_LABELS, AREAS, KEYS, check_periods, format_number, read_csv, write_csv
from advisor_app.rules.policy_format import PolicyRow as PolicyRow  # part of this API (ImportPreview.rows)

from . import audit, backups
from .profile import Profile

LOCAL_FILE = "local.csv"

_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int], PolicyTables]] = {}


def local_table_path(profile: Profile) -> Path:
    return profile.data.root / "policy" / LOCAL_FILE


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


def tables_for(profile: Profile | None) -> PolicyTables:
    """The tables a profile works with: shipped ones plus its imported local table (cached until the
    local file changes). ``None`` gives the shipped tables."""
    base = default_tables()
    if profile is None:
        return base
    path = local_table_path(profile)
    stamp = _stamp(path)
    if stamp is None:
        return base
    with _lock:
        hit = _cache.get(path)
        if hit is not None and hit[0] == stamp:
            return hit[1]
    tables = base.with_local(read_csv(path))
    with _lock:
        _cache[path] = (stamp, tables)
    return tables


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
    local_stamp: tuple[int, int] | None = None

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
    path = local_table_path(profile)
    if not any(row.region == code for row in (read_csv(path) if path.exists() else [])):
        raise DomainError(f"{tables_for(profile).name(code)}（{code}）没有导入过本地标准，无需恢复")
    return _preview(profile, path, [code], [])


def _preview(profile: Profile, source: Path, regions: list[str], rows: list[PolicyRow]) -> ImportPreview:
    path = local_table_path(profile)
    stamp = _stamp(path)
    current_local = read_csv(path) if stamp is not None else []
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


def apply_import(profile: Profile, preview: ImportPreview) -> Path:
    """Store the previewed sheet (or reset) as the profile's local table. Refuses when the local
    table was changed since the preview (preview again)."""
    path = local_table_path(profile)
    if _stamp(path) != preview.local_stamp:
        raise DomainError("预览之后本地政策表已被修改，请重新导入预览", where=str(path))
    action = "import" if preview.rows else "reset"  # a reset imports no rows
    profile.refuse_writes()
    if preview.rows:  # the policy table is a file beside the database; the records are kept as usual
        backups.backup_before(profile, "import")
    with audit.recording(profile, action=action, kind="policy", detail=" ".join(preview.regions)):
        write_csv(path, preview.new_local)
    with _lock:
        _cache.pop(path, None)
    return path


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
