"""A list search that a newer one replaced is given up as it runs (``household_list.ids(wanted=…)``):
on SQLite the query stops soon after ``wanted`` says False and ``None`` comes back, instead of the
whole list the new search would wait for; on PostgreSQL the query runs to its end. Nothing else
changes: the next query on the profile gives its whole answer."""

from __future__ import annotations

from typing import Any

import pytest

from advisor_app.services import household_list as hl
from advisor_app.store import engine


def test_a_search_no_longer_wanted_stops_and_gives_none(demo_profile: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PROGRESS_STEPS", 10)  # (60 households: look often)
    whole = hl.ids(demo_profile)
    assert whole is not None and len(whole) == 60
    asked: list[int] = []

    def wanted() -> bool:  # wanted at first, not after some steps
        asked.append(1)
        return len(asked) < 3

    with demo_profile.connection() as conn:
        on_sqlite = conn.dialect.name == "sqlite"
    got = hl.ids(demo_profile, "", "head_name", True, wanted=wanted)
    if on_sqlite:
        assert got is None and len(asked) >= 3
    else:
        assert got == hl.ids(demo_profile, "", "head_name", True) and not asked
    assert hl.ids(demo_profile) == whole  # the profile's next query: the whole answer
    by_name = hl.ids(demo_profile, "", "head_name", True)
    assert hl.ids(demo_profile, "", "head_name", True, wanted=lambda: True) == by_name


def test_an_error_of_the_query_itself_is_not_taken_for_giving_up(demo_profile: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_app.store import household_list as store_list

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(store_list, "ids", broken)
    with pytest.raises(RuntimeError):
        hl.ids(demo_profile, wanted=lambda: False)
