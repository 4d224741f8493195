"""导出台账: the ledgers a bureau expects, as Excel files (docs/excel.md, "Export").

``export_ledger(profile, which, out)`` with ``which`` one of :data:`LEDGERS`:

==============  ==============  ==========================================================
``households``  救助帮扶台账     one row per household (:mod:`.ledger_kinds`)
``members``     成员台账         one row per person
``needs``       需求台账         one row per need found on a visit
``visits``      走访台账         one row per visit
``screening``   筛查结果         the latest screening's current results (:mod:`.screening_export`)
==============  ==============  ==========================================================

``village``: only that village's households (an unknown village is refused, naming the known
ones); ``sheet_per_village``: one sheet per village instead of one sheet. ``progress(done, total)``
every few thousand rows; returning False cancels: no file is written and ``out`` stays as it was.
The rows are read on one connection (one consistent state of the profile) and streamed.
"""

from __future__ import annotations

import datetime as dt
import os

from advisor_app.domain.errors import DomainError
from advisor_app.store import ledgers as store

from .eligibility import Progress
from .ledger_book import NO_VILLAGE, LedgerFile, LedgerKind, write_ledger
from .ledger_kinds import KINDS
from .profile import Profile
from .screening_export import SCREENING

LEDGERS: dict[str, LedgerKind] = {**KINDS, SCREENING.name: SCREENING}
TITLES = {name: kind.title for name, kind in LEDGERS.items()}

__all__ = ["LEDGERS", "NO_VILLAGE", "TITLES", "LedgerFile", "export_ledger", "villages"]


def export_ledger(profile: Profile, which: str, out: str | os.PathLike[str], *, village: str | None = None,
                  sheet_per_village: bool = False, progress: Progress | None = None,
                  today: dt.date | None = None) -> LedgerFile:
    """Write the ledger ``which`` to ``out`` (see the module's doc); ``today``: the date in the titles
    and of the members' ages (default: today)."""
    kind = LEDGERS.get(which)
    if kind is None:
        raise DomainError(f"没有“{which}”这种台账，可用：" + "、".join(f"{k}（{v}）" for k, v in TITLES.items()))
    return write_ledger(profile, kind, out, village=village, sheet_per_village=sheet_per_village,
                        progress=progress, today=today)


def villages(profile: Profile) -> list[str]:
    """The villages of the profile's live households, in order ("" for households without one)."""
    with profile.connection() as conn:
        return store.villages(conn)
