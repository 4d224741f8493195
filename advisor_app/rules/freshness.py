"""Whether a stored screening result is still current: the one rule every list, notice and ledger asks.

A batch screening stores, with its results, a record of the run (:class:`ScreeningRun`): when it
ran, the policy date it checked on, a fingerprint of the policy tables it used (the shipped tables
plus the profile's imported local table, :func:`policy_fingerprint`) and the version of these
rules (:data:`RULES_VERSION`). A household's stored result is current when

* the policy tables in force for the profile are the ones the run used (same fingerprint),
* the programme checks are the ones the run used (same rules version), and
* neither the household nor any of its members changed after the run (their last change is not
  later than the run's ``screened_at``; a member removed or added counts as a change).

Visits are not read by the checks: a visit saved after the run leaves the result current.

:func:`stale_reason` decides; :func:`is_current` and :func:`current_since` only read its answer.
``current_since`` turns the decision into the one figure the store's SQL needs: the stored results
of households last changed at or before that time are current, and none are when it is ``None``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .policy import PolicyTables

RULES_VERSION = "2026.12-4"
"""The version of the programme checks. Raise it with every change to ``rules/`` that can change a
stored result (a status, an amount, a care level): results of earlier runs then count as stale."""


@dataclass(frozen=True, slots=True)
class ScreeningRun:
    """The record of the last batch screening (stored in the profile's setting ``screening.last``)."""

    on: dt.date  # the policy date the households were checked on
    screened_at: str  # when (UTC, ISO text, comparable with records' updated_at)
    households: int
    policy: str = ""  # fingerprint of the policy tables used ("" for runs recorded without one)
    rules: str = ""  # RULES_VERSION of the run ("" for runs recorded without one)


def policy_fingerprint(tables: PolicyTables) -> str:
    """A short hash of every figure the checks can read from ``tables`` (region, key, area, value,
    unit and period of each row): equal tables give equal fingerprints, any changed figure or period
    a different one. Sources, notes and region names do not take part (they change no result)."""
    cached = _fingerprints.get(id(tables))
    if cached is not None and cached[0] is tables:
        return cached[1]
    lines = sorted(
        "\t".join((r.region, r.key, r.area or "", repr(float(r.value)), r.unit, r.effective_from.isoformat(),
                   r.effective_to.isoformat() if r.effective_to else ""))
        for r in tables.rows())
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    if len(_fingerprints) > 64:
        _fingerprints.clear()
    _fingerprints[id(tables)] = (tables, digest)
    return digest


_fingerprints: dict[int, tuple[PolicyTables, str]] = {}


def stale_reason(run: ScreeningRun | None, policy: str, changed_at: str | None, *,
                 rules: str | None = None) -> str | None:
    """Why a household's stored result is out of date, in the advisor's words; ``None`` when it is
    current. ``policy`` is the fingerprint of the tables in force now, ``changed_at`` the household's
    last change (its own or a member's; ``None``: not known, e.g. no such household), ``rules`` the
    rules version in force (default: :data:`RULES_VERSION`)."""
    if run is None:
        return "还没有做过批量筛查"
    if not run.policy or not run.rules:
        return "筛查结果是旧版本程序保存的，请重新筛查"
    if run.policy != policy:
        return "筛查之后政策标准表有变化（例如导入了本地标准），请重新筛查"
    if run.rules != (RULES_VERSION if rules is None else rules):
        return "筛查之后程序的核对规则已更新，请重新筛查"
    if changed_at is None:
        return "该家庭不在筛查结果中"
    if changed_at > run.screened_at:
        return "该家庭在筛查之后有改动，请重新筛查"
    return None


def is_current(run: ScreeningRun | None, policy: str, changed_at: str | None, *,
               rules: str | None = None) -> bool:
    return stale_reason(run, policy, changed_at, rules=rules) is None


def current_since(run: ScreeningRun | None, policy: str, *, rules: str | None = None) -> str | None:
    """The time up to which a household's last change leaves its stored result current (the run's
    ``screened_at``), or ``None`` when no stored result is current (no run, other tables or rules)."""
    if run is None or not is_current(run, policy, run.screened_at, rules=rules):
        return None
    return run.screened_at
