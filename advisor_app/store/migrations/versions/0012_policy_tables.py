"""policy tables: the profile's imported and received policy tables, inside the database

Revision ID: 0012_policy_tables
Revises: 0011_list_sort

Until now a profile's imported policy table was a plaintext file beside the database
(``policy/local.csv``): not encrypted, not in the backups. It becomes the table ``policy_tables``
(:mod:`advisor_app.store.policy_tables`), one row per region code. The move of an existing file into
it happens when the profile is opened (``services.policy_store.move_local_file``: it needs the data
folder and the rules that read the file); this migration only makes the table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_policy_tables"
down_revision = "0011_list_sort"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_tables",
        sa.Column("region", sa.String(6), primary_key=True),
        sa.Column("value_rows", sa.Text, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("office_name", sa.Text, nullable=True),
        sa.Column("office_device", sa.String(64), nullable=True),
        sa.Column("office_fingerprint", sa.String(32), nullable=True),
        sa.Column("received_at", sa.String(32), nullable=True),
        sa.Column("changed_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("policy_tables")
