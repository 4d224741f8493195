"""Database tables (SQLAlchemy 2 typed models).

Every record that will be merged from several laptops has a random UUID primary key, creation and
update times (UTC, ISO text), a version counter raised on each change, a ``deleted_at`` tombstone
instead of a hard delete, and an ``unsent`` flag for changes not yet exported in a bundle.
Money is stored in integer fen (分) so sums are exact; incomes are a small JSON list on the member.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base as Base  # re-exported: every table is declared on it
from .department_evidence import DepartmentEvidenceRow  # noqa: F401  (declared on Base.metadata, as the sync tables)
from .held_parts import HeldPartRow  # noqa: F401  (declared on Base.metadata, as the sync tables)
from .list_search import ID_REVERSED, NAME_CHAR_PLACES
from .policy_tables import PolicyTableRow  # noqa: F401  (declared on Base.metadata, as the sync tables)
from .roster_difference_rows import RosterDifferenceRow as RosterDifferenceRow  # declared on Base.metadata
from .sync_models import (  # noqa: F401  (declared on Base.metadata here, so every user of the models has them)
    SyncAssignmentRow,
    SyncBundleRow,
    SyncConflictRow,
    SyncIdentityRow,
    SyncKeptCopyRow,
    SyncPeerRow,
    SyncRecordRow,
    SyncSentRow,
)


def new_id() -> str:
    """A random (version 4) UUID as text; the same as ``str(uuid.uuid4())``, several times faster."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16)]}{h[17:20]}-{h[20:]}"


_VARIANT = "89ab89ab89ab89ab"  # RFC 4122 variant: the top two bits of this nibble are 10


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The household list's sort indexes (migration 0011): sort key column, then the default order.
LIST_SORT_INDEXES: dict[str, tuple[str, ...]] = {
    "head_name": ("head_name", "village", "id"),
    "member_count": ("member_count", "village", "head_name", "id"),
    "last_visit": ("last_visit", "village", "head_name", "id"),
    "next_review": ("next_review", "village", "head_name", "id"),
    "sync_mark": ("sync_mark", "village", "head_name", "id"),
}

# Partial indexes over live records only: the same condition for both databases.
_LIVE: dict[str, Any] = {"sqlite_where": text("deleted_at IS NULL"), "postgresql_where": text("deleted_at IS NULL")}


