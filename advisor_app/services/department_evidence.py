"""What other departments' lists say about a household, and the leads they gave (read only).

Evidence is what an imported list said on its date, with the file it came from
(:mod:`advisor_app.services.department_lists`); the household view shows it beside what the advisor
recorded, never instead of it. A lead is a row that named nobody stored: a person in need the
advisor does not know yet.
"""

from __future__ import annotations

from advisor_app.domain import vocab
from advisor_app.sheets.headers import FIELDS, KIND_LABELS
from advisor_app.store import department_evidence as store
from advisor_app.store.department_evidence import Evidence

from .profile import Profile


def household_evidence(profile: Profile, household_id: str) -> list[Evidence]:
    """Every list's rows about the household's members (newest import first)."""
    with profile.connection() as conn:
        return store.for_household(conn, household_id)


def leads(profile: Profile, kind: str | None = None, *, limit: int = 1000) -> list[Evidence]:
    """Rows that named nobody stored and still name no live member (newest import first)."""
    with profile.connection() as conn:
        return store.leads(conn, kind, limit=limit)


def describe(evidence: Evidence) -> str:
    """One line for a person: 残联残疾人名册（名单.xlsx 第 5 行，2024-03-05）：残疾类别 肢体残疾；残疾等级 二级."""
    labels = {f.name: f.label for f in FIELDS.get(evidence.kind, [])}
    order = list(labels)
    shown = sorted(evidence.fields.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    parts = "；".join(f"{labels.get(k, k)} {_shown(k, v)}" for k, v in shown if v not in (None, ""))
    when = evidence.on_date.isoformat() if evidence.on_date else evidence.period
    where = f"{evidence.source_name} 第 {evidence.row_number} 行" + (f"，{when}" if when else "")
    return f"{KIND_LABELS.get(evidence.kind, evidence.kind)}（{where}）：{parts}"


def _shown(name: str, value: object) -> str:
    if name == "disability_kind":
        return vocab.DISABILITY_KINDS.get(str(value), str(value))
    if name == "disability_grade" and isinstance(value, int):
        return vocab.DISABILITY_GRADES.get(value, str(value))
    return str(value)


__all__ = ["Evidence", "describe", "household_evidence", "leads"]
