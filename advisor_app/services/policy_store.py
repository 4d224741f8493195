"""The profile's policy tables as rows (:class:`~advisor_app.rules.policy_format.PolicyRow`), kept in
its database (:mod:`advisor_app.store.policy_tables`), and the one-time move of an older profile's
plaintext ``policy/local.csv`` into it.

These functions work on a session of the caller's transaction (the import, the reset and a bundle's
import write the tables and their audit entry together); they do not open the profile.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.rules.policy_format import PolicyRow, PolicyTableError, parse_row, read_csv
from advisor_app.store import audit as audit_store
from advisor_app.store import engine as store_engine
from advisor_app.store import policy_tables as store
from advisor_app.store.models import utc_now
from advisor_app.store.policy_tables import FromOffice, StoredTable
from advisor_app.store.settings import ADVISOR, get_setting

LEGACY_FILE = Path("policy") / "local.csv"
"""Where a profile kept its imported table before it moved into the database (relative to the data folder)."""


def rows_text(rows: Iterable[PolicyRow]) -> str:
    """A table's value rows as stored: their cells (file form), canonical JSON."""
    cells = [row.cells() for row in rows]
    return json.dumps(cells, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rows_of(region: str, text: str) -> list[PolicyRow]:
    """The value rows stored for ``region`` (checked as a table file's rows are)."""
    try:
        cells = json.loads(text)
    except ValueError:
        cells = None
    where = f"档案里的政策标准表（{region}）"
    if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
        raise PolicyTableError("内容无法读取", where=where)
    out = []
    for i, c in enumerate(cells, start=1):
        origin = f"{where}第{i}行"
        row = parse_row(c, _locator(origin), origin)
        if row.region != region:
            raise PolicyTableError(f"地区代码“{row.region}”与所在的表（{region}）不符", where=origin)
        out.append(row)
    return out


def _locator(origin: str) -> Callable[[str], str]:
    return lambda column: f"{origin} {column} 列"


@dataclass(frozen=True, slots=True)
class TableSource:
    """Where a region's table in force came from: ``local`` (imported here) or ``office``."""

    region: str
    source: str
    changed_at: str
    office_name: str | None = None
    office_fingerprint: str | None = None
    received_at: str | None = None

    @property
    def from_office(self) -> bool:
        return self.source == store.OFFICE


def local_rows(session: Session) -> list[PolicyRow]:
    """Every value row of the profile's own tables (imported or received), region by region."""
    out: list[PolicyRow] = []
    for table in store.tables(session):
        out += rows_of(table.region, table.value_rows)
    return out


def sources(session: Session) -> dict[str, TableSource]:
    """region → where its stored table came from (live tables only)."""
    return {t.region: TableSource(t.region, t.source, t.changed_at, t.office_name, t.office_fingerprint,
                                  t.received_at) for t in store.tables(session)}


def stored_tables(session: Session, *, with_removed: bool = False) -> list[StoredTable]:
    return store.tables(session, with_removed=with_removed)


def stamp(bind: Session | sa.Connection) -> tuple[int, int]:
    return store.stamp(bind)


def replace_regions(session: Session, regions: Iterable[str], rows: Iterable[PolicyRow], *,
                    office: FromOffice | None = None) -> None:
    """Make the stored tables of ``regions`` exactly ``rows`` (a region without rows is removed:
    back to the shipped table)."""
    wanted = set(regions)
    by_region: dict[str, list[PolicyRow]] = {r: [] for r in wanted}
    for row in rows:
        if row.region in wanted:
            by_region[row.region].append(row)
    now = utc_now()
    for region, own in sorted(by_region.items()):
        if own:
            store.put(session, region, rows_text(own), now=now, office=office)
        else:
            store.remove(session, region, now=now, office=office)


def advisor_name(session: Session) -> str:
    """Who an audit entry is by: the profile's advisor ("" when none is set)."""
    return (get_setting(session.connection(), ADVISOR, "") or "").strip()


def move_local_file(engine: sa.Engine, data_root: Path) -> bool:
    """Move an older profile's ``policy/local.csv`` into the database, once: its regions' tables
    replace the stored ones, with an audit entry, in one transaction; the file is removed after the
    commit. A file that cannot be read as a table stays where it is (the tables' readers name the
    bad cell, as before) and nothing is stored. True when a file was moved."""
    path = data_root / LEGACY_FILE
    if not path.is_file():
        return False
    try:
        rows = read_csv(path)
    except PolicyTableError:
        return False
    regions = sorted({row.region for row in rows})
    with store_engine.session_factory(store_engine.for_writing(engine))() as session, session.begin():
        replace_regions(session, regions, rows)
        audit_store.append(session.connection(), action="import", kind="policy", who=advisor_name(session),
                           detail=" ".join(regions) + " (local.csv)")
    path.unlink(missing_ok=True)
    return True
