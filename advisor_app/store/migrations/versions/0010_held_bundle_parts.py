"""held bundle parts: the parts of a bundle imported before the rest of it

Revision ID: 0010_held_bundle_parts
Revises: 0009_sync

A bundle cut into parts may be imported a part at a time; the parts checked but not yet complete
are kept in the profile (:mod:`advisor_app.store.held_parts`) until the last one arrives. A new
table only: nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_held_bundle_parts"
down_revision = "0009_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_held_parts",
        sa.Column("bundle_id", sa.String(36), primary_key=True),
        sa.Column("part", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("parts", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("held_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_sync_held_parts_sender", "sync_held_parts", ["sender", "sequence"])


def downgrade() -> None:
    op.drop_index("ix_sync_held_parts_sender", "sync_held_parts")
    op.drop_table("sync_held_parts")
