"""The check of one household on one date: the per-household use case the desktop panel, the CLI's
``check`` and the batch screening's comparison tests share (:func:`check`).

Kept apart from :mod:`.eligibility` (the batch screening, its stored results and their freshness),
so that checking a file (``advisor-app check FILE``, no profile) loads the rules and nothing of the
database: no SQLAlchemy, no models (docs/startup.md). The profile's own policy tables are read only
when a profile is given.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from advisor_app.domain.household import Household
from advisor_app.rules import CheckResult, check_household
from advisor_app.rules.snapshot import TablesLike

if TYPE_CHECKING:
    from .profile import Profile

__all__ = ["check"]


def check(household: Household, on: dt.date | None = None, tables: TablesLike | None = None, *,
          profile: Profile | None = None) -> CheckResult:
    """Check one household on ``on`` (default today). Policy: ``tables`` if given, else the profile's
    tables (shipped plus its imported local table) if a profile is given, else the shipped tables."""
    if tables is None and profile is not None:
        from .policy import tables_for

        tables = tables_for(profile)
    return check_household(household, on or dt.date.today(), tables)
