"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 03:43:45.805781
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "households",
        sa.Column("region", sa.String(length=6), nullable=False),
        sa.Column("area", sa.String(length=8), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("town", sa.Text(), nullable=False),
        sa.Column("village", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("financial_assets_fen", sa.Integer(), nullable=False),
        sa.Column("vehicles", sa.Integer(), nullable=False),
        sa.Column("extra_houses", sa.Integer(), nullable=False),
        sa.Column("medical_selfpaid_12m_fen", sa.Integer(), nullable=False),
        sa.Column("education_12m_fen", sa.Integer(), nullable=False),
        sa.Column("emergency_kind", sa.String(length=16), nullable=True),
        sa.Column("emergency_date", sa.Date(), nullable=True),
        sa.Column("supporters", sa.JSON(), nullable=False),
        sa.Column("head_name", sa.Text(), nullable=False),
        sa.Column("head_initials", sa.Text(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("unsent", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.create_index("ix_households_head_initials", ["head_initials"], unique=False)
        batch_op.create_index("ix_households_head_name", ["head_name"], unique=False)
        batch_op.create_index("ix_households_village", ["village"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "members",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("disability_kind", sa.String(length=16), nullable=True),
        sa.Column("disability_grade", sa.Integer(), nullable=True),
        sa.Column("serious_illness", sa.Boolean(), nullable=False),
        sa.Column("self_care_lost", sa.Integer(), nullable=False),
        sa.Column("self_care_items", sa.JSON(), nullable=False),
        sa.Column("student", sa.Boolean(), nullable=False),
        sa.Column("whereabouts", sa.String(length=16), nullable=False),
        sa.Column("months_away", sa.Integer(), nullable=False),
        sa.Column("incomes", sa.JSON(), nullable=False),
        sa.Column("ethnicity", sa.Text(), nullable=False),
        sa.Column("occupation", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("unsent", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index("ix_members_household", ["household_id", "position"], unique=False)
        batch_op.create_index("ix_members_id_number", ["id_number"], unique=False)

    op.create_table(
        "screening_results",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("program", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("screened_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("screening_results", schema=None) as batch_op:
        batch_op.create_index("ix_screening_household", ["household_id"], unique=False)
        batch_op.create_index("ix_screening_program_status", ["program", "status"], unique=False)

    op.create_table(
        "visits",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("investigators", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_visit", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("unsent", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index("ix_visits_household", ["household_id", "date"], unique=False)

    op.create_table(
        "needs",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("unsent", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.create_index("ix_needs_household", ["household_id"], unique=False)
        batch_op.create_index("ix_needs_visit", ["visit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_index("ix_needs_visit")
        batch_op.drop_index("ix_needs_household")

    op.drop_table("needs")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_household")

    op.drop_table("visits")
    with op.batch_alter_table("screening_results", schema=None) as batch_op:
        batch_op.drop_index("ix_screening_program_status")
        batch_op.drop_index("ix_screening_household")

    op.drop_table("screening_results")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_id_number")
        batch_op.drop_index("ix_members_household")

    op.drop_table("members")
    op.drop_table("settings")
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_index("ix_households_village")
        batch_op.drop_index("ix_households_head_name")
        batch_op.drop_index("ix_households_head_initials")

    op.drop_table("households")
    op.drop_table("drafts")
