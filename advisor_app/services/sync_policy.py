"""The keeper of the ``policy_table`` kind: a county's policy table, office → advisor (docs/sync.md).

A record is one region's table as the office holds it: id the region code, values ``{"rows": [the
cells of each value row, as the table file writes them], "deleted": bool}`` — a table removed at the
office (``policy reset``) is the tombstone ``{"rows": [], "deleted": true}``. Every table the
office holds travels to every advisor it enrolled (tables are a few KB and a laptop may hold
households of a neighbouring county; unused tables cost nothing), in each bundle until acknowledged.

On the laptop the office's copy replaces the laptop's table of that region ("the office's table
wins"), or, a tombstone, removes it (back to the shipped table); the table records the office's
name, device id and fingerprint and when it arrived (``policy show`` says so), and the replacement
is an audit entry (``import`` or ``reset``, kind ``policy``) in the import's transaction. The bundle's
signature, checked before anything is decrypted, is the office's signature over the table.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import is_ascii_digits
from advisor_app.rules.policy import default_tables
from advisor_app.store.models import utc_now
from advisor_app.store.policy_tables import FromOffice
from advisor_app.store.sync_models import SyncPeerRow
from advisor_app.sync import keys
from advisor_app.sync.kinds import NO_HOUSEHOLD
from advisor_app.sync.versions import DELETED

from . import audit, policy_store

ROWS = "rows"


class PolicyTableKeeper:
    """See the module doc (the protocol: :class:`.sync_keepers.Keeper`)."""

    def changed(self, session: Session) -> dict[str, tuple[str, dict[str, Any], int | None]]:
        return {t.region: (NO_HOUSEHOLD, {ROWS: json.loads(t.value_rows), DELETED: t.removed}, t.version)
                for t in policy_store.stored_tables(session, with_removed=True)}

    def check(self, session: Session, record_id: str, household: str, values: Mapping[str, Any]) -> None:
        if not (len(record_id) == 6 and is_ascii_digits(record_id)):
            raise DomainError("地区代码应是 6 位数字")
        rows, deleted = values.get(ROWS), values.get(DELETED)
        if set(values) != {ROWS, DELETED} or not isinstance(rows, list) or not isinstance(deleted, bool):
            raise DomainError("内容的结构不对")
        if deleted:
            if rows:
                raise DomainError("删除了的表不应带有数值")
            return
        if not rows:
            raise DomainError("表中没有数据行")
        default_tables().with_local(policy_store.rows_of(record_id, json.dumps(rows)))  # periods checked

    def write(self, session: Session, record_id: str, household: str, values: Mapping[str, Any],
              sender: SyncPeerRow) -> int | None:
        public = keys.PublicIdentity.from_dict(json.loads(sender.public_text), "sync_peers")
        office = FromOffice(sender.name, sender.device_id, keys.fingerprint(public), utc_now())
        deleted = bool(values.get(DELETED))
        rows = [] if deleted else policy_store.rows_of(record_id, json.dumps(values.get(ROWS)))
        policy_store.replace_regions(session, [record_id], rows, office=office)
        audit.record(session, action="reset" if deleted else "import", kind="policy", record_id=record_id,
                     detail=f"office {sender.device_id}")
        return None  # a laptop never sends its tables: nothing to compare at its next seal


KEEPER = PolicyTableKeeper()
