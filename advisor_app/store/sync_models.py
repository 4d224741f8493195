"""The tables of sync by bundle files (migration 0009, docs/sync.md).

Device ids are text (a UUID made when the profile's identity is set up); histories, values and
lists are canonical JSON text (the same on SQLite and PostgreSQL, compared as text). No foreign
keys to the records: the sync state of a record outlives its row (a tombstone that travelled, a
household dropped from a laptop after a reassignment takes its sync state with it explicitly).
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class SyncIdentityRow(Base):
    """The profile's own identity: one row (id 1). ``counter``: the last number given to a version
    made here (version ids are ``<device id>:<counter>``). ``secret``: opaque text the key layer
    fills (the private keys, kept inside the encrypted profile)."""

    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    device_id: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # advisor | office
    name: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(Text)
    public_text: Mapped[str] = mapped_column(Text)
    counter: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))


class SyncPeerRow(Base):
    """A profile this one exchanges bundles with (an enrolled advisor, or the office)."""

    __tablename__ = "sync_peers"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    public_text: Mapped[str] = mapped_column(Text)  # its public keys, as the key layer writes them
    villages: Mapped[str] = mapped_column(Text)  # JSON list (an advisor's villages, at the office)
    enrolled_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32), default=None)
    last_sent: Mapped[int] = mapped_column(Integer)  # the sequence of our last bundle to it
    last_received: Mapped[int] = mapped_column(Integer)  # the highest sequence imported from it
    last_acknowledged: Mapped[int] = mapped_column(Integer)  # the highest of ours it said it imported


class SyncBundleRow(Base):
    """A bundle imported (sender, sequence): a second import of it changes nothing."""

    __tablename__ = "sync_bundles"

    sender: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[str] = mapped_column(String(32))


class SyncRecordRow(Base):
    """A synchronised record's history and its values as last sealed; ``row_version``: the version
    of the store's row those values were read from (equal → no local change since; NULL → look)."""

    __tablename__ = "sync_records"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(64))
    history: Mapped[str] = mapped_column(Text)
    sealed_values: Mapped[str] = mapped_column(Text)
    heads: Mapped[str] = mapped_column(Text)  # the history's heads, comma-separated, sorted
    row_version: Mapped[int | None] = mapped_column(Integer, default=None)

    __table_args__ = (Index("ix_sync_records_household", "household_id"),)


class SyncSentRow(Base):
    """Per peer and record: the heads sent last, in which sequence, and the heads it acknowledged
    (or received from it)."""

    __tablename__ = "sync_sent"

    peer: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sent_heads: Mapped[str | None] = mapped_column(Text, default=None)
    sent_sequence: Mapped[int | None] = mapped_column(Integer, default=None)
    acked_heads: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (Index("ix_sync_sent_sequence", "peer", "sent_sequence"),)


class SyncConflictRow(Base):
    """One field changed on both sides (or a deletion against an edit, field ``deleted``)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    household_id: Mapped[str] = mapped_column(String(64))
    peer: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(Text)
    mine: Mapped[str] = mapped_column(Text)  # JSON
    theirs: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[str] = mapped_column(String(32))
    resolved_at: Mapped[str | None] = mapped_column(String(32), default=None)
    choice: Mapped[str | None] = mapped_column(String(16), default=None)  # mine | theirs | settled

    __table_args__ = (Index("ix_sync_conflicts_record", "kind", "record_id"),)


class SyncKeptCopyRow(Base):
    """The other side's copy of a record, kept beside an open conflict until it is resolved."""

    __tablename__ = "sync_kept_copies"

    peer: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(64))
    kept_values: Mapped[str] = mapped_column(Text)
    history: Mapped[str] = mapped_column(Text)
    kept_at: Mapped[str] = mapped_column(String(32))


class SyncAssignmentRow(Base):
    """At the office: which advisor (device id) a household belongs to."""

    __tablename__ = "sync_assignments"

    household_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    advisor: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_sync_assignments_advisor", "advisor"),)
