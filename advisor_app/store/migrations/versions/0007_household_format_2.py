"""the household format advisor-household/2: a member's state, vehicles by kind, current receipt

Revision ID: 0007_format2
Revises: 0006_address

Members gain their state (在世/已故/宣告死亡/宣告失踪) with its day, the term of a prison or
compulsory-rehab order, 无民事行为能力, 被撤销监护资格 and 被遣送出境; households gain the counts of
disability and production vehicles (exempt from the asset test) and what they receive now (a JSON
list, for 渐退期). Existing rows get a living member with none of these, and no receipt recorded.
A supporter's new facts (kinship, status, situation …) live in the existing ``supporters`` JSON.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_format2"
down_revision = "0006_address"
branch_labels = None
depends_on = None

_MEMBER_FLAGS = ("no_legal_capacity", "guardianship_revoked", "deported")


# Plain ADD/DROP COLUMN (both databases have them), not a batch table copy: on SQLite a copy would
# lose the members' expression index, which SQLite's reflection cannot see.
def upgrade() -> None:
    op.add_column("members", sa.Column("state", sa.String(length=16), nullable=False, server_default="living"))
    op.add_column("members", sa.Column("state_date", sa.Date(), nullable=True))
    op.add_column("members", sa.Column("order_months", sa.Integer(), nullable=False, server_default="0"))
    for name in _MEMBER_FLAGS:
        op.add_column("members", sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("households", sa.Column("disability_vehicles", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("households", sa.Column("production_vehicles", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("households", sa.Column("receiving", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    for name in ("receiving", "production_vehicles", "disability_vehicles"):
        op.drop_column("households", name)
    for name in (*reversed(_MEMBER_FLAGS), "order_months", "state_date", "state"):
        op.drop_column("members", name)
