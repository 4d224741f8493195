"""Writing a screening's stored rows (``screening_results``) where they differ from those stored.

A screening gives each household with an eligible or needs_info result one row
(:data:`~.screening_results.PackedRow`); most households get the same row as in the last screening.
Writing every row again is most of a screening's database time (140,000 households: about 0.25 s
of B-tree inserts, 0.07 s of foreign-key look-ups, 0.07 s to delete the old rows and 0.1 s to
commit the pages, on an encrypted profile), so :class:`ResultUpdate` reads what is stored once
(one query: ≈ 0.1 s), compares each new row with it, and writes only the households whose row is
new, changed or gone; the check date of the run is set on the rows kept that have another one (one
``UPDATE``, which changes nothing when the date is the same). A row's ``screened_at`` is when it was
last written: a row kept keeps its own (the run's time is in the setting ``screening.last``, which
is what every reader asks); setting the run's time on every kept row rewrote every page of the
table (140,000 households: 0.05 s of ``UPDATE`` and 0.15 s more of commit). Apart from that, the
stored rows afterwards are exactly those a delete-everything-and-insert would leave. When most rows
changed (a new policy table), everything is deleted and inserted, in household id order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from .screening_results import PackedRow, _chunks, replace_results

_STORED = "SELECT household_id, eligible, results, member_ids FROM screening_results"
_DELETE = sa.text("DELETE FROM screening_results WHERE household_id IN :ids").bindparams(
    sa.bindparam("ids", expanding=True))
_DATED = sa.text("UPDATE screening_results SET on_date = :on_date WHERE on_date <> :on_date").bindparams(
    sa.bindparam("on_date", type_=sa.Date()))


_key = operator.itemgetter(0)


class ResultUpdate:
    """The stored rows of a screening, replaced where they changed (in the caller's transaction)."""

    def __init__(self, conn: sa.Connection, *, fast: bool = True) -> None:
        self.conn, self.fast = conn, fast
        if fast and conn.dialect.name == "sqlite":  # (the driver's tuples, its bytes: compared as they are)
            found: Sequence[Any] = conn.exec_driver_sql(_STORED).cursor.fetchall()
        else:
            found = [(h, e, bytes(r), m) for h, e, r, m in conn.execute(sa.text(_STORED))]
        # each stored row as a PackedRow (the driver's tuple as it is: no tuple made per row)
        self._old: dict[str, PackedRow] = dict(zip(map(_key, found), found, strict=True))
        self.rows: list[PackedRow] = []  # every new row

    def add(self, rows: Sequence[PackedRow]) -> None:
        """The new rows of some households (each household once in a screening)."""
        self.rows.extend(rows)

    def write(self, on: dt.date, screened_at: str) -> int:
        """Write the differences (households left without a row lose theirs); the rows written."""
        conn, old, rows = self.conn, self._old, self.rows
        # (maps in C: no Python per household; comparing the rows is cheaper than hashing them)
        stored = list(map(old.get, map(_key, rows)))
        changed = list(itertools.compress(rows, map(operator.ne, stored, rows)))
        kept = len(stored) - stored.count(None)  # the stored rows that have a new one
        gone = list(old.keys() - set(map(_key, rows))) if kept < len(old) else []
        replaced = [r[0] for r in changed if r[0] in old]
        if 2 * (len(gone) + len(replaced)) > len(old):  # most changed: everything again
            replace_results(conn, sorted(rows, key=_key), on, screened_at, clear=True, fast=self.fast)
            return len(rows)
        for chunk in _chunks(gone + replaced):
            conn.execute(_DELETE, {"ids": chunk})
        if len(old) > len(gone):
            conn.execute(_DATED, {"on_date": on})
        if changed:
            replace_results(conn, sorted(changed, key=_key), on, screened_at, clear=False, fast=self.fast)
        return len(changed) + len(gone)


__all__ = ["ResultUpdate"]
