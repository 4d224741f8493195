"""packed screening: the rules' inputs packed per household, the results one row per household

Revision ID: 0014_packed_screening
Revises: 0013_search

``household_inputs`` (new): per live household its fixed-width input record and its members'
records (``advisor_app.domain.inputs``), filled when the profile opens (the layout setting is
absent: every household is packed once) and kept by the store on every write.

``screening_results`` becomes one row per household: its eligible and needs_info results as
fixed-width records (programme, status, member index, detail, amount), the members they name and
its eligible programmes as words. The stored results are carried over; the codes below are frozen
here (``advisor_app.store.screening_results`` only ever appends to them). The downgrade unpacks
them into the old rows again.
"""

import struct

import sqlalchemy as sa
from alembic import op

revision = "0014_packed_screening"
down_revision = "0013_search"
branch_labels = None
depends_on = None

PROGRAMS = ("dibao", "dibao_edge", "dibao_single", "tekun", "unsupported_child", "temporary", "rigid_expense")
STATUSES = ("eligible", "ineligible", "needs_info")
DETAILS = ("", "self", "partial", "full", "急难型", "支出型")
RECORD = struct.Struct("<BBhBq")  # programme, status, member index (-1 none), detail, amount fen
NO_AMOUNT = -(2**63)


def _new_results() -> None:
    op.create_table(
        "screening_results",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("eligible", sa.Text(), nullable=False),
        sa.Column("results", sa.LargeBinary(), nullable=False),
        sa.Column("member_ids", sa.Text(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("screened_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("household_id"),
    )


def _old_results() -> None:
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
    op.create_index("ix_screening_household", "screening_results", ["household_id"])
    op.create_index("ix_screening_program_status", "screening_results", ["program", "status"])


def upgrade() -> None:
    op.create_table(
        "household_inputs",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("region", sa.String(length=6), nullable=False),
        sa.Column("area", sa.String(length=8), nullable=False),
        sa.Column("household", sa.LargeBinary(), nullable=False),
        sa.Column("members", sa.LargeBinary(), nullable=False),
        sa.Column("supporters", sa.LargeBinary(), nullable=False),
        sa.Column("incomes", sa.LargeBinary(), nullable=False),
        sa.Column("member_ids", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("household_id"),
    )
    conn = op.get_bind()
    old = conn.execute(sa.text(
        "SELECT household_id, member_id, program, status, amount_fen, detail, on_date, screened_at "
        "FROM screening_results ORDER BY household_id, id")).all()
    op.drop_index("ix_screening_program_status", "screening_results")
    op.drop_index("ix_screening_household", "screening_results")
    op.drop_table("screening_results")
    _new_results()
    rows: dict[str, dict[str, object]] = {}
    for hid, member, program, status, amount, detail, on, at in old:
        row = rows.setdefault(hid, {"h": hid, "eligible": [], "records": b"", "members": [], "on": on, "at": at})
        members: list[str] = row["members"]  # type: ignore[assignment]
        index = -1
        if member is not None:
            if member not in members:
                members.append(member)
            index = members.index(member)
        row["records"] = row["records"] + RECORD.pack(  # type: ignore[operator]
            PROGRAMS.index(program), STATUSES.index(status), index, DETAILS.index(detail or ""),
            NO_AMOUNT if amount is None else amount)
        eligible: list[str] = row["eligible"]  # type: ignore[assignment]
        if status == "eligible" and program not in eligible:
            eligible.append(program)
    if rows:
        conn.execute(sa.text(
            "INSERT INTO screening_results (household_id, eligible, results, member_ids, on_date, screened_at) "
            "VALUES (:h, :e, :r, :m, :on, :at)").bindparams(sa.bindparam("r", type_=sa.LargeBinary())),
            [{"h": r["h"], "e": f" {' '.join(r['eligible'])} " if r["eligible"] else "",  # type: ignore[arg-type]
              "r": r["records"], "m": " ".join(r["members"]), "on": r["on"], "at": r["at"]}  # type: ignore[arg-type]
             for r in rows.values()])


def downgrade() -> None:
    conn = op.get_bind()
    packed = conn.execute(sa.text(
        "SELECT household_id, results, member_ids, on_date, screened_at FROM screening_results "
        "ORDER BY household_id")).all()
    op.drop_table("screening_results")
    _old_results()
    rows = []
    for hid, blob, member_ids, on, at in packed:
        members = member_ids.split(" ") if member_ids else []
        for program, status, index, detail, amount in RECORD.iter_unpack(bytes(blob)):
            rows.append({"h": hid, "m": None if index < 0 else members[index], "p": PROGRAMS[program],
                         "s": STATUSES[status], "a": None if amount == NO_AMOUNT else amount, "d": DETAILS[detail],
                         "on": on, "at": at})
    if rows:
        conn.execute(sa.text(
            "INSERT INTO screening_results (household_id, member_id, program, status, amount_fen, detail, on_date, "
            "screened_at) VALUES (:h, :m, :p, :s, :a, :d, :on, :at)"), rows)
    op.drop_table("household_inputs")
    conn.execute(sa.text("DELETE FROM settings WHERE key = 'screening.inputs_layout'"))
