"""department evidence: what other departments' lists say about people, and the leads they give

Revision ID: 0015_department_evidence
Revises: 0014_packed_screening

``department_sources`` (new, :mod:`advisor_app.store.department_evidence`): one row per imported file
and kind of list (残联, 医保, 监测, 养老, 就业): its name, SHA-256 (unique with the kind) and when.
``department_evidence`` (new): one row per imported row of a list, with its source and row number
(unique together: a file imported twice adds nothing), the member and household it names, or none
(a lead), the list's fields as JSON and its date or period.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_department_evidence"
down_revision = "0014_packed_screening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_department_sources_file", "department_sources", ["sha256", "kind"], unique=True)
    op.create_table(
        "department_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("period", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["department_sources.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_department_evidence_row", "department_evidence", ["source_id", "row_number"], unique=True)
    op.create_index("ix_department_evidence_household", "department_evidence", ["household_id"])
    op.create_index("ix_department_evidence_id_number", "department_evidence", ["id_number"])


def downgrade() -> None:
    op.drop_index("ix_department_evidence_id_number", "department_evidence")
    op.drop_index("ix_department_evidence_household", "department_evidence")
    op.drop_index("ux_department_evidence_row", "department_evidence")
    op.drop_table("department_evidence")
    op.drop_index("ux_department_sources_file", "department_sources")
    op.drop_table("department_sources")
