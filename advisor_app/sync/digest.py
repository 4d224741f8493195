"""An order-independent digest of synchronised records: equal on two profiles holding the same data.

Each record contributes the SHA-256 of its kind, id and values (canonical JSON: sorted keys, no
spaces), and the contributions are combined with XOR, so the order records are read in does not
matter and one record can be added or taken away without reading the others again (as CommCare's
state hash). Tombstones count: a deletion that did not reach the other side shows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

EMPTY = "0" * 64


def record_digest(kind: str, record_id: str, values: Mapping[str, Any]) -> int:
    text = json.dumps([kind, record_id, values], ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


class Digest:
    """Records added one by one; :attr:`hex` is the digest of all of them."""

    def __init__(self) -> None:
        self.value = 0
        self.records = 0

    def add(self, kind: str, record_id: str, values: Mapping[str, Any]) -> None:
        self.value ^= record_digest(kind, record_id, values)
        self.records += 1

    @property
    def hex(self) -> str:
        return f"{self.value:064x}"
