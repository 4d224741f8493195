"""The explanation of a check for the family (summary, recommendation, reasons with citations, the
default-value note once): one builder for the desktop panel, 复制说明 and the CLI's ``check``.

The wording is :mod:`advisor_app.rules.explanation`; the rule for which programmes to apply for
together is :mod:`advisor_app.rules.recommendation`. This service adds the one thing those pure
functions cannot do themselves: when a member is recommended for 特困, the household's 低保 is
checked again without that member (the same date and tables), so the family hears the 低保 amount
of the others, not of everyone.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from advisor_app.domain.household import Household
from advisor_app.rules import CheckResult, check_household
from advisor_app.rules.explanation import (
    DEFAULT_MARK,
    AdviceLine,
    ExplainedReason,
    Explanation,
    ProgramSection,
)
from advisor_app.rules.explanation import explain as build
from advisor_app.rules.recommendation import Pick, Recommendation, SetAside, recommend
from advisor_app.rules.snapshot import TablesLike

if TYPE_CHECKING:
    from .profile import Profile

__all__ = ["DEFAULT_MARK", "AdviceLine", "ExplainedReason", "Explanation", "Pick", "ProgramSection",
           "Recommendation", "SetAside", "explain"]


def explain(household: Household, result: CheckResult, tables: TablesLike | None = None, *,
            profile: Profile | None = None) -> Explanation:
    """The explanation of ``result``, the check of ``household``. Policy for a second check (the
    低保 of the others when a member goes to 特困): ``tables``, else the profile's, else shipped —
    pass what the first check used."""
    without = recommend(result).dibao_without
    rest = None
    if without:
        if tables is None and profile is not None:
            from .policy import tables_for

            tables = tables_for(profile)
        others = dataclasses.replace(
            household, members=[m for m in household.members if m.id_number not in without])
        rest = check_household(others, result.on, tables, explain=False)
    return build(result, rest)
