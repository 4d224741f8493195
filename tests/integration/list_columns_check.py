"""The check that the household list's kept columns (最近走访, 下次核查, 发送) are what the rules
compute from the visits and the sync state right now (store.list_columns, store.sync_marks)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from advisor_app.store.list_columns import LAST_VISIT, NEXT_REVIEW
from advisor_app.store.sync_marks import mark_sql


def stale_list_columns(profile: Any) -> list[tuple[Any, ...]]:
    """Households (archived ones too) whose kept columns differ from the computed ones:
    (id, kept last visit, computed, kept next review, computed, kept mark, computed)."""
    with profile.connection() as conn:
        mark, params = mark_sql(conn)
        rows = conn.execute(sa.text(
            f"SELECT h.id, h.last_visit, {LAST_VISIT}, h.next_review, {NEXT_REVIEW}, h.sync_mark, {mark} "
            "FROM households h"), params).all()
    return [tuple(r) for r in rows if (str(r[1]), str(r[3]), r[5]) != (str(r[2]), str(r[4]), r[6])]
