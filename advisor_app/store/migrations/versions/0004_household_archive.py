"""households: why, when and by whom a household was archived

Revision ID: 0004_archive
Revises: 0003

Archiving (归档) a household is its tombstone (``deleted_at``, as before) plus the reason code
(``vocab.ARCHIVE_REASONS``), the reason in words for 其他, the day and the advisor. Households
tombstoned before this revision simply have no reason recorded.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_archive"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(sa.Column("archive_reason", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("archive_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("archived_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("archived_by", sa.Text(), nullable=False, server_default=""))


# Plain DROP COLUMN, not a batch table copy: on SQLite the copy drops ``households``, and with foreign
# keys on (they cannot be switched off inside the migration's transaction) that deletes every
# member, visit and need through their ON DELETE CASCADE.
def downgrade() -> None:
    for name in ("archived_by", "archived_on", "archive_note", "archive_reason"):
        op.drop_column("households", name)
