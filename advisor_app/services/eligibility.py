"""Eligibility use cases: check one household, screen a whole profile, read the latest results.

* :func:`check` — one household on one date (no profile: the CLI's ``check`` uses the shipped tables);
  defined in :mod:`.household_check`, which loads no database library.
* :func:`screen` — re-check every household of a profile on a date and replace the stored results
  (``store.screening_results``: one row per household; amounts in fen, ``detail`` = care level or
  temporary-assistance kind). Stored are the results that are eligible or needs_info; an ineligible
  result is the absence of a record (most results are ineligible). The households are read as their
  packed inputs (``store.household_inputs``, one query) and checked in batches
  (:mod:`.screening_parts`) in this process: no worker processes. The run
  itself (date, time, households) is recorded in the setting ``screening.last``, so a household
  with no row was screened and found ineligible for everything — unless it was saved after the run.
  Counts in the summary cover all results, stored or not.
  Only the households whose stored row changed are written (``store.result_updates``: on SQLite
  each range of households whose results' digest is not the one stored is compared row by row;
  elsewhere every stored row), and the run's date set on the others.
  Everything is written in one transaction, so a cancel (or any error) leaves the previous results
  as they were.
* :func:`latest_status` — the stored results of some households, for lists and forms.
* :func:`last_screening` — when the stored results were made.
* :func:`result_freshness` — whether stored results are still current (the rule is
  :mod:`advisor_app.rules.freshness`): every list, notice and ledger asks this.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import sqlalchemy as sa

from advisor_app.domain.errors import Cancelled
from advisor_app.rules import CheckResult
from advisor_app.rules import freshness as rule
from advisor_app.rules.freshness import ScreeningRun
from advisor_app.rules.results import CARE_LABELS, PROGRAM_LABELS, STATUS_LABELS, ProgramResult
from advisor_app.store import household_inputs as inputs_store
from advisor_app.store.models import utc_now
from advisor_app.store.result_updates import ResultUpdate
from advisor_app.store.screening import last_changes, live_household_count, sqlite_fast, stored_results
from advisor_app.store.settings import get_setting, set_setting

from . import audit
from .batch import gc_paused, memory_kept
from .household_check import check as check  # the one per-household check (its own module: docs/startup.md)
from .policy import tables_for
from .profile import Profile
from .screening_parts import BATCH, screen_batch

# Screens import nothing from rules/: what a check result is, and how its codes read, comes from here.
__all__ = ["CARE_LABELS", "PROGRAM_LABELS", "STATUS_LABELS", "CheckResult", "LastScreening", "ProgramResult",
           "Progress", "ResultFreshness", "ScreenStatus", "ScreeningSummary", "check", "last_screening",
           "latest_status", "result_freshness", "screen"]

Progress = Callable[[int, int], bool]
"""Called with (households done, total); return False to cancel (nothing is changed then)."""

LAST_KEY = "screening.last"


@dataclass
class ScreeningSummary:
    on: dt.date
    households: int
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (programme, status) → results
    stored: int = 0  # results stored (eligible and needs_info ones)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds: read, check, write; objects: households
    # read as objects; written: rows written (or deleted), the others were stored already

    def add(self, key: str, value: float) -> None:
        self.timings[key] = self.timings.get(key, 0.0) + value

    def lines(self) -> list[str]:
        """One Chinese line per programme: counts by status."""
        out = []
        for program, label in PROGRAM_LABELS.items():
            parts = [f"{STATUS_LABELS[s]} {self.counts.get((program, s), 0)}"
                     for s in ("eligible", "ineligible", "needs_info")]
            out.append(f"{label}：" + "，".join(parts))
        return out


def screen(profile: Profile, on: dt.date | None = None, progress: Progress | None = None) -> ScreeningSummary:
    """Re-check every household on ``on`` (default today) and replace the stored results."""
    start = time.perf_counter()
    on = on or dt.date.today()
    tables = tables_for(profile)
    summary = ScreeningSummary(on, 0)
    screened_at = utc_now()
    with gc_paused(), memory_kept(), profile.connection(write=True) as conn:
        total = live_household_count(conn)
        if progress is not None and not progress(0, total):
            raise Cancelled()
        if inputs_store.packed_count(conn) != total:  # a write the store did not see: pack what is missing
            inputs_store.repack_missing(conn)
        clock = time.perf_counter()
        update = ResultUpdate(conn, fast=sqlite_fast(conn))  # (the stored rows: only changes are written)
        summary.add("write", time.perf_counter() - clock)
        clock = time.perf_counter()
        for packed in inputs_store.iter_packed(conn, BATCH):
            summary.add("read", time.perf_counter() - clock)
            clock = time.perf_counter()
            part = screen_batch(conn, packed, on, tables)
            update.add(part.rows, part.ranges)
            summary.add("check", time.perf_counter() - clock)
            summary.add("objects", part.objects)
            summary.households += part.households
            summary.counts.update(part.counts)
            summary.stored += part.stored
            if progress is not None and not progress(summary.households, total):
                raise Cancelled()  # the transaction rolls back: the previous results stay
            clock = time.perf_counter()
        clock = time.perf_counter()
        summary.add("written", update.write(on, screened_at))
        summary.add("write", time.perf_counter() - clock)
        set_setting(conn, LAST_KEY, json.dumps({
            "on": on.isoformat(), "screened_at": screened_at, "households": summary.households,
            "policy": rule.policy_fingerprint(tables), "rules": rule.RULES_VERSION}))
        audit.record(conn, action="screen", kind="screening",
                     detail=f"on={on.isoformat()} households={summary.households} results={summary.stored}")
    summary.seconds = time.perf_counter() - start
    return summary


class ScreenStatus(NamedTuple):
    program: str
    status: str
    amount: int | None  # yuan (monthly amount; cap per event for 临时救助)


LastScreening = ScreeningRun
"""When the stored results were made, with the policy fingerprint and rules version of the run."""


def last_screening(profile: Profile) -> LastScreening | None:
    with profile.connection() as conn:
        return _last_run(conn)


def _last_run(conn: sa.Connection) -> ScreeningRun | None:
    raw = get_setting(conn, LAST_KEY)
    if not raw:
        return None
    d = json.loads(raw)
    return ScreeningRun(dt.date.fromisoformat(d["on"]), str(d["screened_at"]), int(d["households"]),
                        policy=str(d.get("policy", "")), rules=str(d.get("rules", "")))


@dataclass(frozen=True, slots=True)
class ResultFreshness:
    """Whether the profile's stored results are current, as :mod:`advisor_app.rules.freshness` decides
    for the last run and the policy tables in force now."""

    run: ScreeningRun | None
    policy: str  # fingerprint of the profile's tables now

    @property
    def since(self) -> str | None:
        """Stored results of households last changed at or before this time are current; ``None``:
        none are (no run yet, or another policy table or rules version)."""
        return rule.current_since(self.run, self.policy)

    def is_current(self, changed_at: str | None) -> bool:
        """Is the stored result of a household last changed at ``changed_at`` current?"""
        return rule.is_current(self.run, self.policy, changed_at)

    def reason(self, changed_at: str | None = None) -> str | None:
        """Why not (``None``: current); without ``changed_at``, why no stored result is current."""
        return rule.stale_reason(self.run, self.policy, changed_at if changed_at is not None
                                 else self.run.screened_at if self.run else None)


def result_freshness(profile: Profile, conn: sa.Connection | None = None) -> ResultFreshness:
    """What the stored results are worth now (``conn``: read the run record on this connection)."""
    policy = rule.policy_fingerprint(tables_for(profile))
    if conn is None:
        return ResultFreshness(last_screening(profile), policy)
    return ResultFreshness(_last_run(conn), policy)


def latest_status(profile: Profile, household_ids: Iterable[str]) -> dict[str, list[ScreenStatus]]:
    """The last screening's results per household id: eligible / needs_info entries (an empty list:
    screened, eligible for nothing). Households whose stored result is not current (new or changed
    after the run, no run yet, or the policy tables or rules changed since) are absent."""
    ids = list(household_ids)
    with profile.connection() as conn:
        fresh = result_freshness(profile, conn)
        if fresh.since is None or not ids:
            return {}
        out: dict[str, list[ScreenStatus]] = {
            hid: [] for hid, changed in last_changes(conn, ids).items() if fresh.is_current(changed)}
        for hid, _member, program, status, amount_fen, _detail, _on in stored_results(conn, list(out)):
            out[hid].append(ScreenStatus(program, status, None if amount_fen is None else amount_fen // 100))
    return out
