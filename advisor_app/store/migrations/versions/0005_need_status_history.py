"""need_status_changes: the history of each need's status (待办 → 已转介 → 已满足), with day and who

Revision ID: 0005_needs
Revises: 0003

One row per change of a need's status: the need, its household, the old and new status, the day it
happened (``changed_on``), who did it (``changed_by``, may be empty) and a note. The row carries the
columns of every synchronisable record (UUID, version, tombstone, ``unsent``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_needs"
down_revision = "0004_archive"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "need_status_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("unsent", sa.Boolean, nullable=False),
        sa.Column("need_id", sa.String(36), sa.ForeignKey("needs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("household_id", sa.String(36), sa.ForeignKey("households.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("old_status", sa.String(16), nullable=False),
        sa.Column("new_status", sa.String(16), nullable=False),
        sa.Column("changed_on", sa.Date, nullable=False),
        sa.Column("changed_by", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_need_status_changes_need", "need_status_changes", ["need_id", "changed_on"])
    op.create_index("ix_need_status_changes_household", "need_status_changes", ["household_id"])


def downgrade() -> None:
    op.drop_index("ix_need_status_changes_household", "need_status_changes")
    op.drop_index("ix_need_status_changes_need", "need_status_changes")
    op.drop_table("need_status_changes")
