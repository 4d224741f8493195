"""sync: the profile's identity, its peers, bundles imported, records' histories, conflicts

Revision ID: 0009_sync
Revises: 0008_audit_log

The tables of sync by bundle files (:mod:`advisor_app.store.sync_models`, docs/sync.md): the
profile's own identity (role, device id, name, key text, version counter), its peers (enrolled
advisors or the office, with the last sequence sent, received and acknowledged), the bundles
imported, each synchronised record's history and sealed values, per peer and record what was sent
and acknowledged, conflicts with the other side's copy kept beside them, and (office) which advisor
each household is assigned to. New tables only: nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_sync"
down_revision = "0008_audit_log"
branch_labels = None
depends_on = None

_ID = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "sync_identity",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("secret", sa.Text, nullable=False),
        sa.Column("public_text", sa.Text, nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "sync_peers",
        sa.Column("device_id", _ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("public_text", sa.Text, nullable=False),
        sa.Column("villages", sa.Text, nullable=False),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32), nullable=True),
        sa.Column("last_sent", sa.Integer, nullable=False),
        sa.Column("last_received", sa.Integer, nullable=False),
        sa.Column("last_acknowledged", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_bundles",
        sa.Column("sender", _ID, primary_key=True),
        sa.Column("sequence", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "sync_records",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("record_id", _ID, primary_key=True),
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.Column("sealed_values", sa.Text, nullable=False),
        sa.Column("heads", sa.Text, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=True),
    )
    op.create_index("ix_sync_records_household", "sync_records", ["household_id"])
    op.create_table(
        "sync_sent",
        sa.Column("peer", _ID, primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("record_id", _ID, primary_key=True),
        sa.Column("sent_heads", sa.Text, nullable=True),
        sa.Column("sent_sequence", sa.Integer, nullable=True),
        sa.Column("acked_heads", sa.Text, nullable=True),
    )
    op.create_index("ix_sync_sent_sequence", "sync_sent", ["peer", "sent_sequence"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", _ID, nullable=False),
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("peer", _ID, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("mine", sa.Text, nullable=False),
        sa.Column("theirs", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=True),
        sa.Column("choice", sa.String(16), nullable=True),
    )
    op.create_index("ix_sync_conflicts_record", "sync_conflicts", ["kind", "record_id"])
    op.create_table(
        "sync_kept_copies",
        sa.Column("peer", _ID, primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("record_id", _ID, primary_key=True),
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("kept_values", sa.Text, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.Column("kept_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "sync_assignments",
        sa.Column("household_id", _ID, primary_key=True),
        sa.Column("advisor", _ID, nullable=False),
        sa.Column("assigned_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_sync_assignments_advisor", "sync_assignments", ["advisor"])


def downgrade() -> None:
    op.drop_index("ix_sync_assignments_advisor", "sync_assignments")
    op.drop_table("sync_assignments")
    op.drop_table("sync_kept_copies")
    op.drop_index("ix_sync_conflicts_record", "sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("ix_sync_sent_sequence", "sync_sent")
    op.drop_table("sync_sent")
    op.drop_index("ix_sync_records_household", "sync_records")
    op.drop_table("sync_records")
    op.drop_table("sync_bundles")
    op.drop_table("sync_peers")
    op.drop_table("sync_identity")