class Record:
    """Columns every synchronisable record carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)
    unsent: Mapped[bool] = mapped_column(Boolean, default=True)


NOT_ARCHIVED: dict[str, Any] = {"archive_reason": None, "archive_note": "", "archived_on": None, "archived_by": ""}
"""The archive columns of a live household."""


class HouseholdRow(Record, Base):
    __tablename__ = "households"

    region: Mapped[str] = mapped_column(String(6))
    area: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(Text, default="")
    registered_address: Mapped[str] = mapped_column(Text, default="", server_default="")  # migration 0006
    town: Mapped[str] = mapped_column(Text, default="")
    village: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    financial_assets_fen: Mapped[int] = mapped_column(Integer, default=0)
    vehicles: Mapped[int] = mapped_column(Integer, default=0)
    extra_houses: Mapped[int] = mapped_column(Integer, default=0)
    # Vehicles by kind (migration 0007): ``vehicles`` above are the ordinary ones.
    disability_vehicles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    production_vehicles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    medical_selfpaid_12m_fen: Mapped[int] = mapped_column(Integer, default=0)
    education_12m_fen: Mapped[int] = mapped_column(Integer, default=0)
    emergency_kind: Mapped[str | None] = mapped_column(String(16), default=None)
    emergency_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    supporters: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)  # see convert.supporter_dict
    # What the household receives now (migration 0007): [{program, since, monthly_amount_fen, member}, …]
    receiving: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list, server_default="[]")
    # Denormalised for the list screen and search; kept current by the store on every save.
    head_name: Mapped[str] = mapped_column(Text, default="")
    head_initials: Mapped[str] = mapped_column(Text, default="")
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    # Archived (归档, migration 0004): the household's tombstone (``deleted_at``) with why, on which
    # day and by whom; all three cleared when it is restored. Reason codes: vocab.ARCHIVE_REASONS.
    archive_reason: Mapped[str | None] = mapped_column(String(16), default=None)
    archive_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    archived_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    archived_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The list's computed columns (migration 0011), kept by the store on every write that changes
    # them (store.list_columns): 最近走访, 下次核查 and the 发送 mark (store.sync_marks).
    last_visit: Mapped[dt.date | None] = mapped_column(Date, default=None)
    next_review: Mapped[dt.date | None] = mapped_column(Date, default=None)
    sync_mark: Mapped[int] = mapped_column(Integer, default=2, server_default="2")

    __table_args__ = (
        Index("ix_households_village", "village"),
        Index("ix_households_head_name", "head_name"),
        Index("ix_households_head_initials", "head_initials"),
        # The household list's default order (migration 0002).
        Index("ix_households_list", "village", "head_name", "id", "town", **_LIVE),
        # The list's other orders (migration 0011): each column, then the default order.
        *(Index(f"ix_households_by_{name}", *columns, **_LIVE) for name, columns in LIST_SORT_INDEXES.items()),
        # A part of a town's name in the search: the distinct towns, then their households (migration 0013).
        Index("ix_households_town", "town", "id", **_LIVE),
    )


class MemberRow(Record, Base):
    __tablename__ = "members"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(String(18))
    relation: Mapped[str] = mapped_column(String(16))
    disability_kind: Mapped[str | None] = mapped_column(String(16), default=None)
    disability_grade: Mapped[int | None] = mapped_column(Integer, default=None)
    serious_illness: Mapped[bool] = mapped_column(Boolean, default=False)
    self_care_lost: Mapped[int] = mapped_column(Integer, default=0)
    self_care_items: Mapped[list[str]] = mapped_column(JSON, default=list)
    student: Mapped[bool] = mapped_column(Boolean, default=False)
    whereabouts: Mapped[str] = mapped_column(String(16), default="home")
    months_away: Mapped[int] = mapped_column(Integer, default=0)
    incomes: Mapped[list[list[object]]] = mapped_column(JSON, default=list)  # [[kind, monthly], …]
    ethnicity: Mapped[str] = mapped_column(Text, default="")
    occupation: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    # The law's states of a person (migration 0007): vocab.MEMBER_STATES, with the day of the death
    # or court declaration; the term of a prison or rehab order; legal capacity, guardianship, deported.
    state: Mapped[str] = mapped_column(String(16), default="living", server_default="living")
    state_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    order_months: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    no_legal_capacity: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    guardianship_revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    deported: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    __table_args__ = (
        Index("ix_members_household", "household_id", "position"),
        Index("ix_members_id_number", "id_number"),
        # Search as you type in the household list: names, and the end of ID numbers (migration 0002;
        # the ID index holds the household since 0017, so a search reads no member row).
        Index("ix_members_name_list", "name", "household_id", **_LIVE),
        # In parentheses: PostgreSQL requires them around an index expression that is not one function call.
        Index("ix_members_id_reversed", text(f"({ID_REVERSED})"), "household_id", **_LIVE),
        # A part of a name: its character at places 2–4, and the long names (migration 0013).
        *(Index(f"ix_members_name_{place}", text(f"(substr(name, {place}, 1))"), "name", "household_id", **_LIVE)
          for place in NAME_CHAR_PLACES),
        Index("ix_members_name_long", "name", "household_id",
              sqlite_where=text(f"deleted_at IS NULL AND length(name) > {NAME_CHAR_PLACES[-1]}"),
              postgresql_where=text(f"deleted_at IS NULL AND length(name) > {NAME_CHAR_PLACES[-1]}")),
    )


class VisitRow(Record, Base):
    __tablename__ = "visits"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(Date)
    investigators: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_visit: Mapped[dt.date | None] = mapped_column(Date, default=None)
    follow_up: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_visits_household", "household_id", "date"),
        # The list's 最近走访 / 下次核查 (migration 0003): answered from the index alone.
        Index("ix_visits_review", "household_id", "date", "created_at", "next_visit",
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
    )


class NeedRow(Record, Base):
    __tablename__ = "needs"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")

    __table_args__ = (Index("ix_needs_visit", "visit_id"), Index("ix_needs_household", "household_id"))


class NeedStatusChangeRow(Record, Base):
    """One change of a need's status (待办 → 已转介 → 已满足), kept for the needs list's history
    (migration 0005). Rows are only added, never changed: a correction is a further change."""

    __tablename__ = "need_status_changes"

    need_id: Mapped[str] = mapped_column(ForeignKey("needs.id", ondelete="CASCADE"))
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    old_status: Mapped[str] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    changed_on: Mapped[dt.date] = mapped_column(Date)  # the day it happened, as the advisor says
    changed_by: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_need_status_changes_need", "need_id", "changed_on"),
                      Index("ix_need_status_changes_household", "household_id"))


class ScreeningResultRow(Base):
    """The latest screening's stored results of one household (migration 0014): its eligible and
    needs_info results as fixed-width records (``store.screening_results.RESULT_FIELDS``), the members they
    name, and its eligible programmes as words (`` dibao tekun ``) for the list's SQL."""

    __tablename__ = "screening_results"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    eligible: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[bytes] = mapped_column(LargeBinary)
    member_ids: Mapped[str] = mapped_column(Text, default="")  # space-separated; a result names one by index
    on_date: Mapped[dt.date] = mapped_column(Date)
    screened_at: Mapped[str] = mapped_column(String(32), default=utc_now)  # when this row was last written (a
    # screening that finds it unchanged keeps it: the run's own time is the setting ``screening.last``)


class HouseholdInputRow(Base):
    """The inputs of the rules of one live household, packed (``domain.inputs``; migration 0014):
    its record, its live members' records one after another, their ids, and its region and area."""

    __tablename__ = "household_inputs"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    region: Mapped[str] = mapped_column(String(6))
    area: Mapped[str] = mapped_column(String(8))
    household: Mapped[bytes] = mapped_column(LargeBinary)
    members: Mapped[bytes] = mapped_column(LargeBinary)
    supporters: Mapped[bytes] = mapped_column(LargeBinary)
    incomes: Mapped[bytes] = mapped_column(LargeBinary)
    member_ids: Mapped[str] = mapped_column(Text, default="")  # space-separated, in the members' order


class DraftRow(Base):
    """Work in progress saved every few seconds (a visit being typed), restored after a crash."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class SettingRow(Base):
    """Business settings that belong to the profile (not to the window)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntryRow(Base):
    """One entry of the audit log (migration 0008, :mod:`advisor_app.store.audit`): only added, never
    changed. ``fields`` is a JSON list of field NAMES; values are never stored here."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    who: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str | None] = mapped_column(String(64), default=None)
    household_id: Mapped[str | None] = mapped_column(String(36), default=None)
    fields: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_household", "household_id", "seq"), Index("ix_audit_log_at", "at"))


class AuditHeadRow(Base):
    """The audit log's end: one row (id 1), the last entry's number and hash (0 and the genesis hash
    while the log is empty)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
