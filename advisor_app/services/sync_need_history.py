"""The keeper of the ``need_status_change`` kind: one entry of a need's status history (docs/sync.md).

A record is one row of the need's history as it was written where the change was made — values
``{"need", "old_status", "new_status", "changed_on", "changed_by", "note", "recorded_at",
"deleted"}`` — and travels with its household like the need itself. It is written once and never
edited (tombstoned with its household), so the two sides' histories only add up: the office's
已转介 with its day, clerk and note reaches the laptop as the office wrote it, and the laptop's own
entries stay. An import stores the other side's entries with their ids; the household save of an
import records no entry of its own for the status it writes (the entry arrives as a record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError
from advisor_app.domain.needs import MAX_NAME, MAX_NOTE
from advisor_app.domain.vocab import NEED_STATUSES
from advisor_app.store import need_history_sync as store
from advisor_app.store.sync_models import SyncPeerRow

FIELDS = frozenset({"need", "old_status", "new_status", "changed_on", "changed_by", "note", "recorded_at", "deleted"})


class NeedHistoryKeeper:
    """See the module doc (the protocol: :class:`.sync_keepers.Keeper`)."""

    def changed(self, session: Session) -> dict[str, tuple[str, dict[str, Any], int | None]]:
        return {c.id: (c.household, c.values, c.version) for c in store.changed_since_sealed(session)}

    def check(self, session: Session, record_id: str, household: str, values: Mapping[str, Any]) -> None:
        texts = ("need", "old_status", "new_status", "changed_on", "changed_by", "note", "recorded_at")
        if set(values) != FIELDS or not all(isinstance(values[k], str) for k in texts) \
                or not isinstance(values["deleted"], bool):
            raise DomainError("内容的结构不对")
        for key in ("old_status", "new_status"):
            if values[key] not in NEED_STATUSES:
                raise DomainError(f"不认识的需求状态“{str(values[key])[:20]}”")
        try:
            dt.date.fromisoformat(values["changed_on"])
        except ValueError:
            raise DomainError(f"变更日期“{values['changed_on'][:20]}”不是日期") from None
        if len(values["changed_by"]) > MAX_NAME or len(values["note"]) > MAX_NOTE:
            raise DomainError(f"经办人姓名或说明太长（最多 {MAX_NAME} / {MAX_NOTE} 个字）")
        if store.need_household(session, values["need"]) != household:
            raise DomainError("它所属的需求不在本机的这户家庭里")

    def write(self, session: Session, record_id: str, household: str, values: Mapping[str, Any],
              sender: SyncPeerRow) -> int | None:
        return store.put(session, record_id, household, dict(values))


KEEPER = NeedHistoryKeeper()
