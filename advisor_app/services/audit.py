"""The audit log as the advisor and the office use it: record what a service did, check the chain,
list the entries (:mod:`advisor_app.store.audit` keeps them).

Every service that writes records calls :func:`record` (or :func:`record_household_save` /
:func:`record_visit_save`, which compare the stored version with the new one) on the connection of
its own transaction: the entry commits with the change, or neither does. Who: the profile's advisor
name (``profile.advisor``, :func:`.profile_settings.advisor_in`; "" when none is set). Only the NAMES
of changed fields are recorded, never their values, and ``detail`` holds codes and counts only
(a form kind, an archive reason code, a number of households), never a name or an ID number.

Actions (:data:`ACTIONS`) and record kinds (:data:`KINDS`) are listed in ``docs/audit.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from advisor_app.domain.household import Household, Visit
from advisor_app.store import audit as store
from advisor_app.store.audit import AuditEntry, Broken

from . import profile_settings
from .audit_changes import household_changes, visit_changes
from .profile import Profile

ACTIONS = {"create": "新建", "change": "修改", "delete": "删除", "archive": "归档", "restore": "恢复",
           "import": "导入", "reset": "恢复默认", "export": "导出", "print": "打印", "screen": "筛查", "unlock": "解锁"}
KINDS = {"household": "家庭", "member": "成员", "visit": "走访", "need": "需求", "policy": "政策表",
         "form": "表格", "notice": "公示名单", "ledger": "筛查台账", "screening": "筛查结果",
         "profile": "档案", "bundle": "数据包", "conflict": "同步冲突", "evidence": "部门名单"}
JSON_KEYS = ("seq", "at", "who", "action", "kind", "record_id", "household_id", "fields", "detail",
             "prev_hash", "hash")
"""The keys of each object of ``audit list --format json`` (docs/audit.md), in this order."""


def _conn(bind: sa.Connection | Session) -> sa.Connection:
    return bind.connection() if isinstance(bind, Session) else bind


def record(bind: sa.Connection | Session, *, action: str, kind: str, record_id: str | None = None,
           household_id: str | None = None, fields: tuple[str, ...] | list[str] | set[str] = (),
           detail: str = "") -> AuditEntry:
    """Add one entry, by the profile's advisor, in the transaction of ``bind``."""
    conn = _conn(bind)
    return store.append(conn, action=action, kind=kind, who=profile_settings.advisor_in(conn),
                        record_id=record_id, household_id=household_id, fields=fields, detail=detail)


def record_household_save(bind: sa.Connection | Session, before: Household | None, after: Household, *,
                          with_visits: bool = True, imported: bool = False) -> int:
    """Entries for one saved household: the household itself (``create``, or ``change`` with the
    fields that changed; ``import`` when it came from a file, ``detail`` new / update), and each
    member, visit and need created, changed or removed. Nothing when nothing changed (an import of
    an unchanged file still says ``import``). Returns the number of entries."""
    changes = household_changes(before, after, with_visits=with_visits)
    if imported:
        own = next((c for c in changes if c.kind == "household"), None)
        changes = [c for c in changes if c.kind != "household"]
        fields = own.fields if own else ()
        record(bind, action="import", kind="household", record_id=after.id, household_id=after.id,
               fields=fields, detail="new" if before is None else "update")
    for c in changes:
        record(bind, action=c.action, kind=c.kind, record_id=c.record_id, household_id=after.id,
               fields=c.fields)
    return len(changes) + int(imported)


def record_household_imports(bind: sa.Connection | Session, households: list[Household]) -> int:
    """The entries :func:`record_household_save` makes for new households imported from a file
    (``import`` with ``detail`` new, and each member created), appended together."""
    conn = _conn(bind)
    drafts: list[dict[str, object]] = []
    for h in households:
        drafts.append({"action": "import", "kind": "household", "record_id": h.id, "household_id": h.id,
                       "detail": "new"})
        drafts += [{"action": c.action, "kind": c.kind, "record_id": c.record_id, "household_id": h.id,
                    "fields": c.fields} for c in household_changes(None, h, with_visits=False) if c.kind != "household"]
    return store.append_many(conn, drafts, who=profile_settings.advisor_in(conn))


def record_visit_save(bind: sa.Connection | Session, household_id: str, before: Visit | None,
                      after: Visit) -> int:
    """Entries for one saved visit and its needs (as :func:`record_household_save`)."""
    changes = visit_changes(before, after)
    for c in changes:
        record(bind, action=c.action, kind=c.kind, record_id=c.record_id, household_id=household_id,
               fields=c.fields)
    return len(changes)


@contextlib.contextmanager
def recording(profile: Profile, *, action: str, kind: str, record_id: str | None = None,
              household_id: str | None = None, detail: str = "") -> Iterator[None]:
    """For a change that is not in the database (a file written: a ledger, the policy table): the
    entry is added in a transaction that commits only after the block has run, so a block that fails
    leaves no entry."""
    with profile.connection(write=True) as conn:
        record(conn, action=action, kind=kind, record_id=record_id, household_id=household_id, detail=detail)
        yield


def record_unlock(profile: Profile) -> AuditEntry:
    """The profile was unlocked (its passphrase given): one entry, in a transaction of its own."""
    with profile.connection(write=True) as conn:
        return record(conn, action="unlock", kind="profile")


# --- reading and checking ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ChainCheck:
    entries: int
    broken: Broken | None

    @property
    def holds(self) -> bool:
        return self.broken is None

    @property
    def message(self) -> str:
        """One line for the advisor."""
        if self.broken is None:
            return f"审计记录完好，共 {self.entries} 条"
        return broken_message(self.broken)


def broken_message(broken: Broken) -> str:
    if broken.how == "inserted":
        return f"审计记录第 {broken.seq} 条是后来插入的"
    return f"审计记录第 {broken.seq} 条被改动或删除"


def verify(profile: Profile) -> ChainCheck:
    """Check the whole chain (one read transaction)."""
    with profile.connection() as conn:
        return ChainCheck(store.count(conn), store.verify(conn))


def list_entries(profile: Profile, *, household_id: str | None = None, since: dt.date | None = None,
                 limit: int | None = None) -> list[AuditEntry]:
    """Entries oldest first; of one household; from the start of the day ``since`` (the computer's
    time zone) on."""
    with profile.connection() as conn:
        return store.entries(conn, household_id=household_id,
                             since=store.utc_start_of(since) if since else None, limit=limit)


def entry_dict(e: AuditEntry) -> dict[str, Any]:
    """An entry as the JSON of ``audit list --format json`` gives it (keys :data:`JSON_KEYS`)."""
    values: dict[str, Any] = {k: getattr(e, k) for k in JSON_KEYS}
    values["fields"] = e.field_names
    return values


def local_time(at: str) -> str:
    """``2026-05-01T00:30:00.000000Z`` → ``2026-05-01 08:30:00`` in the computer's time zone."""
    try:
        moment = dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
