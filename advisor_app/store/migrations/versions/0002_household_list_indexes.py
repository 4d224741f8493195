"""indexes for the household list: default order, member-name search, ID-number-suffix search

Revision ID: 0002
Revises: 0001

Partial indexes (live records only) on SQLite and PostgreSQL alike. The reversed ID number is an
expression index; it stands in parentheses because PostgreSQL requires them around an expression
that is not a single function call (SQLite reads them the same and matches its queries).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Keep in step with advisor_app.store.list_search.ID_REVERSED (the query must use the same text).
ID_REVERSED = "||".join(f"substr(id_number,{i},1)" for i in range(18, 0, -1))


def _live() -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text("deleted_at IS NULL"), "postgresql_where": sa.text("deleted_at IS NULL")}


def upgrade() -> None:
    op.create_index("ix_households_list", "households", ["village", "head_name", "id", "town"], **_live())
    op.create_index("ix_members_name_list", "members", ["name", "household_id"], **_live())
    op.create_index("ix_members_id_reversed", "members", [sa.text(f"({ID_REVERSED})")], **_live())


def downgrade() -> None:
    op.drop_index("ix_members_id_reversed", "members")
    op.drop_index("ix_members_name_list", "members")
    op.drop_index("ix_households_list", "households")
