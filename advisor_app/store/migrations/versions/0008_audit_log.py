"""audit_log: who created, changed, deleted, imported, exported, printed … which record, when

Revision ID: 0008_audit_log
Revises: 0007_format2

One row per audited action (:mod:`advisor_app.store.audit`): a sequence number, the time (UTC),
who (the profile's advisor), the action, the kind and id of the record, its household, the NAMES of
the fields that changed (never their values), a short non-personal detail, and the hash chain (the
previous entry's SHA-256 and this entry's). ``audit_head`` is one row: the last entry's number and
hash, updated in the same transaction as each entry, so a writer reads the chain's end under the
write lock and a cut-off tail is detected. No foreign keys: an entry outlives its record.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_audit_log"
down_revision = "0007_format2"
branch_labels = None
depends_on = None

GENESIS = "0" * 64  # the "previous hash" of the first entry (keep in step with store.audit.GENESIS)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=True),
        sa.Column("household_id", sa.String(36), nullable=True),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_household", "audit_log", ["household_id", "seq"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS}])


def downgrade() -> None:
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_at", "audit_log")
    op.drop_index("ix_audit_log_household", "audit_log")
    op.drop_table("audit_log")
