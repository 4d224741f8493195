"""Writing a screening's stored rows (``screening_results``) where they differ from those stored.

A screening gives each household with an eligible or needs_info result one row
(:data:`~.screening_results.PackedRow`); most households get the same row as in the last screening.
Writing every row again is most of a screening's database time (140,000 households: about 0.25 s
of B-tree inserts, 0.07 s of foreign-key look-ups, 0.07 s to delete the old rows and 0.1 s to
commit the pages, on an encrypted profile), so :class:`ResultUpdate` writes only the households
whose row is new, changed or gone; the check date of the run is set on the rows kept that have
another one (one ``UPDATE``, run only when the last run had another date). A row's
``screened_at`` is when it was last written: a row kept keeps its own (the run's time is in the
setting ``screening.last``, which is what every reader asks); setting the run's time on every kept
row rewrote every page of the table (140,000 households: 0.05 s of ``UPDATE`` and 0.15 s more of
commit). Apart from that, the stored rows afterwards are exactly those a delete-everything-and-
insert would leave. When most rows changed (a new policy table), everything is deleted and
inserted, in household id order.

**Which rows changed.** Reading every stored row to compare it (one query, 140,000 rows: 0.1 s, and
0.15 s more the first time the pages are decrypted) is not needed where nothing changed. A screening
on SQLite reads the households by ranges of the packed inputs' ``rowid``
(``household_inputs.iter_packed``), and each batch's rows come with a digest per range of
:data:`~.screening_results.DIGEST_SPAN` rowids (:class:`~.screening_results.RangeDigest`: SHA-1 of
the range's rows, in the table's order). It is compared with the one stored for that range by the
screening that last wrote the table (the setting ``screening.result_digests``, written in the same
transaction). Only the ranges whose digest differs are compared row by row, with the stored rows of
their households (read by id), and — when the stored rows outnumber those of the ranges that agree
and those read — the stored rows of households not screened (deleted, archived: read by listing the
stored ids). When many ranges differ (the first screening with digests, another policy table),
every stored row is read as before. The digests describe the rows as this class wrote them: every
other write of the table goes through :func:`~.screening_results.replace_results`, which forgets
them, and the only other change, a household's row removed with the household itself (``purge``),
removes a household that was no longer live, whose range differs already. Elsewhere (PostgreSQL;
the tests' portable path) every stored row is read and compared.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import operator
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from .screening_results import DIGESTS_KEY, PackedRow, RangeDigest, _chunks, replace_results
from .settings import delete_setting, get_setting, set_setting

_STORED = "SELECT household_id, eligible, results, member_ids FROM screening_results"
_STORED_OF = sa.text(_STORED + " WHERE household_id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
_DELETE = sa.text("DELETE FROM screening_results WHERE household_id IN :ids").bindparams(
    sa.bindparam("ids", expanding=True))
_DATED = sa.text("UPDATE screening_results SET on_date = :on_date WHERE on_date <> :on_date").bindparams(
    sa.bindparam("on_date", type_=sa.Date()))
_FORMAT = 1  # of the stored digests: raise when what a digest covers changes
_COMPARE_SHARE = 4  # more than 1/4 of the households in ranges that differ: every stored row is read

_key = operator.itemgetter(0)


class ResultUpdate:
    """The stored rows of a screening, replaced where they changed (in the caller's transaction)."""

    def __init__(self, conn: sa.Connection, *, fast: bool = True) -> None:
        self.conn, self.fast = conn, fast
        self.by_range = fast and conn.dialect.name == "sqlite"
        known = json.loads(get_setting(conn, DIGESTS_KEY) or "{}") if self.by_range else {}
        if known.get("format") != _FORMAT:
            known = {}
        self._known: dict[str, list[Any]] = known.get("ranges", {})  # range key → [rows, digest]
        self._known_on: str | None = known.get("on")
        self._digests: dict[str, list[Any]] = {}  # the new ones
        self._differing: list[str] = []  # the households of the ranges that differ
        self._matched = 0  # the rows of the ranges that do not
        self._screened: list[str] = []  # every household screened
        self.rows: list[PackedRow] = []  # every new row

    def add(self, rows: Sequence[PackedRow], ranges: Sequence[RangeDigest] = ()) -> None:
        """The new rows of some households (each household once in a screening), and their ranges'
        digests (none, or a range without a key: every stored row is compared)."""
        self.rows.extend(rows)
        if not ranges:
            self.by_range = False
        for r in ranges:
            self._screened.extend(r.households)
            if r.key is None:
                self.by_range = False
                continue
            new = self._digests[str(r.key)] = [r.rows, r.digest]
            if self._known.get(str(r.key)) == new:
                self._matched += r.rows
            else:
                self._differing.extend(r.households)

    def write(self, on: dt.date, screened_at: str) -> int:
        """Write the differences (households left without a row lose theirs); the rows written."""
        conn, rows = self.conn, self.rows
        stored_total = sum(count for count, _digest in self._known.values())
        compare = rows
        if not self.by_range or len(self._differing) * _COMPARE_SHARE > len(self._screened):
            old = self._stored(None)
            stored_total = len(old)
        elif self._differing or stored_total > self._matched:
            wanted = set(self._differing)
            old = self._stored(wanted)
            if stored_total > self._matched + len(old):  # (some stored rows are of households not screened)
                old.update(self._stored(self._not_screened()))
            compare = [r for r in rows if r[0] in wanted]
        else:
            old, compare = {}, []
        written = self._apply(old, compare, stored_total, on, screened_at)
        if self.by_range:
            set_setting(conn, DIGESTS_KEY, json.dumps(
                {"format": _FORMAT, "on": on.isoformat(), "ranges": self._digests}, separators=(",", ":")))
        else:  # (rows written without digests: none may be trusted afterwards)
            delete_setting(conn, DIGESTS_KEY)
        return written

    def _stored(self, household_ids: Iterable[str] | None) -> dict[str, PackedRow]:
        """The stored rows of these households (``None``: all), by id."""
        conn, fast = self.conn, self.fast and self.conn.dialect.name == "sqlite"
        found: Sequence[Any]
        if household_ids is None:
            if fast:  # (the driver's tuples, its bytes: compared as they are)
                found = conn.exec_driver_sql(_STORED).cursor.fetchall()
            else:
                found = [(h, e, bytes(r), m) for h, e, r, m in conn.execute(sa.text(_STORED))]
        else:
            found = []
            for chunk in _chunks(household_ids):
                if fast:
                    marks = ", ".join("?" * len(chunk))
                    found.extend(conn.exec_driver_sql(f"{_STORED} WHERE household_id IN ({marks})",
                                                      tuple(chunk)).cursor.fetchall())
                else:
                    found.extend((h, e, bytes(r), m) for h, e, r, m in conn.execute(_STORED_OF, {"ids": chunk}))
        # each stored row as a PackedRow (the driver's tuple as it is: no tuple made per row)
        return dict(zip(map(_key, found), found, strict=True))

    def _not_screened(self) -> list[str]:
        """The households with a stored row that were not screened."""
        screened = set(self._screened)
        return [h for (h,) in self.conn.exec_driver_sql("SELECT household_id FROM screening_results")
                if h not in screened]

    def _apply(self, old: dict[str, PackedRow], rows: Sequence[PackedRow], stored_total: int, on: dt.date,
               screened_at: str) -> int:
        """Write the differences between ``old`` and ``rows`` (the stored and new rows of the same
        households, and the stored rows of households without a new one); ``stored_total``: the
        rows stored in all."""
        conn = self.conn
        # (maps in C: no Python per household; comparing the rows is cheaper than hashing them)
        stored = list(map(old.get, map(_key, rows)))
        changed = list(itertools.compress(rows, map(operator.ne, stored, rows)))
        kept = len(stored) - stored.count(None)  # the stored rows that have a new one
        gone = list(old.keys() - set(map(_key, rows))) if kept < len(old) else []
        replaced = [r[0] for r in changed if r[0] in old]
        if 2 * (len(gone) + len(replaced)) > stored_total:  # most changed: everything again
            replace_results(conn, sorted(self.rows, key=_key), on, screened_at, clear=True, fast=self.fast)
            return len(self.rows)
        for chunk in _chunks(gone + replaced):
            conn.execute(_DELETE, {"ids": chunk})
        if stored_total > len(gone) and (not self.by_range or self._known_on != on.isoformat()):
            conn.execute(_DATED, {"on_date": on})
        if changed:
            replace_results(conn, sorted(changed, key=_key), on, screened_at, clear=False, fast=self.fast)
        return len(changed) + len(gone)


__all__ = ["ResultUpdate"]
