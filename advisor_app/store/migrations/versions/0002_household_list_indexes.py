"""indexes for the household list: default order, member-name search, ID-number-suffix search

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Keep in step with advisor_app.store.household_list.ID_REVERSED (the query must use the same text).
ID_REVERSED = "||".join(f"substr(id_number,{i},1)" for i in range(18, 0, -1))


def upgrade() -> None:
    op.execute("CREATE INDEX ix_households_list ON households (village, head_name, id, town) "
               "WHERE deleted_at IS NULL")
    op.execute("CREATE INDEX ix_members_name_list ON members (name, household_id) WHERE deleted_at IS NULL")
    op.execute(f"CREATE INDEX ix_members_id_reversed ON members ({ID_REVERSED}) WHERE deleted_at IS NULL")


def downgrade() -> None:
    op.execute("DROP INDEX ix_members_id_reversed")
    op.execute("DROP INDEX ix_members_name_list")
    op.execute("DROP INDEX ix_households_list")
