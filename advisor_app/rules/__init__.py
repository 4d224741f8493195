"""Eligibility rules: dated policy tables by region, and the programme checks.

``check_household`` is loaded when first asked for (PEP 562): the checks need numpy, and a module
that only reads the policy-table format (``rules.policy_format``, imported whenever a profile is
opened) must not pay for it (docs/startup.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .results import CheckResult, ProgramResult, Reason

if TYPE_CHECKING:
    from .check import check_household

__all__ = ["CheckResult", "ProgramResult", "Reason", "check_household"]


def __getattr__(name: str) -> Any:
    if name == "check_household":
        from .check import check_household

        return check_household
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
