"""the household's 户籍地址 (registered address), beside 居住地址 (where the family lives)

Revision ID: 0006_address
Revises: 0003

Applications and the 入户调查表 have a 户籍地址 box; the two addresses often differ (a family living
in town with its hukou in the village). Existing households get an empty one (filled in the editor).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_address"
down_revision = "0005_needs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("households", sa.Column("registered_address", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("households", "registered_address")
