"""Reading a household file (``advisor-household/2``, or the older ``/1``): parsed and validated,
with the notes on what an older file left undecided. No profile and no database library is needed
for it (``advisor-app check FILE`` reads one before checking it; docs/startup.md);
:mod:`.households` re-exports both functions for the commands that save what they read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from advisor_app.domain.household import Household
from advisor_app.domain.limits import MAX_HOUSEHOLD_BYTES, read_limited, read_stream_limited

__all__ = ["read_document", "read_document_with_notes"]


def read_document(path: str | Path) -> Household:
    """Parse and validate an ``advisor-household/2`` (or ``/1``) file (or ``-`` for standard input)."""
    return read_document_with_notes(path)[0]


def read_document_with_notes(path: str | Path) -> tuple[Household, list[str]]:
    """:func:`read_document`, and the notes on what an older ``/1`` file left undecided (supporters
    whose relation names no kinship): warnings for the advisor, nothing is refused for them.
    A file larger than ``MAX_HOUSEHOLD_BYTES`` (20 MB) is refused unread (``/dev/zero`` stops)."""
    from advisor_app.domain import interchange

    if str(path) == "-":
        data = read_stream_limited(sys.stdin.buffer, MAX_HOUSEHOLD_BYTES, "家庭文件", "标准输入")
    else:
        data = read_limited(path, MAX_HOUSEHOLD_BYTES, "家庭文件")
    return interchange.read_household_json(data)
