"""search indexes: a part of a member's name found on indexes, not in a scan of every name

Revision ID: 0013_search
Revises: 0012_policy_tables

Search as you type looked for a part of a name (``吴``, ``晓霞``) with ``instr`` over every member's
name: about 0.1–0.2 s at 200,000 households for each keystroke. A name part starts at the name's
first character (the name index of migration 0002 finds it as a range), at its second, third or
fourth (an index each on that character, with the name, so that the match is checked in the index),
or further on in a longer name (a partial index of the names longer than four characters). A part
of a village's or town's name is looked for among the distinct names (found one after the other on
``ix_households_list`` and, new, ``ix_households_town``), not in every household. Partial
(live members only) on SQLite and PostgreSQL alike; in parentheses as PostgreSQL requires around an
expression. Only indexes: the downgrade drops them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_search"
down_revision = "0012_policy_tables"
branch_labels = None
depends_on = None

# Keep in step with advisor_app.store.list_search.NAME_CHAR_PLACES (the query names these indexes).
PLACES = (2, 3, 4)


def _live(extra: str = "") -> dict[str, sa.TextClause]:
    where = "deleted_at IS NULL" + extra
    return {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)}


def upgrade() -> None:
    for place in PLACES:
        op.create_index(f"ix_members_name_{place}", "members",
                        [sa.text(f"(substr(name, {place}, 1))"), "name", "household_id"], **_live())
    op.create_index("ix_members_name_long", "members", ["name", "household_id"],
                    **_live(f" AND length(name) > {PLACES[-1]}"))
    op.create_index("ix_households_town", "households", ["town", "id"], **_live())


def downgrade() -> None:
    op.drop_index("ix_households_town", "households")
    op.drop_index("ix_members_name_long", "members")
    for place in reversed(PLACES):
        op.drop_index(f"ix_members_name_{place}", "members")
