"""The case-book: one data file per boundary (tests/data/casebook/*.json), all run by one test.

Each file holds a household document, a check date, optionally a test-only policy table folder
(``tables``: a folder under casebook/tables/), and the expected results. Expectations are partial:
only the keys written in the file are compared, against the ``advisor-check/1`` JSON document.
``why`` (required in ``advisor-household/2`` cases) is how the expected answer was worked out by
hand from the law; ``description`` says what the case is. Any other top-level key is a mistake in
the file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from advisor_app.domain.interchange import household_from_dict
from advisor_app.rules import check_household
from advisor_app.rules.policy import PolicyTables

CASEBOOK = Path(__file__).parents[1] / "data" / "casebook"
CASES = sorted(CASEBOOK.glob("*.json"))
TOP_LEVEL = {"description", "why", "on", "tables", "household", "expect"}


def _tables(name: str | None) -> PolicyTables | None:
    return PolicyTables.load(CASEBOOK / "tables" / name) if name else None


def _find(programs: list[dict[str, Any]], want: dict[str, Any]) -> dict[str, Any]:
    found = [p for p in programs if p["program"] == want["program"]
             and ("member" not in want or p.get("member") == want["member"])]
    assert len(found) == 1, f"expected one {want['program']} result for {want.get('member')}, got {len(found)}"
    return found[0]


def test_casebook_is_there() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    if case["household"].get("format") == "advisor-household/2":
        assert case.get("why"), "a case in advisor-household/2 explains its expected answer in \"why\""
    assert set(case) <= TOP_LEVEL, f"unknown keys {sorted(set(case) - TOP_LEVEL)}"
    assert isinstance(case.get("why", "-"), str) and case.get("why", "-").strip(), "why must be a sentence"
    household = household_from_dict(case["household"])
    result = check_household(household, dt.date.fromisoformat(case["on"]), _tables(case.get("tables")))
    doc = result.to_dict()
    expect = case["expect"]
    for key, value in expect.get("household", {}).items():
        assert doc["household"][key] == value, f"household.{key}"
    for key, value in expect.get("policy", {}).items():
        assert doc["policy"][key]["value"] == value, f"policy.{key}"
    for key in expect.get("policy_absent", []):
        assert key not in doc["policy"], f"policy.{key} should be unknown"
    for want in expect.get("programs", []):
        got = _find(doc["programs"], want)
        for key, value in want.items():
            if key == "missing_contains":
                assert any(value in m for m in got["missing"]), got["missing"]
            else:
                assert got[key] == value, f"{want['program']}.{key}: {got[key]!r} != {value!r}"
        assert got["status"] in ("eligible", "ineligible", "needs_info")
        assert (got["status"] == "needs_info") == bool(got["missing"]), "missing facts only with needs_info"
    for program in expect.get("absent", []):
        assert all(p["program"] != program for p in doc["programs"]), f"{program} should not be assessed"
    texts = [r["text"] for p in doc["programs"] for r in p["reasons"]]
    for fragment in expect.get("reasons_contain", []):
        assert any(fragment in t for t in texts), f"no reason contains {fragment!r}"
