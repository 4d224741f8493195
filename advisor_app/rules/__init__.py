"""Eligibility rules: dated policy tables by region, and the programme checks."""

from .check import check_household
from .results import CheckResult, ProgramResult, Reason

__all__ = ["CheckResult", "ProgramResult", "Reason", "check_household"]
