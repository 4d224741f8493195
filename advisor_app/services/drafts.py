"""Drafts of work in progress, so a visit typed in the home is never lost.

The visit dialog saves its state every few seconds (:func:`save_draft`); after a crash or a power
cut the next start lists the drafts (:func:`list_drafts`) and offers to restore them. Saving the
visit deletes its draft in the same transaction (:func:`save_visit_and_discard_draft`): either both
happen or neither, so there is never a "ghost" draft of a visit that was saved.

Visit drafts (kind ``"visit"``) are keyed by the household's id; their payload is the JSON made by
:func:`visit_payload` and read back by :func:`visit_from_payload`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from advisor_app.domain import validation, vocab
from advisor_app.domain.errors import DomainError
from advisor_app.domain.household import Need, Visit
from advisor_app.store import drafts as store
from advisor_app.store.drafts import Draft

from . import households
from .profile import Profile

VISIT = "visit"

__all__ = ["VISIT", "Draft", "discard_draft", "discard_visit_draft", "find_visit_draft", "list_drafts", "save_draft",
           "save_visit_and_discard_draft", "visit_from_payload", "visit_payload"]


def save_draft(profile: Profile, kind: str, record_id: str | None, payload: str) -> str:
    """Create or replace the draft of ``kind`` for ``record_id``; returns the draft's id."""
    with profile.session(write=True) as session:
        return store.save_draft(session, kind, record_id, payload)


def list_drafts(profile: Profile, kind: str | None = None) -> list[Draft]:
    with profile.session() as session:
        return store.list_drafts(session, kind)


def find_visit_draft(profile: Profile, household_id: str) -> Draft | None:
    with profile.session() as session:
        return store.find_draft(session, VISIT, household_id)


def discard_draft(profile: Profile, draft_id: str) -> bool:
    with profile.session(write=True) as session:
        return store.discard_draft(session, draft_id)


def discard_visit_draft(profile: Profile, household_id: str) -> int:
    """Delete the household's visit draft (the advisor chose to throw it away)."""
    with profile.session(write=True) as session:
        return store.discard_drafts_for(session, VISIT, household_id)


def save_visit_and_discard_draft(profile: Profile, household_id: str, visit: Visit) -> Visit:
    """Store the visit and delete the household's visit draft, in one transaction.

    A visit that breaks a rule is refused (:class:`~advisor_app.domain.errors.InvalidRecord`): it is
    not stored and the draft is kept.
    """
    validation.tidy_visit(visit)
    validation.check_visit(visit)
    with profile.session(write=True) as session:
        saved = households.save_visit_in(session, household_id, visit)  # with its audit entries
        store.discard_drafts_for(session, VISIT, household_id)
        return saved


# ---- the visit draft's payload --------------------------------------------------------------------

def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def visit_payload(household_id: str, visit: Visit, *, head_name: str = "") -> str:
    """JSON text for a visit being typed (with the household it belongs to)."""
    return json.dumps({
        "household_id": household_id,
        "head_name": head_name,
        "visit": {
            "id": visit.id, "type": visit.type, "date": _date(visit.date),
            "investigators": list(visit.investigators), "notes": visit.notes,
            "needs": [{"category": n.category, "description": n.description, "status": n.status,
                       "id": n.id} for n in visit.needs],
            "next_visit": _date(visit.next_visit), "follow_up": visit.follow_up, "version": visit.version,
        },
    }, ensure_ascii=False)


def _parse_date(raw: Any) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        return None


def visit_from_payload(payload: str) -> tuple[str, str, Visit]:
    """(household id, head's name, visit) from :func:`visit_payload` text; DomainError if unreadable."""
    try:
        doc = json.loads(payload)
        v = doc["visit"]
        needs = [Need(str(n.get("category") or "service"), str(n.get("description") or ""),
                      str(n.get("status") or "open"), n.get("id")) for n in v.get("needs", [])]
        visit_type = str(v.get("type") or "")
        visit = Visit(
            type=visit_type if visit_type in vocab.VISIT_TYPES else "return",
            date=_parse_date(v.get("date")) or dt.date.today(),
            investigators=[str(x) for x in v.get("investigators", [])],
            notes=str(v.get("notes") or ""), needs=needs, next_visit=_parse_date(v.get("next_visit")),
            follow_up=str(v.get("follow_up") or ""), id=v.get("id"), version=int(v.get("version") or 0))
        return str(doc["household_id"]), str(doc.get("head_name") or ""), visit
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DomainError("走访草稿已损坏，无法恢复", where=str(exc)) from None
