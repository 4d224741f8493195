"""Writing a screening's stored rows (``screening_results``) where they differ from those stored.

A screening gives each household with an eligible or needs_info result one row
(:data:`~.screening_results.PackedRow`); most households get the same row as in the last screening.
Writing every row again is most of a screening's database time (140,000 households: about 0.25 s
of B-tree inserts, 0.07 s of foreign-key look-ups, 0.07 s to delete the old rows and 0.1 s to
commit the pages, on an encrypted profile), so :class:`ResultUpdate` reads what is stored once
(one query: ≈ 0.1 s), compares each new row with it, and writes only the households whose row is
new, changed or gone; the date and time of the run are set on the rows kept by one ``UPDATE``. The
stored rows afterwards are exactly those a delete-everything-and-insert would leave. When most
rows changed (a new policy table), everything is deleted and inserted, in household id order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from .screening_results import PackedRow, _chunks, replace_results

_STORED = "SELECT household_id, eligible, results, member_ids FROM screening_results"
_DELETE = sa.text("DELETE FROM screening_results WHERE household_id IN :ids").bindparams(
    sa.bindparam("ids", expanding=True))
_DATED = sa.text("UPDATE screening_results SET on_date = :on_date, screened_at = :at").bindparams(
    sa.bindparam("on_date", type_=sa.Date()))


def _key(row: PackedRow) -> str:
    return row[0]


class ResultUpdate:
    """The stored rows of a screening, replaced where they changed (in the caller's transaction)."""

    def __init__(self, conn: sa.Connection, *, fast: bool = True) -> None:
        self.conn, self.fast = conn, fast
        found: Any = (conn.exec_driver_sql(_STORED).cursor if fast and conn.dialect.name == "sqlite"
                      else conn.execute(sa.text(_STORED)))
        self._old: dict[str, tuple[str, bytes, str]] = {
            hid: (eligible, bytes(results), members) for hid, eligible, results, members in found}
        self._stored = len(self._old)
        self.rows: list[PackedRow] = []  # every new row
        self.changed: list[PackedRow] = []  # new rows that differ from (or are not) the stored ones
        self.replaced: list[str] = []  # the households of those whose stored row they replace

    def add(self, rows: Sequence[PackedRow]) -> None:
        """The new rows of some households (each household once in a screening)."""
        old, changed = self._old, self.changed
        self.rows.extend(rows)
        for row in rows:
            before = old.pop(row[0], None)
            if before is None:
                changed.append(row)
            elif before != row[1:]:
                changed.append(row)
                self.replaced.append(row[0])

    def write(self, on: dt.date, screened_at: str) -> int:
        """Write the differences (households left without a row lose theirs); the rows written."""
        conn, gone = self.conn, list(self._old)
        if 2 * (len(gone) + len(self.replaced)) > self._stored:  # most changed: everything again
            replace_results(conn, sorted(self.rows, key=_key), on, screened_at, clear=True, fast=self.fast)
            return len(self.rows)
        for chunk in _chunks(gone + self.replaced):
            conn.execute(_DELETE, {"ids": chunk})
        if self._stored > len(gone):
            conn.execute(_DATED, {"on_date": on, "at": screened_at})
        replace_results(conn, sorted(self.changed, key=_key), on, screened_at, clear=False, fast=self.fast)
        return len(self.changed) + len(gone)


__all__ = ["ResultUpdate"]
