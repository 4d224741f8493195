"""the household list's computed columns on the household row, with an index for each sort

Revision ID: 0011_list_sort
Revises: 0010_held_bundle_parts

最近走访 (``last_visit``), 下次核查 (``next_review``) and the 发送 mark (``sync_mark``) were computed for
every household each time the list sorted by them (1.3–1.7 s at 200,000 households; about 10 s for
the mark with a full sync state). They are now kept on the household row by the store
(store.list_columns, store.sync_marks) and filled here for the existing households; each sortable
column has a partial index over live households, followed by the list's default order.
"""

import sqlalchemy as sa
from alembic import op

from advisor_app.store.list_columns import refresh_visit_columns
from advisor_app.store.models import LIST_SORT_INDEXES
from advisor_app.store.sync_marks import refresh_marks

revision = "0011_list_sort"
down_revision = "0010_held_bundle_parts"
branch_labels = None
depends_on = None

_LIVE = {"sqlite_where": sa.text("deleted_at IS NULL"), "postgresql_where": sa.text("deleted_at IS NULL")}


def upgrade() -> None:
    op.add_column("households", sa.Column("last_visit", sa.Date, nullable=True))
    op.add_column("households", sa.Column("next_review", sa.Date, nullable=True))
    op.add_column("households", sa.Column("sync_mark", sa.Integer, nullable=False, server_default="2"))
    conn = op.get_bind()
    refresh_visit_columns(conn)
    refresh_marks(conn)
    for name, columns in LIST_SORT_INDEXES.items():
        op.create_index(f"ix_households_by_{name}", "households", list(columns), **_LIVE)


def downgrade() -> None:
    for name in LIST_SORT_INDEXES:
        op.drop_index(f"ix_households_by_{name}", "households")
    # Not a batch (a copy of the table): dropping the old households table would take the members,
    # visits and needs with it (ON DELETE CASCADE).
    for column in ("sync_mark", "next_review", "last_visit"):
        op.drop_column("households", column)
