"""The office's view of its advisors: who sent what and when, and who has been silent for N days.

One :class:`AdvisorRow` per enrolled advisor (revoked ones too, marked): name, villages,
fingerprint (from the public keys the key layer keeps as text; empty when that text is not one it
wrote), the last bundle imported from the advisor (when, which sequence), the sequences never
imported (gaps), the households assigned and how many of them are 未发送 / 待确认 — the same marks
as the household list (:mod:`advisor_app.store.sync_marks`).

:func:`silent_days` says how long an advisor has been silent: days since its last bundle, or since
it was enrolled when it never sent one. Read only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from advisor_app.domain.errors import DomainError
from advisor_app.store import sync_marks
from advisor_app.store import sync_state as store
from advisor_app.sync.keys import PublicIdentity, fingerprint

from .profile import Profile
from .sync_setup import ADVISOR, OFFICE, identity_in

SILENT_DAYS = 7
"""After how many days without a bundle the view highlights an advisor (adjustable in the view)."""


@dataclass(frozen=True, slots=True)
class AdvisorRow:
    device_id: str
    name: str
    villages: tuple[str, ...]
    fingerprint: str
    revoked: bool
    enrolled_at: dt.datetime
    last_bundle_at: dt.datetime | None  # when its latest bundle was imported (UTC)
    last_sequence: int | None  # that bundle's sequence
    gaps: tuple[int, ...]  # its bundles never imported (all earlier than the highest imported)
    households: int  # assigned to it
    unsent: int  # of them 未发送: changes not yet in a bundle to it
    unconfirmed: int  # 待确认: sent, not yet acknowledged by it


class NotOffice(DomainError):
    """The view of advisors is the office's."""


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _fingerprint(public_text: str) -> str:
    try:
        obj = json.loads(public_text)
        if not isinstance(obj, dict):
            return ""
        if isinstance(obj.get("fingerprint"), str):
            return str(obj["fingerprint"])
        keys = ("device_id", "name", "role", "signing_key", "box_key")
        return fingerprint(PublicIdentity.from_dict({k: obj.get(k) for k in keys}))
    except (ValueError, DomainError, TypeError):
        return ""


def advisors(profile: Profile) -> list[AdvisorRow]:
    """The office's advisors, by name."""
    with profile.session() as session:
        if identity_in(session).role != OFFICE:
            raise NotOffice("只有乡镇的档案能查看救助顾问的数据包")
        conn = session.connection()
        marks = sync_marks.marks_by_advisor(conn)
        last = sync_marks.last_bundles(conn)
        rows = []
        for peer in store.peers(session):
            if peer.role != ADVISOR:
                continue
            seen = store.received_sequences(session, peer.device_id)
            have = set(seen)
            sequence, at = last.get(peer.device_id, (None, None))
            households, unsent, unconfirmed = marks.get(peer.device_id, (0, 0, 0))
            rows.append(AdvisorRow(
                peer.device_id, peer.name, tuple(store.villages_of(peer)), _fingerprint(peer.public_text),
                peer.revoked_at is not None, _time(peer.enrolled_at), _time(at) if at else None, sequence,
                tuple(n for n in range(1, max(seen, default=0)) if n not in have), households, unsent, unconfirmed))
        return rows


def silent_days(row: AdvisorRow, now: dt.datetime | None = None) -> int:
    """Whole days since the advisor's last bundle (since its enrolment when it never sent one)."""
    now = now or dt.datetime.now(dt.UTC)
    return max(0, (now - (row.last_bundle_at or row.enrolled_at)).days)


def is_silent(row: AdvisorRow, days: int, now: dt.datetime | None = None) -> bool:
    """Not sent anything for ``days`` days or more (a revoked advisor is not expected to)."""
    return not row.revoked and silent_days(row, now) >= days
