"""roster differences: what a roster import found that differs from what the advisor recorded

Revision ID: 0016_roster_differences
Revises: 0015_department_evidence

A new table only (``advisor_app.store.roster_differences``): one row per field a roster says
otherwise, pending until a person accepts the roster's value or keeps the recorded one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_roster_differences"
down_revision = "0015_department_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_differences",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("household_id", sa.String(36), sa.ForeignKey("households.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id_number", sa.String(18), nullable=False),
        sa.Column("member_name", sa.Text, nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("existing", sa.Text, nullable=False),
        sa.Column("roster", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=True),
        sa.Column("choice", sa.String(16), nullable=True),
    )
    op.create_index("ix_roster_differences_household", "roster_differences",
                    ["household_id", "member_id_number", "field"])


def downgrade() -> None:
    op.drop_index("ix_roster_differences_household", table_name="roster_differences")
    op.drop_table("roster_differences")
