"""department evidence: what other departments' lists say about people, and the leads they give

Revision ID: 0015_department_evidence
Revises: 0014_packed_screening

``department_evidence`` (new, :mod:`advisor_app.store.department_evidence`): one row per imported
row of a department's list (残联, 医保, 监测, 养老, 就业) with the member and household it names, or
none (a lead), the list's fields as JSON, its date or period, the source file's name and SHA-256 and
the row number (unique together with the kind: a file imported twice adds nothing).
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_department_evidence"
down_revision = "0014_packed_screening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_department_evidence_source", "department_evidence", ["source_sha256", "kind", "row_number"],
                    unique=True)
    op.create_index("ix_department_evidence_household", "department_evidence", ["household_id"])
    op.create_index("ix_department_evidence_id_number", "department_evidence", ["id_number"])


def downgrade() -> None:
    op.drop_index("ix_department_evidence_id_number", "department_evidence")
    op.drop_index("ix_department_evidence_household", "department_evidence")
    op.drop_index("ux_department_evidence_source", "department_evidence")
    op.drop_table("department_evidence")
