"""rules.freshness: when a stored screening result is current, and the policy tables' fingerprint."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from advisor_app.rules import freshness
from advisor_app.rules.freshness import ScreeningRun, current_since, is_current, policy_fingerprint, stale_reason
from advisor_app.rules.policy import PolicyTables, default_tables

AT = "2026-11-01T08:00:00.000000Z"


def run(policy: str = "p1", rules: str | None = None) -> ScreeningRun:
    return ScreeningRun(dt.date(2026, 11, 1), AT, 60, policy=policy,
                        rules=freshness.RULES_VERSION if rules is None else rules)


def test_current_until_the_household_changes() -> None:
    assert is_current(run(), "p1", AT)
    assert is_current(run(), "p1", "2026-10-31T23:59:59.999999Z")
    assert not is_current(run(), "p1", "2026-11-01T08:00:00.000001Z")
    assert stale_reason(run(), "p1", "2026-11-02T00:00:00.000000Z") == "该家庭在筛查之后有改动，请重新筛查"
    assert not is_current(run(), "p1", None)  # a household the run does not know


@pytest.mark.parametrize(("the_run", "policy", "rules", "words"), [
    (None, "p1", None, "还没有做过批量筛查"),
    (run(policy=""), "", None, "旧版本"),
    (run(rules=""), "p1", None, "旧版本"),
    (run(), "p2", None, "政策标准表"),
    (run(), "p1", "next", "核对规则"),
])
def test_no_result_is_current_after_other_tables_or_rules(the_run: ScreeningRun | None, policy: str,
                                                          rules: str | None, words: str) -> None:
    reason = stale_reason(the_run, policy, AT, rules=rules)
    assert reason is not None and words in reason
    assert current_since(the_run, policy, rules=rules) is None
    assert not is_current(the_run, policy, "2000-01-01T00:00:00.000000Z", rules=rules)


def test_current_since_is_the_run_time_when_tables_and_rules_match() -> None:
    assert current_since(run(), "p1") == AT


def test_the_rules_version_is_read_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    old = run()
    monkeypatch.setattr(freshness, "RULES_VERSION", "2099.1")
    assert current_since(old, "p1") is None and current_since(run(rules="2099.1"), "p1") == AT


def test_fingerprint_follows_the_figures_not_the_wording() -> None:
    tables = default_tables()
    rows = tables.rows()
    same = PolicyTables(list(reversed(rows)), tables.names())
    assert policy_fingerprint(same) == policy_fingerprint(tables)
    i = next(n for n, r in enumerate(rows) if r.key == "dibao_standard")
    reworded = [*rows[:i], dataclasses.replace(rows[i], source="另一份文件", note="说明"), *rows[i + 1:]]
    assert policy_fingerprint(PolicyTables(reworded, tables.names())) == policy_fingerprint(tables)
    for replaced in (dataclasses.replace(rows[i], value=rows[i].value + 1),
                     dataclasses.replace(rows[i], effective_to=dt.date(2099, 12, 31))):
        changed = [*rows[:i], replaced, *rows[i + 1:]]
        assert policy_fingerprint(PolicyTables(changed, tables.names())) != policy_fingerprint(tables)
    assert policy_fingerprint(PolicyTables([*rows[:i], *rows[i + 1:]], tables.names())) != policy_fingerprint(tables)
